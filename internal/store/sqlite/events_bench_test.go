package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

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

// BenchmarkReplaceStoryEventsTouched re-derives stories already stored,
// as the corpus stage does when a batch adds articles to them: 200
// stories of 20 events, of which one event changes a batch (one more
// mention) and the others come back as they were. The mentions are
// sentences of stored articles.
func BenchmarkReplaceStoryEventsTouched(b *testing.B) {
	ctx := context.Background()
	db, _ := openTemp(b)
	const stories, perStory = 200, 20
	items := benchItems(0, stories)
	res, err := db.Put(ctx, items)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]int64, stories)
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	batch := func(n int) []event.Record {
		var recs []event.Record
		for i, story := range ids {
			art := res[i].ID
			text := items[i].Article.Text
			for j := 0; j < perStory; j++ {
				r := event.Record{Story: story, Type: "ASSAULT", Cameo: "190", Date: "2016-10-21", Status: event.Asserted,
					Source: event.Party{Name: "Islamic State", Text: "IS fighters", Actor: int64(j + 1)},
					Target: event.Party{Name: "Iraqi army", Text: "the army", Actor: int64(j + 2)},
					Place:  &event.Place{Name: "Kirkuk", GeonamesID: 100, Lat: 35.46806, Lon: 44.39222}, NumMentions: 1 + j%2}
				if j == n%perStory {
					r.NumMentions++ // the one that changed
				}
				for k := 0; k < r.NumMentions; k++ {
					start := (j + k) * 100
					r.Mentions = append(r.Mentions, event.MentionRef{Article: art, Sentence: j + k, Span: event.Span{Start: start, End: start + 99},
						Outlet: items[i].Article.Outlet, Text: text[start : start+99], URL: items[i].Article.URL})
				}
				r.FirstReport = r.Mentions[0]
				recs = append(recs, r)
			}
		}
		return recs
	}
	if err := db.ReplaceStoryEvents(ctx, ids, batch(0)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var cpu time.Duration // the writer's: on a shared machine steadier than the elapsed time
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		recs := batch(i + 1)
		b.StartTimer()
		t0 := threadCPU()
		if err := db.ReplaceStoryEvents(ctx, ids, recs); err != nil {
			b.Fatal(err)
		}
		cpu += threadCPU() - t0
	}
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*stories), "writer-cpu-µs/story")
}
