package timex

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpusgen"
)

// TestRuleIndexSameAsAllRules: trying at each token only the rules the
// gate's index lists, with the class matches of each sentence kept
// (context.match), gives what trying every rule and asking every matcher
// each time gives, on the edge
// cases of testdata and, where the shared data is at hand, every PolNeAR
// article.
func TestRuleIndexSameAsAllRules(t *testing.T) {
	texts := []string{"", "on Tuesday", "last quarter and the quarter before", "March 4, 2025, at 3 p.m.",
		"two years ago", "every Monday since 2010", "the 1990s", "mid-October", "this week and next month"}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if eval := corpusgen.FindEval(); eval != "" {
		if arts, err := corpusgen.LoadPolNeAR(eval); err == nil {
			for _, a := range arts {
				texts = append(texts, a.Text)
			}
		}
	}
	indexed := NewFinder()
	// no gate: every rule at every token, every class matcher asked
	// each time (no memo)
	all := &Finder{Tokenizer: DefaultTokenizer{}, rules: grammar, noMemo: true}
	n := 0
	for _, dct := range []time.Time{{}, time.Date(2016, 10, 17, 0, 0, 0, 0, time.UTC)} {
		for _, s := range texts {
			got, want := indexed.Find(s, dct), all.Find(s, dct)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("indexed rules with the memo on %.60q: %v, all rules without: %v", s, got, want)
			}
			n += len(got)
		}
	}
	if n == 0 {
		t.Fatal("no expressions found")
	}
}
