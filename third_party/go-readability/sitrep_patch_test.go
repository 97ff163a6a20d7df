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

// randomLinkTree is randomTree with some elements turned into links, half
// of them in-page (#…) links that count 0.3.
func randomLinkTree(rng *rand.Rand) *html.Node {
	root := randomTree(rng, 4)
	var mark func(n *html.Node)
	mark = func(n *html.Node) {
		if n.Type == html.ElementNode && n != root && rng.Intn(3) == 0 {
			n.Data = "a"
			switch rng.Intn(4) {
			case 0:
				n.Attr = []html.Attribute{{Key: "href", Val: "#top"}}
			case 1:
				n.Attr = []html.Attribute{{Key: "href", Val: " https://example.com/x "}}
			case 2:
				n.Attr = []html.Attribute{{Key: "href", Val: "#"}}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			mark(c)
		}
	}
	mark(root)
	return root
}

// TestLinkDensitiesMatchUpstream: linkDensities gives getLinkDensity's
// float64, bit for bit, for every element of random trees, and textSumOf
// composes to innerTextLen.
func TestLinkDensitiesMatchUpstream(t *testing.T) {
	ps := NewParser()
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 5000; i++ {
		root := randomLinkTree(rng)
		var nodes []*html.Node
		var collect func(n *html.Node)
		collect = func(n *html.Node) {
			if n.Type == html.ElementNode {
				nodes = append(nodes, n)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				collect(c)
			}
		}
		collect(root)
		got := ps.linkDensities(root, nodes)
		for j, n := range nodes {
			if want := ps.getLinkDensity(n); got[j] != want {
				t.Fatalf("tree %d node %d %q: linkDensities %v, getLinkDensity %v", i, j, dom.TextContent(n), got[j], want)
			}
		}
		var w linkDensityWalk
		if got, want := w.walk(root).length(), innerTextLen(root); got != want {
			t.Fatalf("tree %d %q: textSum length %d, innerTextLen %d", i, dom.TextContent(root), got, want)
		}
	}
	// A node outside root's tree is measured on its own.
	other := randomLinkTree(rng)
	if got, want := ps.linkDensities(randomLinkTree(rng), []*html.Node{other})[0], ps.getLinkDensity(other); got != want {
		t.Errorf("node outside the tree: %v, want %v", got, want)
	}
}

// TestCountsMatchUpstream: commaCount and countTags give getCharCount's and
// dom.GetElementsByTagName's numbers on random trees.
func TestCountsMatchUpstream(t *testing.T) {
	ps := NewParser()
	rng := rand.New(rand.NewSource(6))
	tags := []string{"p", "img", "li", "input", "div", "span"}
	pieces := []string{",", ", ", " ,\n", "a", "\u00a0,", "\xe2,", "  "}
	var build func(depth int) *html.Node
	build = func(depth int) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: tags[rng.Intn(len(tags))]}
		for i := rng.Intn(4); i >= 0; i-- {
			if depth > 0 && rng.Intn(2) == 0 {
				n.AppendChild(build(depth - 1))
				continue
			}
			var b strings.Builder
			for j := rng.Intn(4); j >= 0; j-- {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			n.AppendChild(&html.Node{Type: html.TextNode, Data: b.String()})
		}
		return n
	}
	for i := 0; i < 10000; i++ {
		n := build(4)
		if got, want := commaCount(n), ps.getCharCount(n, ","); got != want {
			t.Fatalf("tree %d %q: commaCount %d, getCharCount %d", i, dom.TextContent(n), got, want)
		}
		c := countTags(n)
		for tag, got := range map[string]int{"p": c.p, "img": c.img, "li": c.li, "input": c.input} {
			if want := len(dom.GetElementsByTagName(n, tag)); got != want {
				t.Fatalf("tree %d: %s count %d, GetElementsByTagName %d", i, tag, got, want)
			}
		}
	}
}

// randomPage writes a page for readability: paragraphs of random length in
// containers whose classes readability's flags treat differently (so some
// pages succeed at the first attempt and others need one, two or three
// retries), with the markup its preparation changes (scripts, noscript
// images, runs of <br>, <font>, comments, styles).
func randomPage(rng *rand.Rand) string {
	words := []string{"the", "council", "voted", "on", "Tuesday,", "water", "prices", "rose", "again", "said", "a", "spokesman."}
	para := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(words[rng.Intn(len(words))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	classes := []string{"article", "content", "comment", "sidebar", "footer", "meta", "", "hidden-banner", "story-body"}
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>A headline | Site</title><style>p{}</style>")
	b.WriteString(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"A headline"}</script></head><body>`)
	for i := rng.Intn(6) + 1; i > 0; i-- {
		b.WriteString(`<div class="` + classes[rng.Intn(len(classes))] + `">`)
		for j := rng.Intn(5); j >= 0; j-- {
			switch rng.Intn(7) {
			case 0:
				b.WriteString("<br><br>" + para(rng.Intn(30)) + "<br><br><br>")
			case 1:
				b.WriteString("<font>" + para(rng.Intn(20)) + "</font>")
			case 2:
				b.WriteString(`<noscript><img src="a.jpg"></noscript><script>var x = 1;</script><!-- c -->`)
			case 3:
				b.WriteString(`<p class="byline">By A. Writer</p>`)
			default:
				b.WriteString("<p>" + para(rng.Intn(60)) + "</p>")
			}
		}
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	return b.String()
}

// TestRegenerableMatchesUpstream: readability on a document it may
// regenerate (its first attempt on the document itself, a retry on a
// fresh one) gives the article readability gives on copies (upstream's
// FromDocument), on pages that succeed at once and pages that need retries.
func TestRegenerableMatchesUpstream(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var once, retried int
	for i := 0; i < 600; i++ {
		src := randomPage(rng)
		parse := func() *html.Node {
			doc, err := html.Parse(strings.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			return doc
		}
		want, werr := FromDocument(parse(), nil)
		calls := 0
		got, gerr := FromRegenerableDocument(func() *html.Node { calls++; return parse() }, nil)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("page %d: errors %v and %v", i, werr, gerr)
		}
		if got.Content != want.Content || got.TextContent != want.TextContent || got.Title != want.Title ||
			got.Byline != want.Byline || got.Excerpt != want.Excerpt || got.Length != want.Length {
			t.Fatalf("page %d (%d regenerations): article differs\n got %q\nwant %q\npage %s", i, calls, got.Content, want.Content, src)
		}
		if calls == 1 {
			once++
		} else {
			retried++
		}
	}
	if once < 50 || retried < 50 {
		t.Fatalf("pages: %d at the first attempt, %d retried; the test needs both", once, retried)
	}
	t.Logf("%d pages at the first attempt, %d retried", once, retried)
}
