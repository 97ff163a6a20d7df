package gazbuild

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/geo"
)

// OverlaySources names the inputs of the overlay (geo.Overlay): the
// Natural Earth 1:10m layers and GeoNames admin code tables of
// ../shared/data, the rgeo module's Natural Earth admin data (names in 26
// languages), and the project's landmarks table.
type OverlaySources struct {
	NaturalEarth  string // folder of ne_10m_*.json.gz
	GeoNamesAdmin string // folder of admin1CodesASCII.txt, admin2Codes.txt.gz
	Rgeo          string // rgeo module's data folder (Countries10.gz, Provinces10.gz); "" to skip
	Landmarks     string // scripts/gazetteer/landmarks.tsv
	// Tables is scripts/gazetteer (demonyms.tsv, regions.tsv): the
	// demonyms and adjectives listed in the overlay; "" to skip.
	Tables string
}

// OverlayStats counts what the overlay adds.
type OverlayStats struct {
	Features, Landmarks, Keys, Admin1IDs, Admin2IDs, ForeignNames, Divisions, Directional int
}

type overlayBuilder struct {
	base   *geo.Gazetteer
	nbase  int32
	o      *geo.Overlay
	names  map[string][]int32
	ids    map[int32]uint32
	srcIdx map[string]uint16
	seen   map[string]map[int32]bool
	grid   map[[2]int][]int32 // base towns of 1,000 people or more by 1° cell
	st     OverlayStats
}

// BuildOverlay compiles the overlay for base.
func BuildOverlay(base *geo.Gazetteer, src OverlaySources) (*geo.Overlay, OverlayStats, error) {
	b := &overlayBuilder{base: base, nbase: int32(base.Len()),
		o:     &geo.Overlay{BaseRecords: base.Len(), ShapeOff: []uint32{0}},
		names: map[string][]int32{}, ids: map[int32]uint32{}, srcIdx: map[string]uint16{},
		seen: map[string]map[int32]bool{}, grid: map[[2]int][]int32{}}
	for i := int32(0); i < b.nbase; i++ {
		r := base.Record(i)
		if strings.HasPrefix(r.FeatureCode, "PPL") && r.Population >= 1000 {
			c := deg1Cell(float64(r.LatE6)/1e6, float64(r.LonE6)/1e6)
			b.grid[c] = append(b.grid[c], i)
		}
	}
	if err := b.landmarks(src.Landmarks); err != nil {
		return nil, b.st, err
	}
	if err := b.naturalEarth(src.NaturalEarth); err != nil {
		return nil, b.st, err
	}
	if err := b.adminIDs(src.GeoNamesAdmin); err != nil {
		return nil, b.st, err
	}
	if src.Rgeo != "" {
		if err := b.rgeoNames(src.Rgeo); err != nil {
			return nil, b.st, err
		}
	}
	if err := b.neDivisions(src.NaturalEarth); err != nil {
		return nil, b.st, err
	}
	b.directionalRegions()
	b.invertedNames()
	if src.Tables != "" {
		if err := b.demonyms(src.Tables); err != nil {
			return nil, b.st, err
		}
	}
	b.finish()
	b.st.Keys = len(b.o.Keys)
	return b.o, b.st, nil
}

// demonyms lists the keys of demonyms.tsv and the adjectives among the
// alternate names of regions.tsv ("Kurdish", "African").
func (b *overlayBuilder) demonyms(dir string) error {
	set := map[string]bool{}
	rows, err := readTSV(filepath.Join(dir, "demonyms.tsv"), 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		set[geo.Key(r[0])] = true
	}
	regions, err := readTSV(filepath.Join(dir, "regions.tsv"), 5)
	if err != nil {
		return err
	}
	for _, r := range regions {
		if len(r) < 6 {
			continue
		}
		for _, a := range strings.Split(r[5], ",") {
			k := geo.Key(a)
			for _, suf := range []string{"ian", "ean", "can", "ish", "ese"} {
				if strings.HasSuffix(k, suf) && k != geo.Key(r[0]) && !strings.Contains(k, " ") {
					set[k] = true
				}
			}
		}
	}
	for k := range set {
		if k != "" {
			b.o.Demonyms = append(b.o.Demonyms, k)
		}
	}
	sort.Strings(b.o.Demonyms)
	return nil
}

