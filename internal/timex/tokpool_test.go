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
