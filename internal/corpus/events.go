package corpus

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/event/eventdoc"
	"github.com/sitrep/sitrep/internal/fault"
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
		if _, err := codeStoryEvents(ctx, st, nil, ids[start:min(start+50, len(ids))], nil, nil); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// codeEventsSafe codes the events of the given stories under a fault
// boundary: a story whose coding fails keeps its previous events, and the
// fault is recorded on its articles of this batch.
// With a clock, the CPU time of the goroutine coding beside the caller's
// is returned. known holds the actor mentions of the batch's articles
// (batchActors; nil: none known).
func codeEventsSafe(ctx context.Context, st store.Store, dc *docCache, evs []int64, d *store.Derived, clock func() time.Duration, known knownActors) (time.Duration, error) {
	var helper time.Duration
	err := perStorySafe(ctx, st, "events", evs, d, func(evs []int64) error {
		h, err := codeStoryEvents(ctx, st, dc, evs, clock, known)
		helper += h
		return err
	})
	return helper, err
}

// minParallelCoded is the number of articles to code from which a second
// goroutine codes half of the stories (a variable for tests).
var minParallelCoded = 16

// codeStoryEvents re-derives the coded events (internal/event) of the given
// stories from their articles: each sentence is coded, and the mentions
// of one story are merged into happenings. A store without coded events
// (store.CodedEvents) is left alone. Many articles are coded on two
// goroutines, the stories shared between them, and stored as one would
// store them (the records in the stories' order, in one write); with a
// clock, the second goroutine's CPU time is returned. The actor mentions
// of the articles in known are taken from there, the others' read.
func codeStoryEvents(ctx context.Context, st store.Store, dc *docCache, stories []int64, clock func() time.Duration, known knownActors) (helper time.Duration, err error) {
	ce, ok := st.(store.CodedEvents)
	if !ok || len(stories) == 0 {
		return 0, nil
	}
	// each story's articles and first date: kept from composing its page
	// in this pass, else read
	type coded struct {
		arts      []int64
		storyDate time.Time
	}
	todo := make([]coded, len(stories))
	var all []int64
	for i, id := range stories {
		var arts []int64
		sum := dc.story(id)
		if sum != nil {
			arts = sum.Articles // the members, oldest first, as StoryArticles
		} else {
			var err error
			if arts, err = ce.StoryArticles(ctx, id); err != nil {
				return 0, err
			}
		}
		if len(arts) > maxCodedArticles {
			arts = arts[len(arts)-maxCodedArticles:]
		}
		// an undated article's events take the story's first date,
		// marked estimated
		if sum == nil {
			if s, err := st.StoryByID(ctx, id); err == nil {
				sum = s
			}
		}
		if sum != nil && sum.FirstSeen != nil {
			todo[i].storyDate = *sum.FirstSeen
		}
		todo[i].arts = arts
		all = append(all, arts...)
	}
	// the actors of every article to code: those of the batch's articles
	// as the batch stored them, the others' in one read where the store
	// has it
	actorsOf, err := readActors(ctx, st, all, known)
	if err != nil {
		return 0, err
	}
	// the stories from..., step apart, coded by one coder
	recsOf := make([][]event.Record, len(stories))
	codeEvery := func(from, step int) error {
		coder := event.NewCoder()
		for i := from; i < len(stories); i += step {
			id := stories[i]
			arts, storyDate := todo[i].arts, todo[i].storyDate
			var ms []event.Mention
			urls := map[int64]string{}
			for _, aid := range arts {
				if err := ctx.Err(); err != nil {
					return err
				}
				actors := actorsOf[aid]
				// a member coded before from the same actors and date
				// is neither read nor coded again
				ca := dc.codedEvents(aid, actors, storyDate)
				if ca == nil {
					a, an, err := dc.get(ctx, st, aid)
					if err != nil {
						return err
					}
					ca = codeArticle(coder, a, an, actors, storyDate)
					if len(arts) > 1 {
						// kept only for stories of several articles: a
						// story of one is seldom touched again, and most
						// are of one
						dc.keepCoded(aid, ca)
					}
				}
				urls[aid] = ca.url
				for i := range ca.events {
					ce := &ca.events[i]
					ms = append(ms, event.Mention{Event: ce.copy(), Article: aid, Outlet: ca.outlet, Published: ca.articlePublished, Text: ce.text})
				}
			}
			hs := event.Merge(ms)
			for k := range hs {
				recsOf[i] = append(recsOf[i], event.NewRecord(id, &hs[k], urls))
			}
		}
		return nil
	}
	if len(all) < minParallelCoded || noFollow {
		err = codeEvery(0, 1)
	} else {
		// a fault on the second goroutine is raised again on this one,
		// whose caller's boundary records it (perStorySafe)
		var herr error
		var hf *fault.Fault
		done := make(chan struct{})
		go func() {
			defer close(done)
			helper = timed(clock, func() { hf = fault.Run("events", func() { herr = codeEvery(1, 2) }) })
		}()
		func() {
			defer func() { <-done }() // also when this half panics
			err = codeEvery(0, 2)
		}()
		if hf != nil {
			panic(hf.Message)
		}
		if err == nil {
			err = herr
		}
	}
	if err != nil {
		return helper, err
	}
	var recs []event.Record
	for _, r := range recsOf {
		recs = append(recs, r...)
	}
	return helper, ce.ReplaceStoryEvents(ctx, stories, recs)
}

