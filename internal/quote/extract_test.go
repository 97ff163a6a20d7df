package quote

import (
	"strings"
	"testing"
)

// want describes one expected quote: a substring of its content, its kind,
// its source as written, and its resolved speaker ("" = unresolved).
type want struct {
	content, kind, source, speaker string
	resolved                       bool
}

func TestExtract(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []want
	}{
		{"curly double quotes, trailing cue",
			"The mayor spoke on Sunday.\n\n“We will rebuild the bridge,” Mayor Anne Hidalgo said.",
			[]want{{"We will rebuild the bridge", Direct, "Mayor Anne Hidalgo", "Anne Hidalgo", true}}},
		{"straight double quotes, inversion",
			`"The economy has moved sideways," said Maury Obstfeld.`,
			[]want{{"The economy has moved sideways", Direct, "Maury Obstfeld", "Maury Obstfeld", true}}},
		{"single curly quotes",
			"‘We are ready for a fight,’ the union leader told reporters.",
			[]want{{"We are ready for a fight", Direct, "the union leader", "the union leader", true}}},
		{"guillemets",
			"Emmanuel Macron said: «Nous sommes en guerre.»",
			[]want{{"Nous sommes en guerre", Direct, "Emmanuel Macron", "Emmanuel Macron", true}}},
		{"German low-high quotes",
			"„Wir schaffen das“, sagte sie. Angela Merkel added: „Wir haben so vieles geschafft.“",
			[]want{{"Wir haben so vieles geschafft", Direct, "Angela Merkel", "Angela Merkel", true}}},
		{"NYT double apostrophes",
			"''Tell that to the janitor,'' Mr. Biden said.",
			[]want{{"Tell that to the janitor", Direct, "Mr. Biden", "Biden", true}}},
		{"indirect with that",
			"Senator Elizabeth Warren said on Monday that the bill would hurt working families.",
			[]want{{"that the bill would hurt working families", Indirect, "Senator Elizabeth Warren", "Elizabeth Warren", true}}},
		{"indirect without that",
			"Mr. Obama said he planned to stay active in fighting climate change.",
			[]want{{"he planned to stay active", Indirect, "Mr. Obama", "Obama", true}}},
		{"according to, sentence final",
			"The deal was signed in secret, according to two officials familiar with the talks.",
			[]want{{"The deal was signed in secret", Indirect, "two officials familiar with the talks", "two officials familiar with the talks", true}}},
		{"according to, sentence initial",
			"According to the Congressional Budget Office, the plan would cost $2 trillion.",
			[]want{{"the plan would cost $2 trillion", Indirect, "the Congressional Budget Office", "the Congressional Budget Office", true}}},
		{"warned",
			"The International Monetary Fund warned that growth would slow next year.",
			[]want{{"that growth would slow next year", Indirect, "The International Monetary Fund", "The International Monetary Fund", true}}},
		{"told reporters",
			"Donald Trump told reporters that the wall would be built.",
			[]want{{"that the wall would be built", Indirect, "Donald Trump", "Donald Trump", true}}},
		{"trailing indirect with anonymous source",
			"A campaign operative decided to change course, a source said.",
			[]want{{"A campaign operative decided to change course", Indirect, "a source", "a source", true}}},
		{"partial quote inside a sentence",
			"Hillary Clinton said Donald Trump was a “proven failure” in business.",
			[]want{{"Donald Trump was a “proven failure” in business", Mixed, "Hillary Clinton", "Hillary Clinton", true}}},
		{"mixed: quote, cue, adding quote",
			"“We will win,” Bernie Sanders said, adding: “The people are with us.”",
			[]want{{"We will win", Direct, "Bernie Sanders", "Bernie Sanders", true}}},
		{"interrupted quote keeps both parts",
			"“If he thinks that makes him smart,” the narrator says, “what does he think of you?”",
			[]want{{"what does he think of you?", Direct, "the narrator", "the narrator", true}}},
		{"pronoun resolved to the previous named person",
			"Rudy Giuliani spoke to supporters in Ohio on Tuesday.\n\n“The election is rigged,” he said.",
			[]want{{"The election is rigged", Direct, "he", "Rudy Giuliani", true}}},
		{"pronoun resolved by gender",
			"Hillary Clinton met Tim Kaine in Philadelphia.\n\n“We are stronger together,” she said.",
			[]want{{"We are stronger together", Direct, "she", "Hillary Clinton", true}}},
		{"pronoun unresolved",
			"“It is a disgrace,” he said.",
			[]want{{"It is a disgrace", Direct, "he", "he", false}}},
		{"quote spanning paragraphs",
			"John Kasich said:\n\n“I’m getting ready to rent a covered wagon.\n\n“We’re going to have the wind blow us over the Rocky Mountains.”",
			[]want{{"Rocky Mountains", Direct, "John Kasich", "John Kasich", true}}},
		{"multi-sentence quote then a continuation sentence",
			"“The world economy has moved sideways. Growth is weak,” IMF chief economist Maury Obstfeld said. “Without action, sub-par growth risks perpetuating itself.”",
			[]want{{"Growth is weak", Direct, "IMF chief economist Maury Obstfeld", "Maury Obstfeld", true}}},
		{"appositive speaker",
			"Nick Merrill, a spokesman for Mrs. Clinton, said that the focus of her campaign was wages.",
			[]want{{"that the focus of her campaign was wages", Indirect, "Nick Merrill, a spokesman for Mrs. Clinton", "Nick Merrill", true}}},
		{"who as speaker",
			"The bill was drafted by Paul Ryan, who said it would pass easily.",
			[]want{{"it would pass easily", Indirect, "who", "Paul Ryan", true}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Extract(c.text, nil, nil)
			for _, w := range c.want {
				var q *Quote
				for i := range got {
					if strings.Contains(got[i].Text, w.content) {
						q = &got[i]
						break
					}
				}
				if q == nil {
					t.Fatalf("no quote containing %q; got %s", w.content, dump(got))
				}
				if q.Kind != w.kind {
					t.Errorf("kind = %q, want %q (%s)", q.Kind, w.kind, dump(got))
				}
				if q.Source != w.source {
					t.Errorf("source = %q, want %q (%s)", q.Source, w.source, dump(got))
				}
				if q.SpeakerResolved != w.resolved {
					t.Errorf("resolved = %v, want %v (%s)", q.SpeakerResolved, w.resolved, dump(got))
				}
				if !strings.Contains(q.Speaker, w.speaker) || w.speaker == "" && q.Speaker != "" {
					t.Errorf("speaker = %q, want %q", q.Speaker, w.speaker)
				}
				if q.Start < 0 || q.End > len(c.text) || c.text[q.Start:q.End] != q.Text && len(q.Parts) < 2 {
					t.Errorf("span %d..%d does not hold text %q", q.Start, q.End, q.Text)
				}
				if q.SpeakerResolved {
					if sp := c.text[q.SpeakerStart:q.SpeakerEnd]; !strings.Contains(q.Speaker, sp) && !strings.Contains(sp, q.Speaker) {
						t.Errorf("speaker span %q does not name speaker %q", sp, q.Speaker)
					}
				}
				if q.SourceStart >= 0 && c.text[q.SourceStart:q.SourceEnd] != q.Source {
					t.Errorf("source span %d..%d does not hold %q", q.SourceStart, q.SourceEnd, q.Source)
				}
			}
		})
	}
}

