package readability

// Modified for sitrep: new file. grabArticle scales every candidate's score
// by getLinkDensity; the candidates are the scored paragraphs' ancestors,
// nested in each other, so upstream walks the body's text (and every
// link's) once per level. linkDensities gives the same figures from one
// walk of the tree.

import (
	"strings"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// wsSpan is a run of white space (unicode.IsSpace) as innerTextLen counts
// it: cnt is what it adds when the rune before it is not white space;
// a leading [\t\n\f\r ] rune merges with such a rune just before it.
// cnt is 0 only for the empty span.
type wsSpan struct {
	cnt                int
	startsRun, endsRun bool // first / last rune is one of [\t\n\f\r ]
}

// after is what s adds after white space that ended in a [\t\n\f\r ] run
// (inRun) or not.
func (s wsSpan) after(inRun bool) int {
	if inRun && s.startsRun {
		return s.cnt - 1
	}
	return s.cnt
}

func (s wsSpan) then(t wsSpan) wsSpan {
	switch {
	case s.cnt == 0:
		return t
	case t.cnt == 0:
		return s
	}
	return wsSpan{cnt: s.cnt + t.after(s.endsRun), startsRun: s.startsRun, endsRun: t.endsRun}
}

// textSum summarises a stretch of text for innerTextLen: when it has a
// non-space rune (any), lead and trail are the white space around it and
// core the runes counted from the first non-space rune to the last; else
// lead is all of it.
type textSum struct {
	any         bool
	lead, trail wsSpan
	core        int
}

// length is innerTextLen of the text s summarises.
func (s textSum) length() int {
	if !s.any {
		return 0
	}
	return s.core
}

func (s textSum) then(t textSum) textSum {
	switch {
	case !t.any:
		if !s.any {
			return textSum{lead: s.lead.then(t.lead)}
		}
		s.trail = s.trail.then(t.lead)
		return s
	case !s.any:
		t.lead = s.lead.then(t.lead)
		return t
	}
	return textSum{any: true, lead: s.lead, trail: t.trail, core: s.core + s.trail.then(t.lead).cnt + t.core}
}

// textSumOf summarises one text node's data, decoded on its own as
// textLenCounter.text decodes it.
func textSumOf(s string) textSum {
	var sum textSum
	var ws wsSpan // white space since the last non-space rune
	inRun := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if !isSpace(r) {
			if sum.any {
				sum.core += ws.cnt + 1
			} else {
				sum.any, sum.lead, sum.core = true, ws, 1
			}
			ws, inRun = wsSpan{}, false
			continue
		}
		switch r {
		case '\t', '\n', '\f', '\r', ' ':
			if ws.cnt == 0 {
				ws.startsRun = true
			}
			if !inRun {
				ws.cnt++
				inRun = true
			}
			ws.endsRun = true
		default:
			ws.cnt++
			ws.endsRun, inRun = false, false
		}
	}
	if sum.any {
		sum.trail = ws
	} else {
		sum.lead = ws
	}
	return sum
}

// linkDensityWalk holds, for the nodes asked about, their text length and
// the links inside them: a subtree's links are a contiguous range of the
// tree's links in document order, the order getLinkDensity adds them in.
type linkDensityWalk struct {
	want  map[*html.Node]int
	spans []linkDensitySpan
	links []linkDensityLink
}

type linkDensitySpan struct {
	found           bool
	textLen, lo, hi int
}

type linkDensityLink struct {
	node    *html.Node
	textLen int
	coef    float64 // 0 until first asked for
}

// linkDensities returns getLinkDensity of each of nodes, which all lie in
// root's tree, with the same floating-point operations in the same order.
func (ps *Parser) linkDensities(root *html.Node, nodes []*html.Node) []float64 {
	w := linkDensityWalk{want: make(map[*html.Node]int, len(nodes)), spans: make([]linkDensitySpan, len(nodes))}
	for i, n := range nodes {
		w.want[n] = i
	}
	w.walk(root)
	out := make([]float64, len(nodes))
	for i, n := range nodes {
		sp := w.spans[w.want[n]] // a node listed twice has one span
		if !sp.found {           // not under root: as upstream
			out[i] = ps.getLinkDensity(n)
			continue
		}
		if sp.textLen == 0 {
			continue
		}
		var linkLength float64
		for j := sp.lo; j < sp.hi; j++ {
			l := &w.links[j]
			if l.coef == 0 {
				l.coef = 1.0
				if href := strings.TrimSpace(dom.GetAttribute(l.node, "href")); href != "" && rxHashURL.MatchString(href) {
					l.coef = 0.3
				}
			}
			linkLength += float64(l.textLen) * l.coef
		}
		out[i] = linkLength / float64(sp.textLen)
	}
	return out
}

func (w *linkDensityWalk) walk(n *html.Node) textSum {
	var s textSum
	if n.Type == html.TextNode {
		s = textSumOf(n.Data)
	}
	self := -1
	if n.Type == html.ElementNode && n.Data == "a" {
		self = len(w.links)
		w.links = append(w.links, linkDensityLink{node: n})
	}
	lo := len(w.links)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s = s.then(w.walk(c))
	}
	if self >= 0 {
		w.links[self].textLen = s.length()
	}
	if n.Type == html.ElementNode {
		if i, ok := w.want[n]; ok {
			w.spans[i] = linkDensitySpan{found: true, textLen: s.length(), lo: lo, hi: len(w.links)}
		}
	}
	return s
}
