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
