package quote

import "strings"

// quotedAs reads "X quoted Y as saying …": Y is the speaker, and the
// content is what follows "as saying" or, when nothing does, the clause
// before X ("“…,” news agencies quoted Lavrov as saying.").
func (d *doc) quotedAs(u, i, a, last int) (attr, bool) {
	np := srcFwd(d.toks, i+1, last)
	if !np.ok() || np.e+1 >= len(d.toks) || d.toks[np.e].low != "as" {
		return attr{}, false
	}
	v := d.toks[np.e+1]
	if v.kind != tWord || !strings.HasSuffix(v.low, "ing") {
		return attr{}, false
	}
	at := attr{cue: tspan{i, i + 1}, src: np, unit: u, conf: 0.7, follow: true}
	if cs := np.e + 2; last-cs >= 2 {
		if d.toks[cs].low == ":" || d.toks[cs].low == "," {
			cs++
		}
		c := d.clip(d.extendQuote(tspan{cs, last}))
		if !c.ok() {
			return attr{}, false
		}
		at.parts = []tspan{c}
		return at, true
	}
	bd := i - 1
	if s := srcBack(d.toks, a, i); s.ok() {
		bd = s.s - 1
	}
	for bd > a && i-bd < 7 && d.toks[bd].kind == tWord && !d.isTrailBoundary(bd, a) {
		bd-- // "state media quoted …"
	}
	if !d.isTrailBoundary(bd, a) {
		return attr{}, false
	}
	c := d.contentBefore(bd, a)
	if !c.ok() {
		return attr{}, false
	}
	at.parts = []tspan{c}
	return at, true
}
