package corpus

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// failingPages is a store whose story pages cannot be written (a disk
// that filled after the stories were stored).
type failingPages struct{ store.Store }

var errPages = errors.New("injected: story pages not written")

func (failingPages) PutStoryPages(context.Context, []store.StoryPage) error { return errPages }

// A run stopped after storing its stories but before composing their
// pages leaves no stale page: the next run composes them first.
func TestPagesComposedAfterAnInterruptedRun(t *testing.T) {
	ctx := context.Background()
	open := func(name string) *sqlite.DB {
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	ref, db := open("ref.db"), open("t.db")
	for _, d := range []*sqlite.DB{ref, db} {
		put(t, d, 0)
		if _, err := Update(ctx, d, Options{}); err != nil {
			t.Fatal(err)
		}
		put(t, d, 1) // joins the first article's story, whose page changes
	}
	if _, err := Update(ctx, ref, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(ctx, failingPages{db}, Options{}); !errors.Is(err, errPages) {
		t.Fatalf("update with failing pages: %v", err)
	}
	// nothing new to take in, but the page left behind is composed
	if st, err := Update(ctx, db, Options{}); err != nil || st.Articles != 0 {
		t.Fatalf("next update: %+v %v", st, err)
	}
	for id := int64(1); id <= 2; id++ {
		want, _ := ref.StoryPage(ctx, id)
		got, _ := db.StoryPage(ctx, id)
		if string(got) != string(want) {
			t.Errorf("story %d: page differs from an uninterrupted run's:\n got %.300s\nwant %.300s", id, got, want)
		}
	}
}
