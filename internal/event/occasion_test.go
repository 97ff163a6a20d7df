package event

import (
	"strings"
	"testing"
	"time"
)

// names lists the texts of an event's source list (its one source when
// there is no list).
func names(one Party, all []Party) string {
	if len(all) == 0 {
		return one.Text
	}
	var out []string
	for _, p := range all {
		out = append(out, p.Text)
	}
	return strings.Join(out, "+")
}

// TestCoderOccasions: a visit, trip or meeting told as the occasion of
// another act ("said during a visit to X") is a CONSULT event of the
// clause's subject, with the phrase's party as target and, for a visit,
// its destination as place; a visit that only sets the scene of a
// meeting coded in the same clause adds nothing. Sentences written for
// the test.
func TestCoderOccasions(t *testing.T) {
	tests := []struct {
		name, text string
		verb       string // the occasion noun; "" for none
		cameo      string
		source     string
		target     string
		place      string
	}{
		{"speech verb before", "{Minister Vela:ESPGOV} said during a visit to <Tartus> that the port would reopen.", "visit", "042", "Minister Vela", "Tartus", "Tartus"},
		{"after a quotation", "“The port will reopen,” {Vela:ESPGOV} said on a trip to <Tartus> to inspect the docks.", "trip", "042", "Vela", "Tartus", "Tartus"},
		{"leading phrase", "During a two-day visit to <Tartus>, {the minister:ESPGOV} praised the engineers.", "visit", "042", "the minister", "Tartus", "Tartus"},
		{"meeting with", "{Senator Ruiz:USALEG} spoke at a meeting with {the governor:USAGOV} on Friday.", "meeting", "040", "Senator Ruiz", "the governor", ""},
		{"the subject, not the object", "{The envoy:NORGOV} warned {the rebels:SYRREB} during a visit to <Tartus>.", "visit", "042", "The envoy", "Tartus", "Tartus"},
		{"speaker after the verb", "“The port will reopen,” said {Vela:ESPGOV} during a visit to <Tartus>.", "visit", "042", "Vela", "Tartus", "Tartus"},
		{"scene of a meeting", "{The envoy:NORGOV} met {the rebels:SYRREB} during a visit to <Tartus>.", "", "", "", "", ""},
		{"no party after the noun", "{The army:SYRMIL} shelled the town during the visit.", "", "", "", "", ""},
		{"a meeting hall", "{The council:SYRGOV} voted in a meeting hall near <Tartus>.", "", "", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := code(t, tc.text)
			var got *Event
			for i := range evs {
				if _, ok := occasionNouns[strings.ToLower(evs[i].Verb)]; ok {
					got = &evs[i]
				}
			}
			if tc.verb == "" {
				if got != nil {
					t.Fatalf("occasion %q coded, want none (events %v)", got.Verb, verbsOf(evs))
				}
				return
			}
			if got == nil {
				t.Fatalf("no occasion event (events %v)", verbsOf(evs))
			}
			if got.Verb != tc.verb || got.Cameo != tc.cameo || got.Type != "CONSULT" || got.Status != Asserted {
				t.Errorf("verb %q cameo %s type %s status %s, want %q %s CONSULT asserted", got.Verb, got.Cameo, got.Type, got.Status, tc.verb, tc.cameo)
			}
			if got.Source.Text != tc.source || got.Target.Text != tc.target {
				t.Errorf("source %q target %q, want %q %q", got.Source.Text, got.Target.Text, tc.source, tc.target)
			}
			if tc.place != "" && (got.Place == nil || got.Place.Name != tc.place) {
				t.Errorf("place %+v, want %s", got.Place, tc.place)
			}
		})
	}
}

// TestCoderCompoundSubjects: every conjunct of a compound subject is a
// source, a title and a demonym before a name belonging to the name; a
// purpose clause takes its clause's subject; a subject keeps its place
// across a reduced passive set off by commas. Sentences written for the
// test.
func TestCoderCompoundSubjects(t *testing.T) {
	tests := []struct {
		name, text, verb string
		sources, target  string
	}{
		{"role and titled name", "On Monday, {the defence chief:ESPGOV} and {American:USA} Gen. {Ann Ray:USAMIL} visited <Tartus>.", "visited", "the defence chief+Ann Ray", "Tartus"},
		{"titled name first", "{Spanish:ESP} Adm. {Luis Soto:ESPMIL} and {the envoy:NORGOV} visited <Tartus>.", "visited", "Luis Soto+the envoy", "Tartus"},
		{"appositive is no conjunct", "The envoy of {Norway:NOR}, Ambassador {Lund:NORGOV}, met {the rebels:SYRREB}.", "met", "Lund", "the rebels"},
		{"purpose after a comma", "{The envoy:NORGOV} and {the admiral:USAMIL} visited <Tartus>, capital of {Freedonia:FRD}, to discuss the ceasefire.", "discuss", "The envoy+the admiral", ""},
		{"purpose after a visit", "{The envoy:NORGOV} flew to <Tartus> and visited {Freedonia:FRD} to discuss the ceasefire.", "discuss", "The envoy", ""},
		{"urged: the object acts", "{The envoy:NORGOV} urged {Freedonia:FRD} to discuss the ceasefire.", "discuss", "Freedonia", ""},
		{"reduced passive", "{The army:SYRMIL}, backed by {Russia:RUS} and {Iran:IRN}, attacked <Tartus>.", "attacked", "The army", "Tartus"},
		{"relative clause", "{The army:SYRMIL}, which was backed by {Russia:RUS}, attacked <Tartus>.", "attacked", "The army", "Tartus"},
		{"relative clause with a verb", "{The envoy:NORGOV}, who met {the rebels:SYRREB} on Monday, criticised {the army:SYRMIL}.", "criticised", "The envoy", "the army"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := find(t, code(t, tc.text), tc.verb)
			if got := names(e.Source, e.AllSources); got != tc.sources {
				t.Errorf("sources %q, want %q", got, tc.sources)
			}
			if tc.target != "" && e.Target.Text != tc.target {
				t.Errorf("target %q, want %q", e.Target.Text, tc.target)
			}
		})
	}
}

