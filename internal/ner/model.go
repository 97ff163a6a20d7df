package ner

import (
	"math"
)

// BILOU tags: 0 is O; 1+4t+pos is type t at position pos (B, I, L, U).
const nTags = 1 + 4*len(typeNames)

const (
	posB = iota
	posI
	posL
	posU
)

const negInf = float32(-1e30)

func tagType(t int) int { return (t - 1) / 4 }
func tagPos(t int) int  { return (t - 1) % 4 }

// iobName maps a BILOU tag to its IOB2 name.
func iobName(t int) string {
	if t == 0 {
		return "O"
	}
	p := "B-"
	if pos := tagPos(t); pos == posI || pos == posL {
		p = "I-"
	}
	return p + typeNames[tagType(t)]
}

// encodeBILOU converts IOB2 (or IOB1) tags to BILOU tag indices.
func encodeBILOU(tags []string, out []uint8) []uint8 {
	out = out[:0]
	for _, sp := range conllSpans(tags) {
		for len(out) < sp.Start {
			out = append(out, 0)
		}
		ty := typeIndex(sp.Type)
		if ty < 0 {
			continue
		}
		base := uint8(1 + 4*ty)
		if sp.End-sp.Start == 1 {
			out = append(out, base+posU)
			continue
		}
		out = append(out, base+posB)
		for k := sp.Start + 1; k < sp.End-1; k++ {
			out = append(out, base+posI)
		}
		out = append(out, base+posL)
	}
	for len(out) < len(tags) {
		out = append(out, 0)
	}
	return out
}

// allowed reports whether tag b may follow tag a (a == nTags: sentence start).
func allowed(a, b int) bool {
	open := a != nTags && a != 0 && (tagPos(a) == posB || tagPos(a) == posI)
	if b == 0 || tagPos(b) == posB || tagPos(b) == posU {
		return !open
	}
	return open && tagType(a) == tagType(b)
}

// allowedEnd reports whether a sentence may end with tag t.
func allowedEnd(t int) bool { return t == 0 || tagPos(t) == posL || tagPos(t) == posU }

// weights is one linear-chain layer: hashed emission weights and tag
// transitions (row nTags is the start state).
type weights struct {
	bits uint
	w    []float32 // training and freshly trained models
	// Loaded models keep only their non-zero buckets (about one in eight):
	// idx.row(b, stride) is the offset of bucket b's row, 0 for an all-zero
	// bucket (the first row is zeros); rowOf, the same as a table, is
	// only kept while the first format's reader builds them. The rows are the model's 16-bit weights,
	// either kept as they are in q (quantRows: the AVX2 kernels widen them
	// as they add, half the memory and two cache lines a joint row instead
	// of three) or widened once to float32 in rows; both give exactly the
	// weight float32(q) * scale. The two layers of a model share one table
	// (joinRows): a row is then both layers' weights of a bucket (stride
	// 2*nTags), this layer's at off.
	idx    rowIndex
	rowOf  []uint32
	q      []int16
	rows   []float32
	stride uint32
	off    uint32
	scale  float32
	trans  [nTags + 1][nTags]float32
	// vt is trans laid out for viterbiSteps (prepareViterbi), set on
	// loaded models, whose transitions do not change; nil: the Go loops.
	vt *vtrans
}

// vtrans holds a layer's transitions for the vector decoder: row p is
// trans[p][t] for the tags t that may follow p, -Inf for the others and
// for the padding lanes 17-23.
type vtrans [nTags][24]float32

// viterbiSteps, when set (the AVX2 kernel), runs viterbi's forward steps
// for tokens 1..n of em from the scores in score[0:nTags], leaving the
// last token's scores there and the back pointers in back: the same
// additions and strict comparisons, in the same order, as the Go loop.
var viterbiSteps func(em []float32, n int, back []uint8, score []float32, vt *vtrans)

// prepareViterbi sets w.vt from w.trans.
func (w *weights) prepareViterbi() {
	vt := new(vtrans)
	inf := float32(math.Inf(-1))
	for p := range vt {
		for t := range vt[p] {
			vt[p][t] = inf
			if t < nTags && allowed(p, t) {
				vt[p][t] = w.trans[p][t]
			}
		}
	}
	w.vt = vt
}

func newWeights(bits uint) *weights {
	return &weights{bits: bits, w: make([]float32, (1<<bits)*nTags)}
}

