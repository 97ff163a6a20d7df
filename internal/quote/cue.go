package quote

import "strings"

// Cue patterns: where a cue's speaker and content lie around it.

// isTrailBoundary reports whether toks[k] can close the content of a
// trailing attribution: a comma, a dash or a closing quotation mark.
func (d *doc) isTrailBoundary(k, a int) bool {
	if k < a {
		return false
	}
	switch d.toks[k].low {
	case ",", "--", "—", "–":
		return k > a
	}
	return d.isCloseMark(k) || d.strayCloser(k, a)
}

// leadIn extends a content that starts with a quote at open back to the
// start of the unit when unclaimed words come before it: "The dispute is a
// “matter for Iraq,” said X" — the whole clause is what X said.
func (d *doc) leadIn(a, open int) int {
	s := a
	for s < open && d.covered[s] {
		s++
	}
	for s < open && d.toks[s].kind == tPunct && d.inQ[s] == 0 {
		s++
	}
	if open-s < 3 {
		return open
	}
	for k := s; k < open; k++ {
		if d.covered[k] || d.toks[k].low == ";" || d.toks[k].low == ":" {
			return open
		}
	}
	return s
}

// strayCloser reports whether toks[k] is a closing quotation mark that
// paired with nothing (its opener was lost), right after a comma or word:
// "… for the fight,” notes The Telegraph."
func (d *doc) strayCloser(k, a int) bool {
	t := d.toks[k]
	if t.kind != tQuote || d.inQ[k] != 0 || k-a < 3 {
		return false
	}
	switch t.low {
	case "”", "\"", "''", "’":
	default:
		return false
	}
	return d.toks[k-1].e == t.s && (d.toks[k-1].low == "," || d.toks[k-1].kind == tWord)
}

// contentBefore returns the content that ends at the boundary token k (a
// comma or closing mark before a trailing attribution).
func (d *doc) contentBefore(k, a int) tspan {
	end := k
	if d.isCloseMark(k) {
		q := d.dq[d.inQ[k]-1]
		return tspan{d.leadIn(a, q.open), q.close + 1}
	}
	if d.toks[k].low == "," && k-1 >= a && d.isCloseMark(k-1) {
		q := d.dq[d.inQ[k-1]-1]
		if q.open <= a+1 {
			return tspan{q.open, q.close + 1}
		}
	}
	s := a
	for s < end && d.covered[s] {
		s++
	}
	for s < end && d.toks[s].kind == tPunct && d.toks[s].low != "(" && d.inQ[s] == 0 {
		s++
	}
	if s >= end {
		return noSpan
	}
	return tspan{s, end}
}

var tailStart = setOf(`on in at during last this earlier yesterday today tonight monday tuesday wednesday thursday
friday saturday sunday after before while when from outside inside via through late early recently`)

var objectCues = setOf(`told tells tell telling asked asks ask asking urged urges warned warns assured assures
informed informs reminded reminds`)

