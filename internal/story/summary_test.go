package story

import (
	"strings"
	"testing"
	"time"
)

// briefingDocs: three outlets on one invented development. The first
// sentence of each is the same fact in different words; each outlet adds
// facts of its own.
func briefingDocs() []Doc {
	t0 := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	mk := func(id int64, outlet, title, text string, dates ...Dated) Doc {
		return Doc{ID: id, Outlet: outlet, Title: title, Text: text, Published: t0.Add(time.Duration(id) * time.Hour), Dates: dates}
	}
	a := "Government troops recaptured the port city of Marenna from rebel fighters on Sunday after a week of heavy fighting. " +
		"About 5,000 troops took part in the assault, the defence ministry said. " +
		"The rebels had held the port since March."
	b := "Rebel fighters lost the port city of Marenna to government troops on Sunday after a week of heavy fighting. " +
		"Some 4,000 troops joined the offensive, according to a military spokesman. " +
		"Aid agencies warned that thousands of civilians remain without water."
	c := "Government troops retook Marenna port from the rebel fighters on Sunday following a week of heavy fighting. " +
		"The insurgents had vowed to fight on. " +
		"The president will visit the city on Friday, his office said."
	return []Doc{
		mk(1, "Alpha", "Troops retake Marenna", a, Dated{Sentence: 0, Value: "2026-05-03"}),
		mk(2, "Beta", "Marenna falls to army", b, Dated{Sentence: 0, Value: "2026-05-03"}),
		mk(3, "Gamma", "Army back in Marenna", c, Dated{Sentence: 0, Value: "2026-05-03"}, Dated{Sentence: 2, Value: "2026-05-08"}),
	}
}

func TestSummarizeCitesEveryOutlet(t *testing.T) {
	docs := briefingDocs()
	cases := []struct {
		name string
		n    int
	}{{"one", 1}, {"four", 4}, {"more than facts", 50}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Summarize(docs, tc.n)
			if len(s) == 0 || len(s) > tc.n {
				t.Fatalf("got %d sentences for n=%d", len(s), tc.n)
			}
			// the fact all three outlets carry comes first (dated, earliest)
			if len(s[0].Outlets) != 3 || len(s[0].Citations) != 3 || s[0].Date != "2026-05-03" {
				t.Errorf("first sentence %q: outlets %v, %d citations, date %q", s[0].Text, s[0].Outlets, len(s[0].Citations), s[0].Date)
			}
			for _, x := range s {
				for _, c := range x.Citations {
					d := docs[c.Doc-1]
					if got := d.Text[c.Span.Start:c.Span.End]; !strings.Contains(got, " ") {
						t.Errorf("citation span %v of doc %d is %q", c.Span, c.Doc, got)
					}
				}
			}
			seen := map[string]bool{}
			for _, x := range s {
				if seen[x.Text] {
					t.Errorf("repeated sentence %q", x.Text)
				}
				seen[x.Text] = true
			}
		})
	}
	if Summarize(nil, 3) != nil || Summarize(docs, 0) != nil {
		t.Error("empty input or n=0 should give nil")
	}
}

func TestSummarizeOrderIndependent(t *testing.T) {
	docs := briefingDocs()
	rev := []Doc{docs[2], docs[0], docs[1]}
	a, b := Summarize(docs, 4), Summarize(rev, 4)
	if len(a) != len(b) {
		t.Fatalf("lengths %d and %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Text != b[i].Text {
			t.Errorf("sentence %d: %q vs %q", i, a[i].Text, b[i].Text)
		}
	}
}

func TestHeadline(t *testing.T) {
	docs := briefingDocs()
	cases := []struct {
		name string
		docs []Doc
		want func(string) bool
	}{
		{"titles", docs, func(h string) bool { return strings.Contains(h, "Marenna") }},
		{"no titles", func() []Doc {
			d := briefingDocs()
			for i := range d {
				d[i].Title = ""
			}
			return d
		}(), func(h string) bool { return strings.Contains(h, "Marenna") && len(strings.Fields(h)) <= 17 }},
		{"empty", nil, func(h string) bool { return h == "" }},
	}
	for _, tc := range cases {
		if h := Headline(tc.docs); !tc.want(h) {
			t.Errorf("%s: headline %q", tc.name, h)
		}
	}
}

func TestSentenceNeedsContext(t *testing.T) {
	cases := []struct {
		s              string
		quote, context bool
	}{
		{"“We are working with our partners there to do that.", true, false},
		{"the rest of the plan,” he added, without giving a date.", true, false},
		{"\"It will take months, and the fighting will be hard.", true, true},
		{"“We will win,” the minister said on Monday in the capital.", false, false},
		{"He said the offensive would begin within weeks.", false, true},
		{"But the ministry denied that any talks had taken place.", false, true},
		{"However, the ministry denied it.", false, true},
		{"Heavy rain flooded the valley on Tuesday.", false, false},
		{"• Militant group rigged city with explosives", false, false},
	}
	for _, c := range cases {
		if got := partOfQuote(c.s); got != c.quote {
			t.Errorf("partOfQuote(%q) = %v, want %v", c.s, got, c.quote)
		}
		if got := leansOnContext(c.s); got != c.context {
			t.Errorf("leansOnContext(%q) = %v, want %v", c.s, got, c.context)
		}
	}
}
