package story

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// The clusterer's state changes little per batch — the events and
// storylines its articles touched, their terms' document frequencies,
// some posting lists, a few near-duplicate slots — while the whole state
// grows with the corpus. A StateLog finds what changed since the state was
// last stored and writes only that: a store keeps the last whole state and
// the changes written after it (store.Derived.StateLog), and
// UnmarshalState replays them. Changes are found by comparing with what
// was last written (hashes of events, storylines and posting lists, a copy
// of the document frequencies, the near-duplicate slots' articles), not by
// marking writes in the clusterer, so that nothing that changes can be
// missed by a code path that forgot to mark it.

// Version 2 added events' weekday counts; version 1 changes are still
// replayed.
const (
	deltaMagic   = "SITREPCD\x02"
	deltaMagicV1 = "SITREPCD\x01"
)

// StateLog finds the changes of one clusterer's state since it was last
// written. It is not safe for concurrent use; the clusterer may be.
type StateLog struct {
	c *Clusterer
	// gen is the clusterer's log generation this log started at: the
	// dirty lists (Clusterer.evDirty) are this log's while it is the
	// clusterer's newest
	gen    int64
	ev, sl []uint64          // hash of each event, storyline as last written
	df     map[uint64]uint32 // document frequencies as last written
	post   map[uint64]uint64 // hash of each posting list as last written
	slPost map[uint64]uint64
	dup    []dupKey
}

// dupKey stands for a near-duplicate slot: slots are only ever
// overwritten with a new article, whose id differs (the signature's ends
// are added for safety).
type dupKey struct {
	doc, event int64
	sig        [2]uint32
}

func keyOf(d *dupEntry) dupKey {
	return dupKey{d.Doc, d.Event, [2]uint32{d.Sig[0], d.Sig[sigSize-1]}}
}

// NewStateLog starts a log of c's changes from its state now: the state
// just loaded, or just written whole.
func NewStateLog(c *Clusterer) *StateLog {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.logGen++
	c.evDirty, c.slDirty, c.dirtyAll = c.evDirty[:0], c.slDirty[:0], false
	l := &StateLog{c: c, gen: c.logGen, df: make(map[uint64]uint32, len(c.df)), post: make(map[uint64]uint64, len(c.post)),
		slPost: make(map[uint64]uint64, len(c.slPost))}
	for _, e := range c.evs {
		l.ev = append(l.ev, hashEvent(e))
	}
	for _, s := range c.sls {
		l.sl = append(l.sl, hashStoryline(s))
	}
	for k, v := range c.df {
		l.df[k] = v
	}
	for k, p := range c.post {
		l.post[k] = hashInts(p)
	}
	for k, p := range c.slPost {
		l.slPost[k] = hashInts(p)
	}
	for i := range c.dup.ring {
		l.dup = append(l.dup, keyOf(&c.dup.ring[i]))
	}
	return l
}

// Of reports whether the log follows c (a clusterer restored from a saved
// state is another one, whose changes this log does not know).
func (l *StateLog) Of(c *Clusterer) bool { return l != nil && l.c == c }

// Delta returns the changes since the log started or last returned, and
// takes them as written: a caller whose write fails must start a new log
// from the state it reloads.
func (l *StateLog) Delta() []byte {
	c := l.c
	c.mu.Lock()
	defer c.mu.Unlock()
	w := &stateWriter{b: make([]byte, 0, 1<<16)}
	w.b = append(w.b, deltaMagic...)
	w.iv(c.n)
	w.iv(c.seq)
	w.time(c.now)
	w.iv(int64(c.dfShed))

	// document frequencies: changed, then gone (shed)
	var ks []uint64
	for k, v := range c.df {
		if old, ok := l.df[k]; !ok || old != v {
			ks = append(ks, k)
			l.df[k] = v
		}
	}
	slices.Sort(ks)
	w.uv(uint64(len(ks)))
	var prev uint64
	for _, k := range ks {
		w.uv(k - prev)
		prev = k
		w.uv(uint64(c.df[k]))
	}
	ks = ks[:0]
	if len(l.df) > len(c.df) {
		for k := range l.df {
			if _, ok := c.df[k]; !ok {
				ks = append(ks, k)
				delete(l.df, k)
			}
		}
	}
	w.keys(ks)

	// Only the events and storylines marked since the last look (and the
	// new ones) can differ from what was written: those are hashed, not
	// all of them, which grow with the corpus. A log that is not the
	// clusterer's newest, or dirty lists that overflowed, look at all.
	whole := l.gen != c.logGen || c.dirtyAll || fullLook
	evIdx, slIdx := c.evDirty, c.slDirty
	if whole {
		evIdx, slIdx = nil, nil
	}
	c.evDirty, c.slDirty, c.dirtyAll = c.evDirty[:0], c.slDirty[:0], false

	w.uv(uint64(len(c.evs)))
	var changed []int
	if whole {
		changed = changedSince(len(c.evs), func(i int) uint64 { return hashEvent(c.evs[i]) }, &l.ev, nil)
	} else {
		changed = changedAt(evIdx, len(c.evs), func(i int) uint64 { return hashEvent(c.evs[i]) }, &l.ev, nil)
	}
	w.uv(uint64(len(changed)))
	for _, i := range changed {
		w.event(c.evs[i])
	}
	w.ints(c.live)
	l.posts(w, c.post, l.post)

	w.uv(uint64(len(c.sls)))
	if whole {
		changed = changedSince(len(c.sls), func(i int) uint64 { return hashStoryline(c.sls[i]) }, &l.sl, changed[:0])
	} else {
		changed = changedAt(slIdx, len(c.sls), func(i int) uint64 { return hashStoryline(c.sls[i]) }, &l.sl, changed[:0])
	}
	w.uv(uint64(len(changed)))
	for _, i := range changed {
		w.storyline(c.sls[i])
	}
	w.ints(c.slLive)
	l.posts(w, c.slPost, l.slPost)
	w.pairs(c.changed)
	w.pairs(c.merged)

	w.uv(uint64(len(c.dup.ring)))
	changed = changedSince(len(c.dup.ring), func(i int) dupKey { return keyOf(&c.dup.ring[i]) }, &l.dup, changed[:0])
	w.uv(uint64(len(changed)))
	for _, i := range changed {
		w.uv(uint64(i))
		w.dup(&c.dup.ring[i])
	}
	w.iv(int64(c.dup.next))
	return w.b
}

