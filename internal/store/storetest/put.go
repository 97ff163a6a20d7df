package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/fault"
	"github.com/sitrep/sitrep/internal/store"
)

// Put: identical raw bytes, or the same clean text under the same URL (or
// with no URL), are duplicates; a new text under a stored URL is a new
// version linked to the latest.
func testPutOutcomes(t *testing.T, s store.Store) {
	steps := []struct {
		name string
		it   store.Item
		want store.Outcome
	}{
		{"first", item("a.txt", "", "raw A", "T", "text A"), store.Added},
		{"same raw bytes", item("copy-of-a.txt", "", "raw A", "T", "text A"), store.Duplicate},
		{"same text, no URL", item("a2.txt", "", "raw A with other chrome", "T", "text A"), store.Duplicate},
		{"url v1", item("p1.html", "https://example.org/x", "<p>v1</p>", "T", "text v1"), store.Added},
		{"url same text", item("p1b.html", "https://example.org/x", "<p>v1</p><!-- ad -->", "T", "text v1"), store.Duplicate},
		{"url v2", item("p2.html", "https://example.org/x", "<p>v2</p>", "T", "text v2"), store.NewVersion},
		{"url v3", item("p3.html", "https://example.org/x", "<p>v3</p>", "T", "text v3"), store.NewVersion},
		{"same text, other title", item("a3.txt", "", "raw A3", "T2", "text A"), store.Added},
	}
	var got []store.PutResult
	for _, st := range steps {
		res := put(t, s, st.it)
		if res[0].Outcome != st.want {
			t.Errorf("%s: outcome %s, want %s", st.name, res[0].Outcome, st.want)
		}
		got = append(got, res[0])
	}
	if got[1].ID != got[0].ID || got[2].ID != got[0].ID || got[4].ID != got[3].ID {
		t.Errorf("a duplicate's id is not the stored article's: %+v", got)
	}
	if got[5].PreviousID != got[3].ID || got[6].PreviousID != got[5].ID {
		t.Errorf("versions not linked: %+v", got)
	}
	for i, want := range map[int]int{3: 1, 5: 2, 6: 3} {
		a, err := s.Article(ctx, got[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Version != want {
			t.Errorf("article %d: version %d, want %d", a.ID, a.Version, want)
		}
	}
	if a, _ := s.Article(ctx, got[6].ID); a.PreviousID != got[5].ID {
		t.Errorf("v3 previous %d, want %d", a.PreviousID, got[5].ID)
	}
	n, docs, err := s.Count(ctx)
	if err != nil || n != 5 || docs != 5 {
		t.Errorf("Count = %d articles, %d documents, %v; want 5, 5", n, docs, err)
	}
	if _, err := s.Article(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article of a missing id: %v, want ErrNotFound", err)
	}
}

// A batch is deduplicated within itself too, and its results are in
// order, with increasing ids.
func testPutBatch(t *testing.T, s store.Store) {
	res := put(t, s,
		item("a", "", "raw a", "T", "alpha"),
		item("b", "", "raw b", "T", "beta"),
		item("a again", "", "raw a", "T", "alpha"),
		item("u1", "https://example.org/u", "u1", "T", "first"),
		item("u2", "https://example.org/u", "u2", "T", "second"),
		item("c", "", "raw c", "T", "beta"),
	)
	want := []store.Outcome{store.Added, store.Added, store.Duplicate, store.Added, store.NewVersion, store.Duplicate}
	for i, r := range res {
		if r.Outcome != want[i] {
			t.Errorf("item %d: %s, want %s", i, r.Outcome, want[i])
		}
	}
	if res[2].ID != res[0].ID || res[5].ID != res[1].ID || res[4].PreviousID != res[3].ID {
		t.Errorf("ids: %+v", res)
	}
	if !(res[0].ID < res[1].ID && res[1].ID < res[3].ID && res[3].ID < res[4].ID) {
		t.Errorf("ids not increasing in batch order: %+v", res)
	}
	got, err := s.ArticleIDsAfter(ctx, 0)
	if want := []int64{res[0].ID, res[1].ID, res[3].ID, res[4].ID}; err != nil || !eq(got, want) {
		t.Errorf("ArticleIDsAfter(0) = %v, %v; want %v", got, err, want)
	}
	if got, _ := s.ArticleIDsAfter(ctx, res[1].ID); !eq(got, []int64{res[3].ID, res[4].ID}) {
		t.Errorf("ArticleIDsAfter(%d) = %v", res[1].ID, got)
	}
	if res, err := s.Put(ctx, nil); err != nil || len(res) != 0 {
		t.Errorf("empty Put = %v, %v", res, err)
	}
}

// A batch that fails stores nothing of itself and leaves what was stored.
func testPutAtomic(t *testing.T, s store.Store) {
	put(t, s, item("a", "", "x", "T", "kept"))
	good := item("b", "", "y", "T", "a good one")
	bad := item("c", "", "z", "T", "short")
	bad.Analysis = &analyse.Annotation{Mentions: []analyse.Mention{{Span: analyse.Span{Start: 2, End: 99}, Type: "LOC"}}}
	if _, err := s.Put(ctx, []store.Item{good, bad}); err == nil {
		t.Fatal("want an error for a mention outside the text")
	}
	cctx, cancel := contextCancelled()
	defer cancel()
	if _, err := s.Put(cctx, []store.Item{item("d", "", "w", "T", "lost")}); err == nil {
		t.Fatal("want an error from a cancelled batch")
	}
	if n, docs, _ := s.Count(ctx); n != 1 || docs != 1 {
		t.Fatalf("after failed batches: %d articles, %d documents; want 1, 1", n, docs)
	}
	// the failed items go in afterwards
	if res := put(t, s, good); res[0].Outcome != store.Added {
		t.Errorf("the good item after a failed batch: %s", res[0].Outcome)
	}
}

// Every field of an article comes back as stored.
func testArticleRoundTrip(t *testing.T, s store.Store) {
	a := clean.Article{
		URL: "https://news.example/a?x=1", Title: "Ferry — “cancelled”", Authors: []string{"Ann Lee", "Bo Ma"},
		Outlet: "Example News", OutletSource: "metadata", OutletEvidence: "og:site_name",
		Published: time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC), PublishedEstimated: true, PublishedSource: "estimated", PublishedEvidence: "on Friday",
		Language: "en", Dateline: "OBAN, Scotland", Summary: "A short one.",
		Credits:  []clean.Credit{{Name: "AFP", Kind: clean.CreditPhoto}},
		Captions: []string{"The ferry (AFP)"},
		Text:     "Héllo wörld.\n\nSecond paragraph, with ünïcode and a tab\there.",
	}
	raw := store.Raw{Origin: "feeds/a.html", URL: a.URL, MediaType: "text/html", Encoding: "utf-8", Body: []byte("<html>\x00\xff bytes</html>"),
		Fetched: time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC)}
	before := time.Now().Add(-time.Minute)
	res := put(t, s, store.Item{Raw: raw, Article: a, Analysis: &analyse.Annotation{Status: "", Sentences: []analyse.Span{{Start: 0, End: 12}}}})
	got, err := s.Article(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Article, a) {
		t.Errorf("article round trip:\n got %+v\nwant %+v", got.Article, a)
	}
	if got.ID != res[0].ID || got.DocumentID == 0 || got.Origin != raw.Origin || got.MediaType != raw.MediaType || got.Version != 1 || got.PreviousID != 0 {
		t.Errorf("stored fields: %+v", got)
	}
	if got.Ingested.Before(before) || got.Ingested.After(time.Now().Add(time.Minute)) {
		t.Errorf("ingested at %v", got.Ingested)
	}
	if got.Analysis != "" || got.AnalysisNote != "" {
		t.Errorf("analysis status %q %q, want complete", got.Analysis, got.AnalysisNote)
	}
	undated := put(t, s, item("u", "", "u", "T", "no analysis"))[0]
	noAnalysis, _ := s.Article(ctx, undated.ID)
	if noAnalysis.Analysis != "none" {
		t.Errorf("article put without analysis: status %q, want none", noAnalysis.Analysis)
	}
}

