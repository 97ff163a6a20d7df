package storetest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

func summaryIDs(items []view.ArticleSummary) []int64 {
	return ids(len(items), func(i int) int64 { return items[i].ID })
}

func testArticleList(t *testing.T, s store.Store) {
	w := newWorld(t, s)
	a := w.a
	for _, tc := range []struct {
		name  string
		q     view.Query
		want  []int64
		total int
	}{
		{"all, newest first, undated last", view.Query{}, []int64{a[3], a[2], a[1], a[5], a[4]}, 5},
		{"page", view.Query{Limit: 2, Offset: 1}, []int64{a[2], a[1]}, 5},
		{"outlet, any case", view.Query{Outlet: "wire a"}, []int64{a[3], a[1]}, 2},
		{"from", view.Query{From: day(2)}, []int64{a[3], a[2]}, 2},
		{"to", view.Query{To: day(2)}, []int64{a[1], a[5]}, 2},
		{"story", view.Query{Story: ferryStory}, []int64{a[2], a[1], a[5]}, 3},
		{"article", view.Query{Article: a[4]}, []int64{a[4]}, 1},
		{"actor by alias", view.Query{Actor: "brodie"}, []int64{a[2], a[1]}, 2},
		{"actor by id", view.Query{Actor: str(authority)}, []int64{a[2]}, 1},
		{"unknown actor", view.Query{Actor: "Nobody"}, []int64{}, 0},
		{"place by name", view.Query{Place: "glasgow"}, []int64{a[2], a[1]}, 2},
		{"place by id", view.Query{Place: str(oban)}, []int64{a[3], a[4]}, 2},
		{"filters together", view.Query{Place: "Glasgow", Outlet: "Wire B"}, []int64{a[2]}, 1},
	} {
		p, err := s.ArticleList(ctx, tc.q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := summaryIDs(p.Items); !eq(got, tc.want) || p.Total != tc.total {
			t.Errorf("%s: %v (total %d), want %v (total %d)", tc.name, got, p.Total, tc.want, tc.total)
		}
	}
	p, _ := s.ArticleList(ctx, view.Query{Article: a[1]})
	if len(p.Items) != 1 {
		t.Fatal("article 1 not listed")
	}
	x := p.Items[0]
	if x.Story != ferryStory || x.Outlet != "Wire A" || x.Title != "Ferry to Glasgow cancelled" || x.URL != "https://news.example/1" || x.Published == nil || !x.Published.Equal(day(1)) {
		t.Errorf("summary = %+v", x)
	}
	if p.Limit != 50 || p.Offset != 0 {
		t.Errorf("default page: limit %d offset %d", p.Limit, p.Offset)
	}
	if p, _ := s.ArticleList(ctx, view.Query{Limit: 5000}); p.Limit != view.MaxPageSize {
		t.Errorf("limit 5000 capped to %d, want %d", p.Limit, view.MaxPageSize)
	}
	sums, err := s.Summaries(ctx, []int64{a[4], a[1], 999999, a[3]})
	if got := summaryIDs(sums); err != nil || !eq(got, []int64{a[4], a[1], a[3]}) {
		t.Errorf("Summaries = %v, %v", got, err)
	}
	if len(sums) == 3 && sums[0].Published != nil {
		t.Errorf("undated summary has a date %v", sums[0].Published)
	}
}

func testQuoteList(t *testing.T, s store.Store) {
	w := newWorld(t, s)
	p, err := s.QuoteList(ctx, view.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 || len(p.Items) != 1 {
		t.Fatalf("QuoteList = %+v", p)
	}
	q := p.Items[0]
	text := "Ailsa Brodie said the ferry to Glasgow was cancelled."
	if q.Text != "the ferry to Glasgow was cancelled" || q.Speaker != "Ailsa Brodie" || q.SpeakerActor != brodie || !q.SpeakerResolved ||
		q.Cue != "said" || q.Kind != "indirect" || q.Article != w.a[1] || q.Outlet != "Wire A" || q.Sentence != 0 {
		t.Errorf("quote = %+v", q)
	}
	if q.Citation.Start != 0 || q.Citation.End != len(text) || q.Citation.Article != w.a[1] || q.Confidence < 0.79 || q.Confidence > 0.81 {
		t.Errorf("quote citation = %+v, confidence %v", q.Citation, q.Confidence)
	}
	for _, tc := range []struct {
		q    view.Query
		want int
	}{
		{view.Query{Speaker: "Brodie"}, 1},
		{view.Query{Speaker: str(brodie)}, 1},
		{view.Query{Speaker: "Port Authority"}, 0},
		{view.Query{Text: "FERRY"}, 1},
		// the text filter reads the quote's span only, not its sentence
		{view.Query{Text: "Brodie said"}, 0},
		{view.Query{Text: "cancelled."}, 0},
		{view.Query{Text: "storm"}, 0},
		{view.Query{MinConfidence: 0.9}, 0},
		{view.Query{Story: stormStory}, 0},
		{view.Query{Outlet: "Wire A"}, 1},
	} {
		if p, err := s.QuoteList(ctx, tc.q); err != nil || p.Total != tc.want || len(p.Items) != tc.want {
			t.Errorf("QuoteList(%+v) = %d (total %d), %v; want %d", tc.q, len(p.Items), p.Total, err, tc.want)
		}
	}
}

func testPlaceList(t *testing.T, s store.Store) {
	w := newWorld(t, s)
	p, err := s.PlaceList(ctx, view.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 2 || len(p.Items) != 2 {
		t.Fatalf("PlaceList = %+v", p)
	}
	o, g := p.Items[0], p.Items[1]
	if o.Name != "Oban" || o.GeonamesID != oban || o.Mentions != 3 || !eq(o.Articles, []int64{w.a[3], w.a[4]}) || !eq(o.Stories, []int64{stormStory}) || o.Country != "GB" {
		t.Errorf("first place = %+v", o)
	}
	if g.Name != "Glasgow" || g.Mentions != 2 || !eq(g.Articles, []int64{w.a[1], w.a[2]}) || !eq(g.Stories, []int64{ferryStory}) || g.ID != view.PlaceID(glasgow, "Glasgow", "GB") {
		t.Errorf("second place = %+v", g)
	}
	for _, tc := range []struct {
		q    view.Query
		want []string
	}{
		{view.Query{MinCount: 3}, []string{"Oban"}},
		{view.Query{Text: "glasgow"}, []string{"Glasgow"}},
		{view.Query{Text: str(oban)}, []string{"Oban"}},
		{view.Query{Story: ferryStory}, []string{"Glasgow"}},
		{view.Query{Outlet: "Wire A"}, []string{"Oban", "Glasgow"}},
		{view.Query{Limit: 1, Offset: 1}, []string{"Glasgow"}},
	} {
		p, err := s.PlaceList(ctx, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range p.Items {
			got = append(got, x.Name)
		}
		if !eq(got, tc.want) {
			t.Errorf("PlaceList(%+v) = %v, want %v", tc.q, got, tc.want)
		}
	}
	cs, texts, err := s.PlaceCitations(ctx, glasgow, 10)
	if err != nil || len(cs) != 2 || cs[0].Article != w.a[2] || texts[0] != "Port Authority officials in Glasgow closed the harbour." {
		t.Errorf("PlaceCitations = %+v %q, %v", cs, texts, err)
	}
	if cs, _, _ := s.PlaceCitations(ctx, oban, 1); len(cs) != 1 || cs[0].Article != w.a[3] {
		t.Errorf("PlaceCitations(limit 1) = %+v", cs)
	}
}

func testTimeList(t *testing.T, s store.Store) {
	w := newWorld(t, s)
	p, err := s.TimeList(ctx, view.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 2 || len(p.Items) != 2 {
		t.Fatalf("TimeList = %+v", p)
	}
	x, y := p.Items[0], p.Items[1]
	if x.Date != "2024-03-02" || x.Expression != "2 March 2024" || x.Text != "The harbour chair agreed on 2 March 2024." || x.Citation.Article != w.a[1] || x.Citation.Sentence != 1 || x.Citation.Outlet != "Wire A" {
		t.Errorf("first entry = %+v", x)
	}
	if y.Date != "2024-03-05" || y.Expression != "Tuesday" || y.Citation.Article != w.a[4] {
		t.Errorf("second entry = %+v", y)
	}
	if p, _ := s.TimeList(ctx, view.Query{Story: stormStory}); p.Total != 1 || p.Items[0].Date != "2024-03-05" {
		t.Errorf("TimeList(story) = %+v", p)
	}
}

func testActors(t *testing.T, s store.Store) {
	w := newWorld(t, s)
	p, err := s.ActorList(ctx, view.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 2 || len(p.Items) != 2 || p.Items[0].ID != brodie || p.Items[1].ID != authority {
		t.Fatalf("ActorList = %+v", p)
	}
	b := p.Items[0]
	if b.Name != "Ailsa Brodie" || b.Mentions != brodieCount || b.Type != "person" || b.Country != "GB" ||
		!eq(b.Articles, []int64{w.a[1], w.a[2]}) || !sameSet(b.Outlets, []string{"Wire A", "Wire B"}) {
		t.Errorf("first actor = %+v", b)
	}
	// the role noun the texts use for her is an alias too
	if !sameSet(b.Aliases, []string{"Brodie", "The harbour chair"}) {
		t.Errorf("aliases = %q", b.Aliases)
	}
	if pa := p.Items[1]; pa.Code != "GBRGOV" || len(pa.Aliases) != 0 || pa.Aliases == nil || pa.Roles == nil {
		t.Errorf("second actor = %+v", pa)
	}
	for _, tc := range []struct {
		q    view.Query
		want []int64
	}{
		{view.Query{Text: "brod"}, []int64{brodie}},
		{view.Query{Text: "AUTHORITY"}, []int64{authority}},
		{view.Query{MinCount: 5}, []int64{brodie}},
		{view.Query{Story: stormStory}, []int64{}},
		{view.Query{Article: w.a[2]}, []int64{brodie, authority}},
		{view.Query{Outlet: "Wire A"}, []int64{brodie}},
		{view.Query{Limit: 1, Offset: 1}, []int64{authority}},
	} {
		p, err := s.ActorList(ctx, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(len(p.Items), func(i int) int64 { return p.Items[i].ID }); !eq(got, tc.want) {
			t.Errorf("ActorList(%+v) = %v, want %v", tc.q, got, tc.want)
		}
	}
	for key, want := range map[string]int64{"Ailsa Brodie": brodie, "ailsa brodie": brodie, "BRODIE": brodie, str(authority): authority} {
		a, err := s.FindActor(ctx, key)
		if err != nil || a.ID != want {
			t.Errorf("FindActor(%q) = %+v, %v; want %d", key, a, err, want)
		}
	}
	if _, err := s.FindActor(ctx, "Nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("FindActor(Nobody): %v, want ErrNotFound", err)
	}
	cs, texts, err := s.ActorCitations(ctx, brodie, 10)
	if err != nil {
		t.Fatal(err)
	}
	// one citation per sentence, newest article first
	if len(cs) != 3 || cs[0].Article != w.a[2] || cs[0].Sentence != 1 || cs[1].Article != w.a[1] || cs[1].Sentence != 0 || cs[2].Sentence != 1 {
		t.Errorf("ActorCitations = %+v", cs)
	}
	if len(texts) == 3 && (texts[0] != "Ailsa Brodie said the ferry would return." || !strings.HasPrefix(texts[1], "Ailsa Brodie said")) {
		t.Errorf("citation texts = %q", texts)
	}
	if cs, _, _ := s.ActorCitations(ctx, brodie, 1); len(cs) != 1 {
		t.Errorf("ActorCitations(limit 1) = %d", len(cs))
	}
}

func testStories(t *testing.T, s store.Store) {
	w := newWorld(t, s)
	list := func(q view.Query) ([]int64, int) {
		t.Helper()
		p, err := s.StoryList(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return ids(len(p.Items), func(i int) int64 { return p.Items[i].ID }), p.Total
	}
	for _, tc := range []struct {
		name string
		q    view.Query
		want []int64
	}{
		{"newest", view.Query{}, []int64{stormStory, ferryStory}},
		{"biggest", view.Query{Sort: "biggest"}, []int64{ferryStory, stormStory}},
		{"headline", view.Query{Text: "STORMY"}, []int64{ferryStory}}, // "Ferries face a stormy week"
		{"min count", view.Query{MinCount: 3}, []int64{ferryStory}},
		{"actor", view.Query{Actor: "Brodie"}, []int64{ferryStory}},
		{"outlet", view.Query{Outlet: "Wire A"}, []int64{stormStory, ferryStory}},
		{"place", view.Query{Place: "Oban"}, []int64{stormStory}},
		{"from", view.Query{From: day(3)}, []int64{stormStory}},
		{"article", view.Query{Article: w.a[2]}, []int64{ferryStory}},
		{"storyline", view.Query{Story: stormStory}, []int64{stormStory}},
		{"page", view.Query{Limit: 1, Offset: 1}, []int64{ferryStory}},
	} {
		got, total := list(tc.q)
		if !eq(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		if tc.name == "page" && total != 2 {
			t.Errorf("page total %d", total)
		}
	}
	st, err := s.StoryByID(ctx, stormStory)
	if err != nil {
		t.Fatal(err)
	}
	// undated members do not date a story
	if st.FirstSeen == nil || !st.FirstSeen.Equal(day(5)) || !st.LastSeen.Equal(day(5)) || st.Headline != "Storms hit Oban" || !eq(st.Outlets, []string{"Wire A"}) || st.SeenEstimated {
		t.Errorf("storm story = %+v", st)
	}
	if _, err := s.StoryByID(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("StoryByID(missing): %v", err)
	}
	// a story with no dated member is undated, listed after the dated ones
	it := item("undated", "", "undated raw", "Undated story", "an undated text")
	it.Article.Published = time.Time{}
	id := put(t, s, it)[0].ID
	putDerived(t, s, &store.Derived{Assignments: []store.Assignment{{Article: id, Event: 30, Storyline: 30}},
		Events: []store.EventRecord{{ID: 30, Storyline: 30}}, After: w.a[5], LastArticle: id})
	got, _ := list(view.Query{})
	if !eq(got, []int64{stormStory, ferryStory, 30}) {
		t.Errorf("with an undated story: %v", got)
	}
	if st, _ := s.StoryByID(ctx, 30); st.FirstSeen != nil || st.LastSeen != nil {
		t.Errorf("undated story seen %v – %v", st.FirstSeen, st.LastSeen)
	}
}

// A time or a quote whose sentence index names no sentence of its article
// (an analysis' stray index, or -1: the title): the timeline leaves the
// time out, as it cannot cite its sentence; the quote is listed with an
// empty citation span. Both stores key a sentence by (article, index).
func testSentenceOutOfRange(t *testing.T, s store.Store) {
	text := "Boats sailed on 2 May 2025. Crews rested on 3 May 2025."
	it := item("stray", "", "stray", "Harbour notes", text)
	it.Analysis = &analyse.Annotation{
		Sentences: []analyse.Span{{Start: 0, End: 27}, {Start: 28, End: len(text)}},
		Times: []analyse.Time{
			{Span: at(t, text, "2 May 2025", 0), Sentence: 7, Type: "DATE", Value: "2025-05-02"},
			{Span: at(t, text, "3 May 2025", 0), Sentence: 1, Type: "DATE", Value: "2025-05-03"},
		},
		Quotes: []analyse.Quote{
			{Span: at(t, text, "Boats sailed", 0), Kind: "direct", Sentence: 7, Confidence: 0.6},
			{Span: at(t, text, "Crews rested", 0), Kind: "direct", Sentence: -1, Confidence: 0.6},
			{Span: at(t, text, "on 3 May", 0), Kind: "direct", Sentence: 1, Confidence: 0.6},
		},
	}
	res := put(t, s, it)
	p, err := s.TimeList(ctx, view.Query{})
	if err != nil || p.Total != 1 || len(p.Items) != 1 {
		t.Fatalf("TimeList = %+v, %v; want the one time of a stored sentence", p, err)
	}
	if x := p.Items[0]; x.Date != "2025-05-03" || x.Citation.Article != res[0].ID || x.Citation.Sentence != 1 ||
		x.Citation.Start != 28 || x.Citation.End != len(text) || x.Text != "Crews rested on 3 May 2025." {
		t.Errorf("time = %+v", x)
	}
	q, err := s.QuoteList(ctx, view.Query{})
	if err != nil || q.Total != 3 || len(q.Items) != 3 {
		t.Fatalf("QuoteList = %+v, %v; want all 3 quotes", q, err)
	}
	for _, x := range q.Items {
		want := [2]int{}
		if x.Sentence == 1 {
			want = [2]int{28, len(text)}
		}
		if got := [2]int{x.Citation.Start, x.Citation.End}; got != want {
			t.Errorf("quote %q in sentence %d: citation %v, want %v", x.Text, x.Sentence, got, want)
		}
	}
}
