package ner

import "math/bits"

// rowIndex maps a loaded layer's buckets to its rows: a bitmap of the
// buckets with a non-zero row and, per 64 buckets, the rows before them.
// Bucket b's row offset is (rank of b + 1) * stride, 0 for an all-zero
// bucket (row 0 is zeros): what a table of one uint32 per bucket gives,
// in 16 bytes per 64 buckets (256 KiB for 2^20 buckets instead of 4 MiB),
// so the index stays in the processor's cache while the rows stream
// through it, and a process has 4 MiB less to fill at start.
type rowIndex []rankWord

type rankWord struct {
	bits uint64 // bit k: bucket 64*i+k has a row
	rank uint32 // rows of the buckets before 64*i
	_    uint32
}

// newRowIndex builds the index of nb buckets from the bitmap has
// (little-endian bytes: bucket k is bit k%8 of byte k/8).
func newRowIndex(has []byte, nb int) rowIndex {
	x := make(rowIndex, (nb+63)/64)
	rank := uint32(0)
	for i := range x {
		var w uint64
		for k := 0; k < 8 && 8*i+k < len(has); k++ {
			w |= uint64(has[8*i+k]) << (8 * k)
		}
		x[i] = rankWord{bits: w, rank: rank}
		rank += uint32(bits.OnesCount64(w))
	}
	return x
}

// rowIndexOf builds the index of a table of row offsets (a bucket's row,
// 0 for none) whose rows are in bucket order, as setRows and joinRows
// make them.
func rowIndexOf(rowOf []uint32) rowIndex {
	has := make([]byte, (len(rowOf)+7)/8)
	for b, r := range rowOf {
		if r != 0 {
			has[b/8] |= 1 << (b % 8)
		}
	}
	return newRowIndex(has, len(rowOf))
}

// row returns the offset of bucket b's row (0: all zeros) for rows of
// stride weights.
func (x rowIndex) row(b, stride uint32) uint32 {
	rw := &x[b>>6]
	bit := uint64(1) << (b & 63)
	// branch-free: multiplied by 0 when the bucket has no row
	present := uint32(rw.bits>>(b&63)) & 1
	return (rw.rank + uint32(bits.OnesCount64(rw.bits&(bit-1))) + 1) * stride * present
}