// Articles lists newest publication first, undated last, with the
// outlet filter and paging.
func testArticles(t *testing.T, s store.Store) {
	mk := func(name, outlet string, pub time.Time) store.Item {
		it := item(name, "", name, name, "text of "+name)
		it.Article.Outlet, it.Article.Published = outlet, pub
		return it
	}
	res := put(t, s, mk("old", "A", day(1)), mk("undated", "B", time.Time{}), mk("new", "A", day(3)), mk("mid", "B", day(2)))
	id := func(i int) int64 { return res[i].ID }
	list := func(q store.Query) []int64 {
		as, err := s.Articles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return ids(len(as), func(i int) int64 { return as[i].ID })
	}
	if got, want := list(store.Query{}), []int64{id(2), id(3), id(0), id(1)}; !eq(got, want) {
		t.Errorf("Articles = %v, want %v", got, want)
	}
	if got, want := list(store.Query{Outlet: "B"}), []int64{id(3), id(1)}; !eq(got, want) {
		t.Errorf("Articles(outlet B) = %v, want %v", got, want)
	}
	if got, want := list(store.Query{Limit: 2, Offset: 1}), []int64{id(3), id(0)}; !eq(got, want) {
		t.Errorf("Articles(limit 2 offset 1) = %v, want %v", got, want)
	}
	as, _ := s.Articles(ctx, store.Query{Outlet: "B"})
	if len(as) == 2 && !as[1].Published.IsZero() {
		t.Errorf("undated article has date %v", as[1].Published)
	}
}

