package corpus

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// A repeat of an article in its own story (the same text under a changed
// title, a day later, with an update line: what a wire story republished
// looks like) reports the same happenings again: it adds mentions to the
// story's coded events, not events. Counted in the store, after the
// corpus stage re-derived the story's events with the repeat a member.
func TestRepeatAddsMentionsNotEvents(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a := articles[0]
	first, _ := time.Parse("2006-01-02", a.date)
	putText := func(title, text, outlet string, pub time.Time) {
		t.Helper()
		an := analyse.New().Annotate(analyse.Input{Text: text, Published: pub})
		art := clean.Article{Title: title, Text: text, Outlet: outlet, Published: pub, Language: "en"}
		if _, err := db.Put(ctx, []store.Item{{Raw: store.Raw{Origin: title, MediaType: "text/plain", Body: []byte(title + text)}, Article: art, Analysis: &an}}); err != nil {
			t.Fatal(err)
		}
	}
	type counts struct{ stories, events, mentions int }
	count := func() counts {
		t.Helper()
		recs, total, err := db.CodedEventList(ctx, store.EventFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		c := counts{events: total}
		stories := map[int64]bool{}
		for _, r := range recs {
			stories[r.Story] = true
			c.mentions += r.NumMentions
		}
		c.stories = len(stories)
		return c
	}
	run := func() {
		t.Helper()
		sg, err := Open(ctx, db, Options{Batch: 1})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sg.Run(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	putText(a.title, a.text, a.outlet, first)
	run()
	before := count()
	if before.events == 0 {
		t.Fatal("no coded events for the original")
	}
	for i, rep := range []struct {
		title  string
		outlet string
		pub    time.Time
	}{
		{"Update: " + a.title, a.outlet, first.Add(24 * time.Hour)},
		{"Analysis: " + a.title, "Coastal Herald", first.Add(30 * time.Hour)},
	} {
		putText(rep.title, a.text+"\n\nUpdated "+rep.pub.Format("January 2, 2006")+".", rep.outlet, rep.pub)
		run()
		after := count()
		if after.stories != 1 {
			t.Fatalf("repeat %d: events in %d stories, want the original's one", i+1, after.stories)
		}
		if after.events != before.events {
			t.Errorf("repeat %d: %d coded events, want the original's %d (a repeat adds mentions, not events)", i+1, after.events, before.events)
		}
		if want := before.mentions * (i + 2); after.mentions != want {
			t.Errorf("repeat %d: %d mentions, want %d", i+1, after.mentions, want)
		}
	}
}
