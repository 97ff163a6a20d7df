package event

import "strings"

// groupNouns name people or bodies of people that the actor stage gives
// no actor ("drug dealers", "protesters", "seven people"): an event whose
// only party is such a group is still a happening a reader would list.
var groupNouns = set("people", "persons", "civilians", "protesters", "protestors", "demonstrators", "activists",
	"workers", "students", "teachers", "doctors", "nurses", "miners", "farmers", "villagers", "residents",
	"refugees", "migrants", "immigrants", "prisoners", "detainees", "inmates", "hostages", "police", "policemen",
	"officers", "soldiers", "troops", "forces", "militants", "gunmen", "gunman", "rebels", "insurgents", "fighters",
	"militiamen", "bandits", "attackers", "bomber", "suspects", "suspect", "dealers", "smugglers", "traffickers",
	"journalists", "reporters", "supporters", "crowd", "crowds", "mob", "officials", "authorities", "lawmakers",
	"legislators", "employees", "staff", "pilgrims", "worshippers", "children", "women", "men", "victims",
	"opposition", "unions", "union", "dissidents", "critics", "clerics", "judges", "prosecutors")

// quantityNouns count a group ("hundreds of protesters").
var quantityNouns = set("hundreds", "thousands", "dozens", "scores", "tens", "millions", "number", "group", "crowd", "handful")

// groupParty returns the group the clause of hit h names as its subject
// (right before the verb, past auxiliaries: "drug dealers were
// arrested") and as its object (within a few words after it: "killed
// three civilians"), as words without an actor. Used only when the
// sentence codes no event with an actor: it never outranks one.
func (c *Coder) groupParty(s Sentence, h verbHit) (src, tgt Party) {
	toks := c.toks
	k := c.skipAux(h.at - 1)
	for k >= 0 && timeWords[toks[k].low] {
		k = c.skipAux(k - 1)
	}
	// "demonstrators in the city of X have blockaded": the group stands
	// before the locative phrase
	if k >= 0 && toks[k].place >= 0 && toks[k].actor < 0 {
		for j := k - 1; j > 0 && j >= k-6; j-- {
			if locatives[toks[j].low] {
				k = j - 1
				break
			}
			if toks[j].punct {
				break
			}
		}
	}
	if k >= 0 && groupNouns[toks[k].low] && toks[k].actor < 0 {
		start := k
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			t := toks[j]
			// "hundreds of protesters", "dozens of students"
			if t.low == "of" && j > 0 && (quantityNouns[toks[j-1].low] || isNumber(toks[j-1].low)) {
				start = j
				continue
			}
			// "At least 11 people": the quantifier is no part of the name
			if t.punct || boundaries[t.low] || prepositions[t.low] || t.low == "and" || t.low == "or" || subjectPron[t.low] ||
				beForms[t.low] || t.low == "have" || t.low == "has" || t.low == "had" || t.low == "that" || t.actor >= 0 || t.place >= 0 ||
				t.low == "least" || t.low == "most" {
				break
			}
			start = j
		}
		src = c.wordsParty(s, start, k)
	}
	// the object, or a passive's agent after "by" ("arrested by police")
	from := h.end
	if from < len(toks) && toks[from].low == "by" {
		from++
	}
	for j := from; j < len(toks) && j < from+6; j++ {
		t := toks[j]
		if t.punct || boundaries[t.low] || t.actor >= 0 || t.place >= 0 || prepositions[t.low] && (t.low != "of" || j == from) ||
			t.low == "to" || t.low == "and" || t.low == "by" || strings.HasSuffix(t.low, "ing") {
			break
		}
		if groupNouns[t.low] {
			// "Suspected drug dealers were arrested": a group followed by
			// its own verb is that verb's subject, not this one's object
			if j+1 < len(toks) && !toks[j+1].punct {
				n := toks[j+1].low
				if beForms[n] || futureAux[n] || hypoAux[n] || n == "have" || n == "has" || n == "had" || c.d.forms[n] != nil {
					break
				}
			}
			tgt = c.wordsParty(s, from, j)
			break
		}
	}
	return src, tgt
}

// wordsParty is the party of tokens i..k as written, with no actor.
func (c *Coder) wordsParty(s Sentence, i, k int) Party {
	sp := Span{c.toks[i].start, c.toks[k].end}
	txt := s.Text[sp.Start:sp.End]
	return Party{Text: txt, Name: txt, Span: sp, group: true}
}

// afterPreposition reports a gerund after a preposition ("suspected of
// shooting", "arrested for protesting"): an adjunct of another verb, not
// the clause's own happening.
func (c *Coder) afterPreposition(at int) bool {
	if ablated != nil && ablated["afterPreposition"] {
		return false
	}
	return at > 0 && strings.HasSuffix(c.toks[at].low, "ing") && (prepositions[c.toks[at-1].low] || c.toks[at-1].low == "by")
}

