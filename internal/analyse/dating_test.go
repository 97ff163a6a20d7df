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
	}{
		// The year stated once, then dropped; the Sunday after the
		// latest dated day (Wednesday 3 March 2021) is 7 March.
		{"day stated", "The talks began on March 1, 2021. They ended on March 3. On Sunday the envoy left.", "2021-03-07"},
		{"full date alone", "The talks ended on March 3, 2021. The envoy left.", ""},
		{"month-day and a bare year", "The firm, founded in 1948, said on April 21 that sales fell.", ""},
		{"years only", "The company, founded in 2010, has grown since 2015. On Sunday it opened a plant.", ""},
		{"nothing", "On Sunday the envoy left.", ""},
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
