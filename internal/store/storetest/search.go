package storetest

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/query"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// searchDoc is one article of the search corpus and what the brute-force
// reference needs to know of it.
type searchDoc struct {
	id      int64
	outlet  string
	day     string // "" when the publication time is unknown
	pub     time.Time
	ferry   bool // the text says "ferry"
	harbour int  // how many times it says "harbour"
	actors  []string
	places  []string // by name, focus = false only
}

// searchCorpus stores n articles, most of them about a ferry with varying
// length and term counts (so relevance differs), with outlets, days,
// actor references and places, in id order.
func searchCorpus(t *testing.T, s store.Store, n int) []*searchDoc {
	t.Helper()
	outlets := []string{"Alpha", "Beta", "Gamma", ""}
	var docs []*searchDoc
	var items []store.Item
	for i := 0; i < n; i++ {
		d := &searchDoc{outlet: outlets[i%4], ferry: i%8 != 7, harbour: (i % 5) * 3}
		if i%7 != 6 {
			d.pub = time.Date(2024, 3, 1+i%6, 10, i, 0, 0, time.UTC)
			d.day = d.pub.Format("2006-01-02")
		}
		words := []string{"Ann", "Bob", "Cy", "met", "in", "Mosul", "Braga", "Basra."}
		if d.ferry {
			for k := 0; k <= i%3; k++ {
				words = append(words, "The", "ferry", "sailed.")
			}
		}
		for k := 0; k < d.harbour; k++ {
			words = append(words, "harbour")
		}
		text := strings.Join(words, " ") + fmt.Sprintf(" Item %d.", i)
		an := &analyse.Annotation{Sentences: sentences(text)}
		pl := func(name string, id uint32, focus bool) {
			an.Places = append(an.Places, analyse.Place{Span: at(t, text, name, 0), Name: name, GeonamesID: id, Country: "IQ", Feature: "PPL", Focus: focus, Confidence: 1})
		}
		if i%4 == 1 {
			d.places = append(d.places, "Mosul")
			pl("Mosul", 99, false)
			pl("Mosul", 99, false) // twice in one article
		}
		if i%3 == 2 {
			d.places = append(d.places, "Braga")
			pl("Braga", 98, false)
		}
		if i%5 == 3 {
			pl("Basra", 97, true) // facets leave focus places out
		}
		items = append(items, store.Item{
			Raw:      store.Raw{Origin: fmt.Sprint("doc", i), MediaType: "text/plain", Body: []byte(text)},
			Article:  clean.Article{Title: fmt.Sprint("Report ", i), Text: text, Outlet: d.outlet, Published: d.pub},
			Analysis: an,
		})
		docs = append(docs, d)
	}
	res := put(t, s, items...)
	der := &store.Derived{Actors: []store.ActorRecord{{ID: 1, Name: "Ann"}, {ID: 2, Name: "Bob"}, {ID: 3, Name: "Cy"}}}
	for i, d := range docs {
		d.id = res[i].ID
		text := items[i].Article.Text
		ref := func(actor int64, name string, n int) {
			sp := at(t, text, name, 0)
			for k := 0; k < n; k++ {
				der.Refs = append(der.Refs, store.ActorRef{Article: d.id, Actor: actor, Start: sp.Start, End: sp.End, Kind: "name"})
			}
		}
		if i%2 == 0 {
			d.actors = append(d.actors, "Ann")
			ref(1, "Ann", 1)
		}
		if i%3 == 0 { // two references, one article
			d.actors = append(d.actors, "Bob")
			ref(2, "Bob", 2)
		}
		if i%5 == 0 {
			d.actors = append(d.actors, "Cy")
			ref(3, "Cy", 1)
		}
	}
	der.LastArticle = res[len(res)-1].ID
	putDerived(t, s, der)
	return docs
}

// wantFacets counts the facets of docs by brute force.
func wantFacets(docs []*searchDoc) map[string]map[string]int {
	f := map[string]map[string]int{"outlets": {}, "days": {}, "actors": {}, "places": {}}
	for _, d := range docs {
		if d.outlet != "" {
			f["outlets"][d.outlet]++
		}
		if d.day != "" {
			f["days"][d.day]++
		}
		for _, a := range d.actors {
			f["actors"][a]++
		}
		for _, p := range d.places {
			f["places"][p]++
		}
	}
	return f
}

