package analyse

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/clean"
)

func TestDatingNeedsADay(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		anchor string // "" when no anchor
		latest string // the range's last day, "" when open or none
	}{
		// The year stated once, then dropped; the Sunday after the
		// latest dated day (Wednesday 3 March 2021) is 7 March.
		{"day stated", "The talks began on March 1, 2021. They ended on March 3. On Sunday the envoy left.", "2021-03-07", "2021-03-13"},
		// the month-day stays open-ended without a weekday
		{"no weekday", "The talks began on March 1, 2021. They ended on March 3.", "2021-03-03", ""},
		// a history date and a later reported year: no date
		{"history", "The envoy arrived on March 1, 2011. He left in 2019. The talks ended on March 3.", "", ""},
		{"full date alone", "The talks ended on March 3, 2021. The envoy left.", "", ""},
		{"month-day and a bare year", "The firm, founded in 1948, said on April 21 that sales fell.", "", ""},
		{"years only", "The company, founded in 2010, has grown since 2015. On Sunday it opened a plant.", "", ""},
		{"nothing", "On Sunday the envoy left.", "", ""},
	}
	for _, c := range cases {
		d := dating(Input{Text: c.text})
		got := ""
		if !d.Anchor.IsZero() {
			got = d.Anchor.Format("2006-01-02")
		}
		if got != c.anchor {
			t.Errorf("%s: anchor %q, want %q", c.name, got, c.anchor)
		}
		latest := ""
		if !d.Latest.IsZero() {
			latest = d.Latest.Format("2006-01-02")
		}
		if latest != c.latest {
			t.Errorf("%s: latest %q, want %q", c.name, latest, c.latest)
		}
	}
}

// TestApplyDatingWritesRange: the stored evidence says the range first,
// as clean's estimate does.
func TestApplyDatingWritesRange(t *testing.T) {
	day := time.Date(2021, 3, 7, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		latest time.Time
		want   string
	}{
		{day.AddDate(0, 0, 6), "between 2021-03-07 and 2021-03-13, from March 3; Sunday (confidence 0.40)"},
		{time.Time{}, "on or after 2021-03-07, from March 3; Sunday (confidence 0.40)"},
	} {
		var a clean.Article
		ApplyDating(&a, Dating{Anchor: day, Latest: c.latest, Estimated: true, Confidence: 0.4, Evidence: []string{"March 3", "Sunday"}})
		if a.PublishedEvidence != c.want || !a.PublishedEstimated {
			t.Errorf("evidence %q (estimated %v), want %q", a.PublishedEvidence, a.PublishedEstimated, c.want)
		}
	}
}

func TestApplyDatingKeepsEarlierEvidence(t *testing.T) {
	day := time.Date(2016, 10, 20, 0, 0, 0, 0, time.UTC)
	a := clean.Article{Published: day, PublishedEstimated: true, PublishedSource: "estimated", PublishedEvidence: "latest date mentioned: October 20"}
	ApplyDating(&a, Dating{Anchor: day, Estimated: true, Confidence: 0.1})
	if a.PublishedEvidence != "latest date mentioned: October 20" {
		t.Errorf("evidence replaced: %q", a.PublishedEvidence)
	}
	stated := clean.Article{Published: day, PublishedSource: "metadata"}
	ApplyDating(&stated, Dating{Anchor: day.AddDate(0, 0, 3), Estimated: true, Confidence: 0.9, Evidence: []string{"October 23"}})
	if !stated.Published.Equal(day) || stated.PublishedEstimated {
		t.Errorf("stated date replaced: %v", stated.Published)
	}
	undated := clean.Article{}
	ApplyDating(&undated, Dating{Anchor: day, Estimated: true, Confidence: 0.6, Evidence: []string{"October 20, 2016"}})
	if !undated.Published.Equal(day) || !undated.PublishedEstimated {
		t.Errorf("estimate not recorded: %+v", undated)
	}
}
