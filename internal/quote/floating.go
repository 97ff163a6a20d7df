package quote

import (
	"sort"
	"strings"
)

// floating attributes the quotes no listed cue claimed, in this order: an
// unlisted verb in a quote frame ("…," Trump shot back); a colon ending the
// sentence before; a quote making up its whole sentence continues the
// attribution of the sentence before; otherwise a whole-sentence quote is
// reported with the last speaker within three sentences (low confidence) or
// none. Short quotes inside a sentence (scare quotes, titles) are left.
func (d *doc) floating() {
	sort.SliceStable(d.attrs, func(x, y int) bool { return d.attrs[x].parts[0].s < d.attrs[y].parts[0].s })
	for _, q := range d.dq {
		if d.covered[q.open] {
			continue
		}
		u := d.unitOfTok(q.open)
		a, b := d.units[u], d.unitEnd(u)
		last := d.lastContent(a, b)
		if at, ok := d.attachQuote(u, q, a, last); ok {
			d.add(at)
			sort.SliceStable(d.attrs, func(x, y int) bool { return d.attrs[x].parts[0].s < d.attrs[y].parts[0].s })
			continue
		}
		whole := q.open <= a+1 && q.close+1 >= last
		if !whole {
			continue
		}
		if at, ok := d.laterSpeaker(u, q); ok {
			d.add(at)
			sort.SliceStable(d.attrs, func(x, y int) bool { return d.attrs[x].parts[0].s < d.attrs[y].parts[0].s })
			continue
		}
		// the attribution just before, within the previous unit
		var prev *attr
		for n := range d.attrs {
			at := &d.attrs[n]
			if at.parts[len(at.parts)-1].e <= q.open {
				prev = at
			}
		}
		if prev != nil && prev.follow && (prev.unit == u-1 || prev.parts[len(prev.parts)-1].e >= d.units[u-1]) {
			prev.parts = append(prev.parts, tspan{q.open, q.close + 1})
			for i := q.open; i <= q.close; i++ {
				d.covered[i] = true
			}
			continue
		}
		if at, ok := d.colonBefore(u, q); ok {
			d.add(at)
			sort.SliceStable(d.attrs, func(x, y int) bool { return d.attrs[x].parts[0].s < d.attrs[y].parts[0].s })
			continue
		}
		if d.covered[q.open] {
			continue // merged into the attribution before the colon
		}
		at := attr{parts: []tspan{{q.open, q.close + 1}}, cue: noSpan, src: noSpan, unit: u, conf: 0.3}
		if prev != nil && prev.src.ok() && u-prev.unit <= 3 {
			at.src = prev.src
			at.conf = 0.4
		}
		for i := q.open; i <= q.close; i++ {
			d.covered[i] = true
		}
		d.attrs = append(d.attrs, at)
		sort.SliceStable(d.attrs, func(x, y int) bool { return d.attrs[x].parts[0].s < d.attrs[y].parts[0].s })
	}
}

