// Package query parses the search queries people type into SQLite FTS5
// syntax, so that no query can reach the full-text engine as anything but
// words: a stray quotation mark or operator is either made harmless or
// answered with an Error saying where and how to fix it, never a raw SQL
// error.
//
// The syntax:
//
//	mosul raqqa          both words (AND is implied)
//	"islamic state"      a phrase
//	raq*  "islamic st"*  prefix: words starting with raq; a phrase whose last word starts with st
//	mosul OR raqqa       either (OR, AND and NOT are operators in capitals only)
//	mosul NOT raqqa      mosul without raqqa (also: mosul AND NOT raqqa)
//	(mosul OR raqqa) offensive
//
// NOT binds tighter than AND, and AND tighter than OR, as in FTS5. There
// are no field filters: title:x searches the words "title" and "x". Words
// are never passed through unquoted, so FTS5's own syntax (NEAR, column
// filters, ^, +) cannot be reached.
package query

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a query that cannot be parsed: Pos is the character (counted
// from 1) where the problem is, Hint how to write what was meant.
type Error struct {
	Query string
	Pos   int
	Msg   string
	Hint  string
}

func (e *Error) Error() string {
	s := "search query: " + e.Msg
	if e.Pos > 0 {
		s += fmt.Sprintf(" (at character %d)", e.Pos)
	}
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// maxDepth bounds the nesting of parentheses.
const maxDepth = 32

// FTS5 parses q and returns it in FTS5 syntax, or an *Error.
func FTS5(q string) (string, error) {
	if !utf8.ValidString(q) {
		return "", &Error{Query: q, Msg: "the query is not valid UTF-8"}
	}
	// Control characters (NUL ends SQLite's reading of the query) separate
	// words like spaces.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	toks, err := lex(q)
	if err != nil {
		return "", err
	}
	p := &parser{q: q, toks: toks}
	n, err := p.or(0)
	if err != nil {
		return "", err
	}
	if p.i < len(p.toks) {
		t := p.toks[p.i]
		if t.kind == tClose {
			return "", p.fail(t, "a closing parenthesis has no opening one", "remove it, or add ( before it")
		}
		return "", p.fail(t, "unexpected "+t.text, "")
	}
	if n == nil {
		return "", &Error{Query: q, Msg: "nothing to search for", Hint: "type words with letters or digits"}
	}
	var b strings.Builder
	n.write(&b, true)
	return b.String(), nil
}

type tokKind int

const (
	tWord tokKind = iota
	tPhrase
	tAnd
	tOr
	tNot
	tOpen
	tClose
	tBad // a word that cannot be searched; its problem is reported where the parser meets it
)

type tok struct {
	kind   tokKind
	text   string // the word or phrase, without quotation marks and *
	prefix bool
	pos    int // character position, from 1
	empty  bool
	err    *Error // of a tBad
}

func lex(q string) ([]tok, error) {
	var toks []tok
	runePos := func(byteOff int) int { return utf8.RuneCountInString(q[:byteOff]) + 1 }
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r == '(':
			toks = append(toks, tok{kind: tOpen, text: "(", pos: runePos(i)})
			i++
		case r == ')':
			toks = append(toks, tok{kind: tClose, text: ")", pos: runePos(i)})
			i++
		case r == '"':
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				return nil, &Error{Query: q, Pos: runePos(i), Msg: "a quotation mark is not closed",
					Hint: `close the phrase with another " or remove the quotation mark`}
			}
			t := tok{kind: tPhrase, text: q[i+1 : i+1+end], pos: runePos(i)}
			i += end + 2
			if i < len(q) && q[i] == '*' {
				t.prefix = true
				for i < len(q) && q[i] == '*' {
					i++
				}
			}
			t.empty = !hasWordChar(t.text)
			toks = append(toks, t)
		default:
			start := i
			for i < len(q) {
				r, size := utf8.DecodeRuneInString(q[i:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' {
					break
				}
				i += size
			}
			w := q[start:i]
			t := tok{kind: tWord, text: w, pos: runePos(start)}
			switch w {
			case "AND":
				t.kind = tAnd
			case "OR":
				t.kind = tOr
			case "NOT":
				t.kind = tNot
			default:
				stem := strings.TrimRight(w, "*")
				t.prefix = len(stem) < len(w)
				if j := strings.IndexByte(stem, '*'); j >= 0 {
					t.kind, t.err = tBad, &Error{Query: q, Pos: runePos(start + j), Msg: "* inside a word",
						Hint: "* only ends a word, for a prefix search: raq* finds Raqqa"}
				} else if stem == "" {
					t.kind, t.err = tBad, &Error{Query: q, Pos: t.pos, Msg: "* with no word before it",
						Hint: "* ends a word, for a prefix search: raq* finds Raqqa"}
				}
				t.text = stem
				t.empty = !hasWordChar(stem)
			}
			toks = append(toks, t)
		}
	}
	return toks, nil
}

