package corpus

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// TestFollowEqualsOneGoroutine: storing a batch's results, composing its
// pages and coding its events on other goroutines (the pages beside the
// events, the events on two), while the next batch is clustered, stores
// exactly what one goroutine doing all in turn stores — stories, pages,
// actors, state, and every coded event with its id — in one Update and
// in a stage following chunks stored one after the other.
func TestFollowEqualsOneGoroutine(t *testing.T) {
	const n, batch = 96, 6
	items := generatedItems(t, n)
	ctx := context.Background()
	// the events of every story coded on two goroutines, however few
	defer func(n int) { minParallelCoded = n }(minParallelCoded)
	minParallelCoded = 1
	build := func(name string, sequential bool, chunks []int) (corpusSnapshot, []event.Record) {
		noFollow = sequential
		defer func() { noFollow = false }()
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		sg, err := Open(ctx, db, Options{Batch: batch})
		if err != nil {
			t.Fatal(err)
		}
		from := 0
		for _, to := range chunks {
			if _, err := db.Put(ctx, items[from:to]); err != nil {
				t.Fatal(err)
			}
			from = to
			if _, err := sg.Run(ctx, to == n); err != nil {
				t.Fatal(err)
			}
		}
		recs, _, err := db.CodedEventList(ctx, store.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return takeSnapshot(t, db), recs
	}
	for _, chunks := range [][]int{{n}, {10, 30, 31, 60, 90, n}} {
		want, wantCoded := build("one.db", true, chunks)
		got, gotCoded := build("two.db", false, chunks)
		if len(want.stories) < 10 || want.coded == 0 {
			t.Fatalf("%d stories, %d coded events: the corpus exercises too little", len(want.stories), want.coded)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("chunks %v: stories, pages, actors or state differ", chunks)
		}
		if !reflect.DeepEqual(gotCoded, wantCoded) {
			t.Errorf("chunks %v: coded events differ (%d, want %d)", chunks, len(gotCoded), len(wantCoded))
		}
	}
}
