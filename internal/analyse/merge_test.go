package analyse

import (
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/internal/fault"
)

// TestMergeFirstPartSameAsCopy checks that merging the first part at
// offset 0 (its slices taken over) gives what the copying merge (mergeRef)
// gives, nil
// and empty slices included, and that later parts still append.
func TestMergeFirstPartSameAsCopy(t *testing.T) {
	parts := []Annotation{
		{},
		{Tokens: 3, Sentences: []Span{{0, 5}}},
		{Sentences: []Span{}, Mentions: []Mention{}},
		{Sentences: []Span{{0, 9}, {10, 20}}, Tokens: 7,
			Mentions: []Mention{{Span: Span{1, 4}, Type: "PER", Sentence: 1}},
			Times:    []Time{{Span: Span{2, 3}, Sentence: 0}},
			Quotes:   []Quote{{Span: Span{0, 9}, Cue: Span{-1, -1}}, {Span: Span{10, 20}, Parts: []Span{{10, 12}}}},
			Places:   []Place{{Span: Span{5, 8}, Sentence: 1}},
			Faults:   []fault.Fault{{Stage: "analysis/x"}}},
	}
	for i := range parts {
		for _, second := range []bool{false, true} {
			var want, got Annotation
			want.Faults = []fault.Fault{{Stage: "analysis/dating"}}
			got.Faults = []fault.Fault{{Stage: "analysis/dating"}}
			w := parts[i]
			mergeRef(&want, &w, 0)
			g := parts[i]
			g.Quotes = append([]Quote(nil), g.Quotes...)
			got.merge(&g, 0)
			if second {
				w2, g2 := parts[3], parts[3]
				w2.Quotes = append([]Quote(nil), w2.Quotes...)
				g2.Quotes = append([]Quote(nil), g2.Quotes...)
				mergeRef(&want, &w2, 100)
				got.merge(&g2, 100)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("part %d (second %v):\ngot  %+v\nwant %+v", i, second, got, want)
			}
		}
	}
}

// mergeRef is merge as it was before take: every part copied.
func mergeRef(an, p *Annotation, off int) {
	ns := len(an.Sentences)
	sh := func(sp Span) Span {
		if sp.Start < 0 {
			return sp
		}
		return Span{sp.Start + off, sp.End + off}
	}
	for _, x := range p.Sentences {
		an.Sentences = append(an.Sentences, sh(x))
	}
	an.Tokens += p.Tokens
	for _, m := range p.Mentions {
		m.Span, m.Sentence = sh(m.Span), m.Sentence+ns
		an.Mentions = append(an.Mentions, m)
	}
	for _, t := range p.Times {
		t.Span, t.Sentence = sh(t.Span), t.Sentence+ns
		an.Times = append(an.Times, t)
	}
	for _, q := range p.Quotes {
		q.Span, q.Cue, q.Source, q.Speaker, q.Sentence = sh(q.Span), sh(q.Cue), sh(q.Source), sh(q.Speaker), q.Sentence+ns
		parts := make([]Span, len(q.Parts))
		for i, x := range q.Parts {
			parts[i] = sh(x)
		}
		q.Parts = parts
		an.Quotes = append(an.Quotes, q)
	}
	for _, pl := range p.Places {
		pl.Span, pl.Sentence = sh(pl.Span), pl.Sentence+ns
		an.Places = append(an.Places, pl)
	}
	an.Faults = append(an.Faults, p.Faults...)
}
