package cluster

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/story"
)

// evalDir finds ../shared/eval above the working directory, or
// $SITREP_SHARED/eval; the test is skipped when neither exists.
func evalDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return filepath.Join(d, "eval")
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared", "eval")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(dir) == dir {
			t.Skip("../shared/eval not found (set SITREP_SHARED)")
		}
	}
}

func TestLoaders(t *testing.T) {
	dir := evalDir(t)
	cases := []struct {
		name       string
		load       func() ([]Doc, error)
		docs, gold int
	}{
		{"ecbplus test", func() ([]Doc, error) { return LoadECBPlus(filepath.Join(dir, "cluster-ecbplus"), "test") }, 210, 20},
		{"ecbplus dev", func() ([]Doc, error) { return LoadECBPlus(filepath.Join(dir, "cluster-ecbplus"), "dev") }, 197, 16},
		{"newswcl50", func() ([]Doc, error) { return LoadNewsWCL50(filepath.Join(dir, "cluster-newswcl50")) }, 50, 10},
		{"headlines", func() ([]Doc, error) { return LoadHeadlines(filepath.Join(dir, "cluster-headlines")) }, 31235, 530},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs, err := c.load()
			if err != nil {
				t.Skipf("not available: %v", err)
			}
			g := map[string]bool{}
			for _, d := range docs {
				g[d.Gold] = true
				if d.Text == "" && d.Title == "" {
					t.Errorf("%s: empty text", d.ID)
				}
			}
			if len(docs) != c.docs || len(g) != c.gold {
				t.Errorf("%d docs, %d gold clusters; want %d, %d", len(docs), len(g), c.docs, c.gold)
			}
		})
	}
	if _, err := LoadECBPlus(filepath.Join(dir, "cluster-ecbplus"), "nosuchsplit"); err == nil {
		t.Error("unknown split accepted")
	}
}

func TestEvaluateInvented(t *testing.T) {
	mk := func(gold, text string) Doc { return Doc{ID: text[:12], Gold: gold, Text: text} }
	docs := []Doc{
		mk("a", "Volcano Kelud erupted in East Java, ash closed Surabaya airport and villages were evacuated."),
		mk("a", "Ash from the Kelud volcano eruption closed Surabaya airport; East Java villages evacuated."),
		mk("a", "East Java: Kelud eruption forces evacuation of villages, Surabaya airport shut by ash."),
		mk("b", "Striking dockworkers in Rotterdam halted container traffic for a third day over pay."),
		mk("b", "Rotterdam port container traffic halted as dockworkers strike over pay for third day."),
	}
	r, err := Evaluate(docs, story.DefaultConfig(), 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Runs) != 3 || r.Gold != 2 {
		t.Fatalf("runs %d, gold %d", len(r.Runs), r.Gold)
	}
	if r.B3F1.Min < 0.99 {
		t.Errorf("B3 F1 min %.3f on two obvious events", r.B3F1.Min)
	}
	if _, err := Evaluate(nil, story.DefaultConfig(), 1, 1); err == nil {
		t.Error("no documents accepted")
	}
}
