package story

import (
	"encoding/binary"
	"math"

	"github.com/cespare/xxhash/v2"
)

// Near-duplicate detection: MinHash over 3-word shingles (all words, stop
// words included, lower-cased), banded LSH over a bounded window of recent
// articles. Wire copies score near 1; syndicated rewrites and updated
// versions score between DupThreshold and 1.

const (
	sigSize  = 64 // MinHash values per signature
	sigBands = 16 // LSH bands (sigSize/sigBands rows each)
	shingleK = 3
)

// Signature is a MinHash signature of a text's word shingles.
type Signature [sigSize]uint32

// MinHash computes the signature of text (title and body, as given). Texts
// of fewer than shingleK words get an empty (all-max) signature, which
// matches nothing.
func MinHash(text string) Signature {
	return minHashTokens(nil, tokenize(text))
}

// minHashTokens is MinHash of the words a followed by the words b.
func minHashTokens(a, b []token) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	if len(a)+len(b) < shingleK {
		return sig
	}
	hs := make([]uint64, 0, len(a)+len(b))
	for _, t := range a {
		hs = append(hs, xxhash.Sum64String(t.lower))
	}
	for _, t := range b {
		hs = append(hs, xxhash.Sum64String(t.lower))
	}
	for i := 0; i+shingleK <= len(hs); i++ {
		x := hs[i]
		for j := 1; j < shingleK; j++ {
			x = mix64(x*0x9E3779B97F4A7C15 ^ hs[i+j])
		}
		// 64 hash functions from two (Kirsch–Mitzenmacher): h1 + k*h2
		h1, h2 := mix64(x), mix64(x^sigSeeds[0])|1
		for k := range sig {
			v := uint32((h1 + uint64(k)*h2) >> 32)
			if v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// Empty reports whether the signature was computed from too short a text.
func (s *Signature) Empty() bool {
	for _, v := range s {
		if v != math.MaxUint32 {
			return false
		}
	}
	return true
}

// Jaccard estimates the Jaccard resemblance of the two shingle sets.
func (s *Signature) Jaccard(o *Signature) float64 {
	if s.Empty() || o.Empty() {
		return 0
	}
	n := 0
	for i := range s {
		if s[i] == o[i] {
			n++
		}
	}
	return float64(n) / sigSize
}

func (s *Signature) bandKeys() [sigBands]uint64 {
	var out [sigBands]uint64
	rows := sigSize / sigBands
	var buf [4*sigSize/sigBands + 1]byte
	for b := 0; b < sigBands; b++ {
		buf[0] = byte(b)
		for r := 0; r < rows; r++ {
			binary.LittleEndian.PutUint32(buf[1+4*r:], s[b*rows+r])
		}
		out[b] = xxhash.Sum64(buf[:])
	}
	return out
}

var sigSeeds [sigSize]uint64

func init() {
	x := uint64(0x5EED5EED)
	for i := range sigSeeds {
		x = mix64(x + 0x9E3779B97F4A7C15)
		sigSeeds[i] = x
	}
}

// mix64 is the splitmix64 finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// dupEntry is one article remembered by the near-duplicate index.
type dupEntry struct {
	Doc   int64
	Event int64
	Sig   Signature
}

// dupIndex is a ring of the last cap articles with an LSH band table.
type dupIndex struct {
	cap   int
	ring  []dupEntry
	next  int              // slot the next article goes to
	bands map[uint64]int32 // band key -> latest slot holding it
}

func newDupIndex(capacity int) *dupIndex {
	if capacity < 1 {
		capacity = 1
	}
	return &dupIndex{cap: capacity, bands: make(map[uint64]int32)}
}

// best returns the remembered article most resembling sig, with its
// estimated Jaccard resemblance, or ok=false when no band collides.
func (x *dupIndex) best(sig *Signature, keys *[sigBands]uint64) (e dupEntry, sim float64, ok bool) {
	seen := [sigBands]int32{}
	ns := 0
outer:
	for _, k := range keys {
		slot, hit := x.bands[k]
		if !hit {
			continue
		}
		for _, s := range seen[:ns] {
			if s == slot {
				continue outer
			}
		}
		seen[ns] = slot
		ns++
		c := &x.ring[slot]
		if j := sig.Jaccard(&c.Sig); j > sim {
			e, sim, ok = *c, j, true
		}
	}
	return e, sim, ok
}

func (x *dupIndex) add(e dupEntry, keys *[sigBands]uint64) {
	if e.Sig.Empty() {
		return
	}
	slot := x.next
	if len(x.ring) < x.cap {
		x.ring = append(x.ring, e)
	} else {
		old := &x.ring[slot]
		for _, k := range old.Sig.bandKeys() {
			if s, hit := x.bands[k]; hit && int(s) == slot {
				delete(x.bands, k)
			}
		}
		x.ring[slot] = e
	}
	for _, k := range keys {
		x.bands[k] = int32(slot)
	}
	x.next = (slot + 1) % x.cap
}
