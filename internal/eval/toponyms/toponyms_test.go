package toponyms

import (
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/geo/geoeval"
)

func fp(x float64) *float64 { return &x }

func TestEvaluate(t *testing.T) {
	text := "Floods hit Mosul on Monday, and aid reached the valley from Baghdad."
	docs := []geoeval.Document{{ID: "1", Text: text, Toponyms: []geoeval.Toponym{
		{Phrase: "Mosul", StartByte: 11, EndByte: 16, Lat: fp(36.34), Lon: fp(43.13)},
		{Phrase: "valley", StartByte: 48, EndByte: 54},                                  // no coordinates: not in the recall base
		{Phrase: "Baghdad", StartByte: 60, EndByte: 67, Lat: fp(-33.0), Lon: fp(151.0)}, // a wrong gold point
	}}}
	r := Evaluate(analyse.New(), docs)
	if r.Gold != 2 || r.Found != 2 || r.Predicted != 2 || r.Correct != 2 {
		t.Fatalf("%+v", r)
	}
	if r.P != 1 || r.R != 1 || r.AccFound != 0.5 || r.AccAll != 0.5 {
		t.Errorf("P %v R %v acc %v/%v, want 1 1 0.5 0.5", r.P, r.R, r.AccFound, r.AccAll)
	}
}
