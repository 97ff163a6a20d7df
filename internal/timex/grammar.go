package timex

import (
	"fmt"
	"strings"
)

// A matcher tries to match a token class at toks[i] and returns how many
// tokens it consumes (0: no match). Classes may span several tokens
// ("twenty - five", "a couple of").
type matcher func(toks []Token, i int) int

// element is one position of a rule's pattern.
type element struct {
	label string
	match matcher
	opt   bool
	class string          // class name, "" for literals
	cls   int             // the class's index in classIndex (memo), -1 for literals
	words map[string]bool // literal words, nil for classes
	set   wordSet         // the same words by number
}

// classIndex numbers the token classes used in rules, for the per-sentence
// memo of their matches (context.match).
var classIndex = map[string]int{}

// rule is one grammar rule: a pattern of elements and the normaliser that
// turns a match into a TIMEX3 type and value.
type rule struct {
	name     string
	elems    []element
	norm     normFunc
	first    map[string]bool // literal words the first mandatory element accepts, nil if any
	firstSet wordSet         // the same words by number
}

// normFunc normalises a match. ok=false rejects the match (the grammar then
// tries shorter or other rules).
type normFunc func(m *Match, c *context) (typ, value, mod string, ok bool)

// Match is a successful match of a rule: the tokens each element consumed.
type Match struct {
	Toks       []Token // all tokens of the sentence
	Start, End int     // token range [Start, End) of the match
	spans      [][2]int
	rule       *rule
	dropThe    bool // leave a leading "the" out of the extent
}

// Has reports whether the element labelled l matched something.
func (m *Match) Has(l string) bool {
	for k, e := range m.rule.elems {
		if e.label == l && m.spans[k][1] > m.spans[k][0] {
			return true
		}
	}
	return false
}

// Words returns the lower-cased tokens matched by the element labelled l,
// joined by single spaces ("" if it did not match).
func (m *Match) Words(l string) string {
	for k, e := range m.rule.elems {
		if e.label == l && m.spans[k][1] > m.spans[k][0] {
			var b strings.Builder
			for i := m.spans[k][0]; i < m.spans[k][1]; i++ {
				if i > m.spans[k][0] {
					b.WriteByte(' ')
				}
				b.WriteString(m.Toks[i].Lower)
			}
			return b.String()
		}
	}
	return ""
}

// Tok returns the first token matched by the element labelled l.
func (m *Match) Tok(l string) (Token, bool) {
	for k, e := range m.rule.elems {
		if e.label == l && m.spans[k][1] > m.spans[k][0] {
			return m.Toks[m.spans[k][0]], true
		}
	}
	return Token{}, false
}

// classes maps the upper-case names usable in patterns to matchers.
var classes = map[string]matcher{}

// compileRule builds a rule from a pattern such as
//
//	"last|past=dir NUM? UNIT"
//
// Elements are separated by spaces. An upper-case name is a token class
// from classes; anything else is a set of literal (lower-case) words
// separated by '|'. "=label" names the element (a class is labelled by its
// own name by default, literals by their text); a trailing '?' makes it
// optional.
func compileRule(name, pattern string, norm normFunc) *rule {
	r := &rule{name: name, norm: norm}
	for _, f := range strings.Fields(pattern) {
		e := element{cls: -1}
		if i := strings.LastIndexByte(f, '='); i > 0 {
			e.label = f[i+1:]
			f = f[:i]
		}
		if strings.HasSuffix(e.label, "?") {
			e.opt = true
			e.label = e.label[:len(e.label)-1]
		}
		if strings.HasSuffix(f, "?") && len(f) > 1 {
			e.opt = true
			f = f[:len(f)-1]
		}
		if e.label == "" {
			e.label = f
		}
		if m, ok := classes[f]; ok {
			e.match = m
			e.class = f
			k, ok := classIndex[f]
			if !ok {
				k = len(classIndex)
				classIndex[f] = k
			}
			e.cls = k
		} else {
			if strings.ToLower(f) != f {
				panic(fmt.Sprintf("timex: rule %s: unknown class %s", name, f))
			}
			words := map[string]bool{}
			for _, w := range strings.Split(f, "|") {
				words[w] = true
			}
			set := wordSetOf(words)
			e.words, e.set = words, set
			e.match = func(toks []Token, i int) int {
				if set.has(toks[i].litID()) {
					return 1
				}
				return 0
			}
			if len(r.elems) == 0 && !e.opt {
				r.first, r.firstSet = words, set
			}
		}
		r.elems = append(r.elems, e)
	}
	return r
}

