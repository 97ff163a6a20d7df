package quote

import "strings"

// clauseLinks may join two clauses with their own subjects.
var clauseLinks = setOf(`and but while whereas though although yet so as because`)

// clauseStart reports whether a new clause with its own subject may start
// at toks[k]: after a semicolon or dash, or after a comma and/or a linking
// word.
func (d *doc) clauseStart(k int) bool {
	p := d.toks[k-1].low
	switch p {
	case ";", "—", "--", "–":
		return true
	case ",":
		return !d.toks[k].lex.has(bClauseLinks)
	}
	if d.toks[k-1].lex.has(bClauseLinks) && k >= 2 {
		return true
	}
	return false
}

// clauseCut ends a content before a new clause with its own named or
// pronoun subject and verb ("…, and those voters backed …", "…, while
// Trump has threatened …", "…; he said …").
func (d *doc) clauseCut(c tspan) tspan {
	for k := c.s + 2; k < c.e-1; k++ {
		if k-2 > c.s && d.toks[k-2].low == "compared" && (d.toks[k-1].low == "with" || d.toks[k-1].low == "to") && d.inQ[k] == 0 && d.speechClause(k, c.e) {
			// "…, compared with 30 percent who say …"
			return d.cutAt(c, k-2)
		}
		if d.inQ[k] != 0 || !d.clauseStart(k) {
			continue
		}
		s := k
		if d.toks[s].lex.has(bClauseLinks) || d.toks[k-1].low == "," && (d.toks[s].low == "who" || d.toks[s].low == "which" || d.toks[s].low == "whom") {
			s++
		}
		if d.speechClause(s, c.e) {
			// "…, and more than 4 in 10 said …", "…; 46 percent say …":
			// a second speaker with a speech verb of its own
			return d.cutAt(c, k)
		}
		np := srcFwd(d.toks, s, c.e)
		if !np.ok() || !strongSource(d.toks, np) {
			continue
		}
		if s == k && d.toks[k-1].low == "," || s > k && !d.toks[k].lex.has(bClauseLinks) {
			// a bare comma needs a personal pronoun subject: ", he said"
			if g := d.toks[np.s].gender; np.e-np.s != 1 || !(g == 'm' || g == 'f' || g == 'p') {
				continue
			}
		}
		if g := d.toks[np.s].gender; np.e-np.s == 1 && (g == 'n' || g == 'r' || g == 0 && d.toks[np.s].low != "it") {
			if g == 'r' || g == 'n' {
				continue
			}
		}
		v := np.e
		for v < c.e && d.toks[v].lex.has(bAuxSkip) {
			v++
		}
		if v >= c.e || d.toks[v].kind != tWord || d.toks[v].cap || d.toks[v].lex.has(bNpStop) && d.toks[v].cue == cueNone {
			continue
		}
		return d.cutAt(c, k)
	}
	return c
}

// cutAt ends c before the clause starting at toks[k], dropping the linking
// word and punctuation left before it.
func (d *doc) cutAt(c tspan, k int) tspan {
	e := k
	for e > c.s && (d.toks[e-1].lex.has(bClauseLinks) || d.toks[e-1].kind == tPunct && d.inQ[e-1] == 0) {
		e--
	}
	if e > c.s {
		c.e = e
	}
	return c
}

// speechVerbs are the plain verbs of saying that mark a clause of reported
// speech with whatever subject ("most voters say …").
var speechVerbs = setOf(`said says say told tells added adds argued argues argue wrote writes insisted insists`)

// clauseWords may stand in the subject of a speech clause although they
// stop a speaker phrase: "more than 4 in 10", "half of them".
var clauseWords = setOf(`in than of`)

// speechClause reports whether the words from toks[s] on, before e, are a
// short subject followed by a speech verb that introduces content of its
// own: "another says there are …".
func (d *doc) speechClause(s, e int) bool {
	for k := s; k < e-1 && k-s < 8; k++ {
		t := d.toks[k]
		if d.inQ[k] != 0 || t.kind != tWord {
			return false
		}
		if t.low == "who" && k > s {
			continue // "30 percent who say …"
		}
		if t.lex.has(bSpeechVerbs) {
			if k == s || d.toks[k-1].lex.has(bAuxSkip) && k-1 == s {
				return false
			}
			n := d.toks[k+1]
			return n.kind == tWord || d.isOpenMark(k+1)
		}
		if t.lex.has(bNpStop) && !t.lex.has(bClauseWords) && !t.lex.has(bAuxSkip) || t.cue != cueNone && !t.lex.has(bSpeakerNouns) {
			return false
		}
	}
	return false
}

// coordVerb reports whether toks[i] is a verb coordinated with an earlier
// one: "… and proposed …", ", advising …", "before floating …".
func (d *doc) coordVerb(i int) bool {
	if i < 1 || i+1 >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	if t.kind != tWord || t.cap || t.lex.has(bNpStop) && !t.lex.has(bSpeechVerbs) || d.inQ[i] != 0 {
		return false
	}
	j := i - 1
	for j > 0 && d.toks[j].lex.has(bAuxSkip) && i-j < 4 {
		j--
	}
	p := d.toks[j].low
	if j > 0 && j == i-1 && d.isCloseMark(j) && d.toks[j-1].low == "," {
		p = "," // `…,” adding …`
	}
	verbish := t.cue != cueNone || len(t.low) >= 5 && strings.HasSuffix(t.low, "ed")
	switch p {
	case "and", "but":
		if strings.HasSuffix(t.low, "ing") && t.cue != cueNone && d.toks[j-1].low != "," {
			return true // "telling CNN that … and questioning how …"
		}
		return verbish || len(t.low) >= 5 && strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss")
	case ",", "before", "after", "while":
		if len(t.low) >= 5 && strings.HasSuffix(t.low, "ing") && (t.cue != cueNone || p != ",") {
			return true
		}
		return p == "," && j == i-1 && (t.cue == cueStrong || t.cue == cueGen) && !strings.HasSuffix(t.low, "ing")
	}
	return false
}

// coordEnd ends a leading content where a second verb of the same subject
// takes over ("X called for A and proposed B"; "X said A, adding B").
func (d *doc) coordEnd(c tspan) tspan {
	for k := c.s + 2; k < c.e; k++ {
		if d.inQ[k] != 0 {
			continue
		}
		if d.coordVerb(k) {
			e := k - 1
			if d.isCloseMark(e) {
				e++ // `…,” adding`: the quote stays whole
			}
			if d.toks[e].kind == tWord && d.toks[e].lex.has(bAuxSkip) {
				e--
			}
			if d.toks[e].low == "and" || d.toks[e].low == "but" || d.toks[e].low == "before" || d.toks[e].low == "after" || d.toks[e].low == "while" {
				// keep "and" out of both contents
			}
			if e-1 > c.s && d.toks[e-1].low == "," && d.inQ[e-1] == 0 {
				e--
			}
			if e > c.s+1 {
				c.e = e
			}
			return c
		}
	}
	return c
}
