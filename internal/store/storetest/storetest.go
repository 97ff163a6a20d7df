// Package storetest is the conformance suite of store.Store: every
// behaviour the rest of sitrep relies on, run against each implementation
// (internal/store/sqlite, internal/store/postgres) from their own tests,
// so the stores answer alike. The optional interfaces (store.StoryPages,
// store.BatchReads, store.CodedEvents, store.Leases, the watchlist blob)
// are tested on the stores that have them.
package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
)

// Opener returns a new, empty store; the store is closed by the suite
// (the opener may register its own cleanup too).
type Opener func(t *testing.T) store.Store

// SearchWindower is implemented by stores whose search ranking window
// (see sqlite.SearchWindow) the suite may set for one store handle.
type SearchWindower interface {
	SetSearchWindow(n int)
}

// Run runs every case of the suite, each on a fresh store.
func Run(t *testing.T, open Opener) {
	cases := []struct {
		name string
		f    func(t *testing.T, s store.Store)
	}{
		{"PutOutcomes", testPutOutcomes},
		{"PutBatch", testPutBatch},
		{"PutLargeBatches", testPutLargeBatches},
		{"PutAtomic", testPutAtomic},
		{"ArticleRoundTrip", testArticleRoundTrip},
		{"Articles", testArticles},
		{"Annotation", testAnnotation},
		{"AnnotationAsStored", testAnnotationAsStored},
		{"FaultsAndHealth", testFaultsAndHealth},
		{"CorpusState", testCorpusState},
		{"CorpusStateLog", testCorpusStateLog},
		{"CorpusMerges", testCorpusMerges},
		{"StoryTotal", testStoryTotal},
		{"StoryPageStore", testStoryPageStore},
		{"ArticleList", testArticleList},
		{"QuoteList", testQuoteList},
		{"PlaceList", testPlaceList},
		{"PlacesWithoutGeonamesID", testPlacesWithoutGeonamesID},
		{"TimeList", testTimeList},
		{"SentenceOutOfRange", testSentenceOutOfRange},
		{"Actors", testActors},
		{"Stories", testStories},
		{"SearchExact", testSearchExact},
		{"SearchSyntax", testSearchSyntax},
		{"SearchFilters", testSearchFilters},
		{"SearchWindow", testSearchWindow},
		{"SearchFacetSample", testSearchFacetSample},
		{"SearchActorFacetCut", testSearchActorFacetCut},
		{"StoryPages", testStoryPages},
		{"BatchReads", testBatchReads},
		{"CodedEvents", testCodedEvents},
		{"Leases", testLeases},
		{"Watchlists", testWatchlists},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			c.f(t, s)
		})
	}
}

var ctx = context.Background()

// day is a publication time in March 2024.
func day(d int) time.Time { return time.Date(2024, 3, d, 9, 0, 0, 0, time.UTC) }

// item is a plain document and its article.
func item(origin, url, body, title, text string) store.Item {
	return store.Item{
		Raw:     store.Raw{Origin: origin, URL: url, MediaType: "text/plain", Body: []byte(body)},
		Article: clean.Article{URL: url, Title: title, Text: text, Outlet: "Example", Authors: []string{"A. Writer"}, Published: time.Date(2016, 10, 23, 0, 0, 0, 0, time.UTC)},
	}
}

// at returns the span of the n-th (from 0) occurrence of sub in text.
func at(t *testing.T, text, sub string, n int) analyse.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("%q not %d times in %q", sub, n+1, text)
		}
		if i == n {
			return analyse.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

// sentences splits text after each ". ".
func sentences(text string) []analyse.Span {
	var out []analyse.Span
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' {
			out = append(out, analyse.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	return append(out, analyse.Span{Start: start, End: len(text)})
}

// sentenceOf returns the index of the sentence holding off.
func sentenceOf(ss []analyse.Span, off int) int {
	for i, s := range ss {
		if off >= s.Start && off < s.End {
			return i
		}
	}
	return len(ss) - 1
}

func put(t *testing.T, s store.Store, items ...store.Item) []store.PutResult {
	t.Helper()
	res, err := s.Put(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(items) {
		t.Fatalf("Put returned %d results for %d items", len(res), len(items))
	}
	return res
}

func putDerived(t *testing.T, s store.Store, d *store.Derived) {
	t.Helper()
	if err := s.PutDerived(ctx, d); err != nil {
		t.Fatal(err)
	}
}

func ids(n int, f func(i int) int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

func eq[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func str(x any) string { return fmt.Sprint(x) }

func contextCancelled() (context.Context, context.CancelFunc) {
	c, cancel := context.WithCancel(ctx)
	cancel()
	return c, cancel
}
