package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
)

// The model file, second format: the loaded model's own tables in a
// compact form that decodes with plain loops over the bytes, no
// decompression, no reflection and no allocation per weight or entry
// (the first format, serialize_v1.go, took about a CPU-second to load).
// Little-endian throughout; n is a uvarint.
//
//	magic "SITREP-NER-2\n"
//	gazetteer table, cluster table (a flag byte first: 0 = no clusters)
//	n layers (1 or 2), a byte: 1 when they share one row table
//	per layer: n bucket bits, transitions [nTags+1][nTags]float32, scale float32
//	row groups: one for joint layers, else one per layer
//
// A table is the slots of a hashTab built by inserting the keys in
// ascending order: n bits of the slot count, n keys besides 0, a byte
// (is the key 0 there) and that key's value, then per key the gap to its
// slot from the previous key's (n), the key (8 bytes) and its value (1
// byte for the gazetteer, 4 for clusters). Read back, each key lands in
// its slot, in a pass over the slots in order.
//
// A row group is the 16-bit rows of its layers side by side (joinRows):
// a bitmap of the buckets with a non-zero row (1<<bits bits), n rows,
// then per row a bitmap of its non-zero weights (stride bits, rounded up
// to whole bytes) and those weights zigzag-encoded (n each). Four in five
// weights of the shipped model are zero, and most others fit a byte.
const magic = "SITREP-NER-2\n"

// WriteTo writes the model in the second format. A model in training has
// its weights quantized to 16 bits (scale: the largest magnitude over
// 32767); a loaded one writes its own 16-bit weights and scale, so a
// read/write round trip is exact. The output depends only on the model's
// content. It returns the number of bytes written.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b []byte
	b = append(b, magic...)
	gaz := m.gazMap()
	gkeys := sortedKeys(gaz)
	b = appendTable(b, gkeys, func(k uint64) uint32 { return uint32(gaz[k]) }, 1)
	clus := m.clusMap()
	if clus == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = appendTable(b, sortedKeys(clus), func(k uint64) uint32 { return clus[k] }, 4)
	}
	layers := []*weights{m.first}
	if m.second != nil {
		layers = append(layers, m.second)
	}
	joint := len(layers) == 2 && layers[0].bits == layers[1].bits
	b = binary.AppendUvarint(b, uint64(len(layers)))
	b = append(b, boolByte(joint))
	qs := make([][]int16, len(layers))
	for i, l := range layers {
		var scale float32
		qs[i], scale = l.quantized()
		b = binary.AppendUvarint(b, uint64(l.bits))
		for _, row := range l.trans {
			for _, v := range row {
				b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
			}
		}
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(scale))
	}
	if joint {
		b = appendRows(b, layers[0].bits, qs)
	} else {
		for i, l := range layers {
			b = appendRows(b, l.bits, qs[i:i+1])
		}
	}
	n, err := w.Write(b)
	return int64(n), err
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

