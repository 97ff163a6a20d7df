package corpus

import (
	"context"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/event/eventdoc"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// maxCodedArticles caps the articles of one story whose sentences are
// coded into events: the story's latest ones.
const maxCodedArticles = 300

// CodeAllEvents re-derives the coded events of every story in the store
// (for a database built before events were coded, or after the coder
// changed).
func CodeAllEvents(ctx context.Context, st store.Store) (int, error) {
	var ids []int64
	for off := 0; ; off += 500 {
		p, err := st.StoryList(ctx, view.Query{Limit: 500, Offset: off})
		if err != nil {
			return 0, err
		}
		for _, s := range p.Items {
			ids = append(ids, s.ID)
		}
		if len(p.Items) < 500 {
			break
		}
	}
	for start := 0; start < len(ids); start += 50 {
		if err := codeStoryEvents(ctx, st, nil, ids[start:min(start+50, len(ids))]); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// codeEventsSafe codes the events of the given stories under a fault
// boundary: a story whose coding fails keeps its previous events, and the
// fault is recorded on its articles of this batch.
func codeEventsSafe(ctx context.Context, st store.Store, dc *docCache, evs []int64, d *store.Derived) error {
	return perStorySafe(ctx, st, "events", evs, d, func(evs []int64) error { return codeStoryEvents(ctx, st, dc, evs) })
}

// codeStoryEvents re-derives the coded events (internal/event) of the given
// stories from their articles: each sentence is coded, and the mentions
// of one story are merged into happenings. A store without coded events
// (store.CodedEvents) is left alone.
func codeStoryEvents(ctx context.Context, st store.Store, dc *docCache, stories []int64) error {
	ce, ok := st.(store.CodedEvents)
	if !ok || len(stories) == 0 {
		return nil
	}
	coder := event.NewCoder()
	var recs []event.Record
	var evs []event.Event
	for _, id := range stories {
		arts, err := ce.StoryArticles(ctx, id)
		if err != nil {
			return err
		}
		if len(arts) > maxCodedArticles {
			arts = arts[len(arts)-maxCodedArticles:]
		}
		// an undated article's events take the story's first date,
		// marked estimated
		var storyDate time.Time
		if sum, err := st.StoryByID(ctx, id); err == nil && sum.FirstSeen != nil {
			storyDate = *sum.FirstSeen
		}
		var ms []event.Mention
		urls := map[int64]string{}
		for _, aid := range arts {
			if err := ctx.Err(); err != nil {
				return err
			}
			a, an, err := dc.get(ctx, st, aid)
			if err != nil {
				return err
			}
			actors, err := ce.ArticleActors(ctx, aid)
			if err != nil {
				return err
			}
			urls[aid] = a.URL
			published, estimated := a.Published, a.PublishedEstimated
			if published.IsZero() {
				published, estimated = storyDate, true
			}
			for _, s := range eventdoc.Sentences(a.Text, an, actors, published, estimated) {
				evs = coder.Code(s, evs[:0])
				for _, e := range evs {
					ms = append(ms, event.Mention{Event: e, Article: aid, Outlet: a.Outlet, Published: a.Published, Text: a.Text[s.Start:s.End]})
				}
			}
		}
		hs := event.Merge(ms)
		for i := range hs {
			recs = append(recs, event.NewRecord(id, &hs[i], urls))
		}
	}
	return ce.ReplaceStoryEvents(ctx, stories, recs)
}
