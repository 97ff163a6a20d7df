// Package worker is `sitrep worker`: it pulls documents from the work
// queue (internal/queue), cleans, analyses and stores them through the
// same pipeline as `sitrep ingest` (internal/pipeline), acknowledges each
// only after the store has committed it, and — in exactly one process at
// a time, elected by a store lease — runs the corpus stage (actors across
// articles, stories) over the stored articles in id order.
package worker

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/sitrep/sitrep/internal/store"
)

// Options tune a worker. Zero values take the defaults.
type Options struct {
	// Batch is how many items one pull takes and one pipeline run
	// analyses and stores (default 32).
	Batch int
	// Wait is how long one pull waits for items (default 2s).
	Wait time.Duration
	// AckWait is the queue's ack wait: the worker signals progress on its
	// items every AckWait/3 (default 1m).
	AckWait time.Duration
	// MaxAttempts is the queue's attempts per item: a delivery past them
	// goes to the dead letters unprocessed (default 5).
	MaxAttempts int
	// Workers clean and analyse in parallel (default GOMAXPROCS).
	Workers int
	// Budget bounds one document's analysis, as pipeline.Options.Budget.
	Budget time.Duration
	// Corpus, when set, lets this worker take the corpus stage (when it
	// gets the lease). CorpusOptions tune it.
	Corpus        bool
	CorpusOptions CorpusOptions
	// ExitIdle, when positive, stops the worker once it has had nothing
	// to do for that long and all the work is done: the queue empty with
	// nothing in flight, and every stored article in a story (scripts,
	// benchmarks, tests).
	ExitIdle time.Duration
	// Log receives one line per event worth telling (may be nil).
	Log func(format string, args ...any)

	// annotators keeps the analysers from one batch's pipeline to the
	// next, with what they memoise across documents
	annotators *pipeline.Annotators
}

func (o *Options) defaults() {
	if o.Batch <= 0 {
		o.Batch = 32
	}
	if o.Wait <= 0 {
		o.Wait = 2 * time.Second
	}
	if o.AckWait <= 0 {
		o.AckWait = time.Minute
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
	if o.annotators == nil {
		o.annotators = &pipeline.Annotators{}
	}
}

// Report counts what a worker did.
type Report struct {
	Items, Added, Versions, Duplicates, Dead, Retried int
	Corpus                                            corpus.Stats
}

// Run pulls and stores items until ctx is done (SIGTERM: the batch in
// hand is finished, stored and acked first) or, with ExitIdle, until all
// work is done.
func Run(ctx context.Context, st store.Store, q queue.Queue, o Options) (Report, error) {
	o.defaults()
	var rep Report
	var cs *corpusHolder
	var cwg sync.WaitGroup
	cctx, cstop := context.WithCancel(context.Background())
	defer cstop()
	if o.Corpus {
		o.CorpusOptions.Log = o.Log
		cs = newCorpusHolder(st, o.CorpusOptions)
		cwg.Add(1)
		go func() {
			defer cwg.Done()
			cs.run(cctx)
		}()
	}
	finish := func() {
		cstop()
		cwg.Wait()
		if cs != nil {
			rep.Corpus = cs.stats()
		}
	}
	idleSince := time.Now()
	backoff := newBackoff()
	for ctx.Err() == nil {
		// The pull is not cut short by ctx: the server may already have
		// sent a batch a cancelled pull would drop, leaving those items
		// in flight (unseen by any worker) until the ack wait runs out.
		// It ends within o.Wait; what it brings is the batch in hand,
		// stored and acked before the worker stops.
		ds, err := q.Fetch(context.WithoutCancel(ctx), o.Batch, o.Wait)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			d := backoff.next()
			o.Log("queue: %v (again in %s)", err, d.Round(time.Millisecond))
			sleep(ctx, d)
			continue
		}
		backoff.reset()
		if len(ds) == 0 {
			if o.ExitIdle > 0 && time.Since(idleSince) >= o.ExitIdle && allDone(ctx, st, q, o.Corpus) && (cs == nil || !cs.running.Load()) {
				break
			}
			continue
		}
		if err := process(st, ds, o, cs.handOver(), &rep); err != nil {
			finish()
			return rep, err
		}
		idleSince = time.Now()
	}
	finish()
	return rep, nil
}

