// Package storeview implements view.Reader over a store: listings come
// straight from the store's queries; pages (an article with its analysis,
// a story with its summary, timeline and outlet matrix, an actor, a place)
// are assembled here.
package storeview

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// speechConfidence is the quote confidence from which a quote is speech
// (see quote.Quote.Confidence).
const speechConfidence = 0.6

// Reader reads a store.
type Reader struct {
	st store.Store
	// Compose, when set, fills a story page's summary and comparison from
	// its member articles (the story stage). Nil leaves them empty.
	Compose func(ctx context.Context, st store.Store, s *view.Story) error
	// Page, when set, composes the page of a story the store holds none
	// for — one the corpus stage left to be composed when read, or one
	// not composed yet — as the corpus stage would (corpus.ComposeStory).
	// Nil assembles it with Live.
	Page func(ctx context.Context, id int64) (*view.Story, error)
}

var _ view.Reader = (*Reader)(nil)

// New returns a Reader of st.
func New(st store.Store) *Reader { return &Reader{st: st} }

func notFound(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return view.ErrNotFound
	}
	return err
}

// Articles implements view.Reader.
func (r *Reader) Articles(ctx context.Context, q view.Query) (view.Page[view.ArticleSummary], error) {
	return r.st.ArticleList(ctx, q)
}

// Article implements view.Reader.
func (r *Reader) Article(ctx context.Context, id int64) (*view.Article, error) {
	a, err := r.st.Article(ctx, id)
	if err != nil {
		return nil, notFound(err)
	}
	sums, err := r.st.Summaries(ctx, []int64{id})
	if err != nil || len(sums) == 0 {
		return nil, notFound(err)
	}
	out := &view.Article{ArticleSummary: sums[0], Authors: nonNil(a.Authors), Language: a.Language, Text: a.Text,
		Sentences: []view.Span{}, Mentions: []view.Mention{}, Places: []view.PlaceMention{}, Times: []view.TimeMention{}, Quotes: []view.Quote{}, Actors: []view.ActorRef{}}
	an, err := r.st.Annotation(ctx, id)
	if err != nil {
		return nil, err
	}
	out.Analysis = AnalysisOf(a)
	fs, err := r.st.Faults(ctx, id)
	if err != nil {
		return nil, err
	}
	out.Faults = []view.Fault{}
	for _, f := range fs {
		out.Faults = append(out.Faults, view.Fault{Stage: f.Stage, Message: f.Message, Where: f.Where, At: f.At})
	}
	for _, s := range an.Sentences {
		out.Sentences = append(out.Sentences, view.Span{Start: s.Start, End: s.End})
	}
	for _, m := range an.Mentions {
		out.Mentions = append(out.Mentions, view.Mention{Span: view.Span{Start: m.Start, End: m.End}, Text: a.Text[m.Start:m.End], Type: m.Type, Sentence: m.Sentence})
	}
	for _, p := range an.Places {
		if p.Focus {
			// not in the gazetteer: shown as unresolved, not at the
			// story's focus (which is a guess)
			out.Places = append(out.Places, view.PlaceMention{Span: view.Span{Start: p.Start, End: p.End}, Text: a.Text[p.Start:p.End],
				Sentence: p.Sentence, Name: a.Text[p.Start:p.End], Unresolved: true})
			continue
		}
		out.Places = append(out.Places, view.PlaceMention{Span: view.Span{Start: p.Start, End: p.End}, Text: a.Text[p.Start:p.End], Sentence: p.Sentence,
			Place: view.PlaceID(int64(p.GeonamesID), p.Name, p.Country), Name: p.Name, Lat: p.Lat, Lon: p.Lon, Country: p.Country, Confidence: p.Confidence})
	}
	for _, t := range an.Times {
		out.Times = append(out.Times, view.TimeMention{Span: view.Span{Start: t.Start, End: t.End}, Text: a.Text[t.Start:t.End], Sentence: t.Sentence, Type: t.Type, Value: t.Value})
	}
	qs, err := r.st.QuoteList(ctx, view.Query{Article: id, Limit: 1000})
	if err != nil {
		return nil, err
	}
	out.Quotes = qs.Items
	acts, err := r.st.ActorList(ctx, view.Query{Article: id, Limit: 200})
	if err != nil {
		return nil, err
	}
	for _, x := range acts.Items {
		out.Actors = append(out.Actors, view.ActorRef{ID: x.ID, Name: x.Name, Type: x.Type})
	}
	return out, nil
}