// contentAfter finds where the content of a leading cue starts: at "that",
// after a colon, at an opening mark, or right after the verb (and its
// object for "told" and the like). ok is false when the cue has no content
// after it in the unit (a trailing cue).
func (d *doc) contentAfter(i, last int, class uint8) (cs int, ok bool) {
	j := i + 1
	if j < last && d.toks[j].low == "out" && strings.HasPrefix(d.toks[i].low, "point") {
		j++
	}
	if d.toks[i].lex.has(bObjectCues) {
		k := j
		clause := false
		for k < last && k-j < 5 && d.toks[k].kind == tWord && d.toks[k].low != "that" && !d.toks[k].lex.has(bTailStart) {
			if k > j && (d.toks[k].lex.has(bModals) || d.toks[k].lex.has(bAuxSkip) && !d.toks[k].cap && d.toks[k].low != "also") {
				clause = true // the words were the content's subject
				break
			}
			k++
		}
		if k > j && !clause {
			j = k
		}
	}
	for k := j; k < last && k-j < 10; k++ {
		t := d.toks[k]
		switch {
		case t.low == "that" && t.kind == tWord:
			return k, k+1 < last
		case t.low == ":":
			return k + 1, k+1 < last
		case d.isOpenMark(k):
			return k, true
		case t.low == "," && k+1 < last && d.isOpenMark(k+1):
			return k + 1, true
		}
		if t.kind != tWord || t.cue != cueNone && k > j {
			break
		}
		if k == j && !t.lex.has(bTailStart) {
			break
		}
	}
	if j >= last {
		return 0, false
	}
	t := d.toks[j]
	if t.lex.has(bTimeWords) && class == cueStrong && last-j > 3 && d.toks[j+1].kind == tWord && !d.toks[j+1].lex.has(bTimeWords) {
		return j, true // "He says tonight he's …"
	}
	if (t.low == "on" || t.low == "last" || t.low == "this" || t.low == "late" || t.low == "early") && class == cueStrong && last-j > 4 &&
		d.toks[j+1].lex.has(bTimeWords) && d.toks[j+2].kind == tWord && !d.toks[j+2].lex.has(bTailStart) && !d.toks[j+2].lex.has(bTimeWords) && d.toks[j+2].low != "that" {
		return j + 2, true // "X said on Friday he met …"
	}
	if t.lex.has(bTailStart) || t.kind != tWord && !d.isOpenMark(j) {
		// a tail ("said on Sunday", "said in a statement") or punctuation
		k := j
		for k < last && d.toks[k].low != "," && k-j < 8 {
			k++
		}
		if k < last && d.toks[k].low == "," && k+1 < last && last-(k+1) >= 3 && class == cueStrong {
			return k + 1, true
		}
		return 0, false
	}
	if last-j < 2 && !(last-j == 1 && class != cueWeak && d.toks[j].kind == tWord && (d.toks[j].cap || d.toks[j].gender != 0)) {
		return 0, false // one word: only a name or pronoun ("endorsed Trump")
	}
	return j, true
}

// tailThenPart reports whether a short tail and a comma lead from j to a
// participle ("said on Tuesday, signaling …"), which starts an attribution
// of its own.
func (d *doc) tailThenPart(j, last int) bool {
	k := j
	for k < last && k-j < 6 && d.toks[k].kind == tWord && !d.toks[k].lex.has(bNpStop) || k < last && k == j && d.toks[k].lex.has(bTailStart) {
		k++
	}
	if k+1 >= last || d.toks[k].low != "," {
		return false
	}
	w := d.toks[k+1]
	return !w.cap && w.kind == tWord && (w.cue == cuePart || len(w.low) > 5 && strings.HasSuffix(w.low, "ing"))
}

// finalTail reports whether nothing but a short tail ("on Sunday", "in a
// statement") follows position j in the unit.
func (d *doc) finalTail(j, last int) bool {
	if j >= last {
		return true
	}
	if !d.toks[j].lex.has(bTailStart) && d.toks[j].low != "," {
		return false
	}
	return last-j <= 6
}

