package corpus

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// codingWatcher notes, each time a story's events are coded, which
// articles a server would have announced by then.
type codingWatcher struct {
	*sqlite.DB
	t     *testing.T
	looks [][2]int64 // announced, stored
}

func (w *codingWatcher) ReplaceStoryEvents(ctx context.Context, stories []int64, recs []event.Record) error {
	ann, err := Announced(ctx, w.DB)
	if err != nil {
		w.t.Fatal(err)
	}
	last, err := w.LastDerived(ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	w.looks = append(w.looks, [2]int64{ann, last})
	return w.DB.ReplaceStoryEvents(ctx, stories, recs)
}

// A story is announced only once its events are coded: while they are
// being coded the batch is stored but not announced, and after the run
// every stored article is.
func TestAnnouncedAfterEventsCoded(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if ann, err := Announced(ctx, db); err != nil || ann != 0 {
		t.Fatalf("empty database announced %d, %v", ann, err)
	}
	put(t, db, 0)
	put(t, db, 1)
	w := &codingWatcher{DB: db, t: t}
	if _, err := Update(ctx, w, Options{Batch: 1}); err != nil {
		t.Fatal(err)
	}
	if len(w.looks) != 2 {
		t.Fatalf("events coded %d times, want once per batch (2)", len(w.looks))
	}
	for i, l := range w.looks {
		if l[0] >= l[1] {
			t.Errorf("batch %d: articles up to %d announced while the events of those up to %d were being coded", i+1, l[0], l[1])
		}
	}
	last, _ := db.LastDerived(ctx)
	if ann, err := Announced(ctx, db); err != nil || ann != last || last == 0 {
		t.Fatalf("after the run: announced %d, stored %d (%v)", ann, last, err)
	}
}
