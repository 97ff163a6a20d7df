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

// composePages composes the pages of the given stories and stores them,
// so that reading a story is one row, not a summarisation. A store with
// story-scoped reads (store.StoryPages) composes each story at a cost in
// proportion to the story; any other gets the read model's page.
func composePages(ctx context.Context, st store.Store, dc *docCache, ids []int64) error {
	r := storeview.New(st)
	r.Compose = Compose
	sp, scoped := st.(store.StoryPages)
	var pages []store.StoryPage
	for _, id := range ids {
		var s *view.Story
		var err error
		if scoped {
			s, err = composeStory(ctx, st, sp, dc, id)
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

// composeStory assembles a story's page as the read model's Live does —
// listing, members, timeline, places, quotes, actors, then the summary
// and comparison — with the lists of actors and places read scoped to the
// story: each actor's articles and outlets are those of the story, and no
// corpus-wide list (every article naming an actor, every story naming a
// place) is embedded in the page.
func composeStory(ctx context.Context, st store.Store, sp store.StoryPages, dc *docCache, id int64) (*view.Story, error) {
	sum, err := st.StoryByID(ctx, id)
	if err != nil {
		return nil, err
	}
	dc.keepStory(sum)
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
