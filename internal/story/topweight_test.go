package story

import (
	"math/rand"
	"slices"
	"testing"
)

// topByWeight selecting a few gives what sorting the whole vector gives,
// ties in weight (broken by key) and repeated entries included.
func TestTopByWeightSelectsAsSort(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 2000; trial++ {
		v := make([]tw, rng.Intn(40))
		for i := range v {
			// few distinct weights and keys: many ties, some repeats
			v[i] = tw{K: uint64(rng.Intn(30)), W: float32(rng.Intn(6)) / 2}
		}
		for n := 0; n <= fewTop+2; n++ {
			want := append([]tw(nil), v...)
			slices.SortFunc(want, byWeight)
			if len(want) > n {
				want = want[:n]
			}
			in := slices.Clone(v)
			got := topByWeight(in, n)
			if !slices.Equal(got, want) {
				t.Fatalf("topByWeight(%v, %d) = %v, want %v", v, n, got, want)
			}
			if !slices.Equal(in, v) {
				t.Fatalf("topByWeight changed its input")
			}
		}
	}
}