// matchAt returns the longest match of r starting at token i, trying the
// normaliser on each candidate from longest to shortest.
func (r *rule) matchAt(toks []Token, i int, c *context) (m *Match, typ, val, mod string) {
	if r.first != nil && !r.firstSet.has(toks[i].litID()) {
		return nil, "", "", ""
	}
	// cheap pre-check: some element that can come first must match here
	can := false
	for k := range r.elems {
		if c.match(&r.elems[k], toks, i) > 0 {
			can = true
			break
		}
		if !r.elems[k].opt {
			break
		}
	}
	if !can {
		return nil, "", "", ""
	}
	// one buffer for every rule tried: a candidate match takes a copy
	if cap(c.spans) < len(r.elems) {
		c.spans = make([][2]int, len(r.elems))
	}
	spans := c.spans[:len(r.elems)]
	var best *Match
	var bt, bv, bm string
	var rec func(k, pos int)
	rec = func(k, pos int) {
		if k == len(r.elems) {
			if pos == i || (best != nil && pos <= best.End) {
				return
			}
			cand := &Match{Toks: toks, Start: i, End: pos, spans: append([][2]int(nil), spans...), rule: r}
			if t, v, md, ok := r.norm(cand, c); ok {
				best, bt, bv, bm = cand, t, v, md
			}
			return
		}
		e := &r.elems[k]
		if pos < len(toks) {
			if n := c.match(e, toks, pos); n > 0 {
				spans[k] = [2]int{pos, pos + n}
				rec(k+1, pos+n)
			}
		}
		if e.opt {
			spans[k] = [2]int{pos, pos}
			rec(k+1, pos)
		}
	}
	rec(0, i)
	return best, bt, bv, bm
}

// gate is a quick test of whether any rule of a grammar can start at a
// token: the union of the literal words and token classes that can come
// first in some rule.
type gate struct {
	words   map[string]bool
	classes []*element // one element of each class that can come first
	// the rules worth trying at a token, by its word: a rule whose first
	// element is a required set of words (rule.first) is listed under
	// each of them, in grammar order, and matches nowhere else; the
	// others (always) are tried at every token the gate lets through. One
	// lookup per token instead of one per rule.
	always []int
	byWord map[string][]int
	set    wordSet // words by number
	byID   [][]int // byWord by word number
}

func newGate(rules []*rule) *gate {
	g := &gate{words: map[string]bool{}, byWord: map[string][]int{}}
	seen := map[string]bool{}
	for k, r := range rules {
		if r.first == nil {
			g.always = append(g.always, k)
		} else {
			for w := range r.first {
				g.byWord[w] = append(g.byWord[w], k)
			}
		}
		for k := range r.elems {
			e := &r.elems[k]
			if e.words != nil {
				for w := range e.words {
					g.words[w] = true
					g.set = g.set.with(litIDs[w])
				}
			} else if !seen[e.class] {
				seen[e.class] = true
				g.classes = append(g.classes, e)
			}
			if !e.opt {
				break
			}
		}
	}
	for w, ks := range g.byWord {
		id := litIDs[w]
		for int(id) >= len(g.byID) {
			g.byID = append(g.byID, nil)
		}
		g.byID[id] = ks
	}
	return g
}

// candidates appends to buf, in grammar order, the indexes of the rules
// that may match at token i: the always-tried rules and those listed
// under the token's word.
func (g *gate) candidates(toks []Token, i int, buf []int) []int {
	var b []int
	if id := toks[i].litID(); int(id) < len(g.byID) {
		b = g.byID[id]
	}
	a := g.always
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			buf, a = append(buf, a[0]), a[1:]
		} else {
			buf, b = append(buf, b[0]), b[1:]
		}
	}
	buf = append(buf, a...)
	return append(buf, b...)
}

func (g *gate) open(toks []Token, i int, c *context) bool {
	if g.set.has(toks[i].litID()) {
		return true
	}
	for _, e := range g.classes {
		if c.match(e, toks, i) > 0 {
			return true
		}
	}
	return false
}

// match returns what e matches at toks[pos] (tokens consumed). A token
// class's matcher depends on nothing but the sentence's tokens and the
// position, and the gate and every rule that starts with the class ask
// it at the same token: its answers for the current sentence are kept in
// c.memo (0: not asked yet, else the answer + 1). Literal words are one
// lookup, asked as before.
func (c *context) match(e *element, toks []Token, pos int) int {
	if e.cls < 0 || c.memo == nil {
		return e.match(toks, pos)
	}
	k := pos*len(classIndex) + e.cls
	if v := c.memo[k]; v != 0 {
		return int(v) - 1
	}
	n := e.match(toks, pos)
	if n < 255 {
		c.memo[k] = uint8(n + 1)
	}
	return n
}

// resetMemo empties the memo of class matches for a sentence of n tokens.
func (c *context) resetMemo(n int) {
	m := n * len(classIndex)
	if cap(c.memo) < m {
		c.memo = make([]uint8, m)
		return
	}
	c.memo = c.memo[:m]
	clear(c.memo)
}
