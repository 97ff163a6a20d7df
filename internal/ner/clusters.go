package ner

import (
	"math"
	"sort"
)

// Word clusters: a binary tree over the vocabulary of unlabelled text, like
// Brown clusters but cheaper to build. Each word is described by the PPMI of
// its left and right neighbours (among the 3,000 most frequent words), a
// sparse unit vector; the vocabulary is then split recursively by the
// principal direction of each node, refined by spherical two-means. A word's
// cluster is its path in the tree (bit 31 = first split); path prefixes are
// features, so rare words share weights with frequent words used alike.

// ClusterOptions sets the size of the cluster tree.
type ClusterOptions struct {
	MinCount int // words seen fewer times get no cluster
	Contexts int // number of frequent words used as contexts
	Depth    int // tree depth (<= 30)
}

// LearnClusters builds word clusters from tokenized sentences. Words are
// lower-cased and digits mapped to 0 (as in the lookup). Deterministic.
func LearnClusters(sents [][]string, o ClusterOptions) map[string]uint32 {
	if o.MinCount == 0 {
		o = ClusterOptions{MinCount: 3, Contexts: 3000, Depth: 16}
	}
	// vocabulary
	ids := map[string]int32{}
	var words []string
	var counts []int
	seqs := make([][]int32, len(sents))
	for k, s := range sents {
		seq := make([]int32, len(s))
		for i, t := range s {
			w := lowerNorm(normalize(t))
			id, ok := ids[w]
			if !ok {
				id = int32(len(words))
				ids[w] = id
				words = append(words, w)
				counts = append(counts, 0)
			}
			counts[id]++
			seq[i] = id
		}
		seqs[k] = seq
	}
	byFreq := make([]int32, len(words))
	for i := range byFreq {
		byFreq[i] = int32(i)
	}
	sort.SliceStable(byFreq, func(a, b int) bool {
		if counts[byFreq[a]] != counts[byFreq[b]] {
			return counts[byFreq[a]] > counts[byFreq[b]]
		}
		return words[byFreq[a]] < words[byFreq[b]]
	})
	ctxOf := make([]int32, len(words)) // context index or -1
	for i := range ctxOf {
		ctxOf[i] = -1
	}
	nctx := min(o.Contexts, len(words))
	for r := 0; r < nctx; r++ {
		ctxOf[byFreq[r]] = int32(r)
	}
	// co-occurrence pairs: word<<32 | side*(nctx+2) + ctx
	var pairs []uint64
	other := int32(nctx) // "rare word" context; nctx+1 = sentence boundary
	for _, seq := range seqs {
		for i, id := range seq {
			if counts[id] < o.MinCount {
				continue
			}
			l, r := int32(nctx+1), int32(nctx+1)
			if i > 0 {
				if l = ctxOf[seq[i-1]]; l < 0 {
					l = other
				}
			}
			if i+1 < len(seq) {
				if r = ctxOf[seq[i+1]]; r < 0 {
					r = other
				}
			}
			pairs = append(pairs, uint64(id)<<32|uint64(l), uint64(id)<<32|uint64(int32(nctx+2)+r))
		}
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a] < pairs[b] })
	nc := 2 * (nctx + 2)
	ctxCount := make([]float64, nc)
	for _, p := range pairs {
		ctxCount[p&0xffffffff]++
	}
	// context distribution smoothed with exponent 0.75 (Levy et al. 2015)
	ctxSmooth := make([]float64, nc)
	var ctxTotal float64
	for c, n := range ctxCount {
		ctxSmooth[c] = math.Pow(n, 0.75)
		ctxTotal += ctxSmooth[c]
	}
	// sparse, unit-length PPMI rows
	var vocab []int32
	var rows []sparseVec
	for i := 0; i < len(pairs); {
		w := int32(pairs[i] >> 32)
		wc := 0.0
		j := i
		for j < len(pairs) && int32(pairs[j]>>32) == w {
			wc++
			j++
		}
		var v sparseVec
		for k := i; k < j; {
			c := pairs[k] & 0xffffffff
			q := k
			for q < j && pairs[q]&0xffffffff == c {
				q++
			}
			n := float64(q - k)
			if pmi := math.Log(n * ctxTotal / (wc * ctxSmooth[c])); pmi > 0 {
				v.idx = append(v.idx, uint32(c))
				v.val = append(v.val, float32(pmi))
			}
			k = q
		}
		v.normalize()
		vocab = append(vocab, w)
		rows = append(rows, v)
		i = j
	}
	paths := make([]uint32, len(vocab))
	idx := make([]int, len(vocab))
	for i := range idx {
		idx[i] = i
	}
	bisect(rows, nc, idx, paths, 0, o.Depth)
	out := make(map[string]uint32, len(vocab))
	for i, w := range vocab {
		out[words[w]] = paths[i] | 1 // never zero
	}
	return out
}

