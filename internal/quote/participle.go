package quote

import "strings"

// partPreps are prepositions that belong to a participle cue rather than to
// its content: "referring to X", "calling for X".
var partPreps = setOf(`to for on about at against`)

// partContent returns the content of a stance participle at toks[i]
// (", calling him a loser"): from the word after it (or after its
// preposition) to the end of the clause.
func (d *doc) partContent(i, last int) tspan {
	s := i + 1
	if s < last && d.toks[s].lex.has(bPartPreps) {
		s++
	}
	if s >= last || d.toks[s].kind != tWord && !d.isOpenMark(s) {
		return noSpan
	}
	c := d.clip(d.clauseCut(d.coordEnd(d.extendQuote(tspan{s, last}))))
	if c.e-c.s < 1 || c.s != s {
		return noSpan
	}
	return c
}

// modals open a verb group whose verb is in its base form.
var modals = setOf(`would will could should might can must did does do`)

// modalVerb reports whether toks[i] is a base-form verb after a modal
// ("Trump would denounce …", "they will not vote for …").
func modalVerb(toks []tok, a, i int) bool {
	t := toks[i]
	if !modalOn || t.kind != tWord || t.cap || len(t.low) < 3 || t.lex.has(bNpStop) || t.lex.has(bAuxSkip) || t.lex.has(bDeterminers) {
		return false
	}
	for j := i - 1; j > a && i-j < 4; j-- {
		w := toks[j].low
		if toks[j].lex.has(bModals) {
			return true
		}
		if w != "not" && w != "n't" && w != "also" && w != "never" && w != "rather" && w != "still" && w != "soon" {
			return false
		}
	}
	return false
}

var modalOn = true

var beVerbs = setOf(`is are was were been be`)

var adjPreps = setOf(`of about to with on over toward towards against`)

// stanceAdj reports whether toks[i] is a predicate adjective with a
// preposition after it ("voters are skeptical of …", "he was critical of
// …").
func stanceAdj(toks []tok, a, i int) bool {
	t := toks[i]
	if !adjOn || i+2 >= len(toks) || t.kind != tWord || t.cap || len(t.low) < 4 || t.lex.has(bNpStop) || t.lex.has(bAuxSkip) || t.lex.has(bDeterminers) || !toks[i+1].lex.has(bAdjPreps) {
		return false
	}
	for j := i - 1; j > a && i-j < 4; j-- {
		w := toks[j].low
		if toks[j].lex.has(bBeVerbs) {
			return true
		}
		if w != "not" && w != "n't" && w != "also" && w != "very" && w != "more" && w != "less" && w != "so" && w != "still" && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

var adjOn = true

// progVerb reports whether toks[i] is an -ing verb after a form of "be"
// ("Cruz is protesting …", "they were urging …").
func progVerb(toks []tok, a, i int) bool {
	t := toks[i]
	if t.kind != tWord || t.cap || len(t.low) < 6 || !strings.HasSuffix(t.low, "ing") || t.lex.has(bNpStop) || t.lex.has(bNotAttrib) {
		return false
	}
	switch t.low {
	case "going", "running", "trying", "being", "getting", "coming", "looking", "leading", "working", "having", "doing", "making", "taking":
		return false
	}
	for j := i - 1; j > a && i-j < 4; j-- {
		w := toks[j].low
		if toks[j].lex.has(bBeVerbs) && w != "be" {
			return true
		}
		if w != "not" && w != "also" && w != "still" && w != "now" && w != "already" && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}
