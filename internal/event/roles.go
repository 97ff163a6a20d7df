package event

import (
	"strconv"
	"strings"
	"time"
)

// maxRoleDistance bounds how far (in tokens) a source may lie before its
// verb, maxTargetDistance how far a target may follow it.
const (
	maxRoleDistance   = 20
	maxTargetDistance = 20
)

// roles finds the source and target parties of the verb hit hi: the
// actors of the clause before the verb (the nearest, with those joined to
// it by "and" or a comma) and the first actors or places after it.
func (c *Coder) roles(s Sentence, hi int) (src, tgt []Party) {
	h := c.cand[hi]
	toks := c.toks
	if h.noun >= 0 {
		// an event noun as subject: its modifier before it is the
		// source ("Palestinian riots"), a party after it the target
		// ("the attack on Mosul")
		if k := h.noun - 1; k >= 0 && toks[k].actor >= 0 {
			src = c.conjuncts(s, k, -1)
		}
		for k := h.noun + 1; k < h.at; k++ {
			if toks[k].actor >= 0 || toks[k].place >= 0 {
				tgt = c.conjuncts(s, k, +1)
				break
			}
		}
		return src, tgt
	}
	if h.occasion {
		return c.occasionRoles(s, hi)
	}
	// "attacked the town and killed three": the second verb shares the
	// first one's subject
	if k := c.skipAux(h.at - 1); k >= 0 && (toks[k].low == "and" || toks[k].low == "then") && hi > 0 && c.cand[hi-1].end <= k {
		src, _ = c.roles(s, hi-1)
		if c.cand[hi-1].swap != h.swap {
			src = nil
		}
	} else if c.purpose(hi) {
		// "visited Seville, capital of the region, to discuss the
		// offensive": a purpose clause's subject is its clause's
		src, _ = c.roles(s, hi-1)
		if c.cand[hi-1].swap {
			src = nil
		}
	} else {
		src = c.before(s, h.at)
	}
	if h.passive {
		// the agent follows "by"; the subject is the target (swapped later)
		src = nil
		for k := h.end; k < len(toks) && k < h.end+4; k++ {
			if toks[k].low == "by" {
				src = c.after(s, k+1, hi, false)
				break
			}
		}
		return c.subject(s, h.at, true), src
	}
	return src, c.after(s, h.end, hi, true)
}

// skipAux steps back over auxiliaries, negations and adverbs.
func (c *Coder) skipAux(k int) int {
	for k >= 0 {
		w := c.toks[k].low
		if !(c.toks[k].cls&(clAdverb|clNegation|clFutureAux|clHypoAux|clBeForm) != 0 || w == "did" || w == "do" || w == "does") {
			return k
		}
		k--
	}
	return k
}

// before returns the actors nearest before token at, with their
// conjuncts: the subject of an active verb.
func (c *Coder) before(s Sentence, at int) []Party { return c.subject(s, at, false) }

