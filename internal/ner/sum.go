package ner

// The emission sums: a token's score for each of the nTags tags is the sum
// of the weight rows of its features, added one row after the other. Each
// of the 17 lanes is its own chain of float32 additions in feature order,
// so a kernel that adds eight lanes at a time with one vector instruction
// makes the same IEEE additions in the same order and the same sums, bit
// for bit. On amd64 with AVX2 the kernels are the assembly of
// sum_amd64.s over the model's 16-bit rows (sumRowsQ, sumRows2Q), widening
// each weight as it adds it; elsewhere (and under the purego build tag)
// the rows are widened once at load and summed by the Go loops sumRowsGo
// and sumRows2Go. TestSumKernelsQAgree holds the two to the same bits.

// sumRowsGo adds rows[r:r+nTags] for each offset r of rs, in order, to a:
// seventeen scalar sums kept in registers.
func sumRowsGo(a *[nTags]float32, rows []float32, rs []uint32) {
	a0, a1, a2, a3, a4, a5, a6, a7, a8 := a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]
	a9, a10, a11, a12, a13, a14, a15, a16 := a[9], a[10], a[11], a[12], a[13], a[14], a[15], a[16]
	for _, r := range rs {
		row := (*[nTags]float32)(rows[r : r+uint32(nTags)])
		a0 += row[0]
		a1 += row[1]
		a2 += row[2]
		a3 += row[3]
		a4 += row[4]
		a5 += row[5]
		a6 += row[6]
		a7 += row[7]
		a8 += row[8]
		a9 += row[9]
		a10 += row[10]
		a11 += row[11]
		a12 += row[12]
		a13 += row[13]
		a14 += row[14]
		a15 += row[15]
		a16 += row[16]
	}
	*a = [nTags]float32{a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16}
}

// sumRows2Go is sumRowsGo for the joint rows of two layers (joinRows): a
// gets rows[r:r+nTags] and b rows[r+nTags:r+2*nTags], for each r of rs in
// order; the two layers one after the other, each over the whole of rs (34
// sums do not fit the registers at once).
func sumRows2Go(a, b *[nTags]float32, rows []float32, rs []uint32) {
	sumRowsGo(a, rows, rs)
	sumRowsGo(b, rows[nTags:], rs)
}

// quantRows is whether loaded models keep their 16-bit weights as they
// are and widen them in the sums (sumRowsQ, sumRows2Q: the AVX2 kernels),
// rather than widening them once at load for the Go loops. Read when a
// model is loaded; tests switch it to compare the two.
var quantRows = hasAVX2

// sumRowsQ adds float32(q[r+t])*scale to a[t] for each offset r of rs, in
// order: sumRowsGo over the widened weights, bit for bit (the int16 -> float32
// conversion is exact and the product is rounded once, as when the weight
// was widened at load). The assembly is the only production caller's
// kernel (quantRows follows hasAVX2); sumRowsQGo is its reference.
var sumRowsQ = sumRowsQGo

// sumRows2Q is sumRowsQ for the joint 16-bit rows of two layers.
var sumRows2Q = sumRows2QGo

func sumRowsQGo(a *[nTags]float32, q []int16, rs []uint32, scale float32) {
	for _, r := range rs {
		row := (*[nTags]int16)(q[r : r+uint32(nTags)])
		for t, x := range row {
			a[t] += float32(float32(x) * scale) // rounded before the add: never fused
		}
	}
}

func sumRows2QGo(a, b *[nTags]float32, q []int16, rs []uint32, scaleA, scaleB float32) {
	sumRowsQGo(a, q, rs, scaleA)
	sumRowsQGo(b, q[nTags:], rs, scaleB)
}