func sortedKeys[V uint8 | uint32](m map[uint64]V) []uint64 {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// quantized returns the layer's weights as dense 16-bit rows (1<<bits
// rows of nTags) and their scale.
func (w *weights) quantized() ([]int16, float32) {
	f := w.floats()
	scale := w.scale
	if w.w != nil {
		var mx float32
		for _, v := range f {
			if a := float32(math.Abs(float64(v))); a > mx {
				mx = a
			}
		}
		scale = mx / 32767
		if scale == 0 {
			scale = 1
		}
	}
	q := make([]int16, len(f))
	for i, v := range f {
		q[i] = int16(math.Round(float64(v / scale)))
	}
	return q, scale
}

// appendTable appends the table of keys (ascending) with values val(k),
// width bytes each.
func appendTable(b []byte, keys []uint64, val func(uint64) uint32, width int) []byte {
	t := newHashTabSorted(keys, val)
	b = binary.AppendUvarint(b, uint64(64-t.shift))
	n := 0
	for _, s := range t.slots {
		if s.key != 0 {
			n++
		}
	}
	b = binary.AppendUvarint(b, uint64(n))
	b = append(b, boolByte(t.hasZero))
	b = appendVal(b, t.zero, width)
	last := 0
	for i, s := range t.slots {
		if s.key == 0 {
			continue
		}
		b = binary.AppendUvarint(b, uint64(i-last))
		last = i
		b = binary.LittleEndian.AppendUint64(b, s.key)
		b = appendVal(b, s.val, width)
	}
	return b
}

func appendVal(b []byte, v uint32, width int) []byte {
	if width == 1 {
		return append(b, byte(v))
	}
	return binary.LittleEndian.AppendUint32(b, v)
}

// appendRows appends the row group of layers qs (dense 16-bit rows of
// 1<<bits buckets each).
func appendRows(b []byte, bits uint, qs [][]int16) []byte {
	nb := 1 << bits
	stride := len(qs) * nTags
	nonZero := func(k int) bool {
		for _, q := range qs {
			for _, x := range q[k*nTags : (k+1)*nTags] {
				if x != 0 {
					return true
				}
			}
		}
		return false
	}
	bm := make([]byte, (nb+7)/8)
	rows := 0
	for k := 0; k < nb; k++ {
		if nonZero(k) {
			bm[k/8] |= 1 << (k % 8)
			rows++
		}
	}
	b = append(b, bm...)
	b = binary.AppendUvarint(b, uint64(rows))
	row := make([]int16, stride)
	mask := make([]byte, (stride+7)/8)
	for k := 0; k < nb; k++ {
		if bm[k/8]&(1<<(k%8)) == 0 {
			continue
		}
		for i, q := range qs {
			copy(row[i*nTags:], q[k*nTags:(k+1)*nTags])
		}
		clear(mask)
		for t, x := range row {
			if x != 0 {
				mask[t/8] |= 1 << (t % 8)
			}
		}
		b = append(b, mask...)
		for _, x := range row {
			if x != 0 {
				b = binary.AppendUvarint(b, zigzag(x))
			}
		}
	}
	return b
}

func zigzag(x int16) uint64 { return uint64(uint16(x<<1) ^ uint16(x>>15)) }

func unzigzag(u uint64) int16 { return int16(u>>1) ^ -int16(u&1) }

// ReadModel reads a model written by WriteTo (or by the first format's
// writer).
func ReadModel(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ner: reading model: %w", err)
	}
	return readModelBytes(data)
}

// readModelBytes is ReadModel over the bytes of a model file, which it
// does not keep.
func readModelBytes(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return readModelV1(bytes.NewReader(data))
	}
	return decodeModel(data)
}

// decoder reads the second format; the first error sticks and every read
// after it returns zeros.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		d.fail("truncated")
		return nil
	}
	p := d.b[:n]
	d.b = d.b[n:]
	return p
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if p := d.bytes(1); p != nil {
		return p[0]
	}
	return 0
}

