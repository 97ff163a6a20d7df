package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/story"
	"github.com/sitrep/sitrep/internal/view"
	"github.com/sitrep/sitrep/internal/view/storeview"
)

// maxComposed caps the articles a story page summarises: the story's
// newest and non-duplicate members first.
const maxComposed = 200

// maxActorNames caps the actors of one member article the summariser and
// comparison see.
const maxActorNames = 200

// lazyMembers is the size up to which a story's page is composed when it
// is read, not when the story changes: the corpus stage stores only the
// names its listing shows (store.StoryPage with a nil Page). Most stories
// are of one article, and most are never opened; composing such a page
// on a read costs a reader a few milliseconds (BENCHMARKS.md, "Story pages
// of one article composed when read"), while composing it at ingest was
// a third of the corpus stage. A story of several articles — the ones
// listings rank first and readers open, whose page costs more to compose
// the larger it grows — is composed when it changes, as before.
const lazyMembers = 1

// composePages composes the pages of the given stories and stores them,
// so that reading a story is one row, not a summarisation. A store with
// story-scoped reads (store.StoryPages) composes each story at a cost in
// proportion to the story, and leaves the page of a story of at most
// lazyMembers articles to be composed when read (ComposeStory); any other
// store gets the read model's page.
func composePages(ctx context.Context, st store.Store, dc *docCache, ids []int64) error {
	r := storeview.New(st)
	r.Compose = Compose
	sp, scoped := st.(store.StoryPages)
	var pre *preread
	if br, ok := st.(store.BatchReads); ok && scoped {
		var err error
		if pre, err = prereadStories(ctx, br, dc, ids); err != nil {
			return err
		}
	}
	var pages []store.StoryPage
	for _, id := range ids {
		var s *view.Story
		var err error
		if scoped {
			var p *store.StoryPage
			if p, err = lazyPage(ctx, st, sp, dc, pre, id); p != nil {
				pages = append(pages, *p)
				continue
			}
			if err == nil {
				s, err = composeStory(ctx, st, sp, dc, id)
			}
		} else {
			s, err = r.Live(ctx, id)
		}
		if errors.Is(err, view.ErrNotFound) || errors.Is(err, store.ErrNotFound) {
			continue // merged away meanwhile
		}
		if err != nil {
			return err
		}
		b, err := json.Marshal(s)
		if err != nil {
			return err
		}
		p := store.StoryPage{ID: id, Page: b}
		for i, a := range s.Actors {
			if i < 5 {
				p.TopActors = append(p.TopActors, a.Name)
			}
		}
		for i, pl := range s.Places {
			if i < 5 {
				p.TopPlaces = append(p.TopPlaces, pl.Name)
			}
		}
		pages = append(pages, p)
	}
	return st.PutStoryPages(ctx, pages)
}

// Story page limits: the actors a page lists (and how many are read to
// find them, places named as such being left out), and the places, dated
// statements and quotes it lists.
const (
	storyActors    = 30
	storyPlaces    = 200
	storyListLimit = 1000
	locationType   = "location" // the actor type of places (entity.KindLocation)
	// speechConfidence is the quote confidence from which a quote is
	// speech, not a stance verb (see quote.Quote.Confidence).
	speechConfidence = 0.6
)

// preread holds what composePages read of all its stories at once from
// a store with batch reads (store.BatchReads): their listings, and the
// lists of those whose pages are left to be composed when read.
type preread struct {
	stories map[int64]*view.StorySummary
	tops    map[int64]store.StoryTops
}

// prereadStories reads the listings of the given stories (those not kept
// in dc already) and the top actors and places of the ones of at most
// lazyMembers articles, each in one call, as lazyPage would read them
// story by story.
func prereadStories(ctx context.Context, br store.BatchReads, dc *docCache, ids []int64) (*preread, error) {
	pre := &preread{stories: make(map[int64]*view.StorySummary, len(ids))}
	var need []int64
	for _, id := range ids {
		if s := dc.story(id); s != nil {
			pre.stories[id] = s
		} else {
			need = append(need, id)
		}
	}
	if len(need) > 0 {
		read, err := br.StoriesByID(ctx, need)
		if err != nil {
			return nil, err
		}
		for id, s := range read {
			pre.stories[id] = s
		}
	}
	var lazy []int64
	for _, id := range ids {
		if s := pre.stories[id]; s != nil && len(s.Articles) <= lazyMembers {
			lazy = append(lazy, id)
		}
	}
	var err error
	pre.tops, err = br.StoriesTops(ctx, lazy, 2*storyActors, storyPlaces)
	return pre, err
}

