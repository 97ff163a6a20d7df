package quote

// seemVerbs report an impression with no expressed source: "The economy
// seemed impervious to …", which PolNeAR annotates as an attribution whose
// content is the subject and the predicate around the verb.
var seemVerbs = setOf(`seem seems seemed appear appears appeared`)

// seem adds the attribution of a seem-verb at toks[i]: the subject before
// it (from the clause start) and the predicate after it ("to" dropped).
func (d *doc) seem(u, i, a, last int) int {
	s := i - 1
	for s >= a && !d.covered[s] && d.inQ[s] == 0 && (d.toks[s].kind == tWord || d.toks[s].low == "’s" || d.toks[s].low == "'s") && i-s < 12 {
		s--
	}
	s++
	if s >= i || s < a {
		return i
	}
	for s < i && d.toks[s].lex.has(bIntroLow) {
		s++
	}
	p := i + 1
	if p < last && d.toks[p].low == "to" {
		p++
	} else if d.toks[i].low[0] == 'a' {
		return i // "appeared on Fox News": a different sense
	}
	if p >= last || d.toks[p].kind != tWord {
		return i
	}
	c := d.clip(d.clauseCut(d.coordEnd(d.extendQuote(tspan{p, last}))))
	if !c.ok() || c.s != p || s >= i {
		return i
	}
	d.add(attr{parts: []tspan{{s, i}, c}, cue: tspan{i, p}, src: noSpan, unit: u, conf: 0.4})
	return c.e
}

// nounCue reports a cue word used as a noun: "his home state of Vermont",
// "the states that vote on Tuesday", "the Empire State Building".
func nounCue(d *doc, i, b int) bool {
	w := d.toks[i].low
	if w != "state" && w != "states" {
		return false
	}
	if d.toks[i].cap || i > 0 && (d.toks[i-1].lex.has(bDeterminers) || d.toks[i-1].cap || isPossessive(d.toks[i-1].low)) {
		return true
	}
	return i+1 >= b || d.toks[i+1].low != "that" && d.toks[i+1].low != ":" && !d.isOpenMark(i+1)
}
