package readability

// Modified for sitrep: new file. cleanConditionally asks, for every
// candidate element, for its commas and for four tag counts, each a walk
// of the element's subtree (and the commas a copy of its text); these
// give the same numbers from fewer walks and no copy.

import (
	"strings"

	"golang.org/x/net/html"
)

// commaCount is ps.getCharCount(node, ","): trimming and normalising white
// space (getInnerText) leave commas alone, and a comma is one byte that is
// never part of another rune's encoding, so the count is the sum over the
// text nodes.
func commaCount(node *html.Node) int {
	n := 0
	if node.Type == html.TextNode {
		n = strings.Count(node.Data, ",")
	}
	for c := node.FirstChild; c != nil; c = c.NextSibling {
		n += commaCount(c)
	}
	return n
}

// tagCounts are len(dom.GetElementsByTagName(node, tag)) for the four tags
// cleanConditionally counts.
type tagCounts struct{ p, img, li, input int }

func countTags(node *html.Node) tagCounts {
	var t tagCounts
	t.add(node)
	return t
}

func (t *tagCounts) add(node *html.Node) {
	for c := node.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			switch c.Data {
			case "p":
				t.p++
			case "img":
				t.img++
			case "li":
				t.li++
			case "input":
				t.input++
			}
		}
		t.add(c)
	}
}
