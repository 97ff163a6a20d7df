package event

import (
	"testing"
	"time"
)

// report codes a marked sentence as a mention from an outlet; actors keep
// the ids sent gives them, so the same actor in two reports must be
// written first in both.
func report(t *testing.T, article int64, outlet string, day int, marked string) []Mention {
	t.Helper()
	s := sent(t, marked)
	s.Published = time.Date(2016, 10, day, 12, 0, 0, 0, time.UTC)
	var out []Mention
	for _, e := range NewCoder().Code(s, nil) {
		out = append(out, Mention{Event: e, Article: article, Outlet: outlet, Published: s.Published, Text: s.Text})
	}
	return out
}

func TestMergeSameHappening(t *testing.T) {
	var ms []Mention
	ms = append(ms, report(t, 2, "AP", 21, "{Carter:USAGOV} warned {Islamic State:IMGISI} that the coalition would strike [on Friday=2016-10-21].")...)
	ms = append(ms, report(t, 1, "AFP", 21, "{U.S. Defense Secretary Ash Carter:USAGOV} warned {the jihadists:IMGISI} on Friday.")...)
	ms = append(ms, report(t, 3, "Reuters", 22, "{Carter:USAGOV} warned {IS:IMGISI} [late on Friday=2016-10-21].")...)
	hs := Merge(ms)
	var warn []Happening
	for _, h := range hs {
		if h.Type == "THREATEN" {
			warn = append(warn, h)
		}
	}
	if len(warn) != 1 {
		t.Fatalf("%d THREATEN happenings, want 1: %+v", len(warn), hs)
	}
	h := warn[0]
	if len(h.Mentions) != 3 || h.Articles != 3 || h.Sources != 3 {
		t.Errorf("mentions %d articles %d sources %d, want 3 each", len(h.Mentions), h.Articles, h.Sources)
	}
	if h.First.Outlet != "AFP" && h.First.Outlet != "AP" {
		t.Errorf("first report from %s, want one of the day-21 reports", h.First.Outlet)
	}
	if h.First.Article != 1 {
		t.Errorf("first report: article %d, want 1 (same time, lower id)", h.First.Article)
	}
}

func TestMergeKeepsDifferentHappeningsApart(t *testing.T) {
	var ms []Mention
	// the same verb and actors three months apart are two happenings
	ms = append(ms, report(t, 1, "AP", 20, "{Carter:USAGOV} visited <Baghdad> [on Monday=2016-07-11].")...)
	ms = append(ms, report(t, 2, "AFP", 21, "{Carter:USAGOV} visited <Baghdad> [on Friday=2016-10-21].")...)
	// a different target
	ms = append(ms, report(t, 3, "AFP", 21, "{Carter:USAGOV} visited <Erbil> [on Friday=2016-10-21].")...)
	// a plan is not the happening
	ms = append(ms, report(t, 4, "dpa", 21, "{Carter:USAGOV} will visit <Baghdad> [on Friday=2016-10-21].")...)
	hs := Merge(ms)
	if len(hs) != 4 {
		t.Errorf("%d happenings, want 4", len(hs))
		for _, h := range hs {
			t.Logf("%s %s %s %s %d", h.Verb, h.Target.Name, h.Date, h.Status, len(h.Mentions))
		}
	}
}

func TestMergeKeepsDisagreements(t *testing.T) {
	var ms []Mention
	ms = append(ms, report(t, 1, "AP", 21, "{Militants:IMGISI} bombed a market in <Baghdad>, killing 12 people.")...)
	ms = append(ms, report(t, 2, "Reuters", 21, "{Militants:IMGISI} bombed a market in <Baghdad>, killing 14 people.")...)
	hs := Merge(ms)
	if len(hs) != 1 {
		t.Fatalf("%d happenings, want 1", len(hs))
	}
	d := hs[0].Disagreements["killed"]
	if d["AP"] != "12" || d["Reuters"] != "14" {
		t.Errorf("killed by outlet %v", d)
	}
	if hs[0].Quant.Killed != 12 {
		t.Errorf("killed %d, want the first report's 12", hs[0].Quant.Killed)
	}
}

func TestTolerance(t *testing.T) {
	a := Event{Type: "ASSAULT", Status: Asserted, Source: Party{Text: "x", Actor: 1}, Date: "2016-10-21", Precision: PrecisionDay}
	b := a
	b.Date = "2016-10-22"
	if !Same(&a, &b) {
		t.Error("a day apart: not the same")
	}
	b.Date = "2016-10-24"
	if Same(&a, &b) {
		t.Error("three days apart, both stated: the same")
	}
	b.Estimated = true
	if !Same(&a, &b) {
		t.Error("three days apart, one estimated (±3 days): not the same")
	}
	b = a
	b.Date, b.Precision = "2016-10", PrecisionMonth
	if !Same(&a, &b) {
		t.Error("a day inside a month: not the same")
	}
}

// TestMergeStatements: one statement carried by two outlets is one
// happening with a mention from each; another statement of the same
// speaker in one of the articles, with another verb and no addressee,
// stays apart.
func TestMergeStatements(t *testing.T) {
	var ms []Mention
	ms = append(ms, report(t, 1, "AFP", 23, "{Blinken:USAGOV} urged {Israel:ISR} to let more aid into <Gaza>.")...)
	ms = append(ms, report(t, 1, "AFP", 23, "{Blinken:USAGOV} also demanded more time for the talks.")...)
	ms = append(ms, report(t, 2, "AP", 23, "{Blinken:USAGOV} on Monday urged {Israel:ISR} to allow more aid into <Gaza>.")...)
	var req []Happening
	for _, h := range Merge(ms) {
		if h.Type == "REQUEST" && h.Source.Code == "USAGOV" && !h.Embedded {
			req = append(req, h)
		}
	}
	if len(req) != 2 {
		t.Fatalf("%d REQUEST happenings of the speaker, want 2 (the appeal to Israel; the demand for time)", len(req))
	}
	for _, h := range req {
		switch h.Verb {
		case "urged":
			if h.Sources != 2 || h.Articles != 2 {
				t.Errorf("the appeal: %d outlets, %d articles, want 2 and 2", h.Sources, h.Articles)
			}
		default:
			if len(h.Mentions) != 1 {
				t.Errorf("%q joined %d mentions, want 1", h.Verb, len(h.Mentions))
			}
		}
	}
}
