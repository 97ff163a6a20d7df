package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/open"
	"github.com/sitrep/sitrep/internal/view"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "serve the web UI and the JSON API (/api/v1/) over HTTP",
		usage:   "[--db FILE] [--create] [--addr 127.0.0.1:8080] [--cache 5s] [--max-page 200]  (env: SITREP_TOKEN for writes, SITREP_READ_TOKEN to close reads)",
		run:     runServe,
	})
}

func runServe(ctx context.Context, e *env, args []string) error {
	c := commands["serve"]
	fs := newFlags(e, c)
	dbPath := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	maxLimit := fs.Int("max-page", 200, "largest page size a listing answers")
	cacheTTL := fs.Duration("cache", 5*time.Second, "keep API answers this long (0: no cache); new stories and articles empty the cache")
	privateHooks := fs.Bool("allow-private-webhooks", false, "let watchlist webhooks reach loopback, private and link-local addresses")
	maxIngest := fs.Int64("max-ingest-size", 16<<20, "largest body of POST /api/v1/ingest in `BYTES`")
	poll := fs.Duration("poll", 2*time.Second, "look for new articles and stories this often (added by ingest or watch)")
	storyWin := fs.Duration("story-window", defaultStoryWindow, "cluster articles POSTed within this `DURATION` of one another as one batch (0: each request at once)")
	create := fs.Bool("create", false, "create the database when it does not exist (to fill it through POST /api/v1/ingest)")
	corpusLease := fs.Bool("corpus-lease", false, "with sitrep workers on this database: take part in the election of the one process that runs the corpus stage (actors, stories)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"serve takes no arguments"}
	}
	// Serving a database that is not there would answer an empty site
	// from a file just created by mistake: refused unless asked for.
	if *create {
		db, err := openDB(ctx, *dbPath)
		if err != nil {
			return err
		}
		db.Close()
	}
	reader, closeReader, err := openReader(ctx, e, *dbPath)
	if err != nil {
		return err
	}
	defer closeReader()

	db, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if *corpusLease {
		defer serveCorpus(ctx, e, db)() // cmd_worker.go
	}
	broker := server.NewBroker()
	ingestMu := &sync.Mutex{}
	win := newStoryWindow(db, *storyWin)
	win.done = func(_ corpus.Stats, err error) {
		if err != nil {
			fmt.Fprintf(e.stderr, "sitrep serve: actors and stories: %v\n", err)
		}
	}
	defer func() {
		// articles still waiting get their stories before the server stops
		ingestMu.Lock()
		defer ingestMu.Unlock()
		if win.Pending() > 0 {
			if _, err := win.Flush(context.Background()); err != nil {
				fmt.Fprintf(e.stderr, "sitrep serve: actors and stories: %v\n", err)
			}
		}
	}()
	opts := server.Options{
		ReadToken:  os.Getenv("SITREP_READ_TOKEN"),
		WriteToken: os.Getenv("SITREP_TOKEN"),
		Notifier:   broker,
		MaxLimit:   *maxLimit,
		CacheTTL:   *cacheTTL,
		Logger:     slog.New(slog.NewTextHandler(e.stderr, nil)),

		AllowPrivateWebhooks: *privateHooks,
		Ingest:               httpIngestWindow(db, win, ingestMu),
		MaxIngestBytes:       *maxIngest,
		Watchlists:           dbWatchlists{db},
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           server.New(server.WithCodedEvents(reader, db), opts), // coded events: api_events.go
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		// No WriteTimeout: /api/v1/events streams for as long as the
		// client stays; each API call has its own timeout instead.
	}
	srv.RegisterOnShutdown(broker.Close)
	// Another process (sitrep ingest, sitrep watch) or POST
	// /api/v1/ingest may add articles at any time: new articles and the
	// stories they join are announced on /api/v1/events.
	startAnnouncing(ctx, db, broker, *poll, nil)
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() && opts.ReadToken == "" {
		fmt.Fprintf(e.stderr, "sitrep serve: warning: listening on %s with open reads; set SITREP_READ_TOKEN to close them\n", host)
	}
	fmt.Fprintf(e.stderr, "sitrep serve: http://%s/ (database %s; Ctrl-C stops)\n", ln.Addr(), open.Redact(*dbPath))

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// announcer publishes an "article" event for each article that the
// corpus stage has taken in since the last look, and a "story" event for
// each story they joined, once their stories' pages and coded events are
// written (corpus.Announced).
type announcer struct {
	db interface {
		LastDerived(context.Context) (int64, error)
		State(context.Context, string) ([]byte, error)
		ArticleIDsAfter(context.Context, int64) ([]int64, error)
		Summaries(context.Context, []int64) ([]view.ArticleSummary, error)
	}
	b     *server.Broker
	last  int64 // the mark up to which all is announced
	known bool  // last has been read (the database may be down at start)
	wake  chan struct{}
}

// nudge makes the announcer look now (or, when busy, once more after).
func (a *announcer) nudge() {
	select {
	case a.wake <- struct{}{}:
	default:
	}
}

// run looks every poll and whenever nudged, until ctx ends.
func (a *announcer) run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-a.wake:
		}
		a.look(ctx)
	}
}

