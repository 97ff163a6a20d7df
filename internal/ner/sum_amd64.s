//go:build amd64 && !purego

#include "textflag.h"

// Each kernel keeps the 17 sums of a layer in two YMM registers (lanes
// 0-7 and 8-15) and the low lane of an XMM register (lane 16), and adds
// each row with one VADDPS per eight lanes and one VADDSS: per lane the
// same float32 addition, in the same order, as the Go loop.
//
// The 16-bit kernels widen eight weights with VPMOVSXWD (int16 -> int32)
// and VCVTDQ2PS (exact: |q| < 2^24), multiply by the layer's scale with
// VMULPS (rounded once, as float32(q)*scale is) and only then add: no
// fused multiply-add, whose single rounding would change the sums.

// func sumRowsQAVX2(a *[17]float32, q *int16, rs []uint32, scale float32)
TEXT ·sumRowsQAVX2(SB), NOSPLIT, $0-44
	MOVQ a+0(FP), DI
	MOVQ q+8(FP), DX
	MOVQ rs_base+16(FP), BX
	MOVQ rs_len+24(FP), CX
	VBROADCASTSS scale+40(FP), Y6
	VMOVUPS 0(DI), Y0
	VMOVUPS 32(DI), Y1
	VMOVSS 64(DI), X2
	TESTQ CX, CX
	JZ done3
loop3:
	MOVL (BX), AX
	LEAQ (DX)(AX*2), R8
	VPMOVSXWD 0(R8), Y7
	VCVTDQ2PS Y7, Y7
	VMULPS Y6, Y7, Y7
	VADDPS Y7, Y0, Y0
	VPMOVSXWD 16(R8), Y8
	VCVTDQ2PS Y8, Y8
	VMULPS Y6, Y8, Y8
	VADDPS Y8, Y1, Y1
	MOVWLSX 32(R8), R9
	VCVTSI2SSL R9, X9, X9
	VMULSS X6, X9, X9
	VADDSS X9, X2, X2
	ADDQ $4, BX
	DECQ CX
	JNZ loop3
done3:
	VMOVUPS Y0, 0(DI)
	VMOVUPS Y1, 32(DI)
	VMOVSS X2, 64(DI)
	VZEROUPPER
	RET

// func sumRows2QAVX2(a, b *[17]float32, q *int16, rs []uint32, scaleA, scaleB float32)
TEXT ·sumRows2QAVX2(SB), NOSPLIT, $0-56
	MOVQ a+0(FP), DI
	MOVQ b+8(FP), SI
	MOVQ q+16(FP), DX
	MOVQ rs_base+24(FP), BX
	MOVQ rs_len+32(FP), CX
	VBROADCASTSS scaleA+48(FP), Y6
	VBROADCASTSS scaleB+52(FP), Y10
	VMOVUPS 0(DI), Y0
	VMOVUPS 32(DI), Y1
	VMOVSS 64(DI), X2
	VMOVUPS 0(SI), Y3
	VMOVUPS 32(SI), Y4
	VMOVSS 64(SI), X5
	TESTQ CX, CX
	JZ done4
loop4:
	MOVL (BX), AX
	LEAQ (DX)(AX*2), R8
	VPMOVSXWD 0(R8), Y7
	VPMOVSXWD 16(R8), Y8
	VPMOVSXWD 34(R8), Y11
	VPMOVSXWD 50(R8), Y12
	VCVTDQ2PS Y7, Y7
	VCVTDQ2PS Y8, Y8
	VCVTDQ2PS Y11, Y11
	VCVTDQ2PS Y12, Y12
	VMULPS Y6, Y7, Y7
	VMULPS Y6, Y8, Y8
	VMULPS Y10, Y11, Y11
	VMULPS Y10, Y12, Y12
	VADDPS Y7, Y0, Y0
	VADDPS Y8, Y1, Y1
	VADDPS Y11, Y3, Y3
	VADDPS Y12, Y4, Y4
	MOVWLSX 32(R8), R9
	MOVWLSX 66(R8), R10
	VCVTSI2SSL R9, X9, X9
	VCVTSI2SSL R10, X13, X13
	VMULSS X6, X9, X9
	VMULSS X10, X13, X13
	VADDSS X9, X2, X2
	VADDSS X13, X5, X5
	ADDQ $4, BX
	DECQ CX
	JNZ loop4
done4:
	VMOVUPS Y0, 0(DI)
	VMOVUPS Y1, 32(DI)
	VMOVSS X2, 64(DI)
	VMOVUPS Y3, 0(SI)
	VMOVUPS Y4, 32(SI)
	VMOVSS X5, 64(SI)
	VZEROUPPER
	RET

// func prefetchRowsQ(q *int16, rs []uint32)
TEXT ·prefetchRowsQ(SB), NOSPLIT, $0-32
	MOVQ q+0(FP), DX
	MOVQ rs_base+8(FP), BX
	MOVQ rs_len+16(FP), CX
	TESTQ CX, CX
	JZ done5
