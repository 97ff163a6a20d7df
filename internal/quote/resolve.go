package quote

import (
	"sort"
	"strings"
)

// person is a name mention that a pronoun may refer to.
type person struct {
	sp     tspan
	name   string // as written, titles dropped
	last   string // lower-cased last word
	gender byte   // 'm', 'f' or 0 when unknown
	full   string // the longest earlier form of the same name
	strong bool   // several words, a title or a known first name
}

// people lists person names in text order: the caller's PER mentions, or
// capitalised word sequences that look like names.
func (d *doc) people(mentions []Mention) []person {
	var out []person
	byLast := map[string]string{}
	addP := func(s, e int) {
		g := byte(0)
		if s > 0 {
			switch d.toks[s-1].low {
			case "mr.", "mr":
				g = 'm'
			case "mrs.", "ms.", "mrs", "ms":
				g = 'f'
			}
		}
		for s < e && isTitle(d.toks[s].low) {
			switch d.toks[s].low {
			case "mr.":
				g = 'm'
			case "mrs.", "ms.":
				g = 'f'
			}
			s++
		}
		if s >= e {
			return
		}
		if g == 0 && d.toks[s].lex.has(bMaleNames) {
			g = 'm'
		} else if g == 0 && d.toks[s].lex.has(bFemaleNames) {
			g = 'f'
		}
		name := d.text[d.toks[s].s:d.toks[e-1].e]
		last := strings.TrimSuffix(strings.TrimSuffix(d.toks[e-1].low, "'s"), "’s")
		full := name
		if e-s >= 2 {
			byLast[last] = name
		} else if f, ok := byLast[last]; ok {
			full = f
		}
		if g == 0 {
			for _, p := range out {
				if p.last == last && p.gender != 0 {
					g = p.gender
				}
			}
		}
		strong := e-s >= 2 || g != 0 || full != name
		out = append(out, person{sp: tspan{s, e}, name: name, last: last, gender: g, full: full, strong: strong})
	}
	if len(mentions) > 0 {
		for _, m := range mentions {
			if m.Type != "PER" && m.Type != "PERSON" {
				continue
			}
			s := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].s >= m.Start })
			e := s
			for e < len(d.toks) && d.toks[e].e <= m.End {
				e++
			}
			if e > s {
				addP(s, e)
			}
		}
		return out
	}
	for i := 0; i < len(d.toks); {
		t := d.toks[i]
		if t.kind != tWord || !t.cap {
			i++
			continue
		}
		j := i
		for j < len(d.toks) && d.toks[j].kind == tWord && d.toks[j].cap && j-i < 5 {
			j++
		}
		s := i
		for s < j && (d.toks[s].lex.has(bNotNames) && !isTitle(d.toks[s].low) || d.toks[s].lex.has(bCountryAbbrevs)) {
			s++
		}
		org := false
		for k := s; k < j; k++ {
			// a possessive ("Reuters's") is looked up without its suffix
			w := d.toks[k].low
			if base := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"); base == w && d.toks[k].lex.has(bOrgWords) || base != w && orgWords[base] {
				org = true
			}
		}
		if org {
			// "Senate Majority Leader Mitch McConnell": a known first name
			// after the organisation's words starts the person's name
			for k := s + 1; k+1 < j; k++ {
				if d.toks[k].lex.has(bMaleNames) || d.toks[k].lex.has(bFemaleNames) {
					s, org = k, false
					for x := k; x < j; x++ {
						org = org || d.toks[x].lex.has(bOrgWords)
					}
					break
				}
			}
		}
		if s+2 < j && s >= 2 && d.toks[s-1].low == "of" && isTitle(d.toks[s-2].low) {
			s++ // "Secretary of Defense Ash Carter": the department is no name
		}
		if s < j && !org {
			// a single word starting a sentence is a name only if known
			known := false
			for _, p := range out {
				if p.last == d.toks[s].low {
					known = true
				}
			}
			if j-s >= 2 || s > 0 && !d.toks[s].nlBef && !isSentenceStart(d.toks, s) || known || d.toks[s].lex.has(bMaleNames) || d.toks[s].lex.has(bFemaleNames) {
				addP(s, j)
			}
		}
		i = j
	}
	return out
}

func isSentenceStart(toks []tok, i int) bool {
	if i == 0 || toks[i].nlBef {
		return true
	}
	p := toks[i-1].low
	return p == "." || p == "!" || p == "?" || p == "“" || p == "\""
}

