package geo

import (
	"bytes"
	"strings"
	"testing"
)

func TestOverlayFeatures(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, fcode, country, class string
		shape                       bool
	}{
		{"White House", "BLDG", "US", ClassLandmark, false},
		{"Kremlin", "BLDG", "RU", ClassLandmark, false},
		{"Strait of Hormuz", "STRT", "XX", ClassWater, false},
		{"Danube", "STM", "", ClassWater, true},
		{"Lake Victoria", "LK", "", ClassWater, true},
		{"Sahara", "DSRT", "XX", ClassLandform, true},
		{"Gulf of Aden", "GULF", "XX", ClassWater, true},
		{"Mount Kilimanjaro", "MT", "TZ", ClassLandform, false},
		{"Deutschland", "PCLI", "DE", ClassCountry, false},  // a name from another language
		{"Tower Hamlets", "ADMD", "GB", ClassRegion, false}, // a Natural Earth division GeoNames' codes lack
		{"Carpathians", "MTS", "XX", ClassLandform, true},   // a range by its plural
		{"British Virgin Islands", "PCLI", "VG", ClassCountry, false},
		{"U.S. Virgin Islands", "PCLI", "VI", ClassCountry, false}, // the index has "Virgin Islands, U.S."
	}
	for _, tc := range tests {
		cs := g.Lookup(tc.name)
		if len(cs) == 0 {
			t.Errorf("%s: no candidate", tc.name)
			continue
		}
		c := cs[0]
		if c.FeatureCode != tc.fcode || tc.country != "" && c.Country != tc.country || c.Class != tc.class {
			t.Errorf("%s: got %s %s %s (%s), want %s %s %s", tc.name, c.Name, c.FeatureCode, c.Country, c.Class, tc.fcode, tc.country, tc.class)
		}
		if got := g.Shape(c) != nil; got != tc.shape {
			t.Errorf("%s: shape %v, want %v", tc.name, got, tc.shape)
		}
		if c.FeatureCode == "BLDG" && !strings.HasPrefix(c.Source, LandmarkSource+"http") {
			t.Errorf("%s: source %q, want the landmarks table's published page", tc.name, c.Source)
		}
	}
	if c := g.Lookup("White House")[0]; c.Actor != "US" {
		t.Errorf("White House actor %q, want US", c.Actor)
	}
	// a region without a GeoNames id in the base got one from admin1CodesASCII
	if c, ok := g.Country("IQ"); ok {
		_ = c
	}
	for _, c := range g.Lookup("Texas") {
		if c.FeatureCode == "ADM1" && c.Country == "US" && c.GeonameID != 4736286 {
			t.Errorf("Texas: GeoNames id %d, want 4736286", c.GeonameID)
		}
	}
}

func TestBareFeatureNameMeansTheTown(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// "Kansas" is the state, "Kansas River" the river
	if c := g.Lookup("Kansas")[0]; c.FeatureCode != "ADM1" {
		t.Errorf("Kansas: %s %s, want the state", c.Name, c.FeatureCode)
	}
	if c := g.Lookup("Kansas River")[0]; c.FeatureCode != "STM" {
		t.Errorf("Kansas River: %s %s, want the river", c.Name, c.FeatureCode)
	}
}

func TestRiverPlacedNearTheDocument(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Floods on the Danube reached Budapest."
	ps := g.Resolve(Doc{Mentions: []Mention{{Text: "Danube", Start: 14, End: 20}, {Text: "Budapest", Start: 29, End: 37}}})
	if ps[0].FeatureCode != "STM" {
		t.Fatalf("%s: Danube resolved to %s %s", text, ps[0].Name, ps[0].FeatureCode)
	}
	if d := DistanceKm(ps[0].Lat, ps[0].Lon, ps[1].Lat, ps[1].Lon); d > 60 {
		t.Errorf("Danube placed %.0f km from Budapest; its course runs through the city", d)
	}
	// scored from its course: a point on the river far from the chosen one
	if d := g.DistanceToKm(44.82, 20.46, ps[0].Candidate); d > 30 { // Belgrade
		t.Errorf("Belgrade is %.0f km from the Danube's course, want < 30", d)
	}
}

