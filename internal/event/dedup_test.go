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

// at numbers the mentions of one article's sentence: report leaves every
// sentence at index 0.
func at(sentence int, ms []Mention) []Mention {
	for i := range ms {
		ms[i].Sentence = sentence
	}
	return ms
}

// TestMergeOneAnnouncementTwoOutlets: one minister's announcement told by
// two outlets in different words — another verb form, the places in
// another order, one naming the country too — is one happening with a
// mention from each; a different announcement of his (another city) and
// the operations asserted as done stay apart. Sentences written for the
// test.
func TestMergeOneAnnouncementTwoOutlets(t *testing.T) {
	var ms []Mention
	ms = append(ms, at(0, report(t, 1, "AFP", 23, "{Iraqi Defence Minister Khalid Obeidi:IRQGOV} said his forces will carry out operations in <Tal Afar> and <Hawija> simultaneously."))...)
	ms = append(ms, at(4, report(t, 1, "AFP", 23, "{Khalid Obeidi:IRQGOV} carried out operations in <Hawija> and <Tal Afar>."))...)
	ms = append(ms, at(0, report(t, 2, "Reuters", 23, "{Khalid Obeidi:IRQGOV} announced that troops would be carrying out operations in <Hawija>, {Iraq:IRQ}, and <Tal Afar> at the same time."))...)
	ms = append(ms, at(3, report(t, 2, "Reuters", 23, "{Khalid Obeidi:IRQGOV} said the army will carry out operations in <Basra>."))...)
	if len(ms) != 4 {
		t.Fatalf("coded %d events, want 4: %+v", len(ms), ms)
	}
	hs := Merge(ms)
	if len(hs) != 3 {
		for _, h := range hs {
			t.Logf("%s %s → %s at %v: %d mentions", h.Verb, h.Status, h.Target.Name, h.Place, len(h.Mentions))
		}
		t.Fatalf("%d happenings, want 3 (the announcement; the deed; the Basra announcement)", len(hs))
	}
	for _, h := range hs {
		want := 1
		if h.Status == Future && h.Target.Name != "Basra" {
			want = 2
		}
		if h.Sources != want || len(h.Mentions) != want {
			t.Errorf("%q (%s → %s): %d mentions from %d outlets, want %d", h.Verb, h.Status, h.Target.Name, len(h.Mentions), h.Sources, want)
		}
	}
}

// TestMergeNeverJoinsOneSentence: two events coded from one sentence are
// two happenings even when they look alike; the same event from another
// sentence of the article joins.
func TestMergeNeverJoinsOneSentence(t *testing.T) {
	e := Event{Type: "ASSAULT", Status: Asserted, Source: Party{Text: "the army", Name: "army", Actor: 1}, Target: Party{Text: "Kirkuk", Name: "Kirkuk", GeonamesID: 7},
		Date: "2016-10-21", Precision: PrecisionDay}
	ms := []Mention{{Event: e, Article: 1}, {Event: e, Article: 1}, {Event: e, Article: 1}}
	ms[0].Sentence, ms[1].Sentence, ms[2].Sentence = 2, 2, 5
	ms[1].VerbAt = Span{10, 16}
	hs := Merge(ms)
	if len(hs) != 2 || len(hs[0].Mentions) != 2 || len(hs[1].Mentions) != 1 {
		t.Fatalf("%d happenings, want 2 (sentences 2 and 5; sentence 2's second event)", len(hs))
	}
	if hs[0].Mentions[0].Sentence == hs[0].Mentions[1].Sentence {
		t.Errorf("one happening holds two events of sentence %d", hs[0].Mentions[0].Sentence)
	}
}

