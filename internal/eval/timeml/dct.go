package timeml

import (
	"math"

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
	MeanConf float64 `json:"mean_confidence"`
}

// EvaluateDCT estimates each document's date from its text alone and
// compares it with the gold DCT.
func EvaluateDCT(docs []*Doc) DCTMetrics {
	var m DCTMetrics
	var exact, w1, w7, sy, inr int
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
	m.SameYear, m.InRange = ratio(sy, m.Docs), ratio(inr, m.Docs)
	if m.Estimated > 0 {
		m.MeanConf = conf / float64(m.Estimated)
	}
	return m
}
