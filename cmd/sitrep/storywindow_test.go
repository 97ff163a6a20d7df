package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
)

func TestStoryWindow(t *testing.T) {
	ctx := context.Background()
	db, err := openDB(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tests := []struct {
		name    string
		window  time.Duration
		max     int
		n       int
		wantRan bool
	}{
		{"no window", 0, 200, 3, true},
		{"window holds back", time.Hour, 200, 3, false},
		{"full batch runs early", time.Hour, 2, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newStoryWindow(db, tt.window)
			w.maxPending = tt.max
			_, ran, err := w.Added(ctx, tt.n)
			if err != nil || ran != tt.wantRan {
				t.Fatalf("ran %v err %v, want ran %v", ran, err, tt.wantRan)
			}
			if want := map[bool]int{true: 0, false: tt.n}[ran]; w.Pending() != want {
				t.Errorf("pending %d, want %d", w.Pending(), want)
			}
			if _, err := w.Flush(ctx); err != nil || w.Pending() != 0 {
				t.Errorf("flush: pending %d, err %v", w.Pending(), err)
			}
		})
	}
	t.Run("window closes", func(t *testing.T) {
		w := newStoryWindow(db, 20*time.Millisecond)
		fired := make(chan error, 1)
		w.done = func(_ corpus.Stats, err error) { fired <- err }
		if _, ran, _ := w.Added(ctx, 1); ran {
			t.Fatal("ran inside the window")
		}
		select {
		case err := <-fired:
			if err != nil || w.Pending() != 0 {
				t.Fatalf("deferred run: err %v, pending %d", err, w.Pending())
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the window never closed")
		}
	})
}
