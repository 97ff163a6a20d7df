package trafilatura

// Modified for sitrep: new file. The fallback comparison runs readability on
// every page, and on most pages readability's text cannot be chosen: it
// would have to be more than twice as long as trafilatura's own, and the
// page does not hold that much text. readabilityCannotWin says so from one
// walk of the page, so compareExternalExtraction skips readability there
// with the same outcome (its candidate not usable).

import (
	"unicode/utf8"

	"golang.org/x/net/html"
)

// fallbackTextBound bounds from above the rune count of
// trim(etree.IterText(n, " ")) for any tree n whose text nodes are some of
// doc's outside <script>, <noscript> and <style> elements, in any order and
// any nesting. Readability's article is such a tree: it works on a copy of
// doc, removes every script, noscript and style element before it looks for
// the article (parseDocument, prepareAgain), and otherwise moves, renames,
// wraps and removes nodes but never adds text (a javascript: link becomes a
// text node of the link's one text child; a noscript image replaces an
// element that has only white space).
//
// trim collapses white space and IterText puts a separator between some
// text nodes, so each text node adds at most its non-space runes and one
// space before each of its fields: the bound is that sum. A byte that is
// not valid UTF-8 is counted as a rune of its own, as RuneCountInString
// counts it (joined to a neighbour's bytes it can only make fewer runes).
func fallbackTextBound(doc *html.Node) int {
	n := 0
	var walk func(*html.Node)
	walk = func(node *html.Node) {
		switch node.Type {
		case html.TextNode:
			n += textFieldRunes(node.Data)
			return
		case html.ElementNode:
			switch node.Data {
			case "script", "noscript", "style":
				return
			}
		}
		for c := node.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return n
}

// textFieldRunes is the non-space runes of s plus the number of its fields
// (runs of non-space runes, unicode.IsSpace as trim has it).
func textFieldRunes(s string) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if isSpace(r) {
			inField = false
			continue
		}
		if !inField {
			n++ // the space before this field
		}
		inField = true
		n++
	}
	return n
}

// readabilityCannotWin reports whether candidateIsUsable is false for every
// candidate of at most bound runes, given the extracted tree and its length.
// With FavorRecall the rules read the candidate's headings, so it never
// says so. Otherwise a candidate is usable when the extraction is empty, when
// it is more than twice as long as the extraction, or, when the two are
// within a factor of two, when it is longer than 2*MinExtractedSize and the
// extraction has no paragraph text or more tables than paragraphs (the
// borderline rules of candidateIsUsable, which read only the extraction).
func readabilityCannotWin(extractedDoc *html.Node, lenExtracted, bound int, opts Options) bool {
	switch {
	case opts.Focus == FavorRecall:
		return false
	case bound == 0:
		return true
	case lenExtracted == 0 || bound > 2*lenExtracted:
		return false
	case bound <= opts.Config.MinExtractedSize*2:
		return true
	}
	tables, paragraphs, pText := 0, 0, false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "table":
				tables++
			case "p":
				paragraphs++
				pText = pText || hasNonSpaceRune(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for c := extractedDoc.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	return pText && tables <= paragraphs
}

// hasNonSpaceRune reports whether trim(etree.IterText(n, " ")) is not
// empty: some text node below n has a rune that is not white space.
func hasNonSpaceRune(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && textFieldRunes(c.Data) > 0 || hasNonSpaceRune(c) {
			return true
		}
	}
	return false
}
