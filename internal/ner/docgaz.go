package ner

// Document gazetteer: the names the first pass found in the document, with
// the type it gave each name most often. In the second pass every
// occurrence of such a name (same lower-cased tokens) is marked like a
// gazetteer match, so a name keeps one type through an article ("Mosul"
// tagged LOC in most sentences pulls the odd ORG reading back) and a name
// found once (the full "Islamic State" in a clear context) helps its other
// occurrences.

// docGaz maps a name hash to per-type counts of first-pass mentions
// (names), with a filter of the hashes of the names' first 1, 2, ...
// tokens (prefix): an n-gram whose bit is clear starts no name, nor does
// any longer n-gram from the same token, so mark stops there instead of
// looking up all six lengths.
type docGaz struct {
	names  map[uint64][4]uint16
	prefix [docGazFilterWords]uint64
}

// docGazFilterWords is the size of docGaz.prefix in 64-bit words: 4,096
// bits, a few percent false positives for the few hundred name prefixes of
// a long article.
const docGazFilterWords = 64

func (g *docGaz) reset() {
	if g.names == nil {
		g.names = make(map[uint64][4]uint16)
	}
	clear(g.names)
	g.prefix = [docGazFilterWords]uint64{}
}

func (g *docGaz) setPrefix(h uint64) {
	b := h >> (64 - 12)
	g.prefix[b/64] |= 1 << (b % 64)
}

func (g *docGaz) hasPrefix(h uint64) bool {
	b := h >> (64 - 12)
	return g.prefix[b/64]&(1<<(b%64)) != 0
}

// collect records the first-pass mentions of sentence s (tags of s).
func (g *docGaz) collect(s []tokInfo, tags []uint8) {
	for i := 0; i < len(tags); {
		if tags[i] == 0 {
			i++
			continue
		}
		j := spanEnd(tags, i)
		if j-i <= maxGazLen {
			var h uint64
			for k := i; k < j; k++ {
				h = seqHash(h, s[k].l)
				g.setPrefix(h)
			}
			c := g.names[h]
			if t := tagType(int(tags[i])); c[t] < 1<<15 {
				c[t]++
			}
			g.names[h] = c
		}
		i = j
	}
}

// majority returns the bit set of the types with the highest count.
func majority(c [4]uint16) uint8 {
	var best uint16
	for _, n := range c {
		best = max(best, n)
	}
	var b uint8
	if best == 0 {
		return 0
	}
	for t, n := range c {
		if n == best {
			b |= 1 << t
		}
	}
	return b
}

// mark sets tokInfo.dgaz for every match of a first-pass name in s
// (matches start at a token with a letter).
func (g *docGaz) mark(s []tokInfo) {
	for i := range s {
		s[i].dgaz = 0
	}
	if len(g.names) == 0 {
		return
	}
	for i := range s {
		if s[i].flags&fNoLetter != 0 {
			continue
		}
		var h uint64
		for n := 1; n <= maxGazLen && i+n <= len(s); n++ {
			h = seqHash(h, s[i+n-1].l)
			if !g.hasPrefix(h) {
				break
			}
			c, ok := g.names[h]
			if !ok {
				continue
			}
			types := majority(c)
			for t := 0; t < 4; t++ {
				if types&(1<<t) == 0 {
					continue
				}
				if n == 1 {
					s[i].dgaz |= 1 << (t*4 + gazU)
					continue
				}
				s[i].dgaz |= 1 << (t*4 + gazB)
				s[i+n-1].dgaz |= 1 << (t*4 + gazL)
				for k := i + 1; k < i+n-1; k++ {
					s[k].dgaz |= 1 << (t*4 + gazI)
				}
			}
		}
	}
}
