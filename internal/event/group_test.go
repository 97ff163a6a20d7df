package event

import "testing"

// TestCoderObjectlessAndGroups: verbs whose sense turns on an object,
// adjectival "armed" and "riot", and events whose only parties are groups
// the actor stage does not name. Sentences written for the test.
func TestCoderObjectlessAndGroups(t *testing.T) {
	tests := []struct {
		name, text string
		verb       string // "" : no event at all
		typ        string
		source     string // text of the source, "" for none
		target     string
	}{
		{"labour strike", "{Nurses of Chile:CHLLAB} struck for 48 hours over pay.", "struck", "PROTEST", "Nurses of Chile", ""},
		{"strike with object", "{Israeli jets:ISRMIL} struck a depot in <Gaza>.", "struck", "ASSAULT", "Israeli jets", ""},
		{"military strike without object", "{Russian forces:RUSMIL} struck overnight near <Idlib>.", "struck", "ASSAULT", "Russian forces", ""},
		{"rally", "Thousands of {Kurds:KUR} rallied in <Erbil> on Sunday.", "rallied", "PROTEST", "Kurds", ""},
		{"armed men", "Armed men kidnapped {the mayor of Tikrit:IRQGOV}.", "kidnapped", "", "", "the mayor of Tikrit"},
		{"armed with", "{Gunmen of the group:IMGISI} armed with rifles attacked <Hit>.", "attacked", "ASSAULT", "Gunmen of the group", "Hit"},
		{"riot police", "Riot police clashed with protesters on Friday.", "clashed", "ASSAULT", "Riot police", ""},
		{"group subject, passive", "Suspected drug dealers were arrested on Monday.", "arrested", "COERCE", "", "Suspected drug dealers"},
		{"group object", "The blast killed seven civilians near <Mosul>.", "", "", "", ""},
		{"passive agent", "Two men were arrested by police on Monday.", "arrested", "COERCE", "police", "Two men"},
		{"no object after of", "The man is suspected of shooting three people.", "", "", "", ""},
		{"group subject", "Hundreds of protesters marched on Sunday.", "marched", "PROTEST", "Hundreds of protesters", ""},
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
			e := find(t, evs, tc.verb)
			if tc.typ != "" && e.Type != tc.typ {
				t.Errorf("type %s (cameo %s), want %s", e.Type, e.Cameo, tc.typ)
			}
			if e.Source.Text != tc.source && !(tc.source == "" && e.Source.Text == "") {
				t.Errorf("source %q, want %q", e.Source.Text, tc.source)
			}
			if tc.target != "" && e.Target.Text != tc.target {
				t.Errorf("target %q, want %q", e.Target.Text, tc.target)
			}
			for _, x := range evs {
				if x.Verb == "armed" || x.Verb == "Armed" || x.Verb == "Riot" || x.Verb == "riot" {
					t.Errorf("adjective coded: %s/%s", x.Verb, x.Type)
				}
			}
		})
	}
	// a group event never stands beside an event with an actor, nor is it
	// kept when negated, future or governed
	for name, text := range map[string]string{
		"actor event first": "{Iraq:IRQ} condemned the raid, and protesters marched to <Baghdad>.",
		"future":            "Protesters will march to <Baghdad>.",
		"negated":           "Protesters did not march to <Baghdad>.",
		"governed":          "Protesters plan to march to <Baghdad>.",
	} {
		t.Run(name, func(t *testing.T) {
			for _, e := range code(t, text) {
				if e.Source.Actor == 0 && e.Target.Actor == 0 && e.Source.Code == "" && e.Target.GeonamesID == 0 && e.Target.Code == "" {
					t.Errorf("group event %s/%s/%s (%q → %q)", e.Verb, e.Type, e.Status, e.Source.Text, e.Target.Text)
				}
			}
		})
	}
}

// TestMergeGroupEvents: a report naming only a group joins the report of
// the same happening that names its actors, whatever town either names;
// two reports with actors and different towns stay apart.
func TestMergeGroupEvents(t *testing.T) {
	var ms []Mention
	ms = append(ms, report(t, 1, "AP", 21, "{Iraqi police:IRQCOP} arrested {two ISIS suspects:IMGISI} in <Kirkuk> [on Friday=2016-10-21].")...)
	ms = append(ms, report(t, 2, "AFP", 21, "In <Daquq>, police arrested two men [on Friday=2016-10-21].")...)
	if hs := Merge(ms); len(hs) != 1 || len(hs[0].Mentions) != 2 {
		t.Fatalf("%d happenings, want 1 with 2 mentions: %+v", len(hs), hs)
	}
	if ms[1].Source.Text != "police" || ms[1].Source.Actor != 0 || ms[1].Place == nil || !ms[1].Place.Stated {
		t.Errorf("group source %+v, place %+v", ms[1].Source, ms[1].Place)
	}
	ms = ms[:1]
	ms = append(ms, report(t, 2, "AFP", 21, "{Iraqi police:IRQCOP} arrested {two ISIS suspects:IMGISI} in <Mosul> [on Friday=2016-10-21].")...)
	if hs := Merge(ms); len(hs) != 2 {
		t.Errorf("%d happenings for two towns, want 2", len(hs))
	}
}
