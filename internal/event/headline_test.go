package event

import (
	"strings"
	"testing"
	"time"
)

// TestHeadline codes titles with headline grammar: the present simple
// tells a happening, "to" + verb a future one, "X:" a speaker, Title Case
// no names.
func TestHeadline(t *testing.T) {
	cases := []struct {
		title string
		// want: verb/TYPE/status of the main event, source and target
		// names ("" none); empty verb: no event
		verb, typ, status, src, tgt string
	}{
		{"{Valdonian:VDNMIL} troops shell <Korsk>", "shell", "ASSAULT", Asserted, "Valdonian", "Korsk"},
		{"{Valdonia:VDN} to withdraw troops from <Korsk>", "withdraw", "", Future, "Valdonia", ""},
		{"{Valdonian:VDNMIL} forces to attack <Korsk> and <Lemberg>", "attack", "ASSAULT", Future, "Valdonian", "Korsk"},
		{"{Valdonia:VDN} Sends Troops To Help {Osteria:OST}", "Help", "AID", Asserted, "", "Osteria"},
		{"{Valdonian:VDNGOV} Minister Meets {Osterian:OSTGOV} Envoy In <Korsk>", "Meets", "CONSULT", Asserted, "Valdonian", "Osterian"},
		{"{Orlov:VDNGOV}: Army Will Attack <Korsk> Within Weeks", "Attack", "ASSAULT", Future, "", "Korsk"},
		{"{Orlov:VDNGOV}: We Will Attack <Korsk>", "Attack", "ASSAULT", Future, "Orlov", "Korsk"},
		{"{Orlov:VDNGOV} denies shelling <Korsk>", "shelling", "ASSAULT", Negated, "Orlov", "Korsk"},
		{"{Orlov:VDNGOV} urges {Osteria:OST} to free prisoners", "free", "", Urged, "", ""},
		{"{Orlov:VDNGOV}: ‘We will attack <Korsk>’", "attack", "ASSAULT", Future, "Orlov", "Korsk"},
		// the closing quote mark ends the clause for the coder, in text
		// as in headlines: no target yet
		{"{Orlov:VDNGOV} says army “will attack” <Korsk>", "attack", "ASSAULT", Future, "", ""},
		{"Storm batters coast as markets fall", "", "", "", "", ""},
	}
	for _, tc := range cases {
		s := sent(t, tc.title)
		s.Headline, s.Index = true, HeadlineIndex
		evs := NewCoder().Code(s, nil)
		if tc.verb == "" {
			for _, e := range evs {
				if e.Source.Actor != 0 || e.Target.Actor != 0 {
					t.Errorf("%q: unexpected event %v", tc.title, verbsOf(evs))
				}
			}
			continue
		}
		var e *Event
		for i := range evs {
			if evs[i].Verb == tc.verb {
				e = &evs[i]
				break
			}
		}
		if e == nil {
			t.Errorf("%q: no event %q in %v", tc.title, tc.verb, verbsOf(evs))
			continue
		}
		if tc.typ != "" && e.Type != tc.typ || e.Status != tc.status {
			t.Errorf("%q: %s/%s/%s, want %s/%s", tc.title, e.Verb, e.Type, e.Status, tc.typ, tc.status)
		}
		if tc.src != "" && !strings.Contains(e.Source.Text, tc.src) {
			t.Errorf("%q: source %q, want %q", tc.title, e.Source.Text, tc.src)
		}
		if tc.tgt != "" && !strings.Contains(e.Target.Text, tc.tgt) {
			t.Errorf("%q: target %q, want %q", tc.title, e.Target.Text, tc.tgt)
		}
		if e.Sentence != HeadlineIndex {
			t.Errorf("%q: sentence %d", tc.title, e.Sentence)
		}
	}
}

// headlineReport codes a marked title as the headline of an article.
func headlineReport(t *testing.T, article int64, outlet string, day int, marked string) []Mention {
	t.Helper()
	s := sent(t, marked)
	s.Headline, s.Index, s.Estimated = true, HeadlineIndex, true
	s.Published = time.Date(2016, 10, day, 12, 0, 0, 0, time.UTC)
	var out []Mention
	for _, e := range NewCoder().Code(s, nil) {
		out = append(out, Mention{Event: e, Article: article, Outlet: outlet, Published: s.Published, Text: s.Text})
	}
	return out
}

// TestMergeHeadline: a headline and the sentence of its article that
// tells the same happening are one happening with two mentions, the text's
// first (it has the date); a headline telling another happening, or the
// same verb as a plan, stays apart.
func TestMergeHeadline(t *testing.T) {
	cases := []struct {
		name       string
		headline   string
		body       string
		happenings int
	}{
		{"present simple, body two days before", "{Valdonian:VDNMIL} troops shell <Korsk>",
			"{Valdonian:VDNMIL} artillery shelled <Korsk> [on Sunday=2016-10-23], residents said.", 1},
		{"to+verb is the announced plan", "{Valdonia:VDN} to attack <Korsk>",
			"{Valdonia:VDN} will attack <Korsk> [next week=2016-W44], the minister said.", 1},
		{"a plan is not the happening", "{Valdonia:VDN} to attack <Korsk>",
			"{Valdonian:VDN} troops attacked <Korsk> [on Sunday=2016-10-23].", 2},
		{"another place", "{Valdonian:VDNMIL} troops shell <Lemberg>",
			"{Valdonian:VDNMIL} artillery shelled <Korsk> [on Sunday=2016-10-23].", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ms := headlineReport(t, 7, "Herald", 25, tc.headline)
			if len(ms) != 1 {
				t.Fatalf("headline: %d events %v", len(ms), verbsOf(eventsOf(ms)))
			}
			body := report(t, 7, "Herald", 25, tc.body)
			for i := range body {
				body[i].Sentence = 3
			}
			ms = append(ms, body...)
			hs := Merge(ms)
			if len(hs) != tc.happenings {
				t.Fatalf("%d happenings, want %d", len(hs), tc.happenings)
			}
			if tc.happenings == 1 {
				h := hs[0]
				if len(h.Mentions) != 2 || h.Articles != 1 {
					t.Errorf("mentions %d articles %d, want 2 and 1", len(h.Mentions), h.Articles)
				}
				if h.First.Sentence != 3 || h.Estimated {
					t.Errorf("first report sentence %d, date %s estimated %v: want the text's sentence and date", h.First.Sentence, h.Date, h.Estimated)
				}
			}
		})
	}
}

func eventsOf(ms []Mention) []Event {
	out := make([]Event, len(ms))
	for i := range ms {
		out[i] = ms[i].Event
	}
	return out
}
