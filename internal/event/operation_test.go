package event

import (
	"strings"
	"testing"
)

// TestCoderMilitaryOperations: "operation" is an event noun of military
// action where its phrase makes it military (a military modifier,
// "against", a military aim, carried out in a place) and not otherwise.
// Sentences written for the test.
func TestCoderMilitaryOperations(t *testing.T) {
	tests := []struct {
		name, text string
		verb       string // "": no ASSAULT event
		status     string
		source     string
		target     string
	}{
		{"carried out in a place", "{The alliance:IMGMIL} carried out operations in <Tartus> last week.", "carried", Asserted, "The alliance", "Tartus"},
		{"against", "{The army:SYRMIL} conducted operations against {the rebels:SYRREB} on Monday.", "conducted", Asserted, "The army", "the rebels"},
		{"military aim, noun as subject", "An operation to retake <Tartus> from {the rebels:SYRREB} began on Monday.", "began", Asserted, "", "Tartus"},
		{"quoted adverb in the verb group", "{The alliance:IMGMIL} will “jointly” carry out operations in <Tartus>.", "carry", Future, "The alliance", "Tartus"},
		{"quoted auxiliaries", "{General Hale:USAMIL} “will be” conducting operations in <Tartus>.", "conducting", Future, "General Hale", "Tartus"},
		{"business operations", "Operations at the {Acme:USABUS} plant in <Ohio> began in 2010.", "", "", "", ""},
		{"rescue operation", "A rescue operation began near <Tartus> after the flood.", "", "", "", ""},
		{"operations as a department", "{Smith:USABUS} heads operations at the plant.", "", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := code(t, tc.text)
			var got *Event
			for i := range evs {
				if evs[i].Type == "ASSAULT" {
					got = &evs[i]
				}
			}
			if tc.verb == "" {
				if got != nil {
					t.Fatalf("ASSAULT coded from %q, want none (events %v)", got.Verb, verbsOf(evs))
				}
				return
			}
			if got == nil {
				t.Fatalf("no ASSAULT event (events %v)", verbsOf(evs))
			}
			if got.Verb != tc.verb || got.Status != tc.status {
				t.Errorf("verb %q status %s, want %q %s", got.Verb, got.Status, tc.verb, tc.status)
			}
			if got.Source.Text != tc.source || got.Target.Text != tc.target {
				t.Errorf("source %q target %q, want %q %q", got.Source.Text, got.Target.Text, tc.source, tc.target)
			}
		})
	}
}

// TestCoderPlaceNotSource: the place of an operation is never its source,
// and an announced or urged happening with no actor of its own is the
// statement of the person who reports it, like a quotation's speaker.
// Sentences written for the test.
func TestCoderPlaceNotSource(t *testing.T) {
	tests := []struct {
		name, text     string
		verb           string
		source, target string
		place          string
	}{
		{"reported clause, place in a possessive", "{The minister:USAGOV} said on Friday that an operation to clear {the rebels:SYRREB} in <Syria>'s <Tartus> should begin soon.",
			"begin", "The minister", "the rebels", "Tartus"},
		{"opposed party in the subject", "The coalition against {the rebels:SYRREB} will carry out operations in <Tartus>, {the minister:USAGOV} said.",
			"carry", "The minister", "Tartus", "Tartus"},
		{"reporter after the clause", "Strikes on <Tartus> will begin next week, {the minister:USAGOV} said.",
			"begin", "The minister", "Tartus", "Tartus"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := find(t, code(t, tc.text), tc.verb)
			if e.Source.GeonamesID != 0 {
				t.Errorf("source is the place %q", e.Source.Text)
			}
			if !strings.EqualFold(e.Source.Text, tc.source) || e.Target.Text != tc.target {
				t.Errorf("source %q target %q, want %q %q", e.Source.Text, e.Target.Text, tc.source, tc.target)
			}
			if e.Place == nil || e.Place.Name != tc.place {
				t.Errorf("place %+v, want %s", e.Place, tc.place)
			}
		})
	}
	// a passive verb's subject is its target, opposed or not
	e := find(t, code(t, "Charges against {the governor:USAELI} were filed by {the prosecutor:USAJUD}."), "filed")
	if e.Target.Text != "the governor" || e.Source.Text != "the prosecutor" {
		t.Errorf("passive: source %q target %q, want the prosecutor, the governor", e.Source.Text, e.Target.Text)
	}
	// an asserted happening reported by someone is not theirs
	e = find(t, code(t, "{The minister:USAGOV} said that an operation against {the rebels:SYRREB} began on Friday."), "began")
	if e.Source.Text != "" {
		t.Errorf("asserted operation: source %q, want none (the reporter did not do it)", e.Source.Text)
	}
}

// TestCoderWantToSee: "want to see an operation begin" is a wish, not a
// happening asserted. Sentence written for the test.
func TestCoderWantToSee(t *testing.T) {
	s := sent(t, "\"We want to see a ground operation begin near <Tartus> soon,\" {the minister:USAGOV} said.")
	s.Speaker = &s.Actors[0]
	s.Quote = Span{1, strings.Index(s.Text, ",")}
	e := find(t, NewCoder().Code(s, nil), "begin")
	if e.Type != "ASSAULT" || e.Status == Asserted || e.Source.Code != "USAGOV" {
		t.Errorf("%s %s source %q, want an ASSAULT not asserted, the speaker's", e.Type, e.Status, e.Source.Code)
	}
}

// TestMergeOneStatementTwoOutlets: a minister's call for an operation, told
// by one outlet in reported speech and by another as a quotation, is one
// happening with a mention from each. Sentences written for the test.
func TestMergeOneStatementTwoOutlets(t *testing.T) {
	var ms []Mention
	ms = append(ms, at(1, report(t, 1, "AFP", 23, "{Defence Minister Jones:USAGOV}, in <Jordan> for a visit, said on Sunday that an operation to isolate {the militants:IMGMUS} in <Syria>'s <Tartus> should begin soon."))...)
	quote := "\"We want to see an isolation operation begin around <Tartus> as soon as possible,\" {Jones:USAGOV} said."
	s := sent(t, quote)
	s.Speaker = &s.Actors[0]
	s.Quote = Span{1, strings.Index(s.Text, ",")}
	s.Index = 3
	s.Published = ms[0].Published
	for _, e := range NewCoder().Code(s, nil) {
		ms = append(ms, Mention{Event: e, Article: 2, Outlet: "Reuters", Published: s.Published, Text: s.Text})
	}
	var begins []Happening
	for _, h := range Merge(ms) {
		if h.Type == "ASSAULT" {
			begins = append(begins, h)
		}
	}
	if len(begins) != 1 || begins[0].Sources != 2 {
		for _, h := range begins {
			t.Logf("%s %s %s → %s at %v: %d outlets", h.Source.Name, h.Verb, h.Status, h.Target.Name, h.Place, h.Sources)
		}
		t.Fatalf("%d ASSAULT happenings, want one told by both outlets", len(begins))
	}
}