// finish turns the attributions into Quotes and resolves their speakers.
func (d *doc) finish(mentions []Mention) []Quote {
	ppl := d.people(mentions)
	out := make([]Quote, 0, len(d.attrs))
	type said struct {
		unit   int
		name   string
		sp     tspan
		gender byte
	}
	var speakers []said
	for _, at := range d.attrs {
		if len(at.parts) == 0 {
			continue
		}
		q := Quote{CueStart: -1, CueEnd: -1, SourceStart: -1, SourceEnd: -1, SpeakerStart: -1, SpeakerEnd: -1,
			Confidence: at.conf}
		for _, p := range at.parts {
			q.Parts = append(q.Parts, Span{d.toks[p.s].s, d.toks[p.e-1].e})
		}
		q.Start, q.End = q.Parts[0].Start, q.Parts[len(q.Parts)-1].End
		if len(q.Parts) == 1 {
			q.Text = d.text[q.Start:q.End]
		} else {
			var b strings.Builder
			for k, p := range q.Parts {
				if k > 0 {
					b.WriteString(" … ")
				}
				b.WriteString(d.text[p.Start:p.End])
			}
			q.Text = b.String()
		}
		q.Kind = d.kind(at.parts)
		if at.cue.ok() {
			q.CueStart, q.CueEnd = d.toks[at.cue.s].s, d.toks[at.cue.e-1].e
			q.Cue = d.text[q.CueStart:q.CueEnd]
		}
		q.Sentence = d.sentOf[at.unit]
		if at.src.ok() {
			q.SourceStart, q.SourceEnd = d.toks[at.src.s].s, d.toks[at.src.e-1].e
			q.Source = d.text[q.SourceStart:q.SourceEnd]
			sp, name, g, ok := d.resolve(at.src, ppl, func(g byte) (tspan, string, bool) {
				for n := len(speakers) - 1; n >= 0; n-- {
					s := speakers[n]
					if at.unit-s.unit > 6 {
						break
					}
					if g == anyPerson && s.sp.s < at.src.s {
						// a title continues the speaker quoted last when
						// that is a person, named or described; after an
						// outlet or a body ("according to CNN") it is
						// no continuation, and not a person quoted
						// before them either
						if isPersonSpan(ppl, s.sp) || d.describesPerson(s.sp) {
							return s.sp, s.name, true
						}
						break
					}
					if s.sp.s < at.src.s && (g == 0 || s.gender == 0 || s.gender == g) {
						return s.sp, s.name, true
					}
				}
				return noSpan, "", false
			})
			q.SpeakerResolved = ok
			if ok {
				q.SpeakerStart, q.SpeakerEnd = d.toks[sp.s].s, d.toks[sp.e-1].e
				q.Speaker = name
				speakers = append(speakers, said{at.unit, name, sp, g})
			} else {
				q.Speaker = q.Source
				q.Confidence *= 0.7
			}
		}
		out = append(out, q)
	}
	return out
}

// kind classifies content: all inside quotation marks, partly, or none.
func (d *doc) kind(parts []tspan) string {
	in, all := 0, 0
	for _, p := range parts {
		for i := p.s; i < p.e; i++ {
			all++
			if d.inQ[i] != 0 {
				in++
			}
		}
	}
	switch {
	case in == 0:
		return Indirect
	case in == all:
		return Direct
	}
	return Mixed
}