// finish lays the names and ids out flat, sorted (geo.Overlay).
func (b *overlayBuilder) finish() {
	for k := range b.names {
		b.o.Keys = append(b.o.Keys, k)
	}
	sort.Strings(b.o.Keys)
	b.o.PostOff = []uint32{0}
	for _, k := range b.o.Keys {
		p := append([]int32(nil), b.names[k]...)
		sort.Slice(p, func(i, j int) bool { return p[i] < p[j] })
		b.o.Post = append(b.o.Post, p...)
		b.o.PostOff = append(b.o.PostOff, uint32(len(b.o.Post)))
	}
	recs := make([]int32, 0, len(b.ids))
	for r := range b.ids {
		recs = append(recs, r)
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i] < recs[j] })
	for _, r := range recs {
		b.o.IDRecs = append(b.o.IDRecs, r)
		b.o.IDs = append(b.o.IDs, b.ids[r])
	}
}

func deg1Cell(lat, lon float64) [2]int { return [2]int{int(math.Floor(lat)), int(math.Floor(lon))} }

// nearestTown is the base town of 1,000 people or more nearest to a point
// within maxKm, -1 if none.
func (b *overlayBuilder) nearestTown(lat, lon, maxKm float64) int32 {
	c := deg1Cell(lat, lon)
	best, bd := int32(-1), maxKm
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			for _, r := range b.grid[[2]int{c[0] + dy, c[1] + dx}] {
				rec := b.base.Record(r)
				if d := geo.DistanceKm(lat, lon, float64(rec.LatE6)/1e6, float64(rec.LonE6)/1e6); d < bd {
					best, bd = r, d
				}
			}
		}
	}
	return best
}

// countryOf is the country (and admin-1 region) of the towns nearest to the
// sample points, when they all agree; "XX" when they do not or none is near.
func (b *overlayBuilder) countryOf(pts [][2]float64) (string, string) {
	cc, a1 := "", ""
	sameA1 := true
	for _, p := range pts {
		r := b.nearestTown(p[1], p[0], 60)
		if r < 0 {
			continue
		}
		rec := b.base.Record(r)
		switch {
		case cc == "":
			cc, a1 = rec.Country, rec.Admin1
		case cc != rec.Country:
			return "XX", ""
		case a1 != rec.Admin1:
			sameA1 = false
		}
	}
	if cc == "" {
		return "XX", ""
	}
	if !sameA1 {
		a1 = ""
	}
	return cc, a1
}

func (b *overlayBuilder) add(r geo.Record, shape [][]int32, actor, source string) int32 {
	b.o.Records = append(b.o.Records, r)
	if shape != nil {
		b.o.ShapeData = geo.EncodeShape(b.o.ShapeData, shape)
	}
	b.o.ShapeOff = append(b.o.ShapeOff, uint32(len(b.o.ShapeData)))
	b.o.Actors = append(b.o.Actors, actor)
	si, ok := b.srcIdx[source]
	if !ok {
		si = uint16(len(b.o.SourceNames))
		b.srcIdx[source] = si
		b.o.SourceNames = append(b.o.SourceNames, source)
	}
	b.o.SourceOf = append(b.o.SourceOf, si)
	return b.nbase + int32(len(b.o.Records)-1)
}

// key lists rec under name; onlyNew skips names the base index already
// knows (a new language's name never adds a sense to an existing name).
func (b *overlayBuilder) key(name string, rec int32, onlyNew bool, minLen int) bool {
	k := geo.Key(name)
	if len(k) < minLen {
		return false
	}
	if onlyNew && len(b.base.Postings(k)) > 0 {
		return false
	}
	if b.seen[k] == nil {
		b.seen[k] = map[int32]bool{}
	}
	if b.seen[k][rec] {
		return false
	}
	b.seen[k][rec] = true
	b.names[k] = append(b.names[k], rec)
	return true
}