func gotFacets(fs view.Facets) map[string]map[string]int {
	f := map[string]map[string]int{"outlets": {}, "days": {}, "actors": {}, "places": {}}
	for k, list := range map[string][]view.Facet{"outlets": fs.Outlets, "days": fs.Days, "actors": fs.Actors, "places": fs.Places} {
		for _, x := range list {
			f[k][x.Value] = x.Count
		}
	}
	return f
}

func checkFacets(t *testing.T, what string, got view.Facets, want []*searchDoc) {
	t.Helper()
	if g, w := gotFacets(got), wantFacets(want); fmt.Sprint(g) != fmt.Sprint(w) {
		t.Errorf("%s: facets\n got %v\nwant %v", what, g, w)
	}
	// outlets most first, days newest first
	for i := 1; i < len(got.Outlets); i++ {
		if got.Outlets[i].Count > got.Outlets[i-1].Count {
			t.Errorf("%s: outlets not most first: %v", what, got.Outlets)
		}
	}
	for i := 1; i < len(got.Days); i++ {
		if got.Days[i].Value > got.Days[i-1].Value {
			t.Errorf("%s: days not newest first: %v", what, got.Days)
		}
	}
}

// allPages reads every page of a search.
func allPages(t *testing.T, s store.Store, q view.Query, limit int) (hits []view.ArticleHit, first *view.SearchResult) {
	t.Helper()
	for off := 0; ; off += limit {
		q.Limit, q.Offset = limit, off
		res, err := s.SearchArticles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = res
		}
		hits = append(hits, res.Items...)
		if len(res.Items) < limit {
			return hits, first
		}
	}
}

func byID(docs []*searchDoc) map[int64]*searchDoc {
	m := map[int64]*searchDoc{}
	for _, d := range docs {
		m[d.id] = d
	}
	return m
}

// Under the window every match is ranked and counted: more occurrences
// rank first, snippets mark the words matched.
func testSearchExact(t *testing.T, s store.Store) {
	docs := searchCorpus(t, s, 40)
	m := byID(docs)
	hits, first := allPages(t, s, view.Query{Text: "harbour"}, 7)
	var want []*searchDoc
	for _, d := range docs {
		if d.harbour > 0 {
			want = append(want, d)
		}
	}
	if first.Total != len(want) || len(hits) != len(want) || first.FacetsApproximate || first.RankWindow != 0 {
		t.Fatalf("harbour: %d hits, total %d, approximate %v, window %d; want %d", len(hits), first.Total, first.FacetsApproximate, first.RankWindow, len(want))
	}
	seen := map[int64]bool{}
	for i, h := range hits {
		if seen[h.ID] || m[h.ID] == nil || m[h.ID].harbour == 0 {
			t.Fatalf("hit %d: article %d repeated or not a match", i, h.ID)
		}
		seen[h.ID] = true
	}
	checkRanked(t, "harbour", hits, m)
	checkFacets(t, "harbour", first.Facets, want)
	ferry, _ := allPages(t, s, view.Query{Text: "Ferry"}, 50)
	for _, h := range ferry {
		if len(h.Highlights) == 0 {
			t.Errorf("hit %d: no highlight in %q", h.ID, h.Snippet)
			continue
		}
		for _, sp := range h.Highlights {
			if w := h.Snippet[sp.Start:sp.End]; !strings.EqualFold(w, "ferry") {
				t.Errorf("hit %d highlights %q", h.ID, w)
			}
		}
		if strings.ContainsAny(h.Snippet, "\x02\x03") || h.Title == "" || h.Outlet != m[h.ID].outlet {
			t.Errorf("hit %+v", h)
		}
	}
}

