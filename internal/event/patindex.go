package event

import (
	"slices"
	"strings"
)

// A verb block holds up to a couple of hundred patterns, and bestPattern
// tried every one of them at every coded verb: most of the coder's time.
// A pattern with words after the verb matches only when its first
// element begins at one of the firstSkip+1 tokens after the verb
// (matchAfter), so the block's patterns are indexed by the tokens their
// first element can begin with, and only those the words after a verb
// can begin are tried — in the block's order, so the pattern chosen is
// the one trying all of them would choose.

// firstSkip is how many tokens the first element of a pattern's words
// after the verb may skip (a determiner and adjectives): matchAfter.
const firstSkip = 5

// patternIndex is one verb block's patterns by their first word after
// the verb.
type patternIndex struct {
	always  []int32            // patterns tried at every verb: none after the verb
	byFirst map[string][]int32 // by a token their first element after the verb can begin with
}

// noPatternIndex makes bestPattern try every pattern (tests: the results
// are the same).
var noPatternIndex bool

func indexOf(b *verbBlock) *patternIndex {
	// held by the block: blocks never change once parsed
	if x := b.index.Load(); x != nil {
		return x
	}
	x := &patternIndex{byFirst: map[string][]int32{}}
	for i := range b.patterns {
		p := &b.patterns[i]
		if len(p.after) == 0 || !firstWords(p.after[0], func(w string) {
			l := x.byFirst[w]
			if len(l) == 0 || l[len(l)-1] != int32(i) {
				x.byFirst[w] = append(l, int32(i))
			}
		}) {
			x.always = append(x.always, int32(i))
		}
	}
	b.index.CompareAndSwap(nil, x)
	return b.index.Load()
}

// firstWords calls add with every token element e can begin with (as
// matchElem matches it), and reports false when it cannot tell.
func firstWords(e elem, add func(string)) bool {
	switch e.kind {
	case elemWord:
		// wordMatch: the word, its plural, its singular
		add(e.word)
		add(e.word + "s")
		if w, ok := strings.CutSuffix(e.word, "s"); ok && w != "" {
			add(w)
		}
		return true
	case elemSyn:
		for k := range e.syn {
			add(k)
		}
		return true
	case elemPhrase, elemPrep:
		// the first part at the element's first token (a prepositional
		// phrase skips words only after its first part)
		return len(e.words) > 0 && firstWords(e.words[0], add)
	}
	return false
}

// candidatePatterns returns, in block order, the patterns of b whose
// words after the verb can begin within reach of token end (the first
// after the verb), and those without words after it.
func (c *Coder) candidatePatterns(b *verbBlock, end int) []int32 {
	x := indexOf(b)
	out := append(c.pats[:0], x.always...)
	for k := max(end, 0); k < len(c.toks) && k <= end+firstSkip; k++ {
		out = append(out, x.byFirst[c.toks[k].low]...)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	c.pats = out
	return out
}
