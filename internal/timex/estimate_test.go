package timex

import (
	"os"
	"path/filepath"
	"testing"
)

func TestEstimateDCT(t *testing.T) {
	cases := []struct {
		name, file, want string
		minConf          float64
		ok               bool
	}{
		// Oct. 23, 2016 was a Sunday, the weekday the text names.
		{"dated report", "dated_report.txt", "2016-10-23", 0.5, true},
		// The future June date is not evidence; March 4 takes 2016 from
		// the full date before it.
		{"future date ignored", "future_date.txt", "2016-03-04", 0.2, true},
		// A bare year never completes a month-day ("founded in 2015 …
		// June 12"): no date rather than a guessed year.
		{"month-day with only a bare year", "month_day_year_elsewhere.txt", "", 0, false},
		{"year only", "year_only.txt", "", 0, false},
		// A full date alone may be history: no estimate.
		{"full date alone", "full_date_alone.txt", "", 0, false},
		// May 12, 2019 was a Sunday; the Thursday named after it is May 16.
		{"weekday after the latest date", "weekday_after_date.txt", "2019-05-16", 0.3, true},
		{"no dates", "no_dates.txt", "", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			got, conf, ev, ok := EstimateDCT(string(b))
			if ok != c.ok {
				t.Fatalf("ok = %v, want %v", ok, c.ok)
			}
			if !ok {
				return
			}
			if fmtDay(got) != c.want {
				t.Fatalf("estimate %s, want %s (evidence %+v)", fmtDay(got), c.want, ev)
			}
			if conf < c.minConf || conf > 1 {
				t.Fatalf("confidence %.2f, want ≥ %.2f", conf, c.minConf)
			}
			if len(ev) == 0 {
				t.Fatalf("no evidence")
			}
		})
	}
}

// FuzzEstimatePublication: any text gives either no estimate or one with
// evidence, a confidence in (0, 1] and a range that is not inverted.
func FuzzEstimatePublication(f *testing.F) {
	for _, s := range []string{
		"Troops crossed the river on May 9, 2019. A soldier was wounded on May 12. On Thursday, the minister visited.",
		"GENEVA, Oct. 23, 2016 - Negotiators said on Sunday they had reached a deal.",
		"The firm, founded in 1948, said on April 21 that sales fell.",
		"", "on Sunday", "December 31, 9999 and January 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, ok := EstimatePublication(s)
		if !ok {
			return
		}
		if e.Date.IsZero() || len(e.Evidence) == 0 || e.Confidence <= 0 || e.Confidence > 1 {
			t.Fatalf("bad estimate %+v for %q", e, s)
		}
		if !e.Latest.IsZero() && e.Latest.Before(e.Date) {
			t.Fatalf("range inverted %+v for %q", e, s)
		}
	})
}

func TestEstimateRange(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "weekday_after_date.txt"))
	if err != nil {
		t.Fatal(err)
	}
	e, ok := EstimatePublication(string(b))
	if !ok || fmtDay(e.Date) != "2019-05-16" || fmtDay(e.Latest) != "2019-05-22" {
		t.Errorf("estimate %s..%s ok=%v, want 2019-05-16..2019-05-22", fmtDay(e.Date), fmtDay(e.Latest), ok)
	}
}

// TestEstimateRules: each rule of EstimatePublication on sentences written
// for it; want "" is no estimate, else "from..to" (to "open" when the
// text gives a lower bound only).
func TestEstimateRules(t *testing.T) {
	cases := []struct{ name, text, want string }{
		// a full date written with its weekday is a date of this week
		{"date with its weekday",
			"Protesters marched through the capital on Sunday, March 3, 2019. Police said on Sunday that nobody was hurt.",
			"2019-03-03..2019-03-09"},
		// a weekday named elsewhere is no tie, even when the old full
		// date falls on it (March 1, 2013 was a Friday)
		{"weekday of an old date by chance",
			"The council filed its complaint on Friday. Its lawyers spoke for an hour. The mayor did not attend. The dispute began with a vote on March 1, 2013.",
			""},
		// the date's weekday named next to it, in a past-tense clause
		{"weekday next to the date",
			"A vigil planned for Friday was cancelled. The victim was shot on March 1, 2013 near his home.",
			"2013-03-01..2013-03-07"},
		// a month-day after a full date of a year the text has left
		// behind: the text reports a later year, so no estimate
		{"history then a later year",
			"The agency was founded after the attacks of Sept. 11, 2001. Its chief resigned in 2017. Two officials were indicted on Oct. 27.",
			""},
		// the same without a later year: the month-day takes the full
		// date's year
		{"month-day after a full date",
			"The offensive began on Oct. 17, 2016. Troops reached the city on Oct. 20.",
			"2016-10-20..open"},
		// a date that names an event ("the Oct. 17, 2016, attack") sets
		// no year for the month-days after it
		{"attributive full date",
			"Police reopened the Oct. 17, 2016, attack file. Troops reached the city on Oct. 20.",
			""},
		// an attributive year ("the 2020 campaign") reports nothing
		{"attributive year is no event",
			"The offensive began on Oct. 17, 2016. The 2020 campaign manager said troops reached the city on Oct. 20.",
			"2016-10-20..open"},
		// a year put ahead bounds the publication from above
		{"future year before the tie",
			"Exports fell on Oct. 17, 2016. The plant reopened on Oct. 20. The firm will expand in 2015.",
			""},
		// a dateline's date, with a weekday after it
		{"dateline",
			"LONDON, June 4, 2017 - Ministers met on Sunday to discuss the attack.",
			"2017-06-04..2017-06-10"},
		// a day put ahead closes the range
		{"day ahead closes the range",
			"The offensive began on Oct. 17, 2016. Troops reached the city on Oct. 20. Talks will resume on Nov. 2.",
			"2016-10-20..2016-11-01"},
		{"day ahead before a weekday range",
			"The offensive began on Oct. 17, 2016. Troops reached the city on Oct. 20. On Sunday the general said talks will resume on Oct. 25.",
			"2016-10-23..2016-10-24"},
		// a full date alone in the body may be history
		{"full date alone", "The treaty was signed on June 4, 2017 in Paris.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, ok := EstimatePublication(c.text)
			got := ""
			if ok {
				hi := "open"
				if !e.Latest.IsZero() {
					hi = fmtDay(e.Latest)
				}
				got = fmtDay(e.Date) + ".." + hi
			}
			if got != c.want {
				t.Errorf("got %q, want %q (evidence %+v)", got, c.want, e.Evidence)
			}
		})
	}
}
