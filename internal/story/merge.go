package story

// Event merging: online clustering founds a second event when an article
// of a development arrives before its centroid is known well. When an event
// grows past a power of two, live events whose centroids are now close to
// it are merged into the larger one. The merged event keeps its id as an
// alias: Resolve maps it to the survivor and EventMerges reports it.

// maybeMerge merges e and close live events when e has just grown past a
// power of two, or whenever force is set. headline: e has just grown by
// headlines alone, and events merge only within HeadlineGap.
func (c *Clusterer) maybeMerge(e *event, force, headline bool) *event {
	if c.cfg.MergeThreshold < 0 || (e.Indexed != e.Docs && !force) {
		return e
	}
	ew, en := c.weighted(e)
	if en == 0 {
		return e
	}
	// candidates: the events sharing most of e's top terms (bounded)
	for _, i := range c.lookup(topByWeight(ew, c.cfg.IndexTerms), int32(e.ID-1), c.cfg.MaxCandidates/4) {
		o := c.evs[i]
		if o.MergedInto != 0 || !c.active(o) || !c.timeCompatible(e, o, headline) {
			continue
		}
		ow, on := c.weighted(o)
		// a lone article is held to the joining threshold, as if it had
		// arrived now; two grown events to MergeThreshold
		th := c.cfg.MergeThreshold
		if o.Docs == 1 || e.Docs == 1 {
			th = c.cfg.EventThreshold
		}
		if on == 0 || dot(ew, ow)/(en*on) < th {
			continue
		}
		big, small := e, o
		if o.Docs > e.Docs || (o.Docs == e.Docs && o.ID < e.ID) {
			big, small = o, e
		}
		c.absorb(big, small)
		return c.maybeMerge(big, force, headline)
	}
	return e
}

func (c *Clusterer) timeCompatible(a, b *event, headline bool) bool {
	if a.First.IsZero() || b.First.IsZero() {
		return true
	}
	if headline {
		return c.headlineSpansMeet(a, b)
	}
	if a.First.After(b.Last) {
		return a.First.Sub(b.Last) <= c.cfg.EventGap
	}
	if b.First.After(a.Last) {
		return b.First.Sub(a.Last) <= c.cfg.EventGap
	}
	return true
}

// absorb merges small into big.
func (c *Clusterer) absorb(big, small *event) {
	c.touchEv(big)
	c.touchEv(small)
	big.Docs += small.Docs
	if small.LastSeq > big.LastSeq {
		big.LastSeq = small.LastSeq
	}
	if !small.First.IsZero() && (big.First.IsZero() || small.First.Before(big.First)) {
		big.First = small.First
	}
	if small.Last.After(big.Last) {
		big.Last = small.Last
	}
	big.Terms = addScaled(big.Terms, small.Terms, 1)
	c.capCentroid(big)
	big.setEnts(addScaled(big.Ents, small.Ents, 1))
	big.Names = addScaled(big.Names, small.Names, 1)
	big.WD.add(small.WD)
	big.wt = nil
	if sl := c.root(small.Storyline); sl != 0 {
		s := c.sls[sl-1]
		c.touchSl(s)
		c.slAddProfile(s, small.Profile, -1)
		s.Events--
	}
	small.MergedInto = big.ID
	small.Terms, small.wt, small.Profile, small.Names = nil, nil, nil, nil
	small.setEnts(nil)
	small.centralKeys = nil
	small.WD = weekdays{}
	c.merged[small.ID] = big.ID
	for id, to := range c.merged {
		if to == small.ID {
			c.merged[id] = big.ID
		}
	}
	big.Indexed = big.Docs
	bw, _ := c.weighted(big)
	for _, t := range topByWeight(bw, c.cfg.IndexTerms) {
		c.postTo(c.post, t.K, int32(big.ID-1))
	}
}

// Resolve returns the event that id now belongs to (id itself unless it was
// merged into another).
func (c *Clusterer) Resolve(id int64) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.resolve(id)
}

func (c *Clusterer) resolve(id int64) int64 {
	for id >= 1 && id <= int64(len(c.evs)) && c.evs[id-1].MergedInto != 0 {
		id = c.evs[id-1].MergedInto
	}
	return id
}

// EventMerges returns the events merged since the last call (merged id ->
// surviving id) and forgets them. Storage calls it after a batch to move
// articles to the surviving event.
func (c *Clusterer) EventMerges() map[int64]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[int64]int64, len(c.merged))
	for k := range c.merged {
		out[k] = c.resolve(k)
	}
	clear(c.merged)
	return out
}
