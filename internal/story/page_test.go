package story

import (
	"reflect"
	"testing"
	"time"
)

func pageDocs() []Doc {
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	mk := func(id int64, outlet, text string, pub time.Time, dates ...Dated) Doc {
		return Doc{ID: id, Outlet: outlet, Text: text, Published: pub, Dates: dates}
	}
	return []Doc{
		mk(3, "north.example", "The river flooded the old mill town on Monday. Rescue crews moved 400 residents to the school gym. The mayor said the levee failed near the bridge.", day,
			Dated{Sentence: 0, Value: "2026-03-02", Span: Span{Start: 37, End: 46}}),
		mk(1, "south.example", "Floodwater covered the mill town after the levee failed on Monday. About 450 residents spent the night in the school gym. \"We lost everything,\" said one baker.", day.Add(time.Hour),
			Dated{Sentence: 0, Value: "2026-03-02", Span: Span{Start: 57, End: 66}}),
		mk(7, "east.example", "Engineers will inspect the broken levee on Wednesday. The state promised 12 million dollars for repairs to the levee and the bridge.", day.Add(30*time.Hour),
			Dated{Sentence: 0, Value: "2026-03-04", Span: Span{Start: 44, End: 53}}),
		mk(5, "", "Residents of the mill town returned home as the river fell. Shops along the bridge stayed closed. Reporting by Ann Lee and editing by Tom Hale for the county desk.", time.Time{}),
	}
}

// TestComposePageEqualsParts: one ComposePage gives what Summarize,
// Timeline and Compare give separately, with or without a cache, and a
// cached article whose text changed is split again.
func TestComposePageEqualsParts(t *testing.T) {
	docs := pageDocs()
	want := Page{Summary: Summarize(docs, 8), Timeline: Timeline(docs), Comparison: Compare(docs)}
	if len(want.Summary) == 0 || len(want.Timeline) == 0 || len(want.Comparison.Claims) == 0 {
		t.Fatalf("test docs compose to an empty page: %+v", want)
	}
	c := NewSentenceCache(2) // smaller than the docs: entries are dropped and made again
	for i := 0; i < 3; i++ {
		for _, cache := range []*SentenceCache{nil, c} {
			if got := ComposePage(docs, 8, cache); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, cache %v:\n got %+v\nwant %+v", i, cache != nil, got, want)
			}
		}
	}
	big := NewSentenceCache(10)
	ComposePage(docs, 8, big)
	changed := pageDocs()
	changed[0].Text = "Volunteers filled sandbags along the bridge all night. The levee held until dawn on Monday."
	changed[0].Dates = nil
	want = Page{Summary: Summarize(changed, 8), Timeline: Timeline(changed), Comparison: Compare(changed)}
	if got := ComposePage(changed, 8, big); !reflect.DeepEqual(got, want) {
		t.Fatalf("changed text served from the cache:\n got %+v\nwant %+v", got, want)
	}
}
