package trafilatura

// Tests of the readability skip (sitrep_fallbackskip.go): the bound must
// hold for every article readability returns, and readabilityCannotWin must
// say so only where candidateIsUsable is false for every length up to the
// bound.

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/third_party/go-readability"
	"github.com/sitrep/sitrep/third_party/go-trafilatura/internal/etree"
	"github.com/sitrep/sitrep/third_party/internal/domclone"
	"golang.org/x/net/html"
)

// iterTextLen is the length compareExternalExtraction gives a candidate.
func iterTextLen(n *html.Node) int {
	return utf8.RuneCountInString(trim(etree.IterText(n, " ")))
}

// TestFallbackTextBoundOnRearrangedText: any tree made of some of a page's
// text nodes (outside script, noscript, style), in any order and nesting,
// with void elements between them, is no longer than the bound.
func TestFallbackTextBoundOnRearrangedText(t *testing.T) {
	pieces := []string{"a", "bc", "Ž", "日本", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x00", "", "\xe2\x80", "\x83", "\xff", "\xc2", "\xa0"}
	rng := rand.New(rand.NewSource(5))
	text := func() string {
		var b strings.Builder
		for j := rng.Intn(6); j >= 0; j-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	tags := []string{"div", "p", "span", "script", "style", "noscript", "b"}
	for i := 0; i < 20000; i++ {
		doc := &html.Node{Type: html.DocumentNode}
		var texts []string
		var build func(parent *html.Node, depth int, hidden bool)
		build = func(parent *html.Node, depth int, hidden bool) {
			for k := rng.Intn(4); k >= 0; k-- {
				if depth > 0 && rng.Intn(2) == 0 {
					el := &html.Node{Type: html.ElementNode, Data: tags[rng.Intn(len(tags))]}
					parent.AppendChild(el)
					build(el, depth-1, hidden || el.Data == "script" || el.Data == "style" || el.Data == "noscript")
					continue
				}
				s := text()
				parent.AppendChild(&html.Node{Type: html.TextNode, Data: s})
				if !hidden {
					texts = append(texts, s)
				}
			}
		}
		build(doc, 3, false)
		bound := fallbackTextBound(doc)
		// some of the visible text nodes, shuffled, at random depths, with
		// void elements between some of them
		rng.Shuffle(len(texts), func(a, b int) { texts[a], texts[b] = texts[b], texts[a] })
		out := &html.Node{Type: html.ElementNode, Data: "div"}
		parent := out
		for _, s := range texts {
			if rng.Intn(4) == 0 {
				continue
			}
			switch rng.Intn(4) {
			case 0:
				el := &html.Node{Type: html.ElementNode, Data: "p"}
				parent.AppendChild(el)
				parent = el
			case 1:
				parent = out
			case 2:
				parent.AppendChild(&html.Node{Type: html.ElementNode, Data: "br"})
			}
			parent.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		}
		if got := iterTextLen(out); got > bound {
			var b bytes.Buffer
			_ = html.Render(&b, doc)
			t.Fatalf("rearranged text of %q: %d runes, bound %d", b.String(), got, bound)
		}
	}
}

// TestFallbackTextBoundCoversReadability: readability's article (as the
// fallback comparison measures it) is never longer than the bound, on
// random pages that exercise its rewrites (div to p, javascript: links,
// noscript images, <br> runs, hidden and unlikely elements, retries) and
// on the real pages at hand (clean's testdata; the Zyte gold pages when
// ../shared/eval or $SITREP_SHARED has them).
func TestFallbackTextBoundCoversReadability(t *testing.T) {
	var pages [][]byte
	files, _ := filepath.Glob(filepath.Join("..", "..", "internal", "clean", "testdata", "*.html"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, b)
	}
	pages = append(pages, zytePagesIfAny(t)...)
	real := len(pages)
	rng := rand.New(rand.NewSource(7))
	words := []string{"river", "dam", "talks,", "minister", "said.", "Ž", "日本", "\u00a0", " ", "\n", "Share", "Subscribe"}
	frag := []string{"<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<br>", "<br><br>", `<a href="javascript:void(0)">`, `<a href="/x">`, "</a>",
		`<img src="a.jpg">`, `<noscript><img src="b.jpg"></noscript>`, "<script>var x = 'long script text';</script>", "<style>p{color:red}</style>",
		`<div class="comment sidebar">`, `<div style="display:none">`, `<div hidden>`, "<article>", "</article>", "<font>", "</font>", "<h2>", "</h2>",
		"<table><tr><td>", "</td></tr></table>", "<ul><li>", "</li></ul>", "<footer>", "</footer>", "<aside>", "</aside>", "<form>", "</form>"}
	for i := 0; i < 400; i++ {
		var b strings.Builder
		b.WriteString("<html><head><title>Dam talks</title></head><body>")
		for k := 20 + rng.Intn(200); k > 0; k-- {
			if rng.Intn(3) == 0 {
				b.WriteString(frag[rng.Intn(len(frag))])
				continue
			}
			for w := rng.Intn(30); w >= 0; w-- {
				b.WriteString(words[rng.Intn(len(words))])
				b.WriteByte(' ')
			}
		}
		b.WriteString("</body></html>")
		pages = append(pages, []byte(b.String()))
	}
	for i, page := range pages {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		bound := fallbackTextBound(doc)
		res, _ := readability.FromRegenerableDocument(func() *html.Node { return domclone.Deep(doc) }, nil)
		if res.Node == nil {
			continue
		}
		if got := iterTextLen(res.Node); got > bound {
			what := "random page"
			if i < real {
				what = "real page"
			}
			t.Errorf("%s %d: readability's text %d runes, bound %d", what, i, got, bound)
		}
	}
}

// zytePagesIfAny reads the Zyte gold pages when the shared evaluation data
// is there.
func zytePagesIfAny(t *testing.T) [][]byte {
	dir := filepath.Join("..", "..", "..", "shared", "eval")
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		dir = filepath.Join(d, "eval")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "extract-scrapinghub", "html", "*.html.gz"))
	var pages [][]byte
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, b)
	}
	return pages
}