// step handles a possible cue at toks[i] and returns the index to resume
// after (minus one).
func (d *doc) step(u, i, a, b, last, pass int) int {
	t := d.toks[i]
	if t.low == "according" && i+1 < b && d.toks[i+1].low == "to" {
		if pass == 1 || !(i > a && d.toks[i-1].low == ",") {
			if pass == 1 {
				d.according(u, i, a, b, last)
			}
			return i
		}
		d.according(u, i, a, b, last)
		return i
	}
	if t.low == "quoted" && pass == 1 {
		if at, ok := d.quotedAs(u, i, a, last); ok {
			d.add(at)
			return i
		}
	}
	class := t.cue
	guessed := false
	if class == cueNone && guessVerb(d.toks, a, i) {
		class, guessed = cueGen, true
	}
	if class == cueNone && d.coordVerb(i) && len(d.attrs) > 0 && d.attrs[len(d.attrs)-1].unit == u {
		class, guessed = cueGen, true
	}
	if class == cueGen && t.lex.has(bNotAttrib) {
		return i
	}
	if nounCue(d, i, b) {
		return i
	}
	if i+1 < last && d.toks[i+1].lex.has(bShowParticles) && strings.HasPrefix(t.low, "show") {
		// "120,000 showed up", "she showed off her medals": attendance and
		// display, no claim ("polls show that …" is one)
		return i
	}
	if t.cap && i != a && class == cueStrong && d.toks[i-1].cap && d.toks[i-1].kind == tWord && pass == 1 && i+1 < last && d.toks[i+1].cap {
		// a headline: "Trump Says He Will Win"
		if src := srcBack(d.toks, a, i); src.ok() {
			c := d.clip(d.extendQuote(tspan{i + 1, last}))
			if c.ok() {
				d.add(attr{parts: []tspan{c}, cue: tspan{i, i + 1}, src: src, unit: u, conf: 0.5})
				return c.e
			}
		}
	}
	if (t.low == "asked" || t.low == "pressed") && pass == 1 && (i == a || i == a+1 && d.toks[a].low == "when") {
		// "Asked whether …, Trump said …": the question is attributed to
		// the one who answers it
		k := i + 1
		for k < last && d.toks[k].low != "," && k-i < 30 {
			k++
		}
		if k < last && k > i+2 {
			at := attr{parts: []tspan{{i + 1, k}}, cue: tspan{i, i + 1}, src: noSpan, unit: u, conf: 0.5}
			if np := srcFwd(d.toks, k+1, last); np.ok() && strongSource(d.toks, np) {
				at.src = np
			}
			d.add(at)
			return k
		}
	}
	if class == cueNone && pass == 1 && t.lex.has(bSpeechNouns) {
		return d.nominal(u, i, a, last)
	}
	if class == cueNone || t.cap && i != a {
		return i
	}
	if pass == 0 && (class != cueStrong && class != cueWeak) {
		return i
	}
	if i+1 < last && d.toks[i+1].low == "by" && class != cuePart {
		return i // a passive ("the city claimed by Islamic State"): no speaker before the verb
	}
	speechOnlyCue := t.lex.has(bSpeechOnlyCue)
	src := srcBack(d.toks, a, i)
	if strings.HasSuffix(t.low, "ing") {
		src = d.issuer(src, a)
	}
	if t.lex.has(bSeemVerbs) && pass == 1 && !(src.ok() && strongSource(d.toks, src)) {
		return d.seem(u, i, a, last)
	}
	if class == cueGen && src.ok() && !strongSource(d.toks, src) {
		if guessed || !d.groupSource(src) {
			return i
		}
		guessed = true // "the crowd cheered …": a plain noun phrase, scored as a guess
	}
	if guessed && src.ok() && ofThing(d.toks, src) {
		return i // "the loss of Mosul would leave …": a thing, not a speaker
	}
	bd := i - 1
	if src.ok() {
		bd = src.s - 1
	}
	if pass == 0 {
		// only "…, X said." and "…, said X."
		if src.ok() && d.isTrailBoundary(bd, a) && d.toks[bd].kind != tQuote && (d.finalTail(i+1, last) || d.tailThenPart(i+1, last)) && !isRelative(d.toks, src) {
			if c := d.contentBefore(bd, a); c.ok() {
				d.add(attr{parts: []tspan{c}, cue: tspan{i, i + 1}, src: src, unit: u, conf: 0.8, follow: true})
			}
		}
		return i
	}
	// leading content?
	cs, lead := d.contentAfter(i, last, class)
	soft := false
	if lead && speechOnlyCue && class == cueStrong {
		if !(d.toks[cs].low == "that" || d.isOpenMark(cs) || (cs > 0 && d.toks[cs-1].low == ":")) {
			// "Blackwell pointed to …", "Cruz never mentioned Trump": an
			// object, not a clause; kept, at a stance verb's score, only
			// for a clear speaker right before the verb
			lead = src.ok() && strongSource(d.toks, src) && d.toks[cs].kind == tWord
			soft = true
		}
	}
	if (class == cuePart || strings.HasSuffix(t.low, "ing")) && i-1 > a && d.toks[i-1].low == "," && src.ok() && src.e == i-1 {
		// ", vowing …" after an appositive-looking stretch: not a speaker
		// phrase but the clause before; the participle's speaker is the
		// clause's subject
		bd = i - 1
		src = noSpan
	}
	if (class == cuePart || strings.HasSuffix(t.low, "ing") && class != cueGen) && bd > a && (d.toks[bd].low == "," || d.isCloseMark(bd) && d.toks[bd-1].low == ",") && lead {
		// ", saying that …": the speaker is the clause's subject
		s := d.subject(u, a, bd)
		c := d.clip(d.clauseCut(d.coordEnd(d.extendQuote(tspan{cs, last}))))
		if !c.ok() {
			return i
		}
		d.add(attr{parts: []tspan{c}, cue: tspan{i, i + 1}, src: s, unit: u, conf: 0.6})
		return c.e - 1
	}
	if class == cueGen && !guessed && !src.ok() && i-1 > a && d.toks[i-1].low == "," && strings.HasSuffix(t.low, "ing") {
		// ", calling him a loser", ", referring to …": a stance participle
		// whose speaker is the clause's subject
		if e := d.partContent(i, last); e.ok() {
			s := d.subject(u, a, i-1)
			d.add(attr{parts: []tspan{e}, cue: tspan{i, e.s}, src: s, unit: u, conf: 0.5})
			return e.e
		}
	}
	if src.ok() && lead && bd > a && d.toks[bd].low == "," && bd-a <= 10 && d.toks[a].cap && d.inQ[a] == 0 {
		// "Vikram Amar, dean of the law school, said …": the words before
		// the comma are the head of the speaker phrase, not content
		if np := srcBack(d.toks, a, bd); np.ok() && np.s == a && d.toks[np.s].cap && !d.toks[a].lex.has(bNotNames) && !strings.HasSuffix(d.toks[a].low, "ing") && !d.toks[a].lex.has(bIntroLow) {
			src = tspan{np.s, src.e}
			bd = np.s - 1
		}
	}
	preferLead := lead && (d.toks[cs-1].low != "," || bd-a <= 5 || class == cueGen) &&
		!d.isCloseMark(bd) && !(bd > a && d.toks[bd].low == "," && d.isCloseMark(bd-1)) && d.toks[cs].cue != cuePart
	if src.ok() && d.isTrailBoundary(bd, a) && !preferLead && class != cueGen && !isRelative(d.toks, src) && (d.trailEnd(i+1, last) || d.isCloseMark(bd) || d.isCloseMark(bd-1)) {
		// "…," X said
		if c := d.contentBefore(bd, a); c.ok() {
			at := attr{parts: []tspan{c}, cue: tspan{i, i + 1}, src: src, unit: u, conf: 0.8, follow: true}
			d.tailParts(&at, i+1, b, last)
			d.add(at)
			return i
		}
	}
	if !src.ok() && d.isTrailBoundary(i-1, a) && class != cuePart && class != cueGen {
		// "…," said X
		if fs := srcFwd(d.toks, i+1, b); fs.ok() && !d.runsOn(fs.e, last) {
			if c := d.contentBefore(i-1, a); c.ok() {
				at := attr{parts: []tspan{c}, cue: tspan{i, i + 1}, src: fs, unit: u, conf: 0.8, follow: true}
				d.tailParts(&at, fs.e, b, last)
				d.add(at)
				return i
			}
		}
	}
	if !src.ok() && lead && class == cueStrong && i-1 > a && d.toks[i-1].low == "," && d.toks[a].cap && d.inQ[a] == 0 && i-a <= 30 {
		// "Jane Doe, 67, a retired nurse, said …": the name that opens
		// the sentence, before its description, is the speaker
		if s := d.subject(u, a, i-1); s.ok() && s.s == a && s.e < i-1 && d.toks[s.e].low == "," && !d.covered[s.s] {
			src = s
		}
	}
	if !src.ok() && lead && class != cueWeak && i-1 > a && (d.toks[i-1].low == "and" || d.toks[i-1].low == "but") {
		// "… and told them that …": the speaker is the clause's subject
		if s := d.subject(u, a, i-1); s.ok() {
			src = s
			if speechOnlyCue && !(d.toks[cs].low == "that" || d.isOpenMark(cs)) {
				lead = false
			}
		}
	}
	if src.ok() && lead {
		c := d.clip(d.clauseCut(d.coordEnd(d.extendQuote(tspan{cs, last}))))
		if !c.ok() {
			return i
		}
		conf := float32(0.7)
		switch {
		case guessed || soft:
			conf = 0.45
		case class == cueGen:
			conf = 0.55
		case class == cueWeak:
			conf = 0.6
		}
		d.add(attr{parts: []tspan{c}, cue: tspan{i, i + 1}, src: src, unit: u, conf: conf, follow: d.isOpenMark(cs)})
		return c.e - 1 // the token after the content may be the next cue
	}
	if src.ok() && !lead && src.s > a && d.finalTail(i+1, last) || src.ok() && !lead && src.s > a && i+1 < last && d.toks[i+1].low == "," {
		// an object relative clause: "the deal, which Mr. Putin opposed"
		switch r := d.toks[src.s-1].low; r {
		case "which", "that", "whom", "what":
			if !d.covered[src.s-1] && class != cueWeak {
				d.add(attr{parts: []tspan{{src.s - 1, src.s}}, cue: tspan{i, i + 1}, src: src, unit: u, conf: 0.4})
				return i
			}
		}
	}
	if src.ok() && class != cueWeak && i+1 < b && d.toks[i+1].low == ":" && last <= i+2 && u+1 < len(d.units) {
		// "X said:" followed by the quote in the next sentence or paragraph
		na, nb := d.units[u+1], d.unitEnd(u+1)
		c := tspan{na, d.lastContent(na, nb)}
		if d.isOpenMark(na) {
			q := d.dq[d.inQ[na]-1]
			c = tspan{na, q.close + 1}
		}
		if c.ok() {
			d.add(attr{parts: []tspan{c}, cue: tspan{i, i + 1}, src: src, unit: u, conf: 0.7, follow: true})
		}
	}
	return i
}

