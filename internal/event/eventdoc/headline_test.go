package eventdoc

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/event"
)

// TestHeadline: the title's actors and places are the article's, found
// by the names the text gives them (a surname alone where the text uses
// it alone); a title the text opens with, or an empty one, is not coded
// again; the headline's event is future for "to" + verb.
func TestHeadline(t *testing.T) {
	pub := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	text := "Chilean President Gabriel Boric will visit Argentina next week, his office said on Monday. " +
		"Boric is expected to meet Argentine President Javier Milei in Buenos Aires to discuss lithium exports. " +
		"Milei has called for closer trade ties. He met the Chilean ambassador on Friday."
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: pub})
	d := entityDocOf(text, &an)
	actors := LocalActors(d, entity.Resolve(d))
	body := Sentences(text, &an, actors, pub, false)
	cases := []struct {
		title  string
		ok     bool
		actors []string // names found in the title
		verb   string   // an event's verb ("" none wanted)
		status string
	}{
		{"Boric To Meet Milei In Buenos Aires", true, []string{"Boric", "Milei"}, "Meet", event.Future},
		{"Boric to meet Milei in Buenos Aires", true, []string{"Boric", "Milei"}, "meet", event.Future},
		// "boric" in lower case is no name
		{"why boric matters", true, nil, "", ""},
		// a pronoun the text refers to Milei with is no name
		{"Why He Matters To Boric", true, []string{"Boric"}, "", ""},
		{"  ", false, nil, "", ""},
		{"U.S.-Chile Trade Talks", true, []string{"Chile"}, "", ""},
		{"Chilean President Gabriel Boric will visit Argentina next week", false, nil, "", ""},
	}
	c := event.NewCoder()
	for _, tc := range cases {
		s, ok := Headline(tc.title, text, &an, actors, body)
		if ok != tc.ok {
			t.Errorf("%q: ok %v", tc.title, ok)
			continue
		}
		if !ok {
			continue
		}
		if s.Index != event.HeadlineIndex || !s.Headline || s.Text != strings.TrimSpace(tc.title) || !s.Estimated {
			t.Errorf("%q: sentence %+v", tc.title, s)
		}
		var names []string
		for _, a := range s.Actors {
			if w := s.Text[a.Start:a.End]; !strings.Contains(a.Name, w) && !strings.Contains(w, a.Name) {
				t.Errorf("%q: %q matched actor %q", tc.title, w, a.Name)
			}
			names = append(names, s.Text[a.Start:a.End])
		}
		if strings.Join(names, ",") != strings.Join(tc.actors, ",") {
			t.Errorf("%q: actors %q, want %q", tc.title, names, tc.actors)
		}
		if tc.verb == "" {
			continue
		}
		found := false
		for _, e := range c.Code(s, nil) {
			if e.Verb == tc.verb {
				found = true
				if e.Status != tc.status || e.Sentence != event.HeadlineIndex || e.Source.Text != "Boric" {
					t.Errorf("%q: %s %s from %q, sentence %d", tc.title, e.Verb, e.Status, e.Source.Text, e.Sentence)
				}
			}
		}
		if !found {
			t.Errorf("%q: no event %q", tc.title, tc.verb)
		}
	}
}

// TestHeadlineDate: a title's own date expression dates its event, read
// against the article's date (a Tuesday); a title with none takes the
// article's date, estimated. Text and titles written for the test.
func TestHeadlineDate(t *testing.T) {
	pub := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	text := "Chilean President Gabriel Boric will visit Argentina, his office said. " +
		"Boric is expected to meet Argentine President Javier Milei in Buenos Aires."
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: pub})
	d := entityDocOf(text, &an)
	actors := LocalActors(d, entity.Resolve(d))
	body := Sentences(text, &an, actors, pub, false)
	c := event.NewCoder()
	for _, tc := range []struct {
		title, date string
		estimated   bool
	}{
		{"Boric to meet Milei on Friday", "2024-03-15", false},
		{"Boric to meet Milei in Buenos Aires", "2024-03-12", true},
	} {
		s, ok := Headline(tc.title, text, &an, actors, body)
		if !ok {
			t.Fatalf("%q: not coded", tc.title)
		}
		evs := c.Code(s, nil)
		if len(evs) == 0 {
			t.Fatalf("%q: no event", tc.title)
		}
		if e := evs[0]; e.Date != tc.date || e.Estimated != tc.estimated {
			t.Errorf("%q: date %s estimated %v, want %s %v", tc.title, e.Date, e.Estimated, tc.date, tc.estimated)
		}
	}
}
