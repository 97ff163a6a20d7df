// Package toponyms scores sitrep's whole place pipeline — recognition by
// the analysis stage (named entities, the vessel rule, the gazetteer) and
// then resolution — against the gold toponyms of the geoparsing corpora,
// as articles go through it. Resolution alone, on gold spans, is scored by
// package geoeval; this is the end-to-end figure the literature reports
// beside it.
package toponyms

import (
	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/geo/geoeval"
)

// Result is the end-to-end score of one split.
type Result struct {
	Set   string `json:"set"`
	Split string `json:"split"`
	Docs  int    `json:"docs"`
	// Recognition: a predicted place is right when its span overlaps a
	// gold toponym's; a gold toponym with coordinates is found when a
	// predicted place overlaps it.
	Predicted int `json:"predicted"`
	Correct   int `json:"correct"`
	// CorrectExact: predicted places whose span equals a gold toponym's
	// exactly; PExact is their share of the predicted ones.
	CorrectExact int     `json:"correct_exact"`
	PExact       float64 `json:"precision_exact"`
	Gold         int     `json:"gold"` // gold toponyms with coordinates
	Found        int     `json:"found"`
	P            float64 `json:"precision"`
	R            float64 `json:"recall"`
	F1           float64 `json:"f1"`
	// Resolution of the found ones: share within 161 km, and the same over
	// all gold toponyms with coordinates (a toponym not found is a miss).
	AccFound float64 `json:"acc161_found"`
	AccAll   float64 `json:"acc161_all"`
}

// Miss is a gold toponym the pipeline did not find (Found false) or placed
// more than 161 km off.
type Miss struct {
	DocID, Phrase string
	Found         bool
	Got           string // the place found, "" if none
	ErrKm         float64
}

// Evaluate runs the annotator over the documents and scores the places it
// reports.
func Evaluate(an *analyse.Annotator, docs []geoeval.Document) Result {
	r, _ := EvaluateMisses(an, docs)
	return r
}

// EvaluateMisses is Evaluate that also lists the gold toponyms missed.
func EvaluateMisses(an *analyse.Annotator, docs []geoeval.Document) (Result, []Miss) {
	var r Result
	var misses []Miss
	var within int
	for _, d := range docs {
		r.Docs++
		a := an.Annotate(analyse.Input{Text: d.Text})
		var gold []geoeval.Toponym
		for _, t := range d.Toponyms {
			// the same aligned spans as resolution is scored on
			if t.OffsetStatus != "unaligned" && t.StartByte >= 0 && t.EndByte <= len(d.Text) && t.StartByte < t.EndByte {
				gold = append(gold, t)
			}
		}
		for _, p := range a.Places {
			if p.Focus {
				continue // not recognised as a place name of its own
			}
			r.Predicted++
			for _, t := range gold {
				if overlaps(p.Start, p.End, t.StartByte, t.EndByte) {
					r.Correct++
					break
				}
			}
			for _, t := range gold {
				if p.Start == t.StartByte && p.End == t.EndByte {
					r.CorrectExact++
					break
				}
			}
		}
		for _, t := range gold {
			if t.Lat == nil || t.Lon == nil {
				continue
			}
			r.Gold++
			found := false
			for _, p := range a.Places {
				if p.Focus || !overlaps(p.Start, p.End, t.StartByte, t.EndByte) {
					continue
				}
				r.Found++
				found = true
				// a river or lake is scored from its extent, as in geoeval
				if e := geo.DistanceToStoredKm(*t.Lat, *t.Lon, p.Name, p.Feature, p.Country, p.Lat, p.Lon); e <= 161 {
					within++
				} else {
					misses = append(misses, Miss{DocID: d.ID, Phrase: t.Phrase, Found: true, Got: p.Name + " (" + p.Feature + " " + p.Country + ")", ErrKm: e})
				}
				break
			}
			if !found {
				misses = append(misses, Miss{DocID: d.ID, Phrase: t.Phrase})
			}
		}
	}
	r.P, r.R = ratio(r.Correct, r.Predicted), ratio(r.Found, r.Gold)
	r.PExact = ratio(r.CorrectExact, r.Predicted)
	if r.P+r.R > 0 {
		r.F1 = 2 * r.P * r.R / (r.P + r.R)
	}
	r.AccFound, r.AccAll = ratio(within, r.Found), ratio(within, r.Gold)
	return r, misses
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
