package server

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// fakeCoded serves fixed coded events.
type fakeCoded struct{ recs []event.Record }

func (f fakeCoded) CodedEventList(_ context.Context, q store.EventFilter) ([]event.Record, int, error) {
	return listCoded(f.recs, q), len(listCoded(f.recs, q)), nil
}

// lateCoded serves coded events set after the story was announced, as the
// corpus stage codes them after storing the story.
type lateCoded struct {
	mu   sync.Mutex
	recs []event.Record
}

func (l *lateCoded) set(recs []event.Record) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.recs = recs
}

func (l *lateCoded) CodedEventList(_ context.Context, q store.EventFilter) ([]event.Record, int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := listCoded(l.recs, q)
	return out, len(out), nil
}

func listCoded(recs []event.Record, q store.EventFilter) []event.Record {
	var out []event.Record
	for _, r := range recs {
		if q.Story != 0 && r.Story != q.Story || q.Type != "" && r.Type != q.Type {
			continue
		}
		if q.Actor != "" && !eventMatches(Watchlist{Kind: "actor", Value: q.Actor, EventType: "any"}, &r) {
			continue
		}
		if q.Place != "" && !eventMatches(Watchlist{Kind: "place", Value: q.Place, EventType: "any"}, &r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// TestWatchlistEventAlerts checks that a watchlist of coded events alerts
// once on a new happening of its type involving the watched actor or
// place, and not on other types, other actors or happenings told only by
// articles announced before.
func TestWatchlistEventAlerts(t *testing.T) {
	meet := event.Record{ID: 1, Story: 7, Type: "CONSULT", Verb: "met",
		Source: event.Party{Name: "Ashton Carter", Actor: 11}, Target: event.Party{Name: "Haider al-Abadi", Actor: 12},
		Place: &event.Place{Name: "Baghdad", GeonamesID: 98182}, Date: "2016-10-22",
		Mentions: []event.MentionRef{{Article: 501, Outlet: "Reuters"}, {Article: 502, Outlet: "AP"}}}
	meet.FirstReport = meet.Mentions[0]
	attack := event.Record{ID: 2, Story: 7, Type: "ASSAULT", Verb: "attacked",
		Source: event.Party{Name: "Islamic State", Actor: 13}, Target: event.Party{Name: "Kirkuk", GeonamesID: 94787},
		Place: &event.Place{Name: "Kirkuk", GeonamesID: 94787}, Date: "2016-10-21",
		Mentions: []event.MentionRef{{Article: 400, Outlet: "BBC"}}} // an old article: not new
	b := NewBroker()
	defer b.Close()
	src := fakeCoded{recs: []event.Record{meet, attack}}
	ts := httptest.NewServer(New(WithCodedEvents(newFakeReader(t, 2), src), Options{Notifier: b, WriteToken: "w"}))
	defer ts.Close()
	for _, tc := range []struct {
		body string
		code int
	}{
		{`{"kind":"actor","value":"ashton carter","event_type":"consult"}`, 201},
		{`{"kind":"actor","value":"Ashton Carter","event_type":"ASSAULT"}`, 201}, // Carter attacked nobody
		{`{"kind":"place","value":"Kirkuk","event_type":"any"}`, 201},            // only an old article tells it
		{`{"kind":"place","value":"98182","event_type":"any"}`, 201},             // Baghdad by GeoNames id
		{`{"kind":"keyword","value":"trenches","event_type":"ASSAULT"}`, 400},
		{`{"kind":"actor","value":"Carter","event_type":"FIGHT"}`, 400},
	} {
		resp, out := do(t, "POST", ts.URL+"/api/v1/watchlists", strings.NewReader(tc.body), "Authorization", "Bearer w", "Content-Type", "application/json")
		if resp.StatusCode != tc.code {
			t.Fatalf("create %s: %d %s, want %d", tc.body, resp.StatusCode, out, tc.code)
		}
	}
	ch, stop := b.Subscribe()
	defer stop()
	b.Publish(Event{Type: "article", ID: 502})
	b.Publish(Event{Type: "story", ID: 7})
	alerts := collectAlerts(ch, 2, 3*time.Second)
	if len(alerts) != 2 {
		t.Fatalf("%d alerts, want 2 (Carter's meeting; Baghdad): %+v", len(alerts), alerts)
	}
	seen := map[string]bool{}
	for _, a := range alerts {
		if a.Event == nil || a.Event.ID != 1 || a.Article.Story != 7 {
			t.Errorf("alert %+v: want the meeting of story 7", a)
			continue
		}
		seen[a.Watchlist.Kind] = true
	}
	if !seen["actor"] || !seen["place"] {
		t.Errorf("alerts from %v, want the actor and the place watchlists", seen)
	}
	// the story re-derived (new ids, same happening): no second alert
	meet.ID = 3
	src.recs[0] = meet
	b.Publish(Event{Type: "article", ID: 503})
	b.Publish(Event{Type: "story", ID: 7})
	if again := collectAlerts(ch, 1, 500*time.Millisecond); len(again) != 0 {
		t.Errorf("the same happening alerted again: %+v", again)
	}
}

// collectAlerts reads alert data from ch until n came or wait passed.
func collectAlerts(ch <-chan Event, n int, wait time.Duration) []Alert {
	var out []Alert
	deadline := time.After(wait)
	for len(out) < n {
		select {
		case e := <-ch:
			if a, ok := e.Data.(Alert); ok && e.Type == "alert" {
				out = append(out, a)
			}
		case <-deadline:
			return out
		}
	}
	return out
}

// TestWatchlistEventAlertsCodedLate: the story is announced before its
// events are coded; a later look finds them and alerts.
func TestWatchlistEventAlertsCodedLate(t *testing.T) {
	old := eventAlertLooks
	eventAlertLooks = []time.Duration{0, 300 * time.Millisecond}
	defer func() { eventAlertLooks = old }()
	b := NewBroker()
	defer b.Close()
	src := &lateCoded{}
	ts := httptest.NewServer(New(WithCodedEvents(newFakeReader(t, 2), src), Options{Notifier: b, WriteToken: "w"}))
	defer ts.Close()
	if resp, out := do(t, "POST", ts.URL+"/api/v1/watchlists", strings.NewReader(`{"kind":"place","value":"Kirkuk","event_type":"ASSAULT"}`),
		"Authorization", "Bearer w", "Content-Type", "application/json"); resp.StatusCode != 201 {
		t.Fatalf("create: %d %s", resp.StatusCode, out)
	}
	ch, stop := b.Subscribe()
	defer stop()
	b.Publish(Event{Type: "article", ID: 700})
	b.Publish(Event{Type: "story", ID: 9})
	time.Sleep(50 * time.Millisecond) // the first look finds nothing
	src.set([]event.Record{{ID: 5, Story: 9, Type: "ASSAULT", Verb: "shelled", Source: event.Party{Name: "Islamic State", Actor: 13},
		Place: &event.Place{Name: "Kirkuk", GeonamesID: 94787, Stated: true}, Mentions: []event.MentionRef{{Article: 700}}}})
	if got := collectAlerts(ch, 1, 3*time.Second); len(got) != 1 || got[0].Event == nil || got[0].Event.ID != 5 {
		t.Fatalf("alerts %+v, want the shelling of Kirkuk once coded", got)
	}
}
