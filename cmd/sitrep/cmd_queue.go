package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/ingest/watch"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/sitrep/sitrep/internal/queue/nats"
	"github.com/sitrep/sitrep/internal/worker"
)

func init() {
	register(&command{
		name:    "queue",
		summary: "show the work queue: pending, in flight, done and dead-lettered items, and the dead letters' errors",
		usage:   "[--queue nats://HOST:4222] [--json] [--dead 20] [--requeue]",
		run:     runQueue,
	})
}

func runQueue(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, commands["queue"])
	qURL := queueFlag(fs, defaultQueue)
	asJSON := fs.Bool("json", false, "print JSON")
	nDead := fs.Int("dead", 20, "list at most this many dead letters (0: none)")
	requeue := fs.Bool("requeue", false, "send the dead letters' items to the workers again (once their cause is fixed) and remove the dead letters")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"queue takes no arguments"}
	}
	q, err := nats.Open(ctx, *qURL, nats.Options{Name: "sitrep queue"})
	if err != nil {
		return err
	}
	defer q.Close()
	if *requeue {
		n, err := q.Requeue(ctx)
		fmt.Fprintf(e.stderr, "sitrep queue: %d dead letters queued again\n", n)
		if err != nil {
			return fmt.Errorf("queue %s: %w", *qURL, err)
		}
	}
	s, err := q.Stats(ctx)
	if err != nil {
		return fmt.Errorf("queue %s: %w", *qURL, err)
	}
	var dead []queue.DeadLetter
	if *nDead > 0 && s.Dead > 0 {
		if dead, err = q.DeadLetters(ctx, *nDead); err != nil {
			return fmt.Errorf("queue %s: dead letters: %w", *qURL, err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if dead == nil {
			dead = []queue.DeadLetter{}
		}
		return enc.Encode(struct {
			Queue string `json:"queue"`
			queue.Stats
			DeadLetters []queue.DeadLetter `json:"dead_letters"`
		}{*qURL, s, dead})
	}
	fmt.Fprintf(e.stdout, "queue %s\n  pending      %d\n  in flight    %d (%d delivered more than once)\n  done         %d\n  dead letters %d\n",
		*qURL, s.Pending, s.InFlight, s.Redelivered, s.Done, s.Dead)
	for _, d := range dead {
		fmt.Fprintf(e.stdout, "  #%d %s  %s after %d attempts: %s\n", d.Seq, d.At.Format("2006-01-02 15:04:05"), d.Origin, d.Attempts, strings.TrimSpace(d.Error))
	}
	return nil
}

// publishInputs reads the inputs as ingest does and publishes their
// documents to the work queue at qURL (sitrep ingest --queue); a local
// WARC file larger than rangeBytes goes out as byte ranges.
func publishInputs(ctx context.Context, e *env, qURL string, inputs []string, outlet string, opts ingest.Options, quiet bool, rangeBytes int64, rangeRecords int) error {
	q, err := nats.Open(ctx, qURL, nats.Options{Name: "sitrep ingest"})
	if err != nil {
		return err
	}
	defer q.Close()
	pr := &progress{e: e}
	pub := worker.NewPublisher(ctx, q)
	pub.Outlet, pub.OnProblem, pub.OnInputDone = outlet, pr.problem, pr.inputDoneFn
	pub.RangeBytes, pub.RangeRecords = rangeBytes, rangeRecords
	inputs = ingest.Expand(inputs, pub)
	pr.total = len(inputs)
	rest, walkErr := pub.Ranges(inputs)
	if walkErr == nil {
		walkErr = ingest.Walk(ctx, rest, opts, pub)
	}
	sent, failed, pubErr := pub.Close()
	pr.clear()
	if walkErr != nil {
		return walkErr
	}
	if pubErr != nil {
		return pubErr
	}
	if !quiet {
		what := fmt.Sprintf("%d documents", sent)
		if r := pub.RangesSent(); r > 0 {
			what = fmt.Sprintf("%d documents and %d WARC ranges", sent-r, r)
		}
		fmt.Fprintf(e.stderr, "sitrep ingest: %d inputs, %s queued on %s, %d problems ('sitrep queue' follows them)\n", len(inputs), what, qURL, failed)
	}
	if failed > 0 {
		return partialError{failed: failed, total: failed + sent}
	}
	return nil
}

// watchToQueue polls the inputs as watch does and publishes what changed
// to the work queue (sitrep watch --queue): the workers store it and the
// corpus stage's holder takes it into the stories.
func watchToQueue(ctx context.Context, e *env, qURL string, inputs []string, outlet string, opts ingest.Options, every time.Duration, once bool) error {
	q, err := nats.Open(ctx, qURL, nats.Options{Name: "sitrep watch"})
	if err != nil {
		return err
	}
	defer q.Close()
	w := watch.New(inputs, opts)
	fmt.Fprintf(e.stderr, "sitrep watch: %d inputs every %s into the queue %s (Ctrl-C stops)\n", len(inputs), every, qURL)
	for {
		pr := &progress{e: e, prefix: "sitrep watch: "}
		pub := worker.NewPublisher(ctx, q)
		pub.Outlet, pub.OnProblem = outlet, pr.problem
		round, pollErr := w.Poll(ctx, pub)
		sent, failed, pubErr := pub.Close()
		if ctx.Err() != nil {
			return nil
		}
		if pollErr != nil {
			return pollErr
		}
		if pubErr != nil {
			return pubErr
		}
		if sent > 0 || failed > 0 {
			fmt.Fprintf(e.stderr, "%s sitrep watch: %d files, %d feeds changed (%d unchanged): %d documents queued, %d problems\n",
				time.Now().Format("15:04:05"), round.Files, round.Fetched, round.Unchanged, sent, failed)
		}
		if once {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(every):
		}
	}
}
