package store

import (
	"cmp"
	"slices"

	"github.com/sitrep/sitrep/internal/analyse"
)

// AsStored returns the analysis Annotation gives back for an article Put
// with an: the layers a store keeps, each in the order a store reads it
// (by start, in the given order where starts tie), the fields no store
// keeps (Tokens, Dating, Faults; a place's Class, Actor and Demonym)
// left zero. A stage that has an article's analysis in hand takes it in
// this form instead of reading it back, with the same result
// (storetest's Annotation case holds every store to it). Nil for nil
// (an article stored without analysis reads back with Status "none").
func AsStored(an *analyse.Annotation) *analyse.Annotation {
	if an == nil {
		return nil
	}
	out := &analyse.Annotation{Status: an.Status, Note: an.Note}
	out.Sentences = append(out.Sentences, an.Sentences...)
	out.Mentions = append(out.Mentions, an.Mentions...)
	out.Times = append(out.Times, an.Times...)
	for _, q := range an.Quotes {
		q.Parts = slices.Clone(q.Parts)
		out.Quotes = append(out.Quotes, q)
	}
	for _, p := range an.Places {
		p.Class, p.Actor, p.Demonym = "", "", false
		out.Places = append(out.Places, p)
	}
	slices.SortStableFunc(out.Mentions, func(a, b analyse.Mention) int { return cmp.Compare(a.Start, b.Start) })
	slices.SortStableFunc(out.Times, func(a, b analyse.Time) int { return cmp.Compare(a.Start, b.Start) })
	slices.SortStableFunc(out.Quotes, func(a, b analyse.Quote) int { return cmp.Compare(a.Start, b.Start) })
	slices.SortStableFunc(out.Places, func(a, b analyse.Place) int { return cmp.Compare(a.Start, b.Start) })
	return out
}
