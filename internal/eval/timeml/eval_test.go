package timeml

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds ../shared relative to the repository root (or
// $SITREP_SHARED) by walking up from the working directory.
func sharedDir(t testing.TB) string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared")
		if st, err := os.Stat(filepath.Join(p, "eval", "timex-tempeval3")); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(dir) == dir {
			t.Skip("../shared/eval/timex-tempeval3 not found (set SITREP_SHARED)")
		}
	}
}

// TestTrainSet scores the development split (TBAQ-cleaned) and checks the
// figures stay above floors well below the measured ones. Set
// TIMEX_ERRORS=1 to log every error.
func TestTrainSet(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	docs, err := LoadSet(filepath.Join(sharedDir(t), "eval", "timex-tempeval3"), "train")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 256 {
		t.Fatalf("train: %d documents, want 256", len(docs))
	}
	var mism []Mismatch
	m := Evaluate(docs, &mism)
	if m.Gold != 1822 {
		t.Errorf("train: %d gold timexes, want 1822 (INDEX.md)", m.Gold)
	}
	if os.Getenv("TIMEX_ERRORS") != "" {
		for _, x := range mism {
			fmt.Printf("%-8s %-40s gold %-40s sys %-40s | %s\n", x.Kind, x.Doc, x.Gold, x.System, x.Context)
		}
	}
	t.Logf("train: strict P/R/F1 %.4f/%.4f/%.4f relaxed %.4f/%.4f/%.4f type acc %.4f value acc %.4f value F1 %.4f",
		m.StrictP, m.StrictR, m.StrictF1, m.RelaxedP, m.RelaxedR, m.RelaxedF1, m.TypeAccuracy, m.ValueAccuracy, m.ValueF1)
	if m.RelaxedF1 < 0.8 || m.ValueF1 < 0.6 {
		t.Errorf("train figures fell: relaxed F1 %.3f, value F1 %.3f", m.RelaxedF1, m.ValueF1)
	}
}

// TestTrainDCTEstimate reports publication-date estimation on the
// development split with the DCT hidden.
func TestTrainDCTEstimate(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	docs, err := LoadSet(filepath.Join(sharedDir(t), "eval", "timex-tempeval3"), "train")
	if err != nil {
		t.Fatal(err)
	}
	m := EvaluateDCT(docs)
	t.Logf("train DCT estimate: %d/%d estimated, exact %.3f, ±1d %.3f, ±7d %.3f, same year %.3f, off by a year or more %d, mean confidence %.2f",
		m.Estimated, m.Docs, m.Exact, m.Within1, m.Within7, m.SameYear, m.OffYear, m.MeanConf)
	// A wrong year is the error never to make: no date is better.
	if m.OffYear > 0 {
		t.Errorf("%d estimates off by a year or more: %+v", m.OffYear, m)
	}
	if m.Within7 < float64(m.Estimated)/float64(m.Docs) {
		t.Errorf("an estimate is off by more than a week: %+v", m)
	}
}
