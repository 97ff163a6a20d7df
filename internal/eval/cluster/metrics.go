package cluster

import (
	"maps"
	"math"
	"slices"
)

// Scores are clustering scores of a prediction against gold (all in 0..1).
type Scores struct {
	B3P, B3R, B3F1    float64
	MUCP, MUCR, MUCF1 float64
	CEAFeP, CEAFeR    float64
	CEAFeF1           float64
	CoNLL             float64 // mean of MUC, B³ and CEAF-e F1
	PredClusters      int
	GoldClusters      int
}

// Score compares two labelings of the same items (gold[i] and pred[i] are
// the clusters of item i).
func Score(gold, pred []string) Scores {
	g := groups(gold)
	p := groups(pred)
	var s Scores
	s.GoldClusters, s.PredClusters = len(g), len(p)
	s.B3P, s.B3R = b3(pred, gold, p, g), b3(gold, pred, g, p)
	s.B3F1 = f1(s.B3P, s.B3R)
	s.MUCR, s.MUCP = muc(g, pred), muc(p, gold)
	s.MUCF1 = f1(s.MUCP, s.MUCR)
	s.CEAFeP, s.CEAFeR = ceafe(g, p)
	s.CEAFeF1 = f1(s.CEAFeP, s.CEAFeR)
	s.CoNLL = (s.MUCF1 + s.B3F1 + s.CEAFeF1) / 3
	return s
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// groups maps each label to the items carrying it.
func groups(lab []string) map[string][]int {
	m := map[string][]int{}
	for i, l := range lab {
		m[l] = append(m[l], i)
	}
	return m
}

// b3 is the B³ precision of a against b (recall with the roles swapped):
// the mean over items of |A(i) ∩ B(i)| / |A(i)|.
func b3(a, b []string, ga, gb map[string][]int) float64 {
	if len(a) == 0 {
		return 0
	}
	var sum float64
	for i := range a {
		ca := ga[a[i]]
		n := 0
		for _, j := range ca {
			if b[j] == b[i] {
				n++
			}
		}
		sum += float64(n) / float64(len(ca))
	}
	return sum / float64(len(a))
}

// muc is the MUC recall of key clusters k against the response labels:
// Σ(|K| - partitions of K by the response) / Σ(|K| - 1).
func muc(k map[string][]int, resp []string) float64 {
	num, den := 0, 0
	for _, c := range k {
		parts := map[string]bool{}
		for _, i := range c {
			parts[resp[i]] = true
		}
		num += len(c) - len(parts)
		den += len(c) - 1
	}
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

// ceafe is entity-based CEAF with φ4 similarity and the best one-to-one
// alignment (Hungarian algorithm).
func ceafe(g, p map[string][]int) (prec, rec float64) {
	gs, ps := values(g), values(p)
	if len(gs) == 0 || len(ps) == 0 {
		return 0, 0
	}
	n := len(gs)
	if len(ps) > n {
		n = len(ps)
	}
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
		if i >= len(gs) {
			continue
		}
		in := map[int]bool{}
		for _, x := range gs[i] {
			in[x] = true
		}
		for j := range ps {
			c := 0
			for _, x := range ps[j] {
				if in[x] {
					c++
				}
			}
			sim[i][j] = 2 * float64(c) / float64(len(gs[i])+len(ps[j]))
		}
	}
	total := maxAssignment(sim)
	return total / float64(len(ps)), total / float64(len(gs))
}

// values returns m's clusters in label order: the assignment's total is a
// float sum, and map order would change its last bits from run to run.
func values(m map[string][]int) [][]int {
	out := make([][]int, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, m[k])
	}
	return out
}

// maxAssignment returns the largest total of a one-to-one assignment in the
// square matrix w (Hungarian algorithm on costs -w).
func maxAssignment(w [][]float64) float64 {
	n := len(w)
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	p := make([]int, n+1)
	way := make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := -w[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
			if j0 == 0 {
				break
			}
		}
	}
	total := 0.0
	for j := 1; j <= n; j++ {
		if p[j] > 0 {
			total += w[p[j]-1][j-1]
		}
	}
	return total
}
