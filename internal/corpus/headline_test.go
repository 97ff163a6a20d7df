package corpus

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// An article's headline is coded as a sentence of its own: the event it
// tells is the one its text tells, with the headline as one more mention
// (sentence event.HeadlineIndex, the title as its text); a headline
// telling another happening is an event of its own, its evidence the
// title.
func TestHeadlineEvents(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pub := time.Date(2025, 4, 9, 0, 0, 0, 0, time.UTC)
	docs := []struct{ title, text string }{
		{"Brodie meets union leader Keir",
			"Harbour chair Ailsa Brodie met union leader Tom Keir in Port Ellen on Tuesday.\n\n" +
				"Keir said the first night ferry would sail on March 20."},
		{"Brodie to visit Glasgow",
			"The harbour authority of Port Ellen approved night ferries on Tuesday for a six-month trial.\n\n" +
				"Ailsa Brodie said the ferries would bring work to the island. Brodie also praised the crews."},
	}
	for i, d := range docs {
		an := analyse.New().Annotate(analyse.Input{Text: d.text, Published: pub})
		if _, err := db.Put(ctx, []store.Item{{Raw: store.Raw{Origin: "h" + string(rune('a'+i)), MediaType: "text/plain", Body: []byte(d.text)},
			Article: clean.Article{Title: d.title, Text: d.text, Outlet: "Island Post", Published: pub, Language: "en"}, Analysis: &an}}); err != nil {
			t.Fatal(err)
		}
	}
	sg, err := Open(ctx, db, Options{Batch: 10})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sg.Run(ctx, true); err != nil {
		t.Fatal(err)
	}
	recs, _, err := db.CodedEventList(ctx, store.EventFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var meetings, headlineOnly int
	for _, r := range recs {
		var head, body int
		for _, m := range r.Mentions {
			if m.Sentence == event.HeadlineIndex {
				head++
				if m.Text != docs[0].title && m.Text != docs[1].title {
					t.Errorf("headline mention text %q, want a title", m.Text)
				}
			} else {
				body++
			}
		}
		if r.Type == "CONSULT" && r.Status == event.Asserted {
			meetings++
			if head != 1 || body != 1 {
				t.Errorf("the meeting: %d headline and %d text mentions, want one of each", head, body)
			}
		}
		if head > 0 && body == 0 {
			headlineOnly++
			if r.Type != "CONSULT" || r.Status != event.Future || r.Source.Name != "Ailsa Brodie" {
				t.Errorf("headline-only event %s %s from %q, want Ailsa Brodie's planned visit", r.Type, r.Status, r.Source.Name)
			}
		}
	}
	if meetings != 1 {
		t.Errorf("%d meetings, want 1", meetings)
	}
	if headlineOnly != 1 {
		t.Errorf("%d events told only by a headline, want 1 (the visit)", headlineOnly)
	}
}