// TestSameOverlapAndStatus: the rules of Same one by one, on events built
// by hand.
func TestSameOverlapAndStatus(t *testing.T) {
	minister := Party{Text: "Obeidi", Name: "Khalid Obeidi", Actor: 1, Code: "IRQGOV"}
	city := func(name string, id uint32) Party {
		return Party{Text: name, Name: name, GeonamesID: id, country: "IQ"}
	}
	hawija, talAfar, basra := city("Hawija", 11), city("Tal Afar", 12), city("Basra", 13)
	iraq := Party{Text: "Iraq", Name: "Iraq", Actor: 2, Code: "IRQ"}
	iraqGov := Party{Text: "Baghdad", Name: "Iraqi government", Actor: 3, Code: "IRQGOV"}
	place := func(p Party) *Place {
		return &Place{Name: p.Name, GeonamesID: p.GeonamesID, Country: "IQ", Stated: true}
	}
	ev := func(status string, tgts ...Party) Event {
		e := Event{Type: "COOPERATE", Status: status, Source: minister, Date: "2016-10-23", Precision: PrecisionDay}
		if len(tgts) > 0 {
			e.Target, e.Place = tgts[0], place(tgts[0])
			if len(tgts) > 1 {
				e.AllTargets = tgts
			}
		}
		return e
	}
	at := func(e Event, p Party) Event { e.Place = place(p); return e }
	tests := []struct {
		name string
		a, b Event
		want bool
	}{
		{"one target list in another order", ev(Future, talAfar, hawija), ev(Future, hawija, iraq, talAfar), true},
		{"a city and the city with its country", ev(Asserted, hawija), at(ev(Asserted, iraq, hawija), hawija), true},
		{"a city inside the country named alone", ev(Asserted, hawija), at(ev(Asserted, iraq), hawija), true},
		{"a city is not the country's government", ev(Asserted, hawija), at(ev(Asserted, iraqGov), hawija), false},
		{"another city", ev(Future, hawija, talAfar), ev(Future, basra), false},
		{"lists that share a city but are placed apart", ev(Asserted, hawija), at(ev(Asserted, basra, hawija), talAfar), false},
		{"announced and done", ev(Future, hawija), ev(Asserted, hawija), false},
		{"announced and denied", ev(Negated, hawija), ev(Asserted, hawija), false},
		{"will and could", ev(Future, hawija), ev(Hypothetical, hawija), true},
		{"will and urged to", ev(Future, hawija), ev(Urged, hawija), true},
		{"another type", ev(Asserted, hawija), func() Event { e := ev(Asserted, hawija); e.Type = "ASSAULT"; return e }(), false},
		{"another CAMEO code of the type", ev(Asserted, hawija), func() Event { e := ev(Asserted, hawija); e.Cameo = "061"; return e }(), true},
		{"a week later", ev(Asserted, hawija), func() Event { e := ev(Asserted, hawija); e.Date = "2016-10-30"; return e }(), false},
		{"another source", ev(Asserted, hawija), func() Event { e := ev(Asserted, hawija); e.Source = iraqGov; e.Source.Actor = 4; return e }(), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Same(&tc.a, &tc.b); got != tc.want {
				t.Errorf("Same = %v, want %v", got, tc.want)
			}
			if got := Same(&tc.b, &tc.a); got != tc.want {
				t.Errorf("Same (swapped) = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestISO3(t *testing.T) {
	for in, want := range map[string]string{"IQ": "IRQ", "sy": "SYR", "US": "USA", "": "", "I": "", "IRQ": "", "1Q": "", "Q!": ""} {
		if got := iso3(in); got != want {
			t.Errorf("iso3(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMergeSentencePairsByVerb: when one sentence codes two alike events
// ("dug trenches and rigged roads"), the one told with the verb of an
// earlier report joins it and the other stands apart, whatever their
// order in the sentence. Sentences written for the test.
func TestMergeSentencePairsByVerb(t *testing.T) {
	var ms []Mention
	ms = append(ms, at(0, report(t, 1, "AP", 21, "{Islamic State:IMGISI} rigged buildings with explosives."))...)
	ms = append(ms, at(3, report(t, 1, "AP", 21, "{Islamic State:IMGISI} has dug trenches and rigged roads with explosives."))...)
	if len(ms) != 3 {
		t.Fatalf("coded %v, want rigged; dug, rigged", verbsOfMentions(ms))
	}
	hs := Merge(ms)
	if len(hs) != 2 {
		t.Fatalf("%d happenings, want 2", len(hs))
	}
	for _, h := range hs {
		for _, m := range h.Mentions {
			if m.Verb != h.First.Verb {
				t.Errorf("%q joined the happening first told as %q", m.Verb, h.First.Verb)
			}
		}
	}
}

func verbsOfMentions(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Verb+"/"+m.Type)
	}
	return out
}

// TestISO3CAMEO: a place's country meets a country actor's CAMEO code,
// including the countries whose CAMEO code is not ISO alpha-3.
func TestISO3CAMEO(t *testing.T) {
	for a2, want := range map[string]string{"IQ": "IRQ", "XK": "KSV", "TL": "TMP", "RS": "SRB", "": "", "I": ""} {
		if got := iso3(a2); got != want {
			t.Errorf("iso3(%q) = %q, want %q", a2, got, want)
		}
	}
}