// allDone reports whether the queue is empty with nothing in flight and
// (for a worker that takes the corpus stage) every stored article has
// been taken into the stories. The caller also waits for a Run of its own
// corpus stage to end: a batch is stored before its pages are composed.
func allDone(ctx context.Context, st store.Store, q queue.Queue, corpusToo bool) bool {
	s, err := q.Stats(ctx)
	if err != nil || s.Pending > 0 || s.InFlight > 0 {
		return false
	}
	if !corpusToo {
		return true
	}
	last, err := st.LastDerived(ctx)
	if err != nil {
		return false
	}
	ids, err := st.ArticleIDsAfter(ctx, last)
	return err == nil && len(ids) == 0
}

// process cleans, analyses and stores one batch of deliveries and acks
// each once stored. An item the cleaner rejects goes to the dead letters
// at once (the same bytes fail the same way again); an item delivered
// more often than the queue's attempts (its workers died on it) too. A
// store error is retried here, with backoff, while the items are kept in
// flight: an outage of the database costs the items no attempts.
//
// hand, when not nil, is the corpus stage this process runs: it is handed
// the analyses of the articles stored.
func process(st store.Store, ds []queue.Delivery, o Options, hand *corpus.Stage, rep *Report) error {
	stop := heartbeat(ds, o.AckWait/3)
	defer stop()
	var docs, ranges []queue.Delivery
	for _, d := range ds {
		rep.Items++
		if err := d.Err(); err != nil {
			deadLetter(d, err, o, rep)
			continue
		}
		if d.Attempt() > o.MaxAttempts {
			deadLetter(d, fmt.Errorf("delivered %d times and never stored: each worker that took it stopped (crashed, killed) or stalled past the ack wait", d.Attempt()-1), o, rep)
			continue
		}
		if d.Item().Range != nil {
			ranges = append(ranges, d)
		} else {
			docs = append(docs, d)
		}
	}
	for _, d := range ranges {
		if err := processRange(st, d, o, hand, rep); err != nil {
			for _, d := range docs {
				d.Retry(5 * time.Second)
				rep.Retried++
			}
			return err
		}
	}
	if len(docs) == 0 {
		return nil
	}
	// the batch is stored whatever happens to the worker's context: a
	// SIGTERM lets it finish
	ctx := context.Background()
	backoff := newBackoff()
	for {
		problems, r, err := store1(ctx, st, docs, o, hand)
		if err == nil {
			rep.Added += r.Added
			rep.Versions += r.Versions
			rep.Duplicates += r.Duplicates
			for _, d := range docs {
				if e, bad := problems[d.Item().Doc.Origin]; bad {
					deadLetter(d, e, o, rep)
				} else if err := d.Ack(); err != nil {
					// stored: a redelivery will be a duplicate
					o.Log("%s: ack: %v (stored; it may come again and be found a duplicate)", d.Item().Doc.Origin, err)
				}
			}
			return nil
		}
		if backoff.n >= 8 {
			// give the items back for another worker, then stop: this
			// worker cannot store
			for _, d := range docs {
				d.Retry(5 * time.Second)
				rep.Retried++
			}
			return fmt.Errorf("store: %w", err)
		}
		w := backoff.next()
		o.Log("store: %v (%d items kept in flight; again in %s)", err, len(docs), w.Round(time.Millisecond))
		time.Sleep(w)
	}
}