// Stories implements view.Reader.
func (r *Reader) Stories(ctx context.Context, q view.Query) (view.Page[view.StorySummary], error) {
	p, err := r.st.StoryList(ctx, q)
	if err != nil {
		return p, err
	}
	for i := range p.Items {
		if p.Items[i].Actors == nil {
			r.decorate(ctx, &p.Items[i])
		}
	}
	return p, nil
}

// decorate adds the top actors and places to a story summary whose page
// was not stored.
func (r *Reader) decorate(ctx context.Context, s *view.StorySummary) {
	s.Actors, s.Places = []string{}, []string{}
	if acts, err := r.st.ActorList(ctx, view.Query{Story: s.ID, Limit: 5}); err == nil {
		for _, a := range acts.Items {
			s.Actors = append(s.Actors, a.Name)
		}
	}
	if pl, err := r.st.PlaceList(ctx, view.Query{Story: s.ID, Limit: 5}); err == nil {
		for _, p := range pl.Items {
			s.Places = append(s.Places, p.Name)
		}
	}
}

// Story implements view.Reader: the page the corpus stage stored when the
// story last changed, else one composed now (Page, or Live without it).
func (r *Reader) Story(ctx context.Context, id int64) (*view.Story, error) {
	b, err := r.st.StoryPage(ctx, id)
	if err != nil {
		return nil, notFound(err)
	}
	if b != nil {
		var s view.Story
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("story %d: stored page: %w", id, err)
		}
		return &s, nil
	}
	if r.Page != nil {
		s, err := r.Page(ctx, id)
		return s, notFound(err)
	}
	return r.Live(ctx, id)
}

