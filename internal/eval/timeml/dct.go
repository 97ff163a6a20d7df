package timeml

import (
	"fmt"
	"math"
	"strings"

	"github.com/sitrep/sitrep/internal/timex"
)

// DCTMetrics measures publication-date estimation (timex.EstimateDCT) on
// documents whose gold creation time is hidden from the estimator.
type DCTMetrics struct {
	Docs      int     `json:"docs"`
	Estimated int     `json:"estimated"` // documents with an estimate (ok)
	Exact     float64 `json:"exact"`     // share of all documents estimated to the day
	Within1   float64 `json:"within_1d"` // share within ±1 day
	Within7   float64 `json:"within_7d"` // share within ±7 days
	SameYear  float64 `json:"same_year"` // share estimated in the right year
	// OffYear counts estimates a year or more away from the gold date:
	// the error sitrep must never make (it gives no date instead).
	OffYear int `json:"off_by_a_year_or_more"`
	// InRange is the share of documents whose gold date lies in the
	// estimate's range [Date, Latest] (open-ended ranges count when the
	// gold date is on or after Date).
	InRange  float64 `json:"in_range"`
	Within31 float64 `json:"within_31d"` // share within ±31 days
	Ranges   int     `json:"ranges"`     // estimates with an upper bound
	MeanConf float64 `json:"mean_confidence"`
}

// EvaluateDCT estimates each document's date from its text alone and
// compares it with the gold DCT.
func EvaluateDCT(docs []*Doc) DCTMetrics {
	var m DCTMetrics
	var exact, w1, w7, w31, sy, inr int
	var conf float64
	for _, d := range docs {
		m.Docs++
		e, ok := timex.EstimatePublication(d.Text)
		if !ok {
			continue
		}
		t, c := e.Date, e.Confidence
		m.Estimated++
		conf += c
		days := math.Abs(t.Sub(d.DCT).Hours() / 24)
		if days < 0.5 {
			exact++
		}
		if days <= 1.5 {
			w1++
		}
		if days <= 7.5 {
			w7++
		}
		if days <= 31.5 {
			w31++
		}
		if !e.Latest.IsZero() {
			m.Ranges++
		}
		if t.Year() == d.DCT.Year() {
			sy++
		}
		if days >= 365 {
			m.OffYear++
		}
		if !d.DCT.Before(t) && (e.Latest.IsZero() || !d.DCT.After(e.Latest)) {
			inr++
		}
	}
	m.Exact, m.Within1, m.Within7 = ratio(exact, m.Docs), ratio(w1, m.Docs), ratio(w7, m.Docs)
	m.SameYear, m.InRange, m.Within31 = ratio(sy, m.Docs), ratio(inr, m.Docs), ratio(w31, m.Docs)
	if m.Estimated > 0 {
		m.MeanConf = conf / float64(m.Estimated)
	}
	return m
}

// DCTErrors lists each document's true creation date beside the estimate
// and its evidence, for development on the train set.
func DCTErrors(docs []*Doc) []string {
	var out []string
	for _, d := range docs {
		e, ok := timex.EstimatePublication(d.Text)
		if !ok {
			out = append(out, fmt.Sprintf("te3 %-28s gold %s  none", d.Name, d.DCT.Format("2006-01-02")))
			continue
		}
		hi := "open"
		if !e.Latest.IsZero() {
			hi = e.Latest.Format("2006-01-02")
		}
		var ev []string
		for _, x := range e.Evidence {
			ev = append(ev, x.Text+"="+x.Value)
		}
		out = append(out, fmt.Sprintf("te3 %-28s gold %s  est %s..%s  conf %.2f  %s", d.Name, d.DCT.Format("2006-01-02"),
			e.Date.Format("2006-01-02"), hi, e.Confidence, strings.Join(ev, "; ")))
	}
	return out
}
