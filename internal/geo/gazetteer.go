package geo

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Gazetteer is a read-only, in-memory place-name index. It is safe for
// concurrent use. Default's tables alias the embedded, read-only bytes of
// the compiled table (compiled.go): writing to them faults.
type Gazetteer struct {
	ids    []uint32
	lat    []int32
	lon    []int32
	pop    []uint32
	fcode  []uint8
	a1     []uint32 // index into a1s
	names  []string
	fcodes []string
	a1s    []string // "CC.admin1"; "CC." for records without admin1

	// sorted lookup keys: key i is keyBlob[keyOff[i]:keyOff[i+1]], its
	// postings post[postOff[i]:postOff[i+1]]
	keyOff  []uint32
	keyBlob string
	postOff []uint32
	post    []int32

	country map[string]int32 // ISO alpha-2 → record of the country
	admin1  map[string]int32 // "CC.admin1" → record of the admin1 region

	// from the overlay (overlay.go)
	ov        *Overlay
	extraPost []int32  // per overlay key (ov.Keys): all its records, base ones included
	extraOff  []uint32 // postings of ov.Keys[i] are extraPost[extraOff[i]:extraOff[i+1]]
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the embedded gazetteer (base index and overlay), served
// in place from the compiled table (compiled.go) once per process.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() { defaultGaz, defaultErr = loadCompiled(embeddedCompiled) })
	return defaultGaz, defaultErr
}

// EmbeddedSize is the size in bytes of the compiled gazetteer in the
// binary.
func EmbeddedSize() int { return len(embeddedCompiled) }

// Load decodes a gzip-compressed index written by WriteIndex.
func Load(r io.Reader) (*Gazetteer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("geo: index: %w", err)
	}
	return loadBytes(b)
}

// loadBytes decodes a compressed index held in memory; the gzip trailer's
// size field lets it allocate the uncompressed buffer once.
func loadBytes(b []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("geo: index: %w", err)
	}
	size := 0
	if len(b) >= 4 {
		size = int(binary.LittleEndian.Uint32(b[len(b)-4:]))
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(size, 1<<30)+bytes.MinRead))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("geo: index: %w", err)
	}
	raw := buf.Bytes()
	if !bytes.HasPrefix(raw, []byte(indexMagic)) {
		return nil, errors.New("geo: index: bad magic or version")
	}
	rd := &reader{b: raw, p: len(indexMagic)}
	g := &Gazetteer{}
	n := int(rd.uv())
	for i := 0; i < n && rd.err == nil; i++ {
		g.fcodes = append(g.fcodes, string(rd.bytes()))
	}
	n = int(rd.uv())
	for i := 0; i < n && rd.err == nil; i++ {
		a := string(rd.bytes())
		if len(a) < 3 || a[2] != '.' {
			return nil, errors.New("geo: index: corrupt admin code table")
		}
		g.a1s = append(g.a1s, a)
	}
	n = int(rd.uv())
	if rd.err != nil || n > len(raw) {
		return nil, errors.New("geo: index: corrupt header")
	}
	g.ids = make([]uint32, n)
	g.lat = make([]int32, n)
	g.lon = make([]int32, n)
	g.pop = make([]uint32, n)
	g.fcode = make([]uint8, n)
	g.a1 = make([]uint32, n)
	nameEnd := make([]uint32, n)
	blob := make([]byte, 0, len(raw)/2)
	var plat, plon int64
	for i := 0; i < n && rd.err == nil; i++ {
		g.ids[i] = uint32(rd.uv())
		plat += rd.sv()
		plon += rd.sv()
		g.lat[i], g.lon[i] = int32(plat), int32(plon)
		g.pop[i] = uint32(rd.uv())
		f, a := rd.uv(), rd.uv()
		if f >= uint64(len(g.fcodes)) || a >= uint64(len(g.a1s)) {
			return nil, errors.New("geo: index: corrupt record")
		}
		g.fcode[i], g.a1[i] = uint8(f), uint32(a)
		blob = append(blob, rd.bytes()...)
		nameEnd[i] = uint32(len(blob))
	}
	if rd.err != nil {
		return nil, rd.err
	}
	all := string(blob)
	g.names = make([]string, n)
	start := uint32(0)
	for i := range g.names {
		g.names[i] = all[start:nameEnd[i]]
		start = nameEnd[i]
	}
	nk := int(rd.uv())
	if rd.err != nil || nk > len(raw) {
		return nil, errors.New("geo: index: corrupt key table")
	}
	g.keyOff = make([]uint32, nk+1)
	g.postOff = make([]uint32, nk+1)
	g.post = make([]int32, 0, nk+nk/4)
	blob = blob[:0]
	var prev []byte
	for i := 0; i < nk && rd.err == nil; i++ {
		shared := int(rd.uv())
		rest := rd.bytes()
		if shared > len(prev) {
			return nil, errors.New("geo: index: corrupt key")
		}
		ks := len(blob)
		blob = append(blob, prev[:shared]...)
		blob = append(blob, rest...)
		prev = blob[ks:]
		g.keyOff[i+1] = uint32(len(blob))
		m := int(rd.uv())
		last := int32(-1)
		for j := 0; j < m && rd.err == nil; j++ {
			last += int32(rd.uv())
			if last < 0 || int(last) >= n {
				return nil, errors.New("geo: index: corrupt posting")
			}
			g.post = append(g.post, last)
		}
		g.postOff[i+1] = uint32(len(g.post))
	}
	if rd.err != nil {
		return nil, rd.err
	}
	if rd.p != len(raw) {
		return nil, errors.New("geo: index: trailing bytes")
	}
	g.keyBlob = string(blob)
	g.indexRegions(n)
	return g, nil
}

