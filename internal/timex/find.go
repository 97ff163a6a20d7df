package timex

import (
	"sort"
	"strings"
	"sync"
	"time"
)

// Expr is one recognised time expression.
type Expr struct {
	Start, End int    // byte offsets in the text
	Text       string // text[Start:End]
	Type       string // DATE, TIME, DURATION or SET
	Value      string // TIMEX3 value
	Mod        string // TIMEX3 mod (START, END, MID, APPROX, MORE_THAN, ...), "" if none
	Anchored   bool   // the value was computed from the DCT or the reference time
	Rule       string // name of the grammar rule that matched
}

// Finder recognises time expressions with a given tokenizer and grammar.
type Finder struct {
	Tokenizer Tokenizer
	rules     []*rule
	gate      *gate
	noMemo    bool // every class matcher asked each time (tests)
}

// NewFinder returns a Finder using the package's grammar and tokenizer.
func NewFinder() *Finder { return &Finder{Tokenizer: DefaultTokenizer{}} }

var defaultFinder = NewFinder()

// Find returns the time expressions of text in order, normalised against
// the document creation time dct. A zero dct leaves relative expressions
// unresolved (values with X).
func Find(text string, dct time.Time) []Expr { return defaultFinder.Find(text, dct) }

// context is the state the normalisers see.
type context struct {
	cands       []int    // buffers of findSentence: the rules to try at a token
	tryRules    []*rule  //
	spans       [][2]int // buffer of matchAt
	memo        []uint8  // the class matches of the sentence (match); nil: none kept
	dct         time.Time
	hasDCT      bool
	ref         time.Time // reference time: last day-precise date mentioned, else DCT
	hasRef      bool
	toks        []Token // tokens of the current sentence
	quarter     bool    // financial report: "a year ago" means the year-ago quarter
	anchored    bool    // set by normalisers that used dct/ref
	sentYear    int     // explicit year mentioned earlier in the current sentence, 0 if none
	sentYearEnd int     // token index after that year's expression
	curStart    int     // token index where the rules are being tried
	lastQY      int     // year and quarter of the last quarter mentioned (0: none)
	lastQ       int
	lastYear    int // last explicit year mentioned in the document (0: none)
}

// Find implements the package-level Find.
func (f *Finder) Find(text string, dct time.Time) []Expr {
	if _, ok := f.Tokenizer.(DefaultTokenizer); ok {
		// the tokens are not kept (an Expr holds strings only): their
		// slice is reused
		bp := tokPool.Get().(*[]Token)
		toks, sents := tokenizeInto(*bp, text)
		out := f.FindTokens(text, toks, sents, dct)
		clear(toks) // no text kept alive by the pool
		*bp = toks[:0]
		tokPool.Put(bp)
		return out
	}
	toks, sents := f.Tokenizer.Tokenize(text)
	return f.FindTokens(text, toks, sents, dct)
}

// ctxPool holds FindTokens' contexts, for their buffers (the memo of class
// matches, the rules and spans tried): nothing of a context outlives the
// call (an Expr holds strings only).
var ctxPool = sync.Pool{New: func() any { return new(context) }}

// putContext returns c to ctxPool without the tokens it points to.
func putContext(c *context) {
	c.toks = nil
	clear(c.tryRules)
	ctxPool.Put(c)
}

// tokPool holds Find's token slices.
var tokPool = sync.Pool{New: func() any { return new([]Token) }}

// FindTokens finds expressions in text already split into tokens (byte
// offsets into text, Lower filled in) and sentences (token ranges), for
// callers with their own tokenizer. Sentences must be in text order: the
// reference time moves from one to the next.
func (f *Finder) FindTokens(text string, toks []Token, sents [][2]int, dct time.Time) []Expr {
	c := ctxPool.Get().(*context)
	defer putContext(c)
	// a fresh context but for its buffers, which every use resets
	*c = context{cands: c.cands, tryRules: c.tryRules, spans: c.spans, memo: c.memo,
		dct: dct.UTC(), hasDCT: !dct.IsZero(), ref: dct.UTC()}
	if f.noMemo {
		c.memo = nil // nil: every class matcher asked each time (match)
	}
	nq := 0
	for _, t := range toks {
		if t.Lower == "quarter" || t.Lower == "quarterly" {
			nq++
		}
	}
	c.quarter = nq >= 2
	var out []Expr
	for _, s := range sents {
		out = f.findSentence(text, toks[s[0]:s[1]], c, out)
	}
	return out
}