loop5:
	MOVL (BX), AX
	LEAQ (DX)(AX*2), R8
	PREFETCHT0 0(R8)
	PREFETCHT0 67(R8)
	ADDQ $4, BX
	DECQ CX
	JNZ loop5
done5:
	RET

// func prefetchIndex(idx *rankWord, fs []uint32)
// The index word of bucket b is idx[b>>6], 16 bytes.
TEXT ·prefetchIndex(SB), NOSPLIT, $0-32
	MOVQ idx+0(FP), DX
	MOVQ fs_base+8(FP), BX
	MOVQ fs_len+16(FP), CX
	TESTQ CX, CX
	JZ done6
loop6:
	MOVL (BX), AX
	SHRQ $6, AX
	SHLQ $4, AX
	PREFETCHT0 (DX)(AX*1)
	ADDQ $4, BX
	DECQ CX
	JNZ loop6
done6:
	RET

// func prefetchSlots(slots *hashSlot, idx []uint32)
TEXT ·prefetchSlots(SB), NOSPLIT, $0-32
	MOVQ slots+0(FP), DX
	MOVQ idx_base+8(FP), BX
	MOVQ idx_len+16(FP), CX
	TESTQ CX, CX
	JZ done7
loop7:
	MOVL (BX), AX
	SHLQ $4, AX
	PREFETCHT0 (DX)(AX*1)
	ADDQ $4, BX
	DECQ CX
	JNZ loop7
done7:
	RET

// func viterbiStepsAVX2(em *float32, n int, back *uint8, score *float32, vt *[17][24]float32)
//
// The forward steps of weights.viterbi for n tokens: for each token, the
// scores of its 17 tags from the previous token's (score[0:17], replaced
// by the new ones) and its emissions (em, 17 floats a token), and its back
// pointers (back, 17 bytes a token). Lanes are target tags (0-7, 8-15 and
// 16 in three YMM registers); the 17 predecessors are tried in ascending
// order, each with VADDPS (prev[p] + trans[p][t]), VCMPPS greater-than
// (ordered, strict) against the best so far and VBLENDVPS of score and
// argument: per lane the additions and comparisons of the scalar scan in
// the same order. Forbidden transitions are -Inf in vt, so they never win,
// as the scan never tries them.
TEXT ·viterbiStepsAVX2(SB), NOSPLIT, $0-40
	MOVQ em+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ back+16(FP), DI
	MOVQ score+24(FP), BX
	MOVQ vt+32(FP), DX
	MOVL $0xf149f2ca, R9 // float32(-1e30): negInf
	VMOVD R9, X14
	VPBROADCASTD X14, Y14
	VPCMPEQD Y15, Y15, Y15 // all lanes -1
	TESTQ CX, CX
	JZ vdone
vstep:
	VMOVAPS Y14, Y0
	VMOVAPS Y14, Y1
	VMOVAPS Y14, Y2
	VPXOR Y3, Y3, Y3
	VPXOR Y4, Y4, Y4
	VPXOR Y5, Y5, Y5
	VPXOR Y10, Y10, Y10 // predecessor p in every lane
	XORQ AX, AX
	MOVQ DX, R8
vpred:
	VBROADCASTSS (BX)(AX*4), Y9
	VADDPS 0(R8), Y9, Y6
	VADDPS 32(R8), Y9, Y7
	VADDPS 64(R8), Y9, Y8
	VCMPPS $0x1e, Y0, Y6, Y11
	VCMPPS $0x1e, Y1, Y7, Y12
	VCMPPS $0x1e, Y2, Y8, Y13
	VBLENDVPS Y11, Y6, Y0, Y0
	VBLENDVPS Y12, Y7, Y1, Y1
	VBLENDVPS Y13, Y8, Y2, Y2
	VBLENDVPS Y11, Y10, Y3, Y3
	VBLENDVPS Y12, Y10, Y4, Y4
	VBLENDVPS Y13, Y10, Y5, Y5
	VPSUBD Y15, Y10, Y10
	ADDQ $96, R8
	INCQ AX
	CMPQ AX, $17
	JLT vpred
	VADDPS 0(SI), Y0, Y0
	VADDPS 32(SI), Y1, Y1
	VADDSS 64(SI), X2, X2
	VMOVUPS Y0, 0(BX)
	VMOVUPS Y1, 32(BX)
	VMOVSS X2, 64(BX)
	// back pointers: int32 lanes packed to bytes, in order
	VEXTRACTI128 $1, Y3, X6
	VPACKUSDW X6, X3, X6
	VEXTRACTI128 $1, Y4, X7
	VPACKUSDW X7, X4, X7
	VPACKUSWB X7, X6, X6
	VMOVDQU X6, 0(DI)
	VMOVD X5, R9
	MOVB R9, 16(DI)
	ADDQ $68, SI
	ADDQ $17, DI
	DECQ CX
	JNZ vstep
vdone:
	VZEROUPPER
	RET
