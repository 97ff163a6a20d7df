package ner

import (
	"sort"

	"github.com/sitrep/sitrep/internal/eval/conll"
)

// Entity types, in tag order.
var typeNames = [...]string{"PER", "ORG", "LOC", "MISC"}

func typeIndex(t string) int {
	for i, n := range typeNames {
		if n == t {
			return i
		}
	}
	return -1
}

// Gazetteer position bits (per type, 4 bits: B I L U).
const (
	gazB = iota
	gazI
	gazL
	gazU
)

const maxGazLen = 6

// gazetteer maps the hash of a lower-cased token sequence to a bit set of
// entity types (1<<typeIndex).
type gazetteer map[uint64]uint8

func seqHash(h, tok uint64) uint64 { return mix(h+1, tok) }

// nameHash is the key of a name given as its tokens; ok is false for names
// the gazetteer does not hold (empty or longer than maxGazLen tokens).
func nameHash(toks []string) (h uint64, ok bool) {
	if len(toks) == 0 || len(toks) > maxGazLen {
		return 0, false
	}
	for _, t := range toks {
		h = seqHash(h, hashLowerNorm(normalize(t)))
	}
	return h, true
}

// add records a name given as its tokens.
func (g gazetteer) add(toks []string, typ int) {
	if h, ok := nameHash(toks); ok {
		g[h] |= 1 << typ
	}
}

// addList records a name of extra list src (0..3): bit 4+src of the entry,
// marked in tokInfo.gazx rather than as a type.
func (g gazetteer) addList(toks []string, src int) {
	if h, ok := nameHash(toks); ok {
		g[h] |= 1 << (4 + src)
	}
}

// gazFilterBits is the log2 of the bits of a gazFilter: 2^21 bits (256
// KiB) hold the 145k names of the shipped gazetteer with about one false
// positive in fifteen.
const gazFilterBits = 21

// gazFilter is a one-hash Bloom filter of the gazetteer's keys: a
// sequence whose bit is clear is not a name, so most of the six lookups
// per token mark makes never reach the map (whose 145k entries miss the
// cache), and those that do are the names and a few false positives.
type gazFilter []uint64

func newGazFilter(g gazetteer) gazFilter {
	f := make(gazFilter, 1<<gazFilterBits/64)
	for k := range g {
		f.add(k)
	}
	return f
}

// add sets the bit of key k.
func (f gazFilter) add(k uint64) {
	b := k >> (64 - gazFilterBits)
	f[b/64] |= 1 << (b % 64)
}

// has reports whether h may be a key (false: it is not).
func (f gazFilter) has(h uint64) bool {
	b := h >> (64 - gazFilterBits)
	return f[b/64]&(1<<(b%64)) != 0
}

// mark sets tokInfo.gaz (and gazx) for every gazetteer match in a sentence. Entries of
// over, when non-nil, replace those of g (see labelledGazetteer); f, when
// non-nil, is g's filter (without over only).
func (g gazetteer) mark(s []tokInfo, over map[uint64]uint8, f gazFilter) {
	if len(g) == 0 {
		return
	}
	if over != nil {
		f = nil
	}
	for i := range s {
		if s[i].flags&fNoLetter != 0 {
			continue
		}
		var h uint64
		for n := 1; n <= maxGazLen && i+n <= len(s); n++ {
			h = seqHash(h, s[i+n-1].l)
			if f != nil && !f.has(h) {
				continue
			}
			types, ok := over[h]
			if !ok {
				types = g[h]
			}
			if types == 0 {
				continue
			}
			markName(s[i:i+n], types)
		}
	}
}

// markName sets the gazetteer bits of the name s for each of its types.
func markName(s []tokInfo, types uint8) {
	n := len(s)
	for t := 0; t < 8; t++ {
		if types&(1<<t) == 0 {
			continue
		}
		if n == 1 {
			s[0].setGaz(t, gazU)
			continue
		}
		s[0].setGaz(t, gazB)
		s[n-1].setGaz(t, gazL)
		for k := 1; k < n-1; k++ {
			s[k].setGaz(t, gazI)
		}
	}
}

// setGaz sets the gazetteer bit of entry bit t (a type below 4, an extra
// list from 4) at position pos.
func (ti *tokInfo) setGaz(t, pos int) {
	if t < 4 {
		ti.gaz |= 1 << (t*4 + pos)
	} else {
		ti.gazx |= 1 << ((t-4)*4 + pos)
	}
}

// sortedKeys returns the keys in ascending order (for deterministic output).
func (g gazetteer) sortedKeys() []uint64 {
	keys := make([]uint64, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	return keys
}

func conllSpans(tags []string) []conll.Span { return conll.Spans(tags) }
