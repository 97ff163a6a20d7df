package sqlite

import (
	"context"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

func TestCodedEvents(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	// two stories exist
	if _, err := db.db.ExecContext(ctx, `INSERT INTO events(id, storyline_id, first_seen, last_seen) VALUES (1, 1, '', ''), (2, 1, '', '')`); err != nil {
		t.Fatal(err)
	}
	rec := func(story int64, typ, date, src, tgt string, srcActor int64, place string, gid uint32) event.Record {
		return event.Record{Story: story, Type: typ, Cameo: "190", Date: date, Status: event.Asserted,
			Source: event.Party{Name: src, Text: src, Actor: srcActor}, Target: event.Party{Name: tgt, Text: tgt},
			Place: &event.Place{Name: place, GeonamesID: gid}, NumMentions: 1,
			Mentions: []event.MentionRef{{Article: 1, Sentence: 0, Outlet: "AP", Text: "x"}}}
	}
	recs := []event.Record{
		rec(1, "ASSAULT", "2016-10-21", "Islamic State", "Iraqi army", 7, "Kirkuk", 100),
		rec(1, "CONSULT", "2016-10-22", "Ash Carter", "Massoud Barzani", 8, "Erbil", 200),
		rec(2, "ASSAULT", "2016-11-02", "Iraqi army", "Mosul", 9, "Mosul", 300),
	}
	if err := db.ReplaceStoryEvents(ctx, []int64{1, 2}, recs); err != nil {
		t.Fatal(err)
	}
	if recs[0].ID == 0 || recs[2].ID == recs[0].ID {
		t.Fatalf("ids not filled: %d %d", recs[0].ID, recs[2].ID)
	}
	for _, tc := range []struct {
		name string
		f    store.EventFilter
		want int
	}{
		{"all", store.EventFilter{}, 3},
		{"story", store.EventFilter{Story: 1}, 2},
		{"type", store.EventFilter{Type: "assault"}, 2},
		{"actor id", store.EventFilter{Actor: "8"}, 1},
		{"actor words", store.EventFilter{Actor: "Barzani"}, 0}, // words must start a name
		{"actor name", store.EventFilter{Actor: "Massoud Barzani"}, 1},
		{"place name", store.EventFilter{Place: "mosul"}, 1},
		{"place id", store.EventFilter{Place: "100"}, 1},
		{"from", store.EventFilter{From: "2016-10-22"}, 2},
		{"to", store.EventFilter{To: "2016-10-21"}, 1},
		{"page", store.EventFilter{Limit: 1, Offset: 1}, 1},
	} {
		got, total, err := db.CodedEventList(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(got) != tc.want {
			t.Errorf("%s: %d events (total %d), want %d", tc.name, len(got), total, tc.want)
		}
	}
	got, _, _ := db.CodedEventList(ctx, store.EventFilter{Story: 1, Type: "CONSULT"})
	if len(got) != 1 || got[0].Source.Name != "Ash Carter" || got[0].Place.Name != "Erbil" || len(got[0].Mentions) != 1 {
		t.Errorf("record read back: %+v", got)
	}
	// a story merged away loses its own events with it
	if err := db.PutDerived(ctx, &store.Derived{EventMerges: map[int64]int64{2: 1}}); err != nil {
		t.Fatal(err)
	}
	if _, total, _ := db.CodedEventList(ctx, store.EventFilter{}); total != 2 {
		t.Errorf("after the merge: %d events, want 2", total)
	}
	// re-deriving story 1 replaces its events
	if err := db.ReplaceStoryEvents(ctx, []int64{1}, []event.Record{rec(1, "ASSAULT", "2016-10-21", "Islamic State", "Iraqi army", 7, "Kirkuk", 100)}); err != nil {
		t.Fatal(err)
	}
	if got, total, _ := db.CodedEventList(ctx, store.EventFilter{}); total != 1 || len(got) != 1 {
		t.Errorf("after re-deriving: %d events, want 1", total)
	}
	// events of a story deleted otherwise (a database written before
	// merges took them along) are swept by the next process's first call
	if _, err := db.db.ExecContext(ctx, `INSERT INTO coded_events(story_id, type, cameo, status, source_actor, target_actor, source_name, target_name,
		place_geonames, place_name, date, mentions, body) VALUES (9, 'ASSAULT', '190', 'asserted', 0, 0, '', '', 0, '', '2016-10-21', 1, '{}')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if err := db2.ReplaceStoryEvents(ctx, []int64{1}, []event.Record{rec(1, "ASSAULT", "2016-10-21", "Islamic State", "Iraqi army", 7, "Kirkuk", 100)}); err != nil {
		t.Fatal(err)
	}
	var orphans int
	if err := db2.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM coded_events WHERE story_id = 9`).Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("orphaned coded events: %d (%v), want 0", orphans, err)
	}
}