// changedSince appends to changed the indexes of the n items whose key
// differs from the one saved when last written (or that are new), and
// brings saved up to date.
func changedSince[K comparable](n int, key func(i int) K, saved *[]K, changed []int) []int {
	for i := 0; i < n; i++ {
		k := key(i)
		if i >= len(*saved) {
			*saved = append(*saved, k)
		} else if (*saved)[i] == k {
			continue
		}
		(*saved)[i] = k
		changed = append(changed, i)
	}
	return changed
}

// changedAt is changedSince for the items at the indices marked (in any
// order, repeated or not) and those added since saved was brought up to
// date, the others being known not to have changed. It sorts marked.
func changedAt[K comparable](marked []int32, n int, key func(i int) K, saved *[]K, changed []int) []int {
	slices.Sort(marked)
	marked = slices.Compact(marked)
	for _, m := range marked {
		i := int(m)
		if i >= len(*saved) {
			break // added since: below
		}
		if k := key(i); (*saved)[i] != k {
			(*saved)[i] = k
			changed = append(changed, i)
		}
	}
	for i := len(*saved); i < n; i++ {
		*saved = append(*saved, key(i))
		changed = append(changed, i)
	}
	return changed
}

// fullLook makes every Delta hash all events and storylines, as it did
// before the dirty lists (tests: the changes found must be the same).
var fullLook bool

// posts writes the posting lists of m that changed since saved, then the
// keys gone, and brings saved up to date.
func (l *StateLog) posts(w *stateWriter, m map[uint64][]int32, saved map[uint64]uint64) {
	var ks []uint64
	for k, p := range m {
		h := hashInts(p)
		if old, ok := saved[k]; !ok || old != h {
			ks = append(ks, k)
			saved[k] = h
		}
	}
	slices.Sort(ks)
	w.uv(uint64(len(ks)))
	var prev uint64
	for _, k := range ks {
		w.uv(k - prev)
		prev = k
		w.ints(m[k])
	}
	ks = ks[:0]
	if len(saved) > len(m) {
		for k := range saved {
			if _, ok := m[k]; !ok {
				ks = append(ks, k)
				delete(saved, k)
			}
		}
	}
	w.keys(ks)
}

// keys writes a set of keys, sorted and delta-coded.
func (w *stateWriter) keys(ks []uint64) {
	slices.Sort(ks)
	w.uv(uint64(len(ks)))
	var prev uint64
	for _, k := range ks {
		w.uv(k - prev)
		prev = k
	}
}

func (r *stateReader) keys() []uint64 {
	n := r.n(1)
	ks := make([]uint64, 0, n)
	var k uint64
	for i := 0; i < n && r.err == nil; i++ {
		k += r.uv()
		ks = append(ks, k)
	}
	return ks
}

