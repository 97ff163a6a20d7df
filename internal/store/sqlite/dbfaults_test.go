package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

func TestPathsThatAreURISyntax(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"50%", "a?b", "c#d", "%41"} {
		dir := filepath.Join(t.TempDir(), name)
		path := filepath.Join(dir, "t.db")
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := db.Put(ctx, []store.Item{item("x", "", "body", "T", "text")}); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: the database is not where it was asked for: %v", name, err)
		}
	}
}

func TestPutDerivedRefusesAStaleRun(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	if _, err := db.Put(ctx, []store.Item{item("a", "", "a", "A", "a"), item("b", "", "b", "B", "b")}); err != nil {
		t.Fatal(err)
	}
	run := func(after, last int64) error {
		return db.PutDerived(ctx, &store.Derived{After: after, LastArticle: last,
			Assignments: []store.Assignment{{Article: last, Event: last, Storyline: 1}}, State: map[string][]byte{}})
	}
	if err := run(0, 1); err != nil {
		t.Fatal(err)
	}
	// a second process that also started from 0 comes too late
	if err := run(0, 2); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale run: %v, want ErrConflict", err)
	}
	if err := run(1, 2); err != nil {
		t.Fatalf("run from the current position: %v", err)
	}
	if last, _ := db.LastDerived(ctx); last != 2 {
		t.Errorf("position %d, want 2", last)
	}
	// state alone (no articles taken in) is not a run
	if err := db.PutDerived(ctx, &store.Derived{State: map[string][]byte{"x": []byte("y")}}); err != nil {
		t.Errorf("state only: %v", err)
	}
}

func TestFaultMessages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	os.WriteFile(path, []byte(strings.Repeat("not sqlite ", 1000)), 0o644)
	_, err := Open(ctx, path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("not a database: %v", err)
	}
	db, _ := openTemp(t)
	if err := db.CheckWritable(ctx); err != nil {
		t.Errorf("a fresh database is not writable: %v", err)
	}
}
