package endtoend

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Alignment maps byte offsets of a stored text (what ingest kept: its
// cleaner may drop a dateline, re-space paragraphs or trim) back onto the
// gold text it came from.
type Alignment struct {
	to []int32 // stored offset -> gold offset, -1 where unmatched
}

// resync is how many non-space bytes must agree for the aligner to pick
// up again after a difference.
const resync = 24

// Align aligns stored onto gold: equal runs of non-space characters are
// matched in order, white space is skipped on both sides, and where they
// differ the aligner looks for the next resync bytes of stored further on
// in gold (text the cleaner removed) and otherwise skips the stored
// character (text it added).
func Align(gold, stored string) *Alignment {
	a := &Alignment{to: make([]int32, len(stored)+1)}
	for i := range a.to {
		a.to[i] = -1
	}
	g, s := 0, 0
	for s < len(stored) {
		rs, ns := utf8.DecodeRuneInString(stored[s:])
		if unicode.IsSpace(rs) {
			s += ns
			continue
		}
		for g < len(gold) {
			rg, ng := utf8.DecodeRuneInString(gold[g:])
			if !unicode.IsSpace(rg) {
				break
			}
			g += ng
		}
		if g < len(gold) && strings.HasPrefix(gold[g:], stored[s:s+ns]) {
			for k := 0; k < ns; k++ {
				a.to[s+k] = int32(g + k)
			}
			s += ns
			g += ns
			continue
		}
		// a difference: find the next stretch of stored later in gold
		probe := nonSpacePrefix(stored[s:], resync)
		if j := strings.Index(gold[g:], probe); len(probe) >= 4 && j >= 0 {
			g += j
			continue
		}
		s += ns
	}
	a.to[len(stored)] = int32(len(gold))
	return a
}

// nonSpacePrefix is the prefix of s up to its first white space, at most
// n bytes (cut at a rune boundary).
func nonSpacePrefix(s string, n int) string {
	end := 0
	for end < len(s) && end < n {
		r, w := utf8.DecodeRuneInString(s[end:])
		if unicode.IsSpace(r) || end+w > n {
			break
		}
		end += w
	}
	return s[:end]
}

// Span maps the stored span [start, end) onto gold; ok is false when
// neither end could be placed.
func (a *Alignment) Span(start, end int) (gs, ge int, ok bool) {
	if start < 0 || end > len(a.to)-1 || start >= end {
		return 0, 0, false
	}
	gs, ge = -1, -1
	for i := start; i < end; i++ {
		if a.to[i] >= 0 {
			gs = int(a.to[i])
			break
		}
	}
	for i := end - 1; i >= start; i-- {
		if a.to[i] >= 0 {
			ge = int(a.to[i]) + 1
			break
		}
	}
	if gs < 0 || ge <= gs {
		return 0, 0, false
	}
	return gs, ge, true
}