// apply replays one change written by StateLog.Delta.
func (s *snapshot) apply(data []byte) error {
	if len(data) < len(deltaMagic) || string(data[:len(deltaMagic)]) != deltaMagic && string(data[:len(deltaMagic)]) != deltaMagicV1 {
		return errors.New("not a clusterer state change")
	}
	r := &stateReader{b: data[len(deltaMagic):], noWD: string(data[:len(deltaMagic)]) == deltaMagicV1}
	s.N, s.Seq, s.Now = r.iv(), r.iv(), r.time()
	s.DFShed = int(r.iv())
	if s.DF == nil {
		s.DF = map[uint64]uint32{}
	}
	nd := r.n(2)
	var k uint64
	for i := 0; i < nd && r.err == nil; i++ {
		k += r.uv()
		s.DF[k] = uint32(r.uv())
	}
	for _, k := range r.keys() {
		delete(s.DF, k)
	}

	ne := int(r.uv())
	nc := r.n(20)
	for i := 0; i < nc && r.err == nil; i++ {
		e := r.event()
		if r.err == nil {
			s.Events, r.err = putByID(s.Events, int(e.ID), e, "event")
		}
	}
	if r.err == nil && len(s.Events) != ne {
		return fmt.Errorf("%d events, the change says %d", len(s.Events), ne)
	}
	s.Live = r.ints()
	s.Post = r.applyPosts(s.Post)

	ns := int(r.uv())
	nc = r.n(8)
	for i := 0; i < nc && r.err == nil; i++ {
		sl := r.storyline()
		if r.err == nil {
			s.Storylines, r.err = putByID(s.Storylines, int(sl.ID), sl, "storyline")
		}
	}
	if r.err == nil && len(s.Storylines) != ns {
		return fmt.Errorf("%d storylines, the change says %d", len(s.Storylines), ns)
	}
	s.SlLive = r.ints()
	s.SlPost = r.applyPosts(s.SlPost)
	s.Changed = r.pairs()
	s.Merged = r.pairs()

	nu := int(r.uv())
	nc = r.n(3 + 4*sigSize)
	for i := 0; i < nc && r.err == nil; i++ {
		at := int(r.uv())
		var d dupEntry
		r.dup(&d)
		switch {
		case r.err != nil:
		case at < len(s.Dup):
			s.Dup[at] = d
		case at == len(s.Dup):
			s.Dup = append(s.Dup, d)
		default:
			r.err = fmt.Errorf("near-duplicate slot %d out of order", at)
		}
	}
	if r.err == nil && len(s.Dup) != nu {
		return fmt.Errorf("%d near-duplicate slots, the change says %d", len(s.Dup), nu)
	}
	s.DupNext = int(r.iv())
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return fmt.Errorf("%d bytes left over", len(r.b))
	}
	return nil
}

func (r *stateReader) applyPosts(m map[uint64][]int32) map[uint64][]int32 {
	if m == nil {
		m = map[uint64][]int32{}
	}
	n := r.n(2)
	var k uint64
	for i := 0; i < n && r.err == nil; i++ {
		k += r.uv()
		m[k] = r.ints()
	}
	for _, k := range r.keys() {
		delete(m, k)
	}
	return m
}

// hashing: a fast 64-bit mix over every field the codec writes (a field
// added to event or storyline must be added here too: TestStateLogFields).

type hasher uint64

func (h *hasher) add(v uint64) {
	x := uint64(*h) ^ v
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	*h = hasher(x + 0x9e3779b97f4a7c15)
}

func (h *hasher) time(t time.Time) {
	if t.IsZero() {
		h.add(0)
		return
	}
	h.add(uint64(t.Unix()))
	h.add(uint64(t.Nanosecond()) + 1)
}

func (h *hasher) vec(v []tw) {
	h.add(uint64(len(v)))
	for _, t := range v {
		h.add(t.K)
		h.add(uint64(math.Float32bits(t.W)))
	}
}

func hashEvent(e *event) uint64 {
	h := hasher(1)
	h.add(uint64(e.ID))
	h.add(uint64(e.Storyline))
	h.add(uint64(e.Docs))
	h.time(e.First)
	h.time(e.Last)
	h.add(uint64(e.LastSeq))
	h.vec(e.Terms)
	h.vec(e.Names)
	h.vec(e.Ents)
	h.add(uint64(e.Indexed))
	h.vec(e.Profile)
	h.add(uint64(e.Relinked))
	h.add(uint64(e.MergedInto))
	h.add(uint64(e.wN))
	h.vec(e.wt)
	h.add(math.Float64bits(e.wNorm))
	for _, x := range e.WD {
		h.add(uint64(math.Float32bits(x)))
	}
	return uint64(h)
}

func hashStoryline(s *storyline) uint64 {
	h := hasher(2)
	h.add(uint64(s.ID))
	h.add(uint64(s.Parent))
	h.add(uint64(s.Events))
	h.add(uint64(len(s.Members)))
	for _, m := range s.Members {
		h.add(uint64(m))
	}
	h.time(s.First)
	h.time(s.Last)
	h.add(uint64(s.LastSeq))
	h.vec(s.Profile)
	return uint64(h)
}

func hashInts(p []int32) uint64 {
	h := hasher(3)
	h.add(uint64(len(p)))
	for _, x := range p {
		h.add(uint64(uint32(x)))
	}
	return uint64(h)
}

// putByID puts v, whose id is its 1-based place, into list: over the one
// there, or appended as the next; any other id is out of order.
func putByID[T any](list []T, id int, v T, what string) ([]T, error) {
	switch at := id - 1; {
	case at >= 0 && at < len(list):
		list[at] = v
	case at == len(list):
		list = append(list, v)
	default:
		return list, fmt.Errorf("%s %d out of order", what, id)
	}
	return list, nil
}
