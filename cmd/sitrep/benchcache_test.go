package main

import (
	"reflect"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/corpusgen"
)

// TestAnalysisCacheSameWhicheverFirst: --reuse-analysis must store the
// same analyses whichever repetition of a source a worker reaches first,
// or two bench runs differ ("today" resolved to the copy's own date).
func TestAnalysisCacheSameWhicheverFirst(t *testing.T) {
	src := corpusgen.Source{ID: "a", Outlet: "Example News", Title: "Talks",
		Text:      "The minister said today that talks would resume on Monday in Geneva.",
		Published: time.Date(2017, 3, 16, 0, 0, 0, 0, time.UTC)}
	srcs := []corpusgen.Source{src}
	input := func(rep int) analyse.Input {
		l := corpusgen.Article(srcs, rep)
		pub, err := time.Parse(time.RFC3339, l.Published)
		if err != nil {
			t.Fatal(err)
		}
		return analyse.Input{Text: l.Text, Published: pub, Language: "en"}
	}
	first := newAnalysisCache(srcs).annotate(input(3))
	other := newAnalysisCache(srcs).annotate(input(0))
	if !reflect.DeepEqual(first.Times, other.Times) {
		t.Fatalf("time expressions differ by which copy came first:\n%+v\n%+v", first.Times, other.Times)
	}
	if len(first.Times) == 0 {
		t.Fatal("no time expression found; the test proves nothing")
	}
}