func lowerNorm(s string) string {
	b := []rune(s)
	for i, r := range b {
		switch {
		case r >= 'A' && r <= 'Z':
			b[i] = r + 32
		case r >= '0' && r <= '9':
			b[i] = '0'
		case r >= 0x80:
			b[i] = toLowerDigit(r)
		}
	}
	return string(b)
}

type sparseVec struct {
	idx []uint32
	val []float32
}

func (v *sparseVec) normalize() {
	var s float64
	for _, x := range v.val {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v.val {
		v.val[i] *= inv
	}
}

func (v *sparseVec) dot(d []float64) float64 {
	var s float64
	for k, i := range v.idx {
		s += float64(v.val[k]) * d[i]
	}
	return s
}

func (v *sparseVec) addTo(d []float64, scale float64) {
	for k, i := range v.idx {
		d[i] += scale * float64(v.val[k])
	}
}

// bisect splits the items idx at tree depth d and recurses: the split is the
// sign of the projection on the principal direction (power iteration from a
// fixed start), refined by a few rounds of spherical two-means.
func bisect(rows []sparseVec, dims int, idx []int, paths []uint32, d, depth int) {
	if d >= depth || len(idx) < 2 {
		return
	}
	mean := make([]float64, dims)
	for _, i := range idx {
		rows[i].addTo(mean, 1/float64(len(idx)))
	}
	dir := make([]float64, dims)
	for k := range dir {
		dir[k] = float64(1 + k%7)
	}
	tmp := make([]float64, dims)
	for it := 0; it < 10; it++ {
		clear(tmp)
		md := dot(mean, dir)
		var sp float64
		for _, i := range idx {
			p := rows[i].dot(dir) - md
			rows[i].addTo(tmp, p)
			sp += p
		}
		// subtract mean * sum(p)
		for k := range tmp {
			tmp[k] -= mean[k] * sp
		}
		n := math.Sqrt(dot(tmp, tmp))
		if n == 0 {
			break
		}
		for k := range dir {
			dir[k] = tmp[k] / n
		}
	}
	md := dot(mean, dir)
	side := make([]bool, len(idx))
	for j, i := range idx {
		side[j] = rows[i].dot(dir)-md > 0
	}
	c0, c1 := make([]float64, dims), make([]float64, dims)
	for it := 0; it < 4; it++ {
		clear(c0)
		clear(c1)
		n0, n1 := 0, 0
		for j, i := range idx {
			if side[j] {
				rows[i].addTo(c1, 1)
				n1++
			} else {
				rows[i].addTo(c0, 1)
				n0++
			}
		}
		if n0 == 0 || n1 == 0 {
			break
		}
		l0, l1 := math.Sqrt(dot(c0, c0)), math.Sqrt(dot(c1, c1))
		for j, i := range idx {
			side[j] = rows[i].dot(c1)/l1 > rows[i].dot(c0)/l0
		}
	}
	var left, right []int
	for j, i := range idx {
		if side[j] {
			right = append(right, i)
			paths[i] |= 1 << (31 - d)
		} else {
			left = append(left, i)
		}
	}
	if len(left) == 0 || len(right) == 0 {
		return
	}
	bisect(rows, dims, left, paths, d+1, depth)
	bisect(rows, dims, right, paths, d+1, depth)
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
