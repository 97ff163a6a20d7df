package geo

import "strings"

// Memo keeps a gazetteer's answers to the name lookups of one goroutine
// (Doc.Memo). Finding a name's records (lookupLoose: its key, the key's
// variants, the wrapped and bare-admin forms, each a binary search of the
// index) costs the same every time, and news names recur article after
// article; the gazetteer does not change once loaded, so a kept answer is
// the answer. Not safe for concurrent use: one Memo per worker.
type Memo struct {
	g     *Gazetteer
	loose map[string]memoPost
}

// memoPost is one kept answer of lookupLoose.
type memoPost struct {
	recs  []int32
	loose bool
}

// memoMax bounds the names a Memo keeps (each a few dozen bytes and a
// shared slice); when full it is emptied and refilled.
const memoMax = 1 << 15

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{} }

// lookupLoose is g.lookupLoose(name), kept. A nil Memo keeps nothing. The
// records are capped at their length, so a caller's append never writes
// into a kept answer (none appends today).
func (m *Memo) lookupLoose(g *Gazetteer, name string) ([]int32, bool) {
	if m == nil {
		return g.lookupLoose(name)
	}
	if m.g != g || m.loose == nil || len(m.loose) >= memoMax {
		m.g, m.loose = g, make(map[string]memoPost, 1024)
	}
	if e, ok := m.loose[name]; ok {
		return e.recs, e.loose
	}
	p, loose := g.lookupLoose(name)
	p = p[:len(p):len(p)]
	// a copy of the name: a slice of an article's text would keep the
	// whole text alive
	m.loose[strings.Clone(name)] = memoPost{p, loose}
	return p, loose
}