// The analysis layers come back with their spans and fields.
func testAnnotation(t *testing.T, s store.Store) {
	text := "Torres met Almeida. They spoke."
	it := item("a", "", "raw", "T", text)
	it.Analysis = &analyse.Annotation{
		Sentences: []analyse.Span{{Start: 0, End: 19}, {Start: 20, End: 31}},
		Mentions: []analyse.Mention{
			{Span: analyse.Span{Start: 0, End: 6}, Type: "PER", Confidence: 0.9},
			{Span: analyse.Span{Start: 11, End: 18}, Type: "PER", Confidence: 0.8, Demonym: true},
		},
		Times:  []analyse.Time{{Span: analyse.Span{Start: 20, End: 24}, Sentence: 1, Type: "DATE", Value: "2016-10-23", Mod: "APPROX", Anchored: true}},
		Quotes: []analyse.Quote{{Span: analyse.Span{Start: 20, End: 31}, Parts: []analyse.Span{{Start: 20, End: 25}, {Start: 26, End: 31}}, Kind: "indirect", Cue: analyse.Span{Start: 25, End: 30}, Source: analyse.Span{Start: 20, End: 24}, Speaker: analyse.Span{Start: 0, End: 6}, SpeakerText: "Torres", Resolved: true, Sentence: 1, Confidence: 0.75}},
		Places: []analyse.Place{{Span: analyse.Span{Start: 11, End: 18}, Name: "Almeida", GeonamesID: 42, Lat: 36.1, Lon: 44.0, Country: "IQ", Feature: "PPL", Population: 1200, Focus: true, Confidence: 0.5}},
		Status: "incomplete", Note: "time budget",
	}
	res := put(t, s, it)
	an, err := s.Annotation(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want := it.Analysis
	if !reflect.DeepEqual(an.Sentences, want.Sentences) || !reflect.DeepEqual(an.Mentions, want.Mentions) {
		t.Errorf("sentences and mentions = %+v %+v, want %+v %+v", an.Sentences, an.Mentions, want.Sentences, want.Mentions)
	}
	if !reflect.DeepEqual(an.Times, want.Times) {
		t.Errorf("times = %+v, want %+v", an.Times, want.Times)
	}
	if !reflect.DeepEqual(an.Quotes, want.Quotes) {
		t.Errorf("quotes = %+v, want %+v", an.Quotes, want.Quotes)
	}
	if !reflect.DeepEqual(an.Places, want.Places) {
		t.Errorf("places = %+v, want %+v", an.Places, want.Places)
	}
	if an.Status != "incomplete" || an.Note != "time budget" {
		t.Errorf("status %q note %q", an.Status, an.Note)
	}
	if an, err := s.Annotation(ctx, 999999); err != nil || an == nil || len(an.Sentences) != 0 {
		t.Errorf("Annotation of a missing id = %+v, %v; want an empty one", an, err)
	}
}

// What Annotation gives back is store.AsStored of what was put: layers out
// of order and with tied starts, the fields no store keeps, an empty and a
// nil quote part list. (The corpus stage takes analyses in hand in this
// form instead of reading them back.)
func testAnnotationAsStored(t *testing.T, s store.Store) {
	text := "Torres met Almeida in Basra. They spoke on Monday, he said."
	it := item("a", "", "raw", "T", text)
	it.Analysis = &analyse.Annotation{
		Sentences: []analyse.Span{{Start: 0, End: 28}, {Start: 29, End: 59}},
		Tokens:    14,
		Mentions: []analyse.Mention{
			{Span: analyse.Span{Start: 22, End: 27}, Type: "LOC", Confidence: 0.7},
			{Span: analyse.Span{Start: 11, End: 18}, Type: "PER", Confidence: 0.8},
			{Span: analyse.Span{Start: 11, End: 14}, Type: "MISC", Confidence: 0.3, Demonym: true},
			{Span: analyse.Span{Start: 0, End: 6}, Type: "PER", Confidence: 0.9},
		},
		Times: []analyse.Time{
			{Span: analyse.Span{Start: 43, End: 49}, Sentence: 1, Type: "DATE", Value: "2016-10-24", Anchored: true},
			{Span: analyse.Span{Start: 43, End: 49}, Sentence: 1, Type: "DATE", Value: "2016-10-17", Mod: "APPROX"},
		},
		Quotes: []analyse.Quote{
			{Span: analyse.Span{Start: 29, End: 50}, Parts: []analyse.Span{}, Kind: "indirect", Cue: analyse.Span{Start: 54, End: 58}, SpeakerText: "he", Sentence: 1, Confidence: 0.5},
			{Span: analyse.Span{Start: 0, End: 28}, Kind: "direct", Speaker: analyse.Span{Start: 0, End: 6}, SpeakerText: "Torres", Resolved: true, Confidence: 0.75},
		},
		Places: []analyse.Place{
			{Span: analyse.Span{Start: 22, End: 27}, Name: "Basra", GeonamesID: 99532, Lat: 30.51, Lon: 47.78, Country: "IQ", Feature: "PPLA", Class: "city", Actor: "IQ", Population: 2600000, Confidence: 0.9},
			{Span: analyse.Span{Start: 11, End: 18}, Name: "Almeida", GeonamesID: 42, Lat: 36.1, Lon: 44.0, Country: "IQ", Feature: "PPL", Demonym: true, Focus: true, Confidence: 0.5},
			{Span: analyse.Span{Start: 11, End: 18}, Name: "Almeida", Country: "PT", Feature: "ADM2", Confidence: 0.25},
		},
		Dating: analyse.Dating{Anchor: day(4), Estimated: true},
		Status: "complete",
	}
	res := put(t, s, it)
	an, err := s.Annotation(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := store.AsStored(it.Analysis); !reflect.DeepEqual(an, want) {
		t.Errorf("Annotation =\n%+v\nAsStored =\n%+v", an, want)
	}
	if it.Analysis.Mentions[0].Start != 22 || it.Analysis.Places[0].Class != "city" {
		t.Errorf("AsStored changed its argument: %+v", it.Analysis)
	}
}

// Faults are kept per article, oldest first, and counted by Health with
// the analysis states.
func testFaultsAndHealth(t *testing.T, s store.Store) {
	failed := item("f", "", "f", "T", "a text the tagger failed on")
	failed.Analysis = &analyse.Annotation{Status: "incomplete", Note: "ner failed", Faults: []fault.Fault{{Stage: "analysis/ner", Message: "index out of range", Where: "ner.go:10"}}}
	foreign := item("x", "", "x", "T", "ein Text auf Deutsch")
	foreign.Article.Language = "de"
	foreign.Analysis = &analyse.Annotation{Status: "not_analysed", Note: "language de"}
	fine := item("ok", "", "ok", "T", "a fine text")
	fine.Analysis = &analyse.Annotation{}
	res := put(t, s, failed, foreign, fine, item("raw", "", "raw", "T", "never analysed"))
	fs, err := s.Faults(ctx, res[0].ID)
	if err != nil || len(fs) != 1 || fs[0].Stage != "analysis/ner" || fs[0].Message != "index out of range" || fs[0].Where != "ner.go:10" || fs[0].Article != res[0].ID {
		t.Fatalf("Faults = %+v, %v", fs, err)
	}
	when := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	if err := s.PutFaults(ctx, []store.Fault{{Article: res[0].ID, Fault: fault.Fault{Stage: "stories", Message: "second"}, At: when},
		{Article: res[2].ID, Fault: fault.Fault{Stage: "stories", Message: "third"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutFaults(ctx, nil); err != nil {
		t.Fatal(err)
	}
	fs, _ = s.Faults(ctx, res[0].ID)
	if len(fs) != 2 || fs[1].Message != "second" || !fs[1].At.Equal(when) {
		t.Errorf("Faults after PutFaults = %+v", fs)
	}
	if fs, err := s.Faults(ctx, res[3].ID); err != nil || len(fs) != 0 {
		t.Errorf("Faults of a fine article = %+v, %v", fs, err)
	}
	h, err := s.Health(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if h.Articles != 4 || h.Documents != 4 || h.FaultyArticles != 2 || !eq(h.FaultyIDs, []int64{res[0].ID, res[2].ID}) {
		t.Errorf("Health counts: %+v", h)
	}
	if h.Faults["analysis/ner"] != 1 || h.Faults["stories"] != 2 || len(h.Faults) != 2 {
		t.Errorf("Health faults by stage: %v", h.Faults)
	}
	if h.Incomplete != 1 || h.NoAnalysis != 1 || h.NotAnalysed["de"] != 1 || len(h.NotAnalysed) != 1 || h.Unplaced != 4 {
		t.Errorf("Health: %+v", h)
	}
	putDerived(t, s, &store.Derived{Assignments: []store.Assignment{{Article: res[2].ID, Event: 1, Storyline: 1}},
		Events: []store.EventRecord{{ID: 1, Storyline: 1}}, LastArticle: res[3].ID})
	if h, _ := s.Health(ctx); h.Unplaced != 3 {
		t.Errorf("Health.Unplaced after placing one = %d, want 3", h.Unplaced)
	}
}

// Put deduplicates batches larger than a store may look them up at once,
// against what is stored and within the batch, with items prepared ahead
// (store.Preparer, every other one) or not alike: its outcomes are those
// of the rules worked through one item at a time.
func testPutLargeBatches(t *testing.T, s store.Store) {
	pr, _ := s.(store.Preparer)
	const n = 400
	items := make([]store.Item, n)
	for i := range items {
		// raw bytes repeat after 300 items; every third item has no URL
		// and one of 45 texts; the others one of 40 URLs, whose text
		// changes every 120 items (a new version) and repeats within
		url, text := fmt.Sprintf("https://example.org/%d", i%40), fmt.Sprint("text ", i%40, " rev ", i/120)
		if i%3 == 0 {
			url, text = "", fmt.Sprint("plain ", i%45)
		}
		items[i] = item(fmt.Sprint("doc", i), url, fmt.Sprint("raw ", i%300), "T", text)
		if pr != nil && i%2 == 1 {
			pr.Prepare(&items[i])
		}
	}
	// the rules, one item at a time: want[i] and the item it refers to
	// (the stored one for a duplicate, the previous version), -1 for none
	want := make([]store.Outcome, n)
	ref := make([]int, n)
	version := make([]int, n)
	byRaw, byURL, byText := map[string]int{}, map[string]int{}, map[string]int{}
	counts := map[store.Outcome]int{}
	for i, it := range items {
		raw, url, text := string(it.Raw.Body), it.Article.URL, it.Article.Text
		want[i], ref[i], version[i] = store.Added, -1, 1
		if j, ok := byRaw[raw]; ok {
			want[i], ref[i] = store.Duplicate, j
		} else if j, ok := byURL[url]; ok && url != "" {
			if items[j].Article.Text == text {
				want[i], ref[i] = store.Duplicate, j
			} else {
				want[i], ref[i], version[i] = store.NewVersion, j, version[j]+1
			}
		} else if j, ok := byText[text]; ok && url == "" {
			want[i], ref[i] = store.Duplicate, j
		}
		counts[want[i]]++
		if want[i] == store.Duplicate {
			continue
		}
		byRaw[raw] = i
		if url != "" {
			byURL[url] = i
		} else if _, ok := byText[text]; !ok {
			byText[text] = i
		}
	}
	if counts[store.Added] < 20 || counts[store.NewVersion] < 20 || counts[store.Duplicate] < 20 {
		t.Fatalf("the items do not exercise every outcome: %v", counts)
	}
	res := append(put(t, s, items[:150]...), put(t, s, items[150:]...)...)
	for i, r := range res {
		if r.Outcome != want[i] {
			t.Errorf("item %d: %s, want %s", i, r.Outcome, want[i])
			continue
		}
		switch r.Outcome {
		case store.Duplicate:
			if r.ID != res[ref[i]].ID {
				t.Errorf("item %d: duplicate of %d, want %d", i, r.ID, res[ref[i]].ID)
			}
		case store.NewVersion:
			if r.PreviousID != res[ref[i]].ID {
				t.Errorf("item %d: previous %d, want %d", i, r.PreviousID, res[ref[i]].ID)
			}
			if a, err := s.Article(ctx, r.ID); err != nil || a.Version != version[i] || a.PreviousID != r.PreviousID {
				t.Errorf("item %d: stored %+v, %v; want version %d", i, a, err, version[i])
			}
		}
	}
	articles, docs, err := s.Count(ctx)
	if stored := int64(n - counts[store.Duplicate]); err != nil || articles != stored || docs != stored {
		t.Errorf("Count = %d, %d, %v; want %d", articles, docs, err, stored)
	}
}
