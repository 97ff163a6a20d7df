package quote

import "strings"

// speechNouns report speech or stance as nouns: "his assertion that …".
var speechNouns = setOf(`assertion assertions claim claims statement statements suggestion argument arguments
belief beliefs fear fears concern concerns warning warnings promise promises pledge insistence view views
notion accusation accusations allegation allegations remark remarks comment comments announcement assurance
assurances hope hopes worry worries call calls demand demands vow contention admission acknowledgment
acknowledgement prediction predictions suspicion doubts conviction proposal plan plans threat threats
position stance criticism complaint complaints charge charges description characterization assessment
support opposition attack attacks endorsement decision praise defense rejection vision pitch message`)

// nominal handles a speech noun with a possessive owner and a clause or
// object after it: "Trump's claim that …", "his call for …".
func (d *doc) nominal(u, i, a, last int) int {
	if i == a || i+2 >= last {
		return i
	}
	p := d.toks[i-1]
	k := i - 1
	for k > a && d.toks[k].kind == tWord && !d.toks[k].cap && !isPossessive(d.toks[k].low) && i-k < 3 && !d.toks[k].lex.has(bDeterminers) {
		k-- // an adjective: "his repeated claims"
	}
	p = d.toks[k]
	if !isPossessive(p.low) {
		return i
	}
	n := d.toks[i+1].low
	if n != "that" && n != "for" && n != "of" && n != "to" && n != "about" && n != "on" {
		return i
	}
	cs := i + 1
	if n != "that" {
		cs = i + 2
	}
	c := d.clip(d.clauseCut(d.coordEnd(d.extendQuote(tspan{cs, last}))))
	if c.e-c.s < 1 || d.covered[cs] {
		return i
	}
	d.add(attr{parts: []tspan{c}, cue: tspan{i, i + 1}, src: tspan{k, k + 1}, unit: u, conf: 0.45})
	return c.e
}

func isPossessive(w string) bool {
	switch w {
	case "his", "her", "their", "its", "our", "my":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}
