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

// func prefetchIndex(rowOf *uint32, fs []uint32)
TEXT ·prefetchIndex(SB), NOSPLIT, $0-32
	MOVQ rowOf+0(FP), DX
	MOVQ fs_base+8(FP), BX
	MOVQ fs_len+16(FP), CX
	TESTQ CX, CX
	JZ done6
loop6:
	MOVL (BX), AX
	PREFETCHT0 (DX)(AX*4)
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