// FindSentence finds expressions in one sentence given as tokens (offsets
// into text). The context carries the DCT and reference time across calls.
func (f *Finder) findSentence(text string, toks []Token, c *context, out []Expr) []Expr {
	c.toks = toks
	c.sentYear = 0
	if !f.noMemo {
		c.resetMemo(len(toks))
	}
	for i := 0; i < len(toks); {
		var best *Match
		var bt, bv, bm string
		banch := false
		c.curStart = i
		rules, g := f.rules, f.gate
		if rules == nil {
			rules, g = grammar, grammarGate
		}
		if g != nil && !g.open(toks, i, c) {
			i++
			continue
		}
		try := rules
		if g != nil {
			// only the rules that can start here, in the same order: the
			// others' matchAt returns nothing and changes nothing
			c.cands = g.candidates(toks, i, c.cands[:0])
			try = c.tryRules[:0]
			for _, k := range c.cands {
				try = append(try, rules[k])
			}
			c.tryRules = try
		}
		for _, r := range try {
			c.anchored = false
			m, t, v, md := r.matchAt(toks, i, c)
			if m != nil && (best == nil || m.End > best.End) {
				best, bt, bv, bm, banch = m, t, v, md, c.anchored
			}
		}
		if best == nil {
			i++
			continue
		}
		s, e := best.extent()
		if e <= s {
			i = best.End
			continue
		}
		s, e, bm = extendModifiers(toks, s, e, bt, bv, bm)
		x := Expr{Start: toks[s].Start, End: toks[e-1].End, Type: bt, Value: bv, Mod: bm, Anchored: banch, Rule: best.rule.name}
		x.Text = text[x.Start:x.End]
		out = append(out, x)
		c.update(x)
		if c.sentYear != 0 && !x.Anchored {
			c.sentYearEnd = e
		}
		i = best.End
	}
	return out
}

// extent returns the token range of the match without its context-only
// elements (labels starting with '_') at either edge.
func (m *Match) extent() (int, int) {
	s, e := m.Start, m.End
	for k, el := range m.rule.elems {
		if el.label[0] != '_' {
			break
		}
		if m.spans[k][1] > s {
			s = m.spans[k][1]
		}
	}
	for k := len(m.rule.elems) - 1; k >= 0; k-- {
		el := m.rule.elems[k]
		if el.label[0] != '_' {
			break
		}
		if m.spans[k][1] > m.spans[k][0] && m.spans[k][0] < e {
			e = m.spans[k][0]
		}
	}
	for e > s+1 && (m.Toks[e-1].Lower == "of" || m.Toks[e-1].Text == "," || m.Toks[e-1].Lower == "the") {
		e--
	}
	if m.dropThe && e > s+1 && (m.Toks[s].Lower == "the" || m.rule.name == "unit-long" && (m.Toks[s].Lower == "a" || m.Toks[s].Lower == "an")) {
		s++
	}
	return s, e
}

// update moves the reference time and the sentence year after an
// expression.
func (c *context) update(x Expr) {
	if x.Type != "DATE" && x.Type != "TIME" {
		return
	}
	v := x.Value
	if len(v) == 7 && v[5] == 'Q' && allDigits(v[:4]) && v[6] >= '1' && v[6] <= '4' && !strings.HasPrefix(x.Rule, "year-ago") && x.Rule != "ago" {
		c.lastQY, c.lastQ = atoi(v[:4]), int(v[6]-'0')
	}
	if len(v) >= 4 && allDigits(v[:4]) {
		y := atoi(v[:4])
		if !x.Anchored {
			c.sentYear = y
			c.lastYear = y
		}
		if len(v) >= 10 && v[4] == '-' && v[7] == '-' && allDigits(v[5:7]) && allDigits(v[8:10]) {
			if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
				c.ref = t
				c.hasRef = true
			}
		}
	}
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

var (
	dateMods = []struct {
		words []string
		mod   string
	}{
		{[]string{"the", "end", "of"}, "END"},
		{[]string{"the", "beginning", "of"}, "START"},
		{[]string{"the", "start", "of"}, "START"},
		{[]string{"the", "middle", "of"}, "MID"},
		{[]string{"early"}, "START"},
		{[]string{"late"}, "END"},
		{[]string{"mid", "-"}, "MID"},
		{[]string{"mid"}, "MID"},
	}
	durMods = []struct {
		words []string
		mod   string
	}{
		{[]string{"more", "than"}, "MORE_THAN"},
		{[]string{"less", "than"}, "LESS_THAN"},
		{[]string{"at", "least"}, "EQUAL_OR_MORE"},
		{[]string{"up", "to"}, "EQUAL_OR_LESS"},
		{[]string{"nearly"}, "APPROX"},
	}
)

// extendModifiers grows the extent leftwards over modifiers that TimeML
// includes in the expression ("late November", "nearly two years").
func extendModifiers(toks []Token, s, e int, typ, val, mod string) (int, int, string) {
	try := func(words []string) bool {
		if s < len(words) {
			return false
		}
		for k, w := range words {
			if toks[s-len(words)+k].Lower != w {
				return false
			}
		}
		return true
	}
	if typ == "DATE" && !dayPrecise(val) {
		for _, dm := range dateMods {
			if try(dm.words) {
				return s - len(dm.words), e, dm.mod
			}
		}
	}
	if typ == "DURATION" {
		for _, dm := range durMods {
			if try(dm.words) {
				return s - len(dm.words), e, dm.mod
			}
		}
	}
	return s, e, mod
}

// sortExprs orders expressions by offset.
func sortExprs(xs []Expr) {
	sort.Slice(xs, func(i, j int) bool { return xs[i].Start < xs[j].Start })
}

// dayPrecise reports whether a value names a day or a time of day
// ("2016-10-23", "2016-10-23TNI"): "late Monday" keeps "late" out.
func dayPrecise(v string) bool {
	return len(v) >= 10 && v[4] == '-' && v[7] == '-' && allDigits(v[8:10])
}