// nounParties returns the noun phrases the clause of hit h names as its
// subject (right before the verb: "A terror group claims") and object
// (right after it: "holding thousands of refugees"), as words without an
// actor. Used only when the sentence codes no event at all: a happening
// whose parties the actor stage does not know is still one a reader would
// list, with its parties as written.
func (c *Coder) nounParties(s Sentence, h verbHit) (src, tgt Party) {
	toks := c.toks
	k := c.skipAux(h.at - 1)
	for k >= 0 && timeWords[toks[k].low] {
		k = c.skipAux(k - 1)
	}
	if k >= 0 && agentNoun(toks[k]) {
		start := k
		for j := k - 1; j >= 0 && j >= k-5; j-- {
			t := toks[j]
			if t.low == "of" && j > 0 && nounLike(toks[j-1]) {
				start = j
				continue
			}
			if t.punct || boundaries[t.low] || prepositions[t.low] || t.low == "and" || t.low == "or" || subjectPron[t.low] ||
				beForms[t.low] || t.low == "have" || t.low == "has" || t.low == "had" || t.actor >= 0 || t.place >= 0 || t.forms != nil && !t.upper {
				break
			}
			start = j
		}
		for start < k && determiners[toks[start].low] {
			start++
		}
		src = c.wordsParty(s, start, k)
	}
	from := h.end
	if from < len(toks) && toks[from].low == "by" {
		from++
	}
	for from < len(toks) && determiners[toks[from].low] {
		from++
	}
	last := -1
	for j := from; j < len(toks) && j < from+5; j++ {
		t := toks[j]
		if t.punct || boundaries[t.low] || t.actor >= 0 || t.place >= 0 || prepositions[t.low] && t.low != "of" || t.low == "to" ||
			t.low == "and" || t.low == "by" || t.low == "that" || strings.HasSuffix(t.low, "ing") || t.forms != nil && j > from && !agentNoun(t) {
			break
		}
		if nounLike(t) {
			last = j
		}
	}
	if last >= 0 && agentNoun(toks[last]) {
		tgt = c.wordsParty(s, from, last)
	}
	return src, tgt
}

// nounLike reports a word that may head a noun phrase: a common noun or a
// capitalised name the actor stage did not resolve.
func nounLike(t token) bool {
	return commonNoun(t) || t.upper && !t.punct && t.actor < 0 && t.place < 0 && len(t.low) > 1 && !subjectPron[t.low] && !determiners[t.low]
}

// bodyNouns name organised bodies that act ("a terror group", "the
// army", "the ministry") which the actor stage may leave without an actor.
var bodyNouns = set("group", "groups", "army", "armies", "government", "governments", "ministry", "party", "parties", "council",
	"parliament", "court", "courts", "committee", "commission", "agency", "agencies", "company", "companies", "firm", "union",
	"regime", "cabinet", "administration", "organization", "organisation", "movement", "militia", "militias", "coalition",
	"alliance", "delegation", "embassy", "navy", "guard", "leadership", "leaders", "leader", "minister", "ministers", "president",
	"spokesman", "official", "envoy", "mission", "team", "side", "sides", "state", "states", "country", "countries", "nation", "nations",
	"municipality", "province", "department", "office", "bureau", "board", "senate", "assembly", "legislature", "congress",
	"members")

// agentNoun reports a noun phrase head that can do something: a group or
// body of people, a plural agent noun ("bankers", "separatists"), or a
// capitalised name the actor stage did not resolve ("Pechenegs").
func agentNoun(t token) bool {
	if t.punct || t.actor >= 0 || t.place >= 0 {
		return false
	}
	if groupNouns[t.low] || bodyNouns[t.low] {
		return true
	}
	if notAgents[t.low] {
		return false
	}
	if t.upper {
		return len(t.low) > 1 && !subjectPron[t.low] && !determiners[t.low] && !timeWords[t.low]
	}
	for _, suf := range agentSuffixes {
		if strings.HasSuffix(t.low, suf) && len(t.low) > len(suf)+2 {
			return true
		}
	}
	return false
}

// notAgents end like agent nouns but name no one ("30 others wounded",
// "the borders").
var notAgents = set("others", "numbers", "orders", "borders", "waters", "matters", "centers", "quarters", "headquarters")

// agentSuffixes end plural nouns of people ("bankers", "separatists",
// "Iranians", "residents").
var agentSuffixes = []string{"ers", "ors", "ists", "ians", "ants", "ents"}