func (w *weights) featurizer() featurizer {
	if w.idx != nil {
		// a loaded model's features are bucket numbers, for idx
		return featurizer{mask: 1<<w.bits - 1, nTags: 1}
	}
	return featurizer{mask: 1<<w.bits - 1, nTags: uint32(nTags)}
}

// emissions fills em (len(s)*nTags) with the emission scores of a sentence
// whose feature offsets for token i are feats[offs[i]:offs[i+1]], from the
// dense weights of a model in training (loaded models are summed by
// docState.sparseEmissions).
func (w *weights) emissions(em []float32, feats []uint32, offs []int32) {
	for i := 0; i+1 < len(offs); i++ {
		var acc [nTags]float32
		for _, f := range feats[offs[i]:offs[i+1]] {
			row := w.w[int(f) : int(f)+nTags : int(f)+nTags]
			for t := range acc {
				acc[t] += row[t]
			}
		}
		copy(em[i*nTags:], acc[:])
	}
}

// emissionsDrop is emissions (float weights) leaving out the word-identity
// features (positions 1 to nLexical) of the tokens marked in drop.
func (w *weights) emissionsDrop(em []float32, feats []uint32, offs []int32, drop []bool) {
	for i := 0; i+1 < len(offs); i++ {
		var acc [nTags]float32
		for k, f := range feats[offs[i]:offs[i+1]] {
			if drop[i] && k >= 1 && k <= nLexical {
				continue
			}
			row := w.w[int(f) : int(f)+nTags : int(f)+nTags]
			for t := range acc {
				acc[t] += row[t]
			}
		}
		copy(em[i*nTags:], acc[:])
	}
}

// gather replaces the features of feats by their row offsets (rowOf),
// the all-zero rows left out: token i's features feats[offs[i]:offs[i+1]]
// become rows feats[offs[i]:ends[i+1]] (ends[0] is 0), and ends is
// returned. The features are bucket numbers (a loaded model's
// featurizer). It asks for each row's cache lines so that they are loaded
// by the time the kernels sum them: 16-bit rows with the assembly's
// prefetches (prefetchRowsQ, which never wait), float rows by touching
// them, returning a sum of the floats touched, which the caller keeps so
// that the loads are not left out. Each lookup is independent of the
// others, so the processor has many of them in flight at once.
func (w *weights) gather(feats []uint32, offs []int32, ends []int32) ([]int32, float32) {
	idx, stride := w.idx, w.stride
	// first the index, a load per feature and nothing else
	for j, f := range feats {
		feats[j] = idx.row(f, stride)
	}
	// then the rows, the all-zero ones left out
	var touch float32
	ends = append(ends, 0)
	if q := w.q; q != nil {
		for i := 0; i+1 < len(offs); i++ {
			o := offs[i]
			for _, r := range feats[offs[i]:offs[i+1]] {
				if r == 0 {
					continue
				}
				feats[o] = r
				o++
			}
			ends = append(ends, o)
		}
		prefetchRowsQ(&q[0], feats[:ends[len(ends)-1]])
		return ends, 0
	}
	rows := w.rows
	for i := 0; i+1 < len(offs); i++ {
		o := offs[i]
		for _, r := range feats[offs[i]:offs[i+1]] {
			if r == 0 {
				continue
			}
			// A joint row is 136 bytes: its first, middle and last
			// floats lie on every cache line it spans.
			row := rows[r : r+stride]
			touch += row[0] + row[len(row)/2] + row[len(row)-1]
			feats[o] = r
			o++
		}
		ends = append(ends, o)
	}
	return ends, touch
}

// prefetchIndex asks for the index entries of the bucket numbers feats,
// so that gather finds them loaded.
func (w *weights) prefetchIndex(feats []uint32) {
	if len(feats) > 0 {
		prefetchIndex(&w.idx[0], feats)
	}
}

// sum adds the rows at offsets rs (from gather), in order, to a.
func (w *weights) sum(a *[nTags]float32, rs []uint32) {
	if w.q != nil {
		sumRowsQ(a, w.q[w.off:], rs, w.scale)
		return
	}
	sumRowsGo(a, w.rows[w.off:], rs)
}

// sumJoint adds the joint rows at offsets rs of w1 and w2 (joinRows), in
// order: w1's to a, w2's to b.
func sumJoint(w1, w2 *weights, a, b *[nTags]float32, rs []uint32) {
	if w1.q != nil {
		sumRows2Q(a, b, w1.q, rs, w1.scale, w2.scale)
		return
	}
	sumRows2Go(a, b, w1.rows, rs)
}