// subject returns the actors nearest before token at, with their
// conjuncts; passive tells that they are the target (a passive verb's
// subject), which a party opposed may be ("Evidence against Russia was
// presented").
func (c *Coder) subject(s Sentence, at int, passive bool) []Party {
	toks := c.toks
	// "Gen. Ortega, commander of the joint task force, visited": the
	// subject stands before an appositive set off by commas, as before a
	// reduced passive or a relative clause ("the army, backed by
	// militias, attacked", "the envoy, who met the rebels, said")
	k := c.skipAux(at - 1)
	// "that have more recently joined", "that have lately joined"
	for k > 0 && (c.toks[k].low == "more" || c.toks[k].low == "most" || !c.toks[k].upper && strings.HasSuffix(c.toks[k].low, "ly") && c.toks[k].actor < 0) {
		k = c.skipAux(k - 1)
	}
	// "the local militias that have joined the fight": a relative
	// clause's subject is the noun before it (an actor modifying it:
	// "the Western countries that were hit"); an actor further back is
	// another clause's
	if k > 0 && c.relativeAfterNoun(k) {
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			t := toks[j]
			if t.actor >= 0 {
				return c.conjuncts(s, j, -1)
			}
			if t.low == "," && j == k-1 {
				continue
			}
			if !commonNoun(t) || t.forms != nil {
				break
			}
		}
		return nil
	}
	// "said that efforts to recapture the city were": the aim of a noun
	// that opens its clause has no doer named before it
	if !passive && k > 1 && toks[k].low == "to" && c.opensClause(k-2) {
		if n := toks[k-1]; commonNoun(n) && n.forms == nil && !whWords[n.low] {
			return nil
		}
	}
	// "the government, backed by X, is working to push": past the verb
	// that governs this one through "to"
	if k > 1 && toks[k].low == "to" && !toks[k-1].punct && (strings.HasSuffix(toks[k-1].low, "ing") || lightVerbs[toks[k-1].low] != "" || futureVerbs[toks[k-1].low]) {
		k = c.skipAux(k - 2)
		for k > 0 && strings.HasSuffix(toks[k].low, "ly") && !toks[k].upper {
			k = c.skipAux(k - 1)
		}
	}
	if k > 0 && toks[k].low == "," {
		for j := k - 1; j > 0 && j >= k-12; j-- {
			if boundaries[toks[j].low] {
				break
			}
			if toks[j].low == "," {
				if first := toks[j+1]; !first.upper && first.actor < 0 && first.place < 0 && (first.forms == nil || c.reducedPassive(j+1, k)) && (!subjectPron[first.low] || relativePron[first.low]) {
					if ps := c.subject(s, j, passive); len(ps) > 0 {
						return ps
					}
				}
				break
			}
		}
	}
	for k := at - 1; k >= 0 && k >= at-maxRoleDistance; k-- {
		t := toks[k]
		if boundaries[t.low] && !(quoteMarks[t.low] && (c.shortQuote(k, at) || c.quotedVerb(k, at))) {
			return nil
		}
		// "the spokesman said its air power was preventing": the
		// reported clause names its own subject; the speaker is not it
		if !passive && sayWords[t.low] && c.nounSubject(k+1, at) {
			return nil
		}
		if t.actor >= 0 {
			// "the coalition against the Islamic State will attack": the
			// one opposed is no subject
			if !passive && c.opposed(k) {
				continue
			}
			// "its troops in Iraq will join", "after the Nice attack,
			// vowing": a country or city governed by a preposition is
			// where, not who
			if !passive && c.locatedAt(k) {
				continue
			}
			return c.conjuncts(s, k, -1)
		}
		// a place right before its verb is its subject ("Russia accused")
		if t.place >= 0 && c.skipAux(at-1) == k {
			return c.conjuncts(s, k, -1)
		}
	}
	return nil
}

// after returns the first actors or places from token from on, stopping at
// the next verb; places count when places is true.
func (c *Coder) after(s Sentence, from, hi int, places bool) []Party {
	toks := c.toks
	stop := len(toks)
	if hi+1 < len(c.cand) {
		stop = c.cand[hi+1].at
	}
	for k := from; k < stop && k < from+maxTargetDistance; k++ {
		t := toks[k]
		// "the army “will attack” the rebels", "attacked “the
		// enemy”": a quotation mark right after the verb closes or opens
		// a quotation around it, not the clause
		if k == from && quoteMarks[t.low] {
			continue
		}
		// "ahead of an offensive by X", "despite Y": no target of this
		// verb follows
		if boundaries[t.low] || t.low == "ahead" || t.low == "despite" {
			return nil
		}
		// "retake cities that IS has held", "the enemy at hand, which
		// is ISIL": the actors of a relative clause after the object
		// noun are its own subject or object, not this verb's target
		if k > from && c.relativeAfterNoun(k) {
			return nil
		}
		// "the artillery they need, and there are concerns about the
		// army": a new clause with a subject of its own
		if c.newClause(k) || k > from && (c.adverbialClause(k) || c.participleClause(k)) {
			return nil
		}
		if t.actor >= 0 && c.uncodedModifier(k) {
			continue
		}
		if t.actor >= 0 || places && t.place >= 0 {
			return c.conjuncts(s, c.appositive(k, stop), +1)
		}
		if places {
			if p, ok := c.namedSettlement(s, k); ok {
				return []Party{p}
			}
		}
	}
	return nil
}

