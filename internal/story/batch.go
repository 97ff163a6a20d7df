package story

import (
	"cmp"
	"slices"
	"time"

	"github.com/cespare/xxhash/v2"
)

// Batches: the corpus stage hands the clusterer the articles of one
// transaction at once, and within a batch the result does not depend on the
// order they came in:
//
//   - document frequencies count the whole batch before any article is
//     clustered;
//   - the batch's articles are grouped among themselves by average-link
//     agglomeration (article-to-article similarity as for article-to-event:
//     idf-weighted cosine, shared actors and places, time gap), stopping
//     at GroupThreshold;
//   - each group then joins the live event with the best mean score over
//     its articles, if that reaches EventThreshold, or founds one.
//
// Across batches clustering stays online: each article is placed once, and
// the cost per batch is the group step (quadratic in the batch size, which
// the corpus stage bounds) plus candidate look-ups as for Add. A batch of one
// is Add.

// maxGroupBatch bounds the articles grouped together; larger batches are
// grouped in slices of this size.
const maxGroupBatch = 400

// groupChoice is the event chosen for a batch group (nil: found one) and
// the score that chose it.
type groupChoice struct {
	target *event
	score  float64
}

// AddBatch adds docs as one batch and returns their assignments in the
// order of docs.
func (c *Clusterer) AddBatch(docs []Doc) []Assignment {
	fs := make([]docFeatures, len(docs))
	for i := range docs {
		fs[i] = extract(&docs[i])
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range fs {
		c.count(&fs[i])
	}
	out := make([]Assignment, len(docs))
	if len(docs) == 1 {
		out[0] = c.add(&docs[0], &fs[0], nil)
		return out
	}
	for lo := 0; lo < len(docs); lo += maxGroupBatch {
		hi := min(lo+maxGroupBatch, len(docs))
		c.addGroups(docs[lo:hi], fs[lo:hi], out[lo:hi])
	}
	// a later group may have merged an earlier group's event
	for i := range out {
		out[i].Event = c.resolve(out[i].Event)
		out[i].Storyline = c.root(c.evs[out[i].Event-1].Storyline)
	}
	return out
}

func (c *Clusterer) addGroups(docs []Doc, fs []docFeatures, out []Assignment) {
	n := len(docs)
	wv := make([][]tw, n)
	norm := make([]float64, n)
	unit := make([][]tw, n)
	for i := range fs {
		wv[i], norm[i] = c.weigh(&fs[i])
		u := make([]tw, len(wv[i]))
		for j, t := range wv[i] {
			if norm[i] > 0 {
				t.W /= float32(norm[i])
			}
			u[j] = t
		}
		unit[i] = u
	}
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := c.pairScore(&docs[i], &docs[j], &fs[i], &fs[j], unit[i], unit[j])
			sim[i][j], sim[j][i] = s, s
		}
	}
	work := make([][]float64, n)
	for i := range sim {
		work[i] = slices.Clone(sim[i])
	}
	groups := averageLink(work, c.cfg.GroupThreshold)
	hash := make([]uint64, n)
	for i := range docs {
		hash[i] = xxhash.Sum64String(docs[i].Title + "\n" + docs[i].Text)
	}
	// members most central first (founding an event with a typical
	// article), then by text hash; groups by their first member's hash
	for _, g := range groups {
		cent := make(map[int]float64, len(g))
		for _, i := range g {
			for _, j := range g {
				if i != j {
					cent[i] += sim[i][j]
				}
			}
		}
		slices.SortFunc(g, func(a, b int) int {
			if cent[a] != cent[b] {
				return cmp.Compare(cent[b], cent[a])
			}
			return cmp.Compare(hash[a], hash[b])
		})
	}
	// groups are placed in time order (then largest first): placing a
	// group advances the clusterer's clock, and a later group placed
	// first would retire the events an earlier one belongs to
	first := make(map[int]time.Time, len(groups))
	for _, g := range groups {
		var t time.Time
		for _, i := range g {
			if p := docs[i].Published; !p.IsZero() && (t.IsZero() || p.Before(t)) {
				t = p
			}
		}
		first[g[0]] = t
	}
	slices.SortFunc(groups, func(a, b []int) int {
		ta, tb := first[a[0]], first[b[0]]
		if !ta.Equal(tb) {
			switch {
			case ta.IsZero():
				return 1
			case tb.IsZero():
				return -1
			}
			return ta.Compare(tb)
		}
		if len(a) != len(b) {
			return cmp.Compare(len(b), len(a))
		}
		return cmp.Compare(hash[a[0]], hash[b[0]])
	})
	for _, g := range groups {
		ch := c.groupEvent(docs, fs, wv, norm, g)
		for _, i := range g {
			out[i] = c.add(&docs[i], &fs[i], &ch)
		}
		// merging is considered once the whole group has joined, so that
		// it does not depend on the order of its members
		if ch.target != nil {
			c.maybeMerge(c.evs[c.resolve(ch.target.ID)-1], true, allHeadlines(fs, g))
		}
	}
}