// setRows builds the sparse form of a loaded layer from its 16-bit rows
// (dense holds 1<<bits rows of nTags), in q; widenRows may widen it.
func (w *weights) setRows(dense []int16, scale float32) {
	w.scale = scale
	w.rowOf = make([]uint32, 1<<w.bits)
	n := 1
	for b := range w.rowOf {
		for _, x := range dense[b*nTags : (b+1)*nTags] {
			if x != 0 {
				n++
				break
			}
		}
	}
	w.q = make([]int16, n*nTags)
	r := uint32(nTags)
	for b := range w.rowOf {
		row := dense[b*nTags : (b+1)*nTags]
		nz := false
		for _, x := range row {
			nz = nz || x != 0
		}
		if !nz {
			continue
		}
		w.rowOf[b] = r
		copy(w.q[r:], row)
		r += uint32(nTags)
	}
	w.stride = uint32(nTags)
}

// joinRows puts the sparse rows of two loaded layers with the same bucket
// count side by side, so a feature's bucket is looked up once for both and
// its two rows share cache lines: a's row of bucket b is
// q[rowOf[b]:][:nTags], b's follows it. It reports whether it could.
func joinRows(a, b *weights) bool {
	if a.rowOf == nil || b.rowOf == nil || a.q == nil || b.q == nil || a.bits != b.bits || a.stride != uint32(nTags) || b.stride != uint32(nTags) {
		return false
	}
	rowOf := make([]uint32, len(a.rowOf))
	n := 1
	for k := range rowOf {
		if a.rowOf[k] != 0 || b.rowOf[k] != 0 {
			n++
		}
	}
	const stride = uint32(2 * nTags)
	q := make([]int16, n*int(stride))
	r := uint32(stride)
	for k := range rowOf {
		ra, rb := a.rowOf[k], b.rowOf[k]
		if ra == 0 && rb == 0 {
			continue
		}
		rowOf[k] = r
		copy(q[r:r+uint32(nTags)], a.q[ra:ra+uint32(nTags)])
		copy(q[r+uint32(nTags):r+stride], b.q[rb:rb+uint32(nTags)])
		r += stride
	}
	a.rowOf, a.q, a.stride, a.off = rowOf, q, stride, 0
	b.rowOf, b.q, b.stride, b.off = rowOf, q, stride, uint32(nTags)
	return true
}

// widenRows replaces the 16-bit rows of a loaded model's layers (second
// may be nil; joint when joinRows joined them) by float32 rows, each
// weight widened as the tagger always has: float32(q) * scale.
func widenRows(first, second *weights, joint bool) {
	if joint {
		rows := make([]float32, len(first.q))
		for i, x := range first.q {
			scale := first.scale
			if uint32(i)%first.stride >= second.off {
				scale = second.scale
			}
			rows[i] = float32(x) * scale
		}
		first.rows, second.rows, first.q, second.q = rows, rows, nil, nil
		return
	}
	for _, w := range [...]*weights{first, second} {
		if w == nil || w.q == nil {
			continue
		}
		w.rows = make([]float32, len(w.q))
		for i, x := range w.q {
			w.rows[i] = float32(x) * w.scale
		}
		w.q = nil
	}
}

// floats returns the emission weights as a dense float32 table.
func (w *weights) floats() []float32 {
	if w.w != nil {
		return w.w
	}
	nb := 1 << w.bits
	out := make([]float32, nb*nTags)
	for b := 0; b < nb; b++ {
		r := w.idx.row(uint32(b), w.stride)
		if r == 0 {
			continue
		}
		dst := out[b*nTags : (b+1)*nTags]
		if w.q != nil {
			for t, x := range w.q[r+w.off : r+w.off+uint32(nTags)] {
				dst[t] = float32(x) * w.scale
			}
		} else {
			copy(dst, w.rows[r+w.off:r+w.off+uint32(nTags)])
		}
	}
	return out
}

// Tag transitions the decoder may take, precomputed from allowed: for
// every tag, its allowed predecessors in ascending order (so the best is
// found exactly as a scan over all tags with allowed would find it), and
// whether it may start or end a sentence.
var (
	predecessors [nTags][]uint8
	startsOK     [nTags]bool
	endsOK       [nTags]bool
)