// settlementNouns name a kind of place before its name ("the village of
// Tel Kaif").
var settlementNouns = set("village", "town", "city", "district", "province", "region", "neighbourhood", "neighborhood", "suburb", "port", "camp")

// namedSettlement returns the place a settlement noun at token k names
// ("took the village of Tel Kaif") when the gazetteer did not mark it:
// the capitalised words after "of", as written, with no GeoNames id.
func (c *Coder) namedSettlement(s Sentence, k int) (Party, bool) {
	toks := c.toks
	if !settlementNouns[toks[k].low] || k+2 >= len(toks) || toks[k+1].low != "of" {
		return Party{}, false
	}
	j := k + 2
	for j < len(toks) && j < k+6 && toks[j].upper && !toks[j].punct && toks[j].actor < 0 && toks[j].place < 0 {
		j++
	}
	if j == k+2 {
		return Party{}, false
	}
	text := s.Text[toks[k+2].start:toks[j-1].end]
	return Party{Text: text, Name: text, Span: Span{toks[k+2].start, toks[j-1].end}}, true
}

// appositive returns the token of the name a title joins to the actor at
// k ("Basque leader Iker Zubiri", "Chilean Prime Minister Ana
// Rojas": the person, not the demonym before), else k.
func (c *Coder) appositive(k, stop int) int {
	toks := c.toks
	j := k
	for j < len(toks) && toks[j].actor == toks[k].actor && toks[j].actor >= 0 || j < len(toks) && toks[k].actor < 0 && toks[j].place == toks[k].place && toks[j].actor < 0 {
		j++
	}
	for n := 0; j < len(toks) && j < stop && n < 3; j, n = j+1, n+1 {
		t := toks[j]
		if t.actor >= 0 {
			if n == 0 {
				return k
			}
			return j
		}
		if t.punct || t.place >= 0 || t.low == "and" || t.low == "or" || prepositions[t.low] || t.low == "to" || t.forms != nil && !t.upper {
			return k
		}
	}
	return k
}

