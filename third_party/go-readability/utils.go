package readability

import (
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// indexOf returns the position of the first occurrence of a
// specified  value in a string array. Returns -1 if the
// value to search for never occurs.
func indexOf(array []string, key string) int {
	for i := 0; i < len(array); i++ {
		if array[i] == key {
			return i
		}
	}
	return -1
}

// wordCount returns number of word in str.
func wordCount(str string) int {
	return len(strings.Fields(str))
}

// charCount returns number of char in str.
func charCount(str string) int {
	return utf8.RuneCountInString(str)
}

// isValidURL checks if URL is valid.
func isValidURL(s string) bool {
	_, err := nurl.ParseRequestURI(s)
	return err == nil
}

// toAbsoluteURI convert uri to absolute path based on base.
// However, if uri is prefixed with hash (#), the uri won't be changed.
func toAbsoluteURI(uri string, base *nurl.URL) string {
	if uri == "" || base == nil {
		return uri
	}

	// If it is hash tag, return as it is
	if strings.HasPrefix(uri, "#") {
		return uri
	}

	// If it is data URI, return as it is
	if strings.HasPrefix(uri, "data:") {
		return uri
	}

	// If it is already an absolute URL, return as it is
	tmp, err := nurl.ParseRequestURI(uri)
	if err == nil && tmp.Scheme != "" && tmp.Hostname() != "" {
		return uri
	}

	// Otherwise, resolve against base URI.
	tmp, err = nurl.Parse(uri)
	if err != nil {
		return uri
	}

	return base.ResolveReference(tmp).String()
}

// strOr returns the first not empty string in args.
func strOr(args ...string) string {
	for i := 0; i < len(args); i++ {
		if args[i] != "" {
			return args[i]
		}
	}
	return ""
}

func sliceToMap(strings ...string) map[string]struct{} {
	result := make(map[string]struct{})
	for _, s := range strings {
		result[s] = struct{}{}
	}
	return result
}

func strFilter(strs []string, filter func(string) bool) []string {
	var result []string
	for _, s := range strs {
		if filter(s) {
			result = append(result, s)
		}
	}
	return result
}

func trim(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSpace(s)
}

// innerTextLen is charCount(ps.getInnerText(node, true)) without building
// the string: the runes of node's text content once leading and trailing
// white space (unicode.IsSpace, as strings.TrimSpace) is trimmed and every
// run of [\t\n\f\r ] inside counts as one rune (re2go.NormalizeSpaces turns
// runs of two or more into one space, and leaves a single one as it is).
// Text nodes are decoded one by one, so the two differ only where a
// multi-byte rune is split across text nodes (invalid UTF-8 in each).
//
// Modified for sitrep: new; readability asks for these lengths for every
// candidate and every link in it.
func innerTextLen(node *html.Node) int {
	var c textLenCounter
	c.walk(node)
	return c.n
}

type textLenCounter struct {
	n       int  // runes counted up to the last non-space rune
	started bool // a non-space rune has been seen (leading space is trimmed)
	pending int  // runes the white space since the last non-space rune counts for
	inRun   bool // that white space ends in a run of [\t\n\f\r ]
}

func (c *textLenCounter) walk(n *html.Node) {
	if n.Type == html.TextNode {
		c.text(n.Data)
	}
	for child := n.FirstChild; child != nil; child = child.NextSibling {
		c.walk(child)
	}
}

func (c *textLenCounter) text(s string) {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if !isSpace(r) {
			c.n += c.pending + 1
			c.pending, c.inRun, c.started = 0, false, true
			continue
		}
		if !c.started {
			continue
		}
		switch r {
		case '\t', '\n', '\f', '\r', ' ':
			if !c.inRun {
				c.pending++
				c.inRun = true
			}
		default:
			c.pending++
			c.inRun = false
		}
	}
}

// hasNonSpaceText reports whether strings.TrimSpace(dom.TextContent(node))
// would be non-empty, stopping at the first rune that is not white space.
//
// Modified for sitrep: new, for isElementWithoutContent.
func hasNonSpaceText(node *html.Node) bool {
	if node.Type == html.TextNode {
		for _, r := range node.Data {
			if !isSpace(r) {
				return true
			}
		}
	}
	for child := node.FirstChild; child != nil; child = child.NextSibling {
		if hasNonSpaceText(child) {
			return true
		}
	}
	return false
}
