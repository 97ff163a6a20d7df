package quote

import "sort"

// attr is an attribution under construction, in token indices.
type attr struct {
	parts    []tspan
	cue, src tspan
	unit     int
	conf     float32
	follow   bool // may absorb a following quote-only sentence
}

// doc holds the state of one extraction.
type doc struct {
	text    string
	toks    []tok
	dq      []dquote
	inQ     []int32 // 1 + index into dq for tokens inside a quote (marks included)
	units   []int   // first token of each unit (sentence, quotes kept whole)
	sentOf  []int   // unit → index of the caller's (or fallback) sentence
	covered []bool
	attrs   []attr
}

// Extract finds the quotations in text and attributes them. sents may be
// nil (the fallback splitter is used); mentions may be nil (names are found
// by capitalisation). Quotes are returned in text order.
func Extract(text string, sents []Sentence, mentions []Mention) []Quote {
	toks, release := pooledToks(text)
	defer release()
	d := &doc{text: text, toks: toks}
	if len(d.toks) == 0 {
		return nil
	}
	d.dq = findDirect(text, d.toks)
	d.inQ = make([]int32, len(d.toks))
	for k, q := range d.dq {
		for i := q.open; i <= q.close; i++ {
			d.inQ[i] = int32(k + 1)
		}
	}
	d.covered = make([]bool, len(d.toks))
	d.makeUnits(sents)
	for u := range d.units {
		d.unit(u)
	}
	d.floating()
	d.pullQuotes()
	return d.finish(mentions)
}

// makeUnits builds the sentence units, merging sentences that a quote
// holds together (but never across a paragraph break).
func (d *doc) makeUnits(sents []Sentence) {
	var starts, sidx []int
	if len(sents) == 0 {
		starts = splitTokens(d.toks)
		sidx = make([]int, len(starts))
		for i := range sidx {
			sidx[i] = i
		}
	} else {
		k := 0
		for i, t := range d.toks {
			for k+1 < len(sents) && t.s >= sents[k+1].Start {
				k++
			}
			if i == 0 || k != sidx[len(sidx)-1] || t.nlBef {
				starts = append(starts, i)
				sidx = append(sidx, k)
			}
		}
	}
	for n, s := range starts {
		if n > 0 && !d.toks[s].nlBef && d.inQ[s] != 0 && d.inQ[s] == d.inQ[s-1] {
			continue
		}
		d.units = append(d.units, s)
		d.sentOf = append(d.sentOf, sidx[n])
	}
}

func (d *doc) unitEnd(u int) int {
	if u+1 < len(d.units) {
		return d.units[u+1]
	}
	return len(d.toks)
}

// lastContent is the end of a unit without its final period, colon or
// semicolon (marks inside a quote stay).
func (d *doc) lastContent(a, b int) int {
	for b > a && d.toks[b-1].kind == tPunct && (d.toks[b-1].low == "." || d.toks[b-1].low == ";" || d.toks[b-1].low == ":" || d.toks[b-1].low == ",") {
		b--
	}
	return b
}

func (d *doc) isOpenMark(i int) bool {
	return d.inQ[i] != 0 && d.dq[d.inQ[i]-1].open == i
}

func (d *doc) isCloseMark(i int) bool {
	return i >= 0 && d.inQ[i] != 0 && d.dq[d.inQ[i]-1].close == i && d.dq[d.inQ[i]-1].closed
}

// unit extracts the attributions of unit u.
//
// Two passes: the first takes only sentence-final attributions ("…, the
// Times reported."), which govern the whole clause before them; the second
// takes every cue left, with content clipped where an earlier attribution
// begins.
func (d *doc) unit(u int) {
	a, b := d.units[u], d.unitEnd(u)
	last := d.lastContent(a, b)
	n := len(d.attrs)
	d.inDocument(u, a, last)
	for pass := 0; pass < 2; pass++ {
		for i := a; i < b; i++ {
			t := d.toks[i]
			if d.covered[i] || d.inQ[i] != 0 || t.kind != tWord {
				continue
			}
			i = d.step(u, i, a, b, last, pass)
		}
	}
	if len(d.attrs) == n {
		d.colonHeadline(u, a, last)
	}

}

// clip ends a content span before the first token an earlier attribution
// took, dropping a comma left dangling.
func (d *doc) clip(c tspan) tspan {
	for k := c.s; k < c.e; k++ {
		if d.covered[k] {
			c.e = k
			break
		}
	}
	for c.e > c.s && (d.toks[c.e-1].low == "," || d.toks[c.e-1].low == "--" || d.toks[c.e-1].low == "—") {
		c.e--
	}
	return c
}

// extendQuote stretches a content span that ends inside a quote to the
// quote's closing mark (quotes may run past the unit).
func (d *doc) extendQuote(c tspan) tspan {
	if c.e > 0 && d.inQ[c.e-1] != 0 {
		q := d.dq[d.inQ[c.e-1]-1]
		if q.close+1 > c.e {
			c.e = q.close + 1
		}
	}
	return c
}

func (d *doc) add(at attr) {
	for _, p := range at.parts {
		for i := p.s; i < p.e && i < len(d.covered); i++ {
			d.covered[i] = true
		}
	}
	for i := at.cue.s; i < at.cue.e; i++ {
		d.covered[i] = true
	}
	if at.src.ok() {
		for i := at.src.s; i < at.src.e; i++ {
			d.covered[i] = true
		}
	}
	d.attrs = append(d.attrs, at)
}

func (d *doc) unitOfTok(i int) int {
	return sort.Search(len(d.units), func(u int) bool { return d.units[u] > i }) - 1
}