// processRange stores every record of a WARC range item (read from the
// shared file) and acks it. A record that cannot be stored — its HTTP
// message broken, rejected by the cleaner, a damaged stretch of the file
// — goes to the dead letters on its own, as an item of its own (the
// record's range), and the range's other records are stored; a range
// whose file is gone or changed since it was queued goes to the dead
// letters whole, with that error. A store error is retried as in
// process: the records already stored are duplicates the second time.
func processRange(st store.Store, d queue.Delivery, o Options, hand *corpus.Stage, rep *Report) error {
	rg := *d.Item().Range
	ctx := context.Background()
	backoff := newBackoff()
	for {
		var mu sync.Mutex
		problems := map[string]error{}
		var order []string
		po := pipeline.Options{DeferCorpus: true, HandOver: hand, Annotators: o.annotators, Workers: o.Workers, Budget: o.Budget, WriteBatch: o.Batch}
		po.Problem = func(ie *ingest.InputError) {
			mu.Lock()
			if _, seen := problems[ie.Origin]; !seen {
				order = append(order, ie.Origin)
			}
			problems[ie.Origin] = ie.Err
			mu.Unlock()
		}
		p, err := pipeline.New(ctx, st, po)
		var parts map[string]ingest.WARCRange
		var r pipeline.Report
		if err == nil {
			var rerr error
			parts, rerr = ingest.ReadWARCRange(ctx, rg, ingest.Options{}, p)
			r, err = p.Close()
			if errors.Is(rerr, ingest.ErrRangeGone) || errors.Is(rerr, ingest.ErrRangeChanged) {
				deadLetter(d, rerr, o, rep)
				return nil
			}
			if err == nil {
				err = rerr
			}
		}
		if err == nil {
			rep.Added += r.Added
			rep.Versions += r.Versions
			rep.Duplicates += r.Duplicates
			ok := true
			for _, origin := range order {
				part, found := parts[origin]
				if !found {
					part = rg
				}
				if err := d.DeadPart(queue.Item{Range: &part}, origin, problems[origin]); err != nil {
					o.Log("%s: %v (the range is left in the queue to come again)", origin, err)
					ok = false
					continue
				}
				rep.Dead++
				o.Log("%s: dead letter: %v", origin, problems[origin])
			}
			if ok {
				if err := d.Ack(); err != nil {
					o.Log("%v: ack: %v (stored; it may come again and be found duplicates)", rg, err)
				}
			}
			return nil
		}
		if backoff.n >= 8 {
			d.Retry(5 * time.Second)
			rep.Retried++
			return fmt.Errorf("%v: %w", rg, err)
		}
		w := backoff.next()
		o.Log("%v: %v (kept in flight; again in %s)", rg, err, w.Round(time.Millisecond))
		time.Sleep(w)
	}
}

// store1 runs the pipeline over the documents: it returns the problems by
// origin, and the pipeline's report.
func store1(ctx context.Context, st store.Store, ds []queue.Delivery, o Options, hand *corpus.Stage) (map[string]error, pipeline.Report, error) {
	var mu sync.Mutex
	problems := map[string]error{}
	po := pipeline.Options{DeferCorpus: true, HandOver: hand, Annotators: o.annotators, Workers: o.Workers, Budget: o.Budget, WriteBatch: len(ds)}
	po.Problem = func(ie *ingest.InputError) {
		mu.Lock()
		problems[ie.Origin] = ie.Err
		mu.Unlock()
	}
	p, err := pipeline.New(ctx, st, po)
	if err != nil {
		return nil, pipeline.Report{}, err
	}
	for _, d := range ds {
		if err := p.Document(d.Item().Doc); err != nil {
			break // the store failed: Close reports it
		}
	}
	r, err := p.Close()
	return problems, r, err
}

// deadLetter moves an item to the dead letters; if even that fails, the
// item is left to come again (it is not acked).
func deadLetter(d queue.Delivery, why error, o Options, rep *Report) {
	if err := d.Dead(why); err != nil {
		o.Log("%s: %v (left in the queue)", d.Item().Origin(), err)
		return
	}
	rep.Dead++
	o.Log("%s: dead letter: %v", d.Item().Origin(), why)
}

// heartbeat tells the queue every period that the deliveries are still
// being worked on; the returned func stops it.
func heartbeat(ds []queue.Delivery, period time.Duration) func() {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, d := range ds {
					d.InProgress()
				}
			}
		}
	}()
	return func() { close(done) }
}

// backoff doubles a wait from 200ms to 10s, with jitter.
type backoff struct{ n int }

func newBackoff() *backoff { return &backoff{} }
func (b *backoff) reset()  { b.n = 0 }
func (b *backoff) next() time.Duration {
	d := 200 * time.Millisecond << min(b.n, 6)
	b.n++
	d = min(d, 10*time.Second)
	return d/2 + time.Duration(time.Now().UnixNano()%int64(d/2))
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
