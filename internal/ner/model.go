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
	bits  uint
	w     []float32 // training and freshly trained models
	q     []int16   // loaded models: w = float32(q) * scale, half the memory
	scale float32
	trans [nTags + 1][nTags]float32
}

func newWeights(bits uint) *weights {
	return &weights{bits: bits, w: make([]float32, (1<<bits)*nTags)}
}

func (w *weights) featurizer() featurizer {
	return featurizer{mask: 1<<w.bits - 1, nTags: uint32(nTags)}
}

// emissions fills em (len(s)*nTags) with the emission scores of a sentence
// whose feature offsets for token i are feats[offs[i]:offs[i+1]].
func (w *weights) emissions(em []float32, feats []uint32, offs []int32) {
	if w.q != nil {
		w.emissionsQ(em, feats, offs)
		return
	}
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

// emissionsQ is emissions over the 16-bit weights of a loaded model. Each
// weight is widened exactly as ReadModel used to widen it (float32(q)*scale),
// in the same order, so scores are bit-identical to the float32 table.
func (w *weights) emissionsQ(em []float32, feats []uint32, offs []int32) {
	scale := w.scale
	for i := 0; i+1 < len(offs); i++ {
		var acc [nTags]float32
		for _, f := range feats[offs[i]:offs[i+1]] {
			row := w.q[int(f) : int(f)+nTags : int(f)+nTags]
			for t := range acc {
				acc[t] += float32(row[t]) * scale
			}
		}
		copy(em[i*nTags:], acc[:])
	}
}

// floats returns the emission weights as float32 (widening q if needed).
func (w *weights) floats() []float32 {
	if w.w != nil {
		return w.w
	}
	out := make([]float32, len(w.q))
	for i, x := range w.q {
		out[i] = float32(x) * w.scale
	}
	return out
}

// viterbi writes the best tag sequence for n tokens into out.
func (w *weights) viterbi(em []float32, n int, out []uint8, back []uint8, score []float32) {
	if n == 0 {
		return
	}
	cur := score[:nTags]
	prev := score[nTags : 2*nTags]
	for t := 0; t < nTags; t++ {
		if allowed(nTags, t) {
			cur[t] = em[t] + w.trans[nTags][t]
		} else {
			cur[t] = negInf
		}
	}
	for i := 1; i < n; i++ {
		cur, prev = prev, cur
		e := em[i*nTags : (i+1)*nTags]
		for t := 0; t < nTags; t++ {
			best, arg := negInf, 0
			for p := 0; p < nTags; p++ {
				if !allowed(p, t) {
					continue
				}
				if v := prev[p] + w.trans[p][t]; v > best {
					best, arg = v, p
				}
			}
			cur[t] = best + e[t]
			back[i*nTags+t] = uint8(arg)
		}
	}
	best, arg := negInf, 0
	for t := 0; t < nTags; t++ {
		if allowedEnd(t) && cur[t] > best {
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
