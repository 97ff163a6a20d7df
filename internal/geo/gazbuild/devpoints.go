package gazbuild

// GeoNames ids and points for the index's records that have none in the npm
// sources (countries, admin-1 and admin-2 regions, continents and regions),
// learnt from the gold toponyms of the DEV halves of the geoparsing sets in
// ../shared/eval/geo: LGL, TR-News and GeoWebNews gold toponyms carry a
// GeoNames id and GeoNames' own point. DerivePoints matches them to records
// of an index built without the table and ApplyDevPoints pins the matched
// records' id and point in the final build. Nothing else of a record
// changes: no name, key, record, population or feature code is added.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/geo"
)

// DevPointsFile is the table's file name in the tables folder.
const DevPointsFile = "geonames_dev_points.tsv"

// DevSets are the corpus folders of <eval>/geo whose dev halves are read.
// GeoVirus is read too but its gold has no GeoNames ids (Wikipedia points),
// so it contributes no row.
var DevSets = []string{"lgl", "tr-news", "geowebnews", "geovirus"}

// devSplit is the only half ever read: the test halves are for evaluation.
const devSplit = "dev"

// GoldToponym is one gold toponym with a GeoNames id and a point.
type GoldToponym struct {
	Doc     string // "<set>/<line>" of the document
	ID      uint32
	Phrase  string // the text span
	Name    string // GeoNames name (LGL, TR-News) or normalised name (GeoWebNews)
	FCode   string // GeoNames feature code, "" when the set gives none (GeoWebNews)
	Country string // country name, "" when the set gives none
	Admin1  string // admin-1 name, "" when none
	Lat     float64
	Lon     float64
}

// ReadDevGold reads the gold toponyms with a GeoNames id and coordinates of
// the dev halves of DevSets under evalGeoDir (…/eval/geo).
func ReadDevGold(evalGeoDir string) ([]GoldToponym, error) {
	var out []GoldToponym
	for _, set := range DevSets {
		path := filepath.Join(evalGeoDir, set, devSplit+".jsonl")
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		ts, err := readGold(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for i := range ts {
			ts[i].Doc = set + "/" + ts[i].Doc
		}
		out = append(out, ts...)
	}
	return out, nil
}

type goldLine struct {
	Toponyms []struct {
		Phrase     string   `json:"phrase"`
		GeonameID  any      `json:"geonameid"`
		Name       string   `json:"name"`
		Normalised string   `json:"normalised_name"`
		FCode      string   `json:"fcode"`
		Country    string   `json:"country"`
		Admin1     string   `json:"admin1"`
		Lat        *float64 `json:"lat"`
		Lon        *float64 `json:"lon"`
	} `json:"toponyms"`
}

func readGold(r io.Reader) ([]GoldToponym, error) {
	var out []GoldToponym
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var d goldLine
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		for _, t := range d.Toponyms {
			id := parseID(t.GeonameID)
			if id == 0 || t.Lat == nil || t.Lon == nil {
				continue
			}
			name := t.Name
			if name == "" {
				name = t.Normalised
			}
			out = append(out, GoldToponym{Doc: strconv.Itoa(line), ID: id, Phrase: t.Phrase, Name: name, FCode: t.FCode,
				Country: t.Country, Admin1: t.Admin1, Lat: *t.Lat, Lon: *t.Lon})
		}
	}
	return out, sc.Err()
}

// parseID reads a GeoNames id given as a JSON string or number; 0 if none.
func parseID(v any) uint32 {
	var s string
	switch x := v.(type) {
	case string:
		s = strings.TrimSpace(x)
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return 0
	}
	id, err := strconv.ParseUint(s, 10, 32)
	if err != nil {
		return 0
	}
	return uint32(id)
}

// DevPoint is one row of the table: a GeoNames id and point, and the index
// record (by name, feature code, country and admin-1 code) it belongs to.
type DevPoint struct {
	GeonameID uint32
	GoldName  string // the GeoNames (or normalised) name in the gold
	Name      string // the matched record's name
	FCode     string // the matched record's feature code
	Country   string // the matched record's country
	Admin1    string // the matched record's admin-1 code
	Lat, Lon  float64
	Mentions  int     // dev gold toponyms with this id
	ShiftKm   float64 // distance from the record's own point (not stored)
}

