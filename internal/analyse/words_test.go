package analyse

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/geo"
)

// TestWordHelpers checks the allocation-free word helpers against the
// strings.Fields / strings.Join / geo.Key code they replaced, on edge cases
// and random strings of words, spaces, tabs and non-ASCII letters.
func TestWordHelpers(t *testing.T) {
	names := []string{"", " ", "a", " a", "a ", "a  b", "a\tb c", "New  York Police", "St. Paul Police Dept",
		"Zürich Stadt", "São Paulo FC", "a\u00a0b c", "Lake Cauvery", "x y z w v u t s r q"}
	parts := []string{"a", "B", "New", "York", "St.", "Zürich", "ß", " ", "  ", "\t", "\u00a0", "-", "'s", "Ωmega"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := r.Intn(8); j >= 0; j-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		names = append(names, b.String())
	}
	for i, name := range names {
		f := strings.Fields(name)
		if got := appendFields(nil, name); strings.Join(got, "|") != strings.Join(f, "|") || len(got) != len(f) {
			t.Fatalf("appendFields(%q) = %q, want %q", name, got, f)
		}
		for k := 0; k <= len(f); k++ {
			want := strings.Join(f[:k], " ")
			got, ok := joinedPrefix(name, f[:k])
			if ok != strings.HasPrefix(name, want) || ok && got != want {
				t.Fatalf("joinedPrefix(%q, %d) = %q, %v; want %q, %v", name, k, got, ok, want, strings.HasPrefix(name, want))
			}
		}
		last, n := lastField(name)
		if n != len(f) || n > 0 && last != f[n-1] || n == 0 && last != "" {
			t.Fatalf("lastField(%q) = %q, %d", name, last, n)
		}
		if w := firstWord(name); len(strings.Fields(name[:min(len(name), 40)])) > 0 && w != strings.Fields(name[:min(len(name), 40)])[0] {
			t.Fatalf("firstWord(%q) = %q", name, w)
		}
		other := names[max(0, i-1)]
		if got, want := nameLike(name, other), nameLikeRef(name, other); got != want {
			t.Fatalf("nameLike(%q, %q) = %v, want %v", name, other, got, want)
		}
		if got, want := nameLike(name, name), nameLikeRef(name, name); got != want {
			t.Fatalf("nameLike(%q, itself) = %v, want %v", name, got, want)
		}
		if got, want := geo.SameKey(name, other), geo.Key(name) == geo.Key(other); got != want {
			t.Fatalf("SameKey(%q, %q) = %v", name, other, got)
		}
	}
}

// nameLikeRef is nameLike as first written (a map of the main name's words).
func nameLikeRef(name, main string) bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(geo.Key(main)) {
		if len(w) >= 4 {
			words[w] = true
		}
	}
	for _, w := range strings.Fields(geo.Key(name)) {
		if words[w] {
			return true
		}
	}
	return geo.Key(name) == geo.Key(main)
}
