package story

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// storyline links events over weeks and months. Storylines merge by
// union-find: a merged storyline points at its Parent; only roots carry
// members and a profile.
type storyline struct {
	ID      int64
	Parent  int64 // 0 for a root
	Events  int
	Members []int64 // event ids (roots only)
	First   time.Time
	Last    time.Time
	LastSeq int64
	Profile []tw // key-sorted sum of member event profiles, capped
}

const (
	profileTerms   = 20  // top centroid terms in an event profile
	profileEnts    = 16  // top actors/places in an event profile
	storylineKeys  = 120 // cap on a storyline profile
	storylinePosts = 12  // profile keys posted per (re)link
	mergeMargin    = 0.15
)

func (c *Clusterer) root(id int64) int64 {
	for id != 0 {
		s := c.sls[id-1]
		if s.Parent == 0 {
			return id
		}
		if p := c.sls[s.Parent-1]; p.Parent != 0 {
			c.touchSl(s)
			s.Parent = p.Parent // path halving
		}
		id = s.Parent
	}
	return 0
}

// profile is an event's storyline signature: its top idf-weighted terms and
// its most frequent actors and places, each part of unit length.
func (c *Clusterer) profile(e *event) []tw {
	ew, _ := c.weighted(e)
	p := topByWeight(ew, profileTerms)
	normalize(p)
	if len(e.Ents) > 0 {
		en := topByWeight(e.Ents, profileEnts)
		normalize(en)
		p = append(p, en...)
	}
	sortByKey(p)
	return p
}

func (c *Clusterer) slActive(s *storyline, e *event) bool {
	if s.Events == 0 || s.Profile == nil || c.seq-s.LastSeq > 10*int64(c.cfg.ActiveWindow) {
		return false
	}
	if !s.Last.IsZero() && !e.First.IsZero() {
		gap := e.First.Sub(s.Last)
		if gap < 0 {
			gap = s.First.Sub(e.Last)
		}
		if gap > c.cfg.StorylineGap {
			return false
		}
	}
	return true
}

// bestStoryline returns the best live storyline root for profile p other
// than skip, with its cosine.
func (c *Clusterer) bestStoryline(e *event, p []tw, skip int64) (*storyline, float64) {
	acc := map[int64]float32{}
	for _, t := range topByWeight(p, storylinePosts+4) {
		l := c.slPost[t.K]
		lo := len(l) - c.cfg.PostingScan
		if lo < 0 {
			lo = 0
		}
		for i := len(l) - 1; i >= lo; i-- {
			if r := c.root(int64(l[i]) + 1); r != skip {
				acc[r] += t.W
			}
		}
	}
	type cand struct {
		id int64
		w  float32
	}
	cs := make([]cand, 0, len(acc))
	for id, w := range acc {
		cs = append(cs, cand{id, w})
	}
	slices.SortFunc(cs, func(x, y cand) int {
		if x.w != y.w {
			return cmp.Compare(y.w, x.w)
		}
		return cmp.Compare(x.id, y.id)
	})
	if len(cs) > c.cfg.MaxCandidates {
		cs = cs[:c.cfg.MaxCandidates]
	}
	pn := math.Sqrt(dot(p, p))
	var best *storyline
	bs := 0.0
	for _, cd := range cs {
		s := c.sls[cd.id-1]
		if !c.slActive(s, e) {
			continue
		}
		if !c.sharesSpecific(e, s) {
			continue
		}
		sn := math.Sqrt(dot(s.Profile, s.Profile))
		if sn == 0 || pn == 0 {
			continue
		}
		if sc := dot(p, s.Profile) / (pn * sn); sc > bs || (sc == bs && best != nil && s.ID < best.ID) {
			best, bs = s, sc
		}
	}
	return best, bs
}

func (c *Clusterer) slAddProfile(s *storyline, p []tw, sign float32) {
	c.touchSl(s)
	s.Profile = addScaled(s.Profile, p, sign)
	if len(s.Profile) > storylineKeys {
		top := topByWeight(s.Profile, storylineKeys)
		sortByKey(top)
		s.Profile = top
	}
	if sign > 0 {
		for _, t := range topByWeight(p, storylinePosts) {
			c.postTo(c.slPost, t.K, int32(s.ID-1))
		}
	}
}

func (c *Clusterer) slTouch(s *storyline, e *event) {
	c.touchSl(s)
	s.LastSeq = c.seq
	if !e.First.IsZero() && (s.First.IsZero() || e.First.Before(s.First)) {
		s.First = e.First
	}
	if e.Last.After(s.Last) {
		s.Last = e.Last
	}
}