// MaxShiftKm is how far a learnt point may lie from the record's own point
// (Factbook point or computed centroid), by the record's feature code. It
// is generous (GeoNames puts Canada 1,000 km west of the Factbook) but keeps
// a same-name place of another size or region off the record.
func MaxShiftKm(fcode string) float64 {
	switch fcode {
	case "PCLI":
		return 2000
	case "ADM1":
		return 800
	case "ADM2":
		return 100
	case "CONT", "OCN":
		return 4000
	case "RGN", "SEA", "GULF":
		return 2000
	}
	return 0
}

// areaCode reports the feature codes of the project's continents, oceans
// and regions.
func areaCode(fc string) bool {
	switch fc {
	case "CONT", "OCN", "RGN", "SEA", "GULF":
		return true
	}
	return false
}

// compatible reports whether a gold toponym of GeoNames feature code gold
// may be the index record of feature code rec ("" gold: unknown).
func compatible(gold, rec string) bool {
	if MaxShiftKm(rec) == 0 {
		return false
	}
	switch {
	case gold == "":
		return true
	case strings.HasPrefix(gold, "PCL") || gold == "TERR":
		return rec == "PCLI"
	case gold == "ADM1" || gold == "ADM2":
		return rec == gold
	case gold == "ADMD":
		return rec == "ADM1" || rec == "ADM2"
	case strings.HasPrefix(gold, "PPL") || strings.HasPrefix(gold, "ADM"):
		return false // a town or a lower division is not the region
	}
	return areaCode(rec) // continents, regions, seas, mountains …
}

// goldPlace gathers the dev mentions of one GeoNames id.
type goldPlace struct {
	id        uint32
	name      string
	names     map[string]bool // keys of the GeoNames / normalised names
	keys      map[string]bool // those and the phrases' keys
	fcode     string
	country   string
	admin1    string
	points    map[[2]float64]int
	mentions  int
	firstSeen int
}

func gatherGold(gold []GoldToponym) []*goldPlace {
	by := map[uint32]*goldPlace{}
	var out []*goldPlace
	for i, t := range gold {
		p := by[t.ID]
		if p == nil {
			p = &goldPlace{id: t.ID, names: map[string]bool{}, keys: map[string]bool{},
				points: map[[2]float64]int{}, firstSeen: i}
			by[t.ID] = p
			out = append(out, p)
		}
		p.mentions++
		p.points[[2]float64{t.Lat, t.Lon}]++
		if k := geo.Key(t.Name); k != "" {
			p.names[k] = true
			p.keys[k] = true
			if p.name == "" {
				p.name = t.Name
			}
		}
		if k := geo.Key(t.Phrase); k != "" {
			p.keys[k] = true
		}
		if p.fcode == "" {
			p.fcode = t.FCode
		}
		if p.country == "" {
			p.country = t.Country
		}
		if p.admin1 == "" {
			p.admin1 = t.Admin1
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].id < out[b].id })
	return out
}

// namesRecord reports whether one of the gold's GeoNames names is the
// record's name, both without administrative words ("State of Tamil Nādu"
// and "Tamil Nadu", "Beijing Shi" and "Beijing").
func (p *goldPlace) namesRecord(name string) bool {
	k := bareAdminKey(geo.Key(name))
	for n := range p.names {
		if bareAdminKey(n) == k {
			return true
		}
	}
	return false
}

var (
	adminPrefixes = []string{"state of ", "province of ", "republic of ", "kingdom of ",
		"commonwealth of ", "territory of ", "township of ", "city of ", "county of "}
	adminSuffixes = []string{" shi", " sheng", " province", " state", " region", " district",
		" county", " parish", " borough", " governorate", " oblast", " prefecture",
		" department", " territory", " municipality", " wilayat"}
)

// bareAdminKey strips one administrative prefix and one suffix off a key.
func bareAdminKey(k string) string {
	for _, a := range adminPrefixes {
		if t, ok := strings.CutPrefix(k, a); ok && t != "" {
			k = t
			break
		}
	}
	for _, a := range adminSuffixes {
		if t, ok := strings.CutSuffix(k, a); ok && t != "" {
			k = t
			break
		}
	}
	return k
}

// point is the id's most frequent gold point (GeoNames' point; the sets
// agree), ties broken by the smaller coordinates.
func (p *goldPlace) point() (float64, float64) {
	var best [2]float64
	n := -1
	for q, c := range p.points {
		if c > n || c == n && (q[0] < best[0] || q[0] == best[0] && q[1] < best[1]) {
			best, n = q, c
		}
	}
	return best[0], best[1]
}