// conjuncts collects the party at token k and those joined to it by "and",
// "or" or commas, walking in direction dir.
func (c *Coder) conjuncts(s Sentence, k, dir int) []Party {
	toks := c.toks
	var out []Party
	seenA, seenP := map[int]bool{}, map[int]bool{}
	add := func(t token) {
		switch {
		case t.actor >= 0 && !seenA[t.actor]:
			seenA[t.actor] = true
			a := s.Actors[t.actor]
			p := Party{Text: s.Text[a.Start:a.End], Name: a.Name, Actor: a.ID, Code: a.Code, Span: Span{a.Start, a.End}}
			if p.Name == "" {
				p.Name = p.Text
			}
			out = append(out, p)
		case t.actor < 0 && t.place >= 0 && !seenP[t.place]:
			seenP[t.place] = true
			pl := s.Places[t.place]
			p := Party{Text: s.Text[pl.Start:pl.End], Name: pl.Name, GeonamesID: pl.GeonamesID, Span: Span{pl.Start, pl.End}, country: pl.Country}
			if p.Name == "" {
				p.Name = p.Text
			}
			out = append(out, p)
		}
	}
	add(toks[k])
	for j := k + dir; j >= 0 && j < len(toks); j += dir {
		t := toks[j]
		if t.actor >= 0 || t.place >= 0 {
			if (t.actor >= 0 && seenA[t.actor]) || (t.actor < 0 && seenP[t.place]) {
				continue
			}
			// "In Freedonia, Ruritania is allied": a scene before the
			// subject ends the list
			if dir < 0 && t.actor >= 0 && c.locatedAt(j) {
				break
			}
			// "US Secretary of Defense Ash Carter": a title mention
			// right before a person's name is that person, one party
			if t.actor >= 0 && toks[j-dir].actor >= 0 && toks[j-dir].actor != t.actor && c.titleBefore(min(j, j-dir), max(j, j-dir)) {
				if dir > 0 {
					out = out[:len(out)-1]
					add(t)
				} else {
					seenA[t.actor] = true
				}
				continue
			}
			// joined only when the words between are conjunctions
			add(t)
			continue
		}
		// "the minister and American Gen. Ann Ray": a title and a
		// demonym before a name belong to it, not a party of their own
		if dir < 0 {
			// (after "and" or "or" only: after a comma the name is as
			// often an appositive — "the commander in Iraq, Gen. Ray")
			if n := c.premodifiers(j); n < j && (toks[n].low == "and" || toks[n].low == "or") {
				j = n - dir
				continue
			}
		}
		if t.low == "and" || t.low == "," || t.low == "or" {
			// the conjunct must follow within two words, of a name or
			// its determiners ("and the", "and Gen."): a common noun
			// between ends the list ("after the Tartus raid, the army")
			n := j + dir
			for n >= 0 && n < len(toks) && n != j+3*dir && toks[n].actor < 0 && toks[n].place < 0 {
				if w := toks[n]; !w.upper && !w.punct && !determiners[w.low] && w.low != "and" && w.low != "or" && w.low != "both" && commonNoun(w) {
					n = j + 3*dir
					break
				}
				n += dir
			}
			if n < 0 || n >= len(toks) || n == j+3*dir {
				break
			}
			j = n - dir
			continue
		}
		break
	}
	if dir < 0 {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

// locatives introduce the place an event happened at.
var locatives = set("in", "at", "near", "outside", "inside", "around", "across", "throughout", "within")

// place returns where the event of hit h happened: a place the sentence
// introduces with a locative preposition, else the target when it is a
// place, else the sentence's first place, else the article's focus.
func (c *Coder) place(s Sentence, h *verbHit) *Place {
	first, loc := -1, -1
	for k := range c.toks {
		t := c.toks[k]
		if t.place < 0 || t.actor >= 0 || c.hometown(k) {
			continue
		}
		if first < 0 {
			first = t.place
		}
		if k > 0 && locatives[c.toks[k-1].low] && (loc < 0 || abs(k-h.at) < abs(loc-h.at)) {
			loc = k
		}
	}
	pi := first
	if loc >= 0 {
		pi = c.toks[loc].place
		// "in Syria's Raqqa": the place is the one the country's name
		// qualifies
		if k := c.placeEnd(loc); k+1 < len(c.toks) && possessive(c.toks[k].low) && c.toks[k+1].place >= 0 && c.toks[k+1].actor < 0 {
			pi = c.toks[k+1].place
		}
	}
	if pi >= 0 {
		p := s.Places[pi]
		return &Place{Name: p.Name, GeonamesID: p.GeonamesID, Lat: p.Lat, Lon: p.Lon, Country: p.Country, Stated: true}
	}
	if s.Focus != nil {
		p := s.Focus
		return &Place{Name: p.Name, GeonamesID: p.GeonamesID, Lat: p.Lat, Lon: p.Lon, Country: p.Country}
	}
	return nil
}

// placeEnd returns the token after the place mention that covers token k.
func (c *Coder) placeEnd(k int) int {
	j := k
	for j < len(c.toks) && c.toks[j].place == c.toks[k].place {
		j++
	}
	return j
}

// possessive reports the clitic "'s" (either apostrophe).
func possessive(w string) bool { return w == "'s" || w == "’s" }

// opposed reports an actor mention at token k governed by "against" ("the
// coalition against the Islamic State", "protests against the
// government"): the party opposed by the phrase's head, never the subject
// of the verb after it.
func (c *Coder) opposed(k int) bool {
	if ablated != nil && ablated["opposed"] {
		return false
	}
	toks := c.toks
	j := k
	for j >= 0 && toks[j].actor == toks[k].actor {
		j--
	}
	for j >= 0 && (toks[j].low == "the" || toks[j].low == "a") {
		j--
	}
	return j >= 0 && (toks[j].low == "against" || toks[j].low == "versus")
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// date returns the event's date: the sentence's date expression nearest
// the verb, else the article's date (estimated when the article's is).
func (c *Coder) date(s Sentence, h *verbHit) (string, string, bool) {
	verb := c.toks[h.at].start
	best, bestD := "", -1
	for _, t := range s.Times {
		if t.Start < s.Start || t.End > s.End {
			continue
		}
		p := Precision(t.Value)
		if p == "" {
			continue
		}
		d := abs(t.Start - verb)
		if bestD < 0 || d < bestD {
			best, bestD = t.Value, d
		}
	}
	if best != "" {
		return best, Precision(best), s.Estimated
	}
	if s.Published.IsZero() {
		return "", "", false
	}
	return s.Published.Format("2006-01-02"), PrecisionDay, s.Estimated
}

// Precision returns the precision of a TIMEX3 date value ("" when it is
// not a calendar date: a duration, a set, "PRESENT_REF").
func Precision(v string) string {
	if len(v) < 4 || v[0] < '0' || v[0] > '9' {
		return ""
	}
	switch {
	case len(v) >= 10 && v[4] == '-' && v[7] == '-':
		return PrecisionDay
	case len(v) >= 8 && v[4] == '-' && v[5] == 'W':
		return PrecisionWeek
	case len(v) == 7 && v[4] == '-':
		return PrecisionMonth
	case len(v) == 4:
		return PrecisionYear
	}
	return ""
}

// ParseDate reads a TIMEX3 date value as the first day it covers.
func ParseDate(v string) (time.Time, bool) {
	// "2016-W44": the week's Monday (read as the year alone it was 1 January)
	if len(v) >= 8 && v[4:6] == "-W" {
		y, err1 := strconv.Atoi(v[:4])
		w, err2 := strconv.Atoi(v[6:8])
		if err1 == nil && err2 == nil && w >= 1 && w <= 53 {
			// ISO week 1 holds 4 January
			jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
			return monday.AddDate(0, 0, 7*(w-1)), true
		}
	}
	for _, l := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) >= len(l) {
			if t, err := time.Parse(l, v[:len(l)]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// premodifiers steps back from token j over the words that may stand
// before a name inside its noun phrase — capitalised titles ("Gen.",
// "Secretary"), their abbreviation dots, a demonym or country actor
// right before a title ("American Gen.") — and returns the token before
// them (j itself when there are none). At most four words.
func (c *Coder) premodifiers(j int) int {
	toks := c.toks
	k := j
	for n := 0; k >= 0 && n < 4; n++ {
		t := toks[k]
		switch {
		case t.low == "." && k > 0 && toks[k-1].upper && len(toks[k-1].low) <= 4:
		case t.upper && !t.punct && t.actor < 0 && t.place < 0 && t.forms == nil && !subjectPron[t.low]:
		case (t.actor >= 0 || t.place >= 0) && k < j && k+1 < len(toks) && toks[k+1].actor < 0 && toks[k+1].upper:
			// a one-word demonym or country before the title
			if k > 0 && (toks[k-1].actor == t.actor && t.actor >= 0 || toks[k-1].place == t.place && t.place >= 0) {
				return j
			}
		default:
			if k == j {
				return j
			}
			return k
		}
		k--
	}
	return j
}

// purpose reports whether the verb of hit hi opens a purpose clause of
// the verb hit before it: "to" after a comma (", to discuss"), "in order
// to", or "to" after a visit ("flew to Baghdad to meet"): its subject is
// the clause's, not the nearest actor before it (an object or a place's
// people: "visited Seville, capital of Spain's Andalusia region, to discuss").
// An urging verb's infinitive ("urged Iraq to attack") is its object's act
// and no purpose.
func (c *Coder) purpose(hi int) bool {
	if ablated != nil && ablated["purpose"] {
		return false
	}
	h := c.cand[hi]
	toks := c.toks
	if hi == 0 || h.at < 2 || toks[h.at-1].low != "to" || h.embedded || h.light >= 0 {
		return false
	}
	prev := c.cand[hi-1]
	if prev.end > h.at-1 || urgeVerbs[toks[prev.at].low] {
		return false
	}
	switch w := toks[h.at-2].low; {
	case w == ",":
		return true
	case w == "order" && h.at >= 3 && toks[h.at-3].low == "in":
		return true
	}
	return prev.code == "042" || prev.code == "043"
}

// reducedPassive reports a past participle at token j with its agent
// ("backed by Russia", "supported by jets") inside the commas ending at
// token end: a phrase about the subject before it, not a clause of its
// own.
func (c *Coder) reducedPassive(j, end int) bool {
	if ablated != nil && ablated["reducedPassive"] {
		return false
	}
	w := c.toks[j].low
	return (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) && j+2 < end && c.toks[j+1].low == "by"
}

// relativeAfterNoun reports a relative word at token k right after a
// common noun, or after a comma that follows one ("cities that ...",
// "the enemy, which ..."): it opens a clause that tells of that noun.
// A "that" after a verb ("warned that") opens a reported clause instead.
func (c *Coder) relativeAfterNoun(k int) bool {
	if ablated != nil && ablated["relativeAfterNoun"] {
		return false
	}
	if !relativeWords[c.toks[k].low] || k < 1 {
		return false
	}
	j := k - 1
	if c.toks[j].low == "," && j > 0 && c.toks[k].low != "that" {
		j--
	}
	t := c.toks[j]
	return commonNoun(t) && t.forms == nil
}

// newClause reports a comma at token k followed by a conjunction and a
// pronoun or "there": the words after it are another clause's.
func (c *Coder) newClause(k int) bool {
	if ablated != nil && ablated["newClause"] {
		return false
	}
	toks := c.toks
	if toks[k].low != "," || k+2 >= len(toks) || !clauseConj[toks[k+1].low] {
		return false
	}
	w := toks[k+2].low
	return w == "there" || subjectPron[w] && !relativePron[w]
}

// adverbialClause reports a subordinating conjunction at token k that
// opens a clause with its own subject and verb ("as Iraqi forces
// approached the city", "when the army attacked"): its actors are that
// clause's.
func (c *Coder) adverbialClause(k int) bool {
	if ablated != nil && ablated["adverbialClause"] {
		return false
	}
	toks := c.toks
	if !clauseSubordinators[toks[k].low] || k > 0 && (toks[k-1].low == "such" || toks[k-1].low == "well" || toks[k-1].low == "known" || toks[k-1].low == "same") {
		return false
	}
	j := k + 1
	for j < len(toks) && determiners[toks[j].low] {
		j++
	}
	if j >= len(toks) || toks[j].actor < 0 {
		return false
	}
	for a := toks[j].actor; j < len(toks) && toks[j].actor == a; j++ {
	}
	j = c.skipAuxForward(j)
	return j < len(toks) && !toks[j].upper && (len(toks[j].forms) > 0 || strings.HasSuffix(toks[j].low, "ed"))
}

// skipAuxForward steps forward over auxiliaries, negations and adverbs.
func (c *Coder) skipAuxForward(k int) int {
	for k < len(c.toks) {
		w := c.toks[k].low
		if !(c.toks[k].cls&(clAdverb|clNegation|clFutureAux|clHypoAux|clBeForm) != 0 || w == "have" || w == "has" || w == "had") {
			return k
		}
		k++
	}
	return k
}

// clauseSubordinators open an adverbial clause.
var clauseSubordinators = set("as", "while", "when", "because", "although", "though", "whereas", "if", "unless", "once", "until")

// uncodedModifier reports an actor mention at token k with no actor code
// that modifies the common noun after it, a thing ("training for IED
// removal"):
// a name the dictionaries do not know, used as a noun's modifier, names
// a kind of thing, not a party.
func (c *Coder) uncodedModifier(k int) bool {
	if ablated != nil && ablated["uncodedModifier"] {
		return false
	}
	toks := c.toks
	a := toks[k].actor
	if c.actors[a].Code != "" {
		return false
	}
	j := k
	for j < len(toks) && toks[j].actor == a {
		j++
	}
	if j >= len(toks) {
		return false
	}
	n := toks[j]
	// "a Bosnian Muslim man": a name before a person or group noun says
	// who that person is
	return commonNoun(n) && n.forms == nil && !strings.HasSuffix(n.low, "ly") && !agentNoun(n) && !personNouns[n.low]
}

// personNouns name people (agentNoun's groups and bodies aside).
var personNouns = set("man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children", "family", "families", "person", "people", "couple", "youth", "youths")

// nounSubject reports a common noun (no verb form) between token from
// and the verb group at token at, which neither "and" joins to a verb
// before nor "to" makes an infinitive: the subject the reported clause
// names ("its air power was preventing"; "announced plans ... and
// revealed" and "announced plans to send" share the speaker's).
func (c *Coder) nounSubject(from, at int) bool {
	if ablated != nil && ablated["nounSubject"] {
		return false
	}
	k := c.skipAux(at - 1)
	if k < from || c.toks[k].low == "and" || c.toks[k].low == "or" || c.toks[k].low == "to" {
		return false
	}
	for ; k >= from; k-- {
		t := c.toks[k]
		if t.actor >= 0 {
			return false
		}
		// (a pronoun most often points back to the speaker: "the
		// authorities said they had launched an inquiry")
		// nor does a group, a body or a country word ("the minister said
		// the kingdom will defend", "said police will not confront")
		if agentNoun(t) || selfNouns[t.low] {
			return false
		}
		if commonNoun(t) && !subjectPron[t.low] && t.forms == nil && !adverbs[t.low] && !strings.HasSuffix(t.low, "ly") && !whWords[t.low] {
			return true
		}
	}
	return false
}

// participleClause reports a comma at token k followed by an -ing verb
// ("contributing carriers to launch airstrikes, setting up hospitals to
// treat wounded soldiers"): another predicate, whose object is its own.
func (c *Coder) participleClause(k int) bool {
	if ablated != nil && ablated["participleClause"] {
		return false
	}
	toks := c.toks
	if toks[k].low != "," || k+1 >= len(toks) {
		return false
	}
	n := toks[k+1]
	// "setting-up": a hyphenated phrasal verb
	w, _, hyphen := strings.Cut(n.low, "-")
	return !n.upper && n.actor < 0 && strings.HasSuffix(w, "ing") && len(w) > 5 && (len(c.d.forms[w]) > 0 || hyphen)
}

// selfNouns name a speaker's own country or side.
var selfNouns = set("country", "kingdom", "nation", "state", "republic", "side", "party", "administration")

// clauseConj join two clauses after a comma.
var clauseConj = set("and", "but", "while", "whereas", "yet", "so")

// relativePron open a relative clause set off by commas.
var relativePron = set("who", "which")

// relativeWords open a relative clause after a noun.
var relativeWords = set("who", "which", "that", "whom")

// locatedAt reports an actor mention at token k that stands in a
// locative or scene-setting phrase as the ground of another's act, never
// its subject: a name with no actor code ("following the Nice attack"),
// or a country or city after a possessed noun ("its troops in Iraq").
func (c *Coder) locatedAt(k int) bool {
	if ablated != nil && ablated["locatedAt"] {
		return false
	}
	toks := c.toks
	uncoded := c.actors[toks[k].actor].Code == ""
	if !toks[k].located && !uncoded {
		return false
	}
	j := k
	for j >= 0 && toks[j].actor == toks[k].actor {
		j--
	}
	for j >= 0 && (toks[j].low == "the" || possessive(toks[j].low)) {
		j--
	}
	if j < 0 || !locatives[toks[j].low] && !sceneWords[toks[j].low] && !goalWords[toks[j].low] {
		return false
	}
	// "troops flowed into Syria to retake the town": where a move goes
	// is never who acts
	if uncoded || goalWords[toks[j].low] {
		return true
	}
	// "In Iraq, the coalition is allied with ...": a locative phrase
	// that opens the clause, set off by a comma, is the scene
	e := k
	for e < len(toks) && toks[e].actor == toks[k].actor {
		e++
	}
	if locatives[toks[j].low] && (j == 0 || toks[j-1].punct) && e < len(toks) && toks[e].low == "," {
		return true
	}
	// a country or city coded as an actor stands for the people of the
	// phrase it closes ("students throughout Indonesia staged", "a
	// report released in the Rwandan capital alleged"), unless a
	// possessive gives that phrase another owner ("its troops in Iraq")
	return j >= 2 && !toks[j-1].punct && ownerWords[toks[j-2].low]
}

// quotedVerb reports an opening quotation mark at k that quotes the verb
// group ending with the verb at at ("the army “will attack” the
// rebels"): the words before it are the verb's clause.
func (c *Coder) quotedVerb(k, at int) bool {
	if ablated != nil && ablated["quotedVerb"] {
		return false
	}
	toks := c.toks
	if toks[k].low != "“" && toks[k].low != "\"" || at+1 >= len(toks) || !quoteMarks[toks[at+1].low] {
		return false
	}
	return k+1 == at || c.verbGroup(k+1, at)
}

// goalWords lead to where a move goes.
var goalWords = set("into", "toward", "towards", "onto")

// ownerWords give a noun phrase its owner ("its troops").
var ownerWords = set("its", "their", "his", "her", "our")

// sceneWords govern the occasion of an act ("after the Nice attack");
// "from" and "of" are left out: "troops from Turkey" are Turkey's.
var sceneWords = set("following", "after", "before", "during", "since", "amid")

// hometown reports a place at token k that tells where a person is from
// ("Sgt. Ann Ray, 34, of Dayton", "Ann Ray of Dayton"): not where the
// sentence's event happened.
func (c *Coder) hometown(k int) bool {
	if ablated != nil && ablated["hometown"] {
		return false
	}
	toks := c.toks
	// "of Anaheim, California": the place after is the first's state
	if k >= 2 && toks[k-1].low == "," && toks[k-2].place >= 0 && toks[k-2].actor < 0 {
		j := k - 2
		for j > 0 && toks[j-1].place == toks[k-2].place {
			j--
		}
		return c.hometown(j)
	}
	if k < 2 || toks[k-1].low != "of" {
		return false
	}
	p := toks[k-2]
	if p.actor >= 0 && !p.located && len(c.actors[p.actor].Code) != 3 {
		return true
	}
	return p.low == "," && k >= 4 && isNumber(toks[k-3].low) && toks[k-4].low == ","
}

// titleBefore reports adjacent tokens a and b (a first) of two actor
// mentions where a's mention is a title of several words ending at a
// ("the US secretary of defence", "Defense Secretary") and b starts a
// name: one person, told by title and name.
func (c *Coder) titleBefore(a, b int) bool {
	if ablated != nil && ablated["titleBefore"] {
		return false
	}
	toks := c.toks
	if !toks[b].upper || toks[a].located || toks[a].punct {
		return false
	}
	ma := c.actors[toks[a].actor]
	mb := c.actors[toks[b].actor]
	if mb.Start != toks[b].start || ma.End != toks[a].end {
		return false
	}
	// several words: a one-word mention before a name is a demonym or a
	// country ("Iraqi Kurdish forces" are two parties)
	words := 0
	for k := a; k >= 0 && toks[k].actor == toks[a].actor; k-- {
		words++
	}
	return words >= 2 && !toks[a].upper || words >= 3
}