// linkStoryline places a new event in a storyline, and re-links a growing
// one (at 2, 4, 8, ... articles): a lone event may move to a storyline it
// now matches; a storyline whose event now strongly matches another
// storyline merges into it. Nothing else is re-clustered.
func (c *Clusterer) linkStoryline(e *event) {
	if e.Storyline != 0 && e.Docs < 2*e.Relinked {
		s := c.sls[c.root(e.Storyline)-1]
		c.slTouch(s, e)
		return
	}
	c.touchEv(e)
	e.Relinked = e.Docs
	p := c.profile(e)
	if e.Storyline == 0 {
		s, sc := c.bestStoryline(e, p, 0)
		if s == nil || sc < c.cfg.StorylineThreshold {
			s = &storyline{ID: int64(len(c.sls)) + 1}
			c.sls = append(c.sls, s)
			c.slLive = append(c.slLive, int32(s.ID-1))
		}
		c.touchSl(s)
		s.Events++
		s.Members = append(s.Members, e.ID)
		e.Storyline = s.ID
		e.Profile = p
		c.slAddProfile(s, p, 1)
		c.slTouch(s, e)
		return
	}
	own := c.sls[c.root(e.Storyline)-1]
	c.slAddProfile(own, e.Profile, -1)
	e.Profile = p
	c.slAddProfile(own, p, 1)
	c.slTouch(own, e)
	other, sc := c.bestStoryline(e, p, own.ID)
	if other == nil {
		return
	}
	switch {
	case own.Events == 1 && sc >= c.cfg.StorylineThreshold:
		c.touchSl(own)
		c.touchSl(other)
		c.slAddProfile(own, p, -1)
		own.Events, own.Members, own.Profile = 0, nil, nil
		other.Events++
		other.Members = append(other.Members, e.ID)
		e.Storyline = other.ID
		c.slAddProfile(other, p, 1)
		c.slTouch(other, e)
		c.changed[e.ID] = other.ID
	case own.Events > 1 && sc >= c.cfg.StorylineThreshold+mergeMargin:
		big, small := other, own
		if small.Events > big.Events {
			big, small = small, big
		}
		c.touchSl(big)
		c.touchSl(small)
		for _, id := range small.Members {
			c.changed[id] = big.ID
		}
		big.Members = append(big.Members, small.Members...)
		big.Events += small.Events
		c.slAddProfile(big, small.Profile, 1)
		if small.First.Before(big.First) && !small.First.IsZero() {
			big.First = small.First
		}
		if small.Last.After(big.Last) {
			big.Last = small.Last
		}
		if small.LastSeq > big.LastSeq {
			big.LastSeq = small.LastSeq
		}
		small.Parent, small.Events, small.Members, small.Profile = big.ID, 0, nil, nil
	}
}

func (c *Clusterer) sweepStorylines() {
	live := c.slLive[:0]
	for _, i := range c.slLive {
		s := c.sls[i]
		if s.Parent != 0 || s.Events == 0 {
			continue
		}
		if c.seq-s.LastSeq > 10*int64(c.cfg.ActiveWindow) ||
			(!s.Last.IsZero() && !c.now.IsZero() && c.now.Sub(s.Last) > c.cfg.StorylineGap) {
			c.touchSl(s)
			s.Profile = nil
			continue
		}
		live = append(live, i)
	}
	c.slLive = live
}

// Storyline returns the current storyline of event id (0 if unknown).
func (c *Clusterer) Storyline(event int64) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if event < 1 || event > int64(len(c.evs)) {
		return 0
	}
	return c.root(c.evs[c.resolve(event)-1].Storyline)
}

// specificShare: an actor or place in at most this share of the articles
// seen is specific enough to link events into a storyline; one in more
// ("Trump", "US" in a politics feed) is not.
const specificShare = 0.05

// minSpecificDF: in a corpus too small for document frequencies to tell a
// generic name from a specific one (below minSpecificDF/specificShare
// articles), a name in up to this many articles still counts as specific:
// a shared name needs two articles at least, and five articles about one
// city would otherwise never form a storyline.
const minSpecificDF = 10

// centralEnts: only an event's most mentioned actors and places (by
// salience summed over its articles) count, not one a single article
// names in passing.
const centralEnts = 5

// storylineScan caps the member events whose actors and places are read
// when checking a storyline for a shared specific one.
const storylineScan = 64

// sharesSpecific reports whether event e and storyline s share a specific
// actor or place (see specificShare) central to both (centralEnts). Storylines link events over weeks
// by word overlap, and related but separate events (two stories about
// one president) share many words: a shared specific actor or place is
// the evidence that they continue one another.
func (c *Clusterer) sharesSpecific(e *event, s *storyline) bool {
	lim := uint32(max(minSpecificDF, specificShare*float64(c.n)))
	var buf [centralEnts]uint64
	spec := buf[:0]
	for _, k := range e.central() {
		if df := c.df[k]; df > 0 && df <= lim {
			spec = append(spec, k)
		}
	}
	if len(spec) == 0 {
		return false
	}
	m := s.Members
	if len(m) > storylineScan {
		m = m[len(m)-storylineScan:]
	}
	for _, id := range m {
		if id == e.ID || id < 1 || id > int64(len(c.evs)) {
			continue
		}
		for _, k := range c.evs[id-1].central() {
			if slices.Contains(spec, k) {
				return true
			}
		}
	}
	return false
}

// central returns the keys of e's centralEnts heaviest actors and places
// (topByWeight of Ents), kept until Ents changes (setEnts): a storyline
// check reads those of up to storylineScan member events, for every
// candidate storyline of every event placed or re-linked.
func (e *event) central() []uint64 {
	if !e.centralOK {
		e.centralKeys = e.centralKeys[:0]
		for _, t := range topByWeight(e.Ents, centralEnts) {
			e.centralKeys = append(e.centralKeys, t.K)
		}
		e.centralOK = true
	}
	return e.centralKeys
}

// setEnts replaces e's actor and place counts (and forgets its central
// ones).
func (e *event) setEnts(v []tw) {
	e.Ents, e.centralOK = v, false
}
