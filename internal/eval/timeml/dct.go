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
	MeanConf  float64 `json:"mean_confidence"`
}

// EvaluateDCT estimates each document's date from its text alone and
// compares it with the gold DCT.
func EvaluateDCT(docs []*Doc) DCTMetrics {
	var m DCTMetrics
	var exact, w1, w7, sy int
	var conf float64
	for _, d := range docs {
		m.Docs++
		t, c, _, ok := timex.EstimateDCT(d.Text)
		if !ok {
			continue
		}
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
	}
	m.Exact, m.Within1, m.Within7 = ratio(exact, m.Docs), ratio(w1, m.Docs), ratio(w7, m.Docs)
	m.SameYear = ratio(sy, m.Docs)
	if m.Estimated > 0 {
		m.MeanConf = conf / float64(m.Estimated)
	}
	return m
}
