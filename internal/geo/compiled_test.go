package geo

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// sourceFiles reads the base index and the overlay the compiled table is
// built from.
func sourceFiles(tb testing.TB) (base, overlay []byte) {
	tb.Helper()
	base, err := os.ReadFile("data/gazetteer.bin.gz")
	if err != nil {
		tb.Fatal(err)
	}
	overlay, err = os.ReadFile("data/features.bin.gz")
	if err != nil {
		tb.Fatal(err)
	}
	return base, overlay
}

// loadReference is the gazetteer as Default built it before the compiled
// table: the base index decoded and the overlay applied.
func loadReference(base, overlay []byte) (*Gazetteer, error) {
	g, err := loadBytes(base)
	if err != nil {
		return nil, err
	}
	o, err := ReadOverlay(bytes.NewReader(overlay))
	if err != nil {
		return nil, err
	}
	return g, g.applyOverlay(o)
}

// TestCompiledCurrent checks that the embedded compiled table is what
// Compile writes from the committed base index and overlay; after either
// changes, run go run ./scripts/gazetteer/compile.
func TestCompiledCurrent(t *testing.T) {
	base, ov := sourceFiles(t)
	var b bytes.Buffer
	if err := Compile(&b, bytes.NewReader(base), bytes.NewReader(ov)); err != nil {
		t.Fatal(err)
	}
	if b.String() != embeddedCompiled {
		t.Fatalf("data/compiled.bin (%d bytes) is not what Compile writes (%d bytes): run go run ./scripts/gazetteer/compile", len(embeddedCompiled), b.Len())
	}
}

// sameTables reports the first table in which two gazetteers differ.
func sameTables(t *testing.T, what string, got, want *Gazetteer) {
	t.Helper()
	keys := func(g *Gazetteer) []string {
		out := make([]string, g.NumKeys())
		for i := range out {
			out[i] = g.key(i)
		}
		return out
	}
	eq := map[string]bool{
		"ids": slices.Equal(got.ids, want.ids), "lat": slices.Equal(got.lat, want.lat),
		"lon": slices.Equal(got.lon, want.lon), "pop": slices.Equal(got.pop, want.pop),
		"fcode": slices.Equal(got.fcode, want.fcode), "a1": slices.Equal(got.a1, want.a1),
		"names": slices.Equal(got.names, want.names), "fcodes": slices.Equal(got.fcodes, want.fcodes),
		"a1s": slices.Equal(got.a1s, want.a1s), "keys": slices.Equal(keys(got), keys(want)),
		"postOff": slices.Equal(got.postOff, want.postOff), "post": slices.Equal(got.post, want.post),
		"extraOff": slices.Equal(got.extraOff, want.extraOff), "extraPost": slices.Equal(got.extraPost, want.extraPost),
		"country": len(got.country) == len(want.country), "admin1": len(got.admin1) == len(want.admin1),
	}
	for k, v := range want.country {
		eq["country"] = eq["country"] && got.country[k] == v
	}
	for k, v := range want.admin1 {
		eq["admin1"] = eq["admin1"] && got.admin1[k] == v
	}
	if (got.ov == nil) != (want.ov == nil) {
		t.Fatalf("%s: overlay %v, want %v", what, got.ov != nil, want.ov != nil)
	}
	if o, w := got.ov, want.ov; w != nil {
		eq["ov.BaseRecords"] = o.BaseRecords == w.BaseRecords
		eq["ov.ShapeOff"] = slices.Equal(o.ShapeOff, w.ShapeOff)
		eq["ov.ShapeData"] = bytes.Equal(o.ShapeData, w.ShapeData)
		eq["ov.Actors"] = slices.Equal(o.Actors, w.Actors)
		eq["ov.SourceOf"] = slices.Equal(o.SourceOf, w.SourceOf)
		eq["ov.SourceNames"] = slices.Equal(o.SourceNames, w.SourceNames)
		eq["ov.Keys"] = slices.Equal(o.Keys, w.Keys)
		eq["ov.Demonyms"] = slices.Equal(o.Demonyms, w.Demonyms)
	}
	for k, ok := range eq {
		if !ok {
			t.Errorf("%s: table %s differs", what, k)
		}
	}
}

