package quote

import (
	"strings"
	"testing"
)

// got is one extracted quote reduced to what these tests check.
type got struct{ text, cue, source string }

// TestSecondAttribution checks that a content does not swallow a second
// attribution that follows it in the same sentence, and the cue and
// speaker forms added with that work.
func TestSecondAttribution(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []got
	}{
		{"coordinated speech verb after a stance verb",
			"The mayor rejected the claim that the budget was late and said that the audit would clear her office.",
			[]got{{"the claim that the budget was late", "rejected", "The mayor"},
				{"that the audit would clear her office", "said", "The mayor"}}},
		{"second speaker with a numeric subject after a comma and a link",
			"About 40 percent said they trusted the council, and more than 3 in 10 said the mayor should resign.",
			[]got{{"they trusted the council", "said", "40 percent"},
				{"the mayor should resign", "said", "3 in 10"}}},
		{"second speaker after a semicolon",
			"Half of the members said they backed the plan; 30 percent said they were undecided.",
			[]got{{"they backed the plan", "said", "Half of the members"},
				{"they were undecided", "said", "30 percent"}}},
		{"second speaker in a comparison",
			"Some 60 percent say they like the mayor, compared with 30 percent who say the same of her rival.",
			[]got{{"they like the mayor", "say", "Some 60 percent"},
				{"the same of her rival", "say", "who"}}},
		{"participle after a quote that ends with a comma",
			"The governor said that “nobody else can fix the roads,” adding that the council “keeps blocking us.”",
			[]got{{"that “nobody else can fix the roads,”", "said", "The governor"},
				{"that the council “keeps blocking us.”", "adding", "The governor"}}},
		{"appositive after an inverted speaker is no content",
			"“We will not close the library,” said Maria Lopez, a councillor from the east ward.",
			[]got{{"“We will not close the library,”", "said", "Maria Lopez"}}},
		{"speaker named before a long description",
			"Tom Baker, 54, a retired teacher from Leeds, said the new school would be too far away.",
			[]got{{"the new school would be too far away", "said", "Tom Baker, 54, a retired teacher from Leeds"}}},
		{"inverted speaker at the end of the sentence",
			"The new rules are too strict, said Smith’s lawyer.",
			[]got{{"The new rules are too strict", "said", "Smith’s lawyer"}}},
		{"speech verb with an object rather than a clause",
			"The senator never mentioned the pipeline by name.",
			[]got{{"the pipeline by name", "mentioned", "The senator"}}},
		{"negated auxiliary between speaker and verb",
			"Ms. Grant doesn't want to debate the sheriff again.",
			[]got{{"to debate the sheriff again", "want", "Ms. Grant"}}},
		{"quantifier as speaker",
			"Some say the festival has grown too expensive.",
			[]got{{"the festival has grown too expensive", "say", "Some"}}},
		{"time phrase between the cue and its content",
			"The harbour master said on Friday the cranes would arrive in May.",
			[]got{{"the cranes would arrive in May", "said", "The harbour master"}}},
		{"listed stance verb after a plain noun phrase",
			"The crowd booed the referee after the final whistle.",
			[]got{{"the referee after the final whistle", "booed", "The crowd"}}},
		{"sentence break after an abbreviation",
			"The officials toured the harbour in the U.S. They said the port needed new cranes.",
			[]got{{"the port needed new cranes", "said", "They"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := Extract(c.text, nil, nil)
			var have []got
			for _, q := range qs {
				have = append(have, got{q.Text, q.Cue, q.Source})
			}
			for _, w := range c.want {
				found := false
				for _, h := range have {
					if h.text == w.text && h.cue == w.cue && (w.source == "" || h.source == w.source) {
						found = true
					}
				}
				if !found {
					t.Errorf("missing %+v; got %+v", w, have)
				}
			}
			for _, h := range have {
				for _, w := range c.want {
					if h.text != w.text && overlapsText(h.text, w.text) {
						t.Errorf("quote %q runs into expected %q", h.text, w.text)
					}
				}
			}
		})
	}
}

// TestNoInversionBeforeAVerb checks that a noun phrase after "said" that
// goes on with a verb is read as the content's subject, not as an inverted
// speaker of the words before the cue.
func TestNoInversionBeforeAVerb(t *testing.T) {
	text := "One of the authors of that report, Ann Lee, said Smith’s nomination will test their conclusions."
	for _, q := range Extract(text, nil, nil) {
		if q.Cue == "said" && strings.Contains(q.Source, "nomination") {
			t.Errorf("inverted speaker %q for %q", q.Source, q.Text)
		}
	}
}

// overlapsText reports whether a quote text holds all of another, longer
// than it: a content that swallowed a second attribution.
func overlapsText(a, b string) bool {
	return len(a) > len(b) && strings.Contains(a, b)
}
