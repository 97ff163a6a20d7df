package storetest

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// The story-scoped reads behind composing a story page.
func testStoryPages(t *testing.T, s store.Store) {
	sp, ok := s.(store.StoryPages)
	if !ok {
		t.Skip("the store does not implement store.StoryPages")
	}
	w := newWorld(t, s)
	as, err := sp.StoryActors(ctx, ferryStory, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 || as[0].ID != brodie || as[1].ID != authority {
		t.Fatalf("StoryActors = %+v", as)
	}
	b := as[0]
	if b.StoryMentions != 3 || !eq(b.Articles, []int64{w.a[1], w.a[2]}) || !sameSet(b.Outlets, []string{"Wire A", "Wire B"}) ||
		!sameSet(b.Aliases, []string{"Brodie", "The harbour chair"}) || b.Mentions != brodieCount {
		t.Errorf("story actor = %+v", b)
	}
	if as, _ := sp.StoryActors(ctx, ferryStory, 1); len(as) != 1 || as[0].ID != brodie {
		t.Errorf("StoryActors(limit 1) = %+v", as)
	}
	if as, err := sp.StoryActors(ctx, stormStory, 10); err != nil || len(as) != 0 || as == nil {
		t.Errorf("StoryActors of a story naming none = %#v, %v", as, err)
	}
	// StoryTopActors: StoryActors' actors in its order, less what a
	// listing does not show
	for _, tc := range []struct {
		story int64
		limit int
	}{{ferryStory, 10}, {ferryStory, 1}, {stormStory, 10}} {
		full, _ := sp.StoryActors(ctx, tc.story, tc.limit)
		top, err := sp.StoryTopActors(ctx, tc.story, tc.limit)
		if err != nil || top == nil || len(top) != len(full) {
			t.Errorf("StoryTopActors(%d, %d) = %+v, %v; StoryActors %+v", tc.story, tc.limit, top, err, full)
			continue
		}
		for i, a := range top {
			f := full[i].Actor
			if a.ID != f.ID || a.Name != f.Name || a.Type != f.Type || a.Mentions != f.Mentions {
				t.Errorf("StoryTopActors(%d, %d)[%d] = %+v; StoryActors' %+v", tc.story, tc.limit, i, a, f)
			}
		}
	}
	ps, err := sp.StoryPlaces(ctx, stormStory, 10)
	if err != nil || len(ps) != 1 || ps[0].Name != "Oban" || ps[0].Mentions != 3 || !eq(ps[0].Articles, []int64{w.a[3], w.a[4]}) || ps[0].Stories != nil {
		t.Errorf("StoryPlaces = %+v, %v", ps, err)
	}
	// StoryQuotes gives QuoteList's items for the story, filtered and
	// limited alike.
	for _, tc := range []struct {
		story int64
		limit int
		conf  float64
		want  int
	}{{ferryStory, 10, 0.6, 1}, {ferryStory, 10, 0.9, 0}, {stormStory, 10, 0, 0}} {
		qs, err := sp.StoryQuotes(ctx, tc.story, tc.limit, tc.conf)
		lp, lerr := s.QuoteList(ctx, view.Query{Story: tc.story, Limit: tc.limit, MinConfidence: tc.conf})
		if err != nil || lerr != nil || len(qs) != tc.want || !reflect.DeepEqual(qs, lp.Items) {
			t.Errorf("StoryQuotes(%d, %d, %v) = %+v, %v; QuoteList's items %+v, %v", tc.story, tc.limit, tc.conf, qs, err, lp.Items, lerr)
		}
	}
	if qs, err := sp.StoryQuotes(ctx, ferryStory, 10, 0); err != nil || len(qs) != 1 || qs[0].Article != w.a[1] || qs[0].Speaker != "Ailsa Brodie" {
		t.Errorf("StoryQuotes(ferry) = %+v, %v", qs, err)
	}
	names, err := sp.ActorNames(ctx, []int64{w.a[1], w.a[2], w.a[3]}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !eq(names[w.a[2]], []string{"Ailsa Brodie", "Port Authority"}) || !eq(names[w.a[1]], []string{"Ailsa Brodie"}) || len(names[w.a[3]]) != 0 {
		t.Errorf("ActorNames = %v", names)
	}
	if names, _ := sp.ActorNames(ctx, []int64{w.a[2]}, 1); !eq(names[w.a[2]], []string{"Ailsa Brodie"}) {
		t.Errorf("ActorNames(limit 1) = %v", names)
	}
}

func testCodedEvents(t *testing.T, s store.Store) {
	ce, ok := s.(store.CodedEvents)
	if !ok {
		t.Skip("the store does not implement store.CodedEvents")
	}
	w := newWorld(t, s)
	if got, err := ce.StoryArticles(ctx, ferryStory); err != nil || !eq(got, []int64{w.a[1], w.a[2], w.a[5]}) {
		t.Errorf("StoryArticles = %v, %v", got, err)
	}
	ms, err := ce.ArticleActors(ctx, w.a[2])
	if err != nil || len(ms) != 2 || ms[0].ID != authority || ms[0].Name != "Port Authority" || ms[0].Code != "GBRGOV" || ms[1].ID != brodie || ms[1].Code != "GB" || ms[0].Start != 0 {
		t.Errorf("ArticleActors = %+v, %v", ms, err)
	}
	// the actors of several articles at once are each article's as
	// ArticleActors gives them (a missing article has none)
	if aa, ok := s.(store.ArticlesActors); ok {
		ids := append(append([]int64(nil), w.a[:]...), 999999)
		all, err := aa.ArticlesActors(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, id := range ids {
			one, err := ce.ArticleActors(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			n += len(one)
			if !reflect.DeepEqual(all[id], one) {
				t.Errorf("ArticlesActors of %d = %+v, ArticleActors = %+v", id, all[id], one)
			}
		}
		if n == 0 || len(all[999999]) != 0 {
			t.Errorf("ArticlesActors: %d references in all, %d of a missing article", n, len(all[999999]))
		}
	}
	rec := func(story int64, typ, date, src, tgt string, srcActor int64, place string, gid uint32) event.Record {
		return event.Record{Story: story, Type: typ, Cameo: "190", Date: date, Status: event.Asserted,
			Source: event.Party{Name: src, Text: src, Actor: srcActor}, Target: event.Party{Name: tgt, Text: tgt},
			Place: &event.Place{Name: place, GeonamesID: gid}, NumMentions: 1,
			Mentions: []event.MentionRef{{Article: w.a[1], Sentence: 0, Outlet: "Wire A", Text: "x"}}}
	}
	recs := []event.Record{
		rec(ferryStory, "ASSAULT", "2016-10-21", "Islamic State", "Iraqi army", 7, "Kirkuk", 100),
		rec(ferryStory, "CONSULT", "2016-10-22", "Ana Torres", "Marcelo Almeida", 8, "Braga", 200),
		rec(stormStory, "ASSAULT", "2016-11-02", "Iraqi army", "Mosul", 9, "Mosul", 300),
	}
	if err := ce.ReplaceStoryEvents(ctx, []int64{ferryStory, stormStory}, recs); err != nil {
		t.Fatal(err)
	}
	if recs[0].ID == 0 || recs[2].ID == recs[0].ID || recs[1].ID == recs[0].ID {
		t.Fatalf("ids not filled: %d %d %d", recs[0].ID, recs[1].ID, recs[2].ID)
	}
	for _, tc := range []struct {
		name string
		f    store.EventFilter
		want int
	}{
		{"all", store.EventFilter{}, 3},
		{"story", store.EventFilter{Story: ferryStory}, 2},
		{"type", store.EventFilter{Type: "assault"}, 2},
		{"actor id", store.EventFilter{Actor: "8"}, 1},
		{"actor words", store.EventFilter{Actor: "Almeida"}, 0}, // words must start a name
		{"actor name", store.EventFilter{Actor: "Marcelo Almeida"}, 1},
		{"place name", store.EventFilter{Place: "mosul"}, 1},
		{"place id", store.EventFilter{Place: "100"}, 1},
		{"from", store.EventFilter{From: "2016-10-22"}, 2},
		{"to", store.EventFilter{To: "2016-10-21"}, 1},
		{"after", store.EventFilter{After: recs[0].ID}, 2},
		{"page", store.EventFilter{Limit: 1, Offset: 1}, 1},
	} {
		got, total, err := ce.CodedEventList(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(got) != tc.want {
			t.Errorf("%s: %d events (total %d), want %d", tc.name, len(got), total, tc.want)
		}
	}
	got, total, _ := ce.CodedEventList(ctx, store.EventFilter{})
	if total != 3 || len(got) != 3 || got[0].Date != "2016-11-02" || got[2].Date != "2016-10-21" {
		t.Errorf("newest date first: %+v", got)
	}
	got, _, _ = ce.CodedEventList(ctx, store.EventFilter{Story: ferryStory, Type: "CONSULT"})
	if len(got) != 1 || got[0].Source.Name != "Ana Torres" || got[0].Place.Name != "Braga" || len(got[0].Mentions) != 1 || got[0].ID != recs[1].ID {
		t.Errorf("record read back: %+v", got)
	}
	// re-deriving a story replaces its events; a story merged away loses its own
	putDerived(t, s, &store.Derived{EventMerges: map[int64]int64{stormStory: ferryStory}, Events: []store.EventRecord{{ID: ferryStory, Storyline: ferryLine}},
		After: w.a[5], LastArticle: w.a[5]})
	if err := ce.ReplaceStoryEvents(ctx, []int64{ferryStory}, []event.Record{rec(ferryStory, "ASSAULT", "2016-10-21", "Islamic State", "Iraqi army", 7, "Kirkuk", 100)}); err != nil {
		t.Fatal(err)
	}
	if got, total, _ := ce.CodedEventList(ctx, store.EventFilter{}); total != 1 || len(got) != 1 {
		t.Errorf("after re-deriving: %d events, want 1", total)
	}
}

func testLeases(t *testing.T, s store.Store) {
	l, ok := s.(store.Leases)
	if !ok {
		t.Skip("the store does not implement store.Leases")
	}
	take := func(name, holder string, ttl time.Duration, want bool) {
		t.Helper()
		got, err := l.AcquireLease(ctx, name, holder, ttl)
		if err != nil || got != want {
			t.Fatalf("AcquireLease(%s, %s) = %v, %v; want %v", name, holder, got, err, want)
		}
	}
	take("corpus", "a", time.Minute, true)
	take("corpus", "b", time.Minute, false)
	take("corpus", "a", time.Minute, true) // renewed
	take("other", "b", time.Minute, true)  // another duty
	if err := l.ReleaseLease(ctx, "corpus", "b"); err != nil {
		t.Fatal(err)
	}
	take("corpus", "b", time.Minute, false) // b's release of a lease it does not hold changed nothing
	if err := l.ReleaseLease(ctx, "corpus", "a"); err != nil {
		t.Fatal(err)
	}
	take("corpus", "b", 300*time.Millisecond, true)
	take("corpus", "a", time.Minute, false)
	time.Sleep(1500 * time.Millisecond) // b stops renewing: its lease lapses (a store may keep whole seconds)
	take("corpus", "a", time.Minute, true)
	take("corpus", "b", time.Minute, false)
}

// watchlistStore is server.WatchlistStore, as sitrep serve keeps it: one
// blob in the corpus state.
func testWatchlists(t *testing.T, s store.Store) {
	const name = "server.watchlists"
	if b, err := s.State(ctx, name); err != nil || b != nil {
		t.Fatalf("no watchlists yet: %q, %v", b, err)
	}
	newWorld(t, s)
	for _, blob := range [][]byte{[]byte(`{"next":2,"items":[{"id":1,"kind":"actor","value":"Brodie"}]}`), []byte(`{"next":3,"items":[]}`)} {
		if err := s.PutDerived(ctx, &store.Derived{State: map[string][]byte{name: blob}}); err != nil {
			t.Fatal(err)
		}
		if b, _ := s.State(ctx, name); !bytes.Equal(b, blob) {
			t.Errorf("watchlists = %s, want %s", b, blob)
		}
	}
	// saving watchlists moves the corpus stages nowhere
	if n, _ := s.LastDerived(ctx); n == 0 {
		t.Error("LastDerived lost")
	}
}

// The reads of many articles and stories at once (store.BatchReads) give
// what the reads of one give, for each; ids that do not exist are left
// out.
func testBatchReads(t *testing.T, s store.Store) {
	br, ok := s.(store.BatchReads)
	if !ok {
		t.Skip("the store does not implement store.BatchReads")
	}
	sp := s.(store.StoryPages)
	w := newWorld(t, s)
	const missing = 999999
	arts := []int64{w.a[1], w.a[2], w.a[3], w.a[4], w.a[5], missing}
	got, err := br.ArticlesByID(ctx, arts)
	if err != nil || len(got) != 5 {
		t.Fatalf("ArticlesByID = %d articles, %v; want 5", len(got), err)
	}
	for _, id := range arts[:5] {
		one, err := s.Article(ctx, id)
		if err != nil || !reflect.DeepEqual(got[id], one) {
			t.Errorf("ArticlesByID[%d] = %+v; Article %+v, %v", id, got[id], one, err)
		}
	}
	stories := []int64{ferryStory, stormStory, missing}
	sums, err := br.StoriesByID(ctx, stories)
	if err != nil || len(sums) != 2 {
		t.Fatalf("StoriesByID = %+v, %v; want 2 stories", sums, err)
	}
	for _, id := range stories[:2] {
		one, err := s.StoryByID(ctx, id)
		if err != nil || !reflect.DeepEqual(sums[id], one) {
			t.Errorf("StoriesByID[%d] = %+v; StoryByID %+v, %v", id, sums[id], one, err)
		}
	}
	for _, lim := range [][2]int{{10, 10}, {1, 1}, {0, 0}} {
		tops, err := br.StoriesTops(ctx, stories, lim[0], lim[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range stories {
			acts, err1 := sp.StoryTopActors(ctx, id, lim[0])
			pls, err2 := sp.StoryPlaces(ctx, id, lim[1])
			if err1 != nil || err2 != nil || !reflect.DeepEqual(tops[id], store.StoryTops{Actors: acts, Places: pls}) {
				t.Errorf("StoriesTops(%v)[%d] = %+v; StoryTopActors %+v, %v, StoryPlaces %+v, %v", lim, id, tops[id], acts, err1, pls, err2)
			}
		}
	}
	if a, err := br.ArticlesByID(ctx, nil); err != nil || len(a) != 0 {
		t.Errorf("ArticlesByID(none) = %v, %v", a, err)
	}
	if x, err := br.StoriesByID(ctx, nil); err != nil || len(x) != 0 {
		t.Errorf("StoriesByID(none) = %v, %v", x, err)
	}
	if x, err := br.StoriesTops(ctx, nil, 1, 1); err != nil || len(x) != 0 {
		t.Errorf("StoriesTops(none) = %v, %v", x, err)
	}
}
