package story

import (
	"math"
	"sort"
)

// wordChoices finds words that outlets use in the same contexts (so, most
// likely, for the same referent) but not alike. Each lower-case content
// word is described by its nearest content neighbours on either side
// ("Islamic State ___ dug"); two words with similar neighbourhoods, where
// some outlet uses the first and not the second and another the reverse,
// form a word choice.
func wordChoices(docs []Doc) []WordChoice {
	type wordStat struct {
		ctx     map[string]float64
		outlets map[string]int
		n       int
		nounish int // occurrences after a determiner, or plural after a name
	}
	// A word choice is two outlets choosing differently (crossUse): one
	// outlet alone never makes one.
	if !twoOutlets(docs) {
		return nil
	}
	words := map[string]*wordStat{}
	for di := range docs {
		d := &docs[di]
		o := outletOf(d)
		ts := tokenize(d.Title + "\n" + d.Text)
		var cont []int
		for i, t := range ts {
			if t.content() {
				cont = append(cont, i)
			}
		}
		for ci, i := range cont {
			t := ts[i]
			if t.capital || len(t.norm) < 4 {
				continue
			}
			w := words[t.norm]
			if w == nil {
				w = &wordStat{ctx: map[string]float64{}, outlets: map[string]int{}}
				words[t.norm] = w
			}
			w.n++
			w.outlets[o]++
			if i > 0 {
				p := ts[i-1]
				if determiners[p.lower] || (p.capital && t.norm != t.lower) {
					w.nounish++
				}
			}
			if ci > 0 && i-cont[ci-1] <= 2 {
				w.ctx["L:"+ts[cont[ci-1]].norm]++
			}
			if ci+1 < len(cont) && cont[ci+1]-i <= 2 {
				w.ctx["R:"+ts[cont[ci+1]].norm]++
			}
		}
	}
	index := map[string][]string{}
	var vocab []string
	for s, w := range words {
		if w.n >= 2 && len(w.ctx) > 0 && 3*w.nounish >= w.n {
			vocab = append(vocab, s)
		}
	}
	sort.Strings(vocab)
	for _, s := range vocab {
		for f := range words[s].ctx {
			index[f] = append(index[f], s)
		}
	}
	norm := func(m map[string]float64) float64 {
		var x float64
		for _, v := range m {
			x += v * v
		}
		return math.Sqrt(x)
	}
	type pair struct {
		a, b   string
		sim    float64
		shared []string
	}
	var pairs []pair
	for _, a := range vocab {
		wa := words[a]
		cands := map[string]bool{}
		for f := range wa.ctx {
			if len(index[f]) > 50 {
				continue
			}
			for _, b := range index[f] {
				if b > a {
					cands[b] = true
				}
			}
		}
		for b := range cands {
			wb := words[b]
			var dotp float64
			var shared []string
			for f, v := range wa.ctx {
				if u, ok := wb.ctx[f]; ok {
					dotp += v * u
					shared = append(shared, f)
				}
			}
			if len(shared) < 2 {
				continue
			}
			sim := dotp / (norm(wa.ctx) * norm(wb.ctx))
			if sim < 0.4 || !crossUse(wa.outlets, wb.outlets) {
				continue
			}
			sort.Strings(shared)
			pairs = append(pairs, pair{a, b, sim, shared})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].sim != pairs[j].sim {
			return pairs[i].sim > pairs[j].sim
		}
		return pairs[i].a+" "+pairs[i].b < pairs[j].a+" "+pairs[j].b
	})
	if len(pairs) > 12 {
		pairs = pairs[:12]
	}
	var out []WordChoice
	for _, p := range pairs {
		wc := WordChoice{Words: map[string][]string{}}
		for _, f := range p.shared {
			if len(wc.Context) < 3 {
				wc.Context = append(wc.Context, f[2:])
			}
		}
		for _, w := range []string{p.a, p.b} {
			for o := range words[w].outlets {
				wc.Words[o] = append(wc.Words[o], w)
			}
		}
		out = append(out, wc)
	}
	return out
}

// determiners announce a noun phrase: a label word right after one is
// likely a noun ("the militants", "these terrorists").
var determiners = map[string]bool{"the": true, "a": true, "an": true, "these": true, "those": true, "this": true,
	"that": true, "their": true, "its": true, "his": true, "her": true, "our": true, "some": true, "many": true,
	"several": true, "other": true, "more": true, "two": true, "three": true, "dozens": true, "hundreds": true}

// crossUse: some outlet uses a but not b, some outlet b but not a, and at
// most a third of the outlets using either use both (outlets that use both
// words freely are not choosing between them).
func crossUse(a, b map[string]int) bool {
	ab, ba, both := false, false, 0
	for o := range a {
		if b[o] == 0 {
			ab = true
		} else {
			both++
		}
	}
	for o := range b {
		if a[o] == 0 {
			ba = true
		}
	}
	union := len(a) + len(b) - both
	return ab && ba && 3*both <= union
}

// twoOutlets reports whether docs come from at least two outlets.
func twoOutlets(docs []Doc) bool {
	for i := 1; i < len(docs); i++ {
		if outletOf(&docs[i]) != outletOf(&docs[0]) {
			return true
		}
	}
	return false
}
