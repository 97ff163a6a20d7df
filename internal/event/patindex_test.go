package event

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPatternIndexChoosesAsScan: for every pattern of the embedded
// dictionary, words around a verb of its block that the pattern matches
// (its own, with 0–7 other words between the verb and them, and the words
// of another pattern of the block after them) give the pattern that
// trying every pattern of the block gives. It fails when the index leaves
// out a pattern that could match: a first word left unindexed (a plural,
// a synonym, a phrase's first word) or too short a reach after the verb.
func TestPatternIndexChoosesAsScan(t *testing.T) {
	d := verbs()
	r := rand.New(rand.NewPCG(1, 2))
	c := NewCoder()
	fillers := []string{"the", "new", "a", "large", "of", "to", "and", "its", "two"}
	seen := map[*verbBlock]bool{}
	tried, matched := 0, 0
	for _, fs := range d.forms {
		for _, f := range fs {
			b := f.block
			if seen[b] {
				continue
			}
			seen[b] = true
			for i := range b.patterns {
				p := &b.patterns[i]
				for gap := 0; gap <= firstSkip+2; gap++ {
					var words []string
					for _, e := range p.before {
						words = append(words, realize(r, e)...)
					}
					at := len(words)
					words = append(words, f.words...)
					end := len(words)
					for range gap {
						words = append(words, fillers[r.IntN(len(fillers))])
					}
					for _, e := range p.after {
						words = append(words, realize(r, e)...)
					}
					o := &b.patterns[r.IntN(len(b.patterns))]
					for _, e := range o.after {
						words = append(words, realize(r, e)...)
					}
					words = append(words, ".")
					c.toks = c.toks[:0]
					for k, w := range words {
						c.toks = append(c.toks, token{start: k, end: k + 1, low: w, punct: w == ".", actor: -1, place: -1})
					}
					c.markWords()
					want := c.bestOf(b, nil, true, at, end)
					got := c.bestPattern(b, at, end)
					tried++
					if want == p {
						matched++
					}
					if got != want {
						t.Fatalf("block %s, pattern %d, %d words between: %v: the index chose %v, every pattern %v", b.name, i, gap, words, got, want)
					}
				}
			}
		}
	}
	// the test means something only if the patterns match their words
	t.Logf("%d of %d tries matched their own pattern", matched, tried)
	if tried == 0 || matched < tried/4 {
		t.Fatalf("%d of %d tries matched their own pattern", matched, tried)
	}
}

// realize returns words that element e matches, at random among its
// forms: a word or its plural, a synonym set's member, a phrase's words.
func realize(r *rand.Rand, e elem) []string {
	switch e.kind {
	case elemWord:
		if r.IntN(3) == 0 {
			return []string{e.word + "s"}
		}
		return []string{e.word}
	case elemSyn:
		var all [][]string
		for _, wss := range e.syn {
			all = append(all, wss...)
		}
		if len(all) == 0 {
			return nil
		}
		// map order is random: sorted, so that the test repeats
		slices.SortFunc(all, func(a, b []string) int { return slices.Compare(a, b) })
		return all[r.IntN(len(all))]
	default:
		var out []string
		for _, p := range e.words {
			out = append(out, realize(r, p)...)
		}
		return out
	}
}

// BenchmarkCodeIndex codes the benchmark's sentences with the pattern
// index and without (every pattern of a verb's block tried), in turn.
func BenchmarkCodeIndex(b *testing.B) {
	ss := make([]Sentence, len(benchSentences))
	for i, m := range benchSentences {
		ss[i] = sent(b, m)
	}
	for _, scan := range []bool{false, true} {
		name := "index"
		if scan {
			name = "scan"
		}
		b.Run(name, func(b *testing.B) {
			noPatternIndex = scan
			defer func() { noPatternIndex = false }()
			c := NewCoder()
			var evs []Event
			for i := 0; i < b.N; i++ {
				evs = c.Code(ss[i%len(ss)], evs[:0])
			}
		})
	}
}
