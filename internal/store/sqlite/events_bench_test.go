package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

// BenchmarkReplaceStoryEvents stores the coded events of one corpus batch
// of new stories, as the corpus stage does after every batch: 200 stories
// of 20 events, each event reported by one or two sentences.
func BenchmarkReplaceStoryEvents(b *testing.B) {
	ctx := context.Background()
	db, _ := openTemp(b)
	const stories, perStory = 200, 20
	batch := func(n int) ([]int64, []event.Record) {
		ids := make([]int64, stories)
		var recs []event.Record
		for i := range ids {
			ids[i] = int64(n*stories + i + 1)
			for j := 0; j < perStory; j++ {
				r := event.Record{Story: ids[i], Type: "ASSAULT", Cameo: "190", Date: "2016-10-21", Status: event.Asserted,
					Source: event.Party{Name: "Islamic State", Text: "IS fighters", Actor: int64(j + 1)},
					Target: event.Party{Name: "Iraqi army", Text: "the army", Actor: int64(j + 2)},
					Place:  &event.Place{Name: "Kirkuk", GeonamesID: 100}, NumMentions: 1 + j%2}
				for k := 0; k < r.NumMentions; k++ {
					r.Mentions = append(r.Mentions, event.MentionRef{Article: ids[i], Sentence: j + k, Outlet: fmt.Sprint("outlet", k)})
				}
				recs = append(recs, r)
			}
		}
		return ids, recs
	}
	ids, recs := batch(0) // the first call also sweeps orphans once
	if err := db.ReplaceStoryEvents(ctx, ids, recs); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ids, recs := batch(i + 1)
		b.StartTimer()
		if err := db.ReplaceStoryEvents(ctx, ids, recs); err != nil {
			b.Fatal(err)
		}
	}
}