func (d *decoder) uint32() uint32 {
	if p := d.bytes(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (d *decoder) val(width int) uint32 {
	if width == 1 {
		return uint32(d.byte())
	}
	return d.uint32()
}

// decodeModel decodes a model of the second format.
func decodeModel(data []byte) (*Model, error) {
	d := &decoder{b: data[len(magic):]}
	m := &Model{}
	m.gazT = d.table(1)
	if d.byte() == 1 {
		m.clusT = d.table(4)
	}
	nl := d.uvarint()
	if d.err == nil && (nl < 1 || nl > 2) {
		return nil, fmt.Errorf("ner: bad layer count %d", nl)
	}
	joint := d.byte() == 1 && nl == 2
	layers := make([]*weights, nl)
	for i := range layers {
		bits := uint(d.uvarint())
		if d.err == nil && (bits < 8 || bits > 26) {
			return nil, fmt.Errorf("ner: bad bucket bits %d", bits)
		}
		l := &weights{bits: bits}
		for a := range l.trans {
			for t := range l.trans[a] {
				l.trans[a][t] = math.Float32frombits(d.uint32())
			}
		}
		l.scale = math.Float32frombits(d.uint32())
		layers[i] = l
	}
	if d.err == nil && joint && layers[0].bits != layers[1].bits {
		return nil, errors.New("ner: joint layers of different sizes")
	}
	if joint {
		d.rows(layers)
	} else {
		for _, l := range layers {
			d.rows([]*weights{l})
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail("%d bytes after the model", len(d.b))
	}
	if d.err != nil {
		return nil, fmt.Errorf("ner: reading model: %w", d.err)
	}
	m.first = layers[0]
	if nl == 2 {
		m.second, m.joint = layers[1], joint
	}
	if !quantRows {
		widenRows(m.first, m.second, m.joint)
	}
	m.prepareViterbi()
	return m, nil
}

// prepareViterbi readies the layers of a loaded model for the vector
// decoder.
func (m *Model) prepareViterbi() {
	m.first.prepareViterbi()
	if m.second != nil {
		m.second.prepareViterbi()
	}
}

// table decodes a hashTab (appendTable).
func (d *decoder) table(width int) *hashTab {
	bits := d.uvarint()
	if d.err == nil && (bits < 4 || bits > 30) {
		d.fail("bad table size %d", bits)
	}
	n := d.uvarint()
	// the writer's tables are at most two-thirds full and at least a third
	// (newHashTabSorted): a damaged size must not allocate gigabytes
	if d.err != nil || n >= 1<<bits || n > uint64(len(d.b))/9 || 1<<bits > 4*n+64 {
		d.fail("bad table count %d for %d slots", n, uint64(1)<<bits)
		return nil
	}
	t := &hashTab{shift: uint(64 - bits), slots: make([]hashSlot, 1<<bits)}
	t.hasZero = d.byte() == 1
	t.zero = d.val(width)
	// the entries in a loop of its own over a local slice: n gaps, keys
	// and values, no call per entry
	b := d.b
	if d.err != nil {
		return nil
	}
	i := uint64(0)
	for k := uint64(0); k < n; k++ {
		gap, w := binary.Uvarint(b)
		if w <= 0 || len(b) < w+8+width {
			d.fail("truncated table")
			return nil
		}
		i += gap
		key := binary.LittleEndian.Uint64(b[w:])
		var v uint32
		if width == 1 {
			v = uint32(b[w+8])
		} else {
			v = binary.LittleEndian.Uint32(b[w+8:])
		}
		b = b[w+8+width:]
		if i >= uint64(len(t.slots)) || key == 0 || (k > 0 && gap == 0) {
			d.fail("bad table slot %d", i)
			return nil
		}
		t.slots[i] = hashSlot{key: key, val: v}
	}
	d.b = b
	return t
}

// rows decodes a row group (appendRows) into layers: their shared index
// and 16-bit rows, each layer's at its offset in a row.
func (d *decoder) rows(layers []*weights) {
	if d.err != nil {
		return
	}
	nb := 1 << layers[0].bits
	bm := d.bytes((nb + 7) / 8)
	nrows := d.uvarint()
	if d.err != nil {
		return
	}
	set := 0
	for _, x := range bm {
		set += bits.OnesCount8(x)
	}
	if uint64(set) != nrows {
		d.fail("row count %d, bitmap says %d", nrows, set)
		return
	}
	stride := len(layers) * nTags
	maskLen := (stride + 7) / 8
	if uint64(len(d.b)) < nrows*uint64(maskLen) {
		d.fail("truncated rows")
		return
	}
	idx := newRowIndex(bm, nb)
	q := make([]int16, (set+1)*stride) // row 0: the zeros
	b := d.b
	for r := stride; r < len(q); r += stride {
		if len(b) < maskLen {
			d.fail("truncated rows")
			return
		}
		mask, row := b[:maskLen], q[r:r+stride]
		b = b[maskLen:]
		for j, mb := range mask {
			for ; mb != 0; mb &= mb - 1 {
				t := j*8 + bits.TrailingZeros8(mb)
				if t >= stride {
					d.fail("bad row mask")
					return
				}
				var u uint64
				if len(b) > 0 && b[0] < 0x80 {
					u, b = uint64(b[0]), b[1:]
				} else {
					v, n := binary.Uvarint(b)
					if n <= 0 || v > math.MaxUint16 {
						d.fail("bad weight")
						return
					}
					u, b = v, b[n:]
				}
				row[t] = unzigzag(u)
			}
		}
	}
	d.b = b
	for i, l := range layers {
		l.idx, l.q, l.stride, l.off = idx, q, uint32(stride), uint32(i*nTags)
	}
}
