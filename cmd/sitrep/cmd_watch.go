package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/ingest/watch"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store/open"
)

func init() {
	register(&command{
		name:    "watch",
		summary: "ingest continuously: folders re-read when files change, feeds and pages polled politely (ETag, If-Modified-Since)",
		usage:   "[--db FILE | --queue nats://HOST:4222] [--every 5m] [--story-window 1m] [--outlet NAME] [--allow-private] [--once] PATH|URL ...",
		run:     runWatch,
	})
}

// minEvery keeps polling polite: no feed is asked more than once a minute.
const minEvery = time.Minute

func runWatch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, commands["watch"])
	dbPath := dbFlag(fs)
	every := fs.Duration("every", 5*time.Minute, "poll every `DURATION` (at least 1m)")
	outlet := fs.String("outlet", "", "outlet `NAME` for inputs that do not name one")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching URLs on loopback, private and link-local addresses")
	maxDoc := fs.Int64("max-doc-size", 16<<20, "largest single document in `BYTES`")
	once := fs.Bool("once", false, "poll once and stop (for scripts and tests)")
	storyWin := fs.Duration("story-window", defaultStoryWindow, "cluster the articles of polls within this `DURATION` of the first as one batch (0: each poll at once)")
	qURL := queueFlag(fs, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError{"nothing to watch: name folders, files or feed URLs"}
	}
	for _, p := range pos {
		if p == "-" {
			return usageError{"watch cannot read standard input; use sitrep ingest -"}
		}
	}
	if *every < minEvery {
		*every = minEvery
	}
	if *qURL != "" {
		opts := ingest.Options{MaxDocBytes: *maxDoc}
		opts.Fetch.AllowPrivate = *allowPrivate
		return watchToQueue(ctx, e, *qURL, pos, *outlet, opts, *every, *once)
	}
	db, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	opts := ingest.Options{MaxDocBytes: *maxDoc}
	opts.Fetch.AllowPrivate = *allowPrivate
	w := watch.New(pos, opts)
	var mu sync.Mutex // held while a poll stores articles
	win := newStoryWindow(db, *storyWin)
	win.lock = &mu
	win.done = func(cs corpus.Stats, err error) {
		if err != nil {
			fmt.Fprintf(e.stderr, "sitrep watch: actors and stories: %v\n", err)
		} else if cs.Articles > 0 {
			fmt.Fprintf(e.stderr, "%s sitrep watch: %d articles into stories: %d new stories\n", time.Now().Format("15:04:05"), cs.Articles, cs.NewEvents)
		}
	}
	defer func() {
		// what waits for the window gets its stories before watch stops
		mu.Lock()
		defer mu.Unlock()
		if win.Pending() > 0 {
			if _, err := win.Flush(context.Background()); err != nil {
				fmt.Fprintf(e.stderr, "sitrep watch: actors and stories: %v\n", err)
			}
		}
	}()
	fmt.Fprintf(e.stderr, "sitrep watch: %d inputs every %s into %s (Ctrl-C stops)\n", len(pos), *every, open.Redact(*dbPath))
	for {
		pr := &progress{e: e, prefix: "sitrep watch: "}
		o := pr.options()
		o.Outlet = *outlet
		o.DeferCorpus = true // the story window runs the corpus stages
		mu.Lock()
		p, err := pipeline.New(ctx, db, o)
		if err != nil {
			mu.Unlock()
			return err
		}
		round, pollErr := w.Poll(ctx, p)
		rep, storeErr := p.Close()
		mu.Unlock()
		if ctx.Err() != nil {
			return nil
		}
		if pollErr != nil {
			return pollErr
		}
		if storeErr != nil {
			return storeErr
		}
		if *once {
			win.window = 0 // one poll: its batch is all there is
		}
		mu.Lock()
		cs, ran, err := win.Added(ctx, rep.Added+rep.Versions)
		mu.Unlock()
		if err != nil {
			return fmt.Errorf("actors and stories: %w", err)
		}
		if rep.Documents > 0 || rep.Failed > 0 {
			stories := fmt.Sprintf("%d new stories", cs.NewEvents)
			if !ran && win.Pending() > 0 {
				stories = fmt.Sprintf("stories within %s", win.window)
			}
			fmt.Fprintf(e.stderr, "%s sitrep watch: %d files, %d feeds changed (%d unchanged): %d added, %d new versions, %d duplicates, %d problems; %s\n",
				time.Now().Format("15:04:05"), round.Files, round.Fetched, round.Unchanged, rep.Added, rep.Versions, rep.Duplicates, rep.Failed, stories)
		}
		if *once {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(*every):
		}
	}
}
