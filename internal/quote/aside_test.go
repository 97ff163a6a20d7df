package quote

import (
	"strings"
	"testing"
)

// TestSpeakerAside: an aside between a subject and its speech verb — a
// participial phrase, a prepositional phrase, a relative clause — says how
// or where the subject spoke; a name inside it is not the speaker. An
// apposition ("X, a spokesman for Y, said") still names the speaker.
func TestSpeakerAside(t *testing.T) {
	cases := []struct {
		name, text string
		people     []string
		content    string
		source     string // the source span, as written
		notSpeaker string // a name the speaker must not be
	}{
		{"participle", "The governor, standing beside Mayor Lena Ortiz, said the bridge would reopen in May.",
			[]string{"Lena Ortiz"}, "the bridge would reopen", "The governor", "Lena Ortiz"},
		{"past participle", "The minister, flanked by General Piet Mol, said the troops would stay.",
			[]string{"Piet Mol"}, "the troops would stay", "The minister", "Piet Mol"},
		{"participle after a name", "Mr. Halvorsen, speaking to reporters in Oslo, said the talks had stalled.",
			[]string{"Halvorsen", "Oslo"}, "the talks had stalled", "Mr. Halvorsen", "Oslo"},
		{"relative clause", "The senator, who met Tomas Brandt on Monday, said the deal was dead.",
			[]string{"Tomas Brandt"}, "the deal was dead", "The senator", "Tomas Brandt"},
		{"prepositional phrase", "The president, in a call with Chancellor Ida Berg, said trade was fair.",
			[]string{"Ida Berg"}, "trade was fair", "The president", "Ida Berg"},
		{"a title after a source that is no person", "Five sites are under review, according to the Daily Ledger. " +
			"The president, sitting beside Chancellor Ida Berg, said the summit would go ahead.",
			[]string{"Ida Berg"}, "the summit would go ahead", "The president", "the Daily Ledger"},
		{"apposition stays", "Nick Arden, a spokesman for Mrs. Vale, said the vote would go ahead.",
			[]string{"Nick Arden", "Vale"}, "the vote would go ahead", "Nick Arden, a spokesman for Mrs. Vale", "Vale"},
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
			if q.Source != c.source {
				t.Errorf("source %q, want %q", q.Source, c.source)
			}
			if q.Speaker == c.notSpeaker || strings.Contains(q.Speaker, "Ida Berg") {
				t.Errorf("speaker %q is not the subject", q.Speaker)
			}
		})
	}
}
