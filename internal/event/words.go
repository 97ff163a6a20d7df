package event

import "sync/atomic"

// The coder asks of nearly every token whether its word is in one of a
// few small sets (a clause boundary, a negation, the start of a support
// verb's phrase ...), and most of those questions came to a string-keyed
// map lookup each, several per token and per rule: a good part of the
// coder's time. The word classes below are looked up once per token per
// sentence (markWords) from one table of all of them, and the rules test
// a bit.

// Word classes: bits of token.cls, one per set of classSets.
const (
	clBoundary uint32 = 1 << iota
	clQuote
	clPerception
	clNegation
	clFutureAux
	clHypoAux
	clConditional
	clSubjectPron
	clOccasionPrep
	clUrgeForm
	clSupportVerb
	clGoOnVerb
	clAdverb
	clBeForm
)

// classSets are the sets behind the classes, in bit order.
var classSets = []*map[string]bool{&boundaries, &quoteMarks, &perceptionVerbs, &negations, &futureAux, &hypoAux,
	&conditionals, &subjectPron, &occasionPreps, &urgeForms, &supportVerbs, &goOnVerbs, &adverbs, &beForms}

// wordClasses is the table of classSets, made on first use.
var wordClasses atomic.Pointer[map[string]uint32]

func classTable() map[string]uint32 {
	if m := wordClasses.Load(); m != nil {
		return *m
	}
	m := map[string]uint32{}
	for i, s := range classSets {
		for w, in := range *s {
			if in {
				m[w] |= 1 << i
			}
		}
	}
	wordClasses.Store(&m)
	return m
}

// resetWordClasses makes the table anew on next use: for tests that
// change the sets (the ablation tests).
func resetWordClasses() { wordClasses.Store(nil) }

// markWords sets the tokens' word classes, stop flags and verb forms. It
// runs once per sentence, after the tokens are final.
func (c *Coder) markWords() {
	tab := classTable()
	for i := range c.toks {
		t := &c.toks[i]
		t.cls = tab[t.low]
		t.stop = t.cls&clBoundary != 0 || t.low == "."
		t.forms = c.d.forms[t.low]
	}
}