// strongSource accepts a source phrase fit for a weak stance verb: a
// personal or relative pronoun, a phrase headed by a capitalised name, or
// one headed by a speaker noun.
func strongSource(toks []tok, s tspan) bool {
	h := toks[s.e-1]
	if h.gender != 0 && s.e-s.s == 1 {
		return true
	}
	if h.cap && !h.lex.has(bNotNames) {
		return true
	}
	return h.lex.has(bSpeakerNouns) || s.e-s.s == 1 && toks[s.s].cap
}

// tailParts adds the content resumed after a trailing attribution:
// "A," he said, "B."  or  A, he said, B.
func (d *doc) tailParts(at *attr, j, b, last int) {
	k := j
	for k < last && d.toks[k].low != "," && d.toks[k].low != ":" && !d.isOpenMark(k) && k-j < 8 {
		if d.toks[k].kind == tPunct {
			return
		}
		k++
	}
	if k >= last || d.toks[k].low != "," && d.toks[k].low != ":" && !d.isOpenMark(k) {
		return // no boundary: the tail runs on ("said during a visit to …")
	}
	if d.toks[k].low == "," || d.toks[k].low == ":" {
		k++
	}
	if k >= last {
		return
	}
	if d.isOpenMark(k) {
		q := d.dq[d.inQ[k]-1]
		at.parts = append(at.parts, tspan{k, q.close + 1})
		return
	}
	// an unquoted continuation needs a few words and no cue of its own
	if last-k < 3 {
		return
	}
	if d.appositive(at.src, k) {
		// the description belongs to the speaker: no content of its own
		for x := k; x < last && !d.isOpenMark(x); x++ {
			d.covered[x] = true
		}
		return
	}
	for x := k; x < last; x++ {
		if d.toks[x].cue == cueStrong && !d.toks[x].cap {
			return
		}
	}
	if w := d.toks[k].low; d.toks[k].cue == cuePart || strings.HasSuffix(w, "ing") && !d.toks[k].cap {
		return // ", echoing …" is an attribution of its own
	}
	at.parts = append(at.parts, d.extendQuote(tspan{k, last}))
}