// resolve maps a source phrase to its speaker. Names and descriptions
// stand for themselves (a last name is expanded to the full name used
// earlier); he/she go to the most recent compatible speaker, else the
// nearest compatible person named before; who/which to the phrase before
// them. They, I, we, you and it are left unresolved.
func (d *doc) resolve(src tspan, ppl []person, prevSpeaker func(g byte) (tspan, string, bool)) (tspan, string, byte, bool) {
	if src.e-src.s == 1 {
		if g := d.toks[src.s].gender; g != 0 {
			switch g {
			case 'm', 'f':
				if sp, name, ok := prevSpeaker(g); ok {
					return sp, name, g, true
				}
				limit := src.s - 400
				for _, wantStrong := range []bool{true, false} {
					for n := len(ppl) - 1; n >= 0; n-- {
						p := ppl[n]
						if p.sp.e > src.s {
							continue
						}
						if p.sp.s < limit {
							break
						}
						if (p.strong || !wantStrong) && (p.gender == 0 || p.gender == g) {
							return p.sp, p.full, g, true
						}
					}
				}
				return noSpan, "", g, false
			case 'r':
				k := src.s - 1
				if k >= 0 && d.toks[k].low == "," {
					k--
				}
				if k >= 0 && d.toks[k].kind == tWord {
					if ante := srcBack(d.toks, max(0, k-10), k+1); ante.ok() {
						if d.toks[ante.s].gender == 0 {
							return ante, d.text[d.toks[ante.s].s:d.toks[ante.e-1].e], 0, true
						}
					}
				}
				return noSpan, "", 0, false
			default:
				return noSpan, "", 0, false
			}
		}
	}
	// the head before an appositive comes first: "Mitch McConnell, R-Ky."
	head := src
	for k := src.s + 1; k < src.e; k++ {
		if d.toks[k].low == "," {
			head.e = k
			break
		}
	}
	name := d.text[d.toks[head.s].s:d.toks[head.e-1].e]
	g := byte(0)
	sp := head
	found := false
	for _, in := range []tspan{head, src} {
		for _, strong := range []bool{true, false} {
			for _, p := range ppl {
				if p.sp.s >= in.s && p.sp.e <= in.e && (p.strong || !strong) && !d.prepObject(src, p.sp.s) {
					name, g, found, sp = p.full, p.gender, true, p.sp
					break
				}
			}
			if found {
				break
			}
		}
		if found {
			break
		}
	}
	if !found && d.namedInPrepObject(src, ppl) {
		// "a spokeswoman in Washington": the speaker is the head, and the
		// span stops before the preposition, so that the one named in its
		// object is not taken for the speaker further on
		for k := sp.s + 1; k < sp.e; k++ {
			if d.toks[k].lex.has(bHeadPreps) && d.toks[k-1].kind == tWord && !d.toks[k-1].cap {
				sp.e = k
				name = d.text[d.toks[sp.s].s:d.toks[sp.e-1].e]
				break
			}
		}
	}
	if !found && d.toks[src.s].low == "the" && d.toks[head.e-1].lex.has(bTitleHeads) && head.e-head.s <= 5 {
		// "the Pentagon chief said": a definite title with no name of its
		// own refers to the speaker quoted last
		if psp, pname, ok := prevSpeaker(anyPerson); ok {
			return psp, pname, 0, true
		}
	}
	return sp, name, g, true
}

// anyPerson asks prevSpeaker for the speaker quoted last if that is a
// person, named or described, of either gender: not an outlet or a body.
const anyPerson = 'P'

// isPersonSpan reports whether span sp holds a person's name.
func isPersonSpan(ppl []person, sp tspan) bool {
	for _, p := range ppl {
		if p.sp.s >= sp.s && p.sp.e <= sp.e {
			return true
		}
	}
	return false
}

// describesPerson reports whether span sp is a description of a person
// by title ("the former president", "the spokesman"), not a name.
func (d *doc) describesPerson(sp tspan) bool {
	for k := sp.s; k < sp.e; k++ {
		if d.toks[k].lex.has(bTitleHeads) || d.toks[k].lex.has(bSpeakerNouns) {
			return true
		}
	}
	return false
}

// titleHeads are the heads of definite descriptions that stand for a
// person already named: "the defense secretary", "the Pentagon chief".
var titleHeads = setOf(`chief secretary minister president senator governor general commander spokesman
spokeswoman candidate nominee congressman congresswoman mayor chairman chairwoman director ambassador
envoy premier chancellor lawmaker billionaire businessman defence defense state`)

// headPreps link a common-noun head to a phrase that names someone other
// than the speaker: "a spokeswoman in Washington", "an aide to the
// senator", "a spokesman for Mr. Lee".
var headPreps = setOf(`for of in at to with from on behind under near`)

// prepObject reports whether token k of source phrase src lies in the
// object of a preposition that follows a lower-case head noun, up to the
// next comma: that name is not the speaker ("a spokesman for Mr. Lee"
// is not Mr. Lee). A capitalised head keeps its phrase ("Secretary of
// State John Kerry"), and a name after the comma is an apposition ("an
// aide to the mayor, Jane Roe, said").
func (d *doc) prepObject(src tspan, k int) bool {
	for j := k - 1; j > src.s; j-- {
		t := d.toks[j]
		if t.low == "," {
			return false
		}
		if t.lex.has(bHeadPreps) && j-1 >= src.s {
			prev := d.toks[j-1]
			if prev.kind == tWord && !prev.cap {
				return true
			}
		}
	}
	return false
}

// namedInPrepObject reports whether a name — a person of ppl, or any
// capitalised word: a place, an organisation — stands in the object of a
// preposition inside src ("a spokeswoman in Washington").
func (d *doc) namedInPrepObject(src tspan, ppl []person) bool {
	for _, p := range ppl {
		if p.sp.s >= src.s && p.sp.e <= src.e && d.prepObject(src, p.sp.s) {
			return true
		}
	}
	for k := src.s + 1; k < src.e; k++ {
		if t := d.toks[k]; t.kind == tWord && t.cap && d.prepObject(src, k) {
			return true
		}
	}
	return false
}
