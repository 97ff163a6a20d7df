// Package pipeline is sitrep's ingest pipeline as a library: documents are
// cleaned and analysed on all cores, stored in batches in input order (so
// article ids follow the inputs), and taken into the corpus stages (actors
// across articles, stories, story pages) batch by batch while the next
// documents are still being analysed. `sitrep ingest`, `sitrep watch` and
// POST /api/v1/ingest all run it, so there is one code path whatever
// feeds it.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/ner"
	"github.com/sitrep/sitrep/internal/store"
)

// Options tune a Pipeline.
type Options struct {
	// Outlet names the outlet of documents that do not name one.
	Outlet string
	// NoAnalyse stores articles without analysis; the corpus stages,
	// which need it, are skipped too.
	NoAnalyse bool
	// DeferCorpus stores analysed articles but leaves the corpus stages
	// to the caller (a story window that clusters several arrivals as
	// one batch runs them later, with corpus.Update).
	DeferCorpus bool
	// Workers clean and analyse documents (default GOMAXPROCS).
	Workers int
	// WriteBatch caps the articles of one store transaction (default 256).
	WriteBatch int
	// Corpus tunes the corpus stages (batch size, story configuration).
	// Its Progress is called as the stages take articles in.
	Corpus corpus.Options
	// Problem is called, from any goroutine, for each bad input or
	// document; the others go on. May be nil.
	Problem func(*ingest.InputError)
	// InputDone is called when a top-level input has been read. May be nil.
	InputDone func(origin string)
	// Timing, when set, collects the time each stage spent.
	Timing *Timing
	// Budget bounds the analysis of one document (0: analyse.DefaultBudget;
	// negative: no limit); what is left is stored marked incomplete.
	Budget time.Duration
	// Ahead caps the documents taken (Document) and not yet through the
	// corpus stages: analysis waits while the corpus stages catch up, so
	// that they keep pace with it and the run does not end with them
	// working alone on a backlog while a core idles (default
	// DefaultAhead; negative: no cap).
	Ahead int
	// HandOver, with DeferCorpus, is a corpus stage this process runs
	// apart from the pipeline (a worker holding the corpus lease): the
	// articles stored are prepared on the analysis workers and offered to
	// it (corpus.Stage.Offer), as the pipeline's own stage is, so that it
	// need not read their analyses back from the store.
	HandOver *corpus.Stage
	// Annotators, when set, keeps the analysers (and what each has
	// memoised: gazetteer lookups, buffers) from one pipeline to the next,
	// for a caller that runs a pipeline per batch (sitrep worker); else
	// each pipeline's analysers start afresh.
	Annotators *Annotators
	// Annotate, when set, analyses texts instead of a per-worker
	// analyse.Annotator (benchmarks reuse analyses with it). It is called
	// from several goroutines at once.
	Annotate func(analyse.Input) analyse.Annotation
}

// Annotators keeps analysers between pipelines (Options.Annotators);
// the zero value is ready to use, and a nil one keeps none. Safe for
// concurrent use.
type Annotators struct {
	mu   sync.Mutex
	free []*analyse.Annotator
}

// get takes a kept analyser, or a new one.
func (s *Annotators) get() *analyse.Annotator {
	if s != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		if n := len(s.free); n > 0 {
			a := s.free[n-1]
			s.free = s.free[:n-1]
			return a
		}
	}
	return analyse.New()
}

// put keeps a for a later pipeline.
func (s *Annotators) put(a *analyse.Annotator) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.free = append(s.free, a)
}

// DefaultAhead is the default Options.Ahead: two batches of the corpus
// stages and some, so that they always have a whole batch to take while
// the documents after it are analysed.
const DefaultAhead = 600

// Report counts what a pipeline did.
type Report struct {
	Documents, Added, Versions, Duplicates, Failed int
	Corpus                                         corpus.Stats
}