// landmarks reads the general-knowledge table: name, alternate names
// (";"), feature code, country, admin-1 code, lat, lon, actor country,
// published source.
func (b *overlayBuilder) landmarks(path string) error {
	rows, err := readTSV(path, 9)
	if err != nil {
		return err
	}
	for _, r := range rows {
		lat, err1 := strconv.ParseFloat(r[5], 64)
		lon, err2 := strconv.ParseFloat(r[6], 64)
		if err1 != nil || err2 != nil || len(r[3]) != 2 || !strings.HasPrefix(r[8], "http") {
			return fmt.Errorf("%s: %s: bad coordinates, country or source", path, r[0])
		}
		rec := b.add(geo.Record{LatE6: e6(lat), LonE6: e6(lon), Country: r[3], Admin1: r[4], FeatureCode: r[2], Name: r[0]},
			nil, r[7], geo.LandmarkSource+r[8])
		b.key(r[0], rec, false, 2)
		for _, a := range strings.Split(r[1], ";") {
			if a = strings.TrimSpace(a); a != "" {
				b.key(a, rec, false, 2)
			}
		}
		b.st.Landmarks++
	}
	return nil
}

// neLayer describes how one Natural Earth layer becomes records.
type neLayer struct {
	file  string
	codes map[string]string // featurecla (lower case) → GeoNames feature code; "" skips
	max   int               // shape points kept
}

var neLayers = []neLayer{
	{"ne_10m_geography_marine_polys", map[string]string{"ocean": "OCN", "sea": "SEA", "bay": "BAY", "gulf": "GULF",
		"strait": "STRT", "channel": "CHN", "sound": "SD", "fjord": "FJD", "lagoon": "LGN", "generic": "SEA", "inlet": "INLT", "river": "STM", "reef": "RF"}, 48},
	{"ne_10m_geography_regions_polys", map[string]string{"island": "ISL", "island group": "ISLS", "coast": "CST", "range/mtn": "MTS",
		"pen/cape": "PEN", "desert": "DSRT", "plateau": "PLAT", "geoarea": "AREA", "plain": "PLN", "depression": "DPR", "valley": "VAL",
		"wetlands": "WTLD", "delta": "DLTA", "basin": "BSN", "lowland": "LWL", "gorge": "GRGE", "tundra": "TUND", "isthmus": "ISTH",
		"foothills": "HLLS", "peninsula": "PEN"}, 48},
	{"ne_10m_geography_regions_points", map[string]string{"cape": "CAPE", "island": "ISL", "waterfall": "FLLS", "plain": "PLN", "island group": "ISLS"}, 1},
	{"ne_10m_geography_regions_elevation_points", map[string]string{"mountain": "MT", "spot elevation": "MT", "depression": "DPR",
		"plateau": "PLAT", "pass": "PASS", "cape": "CAPE"}, 1},
	{"ne_10m_lakes", map[string]string{"lake": "LK", "alkaline lake": "LK", "reservoir": "RSV"}, 32},
	{"ne_10m_lakes_europe", map[string]string{"lake": "LK", "alkaline lake": "LK", "reservoir": "RSV"}, 32},
	{"ne_10m_lakes_north_america", map[string]string{"lake": "LK", "reservoir": "RSV"}, 32},
	{"ne_10m_rivers_lake_centerlines", map[string]string{"river": "STM"}, 128},
	{"ne_10m_rivers_europe", map[string]string{"river": "STM", "intermittent river": "STM"}, 128},
	{"ne_10m_rivers_north_america", map[string]string{"river": "STM", "river (intermittent)": "STM"}, 128},
	{"ne_10m_parks_and_protected_lands_point", map[string]string{"national park service": "PRK"}, 1},
}

