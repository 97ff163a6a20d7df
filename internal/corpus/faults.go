package corpus

import (
	"context"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/fault"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/story"
)

// FaultHook, when set, is called as a corpus stage ("actors", "stories",
// "clusterer", "compose") starts on an article: tests use it to inject a
// fault on one article.
var FaultHook func(stage string, article int64)

func hook(stage string, article int64) {
	if FaultHook != nil {
		FaultHook(stage, article)
	}
}

// addSafe is add under a fault boundary: on a fault the article's partial
// references are dropped, the fault is recorded and the article has no
// actors (it still goes to the story stage, by its words and places).
func (s *actorStage) addSafe(a *store.Article, an *analyse.Annotation, pre *Prepared, d *store.Derived, touched map[int64]bool, stats *Stats) map[int64][]int {
	nr, ns := len(d.Refs), len(d.Speakers)
	var out map[int64][]int
	if f := fault.Run("actors", func() {
		hook("actors", a.ID)
		out = s.add(a, an, pre, d, touched, stats)
	}); f != nil {
		d.Refs, d.Speakers = d.Refs[:nr], d.Speakers[:ns]
		d.Faults = append(d.Faults, store.Fault{Article: a.ID, Fault: *f})
		return nil
	}
	return out
}

// batchResult is what the clusterer made of a batch.
type batchResult struct {
	cl  *story.Clusterer
	as  []story.Assignment
	ids []int64 // the article of each assignment
}

// addBatch clusters a batch. If the clusterer fails on it, the clusterer
// is restored from its state before the batch (prev: as stored) and the articles are
// added one at a time, each from a saved state, so the one that fails is
// recorded and skipped and the others are placed.
func addBatch(cl *story.Clusterer, prev func() (*story.Clusterer, error), cfg story.Config, docs []story.Doc, ids []int64, d *store.Derived, stats *Stats) (batchResult, error) {
	var as []story.Assignment
	f := fault.Run("stories", func() {
		for _, id := range ids {
			hook("clusterer", id)
		}
		as = cl.AddBatch(docs)
	})
	if f == nil {
		return batchResult{cl, as, ids}, nil
	}
	restore := func(b []byte) (*story.Clusterer, error) {
		c := story.NewClusterer(cfg)
		if b != nil {
			if err := c.UnmarshalBinary(b); err != nil {
				return nil, err
			}
		}
		return c, nil
	}
	cl, err := prev()
	if err != nil {
		return batchResult{}, err
	}
	out := batchResult{}
	for i, doc := range docs {
		saved, err := cl.MarshalBinary()
		if err != nil {
			return batchResult{}, err
		}
		var one []story.Assignment
		if f := fault.Run("stories", func() {
			hook("clusterer", ids[i])
			one = cl.AddBatch([]story.Doc{doc})
		}); f != nil {
			d.Faults = append(d.Faults, store.Fault{Article: ids[i], Fault: *f})
			stats.Faults++
			if cl, err = restore(saved); err != nil {
				return batchResult{}, err
			}
			continue
		}
		out.as = append(out.as, one...)
		out.ids = append(out.ids, ids[i])
	}
	out.cl = cl
	return out, nil
}

// composeSafe composes the pages of the given stories; a story whose page
// fails is left to be composed when read, and the fault is recorded on its
// articles of this batch.
func composeSafe(ctx context.Context, st store.Store, dc *docCache, evs []int64, d *store.Derived) error {
	return perStorySafe(ctx, st, "compose", evs, d, func(evs []int64) error { return composePages(ctx, st, dc, evs) })
}

// perStorySafe runs do over all the stories under a fault boundary named
// stage; on a fault it runs do again story by story, so only the story it
// fails on is left out, and records the fault on that story's articles of
// this batch (d's assignments).
func perStorySafe(ctx context.Context, st store.Store, stage string, evs []int64, d *store.Derived, do func([]int64) error) error {
	var err error
	if f := fault.Run(stage, func() { err = do(evs) }); f == nil {
		return err
	}
	var faults []store.Fault
	for _, ev := range evs {
		var err error
		if f := fault.Run(stage, func() { err = do([]int64{ev}) }); f != nil {
			for _, as := range d.Assignments {
				if as.Event == ev {
					faults = append(faults, store.Fault{Article: as.Article, Fault: *f})
				}
			}
		} else if err != nil {
			return err
		}
	}
	return st.PutFaults(ctx, faults)
}
