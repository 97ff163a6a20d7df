package storetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// FacetSampler is implemented by stores whose search facet sample (see
// sqlite.FacetSample) the suite may set for one store handle.
type FacetSampler interface {
	SetFacetSample(n int)
}

// With a facet sample smaller than the ranking window, the facets count
// the newest sample matches, the ranking still goes by the window, and
// the total counts every match; a sample larger than the window is the
// window.
func testSearchFacetSample(t *testing.T, s store.Store) {
	sw, ok1 := s.(SearchWindower)
	fs, ok2 := s.(FacetSampler)
	if !ok1 || !ok2 {
		t.Skip("the store's search window or facet sample cannot be set")
	}
	const window, sample = 10, 4
	sw.SetSearchWindow(window)
	fs.SetFacetSample(sample)
	docs := searchCorpus(t, s, 40)
	var matches []*searchDoc
	for _, d := range docs {
		if d.harbour > 0 {
			matches = append(matches, d)
		}
	}
	newest := map[int64]bool{}
	for _, d := range matches[len(matches)-window:] {
		newest[d.id] = true
	}
	hits, first := allPages(t, s, view.Query{Text: "harbour"}, 7)
	if first.Total != len(matches) || len(hits) != len(matches) {
		t.Fatalf("%d hits, total %d; want %d", len(hits), first.Total, len(matches))
	}
	if !first.FacetsApproximate || first.FacetsSample != sample || first.RankWindow != window {
		t.Errorf("approximate %v sample %d window %d; want true %d %d", first.FacetsApproximate, first.FacetsSample, first.RankWindow, sample, window)
	}
	for i, h := range hits {
		if (i < window) != newest[h.ID] {
			t.Errorf("hit %d (article %d): inside the window %v", i, h.ID, newest[h.ID])
		}
	}
	checkRanked(t, "inside the window", hits[:window], byID(docs))
	checkFacets(t, "sample", first.Facets, matches[len(matches)-sample:])
	// a later page reads the same facets
	res, err := s.SearchArticles(ctx, view.Query{Text: "harbour", Limit: 5, Offset: 20})
	if err != nil {
		t.Fatal(err)
	}
	checkFacets(t, "sample, later page", res.Facets, matches[len(matches)-sample:])
	// without text: the newest articles by id
	res, err = s.SearchArticles(ctx, view.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != len(docs) || res.FacetsSample != sample || res.RankWindow != 0 {
		t.Errorf("no text: total %d sample %d window %d", res.Total, res.FacetsSample, res.RankWindow)
	}
	checkFacets(t, "no text", res.Facets, docs[len(docs)-sample:])
	// at most sample matches: exact
	res, err = s.SearchArticles(ctx, view.Query{Text: "harbour", Outlet: "Alpha", To: day(3)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total > sample || res.FacetsApproximate {
		t.Errorf("a search under the sample: total %d approximate %v", res.Total, res.FacetsApproximate)
	}
	// a sample over the window is the window
	fs.SetFacetSample(window * 3)
	res, err = s.SearchArticles(ctx, view.Query{Text: "harbour"})
	if err != nil {
		t.Fatal(err)
	}
	if res.FacetsSample != window {
		t.Errorf("sample over the window: counted over %d, want %d", res.FacetsSample, window)
	}
	checkFacets(t, "sample over the window", res.Facets, matches[len(matches)-window:])
}

// The actor facet lists the 20 actors in most matching articles, an
// article counted once however often it names the actor, ties by name
// also across the cut at the 20th; the actors' ids run against their
// names, so that an order by id shows.
func testSearchActorFacetCut(t *testing.T, s store.Store) {
	const articles, actors = 6, 26
	name := func(k int) string { return fmt.Sprintf("Actor%c", 'A'+k) }
	// in how many articles actor k appears: 6 for the first four, then
	// down to 2; the 17th to 26th all in 2, so that the cut at the 20th
	// falls inside a tie
	in := func(k int) int { return max(2, articles-k/4) }
	var words []string
	for k := 0; k < actors; k++ {
		words = append(words, name(k))
	}
	text := strings.Join(words, " ") + " harbour."
	var items []store.Item
	for i := 0; i < articles; i++ {
		items = append(items, store.Item{
			Raw:      store.Raw{Origin: fmt.Sprint("cut", i), MediaType: "text/plain", Body: []byte(fmt.Sprint(i, text))},
			Article:  clean.Article{Title: fmt.Sprint("Cut ", i), Text: text},
			Analysis: &analyse.Annotation{Sentences: sentences(text)},
		})
	}
	res := put(t, s, items...)
	der := &store.Derived{LastArticle: res[len(res)-1].ID}
	want := map[string]int{}
	for k := 0; k < actors; k++ {
		id := int64(100 - k)
		der.Actors = append(der.Actors, store.ActorRecord{ID: id, Name: name(k)})
		sp := at(t, text, name(k), 0)
		for i := 0; i < in(k); i++ {
			for n := 0; n <= k%3; n++ { // some named twice or thrice in one article
				der.Refs = append(der.Refs, store.ActorRef{Article: res[i].ID, Actor: id, Start: sp.Start, End: sp.End, Kind: "name"})
			}
		}
		want[name(k)] = in(k)
	}
	putDerived(t, s, der)
	got, err := s.SearchArticles(ctx, view.Query{Text: "harbour"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Facets.Actors) != 20 {
		t.Fatalf("%d actors in the facet, want 20: %v", len(got.Facets.Actors), got.Facets.Actors)
	}
	for i, f := range got.Facets.Actors {
		if f.Value != name(i) || f.Count != want[f.Value] {
			t.Errorf("actor %d: %s in %d articles, want %s in %d", i, f.Value, f.Count, name(i), want[name(i)])
		}
	}
}
