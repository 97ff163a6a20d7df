package extract

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// sharedEval finds ../shared/eval above the working directory, or
// $SITREP_SHARED/eval; it skips the test when neither exists.
func sharedEval(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return filepath.Join(d, "eval")
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared", "eval")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(dir) == dir {
			t.Skip("../shared/eval not found above the working directory (set SITREP_SHARED); skipping gold-data test")
		}
	}
}

func TestZyteTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"snake_case 3.14 l'été", []string{"snake_case", "3", "14", "l", "été"}},
		{"Привет мир — ½", []string{"Привет", "мир", "½"}},
	}
	for _, c := range cases {
		got := ZyteTokens(c.in)
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ZyteTokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestZyteShingleMatch(t *testing.T) {
	cases := []struct {
		name, gold, pred string
		tp, fp, fn       float64
	}{
		{"identical", "a b c d e", "a b c d e", 1, 0, 0},
		{"empty prediction", "a b c d e", "", 0, 0, 1},
		{"extra tail", "a b c d", "a b c d e", 0.5, 0.5, 0},
		{"short texts one shingle", "a b", "a b", 1, 0, 0},
		{"short vs long", "a b", "a b c d", 0, 0.5, 0.5},
		{"both empty", "", "", 0, 0, 0},
	}
	for _, c := range cases {
		tp, fp, fn := ZyteShingleMatch(c.gold, c.pred)
		if math.Abs(tp-c.tp) > 1e-9 || math.Abs(fp-c.fp) > 1e-9 || math.Abs(fn-c.fn) > 1e-9 {
			t.Errorf("%s: got (%.3f %.3f %.3f), want (%.3f %.3f %.3f)", c.name, tp, fp, fn, c.tp, c.fp, c.fn)
		}
	}
}

func TestScoreZyteSmall(t *testing.T) {
	items := []ZyteItem{
		{Page: Page{ID: "1"}, Body: "one two three four five"},
		{Page: Page{ID: "2"}, Body: "alpha beta gamma delta"},
	}
	pred := map[string]string{"1": "One two three four five", "2": "alpha beta gamma delta"}
	s := ScoreZyte(items, pred)
	// Page 1: tokens are case-sensitive, so only the 2nd of 2 shingles
	// matches (TP=FP=FN=1/3, P=R=0.5); page 2 is exact (P=R=1).
	if s.Precision != 0.75 || s.Recall != 0.75 || s.Accuracy != 0.5 || s.Pages != 2 {
		t.Errorf("got %+v", s)
	}
}

func TestScoreTrafilaturaSmall(t *testing.T) {
	items := []TrafItem{
		{Page: Page{ID: "a"}, With: []string{"main  text", "second part"}, Without: []string{"Cookie banner"}},
		{Page: Page{ID: "b"}, With: []string{"x"}, Without: []string{"y"}},
		{Page: Page{ID: "c"}, With: []string{"z"}, Without: []string{"w"}},
	}
	pred := Predictions{
		Text:   map[string]string{"a": "The main\ntext is here. Cookie banner", "b": "x y"},
		Failed: map[string]error{"c": errors.New("boom")},
	}
	s := ScoreTrafilatura(items, pred)
	// TP: "main text", "x" = 2; FN: "second part", "z" = 2; FP: "Cookie banner", "y" = 2; TN: "w" = 1.
	want := Scores{Set: "trafilatura", Pages: 3, Precision: 0.5, Recall: 0.5, F1: 0.5, Accuracy: 3.0 / 7}
	if math.Abs(s.Accuracy-want.Accuracy) > 1e-9 || s.Precision != want.Precision || s.Recall != want.Recall || s.F1 != want.F1 {
		t.Errorf("got %+v, want %+v", s, want)
	}
}

func TestRunRecoversPanics(t *testing.T) {
	pages := []Page{{ID: "ok", HTML: []byte("x")}, {ID: "panic"}, {ID: "err"}}
	ex := func(page []byte, url string) (string, error) {
		switch {
		case len(page) > 0:
			return "text", nil
		case url == "":
			panic("boom")
		}
		return "", fmt.Errorf("never")
	}
	pred, err := Run(context.Background(), pages, ex, 2)
	if err != nil {
		t.Fatal(err)
	}
	if pred.Text["ok"] != "text" || pred.Failed["panic"] == nil || pred.Failed["err"] == nil {
		t.Errorf("got %+v", pred)
	}
}

// TestScoreZyteReference checks the scorer against the benchmark's published
// point values for two bundled reference outputs.
func TestScoreZyteReference(t *testing.T) {
	dir := filepath.Join(sharedEval(t), "extract-scrapinghub")
	items, err := LoadZyte(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 181 {
		t.Fatalf("loaded %d items, want 181", len(items))
	}
	cases := []struct {
		system       string
		f1, p, r, ac float64
	}{
		{"go_trafilatura", 0.960, 0.940, 0.980, 0.287},
		{"trafilatura", 0.958, 0.938, 0.978, 0.293},
	}
	for _, c := range cases {
		pred, err := LoadZyteOutputs(filepath.Join(dir, "reference-outputs", c.system+".json.gz"))
		if err != nil {
			t.Fatal(err)
		}
		s := ScoreZyte(items, pred)
		got := fmt.Sprintf("%.3f %.3f %.3f %.3f", s.F1, s.Precision, s.Recall, s.Accuracy)
		want := fmt.Sprintf("%.3f %.3f %.3f %.3f", c.f1, c.p, c.r, c.ac)
		if got != want {
			t.Errorf("%s: F1 P R acc = %s, want %s", c.system, got, want)
		}
	}
}

func TestLoadTrafilatura(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 143 MB of pages; skipped with -short")
	}
	items, err := LoadTrafilatura(filepath.Join(sharedEval(t), "extract-trafilatura"))
	if err != nil {
		t.Fatal(err)
	}
	var with, without int
	for _, it := range items {
		with += len(it.With)
		without += len(it.Without)
		if len(it.HTML) == 0 {
			t.Errorf("%s: empty page", it.ID)
		}
	}
	if len(items) != 990 || with != 2951 || without != 2966 {
		t.Errorf("got %d pages, %d with, %d without; want 990, 2951, 2966", len(items), with, without)
	}
}