// laterSpeaker attributes a quote that makes up its sentence to a speaker
// the next sentence names while pointing back at it: "…" That was how
// Petra Lind put it in a statement. / "…" So said the minister. / "…"
// Those were the words of the mayor. The next sentence must open with a
// demonstrative and "how", "what" or "words" ("So said …" too), hold a
// speech word and no quotation of its own.
func (d *doc) laterSpeaker(u int, q dquote) (attr, bool) {
	if u+1 >= len(d.units) {
		return attr{}, false
	}
	a, b := d.units[u+1], d.unitEnd(u+1)
	if a >= b || a != q.close+1 && !(a == q.close+2 && d.toks[q.close+1].kind == tPunct) || !d.toks[a].lex.has(bPointBack) {
		return attr{}, false
	}
	// "That was how …", "Those were the words of …", "This is what …",
	// "So said …": the sentence is about the quote, not a new statement.
	about := d.toks[a].low == "so" && a+1 < b && d.toks[a+1].cue != cueNone
	for k := a + 1; k < b && k <= a+4; k++ {
		about = about || d.toks[k].lex.has(bAboutQuote)
	}
	if !about {
		return attr{}, false
	}
	cue := -1
	for k := a + 1; k < b; k++ {
		if d.toks[k].kind == tQuote {
			return attr{}, false
		}
		if cue < 0 && !d.toks[k].cap && (d.toks[k].cue != cueNone || d.toks[k].lex.has(bBackSpeech)) {
			cue = k
		}
	}
	if cue < 0 {
		return attr{}, false
	}
	// An attribution already read in that sentence ("Lind put it in a
	// statement") names the speaker; its content, a pro-form standing
	// for the quote ("it …"), gives way to the quote itself.
	for n := range d.attrs {
		o := &d.attrs[n]
		if o.unit != u+1 || !o.src.ok() || !strongSource(d.toks, o.src) {
			continue
		}
		at := attr{parts: []tspan{{q.open, q.close + 1}}, cue: o.cue, src: o.src, unit: u, conf: 0.5, follow: true}
		if first := o.parts[0].s; first < len(d.toks) && d.toks[first].lex.has(bProForm) {
			d.attrs = append(d.attrs[:n], d.attrs[n+1:]...)
		}
		return at, true
	}
	// else the first strong name phrase of the sentence
	for k := a + 1; k < b; k++ {
		if !d.toks[k].cap && !d.toks[k].lex.has(bSpeakerNouns) {
			continue
		}
		if src := srcFwd(d.toks, k, b); src.ok() && strongSource(d.toks, src) {
			return attr{parts: []tspan{{q.open, q.close + 1}}, cue: tspan{cue, cue + 1}, src: src, unit: u, conf: 0.5, follow: true}, true
		}
	}
	return attr{}, false
}

// aboutQuote words make a sentence opening with a demonstrative speak of
// the quote before it.
var aboutQuote = setOf(`how what words`)

// proForm words open a reported content that only points back at a quote.
var proForm = setOf(`it this that so`)

// pointBack open a sentence that refers to the quote before it.
var pointBack = setOf(`that this those these so such thus`)

// backSpeech are speech words of such sentences beside the cue verbs:
// "put it", "the words of", "in a statement".
var backSpeech = setOf(`put words statement speech remarks message post tweet`)