// Pipeline is one run of the ingest pipeline; it implements
// ingest.Handler. Close waits for it to finish.
type Pipeline struct {
	ctx context.Context
	st  store.Store
	o   Options

	jobs    chan *job
	pending chan *job
	wg      sync.WaitGroup
	done    chan error // the writer's result

	// the corpus stage follows the writer: stored is signalled after
	// each store transaction
	stage  *corpus.Stage
	stored chan struct{}
	// offer is the stage that takes the stored articles' analyses from
	// the writer: the pipeline's own, or Options.HandOver
	offer     *corpus.Stage
	corpusErr chan error

	mu  sync.Mutex
	rep Report

	ahead ahead
}

// ahead holds documents back while too many are between Document and
// the end of the corpus stages (Options.Ahead).
type ahead struct {
	mu   sync.Mutex
	cond *sync.Cond
	max  int
	// in counts the documents taken and not yet dropped (failed,
	// duplicates) or taken in by the corpus stages; unwritten those of
	// them the writer has not stored or dropped yet.
	in, unwritten int
	peak          int // the most in at once (tests)
	// req counts the wake-ups the writer gave the corpus stages, served
	// those a run has begun with; running is set during a run, and
	// runDone counts what the current run has taken in so far.
	req, served int
	running     bool
	runDone     int
}

// wait waits until the document about to be taken fits under the cap,
// or until nothing in the pipeline will change how many are in it (the
// corpus stages idle with nothing asked of them and nothing left to
// write: what is left is less than a batch, or articles another
// process took in): never for ever.
func (a *ahead) wait() {
	a.mu.Lock()
	for a.max >= 0 && a.in >= a.max && (a.unwritten > 0 || a.running || a.req != a.served) {
		a.cond.Wait()
	}
	a.in++
	a.unwritten++
	a.peak = max(a.peak, a.in)
	a.mu.Unlock()
}

// written records documents the writer handled: stored ones now wait for
// the corpus stages, the others (failed, duplicates) are out.
func (a *ahead) written(stored, dropped int, wake bool) {
	a.mu.Lock()
	a.unwritten -= stored + dropped
	a.in -= dropped
	if wake {
		a.req++
	}
	a.cond.Broadcast()
	a.mu.Unlock()
}

// off lifts the cap for good: after the writer or the corpus stages
// failed, their counts stop.
func (a *ahead) off() {
	a.mu.Lock()
	a.max = -1
	a.cond.Broadcast()
	a.mu.Unlock()
}

// run marks a run of the corpus stages begun (true) or ended (false).
func (a *ahead) run(begin bool) {
	a.mu.Lock()
	if begin {
		a.served, a.running, a.runDone = a.req, true, 0
	} else {
		a.running = false
	}
	a.cond.Broadcast()
	a.mu.Unlock()
}

// progress records a run's progress: done articles taken in so far.
func (a *ahead) progress(done int) {
	a.mu.Lock()
	a.in -= done - a.runDone
	a.runDone = done
	a.cond.Broadcast()
	a.mu.Unlock()
}

type job struct {
	doc  ingest.Document
	art  clean.Article
	ann  *analyse.Annotation
	item store.Item // what the writer stores, made (and prepared) by the worker
	// pre is what the corpus stage takes of the article once stored
	// (corpus.Prepare), made by the worker too
	pre   *corpus.Prepared
	err   error
	ready chan struct{}
}

// New starts a pipeline writing to st. Feed it with ingest.Walk (or call
// Document directly), then call Close.
func New(ctx context.Context, st store.Store, o Options) (*Pipeline, error) {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.WriteBatch <= 0 {
		o.WriteBatch = 256
	}
	p := &Pipeline{ctx: ctx, st: st, o: o,
		jobs: make(chan *job, 64), pending: make(chan *job, 256), done: make(chan error, 1)}
	p.ahead.cond = sync.NewCond(&p.ahead.mu)
	p.ahead.max = -1
	if !o.NoAnalyse && !o.DeferCorpus {
		if o.Timing != nil && o.Corpus.Clock == nil {
			o.Corpus.Clock = threadCPU
		}
		switch {
		case o.Ahead == 0:
			p.ahead.max = DefaultAhead
		case o.Ahead > 0:
			p.ahead.max = o.Ahead
		}
		user := o.Corpus.Progress
		o.Corpus.Progress = func(done, total int) {
			p.ahead.progress(done)
			if user != nil {
				user(done, total)
			}
		}
		sg, err := corpus.Open(ctx, st, o.Corpus)
		if err != nil {
			return nil, fmt.Errorf("actors and stories: %w", err)
		}
		p.stage, p.stored, p.corpusErr = sg, make(chan struct{}, 1), make(chan error, 1)
		go p.follow()
	}
	p.offer = p.stage
	if p.offer == nil && !o.NoAnalyse {
		p.offer = o.HandOver
	}
	if !o.NoAnalyse && o.Annotate == nil {
		warmModels()
	}
	for i := 0; i < o.Workers; i++ {
		p.wg.Add(1)
		go p.work()
	}
	go p.write()
	return p, nil
}

