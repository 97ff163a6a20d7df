package ner

import (
	"bufio"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// magicV1 opens the deflated stream of the first model format.
const magicV1 = "SITREP-NER-1\n"

// readModelV1 reads a model of the first format (every weight read with
// encoding/binary, the whole stream deflated), which models written before
// the second (serialize.go) have. Its loaded model is the one the second
// format's reader builds from the same weights.
func readModelV1(r io.Reader) (*Model, error) {
	br := bufio.NewReader(flate.NewReader(r))
	head := make([]byte, len(magicV1))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magicV1 {
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
	for _, l := range []*weights{m.first, m.second} {
		if l != nil && l.idx == nil {
			l.idx = rowIndexOf(l.rowOf)
		}
	}
	for _, l := range []*weights{m.first, m.second} {
		if l != nil {
			l.rowOf = nil
		}
	}
	if !quantRows {
		widenRows(m.first, m.second, m.joint)
	}
	if m.clus != nil {
		m.clusT = newHashTab(m.clus)
	}
	m.gazT = newHashTab(m.gaz)
	m.prepareViterbi()
	return m, nil
}
