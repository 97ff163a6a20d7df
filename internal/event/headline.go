package event

import "strings"

// Headlines. An article's title tells its main news in a grammar of its
// own: no articles, the present simple for what happened ("Rebels seize
// town"), "to" and a verb for what will ("Army to withdraw from border"),
// a speaker before a colon ("Minister: talks will resume"), and often
// Title Case. A Sentence with Headline set is read so.

// HeadlineIndex is the sentence index of an article's title: the event's
// evidence is the headline, not a sentence of the text.
const HeadlineIndex = -1

// headlineForm adapts the tokens and the sentence to headline grammar:
// Title Case is no sign of a name, and "X: ..." is X's statement.
func (c *Coder) headlineForm(s *Sentence) {
	words, upper := 0, 0
	for _, t := range c.toks {
		if t.punct {
			continue
		}
		words++
		if t.upper {
			upper++
		}
	}
	// Title Case: only the names the actor and place stages matched keep
	// their capital
	if words >= 3 && upper*10 >= words*6 {
		for i := range c.toks {
			if t := &c.toks[i]; t.actor < 0 && t.place < 0 {
				t.upper = false
			}
		}
	}
	if s.Speaker != nil {
		return
	}
	// "Minister: ...": a short prefix before a colon naming an actor is
	// the speaker of what follows
	for k := 1; k < len(c.toks) && k <= 6; k++ {
		if c.toks[k].low != ":" {
			continue
		}
		for j := k - 1; j >= 0; j-- {
			if a := c.toks[j].actor; a >= 0 && a < len(s.Actors) {
				sp := s.Actors[a]
				s.Speaker, s.Quote = &sp, Span{Start: c.toks[k].end, End: s.End}
				return
			}
		}
		return
	}
}

// headlineFuture reports whether "to" at token k follows its clause's
// subject directly ("Iran to hold talks", "Iraqi forces to attack"):
// nothing before it in the clause is a verb of the Dictionary.
func (c *Coder) headlineFuture(k int) bool {
	if k == 0 {
		return false
	}
	for j := k - 1; j >= 0; j-- {
		t := c.toks[j]
		if t.punct {
			if boundaries[t.low] || quoteMarks[t.low] || t.low == "‘" || t.low == "’" {
				return j < k-1
			}
			continue
		}
		if t.actor >= 0 || t.place >= 0 || t.forms == nil {
			continue
		}
		// "Iraqi forces to": a plural after a name is the subject's noun
		if j == k-1 && j > 0 && isPluralNoun(t.low) && (c.toks[j-1].actor >= 0 || c.toks[j-1].place >= 0) {
			continue
		}
		return false
	}
	return true
}

// headlineVerb reports, in a headline, an -s form at token i that is the
// present simple of its verb ("Minister meets envoy", "Valdonia sends
// troops"): a word follows that is no verb, preposition or conjunction
// (after "Border attacks" comes the verb: "kill five").
func (c *Coder) headlineVerb(i int) bool {
	if !c.headline || !strings.HasSuffix(c.toks[i].low, "s") || i+1 >= len(c.toks) {
		return false
	}
	n := c.toks[i+1]
	if n.actor >= 0 || n.place >= 0 {
		return true
	}
	return !n.punct && n.forms == nil && !prepositions[n.low] && n.low != "to" && n.low != "and" && n.low != "or" && !beForms[n.low]
}
