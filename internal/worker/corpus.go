package worker

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/store"
)

// LeaseName is the store lease that elects the corpus stage's process.
const LeaseName = "corpus"

// CorpusOptions tune the corpus stage under many processes.
type CorpusOptions struct {
	// Corpus tunes the stage itself (batch size, story configuration).
	Corpus corpus.Options
	// LeaseTTL is how long the lease lasts unrenewed (default 10s): a
	// holder that dies is replaced within about this long. The holder
	// renews it every LeaseTTL/4.
	LeaseTTL time.Duration
	// Poll is how often the holder looks for new articles (default 500ms).
	Poll time.Duration
	// Idle is how long no new article must arrive before the holder takes
	// in a last partial batch (default 3s): until then it takes whole
	// batches only, cut where one run over all the articles would cut them.
	Idle time.Duration
	// Holder names this process in the lease (default host:pid).
	Holder string
	Log    func(format string, args ...any)
}

func (o *CorpusOptions) defaults() {
	if o.LeaseTTL <= 0 {
		o.LeaseTTL = 10 * time.Second
	}
	if o.Poll <= 0 {
		o.Poll = 500 * time.Millisecond
	}
	if o.Idle <= 0 {
		o.Idle = 3 * time.Second
	}
	if o.Holder == "" {
		host, _ := os.Hostname()
		o.Holder = fmt.Sprintf("%s:%d:%d", host, os.Getpid(), time.Now().UnixNano()%1e6)
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
}

// RunCorpus runs the corpus stage whenever this process holds the
// lease, until ctx is done. Any number of processes (workers, servers)
// may call it on one store: one holds the lease and follows the stored
// articles in id order; the others wait, and one of them takes over
// within LeaseTTL when the holder dies or stalls. A store without leases
// (store.Leases) gets no election: the store's own guard (Derived.After,
// store.ErrConflict) still keeps two holders from placing an article twice.
func RunCorpus(ctx context.Context, st store.Store, o CorpusOptions) corpus.Stats {
	h := newCorpusHolder(st, o)
	h.run(ctx)
	return h.stats()
}

type corpusHolder struct {
	st store.Store
	o  CorpusOptions

	mu  sync.Mutex
	sum corpus.Stats
	// running is set while a Run of the stage is under way: its batch may
	// be stored (every article placed) while its pages are still being
	// composed, and a worker stopping then would cut the Run short and
	// leave its articles out of the report.
	running atomic.Bool
	// held is the stage while this process holds the lease: the worker's
	// pipeline hands it the analyses of the articles it stores
	// (pipeline.Options.HandOver), which it would otherwise read back
	held atomic.Pointer[corpus.Stage]
}

// handOver returns the stage this process runs now, or nil (no lease, or
// no corpus stage in this worker).
func (h *corpusHolder) handOver() *corpus.Stage {
	if h == nil {
		return nil
	}
	return h.held.Load()
}

func newCorpusHolder(st store.Store, o CorpusOptions) *corpusHolder {
	o.defaults()
	return &corpusHolder{st: st, o: o}
}

func (h *corpusHolder) stats() corpus.Stats {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.sum
}

func (h *corpusHolder) run(ctx context.Context) {
	leases, _ := h.st.(store.Leases)
	wait := h.o.LeaseTTL / 4
	for ctx.Err() == nil {
		if leases != nil {
			ok, err := leases.AcquireLease(ctx, LeaseName, h.o.Holder, h.o.LeaseTTL)
			if err != nil && ctx.Err() == nil {
				h.o.Log("corpus stage: lease: %v", err)
			}
			if !ok {
				sleep(ctx, wait)
				continue
			}
		}
		h.o.Log("corpus stage: taken (holder %s)", h.o.Holder)
		err := h.hold(ctx, leases)
		if leases != nil {
			rctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			leases.ReleaseLease(rctx, LeaseName, h.o.Holder)
			cancel()
		}
		if ctx.Err() != nil {
			h.o.Log("corpus stage: given up (stopping)")
			return
		}
		h.o.Log("corpus stage: given up: %v", err)
		sleep(ctx, wait)
	}
}

// hold runs the stage while the lease is renewed; it returns when ctx is
// done (after the run in hand: its pages composed), the lease is lost (the
// batch in hand is dropped, not stored: the next holder takes it) or the
// stage fails.
func (h *corpusHolder) hold(ctx context.Context, leases store.Leases) error {
	hctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	if leases != nil {
		go h.renew(hctx, cancel, leases)
	}
	o := h.o.Corpus
	o.Progress = func(done, total int) {
		h.o.Log("corpus stage: %d/%d articles", done, total)
		if ctx.Err() != nil {
			// stopping: the batch just stored is complete (pages and
			// all); the next one is dropped at its start
			cancel(ctx.Err())
		}
	}
	sg, err := corpus.Open(hctx, h.st, o)
	if err != nil {
		return cause(hctx, err)
	}
	h.held.Store(sg)
	defer h.held.Store(nil)
	lastCount, changed, finalDone := int64(-1), time.Now(), false
	t := time.NewTicker(h.o.Poll)
	defer t.Stop()
	for {
		n, err := h.mark(hctx)
		if err != nil {
			return cause(hctx, err)
		}
		if n != lastCount {
			lastCount, changed, finalDone = n, time.Now(), false
			if err := h.runStage(hctx, sg, false); err != nil {
				return err
			}
		} else if !finalDone && time.Since(changed) >= h.o.Idle {
			if err := h.runStage(hctx, sg, true); err != nil {
				return err
			}
			finalDone = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-hctx.Done():
			return context.Cause(hctx)
		case <-t.C:
		}
	}
}

// lastArticler is a store that tells its newest article's id cheaply
// (the PostgreSQL store: one look at the primary key's end, where Count
// is two full scans, every poll).
type lastArticler interface {
	LastArticleID(ctx context.Context) (int64, error)
}

// mark is what the holder polls to see articles arrive: the newest id
// where the store tells it (articles are never deleted, and ids are
// committed in the order drawn), else the number of articles.
func (h *corpusHolder) mark(ctx context.Context) (int64, error) {
	if l, ok := h.st.(lastArticler); ok {
		return l.LastArticleID(ctx)
	}
	n, _, err := h.st.Count(ctx)
	return n, err
}

func (h *corpusHolder) runStage(ctx context.Context, sg *corpus.Stage, final bool) error {
	h.running.Store(true)
	s, err := sg.Run(ctx, final)
	h.running.Store(false)
	if err != nil {
		// a Run cut short counts the articles of the batch it was in,
		// stored or not: count only whole Runs (the store is the truth)
		return cause(ctx, err)
	}
	h.mu.Lock()
	h.sum.Articles += s.Articles
	h.sum.NewEvents += s.NewEvents
	h.sum.Events += s.Events
	h.sum.Actors += s.Actors
	h.sum.Faults += s.Faults
	h.mu.Unlock()
	if s.Articles > 0 {
		h.o.Log("corpus stage: %d articles into stories (%d new stories)", s.Articles, s.NewEvents)
	}
	return nil
}

// cause prefers why ctx ended (a lost lease) to the error it caused.
func cause(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return err
}

// renew renews the lease every LeaseTTL/4 and cancels the holder when it
// is lost: taken by another (this process stalled past the ttl) or not
// renewed for three quarters of the ttl (the store unreachable or its
// write lock held long by others: better to stop before another may take
// it).
func (h *corpusHolder) renew(ctx context.Context, cancel context.CancelCauseFunc, leases store.Leases) {
	t := time.NewTicker(h.o.LeaseTTL / 4)
	defer t.Stop()
	last := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rctx, c := context.WithTimeout(ctx, h.o.LeaseTTL/2)
		ok, err := leases.AcquireLease(rctx, LeaseName, h.o.Holder, h.o.LeaseTTL)
		c()
		switch {
		case ok:
			last = time.Now()
		case err == nil:
			cancel(fmt.Errorf("lease %q lost to another process", LeaseName))
			return
		case time.Since(last) > h.o.LeaseTTL*3/4:
			cancel(fmt.Errorf("lease %q not renewed for %s: %v", LeaseName, time.Since(last).Round(time.Millisecond), err))
			return
		}
	}
}
