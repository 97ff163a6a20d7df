package event

import "testing"

// TestCoderDerivedNouns checks event nouns made from Dictionary verbs after a
// support verb, and the nouns that must not be read so.
func TestCoderDerivedNouns(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"mobilization announced", "{Serbia:SRB} announced the mobilization of army reservists.", "MOBILIZE"},
		{"concessions made", "{Kenya:KEN} made concessions to {the rebels:KENREB} on Monday.", "CONCEDE"},
		{"refusal announced", "{Japan:JPN} announced its refusal of the offer from {China:CHN}.", "REJECT"},
		{"no decision", "{The ministry:FRAGOV} announced the decision on Monday.", ""},
		{"no preparations", "{The ministry:FRAGOV} began preparations for the summit.", ""},
		{"no government", "{Peru:PER} announced the government of national unity.", ""},
		{"a capitalised name is no noun", "{Peru:PER} announced the Reconciliation Commission.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := mainEvent(code(t, tc.text))
			got := ""
			if e != nil {
				got = e.SentenceType()
			}
			if got != tc.want {
				t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestDerivedNoun checks the suffix rules on single words.
func TestDerivedNoun(t *testing.T) {
	c := NewCoder()
	tests := []struct {
		noun string
		ok   bool
	}{
		{"mobilization", true}, {"concessions", true}, {"refusal", true}, {"imposition", true},
		{"withdrawal", false}, // ploverVerbs: RETREAT, which no code carries
		{"department", false}, // listed in notDerived
		{"tion", false},       // too short
		{"", false},
		{"elephant", false},
	}
	for _, tc := range tests {
		if _, ok := c.derivedNoun(tc.noun); ok != tc.ok {
			t.Errorf("derivedNoun(%q): ok %v, want %v", tc.noun, ok, tc.ok)
		}
	}
}
