//go:build !amd64 || purego

package ner

// hasAVX2 is false where the assembly kernels are not built.
const hasAVX2 = false

// The kernels TestSumKernelsAgree compares with the Go loops: here the Go
// loops themselves.
var (
	sumRowsQAsm, sumRows2QAsm = sumRowsQGo, sumRows2QGo
)

// No prefetching without the assembly: the loads simply wait.
func prefetchRowsQ(q *int16, rs []uint32)         {}
func prefetchIndex(idx *rankWord, fs []uint32)    {}
func prefetchSlots(slots *hashSlot, idx []uint32) {}
