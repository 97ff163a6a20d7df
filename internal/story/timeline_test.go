package story

import (
	"strings"
	"testing"
	"time"
)

func TestParseTimex(t *testing.T) {
	cases := []struct {
		in   string
		ok   bool
		want time.Time
		rank int
	}{
		{"2016-10-25", true, time.Date(2016, 10, 25, 0, 0, 0, 0, time.UTC), 1},
		{"2016-10-25T14:30", true, time.Date(2016, 10, 25, 14, 30, 0, 0, time.UTC), 0},
		{"2016-10", true, time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC), 3},
		{"2016", true, time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), 5},
		{"2016-W43", true, time.Date(2016, 10, 24, 0, 0, 0, 0, time.UTC), 2},
		{"2016-Q4", true, time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC), 4},
		{"PRESENT_REF", false, time.Time{}, 0},
		{"P3D", false, time.Time{}, 0},
		{"XXXX-10-25", false, time.Time{}, 0},
		{"2016-13-01", false, time.Time{}, 0},
	}
	for _, c := range cases {
		got, rank, ok := parseTimex(c.in)
		if ok != c.ok || (ok && (!got.Equal(c.want) || rank != c.rank)) {
			t.Errorf("%s: got %v %d %v, want %v %d %v", c.in, got, rank, ok, c.want, c.rank, c.ok)
		}
	}
}

func TestTimelineSortsByDateSpokenOf(t *testing.T) {
	docs := briefingDocs()
	// an article published last that speaks of the earliest date
	text := "Rebels first seized the Marenna port in March. Nothing else is dated here."
	at := strings.Index(text, "March")
	docs = append(docs, Doc{ID: 4, Outlet: "Delta", Text: text,
		Published: time.Date(2026, 5, 9, 0, 0, 0, 0, time.UTC), Dates: []Dated{{Sentence: 0, Value: "2026-03", Span: Span{at, at + 5}}}})
	tl := Timeline(docs)
	var dates []string
	for _, e := range tl {
		dates = append(dates, e.Date)
	}
	want := []string{"2026-03", "2026-05-03", "2026-05-08"}
	if len(dates) != len(want) {
		t.Fatalf("dates %v, want %v", dates, want)
	}
	for i := range want {
		if dates[i] != want[i] {
			t.Errorf("entry %d: %s, want %s", i, dates[i], want[i])
		}
	}
	if tl[0].Expression != "March" || tl[0].Doc != 4 {
		t.Errorf("first entry %+v", tl[0])
	}
	if len(tl[1].Citations) != 3 {
		t.Errorf("the recapture is carried by 3 outlets, entry cites %d", len(tl[1].Citations))
	}
	if len(Timeline([]Doc{{ID: 1, Text: "No dates at all here."}})) != 0 {
		t.Error("undated article produced entries")
	}
}

func TestTimelineMarksDatesFromEstimatedPublication(t *testing.T) {
	mk := func(id int64, outlet string, estimated bool) Doc {
		text := "Troops entered the town on Sunday after a week of shelling."
		at := strings.Index(text, "on Sunday")
		return Doc{ID: id, Outlet: outlet, Text: text,
			Dates: []Dated{{Sentence: 0, Value: "2026-05-03", Span: Span{at, at + 9}, Estimated: estimated}}}
	}
	cases := []struct {
		name string
		docs []Doc
		want bool
	}{
		{"only estimated", []Doc{mk(1, "A", true)}, true},
		{"stated by one", []Doc{mk(1, "A", true), mk(2, "B", false)}, false},
		{"stated", []Doc{mk(2, "B", false)}, false},
	}
	for _, c := range cases {
		tl := Timeline(c.docs)
		if len(tl) != 1 {
			t.Fatalf("%s: %d entries, want 1", c.name, len(tl))
		}
		if tl[0].Estimated != c.want {
			t.Errorf("%s: estimated %v, want %v", c.name, tl[0].Estimated, c.want)
		}
	}
}
