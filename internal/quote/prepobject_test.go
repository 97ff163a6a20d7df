package quote

import (
	"strings"
	"testing"
)

// mentionsOf marks each given name (first occurrence) as a PER mention.
func mentionsOf(text string, names ...string) []Mention {
	var ms []Mention
	for _, n := range names {
		if i := strings.Index(text, n); i >= 0 {
			ms = append(ms, Mention{Start: i, End: i + len(n), Type: "PER"})
		}
	}
	return ms
}

// TestSpeakerNotPrepObject: a name in the object of a preposition after a
// common-noun head is not the speaker; a capitalised head or an
// apposition after a comma still names it.
func TestSpeakerNotPrepObject(t *testing.T) {
	cases := []struct {
		name, text string
		people     []string
		content    string
		speaker    string // "" : must not be any of people
	}{
		{"spokeswoman in a place the caller did not mark",
			"A trade ministry spokeswoman in Lincoln said the tariffs would be reviewed.",
			[]string{}, "the tariffs would be reviewed", ""},
		{"spokeswoman in a place typed as a person",
			"A trade ministry spokeswoman in Lincoln said the tariffs would be reviewed.",
			[]string{"Lincoln"}, "the tariffs would be reviewed", ""},
		{"spokesman for a named person",
			"A spokesman for Mr. Lee said the vote would be delayed.",
			[]string{"Lee"}, "the vote would be delayed", ""},
		{"apposition after the prepositional phrase",
			"A professor at Linden College, Omar Haddad, said the study was flawed.",
			[]string{"Omar Haddad"}, "the study was flawed", "Omar Haddad"},
		{"capitalised head keeps its phrase",
			"Minister of Finance Petra Novak said the budget was balanced.",
			[]string{"Petra Novak"}, "the budget was balanced", "Petra Novak"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Extract(c.text, nil, mentionsOf(c.text, c.people...))
			var q *Quote
			for i := range got {
				if strings.Contains(got[i].Text, c.content) {
					q = &got[i]
				}
			}
			if q == nil {
				t.Fatalf("no quote holding %q: %s", c.content, dump(got))
			}
			if q.SpeakerResolved {
				if sp := c.text[q.SpeakerStart:q.SpeakerEnd]; c.speaker == "" && strings.Contains(sp, "Lincoln") {
					t.Errorf("speaker span %q holds the preposition's object", sp)
				}
				for _, p := range c.people {
					if sp := c.text[q.SpeakerStart:q.SpeakerEnd]; c.speaker == "" && strings.Contains(sp, p) {
						t.Errorf("speaker span %q holds the preposition's object %q", sp, p)
					}
				}
			}
			if c.speaker != "" {
				if !strings.Contains(q.Speaker, c.speaker) {
					t.Errorf("speaker %q, want %q", q.Speaker, c.speaker)
				}
				return
			}
			for _, p := range c.people {
				if strings.Contains(q.Speaker, p) && !strings.Contains(q.Speaker, " ") {
					t.Errorf("speaker %q is the preposition's object %q", q.Speaker, p)
				}
				if q.Speaker == p {
					t.Errorf("speaker %q is the preposition's object", q.Speaker)
				}
			}
		})
	}
}

// TestShowUpIsNoCue: "showed up" is attendance, not a claim; "polls show
// that" still is one.
func TestShowUpIsNoCue(t *testing.T) {
	for _, s := range []string{
		"Nearly 9,000 people showed up for the rally in the park on Friday.",
		"The veterans showed off their medals at the parade.",
	} {
		if got := Extract(s, nil, nil); len(got) > 0 {
			t.Errorf("%q: quotes %s", s, dump(got))
		}
	}
	s := "New polls show that the mayor is losing support among young voters."
	if got := Extract(s, nil, nil); len(got) == 0 {
		t.Errorf("%q: no quote", s)
	}
}

// TestStatementIssuer: "X issued a statement saying …": X says it.
func TestStatementIssuer(t *testing.T) {
	cases := []struct{ text, content, source string }{
		{"Her campaign issued a statement saying the ads were misleading.", "the ads were misleading", "Her campaign"},
		{"The ministry put out a statement on Monday saying the border would stay open.", "the border would stay open", "The ministry"},
		{"Senator Ruth Aldana released a brief letter saying she would resign.", "she would resign", "Senator Ruth Aldana"},
	}
	for _, c := range cases {
		got := Extract(c.text, nil, nil)
		var q *Quote
		for i := range got {
			if strings.Contains(got[i].Text, c.content) {
				q = &got[i]
			}
		}
		if q == nil {
			t.Errorf("%q: no quote holding %q: %s", c.text, c.content, dump(got))
			continue
		}
		if q.Source != c.source {
			t.Errorf("%q: source %q, want %q", c.text, q.Source, c.source)
		}
	}
}
