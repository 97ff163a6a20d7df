package main

import (
	"context"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/store"
)

// storyWindow holds back the actors-and-stories stage (corpus.Update) for
// a short window after articles arrive, so that live feeds, which bring a
// few articles at a time, are clustered in batches as `sitrep ingest`
// clusters a folder: within a batch the result does not depend on the
// order the articles came in. Articles are stored (and searchable) at
// once; only their story assignment waits. A window of 0 runs the stage
// after every arrival.
type storyWindow struct {
	st     store.Store
	window time.Duration
	// maxPending runs the stage early once this many articles wait (the
	// corpus stage's batch size).
	maxPending int
	// done, when set, is told what each deferred run did.
	done func(corpus.Stats, error)
	// lock, when set, is held by a deferred run: the caller's lock
	// around storing articles, so the stage never runs beside a store.
	lock sync.Locker

	mu      sync.Mutex // serialises runs of the stage
	pmu     sync.Mutex
	pending int
	timer   *time.Timer
}

// defaultStoryWindow is the window of watch and serve: long enough to
// gather a poll round of several feeds, short enough that a story shows
// within a minute of its articles.
const defaultStoryWindow = time.Minute

func newStoryWindow(st store.Store, window time.Duration) *storyWindow {
	return &storyWindow{st: st, window: window, maxPending: 200}
}

// Added records n newly stored articles. It runs the stage now (and
// returns its stats, ran true) when there is no window or enough articles
// wait; otherwise it makes sure a run is scheduled when the window
// closes.
func (w *storyWindow) Added(ctx context.Context, n int) (cs corpus.Stats, ran bool, err error) {
	w.pmu.Lock()
	w.pending += n
	now := w.window <= 0 || w.pending >= w.maxPending
	if !now && w.pending > 0 && w.timer == nil {
		w.timer = time.AfterFunc(w.window, func() {
			// the request that started the window may be gone: the
			// deferred run is not tied to it
			if w.lock != nil {
				w.lock.Lock()
				defer w.lock.Unlock()
			}
			cs, err := w.Flush(context.Background())
			if w.done != nil {
				w.done(cs, err)
			}
		})
	}
	w.pmu.Unlock()
	if !now {
		return cs, false, nil
	}
	cs, err = w.Flush(ctx)
	return cs, true, err
}

// Flush runs the stage over every article waiting, now.
func (w *storyWindow) Flush(ctx context.Context) (corpus.Stats, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pmu.Lock()
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	w.pending = 0
	w.pmu.Unlock()
	return corpus.Update(ctx, w.st, corpus.Options{})
}

// Pending reports how many articles wait for the stage.
func (w *storyWindow) Pending() int {
	w.pmu.Lock()
	defer w.pmu.Unlock()
	return w.pending
}
