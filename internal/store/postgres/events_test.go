package postgres

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

func recordJSON(t *testing.T, r event.Record) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Re-deriving a story writes only what changed: an unchanged event keeps
// its row and id, a changed one is replaced, one gone is deleted, an
// event stored twice is kept twice, and the other stories' events are
// left alone (as the SQLite store's TestReplaceStoryEventsPerChange).
func TestReplaceStoryEventsPerChange(t *testing.T) {
	ctx := context.Background()
	db := openFresh(t)
	meet := event.Record{Story: 7, Type: "MEET", Cameo: "040", Status: "asserted", Date: "2016-10-23",
		Source: event.Party{Name: "Carter"}, Target: event.Party{Name: "Barzani"},
		Mentions: []event.MentionRef{{Article: 1, Outlet: "Example", Text: "Carter met Barzani."}}, NumMentions: 1}
	talk := meet
	talk.Type, talk.Cameo = "CONSULT", "043"
	other := meet
	other.Story = 8
	first := []event.Record{meet, talk, other}
	if err := db.ReplaceStoryEvents(ctx, []int64{7, 8}, first); err != nil {
		t.Fatal(err)
	}
	changed := meet
	changed.NumMentions = 3
	again := []event.Record{talk, changed}
	if err := db.ReplaceStoryEvents(ctx, []int64{7}, again); err != nil {
		t.Fatal(err)
	}
	if again[0].ID != first[1].ID {
		t.Errorf("unchanged event: id %d, was %d", again[0].ID, first[1].ID)
	}
	if again[1].ID <= first[2].ID {
		t.Errorf("changed event: id %d, want a new one above %d", again[1].ID, first[2].ID)
	}
	got, n, err := db.CodedEventList(ctx, store.EventFilter{})
	if err != nil || n != 3 {
		t.Fatalf("%d events, %v; want 3", n, err)
	}
	want := map[int64]string{again[0].ID: recordJSON(t, again[0]), again[1].ID: recordJSON(t, again[1]), first[2].ID: recordJSON(t, first[2])}
	for _, r := range got {
		if w, ok := want[r.ID]; !ok || recordJSON(t, r) != w {
			t.Errorf("event %d read back\n%s\nwant\n%s", r.ID, recordJSON(t, r), w)
		}
	}
	twice := []event.Record{talk, talk}
	if err := db.ReplaceStoryEvents(ctx, []int64{7}, twice); err != nil {
		t.Fatal(err)
	}
	if twice[0].ID != first[1].ID || twice[1].ID == twice[0].ID {
		t.Errorf("twice: ids %d, %d", twice[0].ID, twice[1].ID)
	}
	if _, n, _ := db.CodedEventList(ctx, store.EventFilter{Story: 7}); n != 2 {
		t.Errorf("story 7: %d events, want 2", n)
	}
	// a row stored without a digest (before migration 9) is rewritten
	if _, err := db.Pool().Exec(ctx, `UPDATE coded_events SET digest = NULL WHERE story_id = 8`); err != nil {
		t.Fatal(err)
	}
	third := []event.Record{other}
	if err := db.ReplaceStoryEvents(ctx, []int64{8}, third); err != nil {
		t.Fatal(err)
	}
	if third[0].ID == first[2].ID {
		t.Errorf("event without a digest kept its row %d", third[0].ID)
	}
	if _, n, _ := db.CodedEventList(ctx, store.EventFilter{Story: 8}); n != 1 {
		t.Errorf("story 8: %d events, want 1", n)
	}
}

// TestWithEventID: the body written with an event is its JSON, id and all,
// as json.Marshal gives it, though it is made from the digest's encoding
// (id zeroed) with the id put in.
func TestWithEventID(t *testing.T) {
	for _, r := range []event.Record{
		{},
		{ID: 7, Story: 3, Type: "042", Source: event.Party{Name: "Kenya", Actor: 12}},
		{ID: 1 << 62, Story: 9, Date: "2026-12-06", AllSources: []event.Party{{Name: "a"}, {Name: "b"}}},
		{ID: -5},
	} {
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		_, zeroed, err := eventDigest(&r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := withEventID(zeroed, &r)
		if err != nil || string(got) != string(want) {
			t.Errorf("id %d: %s, %v; want %s", r.ID, got, err, want)
		}
	}
}