// TestMergeVisitCountryAndCity: one outlet's "during a visit to <country>"
// and another's "visited <city of that country>" by the same person on
// the same days are one happening; a visit to another country's city is
// not. Sentences written for the test.
func TestMergeVisitCountryAndCity(t *testing.T) {
	cc := map[string]string{"Spain": "ES", "Seville": "ES", "Porto": "PT"}
	reportIn := func(t *testing.T, article int64, outlet, marked string) []Mention {
		s := sent(t, marked)
		s.Published = time.Date(2016, 10, 23, 12, 0, 0, 0, time.UTC)
		for i := range s.Places {
			s.Places[i].Country = cc[s.Places[i].Name]
		}
		// a country named is both an actor and a place, as the
		// analysis marks it
		for _, a := range s.Actors {
			if w := s.Text[a.Start:a.End]; cc[w] != "" && len(a.Code) == 3 {
				s.Places = append(s.Places, PlaceMention{Span: a.Span, Name: w, GeonamesID: placeID(w), Country: cc[w]})
			}
		}
		var out []Mention
		for _, e := range NewCoder().Code(s, nil) {
			out = append(out, Mention{Event: e, Article: article, Outlet: outlet, Published: s.Published, Text: s.Text})
		}
		return out
	}
	a := reportIn(t, 1, "Wire A", "{Minister Vela:NORGOV} said during a visit to {Spain:ESP} that talks would go on.")
	b := reportIn(t, 2, "Wire B", "On Sunday, {Minister Vela:NORGOV} and {General Ros:ESPMIL} visited <Seville>.")
	c := reportIn(t, 3, "Wire C", "On Sunday, {Minister Vela:NORGOV} visited <Porto>.")
	var visits []Happening
	for _, h := range Merge(append(append(a, b...), c...)) {
		if h.Type == "CONSULT" {
			visits = append(visits, h)
		}
	}
	if len(visits) != 2 {
		t.Fatalf("%d CONSULT happenings, want 2 (Spain and Seville one, Porto another): %+v", len(visits), visits)
	}
	for _, h := range visits {
		porto := false
		for _, m := range h.Mentions {
			porto = porto || m.Outlet == "Wire C"
		}
		if porto && len(h.Mentions) != 1 || !porto && h.Sources != 2 {
			t.Errorf("happening %q at %+v: %d mentions from %d outlets", h.Verb, h.Place, len(h.Mentions), h.Sources)
		}
	}
}

// TestMergeCountryAndItsSpeaker: a planned happening told with a country
// as its actor by one outlet and with one of that country's officials by
// another is one happening when both name the same target; a happening
// that took place, a plan with no target, and another country's official
// keep theirs apart. Sentences written for the test.
func TestMergeCountryAndItsSpeaker(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int // happenings
	}{
		{"planned strike", "{Ruritania:RUR} will strike <Tartus> next week.", "{Minister Vela:RURGOVMIL} will strike <Tartus> next week.", 1},
		{"army officer", "{Ruritania:RUR} will strike <Tartus> next week.", "{General Ros:RURMIL} will strike <Tartus> next week.", 1},
		{"strike took place", "{Ruritania:RUR} struck <Tartus> on Monday.", "{Minister Vela:RURGOVMIL} struck <Tartus> on Monday.", 2},
		{"no target", "{Ruritania:RUR} will help soon.", "{Minister Vela:RURGOVMIL} will help soon.", 2},
		{"another country's official", "{Ruritania:RUR} will strike <Tartus> next week.", "{Minister Ros:ESPGOV} will strike <Tartus> next week.", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := append(report(t, 1, "Wire A", 23, tc.a), report(t, 2, "Wire B", 23, tc.b)...)
			if len(ms) != 2 {
				t.Fatalf("%d mentions coded, want 2: %v", len(ms), ms)
			}
			// the two reports' actors are different actors (sent numbers
			// them from 1 in each)
			ms[1].Source.Actor += 100
			if got := len(Merge(ms)); got != tc.want {
				t.Errorf("%d happenings, want %d", got, tc.want)
			}
		})
	}
}

// TestSameUnnamedSourceNeedsSameTarget: an event with no source agrees
// with another only on a target they share, not on a city inside the
// country the other names.
func TestSameUnnamedSourceNeedsSameTarget(t *testing.T) {
	soldier := Party{Text: "Sgt. Ray", Name: "Ann Ray", Actor: 1, Code: "USAMIL"}
	city := Party{Text: "Homs", Name: "Homs", GeonamesID: 7, country: "SY"}
	country := Party{Text: "Syria", Name: "Syria", Actor: 2, Code: "SYR"}
	ev := func(src, tgt Party) *Event {
		return &Event{Type: "SUPPORT", Status: Asserted, Source: src, Target: tgt, Date: "2016-10-23", Precision: PrecisionDay,
			Place: &Place{Name: "Homs", GeonamesID: 7, Country: "SY", Stated: true}}
	}
	if Same(ev(soldier, city), ev(Party{}, country)) {
		t.Error("unnamed source: a city and its country taken as one target")
	}
	if !Same(ev(soldier, city), ev(Party{}, city)) {
		t.Error("unnamed source: the same target not one happening")
	}
	if !Same(ev(soldier, city), ev(soldier, country)) {
		t.Error("same source: a city and its country not one target")
	}
}
