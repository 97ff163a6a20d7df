package ner

import (
	"math/rand"
	"testing"
)

// viterbiScan is the decoder as it was before viterbi was written out
// by kind of tag: the reference TestViterbiSameAsScan compares with.
func (w *weights) viterbiScan(em []float32, n int, out []uint8, back []uint8, score []float32) {
	if n == 0 {
		return
	}
	cur := (*[nTags]float32)(score[:nTags])
	prev := (*[nTags]float32)(score[nTags : 2*nTags])
	for t := 0; t < nTags; t++ {
		if startsOK[t] {
			cur[t] = em[t] + w.trans[nTags][t]
		} else {
			cur[t] = negInf
		}
	}
	for i := 1; i < n; i++ {
		cur, prev = prev, cur
		e := (*[nTags]float32)(em[i*nTags : (i+1)*nTags])
		bk := (*[nTags]uint8)(back[i*nTags : (i+1)*nTags])
		for t := 0; t < nTags; t++ {
			best, arg := negInf, uint8(0)
			for _, p := range predecessors[t] {
				if v := prev[p] + w.trans[p][t]; v > best {
					best, arg = v, p
				}
			}
			cur[t] = best + e[t]
			bk[t] = arg
		}
	}
	best, arg := negInf, 0
	for t := 0; t < nTags; t++ {
		if endsOK[t] && cur[t] > best {
			best, arg = cur[t], t
		}
	}
	out[n-1] = uint8(arg)
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*nTags+int(out[i])]
	}
}

// TestViterbiSameAsScan checks the written-out decoder against the scan
// over precomputed predecessors: same tags and same back pointers on
// random scores, on the shipped model's transitions and on random ones,
// with ties and forbidden starts (negInf) among them.
func TestViterbiSameAsScan(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	m := Default()
	layers := []*weights{m.first, m.second, {}}
	for p := range layers[2].trans {
		for q := range layers[2].trans[p] {
			layers[2].trans[p][q] = float32(rng.Intn(7) - 3) // small integers: many ties
		}
	}
	layers[2].prepareViterbi()
	if viterbiSteps == nil {
		t.Log("no vector decoder on this machine: the Go loops only")
	}
	for li, w := range layers {
		if w.vt == nil {
			t.Fatalf("layer %d not prepared for the vector decoder", li)
		}
		goLoops := *w
		goLoops.vt = nil
		for round := 0; round < 300; round++ {
			n := 1 + rng.Intn(40)
			em := make([]float32, n*nTags)
			ties := round%2 == 0 // small integers: paths of equal score
			for i := range em {
				if ties {
					em[i] = float32(rng.Intn(3))
				} else {
					em[i] = float32(rng.NormFloat64() * 10)
				}
			}
			if round%5 == 0 { // forbidden starts and dead ends: negInf scores
				for k := 0; k < 3; k++ {
					em[rng.Intn(len(em))] = negInf
				}
			}
			outB, backB := make([]uint8, n), make([]uint8, n*nTags)
			w.viterbiScan(em, n, outB, backB, make([]float32, 2*nTags))
			for _, d := range []struct {
				name string
				w    *weights
			}{{"vector", w}, {"Go", &goLoops}} {
				outA, backA := make([]uint8, n), make([]uint8, n*nTags)
				d.w.viterbi(em, n, outA, backA, make([]float32, 2*nTags))
				for i := range outA {
					if outA[i] != outB[i] {
						t.Fatalf("%s layer %d round %d token %d: tag %d, scan %d", d.name, li, round, i, outA[i], outB[i])
					}
				}
				for i := nTags; i < len(backA); i++ {
					if backA[i] != backB[i] {
						t.Fatalf("%s layer %d round %d: back pointer %d: %d, scan %d", d.name, li, round, i, backA[i], backB[i])
					}
				}
			}
		}
	}
}

// BenchmarkViterbi decodes 40-token sentences of random scores with the
// shipped model's second layer: the vector kernel (where there is one)
// and the Go loops side by side, in ns per token.
func BenchmarkViterbi(b *testing.B) {
	rng := rand.New(rand.NewSource(2))
	w := Default().second
	goLoops := *w
	goLoops.vt = nil
	const n = 40
	em := make([]float32, n*nTags)
	for i := range em {
		em[i] = float32(rng.NormFloat64() * 10)
	}
	out, back, score := make([]uint8, n), make([]uint8, n*nTags), make([]float32, 2*nTags)
	for _, c := range []struct {
		name string
		w    *weights
	}{{"vector", w}, {"go", &goLoops}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c.w.viterbi(em, n, out, back, score)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/token")
		})
	}
}