// Len is the number of places in the gazetteer.
func (g *Gazetteer) Len() int { return len(g.ids) }

// NumKeys is the number of distinct lookup keys (names and alternate names).
func (g *Gazetteer) NumKeys() int { return len(g.keyOff) - 1 }

// key is lookup key i.
func (g *Gazetteer) key(i int) string { return g.keyBlob[g.keyOff[i]:g.keyOff[i+1]] }

// Candidate is one place a name may refer to.
type Candidate struct {
	Name        string  `json:"name"`
	GeonameID   uint32  `json:"geonames_id,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Country     string  `json:"country"`
	Admin1      string  `json:"admin1,omitempty"`
	FeatureCode string  `json:"feature_code"`
	// Class is the feature class a reader sees (FeatureClass).
	Class      string `json:"class"`
	Population uint32 `json:"population"`
	// Actor is the ISO country whose government the name also stands for
	// ("White House", "Kremlin"); "" when none.
	Actor string `json:"actor,omitempty"`
	// Source says where a landmark's or physical feature's name and point
	// come from; "" for GeoNames places.
	Source string `json:"source,omitempty"`
	rec    int32
}

func (g *Gazetteer) candidate(i int32) Candidate {
	a := g.a1s[g.a1[i]]
	fc := g.fcodes[g.fcode[i]]
	return Candidate{
		Name: g.names[i], GeonameID: g.ids[i],
		Lat: float64(g.lat[i]) / 1e6, Lon: float64(g.lon[i]) / 1e6,
		Country: a[:2], Admin1: a[3:], FeatureCode: fc, Class: classOf(fc, a[:2]),
		Population: g.pop[i], Actor: g.actorOf(i), Source: g.sourceOf(i), rec: i,
	}
}

// postings returns the records named by key (nil if none).
func (g *Gazetteer) postings(key string) []int32 {
	if g.ov != nil {
		if i := sort.SearchStrings(g.ov.Keys, key); i < len(g.ov.Keys) && g.ov.Keys[i] == key {
			return g.extraPost[g.extraOff[i]:g.extraOff[i+1]]
		}
	}
	return g.basePostings(key)
}

// basePostings returns the records the base index lists under key.
func (g *Gazetteer) basePostings(key string) []int32 {
	if key == "" {
		return nil
	}
	n := g.NumKeys()
	i := sort.Search(n, func(i int) bool { return g.key(i) >= key })
	if i == n || g.key(i) != key {
		return nil
	}
	return g.post[g.postOff[i]:g.postOff[i+1]]
}

// lookupKey finds records for a mention, trying light variants of its key
// when the plain key has none: without a leading "the" or "republic of",
// without a possessive or plural "s", and, for dotted abbreviations
// ("W. Va."), without spaces.
func (g *Gazetteer) lookupKey(name string) []int32 {
	p, _ := g.lookupLoose(name)
	return p
}

// lookupLoose is lookupKey that also reports whether the records were found
// only by dropping a direction or part word ("West Midlands" → Midlands,
// "Pearl Harbor" → Pearl): such records are named like a part of the
// mention, not like the mention.
func (g *Gazetteer) lookupLoose(name string) ([]int32, bool) {
	k := Key(name)
	if p := g.withWrapped(g.postings(k), k); p != nil {
		return g.withBareAdmin(p, k), false
	}
	for _, pre := range []string{"the ", "republic of ", "state of ", "kingdom of "} {
		if rest, ok := strings.CutPrefix(k, pre); ok {
			if p := g.postings(rest); p != nil {
				return p, false
			}
		}
	}
	if strings.HasSuffix(k, "s") && len(k) > 4 {
		if p := g.postings(k[:len(k)-1]); p != nil {
			return p, false
		}
	}
	if strings.Contains(name, ".") {
		if p := g.postings(strings.ReplaceAll(k, " ", "")); p != nil {
			return p, false
		}
	}
	// a part of or a facility in a named place: "North Dallas", "Greater
	// Toronto Area", "Oaxaca State", "Manila Cathedral"
	// the whole name without an administrative wrapper ("North Eastern
	// Province") before a part of it
	whole, loose := g.lookupStripSuffix(k)
	if whole != nil && !loose {
		return whole, false
	}
	for _, pre := range partPrefixes {
		if rest, ok := strings.CutPrefix(k, pre); ok {
			if p, loose := g.lookupStripSuffix(rest); p != nil {
				return p, loose || directionWord[strings.TrimSpace(pre)]
			}
		}
	}
	return whole, loose
}

var partPrefixes = []string{
	"north ", "south ", "east ", "west ", "northern ", "southern ", "eastern ", "western ",
	"central ", "northeast ", "northwest ", "southeast ", "southwest ", "northeastern ",
	"northwestern ", "southeastern ", "southwestern ", "greater ", "downtown ", "upstate ",
	"metro ", "port of ", "city of ", "county of ", "province of ",
}

// partSuffixes are trailing words that make a place name into a part,
// facility or organisation of the place ("Oaxaca State", "Colorado State
// University", "Tipperary County Council"); lookupStripSuffix drops them one
// after another while nothing is found.
var partSuffixes = map[string]bool{
	"state": true, "province": true, "city": true, "county": true, "township": true,
	"region": true, "district": true, "area": true, "metro": true, "metropolitan": true,
	"municipality": true, "governorate": true, "university": true, "college": true,
	"airport": true, "station": true, "cathedral": true, "estate": true, "academy": true,
	"harbor": true, "harbour": true, "council": true, "court": true, "hospital": true,
	"police": true, "government": true, "stadium": true, "museum": true, "cup": true,
	"world": true, "club": true, "fc": true,
}

// lookupStripSuffix also reports whether a dropped word was a facility's
// ("Colorado State University", "Pearl Harbor") rather than an
// administrative wrapper ("Oaxaca State").
func (g *Gazetteer) lookupStripSuffix(k string) ([]int32, bool) {
	loose := false
	for {
		if p := g.postings(k); p != nil {
			return p, loose
		}
		i := strings.LastIndexByte(k, ' ')
		if i <= 0 || !partSuffixes[k[i+1:]] {
			return nil, false
		}
		loose = loose || !adminSuffix[k[i+1:]]
		k = k[:i]
	}
}

// adminSuffix are the partSuffixes that wrap an administrative area's or a
// city's own name: dropping them names the same place.
var adminSuffix = map[string]bool{
	"state": true, "province": true, "city": true, "county": true, "township": true,
	"region": true, "district": true, "municipality": true, "governorate": true,
}

// Lookup returns every place a name may refer to, the likeliest first when
// nothing else is known (population and feature-class priors, the place's
// main name before alternate names, a capital before its region).
func (g *Gazetteer) Lookup(name string) []Candidate {
	cs := g.rank(name, Key(name), &defaultParams)
	out := make([]Candidate, len(cs))
	for i, c := range cs {
		out[i] = g.candidate(c.r)
	}
	return out
}

// Country returns the gazetteer entry of a country by ISO alpha-2 code.
func (g *Gazetteer) Country(cc string) (Candidate, bool) {
	i, ok := g.country[strings.ToUpper(cc)]
	if !ok {
		return Candidate{}, false
	}
	return g.candidate(i), true
}

// wrappers are the generic words an administrative area or city carries in
// its gazetteer name but news leave out: "Province of Laguna" is "Laguna",
// "Taoyuan City" is "Taoyuan".
var wrappers = []struct{ pre, suf string }{
	{"province of ", ""}, {"", " province"}, {"", " city"}, {"city of ", ""},
	{"", " district"}, {"", " governorate"}, {"", " prefecture"}, {"", " region"},
}

// withWrapped adds to the records p found for key k the administrative
// areas and cities of 100,000 people or more whose main name is k wrapped
// in a generic word (wrappers); p is not modified.
func (g *Gazetteer) withWrapped(p []int32, k string) []int32 {
	if k == "" || strings.Contains(k, " ") && len(k) > 30 {
		return p
	}
	for _, r := range p {
		// a country or state by this very name ("Kansas", not Kansas City)
		if fc := g.fcodes[g.fcode[r]]; (fc == "PCLI" || fc == "ADM1") && keyIs(g.names[r], k) {
			return p
		}
	}
	out := p
	for _, w := range wrappers {
		wk := w.pre + k + w.suf
		for _, r := range g.postings(wk) {
			if !keyIs(g.names[r], wk) || !g.wrappable(r) || slices.Contains(out, r) {
				continue
			}
			if len(out) == len(p) {
				out = append(p[:len(p):len(p)], r)
				continue
			}
			out = append(out, r)
		}
	}
	return out
}

// bareAdmin maps an administrative word ending a mention to the feature
// codes of the regions it may wrap: a district, province or region is a
// first- or second-order division, depending on the country.
var bareAdmin = map[string][]string{
	"district": {"ADM1", "ADM2", "ADMD"}, "province": {"ADM1", "ADM2", "ADMD"},
	"region": {"ADM1", "ADM2", "ADMD"}, "governorate": {"ADM1", "ADMD"},
	"county": {"ADM1", "ADM2"}, "state": {"ADM1"},
}

// withBareAdmin adds to the records p found for key k ("karak district")
// the divisions named by k without its administrative word ("Karak", a
// governorate of Jordan): another country's division may bear the whole
// name (Karak District, Pakistan), and the document's places choose
// between them. p is not modified.
func (g *Gazetteer) withBareAdmin(p []int32, k string) []int32 {
	i := strings.LastIndexByte(k, ' ')
	if i <= 0 {
		return p
	}
	fcs := bareAdmin[k[i+1:]]
	if fcs == nil {
		return p
	}
	out := p
	for _, r := range g.postings(k[:i]) {
		if !slices.Contains(fcs, g.fcodes[g.fcode[r]]) || slices.Contains(out, r) {
			continue
		}
		if len(out) == len(p) {
			out = append(p[:len(p):len(p)], r)
			continue
		}
		out = append(out, r)
	}
	return out
}

// wrappable reports whether r is an administrative area, a seat or a city of
// 100,000 people or more.
func (g *Gazetteer) wrappable(r int32) bool {
	switch g.fcodes[g.fcode[r]] {
	case "ADM1", "ADM2", "ADM3", "PPLA", "PPLA2", "PPLC":
		return true
	}
	return g.pop[r] >= 100000
}
