package event

import (
	"strings"
	"testing"
)

// TestCoderGroundNotActor: a name with no actor code in a scene-setting
// phrase, a country after a possessed noun, and a name and a base form
// after "the" ("the Tartus raid") are where or what, not who; a title
// mention right before a name is that person; a person's hometown is not
// the event's place. Sentences written for the test.
func TestCoderGroundNotActor(t *testing.T) {
	tests := []struct {
		name, text, verb string // verb "": no event with verb noVerb
		noVerb           string
		sources, place   string
	}{
		{"uncoded name after a scene word", "{Minister Vela:ESPGOV} spoke late on Friday after the {Tartus:} bombing, vowing to hit {the rebels:SYRREB}.", "hit", "", "Minister Vela", ""},
		{"country after a possessed noun", "{Ruritania:RUR}, which said on Monday its troops in {Freedonia:FRD} will attack <Tartus>, met the envoy.", "attack", "", "Ruritania", ""},
		{"country standing for its people", "Thousands of students throughout {Freedonia:FRD} attacked <Tartus> on Monday.", "attacked", "", "Freedonia", ""},
		{"name and base form after the", "After the {Tartus:} raid, {the army:SYRMIL} shelled <Homs>.", "shelled", "raid", "the army", ""},
		{"title mention and name", "{The Ruritanian defence minister:RUR} {Ana Vela:RURGOV} met {the envoy:NORGOV}.", "met", "", "Ana Vela", ""},
		{"hometown", "Sgt. {Ann Ray:USAMIL}, 34, of <Dayton>, <Ohio>, was wounded while patrolling near <Homs>.", "wounded", "", "", "Homs"},
		{"hometown without age", "Private {Ann Ray:USAMIL} of <Dayton> was wounded near <Homs> on Monday.", "wounded", "", "", "Homs"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// a country named is a place too, as the analysis marks it
			s := sent(t, tc.text)
			for _, a := range s.Actors {
				if len(a.Code) == 3 && !strings.Contains(s.Text[a.Start:a.End], " ") {
					w := s.Text[a.Start:a.End]
					s.Places = append(s.Places, PlaceMention{Span: a.Span, Name: w, GeonamesID: placeID(w)})
				}
			}
			evs := NewCoder().Code(s, nil)
			if tc.noVerb != "" {
				for _, e := range evs {
					if e.Verb == tc.noVerb {
						t.Errorf("%q coded as an event: %v", tc.noVerb, verbsOf(evs))
					}
				}
			}
			e := find(t, evs, tc.verb)
			if tc.sources != "" {
				if got := names(e.Source, e.AllSources); got != tc.sources {
					t.Errorf("sources %q, want %q", got, tc.sources)
				}
			}
			if tc.place != "" && (e.Place == nil || e.Place.Name != tc.place) {
				t.Errorf("place %+v, want %s", e.Place, tc.place)
			}
		})
	}
}

// TestCoderNamedSettlement: "the village of X" names a place target even
// where the gazetteer does not know X; a marked place keeps its id.
// Sentences written for the test.
func TestCoderNamedSettlement(t *testing.T) {
	tests := []struct{ text, verb, target string }{
		{"{The militia:SYRMIL} took the fortified village of Tel Kaif, north of <Homs>.", "took", "Tel Kaif"},
		{"{The army:SYRMIL} shelled the town of <Tartus> on Monday.", "shelled", "Tartus"},
		{"{The army:SYRMIL} shelled the town of some importance near <Homs>.", "shelled", "Homs"},
	}
	for _, tc := range tests {
		e := find(t, code(t, tc.text), tc.verb)
		if e.Target.Text != tc.target {
			t.Errorf("%q: target %q, want %q", tc.text, e.Target.Text, tc.target)
		}
	}
}

// TestCoderUrgedNouns: an urging verb with an event noun as its object
// codes the noun's event, urged, with the urger as source. Sentences
// written for the test.
func TestCoderUrgedNouns(t *testing.T) {
	tests := []struct {
		text, typ, source, target string
	}{
		{"{The envoy:NORGOV} urges joint <Tartus> and <Homs> assaults.", "ASSAULT", "The envoy", "Tartus"},
		{"{The council:SYRGOV} urged talks with {the rebels:SYRREB} on Monday.", "CONSULT", "The council", "the rebels"},
		{"{The envoy:NORGOV} urged calm in <Tartus>.", "", "", ""},
	}
	for _, tc := range tests {
		evs := code(t, tc.text)
		var got *Event
		for i := range evs {
			if evs[i].Status == Urged {
				got = &evs[i]
			}
		}
		if tc.typ == "" {
			if got != nil {
				t.Errorf("%q: urged %s coded, want none", tc.text, got.Type)
			}
			continue
		}
		if got == nil {
			t.Errorf("%q: no urged event (%v)", tc.text, verbsOf(evs))
			continue
		}
		if got.Type != tc.typ || got.Source.Text != tc.source || got.Target.Text != tc.target {
			t.Errorf("%q: %s %q -> %q, want %s %q -> %q", tc.text, got.Type, got.Source.Text, got.Target.Text, tc.typ, tc.source, tc.target)
		}
	}
}