func init() {
	for t := 0; t < nTags; t++ {
		for p := 0; p < nTags; p++ {
			if allowed(p, t) {
				predecessors[t] = append(predecessors[t], uint8(p))
			}
		}
		startsOK[t] = allowed(nTags, t)
		endsOK[t] = allowedEnd(t)
	}
}

// openingTag lists the tags that open or stand outside an entity (O,
// B-x, U-x): each may follow any tag that closes one (O, L-x, U-x: 0, 3,
// 4, 7, 8, 11, 12, 15, 16, the order viterbi tries them in). A tag inside
// an entity (I-x, L-x) may follow B-x or I-x only.
var openingTag = [9]uint8{0, 1, 4, 5, 8, 9, 12, 13, 16}

// viterbi writes the best tag sequence for n tokens into out. It is the
// scan over predecessors[t] written out for the two kinds of target
// (openingTag and the rest): the same additions, compared in the same
// order with the same strict >, so the same path and scores.
func (w *weights) viterbi(em []float32, n int, out []uint8, back []uint8, score []float32) {
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
	if w.vt != nil && viterbiSteps != nil {
		viterbiSteps(em, n-1, back, score, w.vt)
		w.backtrack(cur, n, out, back)
		return
	}
	tr := &w.trans
	for i := 1; i < n; i++ {
		cur, prev = prev, cur
		e := (*[nTags]float32)(em[i*nTags : (i+1)*nTags])
		bk := (*[nTags]uint8)(back[i*nTags : (i+1)*nTags])
		p0, p3, p4, p7, p8 := prev[0], prev[3], prev[4], prev[7], prev[8]
		p11, p12, p15, p16 := prev[11], prev[12], prev[15], prev[16]
		for _, t := range openingTag {
			best, arg := negInf, uint8(0)
			if v := p0 + tr[0][t]; v > best {
				best, arg = v, 0
			}
			if v := p3 + tr[3][t]; v > best {
				best, arg = v, 3
			}
			if v := p4 + tr[4][t]; v > best {
				best, arg = v, 4
			}
			if v := p7 + tr[7][t]; v > best {
				best, arg = v, 7
			}
			if v := p8 + tr[8][t]; v > best {
				best, arg = v, 8
			}
			if v := p11 + tr[11][t]; v > best {
				best, arg = v, 11
			}
			if v := p12 + tr[12][t]; v > best {
				best, arg = v, 12
			}
			if v := p15 + tr[15][t]; v > best {
				best, arg = v, 15
			}
			if v := p16 + tr[16][t]; v > best {
				best, arg = v, 16
			}
			cur[t] = best + e[t]
			bk[t] = arg
		}
		for b := 1; b < nTags; b += 4 { // B-x; I-x is b+1
			pb, pi := prev[b], prev[b+1]
			for t := b + 1; t <= b+2; t++ { // I-x, L-x
				best, arg := negInf, uint8(0)
				if v := pb + tr[b][t]; v > best {
					best, arg = v, uint8(b)
				}
				if v := pi + tr[b+1][t]; v > best {
					best, arg = v, uint8(b+1)
				}
				cur[t] = best + e[t]
				bk[t] = arg
			}
		}
	}
	w.backtrack(cur, n, out, back)
}

// backtrack writes the best path ending in the last token's scores cur.
func (w *weights) backtrack(cur *[nTags]float32, n int, out []uint8, back []uint8) {
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

// confidence is the local softmax probability, given the previous tag,
// that token i has the entity type of tag t (summed over B, I, L, U), a
// cheap, calibrated-enough score in (0, 1].
func (w *weights) confidence(em []float32, i int, prevTag, t int) float32 {
	from := prevTag
	if i == 0 {
		from = nTags
	}
	e := em[i*nTags : (i+1)*nTags]
	mx := negInf
	var v [nTags]float32
	for k := 0; k < nTags; k++ {
		if !allowed(from, k) {
			v[k] = negInf
			continue
		}
		v[k] = e[k] + w.trans[from][k]
		if v[k] > mx {
			mx = v[k]
		}
	}
	var sum, same float64
	for k := 0; k < nTags; k++ {
		if v[k] > negInf {
			p := math.Exp(float64((v[k] - mx) / confTemp))
			sum += p
			if k != 0 && tagType(k) == tagType(t) {
				same += p
			}
		}
	}
	return float32(same / sum)
}

// confTemp scales perceptron scores into a softmax (chosen on dev so that
// mentions with confidence >= 0.5 are right about as often as predicted).
const confTemp = 8