func TestExtractNoQuotes(t *testing.T) {
	for _, text := range []string{
		"",
		"The bridge was closed for repairs on Monday. Traffic was diverted.",
		"Critics called it a “scare” campaign.", // a scare quote with no speaker
	} {
		for _, q := range Extract(text, nil, nil) {
			if q.Kind == Direct && !q.SpeakerResolved && q.Source == "" {
				t.Errorf("%q: unattributed quote %q reported", text, q.Text)
			}
			if text == "" || strings.HasPrefix(text, "The bridge") {
				t.Errorf("%q: unexpected quote %+v", text, q)
			}
		}
	}
}

func TestExtractCallerSentences(t *testing.T) {
	text := "Prices rose. “It is bad,” Jane Doe said. Nothing else happened."
	sents := []Sentence{{0, 12}, {13, 40}, {41, len(text)}}
	got := Extract(text, sents, []Mention{{Start: 26, End: 34, Type: "PER"}})
	if len(got) != 1 {
		t.Fatalf("got %d quotes, want 1: %s", len(got), dump(got))
	}
	if got[0].Sentence != 1 || got[0].Speaker != "Jane Doe" {
		t.Errorf("sentence %d speaker %q, want 1 and Jane Doe", got[0].Sentence, got[0].Speaker)
	}
}

func TestSplitSentences(t *testing.T) {
	text := "Mr. Smith went to Washington, D.C. on Monday. “Is it over?” he asked. Yes.\nNew paragraph here"
	got := SplitSentences(text)
	var s []string
	for _, x := range got {
		s = append(s, text[x.Start:x.End])
	}
	want := []string{"Mr. Smith went to Washington, D.C. on Monday.", "“Is it over?” he asked.", "Yes.", "New paragraph here"}
	if strings.Join(s, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", s, want)
	}
}

func dump(qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n  [" + q.Kind + "] " + q.Text + " | cue=" + q.Cue + " src=" + q.Source + " spk=" + q.Speaker)
	}
	return b.String()
}