// pairScore is the article-to-article similarity: the cosine of their
// idf-weighted vectors (unit length here), plus EntityWeight times the
// idf-weighted share of shared actors and places, damped by the time gap
// (by the weekday names when either is undated); -1 when the gap exceeds
// EventGap (HeadlineGap for two headlines).
func (c *Clusterer) pairScore(a, b *Doc, fa, fb *docFeatures, ua, ub []tw) float64 {
	// a pair too far apart scores -1 whatever its words: told first
	// (nothing below changes any state)
	dated := !a.Published.IsZero() && !b.Published.IsZero()
	var gap, limit time.Duration
	if dated {
		gap, limit = c.eventGap(a.Published, b.Published, b.Published, fa.headline && fb.headline)
		if gap > limit {
			return -1
		}
	}
	s := dot(ua, ub)
	if len(fa.ents) > 0 && len(fb.ents) > 0 {
		idf, ma := c.entStats(fa)
		_, mb := c.entStats(fb)
		j := 0
		var shared float64
		for i, k := range fa.ents {
			for j < len(fb.ents) && fb.ents[j] < k {
				j++
			}
			if j < len(fb.ents) && fb.ents[j] == k {
				shared += idf[i]
			}
		}
		if den := min(ma, mb); den > 0 {
			s += c.cfg.EntityWeight * min(1, shared/den)
		}
	}
	if fa.headline && fb.headline {
		s *= headScale(c.cfg.GroupThreshold, c.cfg.HeadlineGroupThreshold)
	}
	if dated {
		s *= 1 - c.cfg.TimeDamping*float64(gap)/float64(limit)
	} else {
		s *= c.weekdayFactor(&fa.wd, &fb.wd)
	}
	return s
}

// groupEvent picks the live event with the best mean score over the
// group's articles (a member the event's time span rules out scores 0),
// if it reaches EventThreshold.
func (c *Clusterer) groupEvent(docs []Doc, fs []docFeatures, wv [][]tw, norm []float64, g []int) groupChoice {
	// the events most of the group's articles find, at most MaxCandidates,
	// so that a large group (a batch of wire copies) costs MaxCandidates
	// scores per article, not per pair
	votes := map[int32]int{}
	for _, i := range g {
		if norm[i] == 0 {
			continue
		}
		for _, e := range c.candidates(&fs[i], wv[i], norm[i]) {
			votes[e]++
		}
	}
	cands := make([]int32, 0, len(votes))
	for e := range votes {
		cands = append(cands, e)
	}
	slices.SortFunc(cands, func(a, b int32) int {
		if votes[a] != votes[b] {
			return cmp.Compare(votes[b], votes[a])
		}
		return cmp.Compare(a, b)
	})
	if len(cands) > c.cfg.MaxCandidates {
		cands = cands[:c.cfg.MaxCandidates]
	}
	var ch groupChoice
	for _, ei := range cands {
		e := c.evs[ei]
		if e.MergedInto != 0 || !c.active(e) {
			continue
		}
		var sum float64
		for _, i := range g {
			if norm[i] == 0 {
				continue
			}
			if sc, ok := c.score(e, &docs[i], &fs[i], wv[i], norm[i]); ok {
				sum += sc
			}
		}
		if m := sum / float64(len(g)); m > ch.score {
			ch = groupChoice{target: e, score: m}
		}
	}
	if ch.score < c.cfg.EventThreshold {
		ch.target = nil
	}
	return ch
}

// averageLink groups the n items of the symmetric similarity matrix sim
// (modified) by average-link agglomeration, merging while the best
// average similarity between two groups is at least th. Deterministic:
// ties go to the lowest indices.
func averageLink(sim [][]float64, th float64) [][]int {
	n := len(sim)
	members := make([][]int, n)
	alive := make([]bool, n)
	for i := range members {
		members[i] = []int{i}
		alive[i] = true
	}
	for {
		bi, bj, best := -1, -1, th
		for i := 0; i < n; i++ {
			if !alive[i] {
				continue
			}
			for j := i + 1; j < n; j++ {
				if alive[j] && sim[i][j] >= best && (bi < 0 || sim[i][j] > best) {
					bi, bj, best = i, j, sim[i][j]
				}
			}
		}
		if bi < 0 {
			break
		}
		// Lance–Williams update for average linkage
		ni, nj := float64(len(members[bi])), float64(len(members[bj]))
		for k := 0; k < n; k++ {
			if !alive[k] || k == bi || k == bj {
				continue
			}
			v := (ni*sim[bi][k] + nj*sim[bj][k]) / (ni + nj)
			sim[bi][k], sim[k][bi] = v, v
		}
		members[bi] = append(members[bi], members[bj]...)
		alive[bj] = false
	}
	var out [][]int
	for i := range members {
		if alive[i] {
			out = append(out, members[i])
		}
	}
	return out
}
