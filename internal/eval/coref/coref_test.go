package coref

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestNamed(t *testing.T) {
	tests := []struct {
		words []string
		want  bool
	}{
		{[]string{"Tara", "Reid"}, true},
		{[]string{"Reid"}, true},
		{[]string{"He"}, false},
		{[]string{"the", "actress"}, false},
		{[]string{"The", "actress"}, false},
		{[]string{"Promises", "Treatment", "Center"}, true},
		{[]string{"Bank", "of", "America"}, true},
		{[]string{"Haider", "al-Abadi"}, true},
		{[]string{"U.S.", "TV", "show"}, false},
	}
	for _, tc := range tests {
		if got := Named(tc.words); got != tc.want {
			t.Errorf("Named(%q) = %v", tc.words, got)
		}
	}
}

func TestCrossScoresMatchesKnownValues(t *testing.T) {
	// gold {a,b,c} {d}; pred {a,b} {c,d}
	gold := []string{"1", "1", "1", "2"}
	pred := []string{"x", "x", "y", "y"}
	s := crossScores(gold, pred)
	// MUC: recall (3-2)/(3-1) = .5; precision ((2-1)+(2-2))/(4-2) = .5
	// B³ P = (1+1+.5+.5)/4 = .75; R = (2/3+2/3+1/3+1)/4 = 2/3
	// pairs: gold 3, pred 2, common 1
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"MUC R", s.MUCR, .5}, {"MUC P", s.MUCP, .5},
		{"B3 P", s.B3P, .75}, {"B3 R", s.B3R, 2.0 / 3},
		{"pair P", s.PairP, .5}, {"pair R", s.PairR, 1.0 / 3},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	var a acc
	a.add(gold, pred)
	w := a.scores()
	if math.Abs(w.MUCR-s.MUCR) > 1e-9 || math.Abs(w.B3P-s.B3P) > 1e-9 || math.Abs(w.B3R-s.B3R) > 1e-9 {
		t.Errorf("per-document and corpus scores differ: %+v vs %+v", w, s)
	}
}

// TestEvaluateDev runs the evaluation on the ECB+ dev split when the
// shared data is present.
func TestEvaluateDev(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := os.Getenv("SITREP_SHARED")
	if dir == "" {
		wd, _ := os.Getwd()
		for d := wd; filepath.Dir(d) != d; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				dir = filepath.Join(filepath.Dir(d), "shared")
				break
			}
		}
	}
	ecb := filepath.Join(dir, "eval", "cluster-ecbplus")
	if _, err := os.Stat(filepath.Join(ecb, "docs.jsonl")); err != nil {
		t.Skip("ECB+ not found: set SITREP_SHARED to the folder holding eval/")
	}
	docs, err := LoadECBPlus(ecb, "dev")
	if err != nil {
		t.Fatal(err)
	}
	r := Evaluate(docs)
	t.Logf("docs %d mentions %d", r.Docs, r.Mentions)
	t.Logf("within  system   %s", r.Within)
	t.Logf("within  baseline %s", r.WithinBaseline)
	t.Logf("cross   system   %s", r.Cross)
	t.Logf("cross   baseline %s", r.CrossBaseline)
	if r.Mentions == 0 || r.Within.CoNLL <= 0 {
		t.Fatalf("no scores: %+v", r)
	}
}
