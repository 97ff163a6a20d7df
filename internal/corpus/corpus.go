// Package corpus runs sitrep's corpus-level stages over articles newly
// stored: local entities (internal/entity) merged into actors across
// documents, and articles clustered online into events and storylines
// (internal/story). Both stages are online: they take each article once,
// in id order, keep their state in the store, and resume where the last
// run stopped — so an interrupted ingest loses nothing and a re-run adds
// only what is new.
package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/story"
)

// State names in the store.
const (
	clustererState = "story.clusterer"
	registryState  = "entity.registry"
	actorsState    = "corpus.actors"
)

// Stats reports one Update.
type Stats struct {
	Articles  int // articles taken in
	NewEvents int
	Events    int // events touched
	Actors    int // actors touched
}

// Options tune Update.
type Options struct {
	Batch    int                   // articles per transaction (default 200)
	Progress func(done, total int) // called after each batch; may be nil
	Story    story.Config          // zero: story.DefaultConfig()
}

// Update takes in every article stored after the last one the corpus
// stages saw.
func Update(ctx context.Context, st store.Store, o Options) (Stats, error) {
	var stats Stats
	if o.Batch <= 0 {
		o.Batch = 200
	}
	last, err := st.LastDerived(ctx)
	if err != nil {
		return stats, err
	}
	cl := story.NewClusterer(o.Story)
	if b, err := st.State(ctx, clustererState); err != nil {
		return stats, err
	} else if b != nil {
		if err := cl.UnmarshalBinary(b); err != nil {
			return stats, fmt.Errorf("corpus: story state: %w", err)
		}
	}
	acts := &actorStage{reg: entity.NewRegistry(), merged: map[entity.ActorID]bool{}}
	if b, err := st.State(ctx, registryState); err != nil {
		return stats, err
	} else if b != nil {
		if err := acts.reg.UnmarshalBinary(b); err != nil {
			return stats, fmt.Errorf("corpus: actor registry state: %w", err)
		}
	}
	if b, err := st.State(ctx, actorsState); err != nil {
		return stats, err
	} else if b != nil {
		if err := json.Unmarshal(b, acts); err != nil {
			return stats, fmt.Errorf("corpus: actor stage state: %w", err)
		}
	}
	ids, err := st.ArticleIDsAfter(ctx, last)
	if err != nil {
		return stats, err
	}
	for start := 0; start < len(ids); start += o.Batch {
		batch := ids[start:min(start+o.Batch, len(ids))]
		d := &store.Derived{State: map[string][]byte{}}
		touchedEvents := map[int64]bool{}
		touchedActors := map[int64]bool{}
		sds := make([]story.Doc, 0, len(batch))
		for _, id := range batch {
			if err := ctx.Err(); err != nil {
				return stats, err
			}
			a, err := st.Article(ctx, id)
			if err != nil {
				return stats, err
			}
			an, err := st.Annotation(ctx, id)
			if err != nil {
				return stats, err
			}
			actorKeys := acts.add(a, an, d, touchedActors)
			sds = append(sds, storyDoc(a, an, actorKeys))
		}
		// the batch is clustered at once: within it, the result does not
		// depend on the order the articles were stored in
		for i, as := range cl.AddBatch(sds) {
			if as.NewEvent {
				stats.NewEvents++
			}
			d.Assignments = append(d.Assignments, store.Assignment{Article: batch[i], Event: as.Event, Storyline: as.Storyline, DuplicateOf: as.DuplicateOf, Similarity: as.Similarity})
			touchedEvents[as.Event] = true
			stats.Articles++
		}
		// Events merged by the clusterer move their articles to the
		// survivor; storylines re-linked move their events.
		d.EventMerges = cl.EventMerges()
		for from, to := range d.EventMerges {
			touchedEvents[to] = true
			delete(touchedEvents, from)
		}
		d.StorylineMoves = cl.StorylineChanges()
		for ev := range touchedEvents {
			info, ok := cl.Event(ev)
			if !ok {
				continue
			}
			d.Events = append(d.Events, store.EventRecord{ID: ev, Storyline: info.Storyline, FirstSeen: info.First, LastSeen: info.Last, Articles: info.Articles})
		}
		sort.Slice(d.Events, func(i, j int) bool { return d.Events[i].ID < d.Events[j].ID })
		d.ActorMerges = acts.merges(touchedActors)
		for id := range touchedActors {
			if r, ok := acts.record(id); ok {
				d.Actors = append(d.Actors, r)
			}
		}
		sort.Slice(d.Actors, func(i, j int) bool { return d.Actors[i].ID < d.Actors[j].ID })
		stats.Events += len(d.Events)
		stats.Actors += len(d.Actors)
		var err error
		if d.State[clustererState], err = cl.MarshalBinary(); err != nil {
			return stats, err
		}
		if d.State[registryState], err = acts.reg.MarshalBinary(); err != nil {
			return stats, err
		}
		if d.State[actorsState], err = json.Marshal(acts); err != nil {
			return stats, err
		}
		d.LastArticle = batch[len(batch)-1]
		if err := st.PutDerived(ctx, d); err != nil {
			return stats, err
		}
		evs := make([]int64, len(d.Events))
		for i, e := range d.Events {
			evs[i] = e.ID
		}
		if err := composePages(ctx, st, evs); err != nil {
			return stats, err
		}
		// coded events (internal/event) of the stories this batch changed
		if err := codeStoryEvents(ctx, st, evs); err != nil {
			return stats, err
		}
		if o.Progress != nil {
			o.Progress(start+len(batch), len(ids))
		}
	}
	return stats, nil
}

