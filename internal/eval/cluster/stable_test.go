package cluster

import (
	"fmt"
	"testing"
)

// TestScoreSameBitsEveryRun: the clusters are maps, and a float total
// summed in map order differs in its last bits from run to run, so an
// eval printed as JSON would not be byte-stable.
func TestScoreSameBitsEveryRun(t *testing.T) {
	var gold, pred []string
	for i := 0; i < 400; i++ {
		gold = append(gold, fmt.Sprint("g", i%37))
		pred = append(pred, fmt.Sprint("p", (i*7)%53, "-", i%3))
	}
	first := Score(gold, pred)
	for run := 0; run < 30; run++ {
		if got := Score(gold, pred); got != first {
			t.Fatalf("run %d scored %+v, the first %+v", run, got, first)
		}
	}
}
