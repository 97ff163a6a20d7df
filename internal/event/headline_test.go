package event

import (
	"strings"
	"testing"
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
