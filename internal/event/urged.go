package event

// Urged event nouns: "the minister urges joint Tartus and Homs assaults",
// "urged talks with the rebels". The Dictionary has no "urge" (it governs
// an infinitive: "urged Iraq to attack", status.go's urgeVerbs); with an
// event noun as its object the noun is the happening urged, its source
// the urger.

// urgeForms take an event noun as their object.
var urgeForms = set("urge", "urges", "urged", "urging")

// urgedNoun returns the CAMEO code and token of the event noun an urging
// verb at token i takes as object ("urges joint Raqqa and Mosul
// assaults"): determiners, kind words, places and actors that modify the
// noun, and "and" between them, may come before it; ok is false when no
// event noun follows.
func (c *Coder) urgedNoun(i int) (code string, noun int, ok bool) {
	if ablated != nil && ablated["urgedNoun"] {
		return "", 0, false
	}
	toks := c.toks
	if toks[i].cls&clUrgeForm == 0 {
		return "", 0, false
	}
	for k := i + 1; k < len(toks) && k <= i+6; k++ {
		t := toks[k]
		if t.punct {
			return "", 0, false
		}
		if t.actor < 0 && t.place < 0 {
			if cd, found := c.eventNoun(k, i); found && cd != "01" && cd != jointCode {
				return cd, k, true
			}
		}
		if t.actor >= 0 || t.place >= 0 || nounSkip[t.low] || t.low == "and" || t.low == "more" || t.low == "greater" || t.low == "immediate" || t.low == "simultaneous" {
			continue
		}
		return "", 0, false
	}
	return "", 0, false
}
