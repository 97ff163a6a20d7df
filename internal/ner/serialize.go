package ner

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

const magic = "SITREP-NER-1\n"

// WriteTo writes the model in its compact form: weights quantized to 16
// bits, only non-zero buckets, the whole stream deflated. It returns the
// number of bytes written.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var raw bytes.Buffer
	raw.WriteString(magic)
	put := func(v any) { binary.Write(&raw, binary.LittleEndian, v) }
	putUvarint := func(v uint64) {
		var b [binary.MaxVarintLen64]byte
		raw.Write(b[:binary.PutUvarint(b[:], v)])
	}
	keys := m.gaz.sortedKeys()
	putUvarint(uint64(len(keys)))
	for _, k := range keys {
		put(k)
		put(m.gaz[k])
	}
	ck := make([]uint64, 0, len(m.clus))
	for k := range m.clus {
		ck = append(ck, k)
	}
	sort.Slice(ck, func(a, b int) bool { return ck[a] < ck[b] })
	putUvarint(uint64(len(ck)))
	for _, k := range ck {
		put(k)
		put(m.clus[k])
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
			if quantRow(lw[b*nTags:(b+1)*nTags], scale, &q) {
				rows++
			}
		}
		putUvarint(uint64(rows))
		last := 0
		for b := 0; b < len(lw)/nTags; b++ {
			if !quantRow(lw[b*nTags:(b+1)*nTags], scale, &q) {
				continue
			}
			putUvarint(uint64(b - last))
			last = b
			put(q)
		}
	}
	cw := &countWriter{w: w}
	zw, err := flate.NewWriter(cw, flate.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

func quantRow(row []float32, scale float32, q *[nTags]int16) bool {
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

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	br := bufio.NewReader(flate.NewReader(r))
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("ner: not a model file")
	}
	var err error
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, binary.LittleEndian, v)
		}
	}
	uv := func() uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		v, err = binary.ReadUvarint(br)
		return v
	}
	m := &Model{gaz: gazetteer{}}
	n := uv()
	for i := uint64(0); i < n && err == nil; i++ {
		var k uint64
		var t uint8
		get(&k)
		get(&t)
		m.gaz[k] = t
	}
	if n = uv(); n > 0 {
		m.clus = make(map[uint64]uint32, n)
	}
	for i := uint64(0); i < n && err == nil; i++ {
		var k uint64
		var p uint32
		get(&k)
		get(&p)
		m.clus[k] = p
	}
	nl := uv()
	if err == nil && (nl < 1 || nl > 2) {
		return nil, fmt.Errorf("ner: bad layer count %d", nl)
	}
	for li := uint64(0); li < nl && err == nil; li++ {
		bits := uint(uv())
		if err == nil && (bits < 8 || bits > 26) {
			return nil, fmt.Errorf("ner: bad bucket bits %d", bits)
		}
		l := &weights{bits: bits}
		dense := make([]int16, (1<<bits)*nTags)
		get(&l.trans)
		var scale float32
		get(&scale)
		rows := uv()
		b := 0
		var q [nTags]int16
		for i := uint64(0); i < rows && err == nil; i++ {
			b += int(uv())
			get(&q)
			if b*nTags >= len(dense) {
				return nil, errors.New("ner: bucket out of range")
			}
			copy(dense[b*nTags:], q[:])
		}
		l.setRows(dense, scale)
		if li == 0 {
			m.first = l
		} else {
			m.second = l
		}
	}
	if err != nil {
		return nil, fmt.Errorf("ner: reading model: %w", err)
	}
	if m.second != nil {
		m.joint = joinRows(m.first, m.second)
	}
	if !quantRows {
		widenRows(m.first, m.second, m.joint)
	}
	if m.clus != nil {
		m.clusT = newHashTab(m.clus)
	}
	m.gazT = newHashTab(m.gaz)
	return m, nil
}
