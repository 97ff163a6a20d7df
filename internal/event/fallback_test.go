package event

import "testing"

// TestCoderFallbacks: a sentence whose verbs code no event with an actor
// keeps its main-clause event with the parties as written when they are a
// group, a body or a name the actor stage did not resolve; a sentence with
// no coded verb keeps its first main-clause event noun when an actor takes
// part. Neither outranks an event with an actor. Sentences written for the
// test.
func TestCoderFallbacks(t *testing.T) {
	tests := []struct {
		name, text     string
		verb, typ      string // verb "": no event at all
		source, target string
	}{
		{"body subject", "The new militia kidnapped two engineers on Monday.", "kidnapped", "ASSAULT", "militia", "two engineers"},
		{"unresolved name", "Fuerzas Unidas attacked the smugglers at dawn.", "attacked", "ASSAULT", "Fuerzas Unidas", "the smugglers"},
		{"no agent", "The river attacked the banks.", "", "", "", ""},
		{"noun with actors", "{Iraq:IRQ} sanctions on {Syria:SYR} remain in force.", "sanctions", "SANCTION", "Iraq", "Syria"},
		{"noun without actor", "The talks on the dam remain stuck.", "", "", "", ""},
		{"noun in subordinate clause", "After talks with {Iraq:IRQ}, the minister rested.", "", "", "", ""},
		{"noun far from the actor", "Killings in {the West:WST} were the topic of some discussion at the meeting.", "", "", "", ""},
		{"noun with its target", "{Iraq:IRQ} was the scene of talks with {Syria:SYR} this week.", "talks", "CONSULT", "", "Syria"},
		{"noun after a support verb", "{Guatemala:GTM} announced tough new sanctions on {Honduras:HND}.", "sanctions", "SANCTION", "Guatemala", "Honduras"},
		{"noun as an uncoded verb's object", "{Iraq:IRQ} livestreamed the talks with {Syria:SYR}.", "", "", "", ""},
		{"verb after a noun determiner", "{Nigeria:NGA}'s military deployed troops near <Kano>.", "deployed", "", "Nigeria", "Kano"},
		{"killed and wounded", "At least 11 people were killed and 30 others wounded in <Havana>.", "killed", "ASSAULT", "", "11 people"},
		{"negated noun", "There were no talks with {Iraq:IRQ}.", "", "", "", ""},
		{"actor event first", "{Iraq:IRQ} condemned the raid; the militia kidnapped two engineers.", "condemned", "ACCUSE", "Iraq", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := code(t, tc.text)
			if tc.verb == "" {
				if len(evs) != 0 {
					t.Fatalf("events %v, want none", verbsOf(evs))
				}
				return
			}
			if len(evs) != 1 {
				t.Fatalf("events %v, want one", verbsOf(evs))
			}
			e := find(t, evs, tc.verb)
			if tc.typ != "" && e.Type != tc.typ {
				t.Errorf("type %s (cameo %s), want %s", e.Type, e.Cameo, tc.typ)
			}
			if e.Source.Text != tc.source || e.Target.Text != tc.target {
				t.Errorf("source %q target %q, want %q %q", e.Source.Text, e.Target.Text, tc.source, tc.target)
			}
		})
	}
}

// TestCoderPassivePatterns: a passive verb's subject is the object its
// patterns name, so the active and the passive sentence code the same
// CAMEO code, and the subject noun is not an event of its own. Sentences
// written for the test.
func TestCoderPassivePatterns(t *testing.T) {
	for _, tc := range []struct{ active, passive, verb string }{
		{"{The army:SDNMIL} lifted the curfew in <Khartoum>.", "The curfew in <Khartoum> was lifted by {the army:SDNMIL}.", "lifted"},
		{"{The EU:IGOEUREEC} lifted sanctions on {Iran:IRN}.", "Sanctions on {Iran:IRN} were lifted by {the EU:IGOEUREEC}.", "lifted"},
		{"{The junta:MMRGOV} imposed a curfew on <Yangon>.", "A curfew was imposed on <Yangon> by {the junta:MMRGOV}.", "imposed"},
	} {
		a := find(t, code(t, tc.active), tc.verb)
		evs := code(t, tc.passive)
		if len(evs) != 1 {
			t.Errorf("%q: events %v, want one", tc.passive, verbsOf(evs))
		}
		p := find(t, evs, tc.verb)
		if a.Cameo != p.Cameo || a.Type != p.Type {
			t.Errorf("%q: %s/%s, active %s/%s", tc.passive, p.Cameo, p.Type, a.Cameo, a.Type)
		}
	}
}
