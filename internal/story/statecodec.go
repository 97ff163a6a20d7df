package story

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// The clusterer's state in a compact binary form: varints, key-sorted
// vectors delta-coded, maps written in key order (so the same state gives
// the same bytes). The corpus stage stores it after every batch, so it has
// to be quick: gob spent most of its time on reflection over millions of
// small values. States written by gob (version 1) are still read.

// Version 3 added each event's weekday counts; version 2 states are still
// read (their events then have none, as if no article named a weekday).
const (
	stateMagic   = "SITREPCL\x03"
	stateMagicV2 = "SITREPCL\x02"
)

type stateWriter struct{ b []byte }

func (w *stateWriter) uv(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *stateWriter) iv(v int64)  { w.b = binary.AppendVarint(w.b, v) }
func (w *stateWriter) f32(v float32) {
	w.b = binary.LittleEndian.AppendUint32(w.b, math.Float32bits(v))
}
func (w *stateWriter) bytes(p []byte) { w.uv(uint64(len(p))); w.b = append(w.b, p...) }

func (w *stateWriter) time(t time.Time) {
	if t.IsZero() {
		w.uv(0)
		return
	}
	w.uv(1)
	w.iv(t.Unix())
	w.uv(uint64(t.Nanosecond()))
}

// vec writes a key-sorted vector: keys as deltas.
func (w *stateWriter) vec(v []tw) {
	w.b = slices.Grow(w.b, 1+len(v)*14)
	w.uv(uint64(len(v)))
	var prev uint64
	for _, t := range v {
		w.uv(t.K - prev)
		prev = t.K
		w.f32(t.W)
	}
}

func (w *stateWriter) ints(v []int32) {
	w.uv(uint64(len(v)))
	for _, x := range v {
		w.iv(int64(x))
	}
}

func (w *stateWriter) posts(m map[uint64][]int32) {
	keys := sortedKeys(m)
	w.uv(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		w.uv(k - prev)
		prev = k
		w.ints(m[k])
	}
}

func (w *stateWriter) pairs(m map[int64]int64) {
	keys := sortedKeys(m)
	w.uv(uint64(len(keys)))
	for _, k := range keys {
		w.iv(k)
		w.iv(m[k])
	}
}

func sortedKeys[K uint64 | int64, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// event writes one event; the state log (statelog.go) writes changed
// events the same way.
func (w *stateWriter) event(e *event) {
	w.iv(e.ID)
	w.iv(e.Storyline)
	w.iv(int64(e.Docs))
	w.time(e.First)
	w.time(e.Last)
	w.iv(e.LastSeq)
	w.vec(e.Terms)
	w.vec(e.Names)
	w.vec(e.Ents)
	w.iv(int64(e.Indexed))
	w.vec(e.Profile)
	w.iv(int64(e.Relinked))
	w.iv(e.MergedInto)
	// the idf-weighted centroid as cached: recomputing it on resume
	// would weigh with today's frequencies, and a resumed clusterer
	// would score differently from one that never stopped
	w.iv(e.wN)
	w.vec(e.wt)
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(e.wNorm))
	if e.WD.empty() {
		w.uv(0)
		return
	}
	w.uv(uint64(len(e.WD)))
	for _, x := range e.WD {
		w.f32(x)
	}
}

func (w *stateWriter) storyline(sl *storyline) {
	w.iv(sl.ID)
	w.iv(sl.Parent)
	w.iv(int64(sl.Events))
	w.uv(uint64(len(sl.Members)))
	for _, m := range sl.Members {
		w.iv(m)
	}
	w.time(sl.First)
	w.time(sl.Last)
	w.iv(sl.LastSeq)
	w.vec(sl.Profile)
}

func (w *stateWriter) dup(d *dupEntry) {
	w.iv(d.Doc)
	w.iv(d.Event)
	at := len(w.b)
	w.b = append(w.b, make([]byte, 4*sigSize)...)
	for j, h := range d.Sig {
		binary.LittleEndian.PutUint32(w.b[at+4*j:], h)
	}
}

// encodeSnapshot writes s; sizeHint (the size of the last state written)
// sizes the buffer.
func encodeSnapshot(s *snapshot, sizeHint int) ([]byte, error) {
	var cfg bytes.Buffer
	if err := gob.NewEncoder(&cfg).Encode(s.Cfg); err != nil {
		return nil, err
	}
	w := &stateWriter{b: make([]byte, 0, max(1<<16, sizeHint+sizeHint/8))}
	w.b = append(w.b, stateMagic...)
	w.bytes(cfg.Bytes())
	w.iv(s.N)
	w.iv(s.Seq)
	w.time(s.Now)
	w.iv(int64(s.DFShed))
	keys := sortedKeys(s.DF)
	w.uv(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		w.uv(k - prev)
		prev = k
		w.uv(uint64(s.DF[k]))
	}
	w.uv(uint64(len(s.Events)))
	for _, e := range s.Events {
		w.event(e)
	}
	w.ints(s.Live)
	w.posts(s.Post)
	w.uv(uint64(len(s.Storylines)))
	for _, sl := range s.Storylines {
		w.storyline(sl)
	}
	w.ints(s.SlLive)
	w.posts(s.SlPost)
	w.pairs(s.Changed)
	w.pairs(s.Merged)
	w.uv(uint64(len(s.Dup)))
	for i := range s.Dup {
		w.dup(&s.Dup[i])
	}
	w.iv(int64(s.DupNext))
	w.iv(int64(s.DupCap))
	return w.b, nil
}