func TestOverlayRefusesOtherBase(t *testing.T) {
	g, err := Base()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteOverlay(&b, &Overlay{BaseRecords: g.Len() + 1, ShapeOff: []uint32{0}, PostOff: []uint32{0}}); err != nil {
		t.Fatal(err)
	}
	o, err := ReadOverlay(&b)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.applyOverlay(o); err == nil || !strings.Contains(err.Error(), "base index") {
		t.Errorf("overlay for another base: err = %v", err)
	}
	if _, err := ReadOverlay(strings.NewReader("not gzip")); err == nil {
		t.Error("garbage overlay: no error")
	}
}

func TestShapeCodec(t *testing.T) {
	lines := [][]int32{{1000000, 2000000, 1500000, -2500000}, {-1, 1, 3, 3, 5, 5, -1, 1}}
	got := decodeShape(EncodeShape(nil, lines))
	if len(got) != 2 || len(got[1]) != 8 || got[0][3] != -2500000 || got[1][6] != -1 {
		t.Errorf("round trip: %v", got)
	}
	if !isRing(got[1]) || isRing(got[0]) {
		t.Error("isRing")
	}
	if decodeShape([]byte{0xff}) != nil {
		t.Error("corrupt shape decoded")
	}
}

func TestFeatureClass(t *testing.T) {
	for fc, want := range map[string]string{"PPLA": ClassCity, "PCLI": ClassCountry, "ADM2": ClassRegion, "STM": ClassWater,
		"MTS": ClassLandform, "BLDG": ClassLandmark, "AIRP": ClassTransport, "CONT": ClassArea, "PRK": ClassPark} {
		if got := FeatureClass(fc); got != want {
			t.Errorf("FeatureClass(%s) = %s, want %s", fc, got, want)
		}
	}
}

// BenchmarkLoadWithOverlay is what geo.Default cost before the compiled
// table: decoding the base index and applying the overlay (compare with
// BenchmarkLoadCompiled).
// Besides wall time it reports cpu-ms/op, the process's CPU time per load
// (user + system, all threads): on a loaded machine wall time grows with
// the load, CPU time much less; run with -cpu 1 so that the two agree on
// an idle machine.
func BenchmarkLoadWithOverlay(b *testing.B) {
	b.ReportAllocs()
	c0 := cpuSeconds()
	base, ov := sourceFiles(b)
	for i := 0; i < b.N; i++ {
		if _, err := loadReference(base, ov); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-c0)*1e3/float64(b.N), "cpu-ms/op")
}

// FuzzReadOverlay: any bytes give an overlay or an error, never a panic,
// and an overlay that reads applies or fails cleanly.
func FuzzReadOverlay(f *testing.F) {
	var b bytes.Buffer
	if err := WriteOverlay(&b, &Overlay{BaseRecords: 1, Records: []Record{{Country: "XX", Name: "x", FeatureCode: "STM"}},
		ShapeOff: []uint32{0, 5}, ShapeData: EncodeShape(nil, [][]int32{{1, 2}}), Actors: []string{""}, SourceOf: []uint16{0},
		SourceNames: []string{"s"}, Keys: []string{"x"}, PostOff: []uint32{0, 1}, Post: []int32{1}}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("\x1f\x8b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := ReadOverlay(bytes.NewReader(data))
		if err != nil {
			return
		}
		g := &Gazetteer{ids: []uint32{0}, lat: []int32{0}, lon: []int32{0}, pop: []uint32{0}, fcode: []uint8{0}, a1: []uint32{0},
			names: []string{"y"}, fcodes: []string{"PPL"}, a1s: []string{"XX."}}
		if g.applyOverlay(o) == nil {
			for r := int32(0); int(r) < g.Len(); r++ {
				g.shape(r)
			}
		}
	})
}

func FuzzDecodeShape(f *testing.F) {
	f.Add(EncodeShape(nil, [][]int32{{1, 2, 3, 4}}))
	f.Add([]byte{0x05, 0x80})
	f.Fuzz(func(t *testing.T, data []byte) { decodeShape(data) })
}
