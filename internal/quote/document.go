package quote

// docHeads are nouns for documents and findings that can be the source of
// what a sentence reports: "In a poll released Monday, 50 percent …".
var docHeads = setOf(`poll polls survey surveys statement statements report reports study studies memo
letter filing release analysis tweet tweets post op-ed editorial ruling complaint lawsuit indictment`)

// inDocument reads a sentence that opens with "In a poll …," or "In a
// statement …," and has no attribution of its own: the document is the
// source and the rest of the sentence its content.
func (d *doc) inDocument(u, a, last int) {
	if last-a < 6 || d.toks[a].low != "in" || !d.toks[a+1].lex.has(bDeterminers) && !d.toks[a+1].cap {
		return
	}
	head := -1
	k := a + 1
	for ; k < last && k-a < 14 && d.toks[k].low != "," && d.inQ[k] == 0; k++ {
		if d.toks[k].lex.has(bDocHeads) && head < 0 {
			head = k
		}
	}
	if head < 0 || k >= last || d.toks[k].low != "," || last-(k+1) < 3 {
		return
	}
	for x := a; x <= k; x++ {
		if d.covered[x] {
			return
		}
	}
	for x := k + 1; x < last; x++ {
		if c := d.toks[x].cue; (c == cueStrong || c == cueWeak) && !d.toks[x].cap || d.toks[x].low == "according" {
			return // "In a statement, the company said …": the cue governs
		}
	}
	c := d.clip(d.extendQuote(tspan{k + 1, last}))
	if !c.ok() || c.s != k+1 {
		return
	}
	d.add(attr{parts: []tspan{c}, cue: tspan{a, a + 1}, src: tspan{a + 1, k}, unit: u, conf: 0.5})
}
