package corpus

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// A story touched batch after batch merges its members' kept coded
// events: what it stores equals coding every member again from scratch.
func TestKeptCodedEventsEqualRecoding(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	put(t, db, 0)
	put(t, db, 1)
	// a third report of the ferry story, from a third outlet
	text := "The harbour authority of Port Ellen approved night ferries to Glasgow on Tuesday for a six-month trial.\n\n" +
		"Harbour chair Ailsa Brodie said the first night ferry would sail on March 20. Fishermen protested against the ferries outside the harbour office."
	pub := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: pub})
	if _, err := db.Put(ctx, []store.Item{{Raw: store.Raw{Origin: "third", MediaType: "text/plain", Body: []byte(text)},
		Article: clean.Article{Title: "Port Ellen night ferry trial approved", Text: text, Outlet: "Island Post", Published: pub, Language: "en"}, Analysis: &an}}); err != nil {
		t.Fatal(err)
	}
	sg, err := Open(ctx, db, Options{Batch: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sg.Run(ctx, true); err != nil {
		t.Fatal(err)
	}
	if len(sg.docs.coded) < 2 {
		t.Fatalf("coded events kept for %d articles, want the ferry story's members", len(sg.docs.coded))
	}
	events := func() string {
		recs, _, err := db.CodedEventList(ctx, store.EventFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for i := range recs {
			recs[i].ID = 0 // re-coding stores them anew
		}
		b, _ := json.Marshal(recs)
		return string(b)
	}
	kept := events()
	if kept == "[]" || kept == "null" {
		t.Fatal("no coded events")
	}
	if _, err := CodeAllEvents(ctx, db); err != nil {
		t.Fatal(err)
	}
	if again := events(); again != kept {
		t.Errorf("events merged from kept codings differ from coding again:\nkept  %.600s\nagain %.600s", kept, again)
	}
}