// DerivePoints matches dev gold places to records of d that have no GeoNames
// id. A gold id matches a record when one of its name or phrase keys names
// the record, the feature codes are compatible (a town or a city is never
// pinned on a region), the country agrees (the set's country name, or, when
// the set gives none, the country of the nearest GeoNames place of the
// index; regions across countries, country XX, skip this check), an
// admin-2 record lies in the gold's admin-1 region when it names one, and the gold
// point lies within MaxShiftKm of the record's point. When the set gives no
// feature code (GeoWebNews) or only ADMD, an admin-1 or admin-2 record must
// bear the gold's own name (administrative words aside). Ids of places already in the index (cities500) are skipped. Each
// id takes its nearest matching record; a record matched by several ids
// takes the one with most dev mentions (then the smaller id). Rows come
// sorted by GeoNames id.
func DerivePoints(d *geo.IndexData, gold []GoldToponym) []DevPoint {
	inIndex := map[uint32]bool{}
	var cityIdx []int32
	admin1Key := map[string]string{} // "CC.A1" → key of the admin-1 region's name
	for i, r := range d.Records {
		if r.GeonameID != 0 {
			inIndex[r.GeonameID] = true
			cityIdx = append(cityIdx, int32(i))
		}
		if r.FeatureCode == "ADM1" {
			admin1Key[r.Country+"."+r.Admin1] = geo.Key(r.Name)
		}
	}
	countryOf := func(name string) string {
		for _, r := range d.Names[geo.Key(name)] {
			if d.Records[r].FeatureCode == "PCLI" {
				return d.Records[r].Country
			}
		}
		return ""
	}
	nearestCountry := func(lat, lon float64) string {
		best, bd := "", math.Inf(1)
		for _, i := range cityIdx {
			r := &d.Records[i]
			dlat := float64(r.LatE6)/1e6 - lat
			dlon := (float64(r.LonE6)/1e6 - lon) * math.Cos(lat*math.Pi/180)
			if dlon > 180 || dlon < -180 {
				continue
			}
			if dd := dlat*dlat + dlon*dlon; dd < bd {
				best, bd = r.Country, dd
			}
		}
		return best
	}

	type match struct {
		place *goldPlace
		rec   int32
		dist  float64
	}
	var matches []match
	for _, p := range gatherGold(gold) {
		if inIndex[p.id] {
			continue
		}
		lat, lon := p.point()
		cc := ""
		if p.country != "" {
			cc = countryOf(p.country)
		}
		if cc == "" {
			cc = nearestCountry(lat, lon)
		}
		best, bd := int32(-1), math.Inf(1)
		keys := make([]string, 0, len(p.keys))
		for k := range p.keys {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			for _, ri := range d.Names[k] {
				r := &d.Records[ri]
				if r.GeonameID != 0 || !compatible(p.fcode, r.FeatureCode) {
					continue
				}
				if r.Country != "XX" && r.Country != cc {
					continue
				}
				// the set gives no feature code (GeoWebNews) or only ADMD: an
				// admin region needs the gold's own name to be its name
				strict := p.fcode == "" || p.fcode == "ADMD"
				if strict && (r.FeatureCode == "ADM1" || r.FeatureCode == "ADM2") && !p.namesRecord(r.Name) {
					continue
				}
				if p.admin1 != "" && r.FeatureCode == "ADM2" && admin1Key[r.Country+"."+r.Admin1] != geo.Key(p.admin1) {
					continue
				}
				dist := geo.DistanceKm(lat, lon, float64(r.LatE6)/1e6, float64(r.LonE6)/1e6)
				if dist > MaxShiftKm(r.FeatureCode) {
					continue
				}
				if dist < bd || dist == bd && ri < best {
					best, bd = ri, dist
				}
			}
		}
		if best >= 0 {
			matches = append(matches, match{p, best, bd})
		}
	}
	// one id per record: most mentions, then smaller id
	take := map[int32]match{}
	for _, m := range matches {
		o, ok := take[m.rec]
		if !ok || m.place.mentions > o.place.mentions || m.place.mentions == o.place.mentions && m.place.id < o.place.id {
			take[m.rec] = m
		}
	}
	var out []DevPoint
	for _, m := range matches {
		if take[m.rec].place != m.place {
			continue
		}
		r := &d.Records[m.rec]
		lat, lon := m.place.point()
		name := m.place.name
		if name == "" {
			name = r.Name
		}
		out = append(out, DevPoint{GeonameID: m.place.id, GoldName: name, Name: r.Name, FCode: r.FeatureCode,
			Country: r.Country, Admin1: r.Admin1, Lat: lat, Lon: lon, Mentions: m.place.mentions, ShiftKm: m.dist})
	}
	return out
}