// warmModels loads the models every worker's analyser shares (the
// gazetteer, the NER model, the actor dictionary), each on a goroutine of
// its own, while the workers clean their first documents. Loaded by the
// first worker to need them, one after the other, they kept the second
// worker waiting on the first's load with a core idle (≈ 0.15 s in a
// trace of a 1,171-page ingest). A gazetteer that fails to load fails
// again in the worker (analyse.New panics on it), as before.
func warmModels() {
	go func() { _, _ = geo.Default() }()
	go ner.Default()
	go entity.Warm()
}

// work cleans and analyses documents.
func (p *Pipeline) work() {
	defer p.wg.Done()
	defer p.o.Timing.lock()()
	var an *analyse.Annotator
	defer func() {
		if an != nil {
			p.o.Annotators.put(an)
		}
	}()
	for j := range p.jobs {
		t0 := p.o.Timing.now()
		j.art, j.err = clean.Clean(j.doc)
		t1 := p.o.Timing.add(Clean, t0)
		if j.err == nil && !p.o.NoAnalyse {
			if p.o.Annotate != nil {
				in := analyse.Input{Text: j.art.Text, Published: j.art.Published, PublishedEstimated: j.art.PublishedEstimated}
				a := p.o.Annotate(in)
				analyse.ApplyDating(&j.art, a.Dating)
				j.ann = &a
			} else {
				if an == nil {
					an = p.o.Annotators.get()
					switch {
					case p.o.Budget > 0:
						an.Budget = p.o.Budget
					case p.o.Budget < 0:
						an.Budget = 0
					default: // one kept from another pipeline may have had another
						an.Budget = analyse.DefaultBudget
					}
				}
				j.ann = an.AnnotateArticle(&j.art)
			}
			p.o.Timing.add(Analyse, t1)
		}
		if j.err == nil {
			j.item = store.Item{
				Raw:      store.Raw{Origin: j.doc.Origin, URL: j.doc.URL, MediaType: j.doc.MediaType, Encoding: j.doc.Encoding, Body: j.doc.Body, Fetched: j.doc.Fetched},
				Article:  j.art,
				Analysis: j.ann,
			}
			// the store's work on the item that needs no database (hashes,
			// compression) is done here, on all cores, not by the one writer
			if pr, ok := p.st.(store.Preparer); ok {
				t2 := p.o.Timing.now()
				pr.Prepare(&j.item)
				p.o.Timing.add(Store, t2)
			}
			if p.offer != nil {
				t3 := p.o.Timing.now()
				j.pre = corpus.Prepare(&j.art, j.ann)
				p.o.Timing.add(Corpus, t3)
			}
		}
		close(j.ready)
	}
}

// Document implements ingest.Handler.
func (p *Pipeline) Document(d ingest.Document) error {
	if p.o.Outlet != "" && d.Hints.Outlet == "" {
		d.Hints.Outlet = p.o.Outlet
	}
	j := &job{doc: d, ready: make(chan struct{})}
	p.ahead.wait()
	select {
	case p.pending <- j:
	case err := <-p.done:
		p.done <- err
		return err
	}
	p.jobs <- j
	return nil
}

// Problem implements ingest.Handler.
func (p *Pipeline) Problem(ie *ingest.InputError) {
	p.mu.Lock()
	p.rep.Failed++
	p.mu.Unlock()
	if p.o.Problem != nil {
		p.o.Problem(ie)
	}
}

// InputDone implements ingest.Handler.
func (p *Pipeline) InputDone(origin string) {
	if p.o.InputDone != nil {
		p.o.InputDone(origin)
	}
}