// Live assembles a story page from the store now, composing its summary
// and comparison with Compose.
func (r *Reader) Live(ctx context.Context, id int64) (*view.Story, error) {
	sum, err := r.st.StoryByID(ctx, id)
	if err != nil {
		return nil, notFound(err)
	}
	r.decorate(ctx, sum)
	s := &view.Story{StorySummary: *sum, Summary: []view.SummarySentence{}, Actors: []view.StoryActor{}}
	q := view.Query{Story: id, Limit: 1000}
	if s.Members, err = r.st.Summaries(ctx, sum.Articles); err != nil {
		return nil, err
	}
	tl, err := r.st.TimeList(ctx, q)
	if err != nil {
		return nil, err
	}
	s.Timeline = tl.Items
	pl, err := r.st.PlaceList(ctx, view.Query{Story: id, Limit: 200})
	if err != nil {
		return nil, err
	}
	s.Places = pl.Items
	// A story page shows what was said: speech cues and quotations, not
	// the stance verbs the extractor also reports.
	qs, err := r.st.QuoteList(ctx, view.Query{Story: id, Limit: 1000, MinConfidence: speechConfidence})
	if err != nil {
		return nil, err
	}
	s.Quotes = qs.Items
	// Actors are who acted and spoke; places named as such (typed
	// location) are on the page's map and place list already.
	acts, err := r.st.ActorList(ctx, view.Query{Story: id, Limit: 2 * storyActors})
	if err != nil {
		return nil, err
	}
	for _, a := range acts.Items {
		if a.Type == locationType || len(s.Actors) == storyActors {
			continue
		}
		s.Actors = append(s.Actors, view.StoryActor{Actor: a})
	}
	if r.Compose != nil {
		if err := r.Compose(ctx, r.st, s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Storylines implements view.Reader: storylines are listed by their
// newest story, each with all its stories.
func (r *Reader) Storylines(ctx context.Context, q view.Query) (view.Page[view.Storyline], error) {
	all, err := r.st.StoryList(ctx, view.Query{Limit: 1000, Outlet: q.Outlet, Actor: q.Actor, Place: q.Place, From: q.From, To: q.To})
	out := view.Page[view.Storyline]{Items: []view.Storyline{}}
	if err != nil {
		return out, err
	}
	idx := map[int64]int{}
	var lines []view.Storyline
	for _, s := range all.Items {
		i, ok := idx[s.Storyline]
		if !ok {
			i = len(lines)
			idx[s.Storyline] = i
			lines = append(lines, view.Storyline{ID: s.Storyline, FirstSeen: s.FirstSeen, LastSeen: s.LastSeen})
		}
		l := &lines[i]
		l.Stories = append(l.Stories, s)
		if s.FirstSeen != nil && (l.FirstSeen == nil || s.FirstSeen.Before(*l.FirstSeen)) {
			l.FirstSeen = s.FirstSeen
		}
		if s.LastSeen != nil && (l.LastSeen == nil || s.LastSeen.After(*l.LastSeen)) {
			l.LastSeen = s.LastSeen
		}
		if l.Headline == "" || len(s.Articles) > len(l.Stories[0].Articles) {
			l.Headline = s.Headline
		}
	}
	limit, offset := q.Limit, q.Offset
	if limit <= 0 {
		limit = 50
	}
	out.Total, out.Limit, out.Offset = len(lines), limit, offset
	if offset < len(lines) {
		out.Items = lines[offset:min(len(lines), offset+limit)]
	}
	return out, nil
}

// Actors implements view.Reader.
func (r *Reader) Actors(ctx context.Context, q view.Query) (view.Page[view.Actor], error) {
	return r.st.ActorList(ctx, q)
}

// Actor implements view.Reader.
func (r *Reader) Actor(ctx context.Context, key string) (*view.ActorPage, error) {
	a, err := r.st.FindActor(ctx, strings.TrimSpace(key))
	if err != nil {
		return nil, notFound(err)
	}
	p := &view.ActorPage{Actor: *a}
	id := strconv.FormatInt(a.ID, 10)
	st, err := r.st.StoryList(ctx, view.Query{Actor: id, Limit: 100})
	if err != nil {
		return nil, err
	}
	p.Stories = st.Items
	qs, err := r.st.QuoteList(ctx, view.Query{Speaker: id, Limit: 200})
	if err != nil {
		return nil, err
	}
	p.Quotes = qs.Items
	if p.Sentences, p.Texts, err = r.st.ActorCitations(ctx, a.ID, 100); err != nil {
		return nil, err
	}
	p.Sentences, p.Texts = nonNil(p.Sentences), nonNil(p.Texts)
	return p, nil
}

// Places implements view.Reader.
func (r *Reader) Places(ctx context.Context, q view.Query) (view.Page[view.Place], error) {
	return r.st.PlaceList(ctx, q)
}

// Place implements view.Reader: key is a GeoNames id or a name.
func (r *Reader) Place(ctx context.Context, key string) (*view.PlacePage, error) {
	pl, err := r.st.PlaceList(ctx, view.Query{Text: strings.TrimSpace(key), Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(pl.Items) == 0 {
		return nil, view.ErrNotFound
	}
	p := &view.PlacePage{Place: pl.Items[0]}
	// By the place's own id: a place without a GeoNames id has a negative
	// one, never 0 (every such place).
	st, err := r.st.StoryList(ctx, view.Query{Place: strconv.FormatInt(p.ID, 10), Limit: 100})
	if err != nil {
		return nil, err
	}
	p.StoryList = st.Items
	if p.Sentences, p.Texts, err = r.st.PlaceCitations(ctx, p.ID, 100); err != nil {
		return nil, err
	}
	p.Sentences, p.Texts = nonNil(p.Sentences), nonNil(p.Texts)
	return p, nil
}

// Quotes implements view.Reader.
func (r *Reader) Quotes(ctx context.Context, q view.Query) (view.Page[view.Quote], error) {
	return r.st.QuoteList(ctx, q)
}

// Timeline implements view.Reader.
func (r *Reader) Timeline(ctx context.Context, q view.Query) (view.Page[view.TimelineEntry], error) {
	return r.st.TimeList(ctx, q)
}

// Search implements view.Reader.
func (r *Reader) Search(ctx context.Context, q view.Query) (*view.SearchResult, error) {
	return r.st.SearchArticles(ctx, q)
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// storyActors caps the actors a story page lists; locationType is the
// actor type of places (entity.KindLocation).
const (
	storyActors  = 30
	locationType = "location"
)

// AnalysisOf says how far an article was analysed.
func AnalysisOf(a *store.Article) view.Analysis {
	v := view.Analysis{Status: a.Analysis, Note: a.AnalysisNote}
	if v.Status == "" {
		v.Status = "complete"
	}
	if a.Language != "" {
		v.Language = clean.LanguageName(a.Language)
	}
	return v
}
