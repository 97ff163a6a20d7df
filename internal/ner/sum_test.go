package ner

import (
	"math"
	"math/rand/v2"
	"testing"
)

// sumTestRows returns n joint rows (2*nTags floats each, after a row of
// zeros) of values chosen to make float32 addition round: magnitudes from
// 1e-30 to 1e30, subnormals, signed zeros, and the widened 16-bit weights
// the tagger really sums.
func sumTestRows(rng *rand.Rand, n int) []float32 {
	rows := make([]float32, (n+1)*2*nTags)
	scale := float32(0.00137)
	for i := 2 * nTags; i < len(rows); i++ {
		switch rng.IntN(8) {
		case 0:
			rows[i] = float32(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(60)-30)))
		case 1:
			rows[i] = math.Float32frombits(rng.Uint32N(1 << 23)) // subnormal
		case 2:
			rows[i] = float32(math.Copysign(0, rng.NormFloat64()))
		default:
			rows[i] = float32(int16(rng.Uint32())) * scale
		}
	}
	return rows
}

// TestSumKernelsAgree holds the assembly kernels to the Go loops bit for
// bit: the same float32 additions in the same order per lane, whatever the
// values, the number of rows, the order and repetition of the offsets, and
// the sums the kernels start from. On a processor without AVX2 (or a
// purego build) both sides are the Go loops and it checks nothing new.
func TestSumKernelsAgree(t *testing.T) {
	if !hasAVX2 {
		t.Log("no AVX2 kernels on this build/processor; comparing Go with Go")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const nRows = 300
	rows := sumTestRows(rng, nRows)
	stride := uint32(2 * nTags)
	for trial := 0; trial < 2000; trial++ {
		n := rng.IntN(70)
		if trial < 5 {
			n = trial
		}
		rs := make([]uint32, n)
		for j := range rs {
			rs[j] = rng.Uint32N(nRows+1) * stride // row 0 (zeros) included
		}
		var start1, start2 [nTags]float32
		if trial%2 == 1 {
			for k := range start1 {
				start1[k] = float32(rng.NormFloat64() * 100)
				start2[k] = float32(rng.NormFloat64() * 1e-3)
			}
		}
		// one layer, at either offset in the joint row
		for _, off := range []uint32{0, uint32(nTags)} {
			goA, asmA := start1, start1
			sumRowsGo(&goA, rows[off:], rs)
			sumRowsAsm(&asmA, rows[off:], rs)
			sameBits(t, "sumRows", trial, goA, asmA)
		}
		goA, goB, asmA, asmB := start1, start2, start1, start2
		sumRows2Go(&goA, &goB, rows, rs)
		sumRows2Asm(&asmA, &asmB, rows, rs)
		sameBits(t, "sumRows2 a", trial, goA, asmA)
		sameBits(t, "sumRows2 b", trial, goB, asmB)
		// the joint kernel's halves are the single-layer sums
		one := start2
		sumRowsGo(&one, rows[nTags:], rs)
		sameBits(t, "sumRows2 b vs sumRows", trial, one, asmB)
	}
}

// TestSumKernelsQAgree holds the 16-bit kernels to the float kernels over
// the same weights widened at load (float32(q) * scale, the tagger's
// weights), and the assembly to the Go reference, bit for bit.
func TestSumKernelsQAgree(t *testing.T) {
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

// TestSumKernelsOrder checks that the test above can fail: summing the
// same rows in another order gives other bits for some lane, so a kernel
// that reordered its additions would be caught.
func TestSumKernelsOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	rows := sumTestRows(rng, 50)
	rs := make([]uint32, 40)
	for j := range rs {
		rs[j] = uint32((j + 1) * 2 * nTags)
	}
	var a, b [nTags]float32
	sumRowsAsm(&a, rows, rs)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	sumRowsAsm(&b, rows, rs)
	for k := range a {
		if math.Float32bits(a[k]) != math.Float32bits(b[k]) {
			return
		}
	}
	t.Fatal("reversed order gave the same bits in every lane: the agreement test could not tell orders apart")
}
