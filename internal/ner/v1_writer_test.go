package ner

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
	"math"
	"sort"
)

// writeV1 writes the model in the first format (the writer of
// readModelV1, kept for its tests): weights quantized to 16
// bits, only non-zero buckets, the whole stream deflated. It returns the
// number of bytes written.
func (m *Model) writeV1(w io.Writer) (int64, error) {
	var raw bytes.Buffer
	raw.WriteString(magicV1)
	put := func(v any) { binary.Write(&raw, binary.LittleEndian, v) }
	putUvarint := func(v uint64) {
		var b [binary.MaxVarintLen64]byte
		raw.Write(b[:binary.PutUvarint(b[:], v)])
	}
	gaz, clus := m.gazMap(), m.clusMap()
	keys := gaz.sortedKeys()
	putUvarint(uint64(len(keys)))
	for _, k := range keys {
		put(k)
		put(gaz[k])
	}
	ck := make([]uint64, 0, len(clus))
	for k := range clus {
		ck = append(ck, k)
	}
	sort.Slice(ck, func(a, b int) bool { return ck[a] < ck[b] })
	putUvarint(uint64(len(ck)))
	for _, k := range ck {
		put(k)
		put(clus[k])
	}
	layers := []*weights{m.first}
	if m.second != nil {
		layers = append(layers, m.second)
	}
	putUvarint(uint64(len(layers)))
	for _, l := range layers {
		lw := l.floats()
		putUvarint(uint64(l.bits))
		put(l.trans)
		var mx float32
		for _, v := range lw {
			if a := float32(math.Abs(float64(v))); a > mx {
				mx = a
			}
		}
		scale := mx / 32767
		if scale == 0 {
			scale = 1
		}
		put(scale)
		var q [nTags]int16
		rows := 0
		for b := 0; b < len(lw)/nTags; b++ {
			if quantRowV1(lw[b*nTags:(b+1)*nTags], scale, &q) {
				rows++
			}
		}
		putUvarint(uint64(rows))
		last := 0
		for b := 0; b < len(lw)/nTags; b++ {
			if !quantRowV1(lw[b*nTags:(b+1)*nTags], scale, &q) {
				continue
			}
			putUvarint(uint64(b - last))
			last = b
			put(q)
		}
	}
	cw := &countWriterV1{w: w}
	zw, err := flate.NewWriter(cw, flate.BestSpeed)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

func quantRowV1(row []float32, scale float32, q *[nTags]int16) bool {
	nz := false
	for t, v := range row {
		x := int16(math.Round(float64(v / scale)))
		q[t] = x
		if x != 0 {
			nz = true
		}
	}
	return nz
}

type countWriterV1 struct {
	w io.Writer
	n int64
}

func (c *countWriterV1) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