// TestReadabilityCannotWinMatchesRules: where readabilityCannotWin says so,
// candidateIsUsable is false for every candidate length up to the bound;
// and it does say so on a fair share of cases (the test would pass
// vacuously otherwise).
func TestReadabilityCannotWinMatchesRules(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	candidate := &html.Node{Type: html.ElementNode, Data: "div"}
	candidate.AppendChild(&html.Node{Type: html.ElementNode, Data: "h2"})
	tags := []string{"p", "table", "div", "head"}
	said := 0
	const cases = 4000
	for i := 0; i < cases; i++ {
		extracted := &html.Node{Type: html.ElementNode, Data: "body"}
		var build func(parent *html.Node, depth int)
		build = func(parent *html.Node, depth int) {
			for k := rng.Intn(4); k >= 0; k-- {
				if depth > 0 && rng.Intn(2) == 0 {
					el := &html.Node{Type: html.ElementNode, Data: tags[rng.Intn(len(tags))]}
					parent.AppendChild(el)
					build(el, depth-1)
					continue
				}
				parent.AppendChild(&html.Node{Type: html.TextNode, Data: []string{"", " ", "\u00a0", "x", " words "}[rng.Intn(5)]})
			}
		}
		build(extracted, 3)
		opts := Options{Focus: []ExtractionFocus{Balanced, FavorPrecision, FavorRecall}[rng.Intn(3)], Config: DefaultConfig()}
		lenExtracted := []int{0, 1, 100, 249, 250, 251, 400, 600, 1500}[rng.Intn(9)]
		bound := rng.Intn(2*lenExtracted + 600)
		if !readabilityCannotWin(extracted, lenExtracted, bound, opts) {
			continue
		}
		said++
		for lenCandidate := 0; lenCandidate <= bound; lenCandidate++ {
			if candidateIsUsable(candidate, extracted, lenCandidate, lenExtracted, opts) {
				t.Fatalf("focus %v, extracted %d runes, bound %d: a candidate of %d runes is usable", opts.Focus, lenExtracted, bound, lenCandidate)
			}
		}
	}
	if said < cases/10 {
		t.Fatalf("readabilityCannotWin said so in %d of %d cases", said, cases)
	}
}
