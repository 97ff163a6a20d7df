package timeml

import (
	"math"
	"testing"
)

// TestScore checks the TempEval-3 counting on a constructed document:
// gold "Thursday" [0,8), "two years" [20,29), "next week" [40,49).
func TestScore(t *testing.T) {
	text := "Thursday xxxxxxxxxx two years xxxxxxxxx next week xx"
	d := &Doc{Name: "x", Text: text, Timexes: []Timex{
		{Start: 0, End: 8, Type: "DATE", Value: "2013-03-21"},
		{Start: 20, End: 29, Type: "DURATION", Value: "P2Y"},
		{Start: 40, End: 49, Type: "DATE", Value: "2013-W13"},
	}}
	cases := []struct {
		name                                  string
		sys                                   []Span
		strictF1, relaxedF1, typeAcc, valueF1 float64
	}{
		{"perfect", []Span{{0, 8, "DATE", "2013-03-21", ""}, {20, 29, "DURATION", "P2Y", ""}, {40, 49, "DATE", "2013-W13", ""}}, 1, 1, 1, 1},
		{"nothing", nil, 0, 0, 0, 0},
		// "years" overlaps "two years" (relaxed, not strict); one spurious; one wrong value
		{"mixed", []Span{{0, 8, "DATE", "2013-03-14", ""}, {24, 29, "DURATION", "P2Y", ""}, {10, 14, "DATE", "X", ""}}, 1.0 / 3, 2.0 / 3, 1, 2.0 / 3 * 0.5},
		// a wrong type on an exact match
		{"type", []Span{{40, 49, "DURATION", "2013-W13", ""}}, 0.5, 0.5, 0, 0.5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var cnt Counts
			cnt.Add(d, c.sys, nil)
			m := cnt.Metrics()
			for _, p := range []struct {
				name      string
				got, want float64
			}{{"strict F1", m.StrictF1, c.strictF1}, {"relaxed F1", m.RelaxedF1, c.relaxedF1}, {"type accuracy", m.TypeAccuracy, c.typeAcc}, {"value F1", m.ValueF1, c.valueF1}} {
				if math.Abs(p.got-p.want) > 1e-9 {
					t.Errorf("%s = %.4f, want %.4f", p.name, p.got, p.want)
				}
			}
		})
	}
}
