package quote

import (
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