// lazyPage returns the listing of a story whose page is left to be
// composed when read (at most lazyMembers articles): its top actors and
// places, as composeStory would find them. It returns nil for a larger
// story, whose page is composed now. The story's listing is kept in dc
// either way (coding its events reads it). With pre, what it needs is
// taken from there (a story not there does not exist).
func lazyPage(ctx context.Context, st store.Store, sp store.StoryPages, dc *docCache, pre *preread, id int64) (*store.StoryPage, error) {
	var sum *view.StorySummary
	if pre != nil {
		if sum = pre.stories[id]; sum == nil {
			return nil, store.ErrNotFound
		}
	} else {
		var err error
		if sum, err = st.StoryByID(ctx, id); err != nil {
			return nil, err
		}
	}
	dc.keepStory(sum)
	if len(sum.Articles) > lazyMembers {
		return nil, nil
	}
	// The first five of the page's lists, read as composeStory reads
	// them (the page's actors leave places named as actors out).
	var acts []view.Actor
	var pls []view.Place
	if t, ok := pre.top(id); ok {
		acts, pls = t.Actors, t.Places
	} else {
		var err error
		if acts, err = sp.StoryTopActors(ctx, id, 2*storyActors); err != nil {
			return nil, err
		}
		if pls, err = sp.StoryPlaces(ctx, id, storyPlaces); err != nil {
			return nil, err
		}
	}
	p := &store.StoryPage{ID: id, TopActors: []string{}, TopPlaces: []string{}}
	for _, a := range acts {
		if a.Type != locationType && len(p.TopActors) < 5 {
			p.TopActors = append(p.TopActors, a.Name)
		}
	}
	for i, pl := range pls {
		if i < 5 {
			p.TopPlaces = append(p.TopPlaces, pl.Name)
		}
	}
	return p, nil
}

// top returns the lists read for story id, if any (none from a nil
// preread).
func (pre *preread) top(id int64) (store.StoryTops, bool) {
	if pre == nil {
		return store.StoryTops{}, false
	}
	t, ok := pre.tops[id]
	return t, ok
}

// ComposeStory composes story id's page now, as the corpus stage composes
// it: with the store's story-scoped reads (store.StoryPages) where it has
// them, else with the read model. Readers use it for the pages the stage
// left to be composed when read (lazyMembers) and for stories not composed
// yet (storeview.Reader.Page).
func ComposeStory(ctx context.Context, st store.Store, id int64) (*view.Story, error) {
	if sp, ok := st.(store.StoryPages); ok {
		return composeStory(ctx, st, sp, nil, id)
	}
	r := storeview.New(st)
	r.Compose = Compose
	return r.Live(ctx, id)
}

// composeStory assembles a story's page as the read model's Live does —
// listing, members, timeline, places, quotes, actors, then the summary
// and comparison — with the lists of actors and places read scoped to the
// story: each actor's articles and outlets are those of the story, and no
// corpus-wide list (every article naming an actor, every story naming a
// place) is embedded in the page.
func composeStory(ctx context.Context, st store.Store, sp store.StoryPages, dc *docCache, id int64) (*view.Story, error) {
	sum := dc.story(id)
	if sum == nil {
		var err error
		if sum, err = st.StoryByID(ctx, id); err != nil {
			return nil, err
		}
		dc.keepStory(sum)
	}
	var err error
	s := &view.Story{StorySummary: *sum, Summary: []view.SummarySentence{}, Actors: []view.StoryActor{}}
	if s.Members, err = st.Summaries(ctx, sum.Articles); err != nil {
		return nil, err
	}
	if s.Places, err = sp.StoryPlaces(ctx, id, storyPlaces); err != nil {
		return nil, err
	}
	if s.Quotes, err = sp.StoryQuotes(ctx, id, storyListLimit, speechConfidence); err != nil {
		return nil, err
	}
	acts, err := sp.StoryActors(ctx, id, 2*storyActors)
	if err != nil {
		return nil, err
	}
	// The listing's top names include places named as actors, as the read
	// model's do; the page's actor list leaves them to the map.
	s.StorySummary.Actors, s.StorySummary.Places = []string{}, []string{}
	for i, a := range acts {
		if i < 5 {
			s.StorySummary.Actors = append(s.StorySummary.Actors, a.Name)
		}
		if a.Type == locationType || len(s.Actors) == storyActors {
			continue
		}
		s.Actors = append(s.Actors, a)
	}
	for i, p := range s.Places {
		if i < 5 {
			s.StorySummary.Places = append(s.StorySummary.Places, p.Name)
		}
	}
	if err := compose(ctx, st, sp, dc, s); err != nil {
		return nil, err
	}
	// The stored timeline is the page's only when the members' own
	// (compose) is empty: read only then.
	if s.Timeline == nil {
		tl, err := st.TimeList(ctx, view.Query{Story: id, Limit: storyListLimit})
		if err != nil {
			return nil, err
		}
		s.Timeline = tl.Items
	}
	return s, nil
}

