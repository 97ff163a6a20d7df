package quote

import (
	"strings"
	"testing"
)

// TestNewsFrames covers attribution frames of wire-style war and policy
// reporting: lost openers, name particles, "quoted X as saying", pull
// quotes, titles standing for a named speaker, participles after an
// aside, appositives with state abbreviations and lower-case modifiers.
// The sentences are written for the test.
func TestNewsFrames(t *testing.T) {
	type frame struct {
		content, source, speaker string // speaker "" = any
	}
	cases := []struct {
		name string
		text string
		want []frame
	}{
		{"closing mark with a lost opener, then a continuation",
			"Officials expect a long siege.\n\nBut the rebels have mined the roads and bridges,” writes The Guardian. “Civilians are expected to flee north.”",
			[]frame{{"the rebels have mined the roads", "The Guardian", "Guardian"}, {"Civilians are expected to flee north", "The Guardian", "Guardian"}}},
		{"name with a particle",
			"“We will not accept foreign troops on our soil,” al-Masri replied on state television.",
			[]frame{{"We will not accept foreign troops", "al-Masri", "al-Masri"}}},
		{"quoted X as saying",
			"Foreign Minister Ivan Petrov spoke after the meeting.\n\n“The talks are over,” state media quoted Petrov as saying.",
			[]frame{{"The talks are over", "Petrov", "Ivan Petrov"}}},
		{"pull quote set apart from its attribution",
			"\"We will rebuild every school in the province.\"\n\nThe storm destroyed dozens of buildings.\n\n\"We will rebuild every school in the province,\" Governor Lena Hartmann said.",
			[]frame{{"We will rebuild every school in the province.\"", "Governor Lena Hartmann", "Lena Hartmann"}}},
		{"a definite title stands for the speaker named before",
			"Defense Minister Tomas Berg visited the base on Monday. \"Our soldiers are ready,\" he said.\n\n\"We have waited long enough,\" the defense minister said.",
			[]frame{{"We have waited long enough", "the defense minister", "Tomas Berg"}}},
		{"participle after an aside",
			"Prime Minister Ana Costa, meanwhile, pledged new funds for the region, warning, \"This crisis will not end by itself.\"",
			[]frame{{"This crisis will not end by itself", "Prime Minister Ana Costa", "Ana Costa"}}},
		{"trailing attribution followed by a participle",
			"The offensive will probably stretch into spring, Army spokesman Col. Mark Reyes said on Friday, signaling that more troops may be needed.",
			[]frame{{"The offensive will probably stretch into spring", "Army spokesman Col. Mark Reyes", "Mark Reyes"}, {"more troops may be needed", "Army spokesman Col. Mark Reyes", "Mark Reyes"}}},
		{"words before a closing quote belong to the content",
			"The delay is a “problem that both capitals must settle,” said ministry spokeswoman Clara Voss.",
			[]frame{{"The delay is a “problem", "ministry spokeswoman Clara Voss", "Clara Voss"}}},
		{"appositive with a state abbreviation",
			"“We have the votes,” Senate Majority Whip John Thune, R-S.D., said Tuesday.",
			[]frame{{"We have the votes", "Senate Majority Whip John Thune, R-S.D.", "John Thune"}}},
		{"inverted speaker opening with a lower-case modifier",
			"\"Nobody expected this,\" said former party chairman Tom Keller.",
			[]frame{{"Nobody expected this", "former party chairman Tom Keller", "Tom Keller"}}},
		{"speaker with an organisation after of",
			"\"It was a fair deal,\" Mr. Alvarez of the Farm Bureau said.",
			[]frame{{"It was a fair deal", "Mr. Alvarez of the Farm Bureau", "Alvarez"}}},
		{"second clause with its own cue",
			"Mayor Ruth Penn agreed that the budget was tight, but she said that no layoffs were planned.",
			[]frame{{"that the budget was tight", "Mayor Ruth Penn", "Ruth Penn"}, {"that no layoffs were planned", "she", "Ruth Penn"}}},
		{"a subject after warned is content, not an object",
			"General Omar Haddad warned militants could escape toward the border.",
			[]frame{{"militants could escape toward the border", "General Omar Haddad", "Omar Haddad"}}},
		{"a poll as the source",
			"In a poll released Sunday, 48 percent of voters backed the plan.",
			[]frame{{"48 percent of voters backed the plan", "a poll released Sunday", ""}}},
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
				if q.Source != w.source {
					t.Errorf("source = %q, want %q (%s)", q.Source, w.source, dump(got))
				}
				if !q.SpeakerResolved || !strings.Contains(q.Speaker, w.speaker) {
					t.Errorf("speaker = %q (resolved %v), want %q", q.Speaker, q.SpeakerResolved, w.speaker)
				}
				if q.SourceStart >= 0 && c.text[q.SourceStart:q.SourceEnd] != q.Source {
					t.Errorf("source span does not hold %q", q.Source)
				}
			}
		})
	}
}

// TestNewsFramesNoSpeaker checks lines that carry quotation marks but no
// speaker's words: a link label and a scare quote in a sentence about a
// thing.
func TestNewsFramesNoSpeaker(t *testing.T) {
	for _, text := range []string{
		"Related: Senate Passes 'Emergency' Bill for Flood Relief",
		"The fall of the city would leave the port - the rebels' self-styled \"capital\" - as their last stronghold.",
	} {
		for _, q := range Extract(text, nil, nil) {
			if q.Source != "" {
				t.Errorf("%q: quote %q attributed to %q", text, q.Text, q.Source)
			}
		}
	}
}