// hasWordChar reports whether s holds a character the full-text tokenizer
// indexes (a letter or digit); a word of punctuation alone ("-", "&")
// matches nothing and is dropped.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// node is a parsed query: a term, or an operator over nodes.
type node struct {
	op     tokKind // tWord (a term), tAnd, tOr, tNot
	text   string
	prefix bool
	kids   []*node
}

func (n *node) write(b *strings.Builder, top bool) {
	if n.op == tWord {
		b.WriteString(`"` + strings.ReplaceAll(n.text, `"`, `""`) + `"`)
		if n.prefix {
			b.WriteByte('*')
		}
		return
	}
	if !top {
		b.WriteByte('(')
	}
	sep := map[tokKind]string{tAnd: " AND ", tOr: " OR ", tNot: " NOT "}[n.op]
	for i, k := range n.kids {
		if i > 0 {
			b.WriteString(sep)
		}
		k.write(b, false)
	}
	if !top {
		b.WriteByte(')')
	}
}

type parser struct {
	q    string
	toks []tok
	i    int
}

func (p *parser) fail(t tok, msg, hint string) *Error {
	return &Error{Query: p.q, Pos: t.pos, Msg: msg, Hint: hint}
}

func (p *parser) peek() (tok, bool) {
	if p.i < len(p.toks) {
		return p.toks[p.i], true
	}
	return tok{}, false
}

// join combines the operands of one operator, leaving out the empty ones
// (words of punctuation alone).
func join(op tokKind, kids []*node) *node {
	var ks []*node
	for _, k := range kids {
		if k != nil {
			ks = append(ks, k)
		}
	}
	switch len(ks) {
	case 0:
		return nil
	case 1:
		return ks[0]
	}
	return &node{op: op, kids: ks}
}

func (p *parser) or(depth int) (*node, error) {
	var kids []*node
	for {
		start := p.i
		n, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			return join(tOr, kids), nil
		}
		p.i++
		if err := p.operand(t, p.i-1 > start, "mosul OR raqqa"); err != nil {
			return nil, err
		}
	}
}

// operand checks that the operator op (just read) has something on its
// left (left: the caller read it) and something on its right.
func (p *parser) operand(op tok, left bool, example string) error {
	name := op.text
	hint := "write it between two: " + example + `; to search the word itself, quote it: "` + strings.ToLower(name) + `"`
	if !left {
		return p.fail(op, name+" needs a word or phrase before it", hint)
	}
	t, ok := p.peek()
	if !ok || t.kind == tClose || t.kind == tOr || t.kind == tAnd || t.kind == tNot && op.kind != tAnd {
		return p.fail(op, name+" needs a word or phrase after it", hint)
	}
	return nil
}

func (p *parser) and(depth int) (*node, error) {
	var kids []*node
	for {
		t, ok := p.peek()
		if !ok || t.kind == tOr || t.kind == tClose {
			break
		}
		if t.kind == tAnd {
			// "a AND b" is "a b", and "a AND NOT b" is "a NOT b".
			p.i++
			if err := p.operand(t, len(kids) > 0, "mosul AND raqqa"); err != nil {
				return nil, err
			}
			continue
		}
		if t.kind == tNot {
			if len(kids) == 0 {
				return nil, p.fail(t, "NOT needs a word or phrase before it", "a search cannot only exclude: mosul NOT raqqa")
			}
			p.i++
			if err := p.operand(t, true, "mosul NOT raqqa"); err != nil {
				return nil, err
			}
			right, err := p.primary(depth)
			if err != nil {
				return nil, err
			}
			last := kids[len(kids)-1]
			switch {
			case right == nil:
			case last == nil:
				return nil, p.fail(t, "NOT needs a word or phrase before it", "a search cannot only exclude: mosul NOT raqqa")
			default:
				kids[len(kids)-1] = &node{op: tNot, kids: []*node{last, right}}
			}
			continue
		}
		n, err := p.primary(depth)
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
	return join(tAnd, kids), nil
}

func (p *parser) primary(depth int) (*node, error) {
	t, ok := p.peek()
	if !ok {
		return nil, &Error{Query: p.q, Pos: utf8.RuneCountInString(p.q), Msg: "the query ends too soon"}
	}
	p.i++
	switch t.kind {
	case tWord, tPhrase:
		if t.empty {
			return nil, nil
		}
		return &node{op: tWord, text: t.text, prefix: t.prefix}, nil
	case tOpen:
		if depth >= maxDepth {
			return nil, p.fail(t, "parentheses nested too deep", fmt.Sprintf("use at most %d levels", maxDepth))
		}
		n, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		c, ok := p.peek()
		if !ok || c.kind != tClose {
			return nil, p.fail(t, "an opening parenthesis is not closed", "add ) after the group, or remove the (")
		}
		p.i++
		return n, nil
	case tClose:
		return nil, p.fail(t, "a closing parenthesis has no opening one", "remove it, or add ( before it")
	case tBad:
		return nil, t.err
	}
	return nil, p.fail(t, "unexpected "+t.text, "")
}