// Compose fills a story page's cited summary, timeline and outlet
// comparison from its member articles.
func Compose(ctx context.Context, st store.Store, s *view.Story) error {
	sp, _ := st.(store.StoryPages)
	return compose(ctx, st, sp, nil, s)
}

func compose(ctx context.Context, st store.Store, sp store.StoryPages, dc *docCache, s *view.Story) error {
	docs, err := memberDocs(ctx, st, sp, dc, s.Members)
	if err != nil {
		return err
	}
	pg := story.ComposePage(docs, 8, dc.sentences())
	for _, x := range pg.Summary {
		s.Summary = append(s.Summary, view.SummarySentence{Text: x.Text, Date: x.Date, Estimated: x.Estimated, Citations: citations(x.Citations, x.Doc, x.Outlet, x.Sentence, x.Span)})
	}
	if tl := pg.Timeline; len(tl) > 0 {
		s.Timeline = s.Timeline[:0]
		for _, x := range tl {
			s.Timeline = append(s.Timeline, view.TimelineEntry{Date: x.Date, Expression: x.Expression, Text: x.Text, Estimated: x.Estimated,
				Citation: view.Citation{Article: x.Doc, Outlet: x.Outlet, Sentence: x.Sentence, Span: view.Span{Start: x.Span.Start, End: x.Span.End}}})
		}
	}
	c := pg.Comparison
	vc := &view.Comparison{Outlets: c.Outlets, Claims: []view.Claim{}, WordChoices: []view.WordChoice{}, Numbers: []view.NumberClaim{}}
	for _, cl := range c.Claims {
		vc.Claims = append(vc.Claims, view.Claim{Text: cl.Text, Outlets: cl.Outlets, Exclusive: cl.Unique, Citations: citations(cl.Citations, 0, "", 0, story.Span{})})
	}
	for _, w := range c.WordChoice {
		vc.WordChoices = append(vc.WordChoices, view.WordChoice{Referent: strings.Join(w.Context, " "), ByOutlet: w.Words})
	}
	for _, n := range c.Numbers {
		vc.Numbers = append(vc.Numbers, view.NumberClaim{What: n.Unit, ByOutlet: n.Values})
	}
	s.Comparison = vc
	return nil
}

func citations(cs []story.Citation, doc int64, outlet string, sentence int, span story.Span) []view.Citation {
	out := make([]view.Citation, 0, len(cs)+1)
	if len(cs) == 0 && doc != 0 {
		cs = []story.Citation{{Doc: doc, Outlet: outlet, Sentence: sentence, Span: span}}
	}
	for _, c := range cs {
		out = append(out, view.Citation{Article: c.Doc, Outlet: c.Outlet, Sentence: c.Sentence, Span: view.Span{Start: c.Span.Start, End: c.Span.End}})
	}
	return out
}

// memberDocs loads a story's articles as story documents, with their
// actors named by canonical name.
func memberDocs(ctx context.Context, st store.Store, sp store.StoryPages, dc *docCache, members []view.ArticleSummary) ([]story.Doc, error) {
	ms := append([]view.ArticleSummary(nil), members...)
	sort.SliceStable(ms, func(i, j int) bool { return (ms[i].DuplicateOf == 0) && (ms[j].DuplicateOf != 0) })
	if len(ms) > maxComposed {
		ms = ms[:maxComposed]
	}
	var names map[int64][]string
	if sp != nil {
		ids := make([]int64, len(ms))
		for i, m := range ms {
			ids[i] = m.ID
		}
		var err error
		if names, err = sp.ActorNames(ctx, ids, maxActorNames); err != nil {
			return nil, err
		}
	}
	var docs []story.Doc
	for _, m := range ms {
		a, an, err := dc.get(ctx, st, m.ID)
		if err != nil {
			return nil, err
		}
		d := storyDoc(a, an, nil)
		if sp != nil {
			for _, n := range names[m.ID] {
				d.Actors = append(d.Actors, story.Ref{Key: n})
			}
		} else {
			acts, err := st.ActorList(ctx, view.Query{Article: m.ID, Limit: maxActorNames})
			if err != nil {
				return nil, err
			}
			for _, x := range acts.Items {
				d.Actors = append(d.Actors, story.Ref{Key: x.Name})
			}
		}
		docs = append(docs, d)
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs, nil
}
