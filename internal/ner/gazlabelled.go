package ner

import "github.com/sitrep/sitrep/internal/eval/conll"

// labelledGazetteer adds the names of labelled training documents to a
// gazetteer without letting a training document see its own names: while
// featurizing document d a name only fires for a type if some other
// training document holds it with that type (leave-one-document-out), which
// is how names of unseen text behave at run time. The shipped gazetteer
// holds every name.
type labelledGazetteer struct {
	base   gazetteer           // the gazetteer without the labelled names
	counts map[uint64][4]int32 // documents holding the name, per type
}

// docNames returns the gazetteer keys of d's gold mentions with their types.
func docNames(d conll.Document) map[uint64]uint8 {
	own := map[uint64]uint8{}
	for _, s := range d.Sentences {
		for _, sp := range conll.Spans(s.Tags) {
			t := typeIndex(sp.Type)
			if t < 0 {
				continue
			}
			if h, ok := nameHash(s.Tokens[sp.Start:sp.End]); ok {
				own[h] |= 1 << t
			}
		}
	}
	return own
}

// newLabelledGazetteer counts the names of docs and adds them to g, which
// it first copies as the base.
func newLabelledGazetteer(g gazetteer, docs []conll.Document) *labelledGazetteer {
	lg := &labelledGazetteer{base: make(gazetteer, len(g)), counts: map[uint64][4]int32{}}
	for k, v := range g {
		lg.base[k] = v
	}
	for _, d := range docs {
		for h, types := range docNames(d) {
			c := lg.counts[h]
			for t := 0; t < 4; t++ {
				if types&(1<<t) != 0 {
					c[t]++
					g[h] |= 1 << t
				}
			}
			lg.counts[h] = c
		}
	}
	return lg
}

// overlay returns the entries that replace the full gazetteer's for d, a
// training document (or a case-changed copy of one).
func (lg *labelledGazetteer) overlay(d conll.Document) map[uint64]uint8 {
	own := docNames(d)
	for h, types := range own {
		v := lg.base[h]
		c := lg.counts[h]
		for t := 0; t < 4; t++ {
			n := c[t]
			if types&(1<<t) != 0 {
				n--
			}
			if n > 0 {
				v |= 1 << t
			}
		}
		own[h] = v
	}
	return own
}
