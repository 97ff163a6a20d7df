package trafilatura

// Tests of the code sitrep changed (see ../README.md): each must give what
// the upstream code it replaces gives.

import (
	"math/rand"
	"strings"
	"testing"
)

func TestTrimMatchesUpstream(t *testing.T) {
	upstream := func(s string) string { return strings.TrimSpace(strings.Join(strings.Fields(s), " ")) }
	pieces := []string{"a", "bc", "Ž", "日本", " ", "  ", "\t", "\n", "\r\n", "\f", "\v", "\u00a0", "\u2003", "\u0085", "\x00", "\xff", "\xe2\x80"}
	rng := rand.New(rand.NewSource(1))
	cases := []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\u00a0b", "\xffa b"}
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for j := rng.Intn(8); j >= 0; j-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := trim(s), upstream(s); got != want {
			t.Fatalf("trim(%q) = %q, upstream %q", s, got, want)
		}
	}
}