// TestCompiledMatchesReference: the compiled table serves exactly the
// tables decoding the base index and applying the overlay gives, and Base
// exactly the base index.
func TestCompiledMatchesReference(t *testing.T) {
	base, ov := sourceFiles(t)
	want, err := loadReference(base, ov)
	if err != nil {
		t.Fatal(err)
	}
	got, err := loadCompiled(embeddedCompiled)
	if err != nil {
		t.Fatal(err)
	}
	sameTables(t, "Default", got, want)

	wantBase, err := loadBytes(base)
	if err != nil {
		t.Fatal(err)
	}
	gotBase, err := Base()
	if err != nil {
		t.Fatal(err)
	}
	sameTables(t, "Base", gotBase, wantBase)
	// the base from the compiled table takes the overlay as the file does
	if err := gotBase.ApplyEmbeddedOverlay(); err != nil {
		t.Fatal(err)
	}
	sameTables(t, "Base+overlay", gotBase, want)
}

// TestCompiledCorrupt: a damaged compiled table gives an error, never a
// panic.
func TestCompiledCorrupt(t *testing.T) {
	var b bytes.Buffer
	if err := Compile(&b, tinyIndexGz(t), tinyOverlayGz(t)); err != nil {
		t.Fatal(err)
	}
	good := b.String()
	g, err := loadCompiled(good)
	if err != nil {
		t.Fatal(err)
	}
	if c := g.Lookup("Paris"); len(c) != 2 || c[0].GeonameID != 1 {
		t.Fatalf("tiny compiled: Lookup(Paris) = %+v", c)
	}
	if c := g.Lookup("Seine"); len(c) != 1 || c[0].Source != "s" || g.Shape(c[0]) == nil {
		t.Fatalf("tiny compiled: Lookup(Seine) = %+v", c)
	}
	if _, err := loadCompiled("SITREPGC\x00\x00\x00\x02" + good[12:]); err == nil {
		t.Error("other version: no error")
	}
	for n := 0; n < len(good); n++ {
		if _, err := loadCompiled(good[:n]); err == nil {
			t.Errorf("truncated to %d bytes: no error", n)
		}
	}
	// every 32-bit word set to a large number in turn
	for p := len(compiledMagic); p+4 <= len(good); p += 4 {
		bad := good[:p] + "\xff\xff\xff\x7f" + good[p+4:]
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("word at %d set: panic %v", p, r)
				}
			}()
			if g, err := loadCompiled(bad); err == nil {
				g.Lookup("Paris")
				g.Lookup("Seine")
			}
		}()
	}
	if _, err := loadCompiled(good + "\x00\x00\x00\x00"); err == nil || !strings.Contains(err.Error(), "trailing") {
		t.Errorf("trailing bytes: err = %v", err)
	}
}

func tinyIndexGz(t testing.TB) *bytes.Buffer {
	var b bytes.Buffer
	if err := WriteIndex(&b, tinyIndex()); err != nil {
		t.Fatal(err)
	}
	return &b
}

func tinyOverlayGz(t testing.TB) *bytes.Buffer {
	var b bytes.Buffer
	o := &Overlay{BaseRecords: 4, Records: []Record{{Country: "FR", Name: "Seine", FeatureCode: "STM", LatE6: 49000000, LonE6: 1000000}},
		ShapeOff: []uint32{0, 0}, Actors: []string{""}, SourceOf: []uint16{0},
		SourceNames: []string{"s"}, Keys: []string{"seine"}, PostOff: []uint32{0, 1}, Post: []int32{4},
		IDRecs: []int32{2}, IDs: []uint32{7}, Demonyms: []string{"french"}}
	o.ShapeData = EncodeShape(nil, [][]int32{{49000000, 1000000, 48900000, 2300000}})
	o.ShapeOff[1] = uint32(len(o.ShapeData))
	if err := WriteOverlay(&b, o); err != nil {
		t.Fatal(err)
	}
	return &b
}

// BenchmarkLoadCompiled is what geo.Default costs: the compiled table
// served in place (compare with BenchmarkLoadWithOverlay, the decoding it
// replaces).
func BenchmarkLoadCompiled(b *testing.B) {
	b.ReportAllocs()
	c0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		if _, err := loadCompiled(embeddedCompiled); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-c0)*1e3/float64(b.N), "cpu-ms/op")
}

// FuzzLoadCompiled: any bytes give a gazetteer or an error, never a panic,
// and a gazetteer that loads answers lookups.
func FuzzLoadCompiled(f *testing.F) {
	var b bytes.Buffer
	if err := Compile(&b, tinyIndexGz(f), tinyOverlayGz(f)); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte(compiledMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := loadCompiled(string(data))
		if err != nil {
			return
		}
		for _, n := range []string{"Paris", "Seine", "Texas"} {
			for _, c := range g.Lookup(n) {
				g.Shape(c)
			}
		}
		g.Country("FR")
	})
}