// groupSource reports whether a source phrase that is neither a name nor a
// speaker noun is still a short noun phrase opened by a determiner or a
// number ("the crowd", "two outside groups"), fit for a listed stance verb.
func (d *doc) groupSource(s tspan) bool {
	if s.e-s.s < 2 || s.e-s.s > 5 {
		return false
	}
	w := d.toks[s.s].low
	return d.toks[s.s].lex.has(bDeterminers) || w[0] >= '0' && w[0] <= '9'
}

// runsOn reports whether the word at toks[k], right after a speaker phrase
// that follows a cue, continues a clause ("…, said Trump's plan will …"):
// then the phrase is the content's subject, not an inverted speaker.
func (d *doc) runsOn(k, last int) bool {
	if k >= last {
		return false
	}
	t := d.toks[k]
	if t.kind != tWord || t.cap || t.lex.has(bTailStart) || t.lex.has(bTimeWords) || strings.HasSuffix(t.low, "ing") {
		return false
	}
	switch t.low {
	case "of", "who", "as", "and", "according", "to", "for", "with", "that", "which":
		return false
	}
	return true
}

// appositive reports whether the words at toks[k], after the comma that
// follows a named source, describe that source rather than resume the
// content: "…," said Jane Doe, a pollster who …; "…," said Doe, 27, …
func (d *doc) appositive(src tspan, k int) bool {
	if !src.ok() {
		return false
	}
	if g := d.toks[src.e-1].gender; src.e-src.s == 1 && g != 0 {
		return false
	}
	w := d.toks[k]
	switch {
	case w.low == "a" || w.low == "an" || w.low == "the" || w.low == "who" || w.low == "whose":
		return true
	case w.kind == tWord && w.low[0] >= '0' && w.low[0] <= '9':
		return true
	case w.cap && !d.toks[k].nlBef:
		pro := w.gender != 0
		return !pro
	}
	return false
}