// pullQuotes gives a quote with no source the source of another
// attribution in the article that holds the same words (a pull quote set
// apart from the paragraph where it is attributed).
func (d *doc) pullQuotes() {
	norm := func(p tspan) string {
		var b strings.Builder
		for k := p.s; k < p.e; k++ {
			if d.toks[k].kind == tWord {
				b.WriteString(d.toks[k].low)
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
	for n := range d.attrs {
		at := &d.attrs[n]
		if at.cue.ok() || len(at.parts) != 1 {
			continue
		}
		w := norm(at.parts[0])
		if len(w) < 30 {
			continue
		}
		for m := range d.attrs {
			o := &d.attrs[m]
			if m == n || !o.src.ok() || !o.cue.ok() {
				continue
			}
			hit := false
			for _, p := range o.parts {
				if strings.Contains(norm(p), w) {
					hit = true
				}
			}
			if hit {
				at.src, at.conf = o.src, 0.5
				break
			}
		}
	}
}

// attachQuote attributes a quote that no listed cue claimed through the
// words around it: "…," the judge exclaimed. / "…," read one. /
// X retorted: "…" / Jeffrey Jones: "…". Any verb will do in these frames.
func (d *doc) attachQuote(u int, q dquote, a, last int) (attr, bool) {
	c := tspan{q.open, q.close + 1}
	if q.closed {
		k := q.close + 1
		if k < last && d.toks[k].low == "," {
			k++
		}
		if k < last && k > q.close+1 || k < last && q.close > q.open && d.toks[q.close-1].low == "," {
			// NP verb [tail]
			if np := srcFwd(d.toks, k, last); np.ok() {
				// the verb is the first word after the phrase's head that
				// leaves only a tail: try each split point
				for m := np.s + 1; m <= np.e && m < last && m-np.s <= 8; m++ {
					w := d.toks[m]
					if w.kind == tWord && !w.cap && !w.lex.has(bNpStop) && !w.lex.has(bSpeakerNouns) && (d.finalTail(m+1, last) || d.shortRest(m+1, last)) {
						if s := (tspan{np.s, m}); strongSource(d.toks, s) || d.toks[np.s].lex.has(bDeterminers) {
							return attr{parts: []tspan{c}, cue: tspan{m, m + 1}, src: s, unit: u, conf: 0.6, follow: true}, true
						}
					}
				}
			}
			// verb NP [tail]
			w := d.toks[k]
			if w.kind == tWord && !w.cap && !w.lex.has(bNpStop) && k+1 < last {
				if np := srcFwd(d.toks, k+1, last); np.ok() && d.finalTail(np.e, last) {
					return attr{parts: []tspan{c}, cue: tspan{k, k + 1}, src: np, unit: u, conf: 0.6, follow: true}, true
				}
			}
		}
	}
	p := q.open - 1
	if p-1 >= a && (d.toks[p].low == ":" || d.toks[p].low == ",") {
		w := d.toks[p-1]
		if w.kind == tWord && !w.cap && !w.lex.has(bNpStop) {
			if src := srcBack(d.toks, a, p-1); src.ok() && strongSource(d.toks, src) {
				return attr{parts: []tspan{c}, cue: tspan{p - 1, p}, src: src, unit: u, conf: 0.6, follow: true}, true
			}
		}
		if w.kind == tWord && w.cap && d.toks[p].low == ":" {
			if src := srcBack(d.toks, a, p); src.ok() && strongSource(d.toks, src) {
				return attr{parts: []tspan{c}, cue: tspan{p, p + 1}, src: src, unit: u, conf: 0.5, follow: true}, true
			}
		}
	}
	return attr{}, false
}

// colonHeadline reads "Marco Rubio: I'm Not Interested" — a name, a colon
// and what the named said.
func (d *doc) colonHeadline(u, a, last int) {
	np := srcFwd(d.toks, a, last)
	if !np.ok() || np.e-np.s > 4 || np.e >= last || d.toks[np.e].low != ":" || !d.toks[np.s].cap || !strongSource(d.toks, np) || d.toks[np.s].lex.has(bSectionLabels) {
		return
	}
	c := d.clip(d.extendQuote(tspan{np.e + 1, last}))
	if c.e-c.s < 2 || d.covered[np.e+1] {
		return
	}
	d.add(attr{parts: []tspan{c}, cue: tspan{np.e, np.e + 1}, src: np, unit: u, conf: 0.5})
}

// colonBefore attributes a quote that opens a sentence right after one
// ending in a colon: "Joel Pollak observed:" / "Kerry:" / "as follows:".
func (d *doc) colonBefore(u int, q dquote) (attr, bool) {
	if u == 0 || q.open != d.units[u] {
		return attr{}, false
	}
	pa, pb := d.units[u-1], d.unitEnd(u-1)
	c := pb - 1
	if c <= pa || d.toks[c].low != ":" {
		return attr{}, false
	}
	content := []tspan{{q.open, q.close + 1}}
	for n := len(d.attrs) - 1; n >= 0; n-- {
		at := &d.attrs[n]
		if at.unit == u-1 && at.parts[len(at.parts)-1].e == c {
			// "X observed that …:" — the quote continues that content
			at.parts = append(at.parts, content[0])
			for i := q.open; i <= q.close; i++ {
				d.covered[i] = true
			}
			return attr{}, false
		}
	}
	w := d.toks[c-1]
	if w.kind == tWord && !w.cap {
		k := c - 1
		for k > pa && d.toks[k-1].kind == tWord && !d.toks[k-1].cap && k > c-4 && d.toks[k].cue == cueNone {
			k-- // "as follows", "said in a statement"
		}
		for x := pa; x < c; x++ {
			if d.toks[x].cue != cueNone && !d.toks[x].cap {
				k = x
				break
			}
		}
		if src := srcBack(d.toks, pa, k); src.ok() {
			return attr{parts: content, cue: tspan{k, c}, src: src, unit: u, conf: 0.6, follow: true}, true
		}
		return attr{parts: content, cue: tspan{k, c}, src: noSpan, unit: u, conf: 0.4, follow: true}, true
	}
	if w.kind == tWord && w.cap {
		if src := srcBack(d.toks, pa, c); src.ok() && strongSource(d.toks, src) {
			return attr{parts: content, cue: tspan{c, c + 1}, src: src, unit: u, conf: 0.5, follow: true}, true
		}
	}
	return attr{}, false
}

// sectionLabels open a line that links or labels, not a speaker's words:
// "Related: …", "Watch: …".
var sectionLabels = setOf(`related update updated watch read video photo photos note editor's editors
correction advertisement breaking exclusive analysis opinion also more see listen live source sources`)
