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

// composePages composes the pages of the given stories and stores them,
// so that reading a story is one row, not a summarisation.
func composePages(ctx context.Context, st store.Store, ids []int64) error {
	r := storeview.New(st)
	r.Compose = Compose
	var pages []store.StoryPage
	for _, id := range ids {
		s, err := r.Live(ctx, id)
		if errors.Is(err, view.ErrNotFound) {
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

// Compose fills a story page's cited summary, timeline and outlet
// comparison from its member articles.
func Compose(ctx context.Context, st store.Store, s *view.Story) error {
	docs, err := memberDocs(ctx, st, s.Members)
	if err != nil {
		return err
	}
	for _, x := range story.Summarize(docs, 8) {
		s.Summary = append(s.Summary, view.SummarySentence{Text: x.Text, Date: x.Date, Estimated: x.Estimated, Citations: citations(x.Citations, x.Doc, x.Outlet, x.Sentence, x.Span)})
	}
	if tl := story.Timeline(docs); len(tl) > 0 {
		s.Timeline = s.Timeline[:0]
		for _, x := range tl {
			s.Timeline = append(s.Timeline, view.TimelineEntry{Date: x.Date, Expression: x.Expression, Text: x.Text, Estimated: x.Estimated,
				Citation: view.Citation{Article: x.Doc, Outlet: x.Outlet, Sentence: x.Sentence, Span: view.Span{Start: x.Span.Start, End: x.Span.End}}})
		}
	}
	c := story.Compare(docs)
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
func memberDocs(ctx context.Context, st store.Store, members []view.ArticleSummary) ([]story.Doc, error) {
	ms := append([]view.ArticleSummary(nil), members...)
	sort.SliceStable(ms, func(i, j int) bool { return (ms[i].DuplicateOf == 0) && (ms[j].DuplicateOf != 0) })
	if len(ms) > maxComposed {
		ms = ms[:maxComposed]
	}
	var docs []story.Doc
	for _, m := range ms {
		a, err := st.Article(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		an, err := st.Annotation(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		d := storyDoc(a, an, nil)
		acts, err := st.ActorList(ctx, view.Query{Article: m.ID, Limit: 200})
		if err != nil {
			return nil, err
		}
		for _, x := range acts.Items {
			d.Actors = append(d.Actors, story.Ref{Key: x.Name})
		}
		docs = append(docs, d)
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs, nil
}