// The query syntax of internal/query, answered alike by every store.
func testSearchSyntax(t *testing.T, s store.Store) {
	docs := searchCorpus(t, s, 24)
	count := func(f func(d *searchDoc) bool) int {
		n := 0
		for _, d := range docs {
			if f(d) {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		q    string
		want int
	}{
		{"ferry", count(func(d *searchDoc) bool { return d.ferry })},
		{"FERRY sailed", count(func(d *searchDoc) bool { return d.ferry })},
		{`"ferry sailed"`, count(func(d *searchDoc) bool { return d.ferry })},
		{`"sailed the ferry"`, count(func(d *searchDoc) bool { return d.ferry && docIndex(docs, d)%3 > 0 })}, // "sailed. The ferry": phrases cross the full stop
		{`"ferry the"`, 0},
		{"harb*", count(func(d *searchDoc) bool { return d.harbour > 0 })},
		{"ferry OR harbour", count(func(d *searchDoc) bool { return d.ferry || d.harbour > 0 })},
		{"harbour NOT ferry", count(func(d *searchDoc) bool { return !d.ferry && d.harbour > 0 })},
		{"harbour AND NOT ferry", count(func(d *searchDoc) bool { return !d.ferry && d.harbour > 0 })},
		{"(ferry OR harbour) mosul", count(func(d *searchDoc) bool { return d.ferry || d.harbour > 0 })},
		{"item 7", 1},
		{"report", len(docs)}, // titles are searched too
		{"submarine", 0},
		{"ferry - &", count(func(d *searchDoc) bool { return d.ferry })},
	} {
		res, err := s.SearchArticles(ctx, view.Query{Text: tc.q, Limit: 100})
		if err != nil {
			t.Errorf("%q: %v", tc.q, err)
			continue
		}
		if res.Total != tc.want || len(res.Items) != tc.want {
			t.Errorf("%q: %d hits (total %d), want %d", tc.q, len(res.Items), res.Total, tc.want)
		}
	}
	for _, bad := range []string{`"ferry`, "ferry OR", "NOT ferry", "(ferry", "fer*ry", "- &"} {
		_, err := s.SearchArticles(ctx, view.Query{Text: bad})
		var qe *query.Error
		if !errors.As(err, &qe) {
			t.Errorf("%q: %v, want a *query.Error", bad, err)
		}
	}
}

func docIndex(docs []*searchDoc, d *searchDoc) int {
	for i, x := range docs {
		if x == d {
			return i
		}
	}
	return -1
}

// Filters narrow the matches and the facets alike; without text the
// newest publications come first.
func testSearchFilters(t *testing.T, s store.Store) {
	docs := searchCorpus(t, s, 40)
	for _, tc := range []struct {
		name string
		q    view.Query
		keep func(d *searchDoc) bool
	}{
		{"outlet", view.Query{Text: "ferry", Outlet: "beta"}, func(d *searchDoc) bool { return d.ferry && d.outlet == "Beta" }},
		{"actor", view.Query{Text: "ferry", Actor: "Cy"}, func(d *searchDoc) bool { return d.ferry && has(d.actors, "Cy") }},
		{"place", view.Query{Text: "ferry", Place: "Mosul"}, func(d *searchDoc) bool { return d.ferry && has(d.places, "Mosul") }},
		{"dates", view.Query{Text: "ferry", From: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)},
			func(d *searchDoc) bool {
				return d.ferry && d.day >= "2024-03-02" && d.day < "2024-03-04" && d.day != ""
			}},
		{"no text", view.Query{Outlet: "Gamma"}, func(d *searchDoc) bool { return d.outlet == "Gamma" }},
		{"no text, all", view.Query{}, func(d *searchDoc) bool { return true }},
	} {
		var want []*searchDoc
		for _, d := range docs {
			if tc.keep(d) {
				want = append(want, d)
			}
		}
		hits, first := allPages(t, s, tc.q, 9)
		if first.Total != len(want) || len(hits) != len(want) {
			t.Errorf("%s: %d hits, total %d; want %d", tc.name, len(hits), first.Total, len(want))
			continue
		}
		checkFacets(t, tc.name, first.Facets, want)
		if tc.q.Text == "" {
			// newest publication first, undated last
			sorted := append([]*searchDoc{}, want...)
			sort.SliceStable(sorted, func(i, j int) bool {
				a, b := sorted[i], sorted[j]
				if a.pub.IsZero() != b.pub.IsZero() {
					return b.pub.IsZero()
				}
				if !a.pub.Equal(b.pub) {
					return a.pub.After(b.pub)
				}
				return a.id > b.id
			})
			for i := range hits {
				if hits[i].ID != sorted[i].id {
					t.Errorf("%s: hit %d is %d, want %d", tc.name, i, hits[i].ID, sorted[i].id)
					break
				}
			}
		}
	}
}

func has(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Over the window, the newest matches are ranked first, then the older
// ones; facets count the newest only and say so; the total counts all.
func testSearchWindow(t *testing.T, s store.Store) {
	sw, ok := s.(SearchWindower)
	if !ok {
		t.Skip("the store's search window cannot be set")
	}
	const window = 10
	sw.SetSearchWindow(window)
	docs := searchCorpus(t, s, 40)
	var matches []*searchDoc
	for _, d := range docs {
		if d.harbour > 0 {
			matches = append(matches, d)
		}
	}
	newest := map[int64]bool{}
	var newestDocs []*searchDoc
	for i := len(matches) - 1; i >= len(matches)-window; i-- {
		newest[matches[i].id] = true
		newestDocs = append(newestDocs, matches[i])
	}
	m := byID(docs)
	hits, first := allPages(t, s, view.Query{Text: "harbour"}, 7)
	if first.Total != len(matches) || len(hits) != len(matches) {
		t.Fatalf("%d hits, total %d; want %d", len(hits), first.Total, len(matches))
	}
	if !first.FacetsApproximate || first.FacetsSample != window || first.RankWindow != window {
		t.Errorf("approximate %v sample %d window %d", first.FacetsApproximate, first.FacetsSample, first.RankWindow)
	}
	seen := map[int64]bool{}
	for i, h := range hits {
		if seen[h.ID] {
			t.Fatalf("article %d listed twice", h.ID)
		}
		seen[h.ID] = true
		if (i < window) != newest[h.ID] {
			t.Errorf("hit %d (article %d): inside the window %v", i, h.ID, newest[h.ID])
		}
	}
	checkRanked(t, "inside the window", hits[:window], m)
	checkRanked(t, "older", hits[window:], m)
	checkFacets(t, "window", first.Facets, newestDocs)
	// under the window, exact again
	res, err := s.SearchArticles(ctx, view.Query{Text: "harbour", Outlet: "Alpha"})
	if err != nil {
		t.Fatal(err)
	}
	if res.FacetsApproximate || res.RankWindow != 0 {
		t.Errorf("a search under the window: approximate %v window %d (total %d)", res.FacetsApproximate, res.RankWindow, res.Total)
	}
	// without text the facets are windowed too, the ranking is not
	res, _ = s.SearchArticles(ctx, view.Query{})
	if res.Total != len(docs) || !res.FacetsApproximate || res.RankWindow != 0 {
		t.Errorf("no text: total %d approximate %v window %d", res.Total, res.FacetsApproximate, res.RankWindow)
	}
	sw.SetSearchWindow(0)
	res, _ = s.SearchArticles(ctx, view.Query{Text: "harbour"})
	if res.FacetsApproximate || res.RankWindow != 0 {
		t.Errorf("window off: approximate %v window %d", res.FacetsApproximate, res.RankWindow)
	}
	checkFacets(t, "window off", res.Facets, matches)
}

// checkRanked checks relevance order loosely, as every ranking function
// (bm25, ts_rank) agrees: the first hit says "harbour" most often and the
// last least often.
func checkRanked(t *testing.T, what string, hits []view.ArticleHit, m map[int64]*searchDoc) {
	t.Helper()
	lo, hi := 1<<30, 0
	for _, h := range hits {
		lo, hi = min(lo, m[h.ID].harbour), max(hi, m[h.ID].harbour)
	}
	if len(hits) > 0 && (m[hits[0].ID].harbour != hi || m[hits[len(hits)-1].ID].harbour != lo) {
		t.Errorf("%s: first hit says harbour %d times, last %d; want %d and %d", what, m[hits[0].ID].harbour, m[hits[len(hits)-1].ID].harbour, hi, lo)
	}
}
