package main

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/eval/cluster"
)

// TestEvalPipelineSample runs `sitrep eval pipeline --sample`: the real
// ingest path over a bounded sample of each corpus, and checks the
// figures a user would see are sane.
func TestEvalPipelineSample(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests ~300 documents")
	}
	dir, err := sharedEvalDir()
	if err != nil {
		t.Skipf("../shared/eval not found: %v", err)
	}
	rep, err := evalPipeline(context.Background(), dir, true, false, func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	var dated, plain *storiesResult
	for i, s := range rep.Stories {
		if s.Part != "all" {
			continue
		}
		switch s.Set {
		case "newswcl50 (dates)":
			dated = &rep.Stories[i]
		case "newswcl50 (no dates)":
			plain = &rep.Stories[i]
		}
	}
	if dated == nil || plain == nil {
		t.Fatalf("NewsWCL50 stories missing: %+v", rep.Stories)
	}
	if dated.Docs != 50 || dated.Gold != 10 {
		t.Errorf("NewsWCL50: %d docs, %d gold events; want 50, 10", dated.Docs, dated.Gold)
	}
	if dated.B3F1 < 0.9 {
		t.Errorf("NewsWCL50 with dates: B3 F1 %.3f < 0.9", dated.B3F1)
	}
	if dated.Storylines.Storylines < 8 {
		t.Errorf("NewsWCL50 with dates: %d storylines for 10 unrelated events", dated.Storylines.Storylines)
	}
	if len(rep.Actors) != 2 || rep.Actors[0].System.Found < 0.8 || rep.Actors[0].System.CoNLL <= 0 {
		t.Errorf("actors: %+v", rep.Actors)
	}
	if len(rep.Places) != 1 || rep.Places[0].Docs == 0 {
		t.Errorf("places: %+v", rep.Places)
	}
	// no estimated publication date a year or more off (issue #12)
	if d := rep.Dates; d == nil || d.Docs != 6 || d.Dated+d.None != d.Docs || d.WrongYear != 0 || d.GoldDCTValueF1 < 0.5 {
		t.Errorf("dates: %+v", rep.Dates)
	}
	if q := rep.Quotes; q == nil || q.Articles != 10 || q.PartialF1 <= 0 {
		t.Errorf("quotes: %+v", rep.Quotes)
	}
}

func TestSplitUCIDays(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	docs := []cluster.Doc{
		{ID: "a", Published: at("2014-06-13T00:00:00Z")},
		{ID: "b", Published: at("2014-06-14T23:59:59.999Z")},
		{ID: "c", Published: at("2014-06-15T00:00:00Z")},
		{ID: "d", Published: at("2014-06-19T23:00:00Z")},
	}
	dev, test := splitUCIDays(docs)
	if len(dev) != 2 || dev[0].ID != "a" || dev[1].ID != "b" || len(test) != 2 || test[0].ID != "c" || test[1].ID != "d" {
		t.Errorf("dev %v, test %v", dev, test)
	}
}
