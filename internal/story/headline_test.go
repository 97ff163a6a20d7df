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

// The same story's words a day apart: a new burst of headlines is a new
// event once the first fell silent for HeadlineGap, whether the headlines
// come in one batch or one at a time; within the gap they join.
func TestHeadlineGap(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	day1 := []string{"Harbour board backs night ferries to the islands", "Night ferries approved by harbour board",
		"Islanders cheer harbour board vote on night ferries", "Harbour board votes for night ferries"}
	day2 := []string{"Night ferries to the islands start after harbour board vote", "First night ferries sail as harbour board plan begins",
		"Harbour board night ferries carry first islanders", "Night ferries: harbour board trial under way"}
	for _, tt := range []struct {
		name  string
		later time.Duration
		apart bool
	}{
		{"next day", 20 * time.Hour, true},
		{"same afternoon", 6 * time.Hour, false},
	} {
		for _, batched := range []bool{true, false} {
			c := NewClusterer(Config{})
			var docs []Doc
			for i, h := range append(append([]string{}, day1...), day2...) {
				at := t0.Add(time.Duration(i) * time.Minute)
				if i >= len(day1) {
					at = at.Add(tt.later)
				}
				docs = append(docs, Doc{ID: int64(i + 1), Title: h, Text: h, Published: at})
			}
			var as []Assignment
			if batched {
				as = append(c.AddBatch(docs[:len(day1)]), c.AddBatch(docs[len(day1):])...)
			} else {
				for _, d := range docs {
					as = append(as, c.Add(d))
				}
			}
			first, last := c.Resolve(as[0].Event), c.Resolve(as[len(as)-1].Event)
			if (first != last) != tt.apart {
				t.Errorf("%s (batched %v): day 1 event %d, day 2 event %d, want apart %v", tt.name, batched, first, last, tt.apart)
			}
			for i := 1; i < len(day1); i++ {
				if c.Resolve(as[i].Event) != first {
					t.Errorf("%s (batched %v): %q left its burst's event", tt.name, batched, docs[i].Title)
				}
			}
		}
	}
}

func TestEventGap(t *testing.T) {
	c := NewClusterer(Config{})
	noon := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	for _, tt := range []struct {
		name              string
		t, first, last    time.Time
		headline          bool
		wantGap, wantLimt time.Duration
	}{
		{"article after the span", noon.Add(30 * time.Hour), noon, noon.Add(time.Hour), false, 29 * time.Hour, c.cfg.EventGap},
		{"article inside the span", noon, noon.Add(-time.Hour), noon.Add(time.Hour), false, 0, c.cfg.EventGap},
		{"headline before the span", noon.Add(-5 * time.Hour), noon, noon, true, 5 * time.Hour, c.cfg.HeadlineGap},
		{"headline after the span", noon.Add(13 * time.Hour), noon, noon, true, 13 * time.Hour, c.cfg.HeadlineGap},
		// a bare date stands for any time of its day
		{"headline dated the next day", day(3), day(2), day(2), true, 0, c.cfg.HeadlineGap},
		{"headline dated two days on", day(4), day(2), day(2), true, 24 * time.Hour, c.cfg.HeadlineGap},
		{"article dated the next day", day(3), day(2), day(2), false, 24 * time.Hour, c.cfg.EventGap},
	} {
		gap, limit := c.eventGap(tt.t, tt.first, tt.last, tt.headline)
		if gap != tt.wantGap || limit != tt.wantLimt {
			t.Errorf("%s: gap %v limit %v, want %v %v", tt.name, gap, limit, tt.wantGap, tt.wantLimt)
		}
	}
}
