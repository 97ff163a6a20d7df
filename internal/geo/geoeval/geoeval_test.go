package geoeval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/geo"
)

func fp(x float64) *float64 { return &x }

func TestScoreSynthetic(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Troops left Mosul for Qwxzzyplace and Baghdad."
	docs := []Document{{ID: "1", Text: text, Toponyms: []Toponym{
		{Phrase: "Mosul", StartByte: 12, EndByte: 17, Lat: fp(36.335), Lon: fp(43.119), OffsetStatus: "ok"},
		{Phrase: "Qwxzzyplace", StartByte: 22, EndByte: 33, Lat: fp(0), Lon: fp(0), OffsetStatus: "ok"},
		// Baghdad with deliberately wrong gold (Sydney): must count as a miss
		{Phrase: "Baghdad", StartByte: 38, EndByte: 45, Lat: fp(-33.87), Lon: fp(151.21), OffsetStatus: "ok"},
		// no gold coordinates: resolved as context, not scored
		{Phrase: "Troops", StartByte: 0, EndByte: 6, OffsetStatus: "ok"},
		// broken span: skipped
		{Phrase: "x", StartByte: -3, EndByte: 2, Lat: fp(1), Lon: fp(1), OffsetStatus: "unaligned"},
	}}}
	r := Score(g, geo.DefaultParams(), docs)
	if r.Scored != 3 || r.NoCandidate != 1 {
		t.Fatalf("scored %d (want 3), no candidate %d (want 1)", r.Scored, r.NoCandidate)
	}
	if math.Abs(r.Acc161-1.0/3) > 1e-9 {
		t.Errorf("acc@161 = %v, want 1/3", r.Acc161)
	}
	// errors: Mosul ≈ 0; Qwxzzyplace placed at the focus (Mosul or Baghdad)
	// ≈ 6,000 km from (0,0); Baghdad vs Sydney ≈ 13,000 km
	if r.MedianKm < 5500 || r.MedianKm > 6500 || r.MeanKm < 5000 {
		t.Errorf("median %v / mean %v km", r.MedianKm, r.MeanKm)
	}
	if r.AUC <= 0.5 || r.AUC > 1 {
		t.Errorf("AUC = %v, want in (0.5, 1]", r.AUC)
	}
	if n := Mentions(docs); n != 4 {
		t.Errorf("Mentions = %d, want 4", n)
	}
}

// sharedGeoDir finds ../shared/eval/geo above the working directory, or
// $SITREP_SHARED/eval/geo.
func sharedGeoDir(t testing.TB) string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return filepath.Join(d, "eval", "geo")
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared", "eval", "geo")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(dir) == dir {
			t.Skip("../shared/eval/geo not found (set SITREP_SHARED)")
		}
	}
}

// TestDevFloor guards the dev-half accuracy against regressions. Floors are
// a few points under the measured dev figures; the test halves are never
// read by tests.
func TestDevFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the dev halves")
	}
	dir := sharedGeoDir(t)
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{"lgl": 0.80, "tr-news": 0.90, "geowebnews": 0.84, "geovirus": 0.76}
	for _, set := range AllSets {
		docs, err := ReadSplit(dir, set, "dev")
		if err != nil {
			t.Fatal(err)
		}
		r := Score(g, geo.DefaultParams(), docs)
		t.Logf("%s dev: acc@161 %.3f, median %.1f km, %d scored", set, r.Acc161, r.MedianKm, r.Scored)
		if r.Acc161 < floors[set] {
			t.Errorf("%s dev acc@161 %.3f under floor %.2f", set, r.Acc161, floors[set])
		}
	}
}

func BenchmarkResolveLGLDev(b *testing.B) {
	dir := sharedGeoDir(b)
	g, err := geo.Default()
	if err != nil {
		b.Fatal(err)
	}
	docs, err := ReadSplit(dir, "lgl", "dev")
	if err != nil {
		b.Fatal(err)
	}
	var in []geo.Doc
	n := 0
	for _, d := range docs {
		doc, _ := ToDoc(d)
		in = append(in, doc)
		n += len(doc.Mentions)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range in {
			g.Resolve(d)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "toponyms/s")
	b.ReportMetric(float64(len(in)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestEvaluateItemsAndMisses(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Troops left Mosul for Baghdad."
	docs := []Document{{ID: "7", Text: text, Toponyms: []Toponym{
		{Phrase: "Mosul", StartByte: 12, EndByte: 17, Lat: fp(36.335), Lon: fp(43.119), OffsetStatus: "ok"},
		{Phrase: "Baghdad", StartByte: 22, EndByte: 29, Lat: fp(-33.87), Lon: fp(151.21), OffsetStatus: "ok"},
	}}}
	r, items := Evaluate(g, geo.DefaultParams(), docs, true)
	if r != Score(g, geo.DefaultParams(), docs) {
		t.Errorf("Evaluate result %+v differs from Score", r)
	}
	if len(items) != 2 || items[0].Phrase != "Mosul" || items[1].DocID != "7" {
		t.Fatalf("items = %+v", items)
	}
	m := Misses(items, 161)
	if len(m) != 1 || m[0].Phrase != "Baghdad" || m[0].ErrKm < 10000 {
		t.Fatalf("misses = %+v, want only Baghdad", m)
	}
	if s := FormatMiss(m[0]); !strings.Contains(s, "gold -33.870,151.210") || !strings.Contains(s, "IQ") {
		t.Errorf("FormatMiss = %q", s)
	}
	if _, items := Evaluate(g, geo.DefaultParams(), docs, false); items != nil {
		t.Errorf("items without asking: %d", len(items))
	}
}