// entityDoc converts an article's analysis for the entity stage.
func entityDoc(a *store.Article, an *analyse.Annotation) entity.Doc {
	d := entity.Doc{Key: strconv.FormatInt(a.ID, 10), Text: a.Text, Outlet: a.Outlet, Published: a.Published}
	for _, s := range an.Sentences {
		d.Sentences = append(d.Sentences, entity.Span{Start: s.Start, End: s.End})
	}
	for _, m := range an.Mentions {
		d.Mentions = append(d.Mentions, entity.Mention{Span: entity.Span{Start: m.Start, End: m.End}, Type: m.Type, Sentence: m.Sentence, Demonym: m.Demonym})
	}
	return d
}

// storyDoc converts an article for the story stage; actors are keyed by
// their actor id, places by GeoNames id (or name where it has none).
func storyDoc(a *store.Article, an *analyse.Annotation, actors map[int64][]int) story.Doc {
	d := story.Doc{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Title: a.Title, Text: a.Text, Published: a.Published}
	for _, s := range an.Sentences {
		d.Sentences = append(d.Sentences, story.Span{Start: s.Start, End: s.End})
	}
	keys := make([]int64, 0, len(actors))
	for k := range actors {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		d.Actors = append(d.Actors, story.Ref{Key: "actor:" + strconv.FormatInt(k, 10), Sentences: actors[k]})
	}
	places := map[string][]int{}
	var pk []string
	for _, p := range an.Places {
		if p.Focus {
			continue
		}
		k := "place:" + strconv.FormatUint(uint64(p.GeonamesID), 10)
		if p.GeonamesID == 0 {
			k = "place:" + p.Name + "|" + p.Country
		}
		if places[k] == nil {
			pk = append(pk, k)
		}
		places[k] = append(places[k], p.Sentence)
	}
	for _, k := range pk {
		d.Places = append(d.Places, story.Ref{Key: k, Sentences: places[k]})
	}
	for _, t := range an.Times {
		d.Dates = append(d.Dates, story.Dated{Sentence: t.Sentence, Value: t.Value, Span: story.Span{Start: t.Start, End: t.End},
			Estimated: t.Anchored && a.PublishedEstimated && !namesMonth(a.Text[t.Start:t.End])})
	}
	for _, q := range an.Quotes {
		sp := ""
		if q.Resolved {
			sp = q.SpeakerText
		}
		d.Quotes = append(d.Quotes, story.Quoted{Text: a.Text[q.Start:q.End], Speaker: sp, Sentence: q.Sentence, Kind: q.Kind})
	}
	return d
}

// namesMonth reports whether a time expression names its month ("October
// 20"): anchored on an estimated publication date it borrows at most the
// year, which the estimate gets right far more often than a weekday.
func namesMonth(expr string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(expr), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if monthWords[w] {
			return true
		}
	}
	return false
}

var monthWords = map[string]bool{}

func init() {
	for _, m := range strings.Fields("january february march april may june july august september october november december") {
		monthWords[m], monthWords[m[:3]] = true, true
	}
	monthWords["sept"] = true
}
