package trafilatura

// Modified for sitrep: new file. The link-density tests ask for the length
// of a node's trimmed text (and of every link's in it) and throw the text
// away; trimmedTextLen counts it without building it.

import (
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// trimmedTextLen is utf8.RuneCountInString(trim(dom.TextContent(node))):
// the runes of the text's fields (unicode.IsSpace separates them) plus one
// space between each two.
func trimmedTextLen(node *html.Node) int {
	var c trimmedLenCounter
	c.walk(node)
	if c.invalid {
		// A rune split across two text nodes decodes differently on its
		// own; count the joined text as upstream does.
		return utf8.RuneCountInString(trim(dom.TextContent(node)))
	}
	return c.n
}

type trimmedLenCounter struct {
	n       int
	inField bool // the last rune was not white space
	invalid bool // a text node is not valid UTF-8
}

func (c *trimmedLenCounter) walk(n *html.Node) {
	if n.Type == html.TextNode {
		c.text(n.Data)
	}
	for child := n.FirstChild; child != nil && !c.invalid; child = child.NextSibling {
		c.walk(child)
	}
}

func (c *trimmedLenCounter) text(s string) {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				c.invalid = true
				return
			}
		}
		i += size
		if isSpace(r) {
			c.inField = false
			continue
		}
		if !c.inField && c.n > 0 {
			c.n++ // the space before this field
		}
		c.inField = true
		c.n++
	}
}
