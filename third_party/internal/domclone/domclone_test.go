package domclone

import (
	"strings"
	"testing"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDeepMatchesDomClone: the same tree as dom.Clone(src, true), links
// consistent, attribute lists independent of the source and of each other.
func TestDeepMatchesDomClone(t *testing.T) {
	for _, page := range []string{
		`<!doctype html><html lang="en"><head><title>T</title><meta name="a" content="b"></head><body><div id="x" class="y"><p>One <b>two</b> three</p><br><p data-k="v">Four</p><svg><circle r="1"/></svg><!-- c --></div>tail</body></html>`,
		`<p>no attributes at all</p>`,
		``,
	} {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		want := dom.Clone(doc, true)
		got := Deep(doc)
		if r1, r2 := render(t, want), render(t, got); r1 != r2 {
			t.Fatalf("render differs:\n%s\n%s", r1, r2)
		}
		if got.Parent != nil || got.NextSibling != nil || got.PrevSibling != nil {
			t.Fatal("copy not detached")
		}
		var walk func(a, b *html.Node)
		walk = func(a, b *html.Node) {
			if a.Type != b.Type || a.Data != b.Data || a.DataAtom != b.DataAtom || len(a.Attr) != len(b.Attr) || (a.Attr == nil) != (b.Attr == nil) {
				t.Fatalf("node %q differs from dom.Clone's %q", b.Data, a.Data)
			}
			if cap(b.Attr) != len(b.Attr) {
				t.Fatalf("node %q: attribute capacity %d, length %d", b.Data, cap(b.Attr), len(b.Attr))
			}
			ca, cb := a.FirstChild, b.FirstChild
			for ; ca != nil && cb != nil; ca, cb = ca.NextSibling, cb.NextSibling {
				if cb.Parent != b || (cb.NextSibling != nil && cb.NextSibling.PrevSibling != cb) {
					t.Fatalf("links inconsistent under %q", b.Data)
				}
				walk(ca, cb)
			}
			if ca != nil || cb != nil || (b.LastChild != nil && b.LastChild.NextSibling != nil) {
				t.Fatalf("children of %q differ", b.Data)
			}
		}
		walk(want, got)
		// Changing the copy's attributes leaves the source alone; appending
		// to one node's list leaves the next node's alone.
		for n := range got.Descendants() {
			if len(n.Attr) > 0 {
				n.Attr[0].Val = "changed"
				n.Attr = append(n.Attr, html.Attribute{Key: "k2", Val: "v2"})
			}
		}
		if render(t, doc) != render(t, want) {
			t.Fatal("the source changed with its copy")
		}
	}
}