// Documents returns the number of documents taken so far.
func (p *Pipeline) Documents() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rep.Documents
}

// write takes jobs in input order and stores them in batches.
func (p *Pipeline) write() {
	defer p.o.Timing.lock()()
	var batch []store.Item
	var pres []*corpus.Prepared // the batch's prepared articles
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		t0 := p.o.Timing.now()
		res, err := p.st.Put(p.ctx, batch)
		p.o.Timing.add(Store, t0)

		if err != nil {
			return err
		}
		p.mu.Lock()
		taken := 0
		for i, r := range res {
			switch r.Outcome {
			case store.Added:
				p.rep.Added++
			case store.NewVersion:
				p.rep.Versions++
			case store.Duplicate:
				p.rep.Duplicates++
			}
			if r.ID != 0 && (r.Outcome == store.Added || r.Outcome == store.NewVersion) {
				taken++
			}
			// the corpus stage takes the analyses of the articles just
			// stored from here instead of reading them back
			if p.offer != nil && i < len(pres) && r.ID != 0 && (r.Outcome == store.Added || r.Outcome == store.NewVersion) {
				p.offer.Offer(r.ID, pres[i])
			}
		}
		p.mu.Unlock()
		p.ahead.written(taken, len(batch)-taken, p.stored != nil)
		batch, pres = batch[:0], pres[:0]
		if p.stored != nil {
			select {
			case p.stored <- struct{}{}:
			default: // the corpus stage has a wake-up pending already
			}
		}
		return nil
	}
	var failed error
	for j := range p.pending {
		<-j.ready
		if failed != nil {
			continue
		}
		p.mu.Lock()
		p.rep.Documents++
		p.mu.Unlock()
		if j.err != nil {
			p.Problem(&ingest.InputError{Origin: j.doc.Origin, Err: j.err})
			p.ahead.written(0, 1, false)
			continue
		}
		batch = append(batch, j.item)
		pres = append(pres, j.pre)
		if len(batch) >= p.o.WriteBatch || len(p.pending) == 0 {
			if err := flush(); err != nil {
				failed = err
				p.ahead.off()
				p.done <- err
			}
		}
	}
	if failed == nil {
		failed = flush()
	}
	if failed != nil {
		select {
		case p.done <- failed:
		default:
		}
	}
	close(p.done)
	if p.stored != nil {
		close(p.stored)
	}
}

// follow runs the corpus stages over whole batches of stored articles as
// the writer stores them, then, when the writer is done, over the rest.
func (p *Pipeline) follow() {
	var err error
	for range p.stored {
		p.ahead.run(true)
		if err == nil {
			err = p.runCorpus(false)
		}
		p.ahead.run(false)
		if err != nil {
			p.ahead.off()
		}
	}
	p.corpusErr <- err
}

func (p *Pipeline) runCorpus(final bool) error {
	defer p.o.Timing.lock()()
	t0 := p.o.Timing.now()
	st, err := p.stage.Run(p.ctx, final)
	p.o.Timing.add(Corpus, t0)
	if t := p.o.Timing; t != nil {
		// the stage's second goroutine times itself (corpus.Stats.Follow)
		t.mu.Lock()
		t.cpu[Corpus] += st.Follow
		t.Follow += st.Follow
		t.Compose += st.Compose
		t.mu.Unlock()
	}
	return err
}

// Close waits for every document to be stored and taken into the corpus
// stages, and reports what was done. Articles stored earlier and not yet
// taken in (an interrupted run's) are taken in too.
func (p *Pipeline) Close() (Report, error) {
	close(p.pending)
	close(p.jobs)
	p.wg.Wait()
	var err error
	for e := range p.done {
		if e != nil && err == nil {
			err = e
		}
	}
	if p.stage != nil {
		cerr := <-p.corpusErr
		if err == nil && cerr == nil {
			cerr = p.runCorpus(true)
		}
		if err == nil && cerr != nil {
			err = fmt.Errorf("actors and stories: %w", cerr)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stage != nil {
		p.rep.Corpus = p.stage.Stats()
	}
	return p.rep, err
}