// neItem is one feature to add: Natural Earth segments of the same name and
// code that touch each other are merged first (a river comes in pieces).
type neItem struct {
	name, code, layer string
	alts              []string
	lines             [][][2]float64
	ring, point       bool
	lo, hi            [2]float64 // bbox lon/lat
}

func (b *overlayBuilder) naturalEarth(dir string) error {
	var items []*neItem
	var keys []string
	byKey := map[string][]*neItem{}
	for _, l := range neLayers {
		fs, err := readNE(filepath.Join(dir, l.file+".json.gz"))
		if err != nil {
			return err
		}
		for i := range fs {
			f := &fs[i]
			code := l.codes[strings.ToLower(f.str("featurecla"))]
			name := neDisplayName(f.str("name"))
			if code == "" || name == "" || strings.ContainsAny(name, "0123456789") {
				continue
			}
			it := &neItem{name: name, code: code, layer: l.file, lines: f.lines, ring: f.ring, point: f.point}
			for _, k := range []string{"namealt", "name_alt", "name_en", "name_full", "unit_name"} {
				it.alts = append(it.alts, altNames(f.str(k))...)
			}
			it.bbox()
			for i, ln := range it.lines {
				it.lines[i] = simplify(ln, l.max)
			}
			k := geo.Key(name) + "|" + code
			if len(byKey[k]) == 0 {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], it)
		}
	}
	// merge the touching pieces of the same name and code, until none touch
	for _, k := range keys {
		group := byKey[k]
		for merged := true; merged; {
			merged = false
			for i := 0; i < len(group) && !merged; i++ {
				for j := i + 1; j < len(group); j++ {
					if group[i].near(group[j], 0.5) {
						group[i].merge(group[j])
						group = append(group[:j], group[j+1:]...)
						merged = true
						break
					}
				}
			}
		}
		items = append(items, group...)
	}
	for _, it := range items {
		b.addNE(it)
	}
	return nil
}

