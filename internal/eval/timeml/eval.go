package timeml

import (
	"github.com/sitrep/sitrep/internal/timex"
)

// Evaluate runs the timex recogniser on each document's text with its DCT
// and scores it. When mism is non-nil the errors are appended to it.
func Evaluate(docs []*Doc, mism *[]Mismatch) Metrics {
	var c Counts
	for _, d := range docs {
		xs := timex.Find(d.Text, d.DCT)
		sys := make([]Span, len(xs))
		for i, x := range xs {
			sys[i] = Span{Start: x.Start, End: x.End, Type: x.Type, Value: x.Value, Rule: x.Rule}
		}
		c.Add(d, sys, mism)
	}
	m := c.Metrics()
	m.Docs = len(docs)
	return m
}
