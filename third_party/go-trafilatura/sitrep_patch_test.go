package trafilatura

// Tests of the code sitrep changed (see ../README.md): each must give what
// the upstream code it replaces gives.

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"github.com/sitrep/sitrep/third_party/go-trafilatura/internal/etree"
	"github.com/sitrep/sitrep/third_party/go-trafilatura/internal/selector"
	"golang.org/x/net/html"
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

// TestTrimmedTextLenMatchesUpstream: trimmedTextLen is the rune count of
// trim(dom.TextContent(n)) on random trees whose text nodes mix white
// space, multi-byte runes and bytes of runes split across two nodes.
func TestTrimmedTextLenMatchesUpstream(t *testing.T) {
	pieces := []string{"a", "bc", "Ž", "日本", " ", "  ", "\t", "\n", "\r\n", "\f", "\v", "\u00a0", "\u2003", "\u0085", "\x00", "", "\xe2\x80", "\x83", "\xff"}
	rng := rand.New(rand.NewSource(3))
	var build func(depth int) *html.Node
	build = func(depth int) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: "div"}
		for i := rng.Intn(4); i >= 0; i-- {
			if depth > 0 && rng.Intn(3) == 0 {
				n.AppendChild(build(depth - 1))
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
	for i := 0; i < 30000; i++ {
		n := build(3)
		if got, want := trimmedTextLen(n), utf8.RuneCountInString(trim(dom.TextContent(n))); got != want {
			t.Fatalf("tree %d %q: trimmedTextLen %d, upstream %d", i, dom.TextContent(n), got, want)
		}
	}
}

// TestTagSetsMatchUpstream: docCleaning's one-walk StripTagSet and
// RemoveTagSet leave the tree that upstream's per-tag StripTags and
// StripElements leave, whatever order the tags come in, on random trees
// of nested strippable, removable and other elements, text and comments.
func TestTagSetsMatchUpstream(t *testing.T) {
	tags := []string{"div", "p", "font", "small", "ins", "script", "aside", "span", "b", "tbody"}
	strip := map[string]struct{}{"font": {}, "small": {}, "ins": {}, "tbody": {}}
	remove := map[string]struct{}{"script": {}, "aside": {}, "ins": {}, "b": {}}
	rng := rand.New(rand.NewSource(4))
	var build func(depth int) *html.Node
	build = func(depth int) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: tags[rng.Intn(len(tags))]}
		for i := rng.Intn(5); i >= 0; i-- {
			switch k := rng.Intn(6); {
			case depth > 0 && k < 3:
				n.AppendChild(build(depth - 1))
			case k == 3:
				n.AppendChild(&html.Node{Type: html.CommentNode, Data: "c"})
			default:
				n.AppendChild(&html.Node{Type: html.TextNode, Data: string(rune('a' + rng.Intn(26)))})
			}
		}
		return n
	}
	render := func(n *html.Node) string {
		var b strings.Builder
		_ = html.Render(&b, n)
		return b.String()
	}
	keys := func(m map[string]struct{}) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		return out
	}
	for i := 0; i < 5000; i++ {
		root := &html.Node{Type: html.ElementNode, Data: "body"}
		root.AppendChild(build(4))
		root.AppendChild(build(3))
		up, ours := dom.Clone(root, true), dom.Clone(root, true)
		for _, tag := range keys(strip) {
			etree.StripTags(up, tag)
		}
		for _, tag := range keys(remove) {
			etree.StripElements(up, false, tag)
		}
		etree.StripTagSet(ours, strip)
		etree.RemoveTagSet(ours, false, remove)
		if got, want := render(ours), render(up); got != want {
			t.Fatalf("tree %d %s:\nsets    %s\nper tag %s", i, render(root), got, want)
		}
	}
}

// TestDomAuthorWithoutCopyMatchesUpstream: where domAuthorWithoutCopy
// answers, it answers what pruning a copy and searching it answers, on
// random pages of author candidates, discard matches and text.
func TestDomAuthorWithoutCopyMatchesUpstream(t *testing.T) {
	tags := []string{"div", "span", "a", "p", "time", "figure", "section", "h3", "br"}
	classes := []string{"", "", "author", "byline", "comments", "date", "sidebar", "author-name", "x"}
	words := []string{"Jane Doe", "By John Smith", "ab", " ", "Updated 5 May", "A very long line of text that goes on and on about the weather and the news of the day, well past one hundred and twenty characters in all."}
	rng := rand.New(rand.NewSource(5))
	var build func(depth int) *html.Node
	build = func(depth int) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: tags[rng.Intn(len(tags))]}
		if c := classes[rng.Intn(len(classes))]; c != "" {
			n.Attr = []html.Attribute{{Key: "class", Val: c}}
		}
		for i := rng.Intn(4); i >= 0; i-- {
			if depth > 0 && rng.Intn(2) == 0 {
				n.AppendChild(build(depth - 1))
			} else {
				n.AppendChild(&html.Node{Type: html.TextNode, Data: words[rng.Intn(len(words))]})
			}
		}
		return n
	}
	answered := 0
	for i := 0; i < 20000; i++ {
		doc := &html.Node{Type: html.DocumentNode}
		body := &html.Node{Type: html.ElementNode, Data: "body"}
		doc.AppendChild(body)
		for j := rng.Intn(3); j >= 0; j-- {
			body.AppendChild(build(3))
		}
		got, ok := domAuthorWithoutCopy(doc)
		if !ok {
			continue
		}
		answered++
		if want := extractDomMetaSelectors(pruneUnwantedNodes(doc, selector.MetaAuthorDiscard), 120, selector.MetaAuthor); got != want {
			var b strings.Builder
			_ = html.Render(&b, doc)
			t.Fatalf("page %d %s: %q, upstream %q", i, b.String(), got, want)
		}
	}
	if answered < 5000 {
		t.Fatalf("answered only %d of 20000 pages", answered)
	}
}
