package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/queue/nats"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/worker"
)

func init() {
	register(&command{
		name:    "worker",
		summary: "pull documents from the work queue (NATS), analyse and store them; one worker at a time also runs the stories",
		usage:   "[--db FILE|URL] [--queue nats://HOST:4222] [--batch 32] [--corpus=true] [--exit-idle 0]",
		run:     runWorker,
	})
}

// queueFlag adds the --queue flag; def is its default when $SITREP_QUEUE
// is unset.
func queueFlag(fs *flag.FlagSet, def string) *string {
	if v := os.Getenv("SITREP_QUEUE"); v != "" {
		def = v
	}
	return fs.String("queue", def, "work queue `URL` (NATS with JetStream: nats://HOST:4222; default $SITREP_QUEUE)")
}

const defaultQueue = "nats://127.0.0.1:4222"

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, commands["worker"])
	dbPath := dbFlag(fs)
	qURL := queueFlag(fs, defaultQueue)
	var o worker.Options
	fs.IntVar(&o.Batch, "batch", 32, "documents per pull, analysed and stored as one batch")
	fs.IntVar(&o.Workers, "workers", 0, "documents analysed at once (default: the number of cores)")
	fs.BoolVar(&o.Corpus, "corpus", true, "take part in the election of the one process that runs the corpus stage (actors, stories)")
	fs.IntVar(&o.CorpusOptions.Corpus.Batch, "corpus-batch", 200, "articles the corpus stage takes in per transaction")
	fs.DurationVar(&o.CorpusOptions.LeaseTTL, "lease-ttl", 10*time.Second, "the corpus stage's lease lasts this `DURATION` unrenewed: another worker takes over within it when the holder dies")
	fs.DurationVar(&o.CorpusOptions.Idle, "corpus-idle", 3*time.Second, "take in a last partial batch of articles after no new article for this `DURATION`")
	fs.DurationVar(&o.AckWait, "ack-wait", time.Minute, "an item in flight this long without a sign of progress is delivered again (sets the queue's consumer)")
	fs.IntVar(&o.MaxAttempts, "attempts", 5, "deliveries of an item before it goes to the dead letters (sets the queue's consumer)")
	maxInFlight := fs.Int("max-in-flight", 1024, "items in flight over all workers at most (sets the queue's consumer)")
	fs.DurationVar(&o.ExitIdle, "exit-idle", 0, "stop once idle this `DURATION` with the queue empty and every article in a story (0: run until SIGTERM or Ctrl-C)")
	fs.DurationVar(&o.Budget, "analysis-budget", analyse.DefaultBudget, "longest analysis of one document (0: no limit)")
	connectWait := fs.Duration("connect-wait", time.Minute, "at start, wait up to this `DURATION` for a database server that cannot be reached yet (down, restarting, starting up) before giving up")
	quiet := fs.Bool("quiet", false, "log only problems")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to `FILE`")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		stopProfile, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stopProfile()
	}
	if o.Budget == 0 {
		o.Budget = -1
	}
	// a worker runs the ingest pipeline and the corpus stage, with the
	// same live heap as sitrep ingest: the same collector target (at Go's
	// default its collector took some 1.5 CPU-s of a 2,000-article run
	// against 0.6 for the single process; BENCHMARKS.md, session 12)
	setIngestGC()
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()
	o.Log = func(format string, args ...any) {
		fmt.Fprintf(e.stderr, "%s sitrep worker: %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
	}
	if *quiet {
		o.Log = func(string, ...any) {}
	}
	db, err := openWorkerDB(ctx, *dbPath, *connectWait, o.Log)
	if err != nil {
		return err
	}
	defer db.Close()
	q, err := nats.Open(ctx, *qURL, nats.Options{Name: "sitrep worker", AckWait: o.AckWait, MaxAttempts: o.MaxAttempts, MaxAckPending: *maxInFlight, Consumer: true})
	if err != nil {
		return err
	}
	defer q.Close()
	o.Log("pulling from %s into %s (pid %d)", *qURL, *dbPath, os.Getpid())
	rep, err := worker.Run(ctx, db, q, o)
	fmt.Fprintf(e.stderr, "sitrep worker: %d items: %d added, %d new versions, %d duplicates, %d dead letters; %d articles into stories\n",
		rep.Items, rep.Added, rep.Versions, rep.Duplicates, rep.Dead, rep.Corpus.Articles)
	return err
}

// serveCorpus runs the corpus stage's election in sitrep serve
// (--corpus-lease) until the returned func is called, which waits for the
// batch in hand.
func serveCorpus(ctx context.Context, e *env, db store.Store) func() {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		worker.RunCorpus(ctx, db, worker.CorpusOptions{Log: func(format string, args ...any) {
			fmt.Fprintf(e.stderr, "%s sitrep serve: %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
		}})
	}()
	return func() {
		cancel()
		<-done
	}
}

// openWorkerDB opens the worker's database. Two things at start are
// passing, and are waited out rather than reported: workers started at once
// on a new database race to create its schema (the losers try again once
// the winner is done), and a server that cannot be reached yet — one
// restarting, or started with the workers — is tried again with growing
// pauses for up to wait. Anything else (a refused password, a newer schema)
// is reported at once.
func openWorkerDB(ctx context.Context, path string, wait time.Duration, log func(string, ...any)) (store.DB, error) {
	deadline := time.Now().Add(wait)
	pause := 250 * time.Millisecond
	races := 0
	for {
		db, err := openDB(ctx, path)
		if err == nil || ctx.Err() != nil {
			return db, err
		}
		unreachable := errors.Is(err, store.ErrUnavailable)
		switch {
		case unreachable && time.Now().Add(pause).Before(deadline):
			log("%v (trying again in %v)", err, pause)
			time.Sleep(pause)
			pause = min(2*pause, 5*time.Second)
		case !unreachable && races < 5:
			time.Sleep(time.Duration(200+100*races) * time.Millisecond)
			races++
		default:
			return nil, err
		}
	}
}
