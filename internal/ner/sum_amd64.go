//go:build amd64 && !purego

package ner

import "golang.org/x/sys/cpu"

// The AVX2 kernels of sum_amd64.s. The caller guarantees that every offset
// of rs leaves a whole row (nTags weights for sumRowsQAVX2, 2*nTags for
// sumRows2QAVX2) inside the table: the assembly does not
// check.
//
//go:noescape
func sumRowsQAVX2(a *[nTags]float32, q *int16, rs []uint32, scale float32)

//go:noescape
func sumRows2QAVX2(a, b *[nTags]float32, q *int16, rs []uint32, scaleA, scaleB float32)

// hasAVX2 is whether this processor runs the assembly kernels.
var hasAVX2 = cpu.X86.HasAVX2

func init() {
	if hasAVX2 {
		sumRowsQ, sumRows2Q = sumRowsQAsm, sumRows2QAsm
		viterbiSteps = viterbiStepsAsm
	}
}

func sumRowsQAsm(a *[nTags]float32, q []int16, rs []uint32, scale float32) {
	if len(rs) > 0 {
		sumRowsQAVX2(a, &q[0], rs, scale)
	}
}

func sumRows2QAsm(a, b *[nTags]float32, q []int16, rs []uint32, scaleA, scaleB float32) {
	if len(rs) > 0 {
		sumRows2QAVX2(a, b, &q[0], rs, scaleA, scaleB)
	}
}

//go:noescape
func viterbiStepsAVX2(em *float32, n int, back *uint8, score *float32, vt *vtrans)

func viterbiStepsAsm(em []float32, n int, back []uint8, score []float32, vt *vtrans) {
	if n > 0 {
		_ = em[(n+1)*nTags-1]
		_ = back[(n+1)*nTags-1]
		_ = score[nTags-1]
		viterbiStepsAVX2(&em[nTags], n, &back[nTags], &score[0], vt)
	}
}

//go:noescape
func prefetchRowsQ(q *int16, rs []uint32)

//go:noescape
func prefetchIndex(idx *rankWord, fs []uint32)

//go:noescape
func prefetchSlots(slots *hashSlot, idx []uint32)