// readActors returns the actor mentions of the given articles: those
// known, the others read (in one go where the store can).
func readActors(ctx context.Context, st store.Store, articles []int64, known knownActors) (map[int64][]event.ActorMention, error) {
	var need []int64
	for _, id := range articles {
		if _, ok := known[id]; !ok || verifyKnown {
			need = append(need, id)
		}
	}
	out := make(map[int64][]event.ActorMention, len(articles))
	if aa, ok := st.(store.ArticlesActors); ok && len(need) > 0 {
		read, err := aa.ArticlesActors(ctx, need)
		if err != nil {
			return nil, err
		}
		out = read
	} else if ce, ok := st.(store.CodedEvents); ok {
		for _, id := range need {
			ms, err := ce.ArticleActors(ctx, id)
			if err != nil {
				return nil, err
			}
			if len(ms) > 0 {
				out[id] = ms
			}
		}
	}
	for _, id := range articles {
		ms, ok := known[id]
		if !ok {
			continue
		}
		if verifyKnown && !slices.Equal(ms, out[id]) {
			return nil, fmt.Errorf("corpus: actor mentions of article %d made from its batch differ from those stored:\n%v\n%v", id, ms, out[id])
		}
		out[id] = ms
	}
	return out, nil
}

// verifyKnown makes readActors read every article's actor mentions and
// fail where those made from the batch (batchActors) differ (tests).
var verifyKnown bool

// timed runs do and returns the CPU time it took by clock (0 without
// one), its goroutine locked to its thread so that a thread clock reads
// its time alone.
func timed(clock func() time.Duration, do func()) time.Duration {
	if clock == nil {
		do()
		return 0
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	t0 := clock()
	do()
	return clock() - t0
}

// codeArticle codes the sentences and the headline of article a, its
// actors given; an undated article takes storyDate, marked estimated.
func codeArticle(coder *event.Coder, a *store.Article, an *analyse.Annotation, actors []event.ActorMention, storyDate time.Time) *codedArticle {
	ca := &codedArticle{actors: actors, url: a.URL, outlet: a.Outlet, articlePublished: a.Published, articleEstimated: a.PublishedEstimated}
	published, estimated := ca.date(storyDate)
	ca.published, ca.estimated = published, estimated
	var evs []event.Event
	body := eventdoc.Sentences(a.Text, an, actors, published, estimated)
	for _, s := range body {
		evs = coder.Code(s, evs[:0])
		for _, e := range evs {
			ca.events = append(ca.events, codedEvent{e: e, text: a.Text[s.Start:s.End]})
		}
	}
	// the headline, as a sentence of its own (sentence
	// event.HeadlineIndex, spans in the title)
	if s, ok := eventdoc.Headline(a.Title, a.Text, an, actors, body); ok {
		evs = coder.Code(s, evs[:0])
		for _, e := range evs {
			ca.events = append(ca.events, codedEvent{e: e, text: a.Title[s.Start:s.End]})
		}
	}
	return ca
}

// codedArticle is an article's coded events as coded from its actors and
// publication date, with what its mentions take of the article: an
// article's text and analysis never change, so the same actors and date
// code the same events, and a story touched batch after batch merges its
// members' events without reading or coding them again.
type codedArticle struct {
	actors    []event.ActorMention
	published time.Time // the date coded with (date)
	estimated bool
	events    []codedEvent
	// the article's URL, outlet and date as stored
	url, outlet      string
	articlePublished time.Time
	articleEstimated bool
}

// date returns the date the article's events are coded with: its own,
// or for an undated article the story's first date, estimated.
func (ca *codedArticle) date(storyDate time.Time) (time.Time, bool) {
	if ca.articlePublished.IsZero() {
		return storyDate, true
	}
	return ca.articlePublished, ca.articleEstimated
}

// codedEvent is one coded event and the text of its sentence (of the
// title, for the headline's). Its pointers and slices (Place,
// AllSources, AllTargets) are never handed out: copy gives each use its
// own.
type codedEvent struct {
	e    event.Event
	text string
}

// copy returns the event with its own place and party lists.
func (c *codedEvent) copy() event.Event {
	e := c.e
	if e.Place != nil {
		p := *e.Place
		e.Place = &p
	}
	e.AllSources = slices.Clone(e.AllSources)
	e.AllTargets = slices.Clone(e.AllTargets)
	return e
}

// maxCodedKept bounds the articles whose coded events the cache keeps,
// apart from the articles themselves: a kept coding is a few KB (the
// actor mentions it was coded from, its events and their sentences),
// an article with its analysis some tens, so a story's members stay
// coded long after they were last read.
const maxCodedKept = 8192

// codedEvents returns article id's coded events when they were coded
// from the same actors and date (for an undated article, the story's
// first date); nil otherwise.
func (c *docCache) codedEvents(id int64, actors []event.ActorMention, storyDate time.Time) *codedArticle {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	ca := c.coded[id]
	c.mu.Unlock()
	if ca == nil {
		return nil
	}
	if published, estimated := ca.date(storyDate); ca.estimated != estimated || ca.published != published || !slices.Equal(ca.actors, actors) {
		return nil
	}
	return ca
}

// keepCoded keeps an article's coded events (the latest maxCodedKept
// articles'), their sentences copied out of the article's text so that
// the article itself can go.
func (c *docCache) keepCoded(id int64, ca *codedArticle) {
	if c == nil {
		return
	}
	for i := range ca.events {
		ca.events[i].text = strings.Clone(ca.events[i].text)
	}
	ca.url, ca.outlet = strings.Clone(ca.url), strings.Clone(ca.outlet)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.coded[id]; !ok {
		if len(c.codedRing) < maxCodedKept {
			c.codedRing = append(c.codedRing, id)
		} else {
			delete(c.coded, c.codedRing[c.codedNext])
			c.codedRing[c.codedNext] = id
			c.codedNext = (c.codedNext + 1) % maxCodedKept
		}
	}
	c.coded[id] = ca
}
