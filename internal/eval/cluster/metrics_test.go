package cluster

import (
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	cases := []struct {
		name       string
		gold, pred string // one label per item
		b3p, b3r   float64
		mucp, mucr float64
		ceafe      float64 // F1
	}{
		{"identical", "aabbc", "xxyyz", 1, 1, 1, 1, 1},
		// CEAF-e: φ4 = 0.5 for {0,1,2}~{i}, 1 for {3}~{3}: P 1.5/4, R 1.5/2, F1 0.5
		{"all singletons", "aaab", "wxyz", 1, 0.5, 0, 0, 0.5},
		// Bagga & Baldwin: gold {1,2,3},{4}; one cluster of all four
		{"one cluster", "aaab", "xxxx", (3*0.75 + 0.25) / 4, 1, 2.0 / 3.0, 1, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Score(strings.Split(c.gold, ""), strings.Split(c.pred, ""))
			if !near(s.B3P, c.b3p) || !near(s.B3R, c.b3r) {
				t.Errorf("B3 P/R = %v/%v, want %v/%v", s.B3P, s.B3R, c.b3p, c.b3r)
			}
			if !near(s.MUCP, c.mucp) || !near(s.MUCR, c.mucr) {
				t.Errorf("MUC P/R = %v/%v, want %v/%v", s.MUCP, s.MUCR, c.mucp, c.mucr)
			}
			if c.name != "one cluster" && !near(s.CEAFeF1, c.ceafe) {
				t.Errorf("CEAF-e F1 = %v, want %v", s.CEAFeF1, c.ceafe)
			}
			if !near(s.CoNLL, (s.MUCF1+s.B3F1+s.CEAFeF1)/3) {
				t.Errorf("CoNLL %v is not the mean", s.CoNLL)
			}
		})
	}
}

func TestCEAFeOneCluster(t *testing.T) {
	// gold {0,1,2},{3}; response {0,1,2,3}: best alignment φ4 = 2*3/(3+4) = 6/7
	s := Score([]string{"a", "a", "a", "b"}, []string{"x", "x", "x", "x"})
	if !near(s.CEAFeP, 6.0/7.0) || !near(s.CEAFeR, 3.0/7.0) {
		t.Errorf("CEAF-e P/R = %v/%v, want %v/%v", s.CEAFeP, s.CEAFeR, 6.0/7.0, 3.0/7.0)
	}
}

func TestMaxAssignment(t *testing.T) {
	w := [][]float64{{1, 2, 3}, {2, 4, 6}, {3, 6, 9}}
	// best one-to-one: 3+4+3 = 10 or 1+4+9 = 14
	if got := maxAssignment(w); !near(got, 14) {
		t.Errorf("got %v, want 14", got)
	}
}

func TestDetokenize(t *testing.T) {
	cases := map[string]string{
		"Tara Reid , 33 , entered rehab .": "Tara Reid, 33, entered rehab.",
		"Reid 's representative":           "Reid's representative",
		"`` American Pie ''":               "\"American Pie\"",
	}
	for in, want := range cases {
		if got := detokenize(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