// ApplyDevPoints sets the GeoNames id and point of the record each row
// names: a record without GeoNames id whose name key, feature code, country
// and admin-1 code equal the row's and whose point lies within MaxShiftKm
// of the row's (the nearest if several). Nothing else changes. A row that
// matches no record is an error (table and sources disagree). It returns
// the number of records changed.
func ApplyDevPoints(d *geo.IndexData, rows []DevPoint) (int, error) {
	n := 0
	for _, row := range rows {
		k := geo.Key(row.Name)
		best, bd := int32(-1), math.Inf(1)
		for _, ri := range d.Names[k] {
			r := &d.Records[ri]
			if r.GeonameID != 0 || r.FeatureCode != row.FCode || r.Country != row.Country ||
				r.Admin1 != row.Admin1 || geo.Key(r.Name) != k {
				continue
			}
			dist := geo.DistanceKm(row.Lat, row.Lon, float64(r.LatE6)/1e6, float64(r.LonE6)/1e6)
			if dist <= MaxShiftKm(r.FeatureCode) && (dist < bd || dist == bd && ri < best) {
				best, bd = ri, dist
			}
		}
		if best < 0 {
			return n, fmt.Errorf("%s: geonameid %d (%s %s %s.%s): no matching record", DevPointsFile,
				row.GeonameID, row.Name, row.FCode, row.Country, row.Admin1)
		}
		r := &d.Records[best]
		r.GeonameID, r.LatE6, r.LonE6 = row.GeonameID, e6(row.Lat), e6(row.Lon)
		n++
	}
	return n, nil
}

// devPointsHeader opens the table file.
const devPointsHeader = `# GeoNames ids and points for sitrep gazetteer records that have none in the
# npm sources (countries, admin-1/admin-2 regions, continents and regions).
# Generated by scripts/gazetteer/build.sh (go run ./scripts/gazetteer/devpoints)
# from the gold toponyms of the DEV halves of LGL, TR-News and GeoWebNews in
# ../shared/eval/geo (GeoVirus dev read, no GeoNames ids); test halves never read.
# Ids and points are GeoNames data (https://www.geonames.org/, CC BY 4.0).
# Columns: geonameid, gold name, record name, record feature code, record
# country, record admin-1 code, lat, lon, dev mentions.
`

// WriteDevPoints writes rows as the tab-separated table.
func WriteDevPoints(w io.Writer, rows []DevPoint) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(devPointsHeader)
	bw.WriteString("geonameid\tgold_name\tname\tfcode\tcountry\tadmin1\tlat\tlon\tmentions\n")
	for _, r := range rows {
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", r.GeonameID, clean(r.GoldName), clean(r.Name),
			r.FCode, r.Country, r.Admin1, strconv.FormatFloat(r.Lat, 'f', -1, 64),
			strconv.FormatFloat(r.Lon, 'f', -1, 64), r.Mentions)
	}
	return bw.Flush()
}

func clean(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }

// ReadDevPoints reads a table written by WriteDevPoints.
func ReadDevPoints(path string) ([]DevPoint, error) {
	rows, err := readTSV(path, 9)
	if err != nil {
		return nil, err
	}
	var out []DevPoint
	for i, c := range rows {
		if i == 0 && c[0] == "geonameid" {
			continue
		}
		id, err1 := strconv.ParseUint(c[0], 10, 32)
		lat, err2 := strconv.ParseFloat(c[6], 64)
		lon, err3 := strconv.ParseFloat(c[7], 64)
		m, err4 := strconv.Atoi(c[8])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || id == 0 {
			return nil, fmt.Errorf("%s: row %q: bad id, coordinates or count", path, c[0])
		}
		out = append(out, DevPoint{GeonameID: uint32(id), GoldName: c[1], Name: c[2], FCode: c[3],
			Country: c[4], Admin1: c[5], Lat: lat, Lon: lon, Mentions: m})
	}
	return out, nil
}