// stateReader reads what stateWriter wrote; the first error sticks.
type stateReader struct {
	b   []byte
	err error
	// noWD: the input predates the events' weekday counts
	noWD bool
}

var errStateShort = errors.New("truncated")

// advance consumes n bytes that a decoder reported reading (n <= 0: it
// could not); false once anything went wrong.
func (r *stateReader) advance(n int) bool {
	if r.err != nil || n <= 0 || n > len(r.b) {
		if r.err == nil {
			r.err = errStateShort
		}
		return false
	}
	r.b = r.b[n:]
	return true
}

func (r *stateReader) uv() uint64 {
	v, n := binary.Uvarint(r.b)
	if !r.advance(n) {
		return 0
	}
	return v
}

func (r *stateReader) iv() int64 {
	v, n := binary.Varint(r.b)
	if !r.advance(n) {
		return 0
	}
	return v
}

// take returns the next k bytes, nil when fewer are left.
func (r *stateReader) take(k int) []byte {
	p := r.b
	if len(p) < k || !r.advance(k) {
		r.advance(0)
		return nil
	}
	return p[:k]
}

func (r *stateReader) u32() uint32 {
	if p := r.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (r *stateReader) f32() float32 { return math.Float32frombits(r.u32()) }

func (r *stateReader) u64() uint64 {
	if p := r.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

// n reads a count, refusing one larger than the bytes left could hold
// (each element takes at least min bytes), so that corrupt input cannot
// make it allocate without bound.
func (r *stateReader) n(min int) int {
	v := r.uv()
	if r.err == nil && v > uint64(len(r.b)/min) {
		r.err = fmt.Errorf("count %d exceeds the %d bytes left", v, len(r.b))
		return 0
	}
	return int(v)
}

func (r *stateReader) bytes() []byte {
	n := r.n(1)
	if r.err != nil {
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *stateReader) time() time.Time {
	if r.uv() == 0 {
		return time.Time{}
	}
	sec := r.iv()
	return time.Unix(sec, int64(r.uv())).UTC()
}

func (r *stateReader) vec() []tw {
	n := r.n(5)
	if n == 0 {
		return nil
	}
	v := make([]tw, n)
	var k uint64
	for i := range v {
		k += r.uv()
		v[i] = tw{k, math.Float32frombits(r.u32())}
	}
	return v
}

func (r *stateReader) ints() []int32 {
	n := r.n(1)
	v := make([]int32, n)
	for i := range v {
		v[i] = int32(r.iv())
	}
	return v
}

func (r *stateReader) posts() map[uint64][]int32 {
	n := r.n(2)
	m := make(map[uint64][]int32, n)
	var k uint64
	for i := 0; i < n && r.err == nil; i++ {
		k += r.uv()
		m[k] = r.ints()
	}
	return m
}

func (r *stateReader) pairs() map[int64]int64 {
	n := r.n(2)
	m := make(map[int64]int64, n)
	for i := 0; i < n && r.err == nil; i++ {
		k := r.iv()
		m[k] = r.iv()
	}
	return m
}

func (r *stateReader) event() *event {
	e := &event{ID: r.iv(), Storyline: r.iv(), Docs: int(r.iv()), First: r.time(), Last: r.time(), LastSeq: r.iv()}
	e.Terms, e.Names, e.Ents = r.vec(), r.vec(), r.vec()
	e.Indexed = int(r.iv())
	e.Profile = r.vec()
	e.Relinked = int(r.iv())
	e.MergedInto = r.iv()
	e.wN, e.wt = r.iv(), r.vec()
	e.wNorm = math.Float64frombits(r.u64())
	if r.noWD {
		return e
	}
	switch n := r.uv(); {
	case r.err != nil:
	case n == uint64(len(e.WD)):
		for i := range e.WD {
			e.WD[i] = r.f32()
		}
	case n != 0:
		r.err = fmt.Errorf("event %d: %d weekday counts, want 0 or %d", e.ID, n, len(e.WD))
	}
	return e
}

func (r *stateReader) storyline() *storyline {
	sl := &storyline{ID: r.iv(), Parent: r.iv(), Events: int(r.iv())}
	nm := r.n(1)
	for j := 0; j < nm && r.err == nil; j++ {
		sl.Members = append(sl.Members, r.iv())
	}
	sl.First, sl.Last, sl.LastSeq = r.time(), r.time(), r.iv()
	sl.Profile = r.vec()
	return sl
}

func (r *stateReader) dup(d *dupEntry) {
	d.Doc, d.Event = r.iv(), r.iv()
	for j := range d.Sig {
		d.Sig[j] = r.u32()
	}
}

func decodeSnapshot(data []byte) (*snapshot, error) {
	r := &stateReader{b: data[len(stateMagic):], noWD: bytes.HasPrefix(data, []byte(stateMagicV2))}
	s := &snapshot{Version: stateVersion}
	if cfg := r.bytes(); r.err == nil {
		if err := gob.NewDecoder(bytes.NewReader(cfg)).Decode(&s.Cfg); err != nil {
			return nil, fmt.Errorf("story: decode state: config: %w", err)
		}
	}
	s.N, s.Seq, s.Now = r.iv(), r.iv(), r.time()
	s.DFShed = int(r.iv())
	nd := r.n(2)
	s.DF = make(map[uint64]uint32, nd)
	var k uint64
	for i := 0; i < nd && r.err == nil; i++ {
		k += r.uv()
		s.DF[k] = uint32(r.uv())
	}
	ne := r.n(20)
	s.Events = make([]*event, 0, ne)
	for i := 0; i < ne && r.err == nil; i++ {
		s.Events = append(s.Events, r.event())
	}
	s.Live = r.ints()
	s.Post = r.posts()
	ns := r.n(8)
	s.Storylines = make([]*storyline, 0, ns)
	for i := 0; i < ns && r.err == nil; i++ {
		s.Storylines = append(s.Storylines, r.storyline())
	}
	s.SlLive = r.ints()
	s.SlPost = r.posts()
	s.Changed = r.pairs()
	s.Merged = r.pairs()
	nu := r.n(2 + 4*sigSize)
	s.Dup = make([]dupEntry, nu)
	for i := 0; i < nu && r.err == nil; i++ {
		r.dup(&s.Dup[i])
	}
	s.DupNext, s.DupCap = int(r.iv()), int(r.iv())
	if r.err != nil {
		return nil, fmt.Errorf("story: decode state: %w", r.err)
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("story: decode state: %d bytes left over", len(r.b))
	}
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("story: decode state: %w", err)
	}
	return s, nil
}

// check rejects a state whose indices point outside its tables: a
// corrupt state must give an error, not a panic later.
func (s *snapshot) check() error {
	for i, e := range s.Events {
		if e.ID != int64(i)+1 || e.MergedInto < 0 || e.MergedInto > int64(len(s.Events)) ||
			e.Storyline < 0 || e.Storyline > int64(len(s.Storylines)) {
			return fmt.Errorf("event %d out of range", i+1)
		}
	}
	for i, sl := range s.Storylines {
		if sl.ID != int64(i)+1 || sl.Parent < 0 || sl.Parent > int64(len(s.Storylines)) {
			return fmt.Errorf("storyline %d out of range", i+1)
		}
		for _, m := range sl.Members {
			if m < 1 || m > int64(len(s.Events)) {
				return fmt.Errorf("storyline %d: member out of range", i+1)
			}
		}
	}
	for _, m := range []map[int64]int64{s.Changed, s.Merged} {
		for k, v := range m {
			if k < 1 || k > int64(len(s.Events)) || v < 0 || v > int64(len(s.Events)) {
				return errors.New("event change out of range")
			}
		}
	}
	in := func(v []int32, n int) bool {
		for _, x := range v {
			if x < 0 || int(x) >= n {
				return false
			}
		}
		return true
	}
	if !in(s.Live, len(s.Events)) || !in(s.SlLive, len(s.Storylines)) {
		return errors.New("live list out of range")
	}
	for _, p := range s.Post {
		if !in(p, len(s.Events)) {
			return errors.New("posting out of range")
		}
	}
	for _, p := range s.SlPost {
		if !in(p, len(s.Storylines)) {
			return errors.New("storyline posting out of range")
		}
	}
	if s.DupCap < 1 || len(s.Dup) > s.DupCap || s.DupNext < 0 || s.DupNext >= s.DupCap ||
		(len(s.Dup) < s.DupCap && s.DupNext != len(s.Dup)) {
		return errors.New("near-duplicate ring out of range")
	}
	return s.Cfg.withDefaults().check()
}

// check rejects settings no clusterer could have written: negative sizes
// or windows, thresholds that are not numbers.
func (c Config) check() error {
	for _, n := range []int{c.DuplicateWindow, c.ActiveWindow, c.CentroidTerms, c.IndexTerms, c.QueryTerms, c.MaxCandidates, c.PostingScan} {
		if n < 0 {
			return errors.New("config: negative size")
		}
	}
	for _, f := range []float64{c.EventThreshold, c.EntityWeight, c.StorylineThreshold, c.DuplicateThreshold, c.DominantRatio, c.NameWeight, c.MergeThreshold, c.GroupThreshold, c.TimeDamping, c.HeadlineEventThreshold, c.HeadlineGroupThreshold} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return errors.New("config: threshold not a number")
		}
	}
	if c.EventGap < 0 || c.StorylineGap < 0 || c.HeadlineGap < 0 {
		return errors.New("config: negative gap")
	}
	return nil
}