func (it *neItem) bbox() {
	it.lo = [2]float64{math.Inf(1), math.Inf(1)}
	it.hi = [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, l := range it.lines {
		for _, p := range l {
			it.lo[0], it.lo[1] = math.Min(it.lo[0], p[0]), math.Min(it.lo[1], p[1])
			it.hi[0], it.hi[1] = math.Max(it.hi[0], p[0]), math.Max(it.hi[1], p[1])
		}
	}
}

func (it *neItem) near(o *neItem, deg float64) bool {
	return it.lo[0]-deg <= o.hi[0] && o.lo[0]-deg <= it.hi[0] && it.lo[1]-deg <= o.hi[1] && o.lo[1]-deg <= it.hi[1]
}

func (it *neItem) merge(o *neItem) {
	if it.ring || o.ring {
		// two layers' outlines of one lake: keep the larger
		if ringArea(o.lines[0]) > ringArea(it.lines[0]) {
			it.lines, it.ring = o.lines, o.ring
		}
	} else {
		it.lines = append(it.lines, o.lines...)
	}
	it.alts = append(it.alts, o.alts...)
	it.lo[0], it.lo[1] = math.Min(it.lo[0], o.lo[0]), math.Min(it.lo[1], o.lo[1])
	it.hi[0], it.hi[1] = math.Max(it.hi[0], o.hi[0]), math.Max(it.hi[1], o.hi[1])
}

// basePhysical is a base record of a large area (ocean, sea, region) of the
// same name near it: the Natural Earth item only adds its names then.
func (b *overlayBuilder) basePhysical(name string, lat, lon float64) int32 {
	for _, r := range b.base.Postings(geo.Key(name)) {
		rec := b.base.Record(r)
		switch rec.FeatureCode {
		case "OCN", "SEA", "GULF", "RGN", "CONT":
			if geo.DistanceKm(lat, lon, float64(rec.LatE6)/1e6, float64(rec.LonE6)/1e6) < 1500 {
				return r
			}
		}
	}
	return -1
}

func (b *overlayBuilder) addNE(it *neItem) {
	var lon, lat float64
	switch {
	case it.point:
		lon, lat = it.lines[0][0][0], it.lines[0][0][1]
	case it.ring:
		lon, lat = ringCentroid(it.lines[0])
	default:
		// the middle point of the longest piece
		long := it.lines[0]
		for _, l := range it.lines {
			if len(l) > len(long) {
				long = l
			}
		}
		lon, lat = long[len(long)/2][0], long[len(long)/2][1]
	}
	if r := b.basePhysical(it.name, lat, lon); r >= 0 {
		for _, a := range it.alts {
			b.key(a, r, true, 4)
		}
		return
	}
	// country: the towns nearest to a sample of the shape
	var sample [][2]float64
	sample = append(sample, [2]float64{lon, lat})
	for _, l := range it.lines {
		for i := 0; i < len(l); i += max(1, len(l)/6) {
			sample = append(sample, l[i])
		}
	}
	cc, a1 := b.countryOf(sample)
	switch it.code {
	case "OCN", "SEA":
		cc, a1 = "XX", ""
	}
	var shape [][]int32
	if !it.point {
		total := 0
		for _, l := range it.lines {
			total += len(l)
		}
		for _, l := range it.lines {
			keep := l
			if total > 160 {
				keep = simplify(l, max(2, len(l)*160/total))
			}
			flat := make([]int32, 0, 2*len(keep))
			for _, p := range keep {
				flat = append(flat, e6(p[1]), e6(p[0]))
			}
			shape = append(shape, flat)
		}
	}
	rec := b.add(geo.Record{LatE6: e6(lat), LonE6: e6(lon), Country: cc, Admin1: a1, FeatureCode: it.code, Name: it.name},
		shape, "", "Natural Earth 10m "+strings.TrimPrefix(it.layer, "ne_10m_"))
	b.st.Features++
	names := append([]string{it.name}, it.alts...)
	for _, n := range names {
		b.key(n, rec, false, 3)
		low := strings.ToLower(n)
		switch it.code {
		case "STM":
			if !strings.Contains(low, "river") && !strings.Contains(low, "creek") {
				b.key(n+" River", rec, false, 3)
				b.key("River "+n, rec, false, 3)
			}
		case "LK", "RSV":
			if !strings.Contains(low, "lake") && !strings.Contains(low, "lac ") && !strings.Contains(low, "reservoir") {
				b.key("Lake "+n, rec, false, 3)
				b.key(n+" Lake", rec, false, 3)
			}
		case "ISL":
			if !strings.Contains(low, "island") {
				b.key(n+" Island", rec, false, 3)
			}
		case "MTS":
			// Natural Earth abbreviates some ("APPALACHIAN MTS.")
			if base, ok := strings.CutSuffix(strings.TrimSuffix(low, "."), " mts"); ok {
				n, low = n[:len(base)]+" Mountains", base+" mountains"
				b.key(n, rec, false, 3)
			}
			if !strings.Contains(low, "mountain") {
				b.key(n+" Mountains", rec, false, 3)
			}
			// "the Appalachians", "the Urals"
			if base, ok := strings.CutSuffix(low, " mountains"); ok && !strings.Contains(base, " ") &&
				(strings.HasSuffix(base, "an") || strings.HasSuffix(base, "al")) {
				b.key(n[:len(base)]+"s", rec, false, 4)
			}
		case "MT":
			if !strings.HasPrefix(low, "mount") && !strings.HasPrefix(low, "mt") {
				b.key("Mount "+n, rec, false, 3)
			}
		case "PRK":
			if !strings.Contains(low, "park") {
				b.key(n+" National Park", rec, false, 3)
			}
		}
	}
}

// adminIDs gives base admin-1 and admin-2 records their GeoNames ids, from
// GeoNames' admin1CodesASCII.txt and admin2Codes.txt(.gz), and lists their
// GeoNames names where the base lacks them.
func (b *overlayBuilder) adminIDs(dir string) error {
	if err := eachLine(filepath.Join(dir, "admin1CodesASCII.txt"), func(c []string) {
		if len(c) < 4 {
			return
		}
		r, ok := b.base.Admin1Record(c[0])
		id, err := strconv.ParseUint(c[3], 10, 32)
		if !ok || err != nil {
			return
		}
		b.ids[r] = uint32(id)
		b.st.Admin1IDs++
		b.key(c[1], r, true, 4)
		b.key(c[2], r, true, 4)
	}); err != nil {
		return err
	}
	return eachLine(filepath.Join(dir, "admin2Codes.txt.gz"), func(c []string) {
		if len(c) < 4 {
			return
		}
		parts := strings.Split(c[0], ".")
		id, err := strconv.ParseUint(c[3], 10, 32)
		if len(parts) != 3 || err != nil {
			return
		}
		for _, n := range []string{c[1], c[2]} {
			for _, r := range b.base.Postings(geo.Key(n)) {
				rec := b.base.Record(r)
				if rec.FeatureCode == "ADM2" && rec.Country == parts[0] && rec.Admin1 == parts[1] && rec.GeonameID == 0 {
					if _, done := b.ids[r]; !done {
						b.ids[r] = uint32(id)
						b.st.Admin2IDs++
					}
					return
				}
			}
		}
	})
}

// eachLine calls f with the tab-separated columns of every line of a text
// file (gzip-compressed when its name ends in .gz).
func eachLine(path string, f func([]string)) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	var sc *bufio.Scanner
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(fh)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		sc = bufio.NewScanner(zr)
	} else {
		sc = bufio.NewScanner(fh)
	}
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			f(strings.Split(l, "\t"))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// rgeoNames adds the names of countries and admin-1 regions in other
// languages (Latin script, five letters or more, names the base does not
// already use) from the rgeo module's Natural Earth data.
func (b *overlayBuilder) rgeoNames(dir string) error {
	countries, err := readNE(filepath.Join(dir, "Countries10.gz"))
	if err != nil {
		return err
	}
	for _, f := range countries {
		cc := f.str("ISO_A2")
		if len(cc) != 2 {
			cc = f.str("ISO_A2_EH")
		}
		r, ok := b.base.CountryRecord(cc)
		if !ok {
			continue
		}
		for _, k := range sortedProps(f.props) {
			if strings.HasPrefix(k, "NAME_") && k != "NAME_LEN" && k != "NAME_SORT" || k == "FORMAL_EN" || k == "ADMIN" {
				if b.key(f.str(k), r, true, 5) {
					b.st.ForeignNames++
				}
			}
		}
	}
	provinces, err := readNE(filepath.Join(dir, "Provinces10.gz"))
	if err != nil {
		return err
	}
	for _, f := range provinces {
		r, ok := b.base.Admin1Record(f.str("gn_a1_code"))
		if !ok {
			continue
		}
		if _, has := b.ids[r]; !has && f.num("gn_id") > 0 {
			b.ids[r] = uint32(f.num("gn_id"))
			b.st.Admin1IDs++
		}
		for _, k := range sortedProps(f.props) {
			if strings.HasPrefix(k, "name_") && k != "name_len" && k != "name_local" || k == "woe_name" || k == "gns_name" || k == "gn_name" {
				for _, n := range strings.Split(f.str(k), "|") {
					if b.key(n, r, true, 5) {
						b.st.ForeignNames++
					}
				}
			}
		}
	}
	return nil
}

func sortedProps(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// invertedNames lists the countries whose index name is inverted
// ("Virgin Islands, U.S.") under the order news write ("U.S. Virgin
// Islands"), where the base lacks that key.
func (b *overlayBuilder) invertedNames() {
	for i := int32(0); i < b.nbase; i++ {
		r := b.base.Record(i)
		if r.FeatureCode != "PCLI" {
			continue
		}
		if head, tail, ok := strings.Cut(r.Name, ", "); ok && !strings.Contains(tail, ",") {
			b.key(tail+" "+head, i, true, 4)
		}
	}
}
