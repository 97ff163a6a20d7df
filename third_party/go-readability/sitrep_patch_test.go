package readability

// Tests of the helpers sitrep added (see ../README.md): each must give what
// the upstream expression it replaces gives.

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// randomTree builds a small tree of elements and text nodes whose text
// mixes letters, multi-byte runes and every kind of white space the two
// trims and the NormalizeSpaces pattern treat differently.
func randomTree(rng *rand.Rand, depth int) *html.Node {
	pieces := []string{"a", "Ž", "日", " ", "  ", "\t", "\n", "\r\n", "\f", "\v", "\u00a0", "\u2003", "\u0085", "x y", "", "\x00"}
	n := &html.Node{Type: html.ElementNode, Data: "div"}
	for i := rng.Intn(4); i >= 0; i-- {
		if depth > 0 && rng.Intn(3) == 0 {
			n.AppendChild(randomTree(rng, depth-1))
			continue
		}
		var b strings.Builder
		for j := rng.Intn(6); j >= 0; j-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		n.AppendChild(&html.Node{Type: html.TextNode, Data: b.String()})
	}
	return n
}

func TestInnerTextLenMatchesUpstream(t *testing.T) {
	ps := NewParser()
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		n := randomTree(rng, 3)
		want := charCount(ps.getInnerText(n, true))
		if got := innerTextLen(n); got != want {
			t.Fatalf("tree %d %q: innerTextLen %d, charCount(getInnerText) %d", i, dom.TextContent(n), got, want)
		}
		wantText := strings.TrimSpace(dom.TextContent(n)) != ""
		if got := hasNonSpaceText(n); got != wantText {
			t.Fatalf("tree %d %q: hasNonSpaceText %v, want %v", i, dom.TextContent(n), got, wantText)
		}
	}
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0}, {"   ", 0}, {" a ", 1}, {"a  b", 3}, {"a\nb", 3}, {"a \u00a0 b", 5}, {"a\v\vb", 4}, {"\u00a0a", 1},
	} {
		n := &html.Node{Type: html.ElementNode, Data: "p"}
		n.AppendChild(&html.Node{Type: html.TextNode, Data: tc.text})
		if got := innerTextLen(n); got != tc.want {
			t.Errorf("%q: innerTextLen %d, want %d", tc.text, got, tc.want)
		}
	}
}
