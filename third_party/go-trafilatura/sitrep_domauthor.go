package trafilatura

// Modified for sitrep: new file. extractDomAuthor copies the whole page to
// prune it before looking for an author element; domAuthorWithoutCopy finds
// the same answer on the page itself whenever the pruning cannot have
// changed it.

import (
	"unicode/utf8"

	"github.com/sitrep/sitrep/third_party/go-trafilatura/internal/etree"
	"github.com/sitrep/sitrep/third_party/go-trafilatura/internal/selector"
	"golang.org/x/net/html"
)

// domAuthorWithoutCopy is extractDomMetaSelectors(pruneUnwantedNodes(doc,
// selector.MetaAuthorDiscard), 120, selector.MetaAuthor) read from doc
// itself; ok is false when it cannot tell, and the caller prunes a copy.
//
// Both rule sets look at an element's own tag and attributes only, so the
// pruned copy holds the elements of doc outside the subtrees of discard
// matches, with their tags and attributes. The pruning moves a removed
// element's tail text to its previous element sibling or its parent, which
// lie inside any element that contains it; so an author candidate with no
// discard match below it has the same text in the copy. Candidates are
// read rule by rule in document order as upstream does; at the first one
// that has a discard match below it, ok is false.
func domAuthorWithoutCopy(doc *html.Node) (text string, ok bool) {
	type candidate struct {
		node  *html.Node
		rule  int
		dirty bool // a discard match lies below it
	}
	var cands []candidate
	discard := func(n *html.Node) bool {
		for _, r := range selector.MetaAuthorDiscard {
			if r(n) {
				return true
			}
		}
		return false
	}
	// walk reports whether n's subtree (n included) holds a discard match.
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && discard(n) {
			return true // pruned with everything below it
		}
		first := len(cands)
		if n.Type == html.ElementNode {
			for i, r := range selector.MetaAuthor {
				if r(n) {
					cands = append(cands, candidate{node: n, rule: i})
				}
			}
		}
		below := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				below = true
			}
		}
		for i := first; i < len(cands) && cands[i].node == n; i++ {
			cands[i].dirty = below
		}
		return below
	}
	for c := doc.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	for rule := range selector.MetaAuthor {
		for _, c := range cands {
			if c.rule != rule {
				continue
			}
			if c.dirty {
				return "", false
			}
			text := trim(etree.IterText(c.node, " "))
			if n := utf8.RuneCountInString(text); n > 2 && n < 120 {
				return text, true
			}
		}
	}
	return "", true
}
