package ner

// hashTab is a read-only open-addressing table from 64-bit hashes (word
// and name hashes, already well mixed) to small values, built once from a
// loaded model's map. A lookup is one 16-byte slot, usually one cache
// line, where a Go map reads a control word and then a slot in another
// line: the tagger's cluster and gazetteer lookups miss the cache more
// often than not (the weight rows stream through it), so the misses are
// what they cost. Its slots can be prefetched in a batch before they are
// read (slotOf).
type hashTab struct {
	shift   uint
	slots   []hashSlot // key 0: empty
	hasZero bool       // the key 0, kept aside
	zero    uint32
}

type hashSlot struct {
	key uint64
	val uint32
}

// newHashTab builds the table of m, at most half full.
func newHashTab[V uint8 | uint32](m map[uint64]V) *hashTab {
	bits := uint(4)
	for 1<<bits < 2*len(m) {
		bits++
	}
	t := &hashTab{shift: 64 - bits, slots: make([]hashSlot, 1<<bits)}
	for k, v := range m {
		t.insert(k, uint32(v))
	}
	return t
}

// insert puts k in the first free slot from its own (linear probing); the
// table must have a free slot and not hold k yet.
func (t *hashTab) insert(k uint64, v uint32) {
	if k == 0 {
		t.hasZero, t.zero = true, v
		return
	}
	mask := uint32(len(t.slots) - 1)
	i := t.slotOf(k)
	for t.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = hashSlot{key: k, val: v}
}

// newHashTabSorted builds the table of keys (ascending, no repeats) with
// values val(k), inserted in that order, so the slots depend only on the
// content (the model file stores them as they are: appendTable).
//
// It is at most two thirds full (the shipped gazetteer's 145k names: 55 %,
// 4 MiB of slots): probes stay in one or two cache lines, and a process
// has half as much to fill at start as at half full.
func newHashTabSorted(keys []uint64, val func(uint64) uint32) *hashTab {
	bits := uint(4)
	for 1<<bits < 3*len(keys)/2 {
		bits++
	}
	t := &hashTab{shift: 64 - bits, slots: make([]hashSlot, 1<<bits)}
	for _, k := range keys {
		t.insert(k, val(k))
	}
	return t
}

// all calls f for every key of the table and its value.
func (t *hashTab) all(f func(k uint64, v uint32)) {
	if t.hasZero {
		f(0, t.zero)
	}
	for _, s := range t.slots {
		if s.key != 0 {
			f(s.key, s.val)
		}
	}
}

// slotOf is the first slot key k may be in.
func (t *hashTab) slotOf(k uint64) uint32 {
	return uint32((k * 0x9E3779B97F4A7C15) >> t.shift)
}

// get returns the value of k and whether k is in the table, as the map's
// two-value index would.
func (t *hashTab) get(k uint64) (uint32, bool) {
	if k == 0 {
		return t.zero, t.hasZero
	}
	mask := uint32(len(t.slots) - 1)
	for i := t.slotOf(k); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k {
			return s.val, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}

// gazCand is an n-gram of a document that passed the gazetteer filter:
// tokens [i, i+n) of the document.
type gazCand struct {
	h    uint64
	i, n int32
}

// markDoc is gazetteer.mark over every sentence of st with the table t
// of the gazetteer (no overlay: loaded models): the same n-grams looked up,
// the same marks set. The n-grams that pass the filter are collected for
// the whole document first and their slots prefetched together, so their
// cache misses overlap.
func (t *hashTab) markDoc(st *docState, f gazFilter) {
	cands := st.cands[:0]
	for k := 0; k+1 < len(st.bounds); k++ {
		s := st.sentence(k)
		base := st.bounds[k]
		for i := range s {
			if s[i].flags&fNoLetter != 0 {
				continue
			}
			var h uint64
			for n := 1; n <= maxGazLen && i+n <= len(s); n++ {
				h = seqHash(h, s[i+n-1].l)
				if f.has(h) {
					cands = append(cands, gazCand{h: h, i: base + int32(i), n: int32(n)})
				}
			}
		}
	}
	st.cands = cands
	if len(cands) == 0 {
		return
	}
	idx := st.slotIdx[:0]
	for _, c := range cands {
		idx = append(idx, t.slotOf(c.h))
	}
	st.slotIdx = idx
	prefetchSlots(&t.slots[0], idx)
	for _, c := range cands {
		v, _ := t.get(c.h)
		if v == 0 {
			continue
		}
		markName(st.infos[c.i:c.i+c.n], uint8(v))
	}
}
