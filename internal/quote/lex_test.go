package quote

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// Punctuation tokens are not looked up in the lexicon table, which is
// right only while every listed word starts with a letter or digit.
func TestLexTableWordsOnly(t *testing.T) {
	for w := range lexTable {
		if r, _ := utf8.DecodeRuneInString(w); !isWordRune(r) {
			t.Errorf("%q in the lexicon table does not start with a word rune: punctuation tokens would miss it", w)
		}
	}
}

// Every token's lexicon fields agree with the lists they stand for.
func TestLexFieldsMatchLists(t *testing.T) {
	toks := tokenize(benchText() + " He said they doesn't wasn’t U.S. officials. According to Mr. Smith, it was fine. She continued, pointing out what he stressed.")
	for _, tk := range toks {
		for _, l := range lexSets() {
			if want := l.set[tk.low]; tk.lex.has(l.bit) != want {
				t.Errorf("%q: bit %b is %v, list says %v", tk.low, l.bit, !want, want)
			}
		}
		if want := speechOnly[cueBase[tk.low]]; tk.lex.has(bSpeechOnlyCue) != want {
			t.Errorf("%q: speech-only cue bit is %v, lists say %v", tk.low, !want, want)
		}
		if tk.cue != cueOf[tk.low] {
			t.Errorf("%q: cue %d, cueOf says %d", tk.low, tk.cue, cueOf[tk.low])
		}
		if tk.gender != pronounGender[tk.low] {
			t.Errorf("%q: gender %q, pronounGender says %q", tk.low, tk.gender, pronounGender[tk.low])
		}
	}
}

// Extract shares pooled token buffers between calls: concurrent calls on
// different texts must each give what a lone call gives.
func TestExtractConcurrentPools(t *testing.T) {
	texts := []string{benchText(), strings.Repeat(benchText()+"\n\n", 3), "“No,” she said.", "Mr. Smith told CNN that it was over."}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = fmt.Sprintf("%+v", Extract(s, nil, nil))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				i := (g + r) % len(texts)
				if got := fmt.Sprintf("%+v", Extract(texts[i], nil, nil)); got != want[i] {
					errs <- fmt.Sprintf("text %d: concurrent result differs", i)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
