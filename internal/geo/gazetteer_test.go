package geo

import (
	"runtime"
	"testing"
	"time"
)

func TestEmbeddedIndexPresent(t *testing.T) {
	if n := EmbeddedSize(); n < 1<<20 {
		t.Fatalf("embedded index is %d bytes; run go generate ./internal/geo/...", n)
	}
	if n := EmbeddedSize(); n > 100<<20 {
		t.Errorf("embedded index is %d bytes, over the 100 MB goal", n)
	}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 200000 || g.NumKeys() < 300000 {
		t.Errorf("embedded gazetteer has %d places and %d keys; want ≥ 200000 and ≥ 300000", g.Len(), g.NumKeys())
	}
	for _, cc := range []string{"US", "IQ", "SY", "FR", "GB", "CN", "RU", "BR"} {
		if _, ok := g.Country(cc); !ok {
			t.Errorf("country %s missing", cc)
		}
	}
}

func TestLookup(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, country, admin1, fcode string // first candidate; "" = any
	}{
		{"Mosul", "IQ", "", "PPLA"},
		{"Raqqa", "SY", "", "PPLA"},
		{"Erbil", "IQ", "", "PPLA"},
		{"Aleppo", "SY", "", "PPLA"},
		{"Kobani", "SY", "", ""},
		{"Paris", "FR", "", "PPLC"},
		{"Baghdad", "IQ", "", "PPLC"},
		{"Iraq", "IQ", "", "PCLI"},
		{"Iraqi", "IQ", "", "PCLI"},
		{"Palestinians", "PS", "", "PCLI"},
		{"U.S.", "US", "", "PCLI"},
		{"United States of America", "US", "", "PCLI"},
		{"Britain", "GB", "", "PCLI"},
		{"Republic of Armenia", "AM", "", "PCLI"},
		{"Texas", "US", "TX", "ADM1"},
		{"W. Va.", "US", "WV", "ADM1"},
		{"Calif.", "US", "CA", "ADM1"},
		{"São Paulo", "BR", "", ""},
		{"Sao Paulo", "BR", "", ""},
		{"North Dallas", "US", "TX", ""},
		{"Europe", "", "", "CONT"},
	}
	for _, tt := range tests {
		c := g.Lookup(tt.name)
		if len(c) == 0 {
			t.Errorf("Lookup(%q): no candidate", tt.name)
			continue
		}
		got := c[0]
		if tt.country != "" && got.Country != tt.country || tt.admin1 != "" && got.Admin1 != tt.admin1 || tt.fcode != "" && got.FeatureCode != tt.fcode {
			t.Errorf("Lookup(%q)[0] = %s %s/%s %s, want %s/%s %s", tt.name, got.Name, got.Country, got.Admin1, got.FeatureCode, tt.country, tt.admin1, tt.fcode)
		}
		if got.Lat < -90 || got.Lat > 90 || got.Lon < -180 || got.Lon > 180 {
			t.Errorf("Lookup(%q): coordinates out of range: %v,%v", tt.name, got.Lat, got.Lon)
		}
	}
	for _, none := range []string{"", "Qwxzzyplace", "Москва"} {
		if c := g.Lookup(none); len(c) != 0 {
			t.Errorf("Lookup(%q) = %d candidates, want none", none, len(c))
		}
	}
	// every GeoNames place carries its id; countries have none in the source data
	if c := g.Lookup("Mosul"); c[0].GeonameID == 0 {
		t.Error("Mosul has no GeoNames id")
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	base, _ := sourceFiles(b)
	b.SetBytes(int64(len(base)))
	c0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		if _, err := loadBytes(base); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-c0)*1e3/float64(b.N), "cpu-ms/op")
}

func BenchmarkLookup(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"Paris", "Springfield", "Mosul", "Washington", "Qwxzzyplace", "London", "Iraqi"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Lookup(names[i%len(names)])
	}
}

func TestLoadMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes the whole index")
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	g, err := loadCompiled(embeddedCompiled)
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	live := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("load %v, live heap %.1f MB, %d places, %d keys", el, float64(live)/(1<<20), g.Len(), g.NumKeys())
	if live > 500<<20 {
		t.Errorf("gazetteer holds %d MB, over the 500 MB goal", live>>20)
	}
	runtime.KeepAlive(g)
}
