package timex

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestTokenizeIntoSameAsTokenize checks that tokenizing into a reused
// slice (with lower-case words in shared chunks) gives the tokens and
// sentences of a fresh Tokenize, with lower's forms, and that Find through
// the pool returns what FindTokens does on fresh tokens — also after the
// pooled slice was used for a longer text.
func TestTokenizeIntoSameAsTokenize(t *testing.T) {
	parts := []string{"On", "MONDAY", "monday", "Jan.", "5", ",", "2016", "Zürich", "ÉTÉ", " ", "  ", "\n\n", ".", "Mr.",
		"Smith", "said", "LAST", "week", "?", "a.m.", "3:30", "p.m.", "The", "year", "ago", strings.Repeat("Long", 300)}
	r := rand.New(rand.NewSource(7))
	var buf []Token
	dct := time.Date(2016, 10, 17, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for j := r.Intn(200); j >= 0; j-- {
			b.WriteString(parts[r.Intn(len(parts))])
			if r.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		want, wantS := DefaultTokenizer{}.Tokenize(text)
		var got [][2]int
		buf, got = tokenizeInto(buf, text)
		if !reflect.DeepEqual(buf, want) && (len(buf) > 0 || len(want) > 0) || !reflect.DeepEqual(got, wantS) {
			t.Fatalf("tokenizeInto(%q) differs from Tokenize", text)
		}
		for _, tk := range buf {
			if tk.Lower != lower(tk.Text) {
				t.Fatalf("Lower of %q = %q, want %q", tk.Text, tk.Lower, lower(tk.Text))
			}
		}
		if i%10 == 0 {
			f := NewFinder()
			if a, b := f.Find(text, dct), f.FindTokens(text, want, wantS, dct); !reflect.DeepEqual(a, b) {
				t.Fatalf("Find(%q) = %v, FindTokens = %v", text, a, b)
			}
		}
	}
}

// TestLexBits checks a token's table bits against the tables themselves for
// every word of every table, some that are in none, and a token made
// elsewhere (no bits filled): each bit set exactly when the word is a key
// (with a true value, for the tables of booleans).
func TestLexBits(t *testing.T) {
	words := keysOf(litIDs)
	words = append(words, "", "the", "Monday", "monday", "mon", "may", "half", "a", "an", "est", "night", "second", "1st", "x")
	for _, m := range []map[string]bool{vagueNumbers, tzWords} {
		words = append(words, keysOf(m)...)
	}
	words = append(words, keysOf(weekdays)...)
	words = append(words, keysOf(months)...)
	words = append(words, keysOf(numberWords)...)
	words = append(words, keysOf(ordinals)...)
	words = append(words, keysOf(units)...)
	words = append(words, keysOf(partsOfDay)...)
	words = append(words, keysOf(seasons)...)
	words = append(words, keysOf(holidays)...)
	has := func(ok bool, bit uint32) uint32 {
		if ok {
			return bit
		}
		return 0
	}
	for _, w := range words {
		_, wd := weekdays[w]
		_, mo := months[w]
		_, nw := numberWords[w]
		_, or := ordinals[w]
		_, un := units[w]
		_, pa := partsOfDay[w]
		_, se := seasons[w]
		_, ho := holidays[w]
		want := lexKnown | has(wd, lexWeekday) | has(mo, lexMonth) | has(nw, lexNumber) | has(vagueNumbers[w], lexVague) |
			has(or, lexOrdinal) | has(un, lexUnit) | has(pa, lexPart) | has(se, lexSeason) | has(ho, lexHoliday) | has(tzWords[w], lexTZ)
		if got := uint32(lexOf(w)); got != want {
			t.Errorf("lexOf(%q) = %b, want %b", w, got, want)
		}
		if got := uint16(lexOf(w) >> 32); got != litIDs[w] {
			t.Errorf("literal number of %q = %d, want %d", w, got, litIDs[w])
		}
		tk := Token{Text: w, Lower: w}
		if got := tk.bits(); got != want {
			t.Errorf("bits of a bare token %q = %b, want %b", w, got, want)
		}
		toks, _ := DefaultTokenizer{}.Tokenize(w)
		if len(toks) == 1 && toks[0].lex != lexOf(toks[0].Lower) {
			t.Errorf("Tokenize(%q) bits %b", w, toks[0].lex)
		}
	}
}

// TestWordSets checks every literal element's word set, every rule's first
// words and the gate's words and rule lists against the maps they were
// built from, for every literal word and some that are none.
func TestWordSets(t *testing.T) {
	words := append(keysOf(litIDs), "", "the", "zzz", "monday")
	for _, w := range words {
		tk := Token{Text: w, Lower: w, lex: lexOf(w)}
		id := tk.litID()
		for _, r := range grammar {
			for k := range r.elems {
				if e := &r.elems[k]; e.words != nil && e.set.has(id) != e.words[w] {
					t.Fatalf("rule %s element %d: %q in set %v, in words %v", r.name, k, w, e.set.has(id), e.words[w])
				}
			}
			if r.first != nil && r.firstSet.has(id) != r.first[w] {
				t.Fatalf("rule %s first: %q", r.name, w)
			}
		}
		g := grammarGate
		if g.set.has(id) != g.words[w] {
			t.Fatalf("gate words: %q", w)
		}
		want := g.byWord[w]
		var got []int
		if int(id) < len(g.byID) {
			got = g.byID[id]
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("gate rules of %q: %v, want %v", w, got, want)
		}
	}
}