// according handles "according to X".
func (d *doc) according(u, i, a, b, last int) {
	// the source runs from after "to" to the next comma or the end
	s := i + 2
	e := s
	for e < last && d.toks[e].low != "," && d.inQ[e] == 0 && e-s < 20 {
		e++
	}
	if e == s {
		return
	}
	src := tspan{s, e}
	at := attr{cue: tspan{i, i + 2}, src: src, unit: u, conf: 0.75}
	lead := i == a || (i == a+1 && d.toks[a].kind == tWord && !d.toks[a].cap) || (i == a+1 && (d.toks[a].low == "but" || d.toks[a].low == "and"))
	if i > a {
		switch d.toks[a].low {
		case "but", "and", "yet", "so":
			lead = lead || i == a+1
		}
	}
	if lead && e < last && d.toks[e].low == "," {
		c := d.extendQuote(tspan{e + 1, last})
		if !c.ok() {
			return
		}
		at.parts = []tspan{c}
	} else {
		k := i - 1
		if k >= a && d.toks[k].low == "," {
			k--
		}
		c := d.contentBefore(k+1, a)
		if c.ok() && c.e > k+1 {
			c.e = k + 1
		}
		if !c.ok() {
			return
		}
		at.parts = []tspan{c}
		if e < last && d.toks[e].low == "," && last-e > 3 {
			at.parts = append(at.parts, tspan{e + 1, last})
		}
	}
	d.add(at)
}

// subject guesses the subject of the clause ending at token k: the
// speaker of an earlier attribution in the unit, or its first noun phrase.
func (d *doc) subject(u, a, k int) tspan {
	for n := len(d.attrs) - 1; n >= 0 && d.attrs[n].unit == u; n-- {
		if d.attrs[n].src.ok() {
			return d.attrs[n].src
		}
	}
	s := a
	for s < k && d.toks[s].cap && d.toks[s].lex.has(bNotNames) && !isTitle(d.toks[s].low) {
		s++
	}
	if s >= k {
		return noSpan
	}
	if d.toks[s].gender != 0 {
		return tspan{s, s + 1}
	}
	if d.toks[s].lex.has(bNpStop) || d.toks[s].lex.has(bIntroLow) {
		return noSpan // the clause opens with a phrase, not its subject
	}
	e := s
	for e < k && (d.toks[e].cap || e == s && d.toks[e].lex.has(bDeterminers)) && d.toks[e].kind == tWord {
		e++
	}
	if e == s {
		return noSpan
	}
	return tspan{s, e}
}

// irregularPast are common irregular past-tense verbs that report what a
// named person did or held ("Trump made clear …", "Clinton took aim at …").
var irregularPast = setOf(`made took gave put spent sent drew held saw came began brought thought knew felt
struck sought chose fought threw stood meant swore vowed`)

