package ner

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSumKernelsQAgree holds the 16-bit kernels (the assembly where there
// is AVX2, and their Go reference) to the Go loops over the same weights
// widened at load (float32(q) * scale, the tagger's weights), bit for bit,
// whatever the weights and scales, the number of rows, the order and
// repetition of the offsets (row 0, all zeros, included), and the sums
// they start from. Without AVX2 (or under purego) the assembly side is
// the Go reference.
func TestSumKernelsQAgree(t *testing.T) {
	if !hasAVX2 {
		t.Log("no AVX2 kernels on this build/processor: Go reference against Go loops")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	const nRows = 300
	stride := uint32(2 * nTags)
	q := make([]int16, (nRows+1)*int(stride))
	for i := int(stride); i < len(q); i++ {
		switch rng.IntN(4) {
		case 0:
			q[i] = 0
		case 1:
			q[i] = int16(rng.IntN(2) * -32768) // the extremes
		default:
			q[i] = int16(rng.Uint32())
		}
	}
	for trial := 0; trial < 500; trial++ {
		// scales from the model's range and beyond, some making
		// products that round
		sa := float32(math.Ldexp(rng.Float64()+0.5, -rng.IntN(30)))
		sb := float32(math.Ldexp(rng.Float64()+0.5, -rng.IntN(30)))
		if trial == 0 {
			sa, sb = 1, 1
		}
		wide := make([]float32, len(q))
		for i, x := range q {
			s := sa
			if uint32(i)%stride >= uint32(nTags) {
				s = sb
			}
			wide[i] = float32(x) * s
		}
		n := rng.IntN(70)
		rs := make([]uint32, n)
		for j := range rs {
			rs[j] = rng.Uint32N(nRows+1) * stride
		}
		var start1, start2 [nTags]float32
		for k := range start1 {
			start1[k] = float32(rng.NormFloat64())
			start2[k] = float32(rng.NormFloat64() * 1e4)
		}
		for _, c := range []struct {
			off   uint32
			scale float32
		}{{0, sa}, {uint32(nTags), sb}} {
			ref, goQ, asmQ := start1, start1, start1
			sumRowsGo(&ref, wide[c.off:], rs)
			sumRowsQGo(&goQ, q[c.off:], rs, c.scale)
			sumRowsQAsm(&asmQ, q[c.off:], rs, c.scale)
			sameBits(t, "sumRowsQGo vs widened", trial, ref, goQ)
			sameBits(t, "sumRowsQ", trial, ref, asmQ)
		}
		refA, refB, goA, goB, asmA, asmB := start1, start2, start1, start2, start1, start2
		sumRows2Go(&refA, &refB, wide, rs)
		sumRows2QGo(&goA, &goB, q, rs, sa, sb)
		sumRows2QAsm(&asmA, &asmB, q, rs, sa, sb)
		sameBits(t, "sumRows2QGo a", trial, refA, goA)
		sameBits(t, "sumRows2QGo b", trial, refB, goB)
		sameBits(t, "sumRows2Q a", trial, refA, asmA)
		sameBits(t, "sumRows2Q b", trial, refB, asmB)
	}
}

func sameBits(t *testing.T, what string, trial int, want, got [nTags]float32) {
	t.Helper()
	for k := range want {
		if math.Float32bits(want[k]) != math.Float32bits(got[k]) {
			t.Fatalf("%s, trial %d, lane %d: Go %v (%#x), assembly %v (%#x)", what, trial, k,
				want[k], math.Float32bits(want[k]), got[k], math.Float32bits(got[k]))
		}
	}
}

// TestSumKernelsOrder checks that the tests above can fail: summing the
// same rows in another order gives other bits for some lane, so a kernel
// that reordered its additions would be caught.
func TestSumKernelsOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	q := make([]int16, 41*nTags)
	for i := nTags; i < len(q); i++ {
		q[i] = int16(rng.Uint32())
	}
	rs := make([]uint32, 40)
	for j := range rs {
		rs[j] = uint32((j + 1) * nTags)
	}
	var a, b [nTags]float32
	sumRowsQAsm(&a, q, rs, 0.00137)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	sumRowsQAsm(&b, q, rs, 0.00137)
	for k := range a {
		if math.Float32bits(a[k]) != math.Float32bits(b[k]) {
			return
		}
	}
	t.Fatal("reversed order gave the same bits in every lane: the agreement test could not tell orders apart")
}
