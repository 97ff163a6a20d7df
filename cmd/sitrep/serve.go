package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/view"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "serve the web UI and the JSON API (/api/v1/) over HTTP",
		usage:   "[--db FILE] [--addr 127.0.0.1:8080] [--cache 5s] [--max-page 200]  (env: SITREP_TOKEN for writes, SITREP_READ_TOKEN to close reads)",
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
	poll := fs.Duration("poll", 2*time.Second, "look for new articles and stories this often (added by ingest or watch)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"serve takes no arguments"}
	}
	reader, closeReader, err := openReader(ctx, e, *dbPath)
	if err != nil {
		return err
	}
	defer closeReader()

	broker := server.NewBroker()
	opts := server.Options{
		ReadToken:  os.Getenv("SITREP_READ_TOKEN"),
		WriteToken: os.Getenv("SITREP_TOKEN"),
		Notifier:   broker,
		MaxLimit:   *maxLimit,
		CacheTTL:   *cacheTTL,
		Logger:     slog.New(slog.NewTextHandler(e.stderr, nil)),

		AllowPrivateWebhooks: *privateHooks,
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           server.New(reader, opts),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		// No WriteTimeout: /api/v1/events streams for as long as the
		// client stays; each API call has its own timeout instead.
	}
	srv.RegisterOnShutdown(broker.Close)
	// Another process (sitrep ingest, sitrep watch) may add articles to
	// the database at any time: new articles and the stories they join
	// are announced on /api/v1/events.
	db, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	go announce(ctx, db, broker, *poll)
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() && opts.ReadToken == "" {
		fmt.Fprintf(e.stderr, "sitrep serve: warning: listening on %s with open reads; set SITREP_READ_TOKEN to close them\n", host)
	}
	fmt.Fprintf(e.stderr, "sitrep serve: http://%s/ (database %s; Ctrl-C stops)\n", ln.Addr(), *dbPath)

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

// announce publishes an "article" event for each article that the corpus
// stage has taken in since the last look, and a "story" event for each
// story they joined.
func announce(ctx context.Context, db interface {
	LastDerived(context.Context) (int64, error)
	ArticleIDsAfter(context.Context, int64) ([]int64, error)
	Summaries(context.Context, []int64) ([]view.ArticleSummary, error)
}, b *server.Broker, every time.Duration) {
	last, err := db.LastDerived(ctx)
	if err != nil {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		upTo, err := db.LastDerived(ctx)
		if err != nil || upTo <= last {
			continue
		}
		ids, err := db.ArticleIDsAfter(ctx, last)
		if err != nil {
			continue
		}
		var fresh []int64
		for _, id := range ids {
			if id <= upTo {
				fresh = append(fresh, id)
			}
		}
		arts, err := db.Summaries(ctx, fresh)
		if err != nil {
			continue
		}
		stories := map[int64]bool{}
		for _, a := range arts {
			b.Publish(server.Event{Type: "article", ID: a.ID, Data: a})
			if a.Story != 0 && !stories[a.Story] {
				stories[a.Story] = true
				b.Publish(server.Event{Type: "story", ID: a.Story})
			}
		}
		last = upTo
	}
}
