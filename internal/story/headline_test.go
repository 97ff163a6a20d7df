package story

import (
	"strings"
	"testing"
	"time"
)

func TestIsHeadline(t *testing.T) {
	long := strings.Repeat("The harbour board met again on Tuesday and heard the ferry operator. ", 6)
	for _, tt := range []struct {
		name string
		d    Doc
		want bool
	}{
		{"title only", Doc{Title: "Harbour board backs night ferries"}, true},
		{"title repeated as text", Doc{Title: "Harbour board backs night ferries", Text: "Harbour board backs night ferries"}, true},
		{"headline as text, no title", Doc{Text: "Harbour board backs night ferries"}, true},
		{"one-sentence brief, no title", Doc{Text: "The harbour board backed night ferries to the islands on Tuesday."}, false},
		{"long line, no title", Doc{Text: strings.Repeat("harbour ferries ", 12)}, false},
		{"title and a one-line summary", Doc{Title: "Harbour board backs night ferries", Text: "The trial starts in March on the island route."}, true},
		{"article", Doc{Title: "Harbour board backs night ferries", Text: long}, false},
		{"article without title", Doc{Text: long}, false},
		{"empty", Doc{}, false},
	} {
		if got := isHeadline(&tt.d); got != tt.want {
			t.Errorf("%s: isHeadline = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Headlines of one story share a word or two; the headline thresholds
// group them, and keep a headline of another story apart.
func TestHeadlinesGroupByStory(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	heads := []struct {
		title string
		story int
	}{
		{"Harbour board backs night ferries to the islands", 1},
		{"Night ferries approved by harbour board", 1},
		{"Islanders cheer harbour board vote on night ferries", 1},
		{"Storm closes mountain pass, drivers stranded overnight", 2},
		{"Mountain pass shut as storm strands hundreds of drivers", 2},
		{"Drivers stranded after storm closes mountain pass", 2},
		// share two words of six: together only at the headline thresholds
		{"Central bank holds interest rates steady", 3},
		{"Bank leaves rates unchanged for a fourth month", 3},
	}
	var docs []Doc
	for i, h := range heads {
		docs = append(docs, Doc{ID: int64(i + 1), Title: h.title, Text: h.title, Published: t0.Add(time.Duration(i) * time.Minute)})
	}
	c := NewClusterer(Config{})
	as := c.AddBatch(docs)
	for i := range heads {
		for j := range heads {
			same := as[i].Event == as[j].Event
			if same != (heads[i].story == heads[j].story) {
				t.Errorf("%q and %q: same event %v", heads[i].title, heads[j].title, same)
			}
		}
	}
}