// look announces what the corpus stage has wholly written after the last
// mark announced; on an error it announces nothing and the next look
// tries again from the same mark.
func (a *announcer) look(ctx context.Context) {
	upTo, err := corpus.Announced(ctx, a.db)
	if err != nil {
		return
	}
	if !a.known {
		a.last, a.known = upTo, true
		return
	}
	if upTo <= a.last {
		return
	}
	ids, err := a.db.ArticleIDsAfter(ctx, a.last)
	if err != nil {
		return
	}
	var fresh []int64
	for _, id := range ids {
		if id <= upTo {
			fresh = append(fresh, id)
		}
	}
	arts, err := a.db.Summaries(ctx, fresh)
	if err != nil {
		return
	}
	stories := map[int64]bool{}
	for _, x := range arts {
		a.b.Publish(server.Event{Type: "article", ID: x.ID, Data: x})
		if x.Story != 0 && !stories[x.Story] {
			stories[x.Story] = true
			a.b.Publish(server.Event{Type: "story", ID: x.Story})
		}
	}
	a.last = upTo
}

// httpIngest runs POST /api/v1/ingest bodies through the same pipeline as
// sitrep ingest, one request at a time.
func httpIngest(db store.DB) server.IngestFunc {
	return httpIngestWindow(db, newStoryWindow(db, 0), &sync.Mutex{})
}

// httpIngestWindow is httpIngest with the actors-and-stories stage held
// back by win (see storyWindow); mu serialises requests and deferred runs.
func httpIngestWindow(db store.DB, win *storyWindow, mu *sync.Mutex) server.IngestFunc {
	win.lock = mu
	return func(ctx context.Context, name string, body io.Reader) (*server.IngestResult, error) {
		mu.Lock()
		defer mu.Unlock()
		var problems []string
		var pmu sync.Mutex // problems come from the walk and the writer
		o := pipeline.Options{DeferCorpus: true, Problem: func(ie *ingest.InputError) {
			pmu.Lock()
			defer pmu.Unlock()
			if ie.Origin == "-" {
				ie.Origin = "stdin"
			}
			ie.Origin = strings.Replace(ie.Origin, "stdin", name, 1)
			problems = append(problems, ie.Error())
		}}
		p, err := pipeline.New(ctx, db, o)
		if err != nil {
			return nil, err
		}
		walkErr := ingest.Walk(ctx, []string{"-"}, ingest.Options{Stdin: body}, renamed{p, name})
		rep, err := p.Close()
		if err != nil {
			return nil, err
		}
		if walkErr != nil {
			return nil, walkErr
		}
		cs, ran, err := win.Added(ctx, rep.Added+rep.Versions)
		if err != nil {
			return nil, err
		}
		res := &server.IngestResult{Documents: rep.Documents, Added: rep.Added, NewVersions: rep.Versions, Duplicates: rep.Duplicates,
			NewStories: cs.NewEvents, Problems: problems}
		if !ran && win.Pending() > 0 {
			res.StoriesAfter = win.window.String()
		}
		return res, nil
	}
}

// renamed gives the documents of an uploaded body the request's name as
// their origin instead of "stdin".
type renamed struct {
	*pipeline.Pipeline
	name string
}

func (r renamed) Document(d ingest.Document) error {
	d.Origin = strings.Replace(d.Origin, "stdin", r.name, 1)
	return r.Pipeline.Document(d)
}

// watchlistsState names the state row that keeps the server's watchlists.
const watchlistsState = "server.watchlists"

// dbWatchlists keeps the server's watchlists in the database's state table.
type dbWatchlists struct{ db store.Store }

func (w dbWatchlists) Load(ctx context.Context) ([]byte, error) {
	return w.db.State(ctx, watchlistsState)
}

func (w dbWatchlists) Save(ctx context.Context, b []byte) error {
	return w.db.PutDerived(ctx, &store.Derived{State: map[string][]byte{watchlistsState: b}})
}
