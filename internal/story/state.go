package story

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"time"
)

// stateVersion is the snapshot's version: 1 was gob, 2 the compact form
// (statecodec.go), 3 the compact form with events' weekday counts.
const stateVersion = 3

type snapshot struct {
	Version    int
	Cfg        Config
	N, Seq     int64
	Now        time.Time
	DF         map[uint64]uint32
	DFShed     int
	Events     []*event
	Live       []int32
	Post       map[uint64][]int32
	Storylines []*storyline
	SlLive     []int32
	SlPost     map[uint64][]int32
	Changed    map[int64]int64
	Merged     map[int64]int64
	Dup        []dupEntry
	DupNext    int
	DupCap     int
}

// MarshalBinary serialises the whole clusterer state (statecodec.go), so that a store
// can persist it and a later ingest run resumes where this one stopped.
func (c *Clusterer) MarshalBinary() ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := snapshot{
		Version: stateVersion, Cfg: c.cfg, N: c.n, Seq: c.seq, Now: c.now, DF: c.df, DFShed: c.dfShed,
		Events: c.evs, Live: c.live, Post: c.post, Storylines: c.sls, SlLive: c.slLive, SlPost: c.slPost,
		Changed: c.changed, Merged: c.merged, Dup: c.dup.ring, DupNext: c.dup.next, DupCap: c.dup.cap,
	}
	b, err := encodeSnapshot(&s, c.stateSize)
	if err != nil {
		return nil, fmt.Errorf("story: encode state: %w", err)
	}
	c.stateSize = len(b)
	return b, nil
}

// UnmarshalBinary replaces the clusterer's state with one written by
// MarshalBinary.
func (c *Clusterer) UnmarshalBinary(data []byte) error {
	return c.UnmarshalState(data, nil)
}

// UnmarshalState replaces the clusterer's state with base (written by
// MarshalBinary) followed by the changes a StateLog wrote since, in order.
func (c *Clusterer) UnmarshalState(base []byte, deltas [][]byte) error {
	s, err := decodeState(base)
	if err != nil {
		return err
	}
	for i, d := range deltas {
		if err := s.apply(d); err != nil {
			return fmt.Errorf("story: state change %d of %d: %w", i+1, len(deltas), err)
		}
	}
	if len(deltas) > 0 {
		if err := s.check(); err != nil {
			return fmt.Errorf("story: state after %d changes: %w", len(deltas), err)
		}
	}
	c.install(s)
	return nil
}

// decodeState reads a state in either form MarshalBinary has written.
func decodeState(data []byte) (*snapshot, error) {
	if bytes.HasPrefix(data, []byte(stateMagic)) || bytes.HasPrefix(data, []byte(stateMagicV2)) {
		return decodeSnapshot(data)
	}
	// the gob layout of version 1, written before the compact form.
	// gob sizes a nil map by the count the stream claims before it
	// reads one entry, so a corrupt count could allocate gigabytes;
	// into maps that exist it adds entry by entry, each paid for by
	// bytes actually in the input.
	s := &snapshot{DF: map[uint64]uint32{}, Post: map[uint64][]int32{}, SlPost: map[uint64][]int32{},
		Changed: map[int64]int64{}, Merged: map[int64]int64{}}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(s); err != nil {
		return nil, fmt.Errorf("story: decode state: %w", err)
	}
	if s.Version != 1 {
		return nil, fmt.Errorf("story: state version %d, want 1 or the compact form", s.Version)
	}
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("story: decode state: %w", err)
	}
	return s, nil
}

// install makes s the clusterer's state.
func (c *Clusterer) install(s *snapshot) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cfg = s.Cfg.withDefaults()
	c.n, c.seq, c.now = s.N, s.Seq, s.Now
	// every event and storyline is new to a log that followed the old state
	c.evDirty, c.slDirty, c.dirtyAll = nil, nil, true
	c.df = orEmpty(s.DF)
	c.dfShed = s.DFShed
	c.evs, c.live = s.Events, s.Live
	c.post = orEmptyPost(s.Post)
	c.sls, c.slLive = s.Storylines, s.SlLive
	c.slPost = orEmptyPost(s.SlPost)
	c.changed = s.Changed
	if c.changed == nil {
		c.changed = map[int64]int64{}
	}
	c.merged = s.Merged
	if c.merged == nil {
		c.merged = map[int64]int64{}
	}
	c.dup = newDupIndex(s.DupCap)
	c.dup.ring, c.dup.next = s.Dup, s.DupNext
	for i := range c.dup.ring {
		for _, k := range c.dup.ring[i].Sig.bandKeys() {
			c.dup.bands[k] = int32(i)
		}
	}
	// band keys of newer slots must win: replay from the oldest slot
	if len(c.dup.ring) == c.dup.cap {
		for j := 0; j < c.dup.cap; j++ {
			i := (c.dup.next + j) % c.dup.cap
			for _, k := range c.dup.ring[i].Sig.bandKeys() {
				c.dup.bands[k] = int32(i)
			}
		}
	}
}

func orEmpty(m map[uint64]uint32) map[uint64]uint32 {
	if m == nil {
		return map[uint64]uint32{}
	}
	return m
}

func orEmptyPost(m map[uint64][]int32) map[uint64][]int32 {
	if m == nil {
		return map[uint64][]int32{}
	}
	return m
}