// guessVerb accepts an unlisted past-tense verb right after a pronoun or a
// name ("Trump slammed …"): attribution in the broad sense of PolNeAR.
func guessVerb(toks []tok, a, i int) bool {
	t := toks[i]
	if t.cap || len(t.low) < 3 || i == a || t.lex.has(bNpStop) || t.lex.has(bDeterminers) || t.lex.has(bNotAttrib) {
		return false
	}
	present := false
	switch {
	case modalVerb(toks, a, i) || stanceAdj(toks, a, i) || progVerb(toks, a, i):
		present = false
	case strings.HasSuffix(t.low, "ed") && len(t.low) >= 5 || t.lex.has(bIrregularPast):
	case strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") && !strings.HasSuffix(t.low, "'s") && !strings.HasSuffix(t.low, "’s") && !strings.HasSuffix(t.low, "us"):
		present = true
	default:
		return false
	}
	j := i - 1
	for j > a && toks[j].lex.has(bAuxSkip) {
		j--
	}
	p := toks[j]
	if p.kind != tWord {
		return false
	}
	if g := p.gender; g != 0 {
		if present {
			return g == 'm' || g == 'f' || g == 'r'
		}
		return g == 'm' || g == 'f' || g == 'p' || g == 'r'
	}
	if p.lex.has(bSpeakerNouns) && !present {
		return true // "critics slammed …"
	}
	if !p.cap || p.lex.has(bNotNames) {
		return false
	}
	if present {
		// a plural noun after a capitalised adjective ("Syrian refugees")
		// is not a verb: ask for a name opening the clause or a two-word name
		// and no verb right after it ("Turkish forces flowed", "Iraqi forces
		// were"); a possessive or a gerund before it is no subject
		if i+1 < len(toks) {
			n := toks[i+1]
			if n.lex.has(bAuxSkip) && !n.cap || n.kind == tWord && !n.cap && len(n.low) >= 5 && strings.HasSuffix(n.low, "ed") {
				return false
			}
		}
		if strings.HasSuffix(p.low, "'s") || strings.HasSuffix(p.low, "’s") || strings.HasSuffix(p.low, "ing") {
			return false
		}
		return j == a || toks[j-1].cap && toks[j-1].kind == tWord || toks[j-1].low == ","
	}
	return true
}

// isRelative reports whether a source is a relative pronoun ("who",
// "which"): a relative clause never closes a trailing attribution.
func isRelative(toks []tok, s tspan) bool {
	return s.e-s.s == 1 && toks[s.s].gender == 'r'
}

// trailEnd reports whether what follows a trailing cue at j is the end of
// the sentence, a short tail, or the resumption of the quote after a comma
// or colon.
func (d *doc) trailEnd(j, last int) bool {
	if j > 0 && d.toks[j-1].lex.has(bObjectCues) {
		for k := j; k < last && k-j < 3 && d.toks[k].kind == tWord && !d.toks[k].lex.has(bTailStart); k++ {
			if d.finalTail(k+1, last) {
				return true
			}
		}
	}
	if d.finalTail(j, last) {
		return true
	}
	for k := j; k < last && k-j < 8; k++ {
		switch d.toks[k].low {
		case ",", ":":
			return true
		}
		if d.isOpenMark(k) {
			return true
		}
	}
	return false
}

// shortRest reports whether at most two lower-case words (a particle or
// adverb: "shot back", "said matter-of-factly") end the sentence from j.
func (d *doc) shortRest(j, last int) bool {
	if last-j > 2 {
		return false
	}
	for k := j; k < last; k++ {
		if d.toks[k].kind != tWord || d.toks[k].cap {
			return false
		}
	}
	return true
}

// introLow are words that open an introductory phrase, not a subject.
var introLow = setOf(`along despite although though while when after before during since with without
in on at for by from among amid under over like unlike as if once`)

// ofThing reports whether a speaker phrase is headed by a lower-case noun
// that names no speaker before "of" ("the loss of Mosul").
func ofThing(toks []tok, s tspan) bool {
	for k := s.s + 1; k < s.e; k++ {
		if toks[k].low == "of" {
			h := toks[k-1]
			return !h.cap && !h.lex.has(bSpeakerNouns) && !h.lex.has(bTitleHeads)
		}
	}
	return false
}

// showParticles turn "show" into a verb of attendance or display.
var showParticles = setOf(`up off`)

// issueVerbs put out a document: "issued a statement saying …".
var issueVerbs = setOf(`issued issues issue released releases release put puts sent sends posted posts published
publishes made makes gave gives`)

// issuer returns, for a source phrase that is an indefinite document ("a
// statement", "a brief letter") right after a verb that issues it, the
// one who issued it: in "His office put out a statement saying …" the
// office says it, not the statement. Any other phrase is returned as is.
func (d *doc) issuer(src tspan, a int) tspan {
	if !src.ok() || src.e-src.s > 4 || src.s-1 <= a || !d.toks[src.e-1].lex.has(bDocHeads) {
		return src
	}
	if w := d.toks[src.s].low; w != "a" && w != "an" {
		return src
	}
	v := src.s - 1
	if d.toks[v].low == "out" && v-1 > a {
		v-- // "put out", "sent out"
	}
	if t := d.toks[v]; t.kind != tWord || t.cap || !t.lex.has(bIssueVerbs) {
		return src
	}
	if np := srcBack(d.toks, a, v); np.ok() {
		return np
	}
	return src
}
