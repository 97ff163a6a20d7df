package view

import "testing"

func TestQuoteShown(t *testing.T) {
	for _, tc := range []struct {
		kind, cue, text, want string
	}{
		{"direct", "said", `"Daesh must be eliminated everywhere. Any stronghold represents a threat,"`, "“Daesh must be eliminated everywhere. Any stronghold represents a threat”"},
		{"direct", "told", "“We want to see isolation operations begin,”", "“We want to see isolation operations begin”"},
		{"direct", "said", "We are getting better", "“We are getting better”"},
		// The attribution between two quoted pieces stays outside the marks.
		{"direct", "said", `"It's a difficult fight," Ayrault said. "We must win."`, `"It's a difficult fight," Ayrault said. "We must win."`},
		{"indirect", "said", "The siege against Mosul will likely overlap with a campaign against Raqqa", "said that the siege against Mosul will likely overlap with a campaign against Raqqa"},
		{"indirect", "warned", "IS fighters could flow out of Mosul", "warned that IS fighters could flow out of Mosul"},
		{"indirect", "said", "that efforts to recapture Mosul were no different", "said that efforts to recapture Mosul were no different"},
		{"indirect", "called", "for greater intelligence sharing", "called for greater intelligence sharing"},
		// Not a quotation at all: a paraphrase of what someone did.
		{"indirect", "declared", "his so-called caliphate", "declared his so-called caliphate"},
		{"indirect", "said", "Turkey's troops will join the fight,", "said that Turkey's troops will join the fight"},
		{"indirect", "according to", "The strike began at dawn", "reported: The strike began at dawn"},
		{"indirect", "", "the strike began at dawn", "reported: the strike began at dawn"},
		{"mixed", "said", `"We must now coordinate" attack on Mosul`, `said that "We must now coordinate" attack on Mosul`},
		{"mixed", "declared", "the coalition will “simultaneously” carry out operations", "declared the coalition will “simultaneously” carry out operations"},
		{"indirect", "said", "IT workers will strike", "said that IT workers will strike"},
		{"indirect", "said", "A deal was near", "said that a deal was near"},
	} {
		q := Quote{Kind: tc.kind, Cue: tc.cue, Text: tc.text}
		if got := q.Shown(); got != tc.want {
			t.Errorf("%s %q %q: Shown() = %q, want %q", tc.kind, tc.cue, tc.text, got, tc.want)
		}
		if q.Verbatim() != (tc.kind == "direct") {
			t.Errorf("%s: Verbatim() = %v", tc.kind, q.Verbatim())
		}
	}
}

func TestDateEstimated(t *testing.T) {
	for _, tc := range []struct {
		anchored, pubEst bool
		expr             string
		want             bool
	}{
		{true, true, "on Sunday", true},
		{true, true, "October 20", false},
		{true, true, "Sept. 3", false},
		{false, true, "Sunday", false},
		{true, false, "Sunday", false},
	} {
		if got := DateEstimated(tc.anchored, tc.pubEst, tc.expr); got != tc.want {
			t.Errorf("DateEstimated(%v, %v, %q) = %v", tc.anchored, tc.pubEst, tc.expr, got)
		}
	}
}
