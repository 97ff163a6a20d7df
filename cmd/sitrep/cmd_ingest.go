package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/store"
)

func init() {
	register(&command{
		name:    "ingest",
		summary: "read articles from files, folders, URLs or stdin (-) into the database",
		usage:   "[--db FILE] [--outlet NAME] [--allow-private] [--max-doc-size BYTES] [--analysis-budget 30s] PATH|URL|- ...",
		run:     runIngest,
	})
}

// ingestReport counts what an ingest did.
type ingestReport struct {
	docs, added, versions, duplicates, failed int
	failedInputs                              map[string]bool
}

func runIngest(ctx context.Context, e *env, args []string) error {
	c := commands["ingest"]
	fs := newFlags(e, c)
	dbPath := dbFlag(fs)
	outlet := fs.String("outlet", "", "outlet `NAME` for inputs that do not name one (e.g. a folder of one site's text files)")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching URLs on loopback, private and link-local addresses")
	maxDoc := fs.Int64("max-doc-size", 16<<20, "largest single document in `BYTES`")
	quiet := fs.Bool("quiet", false, "print no summary")
	noAnalyse := fs.Bool("no-analyse", false, "store articles without running the analysis stages (sentences, entities)")
	budget := fs.Duration("analysis-budget", analyse.DefaultBudget, "longest analysis of one document; what is left is stored with its analysis marked incomplete (0: no limit)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError{"nothing to ingest: name files, folders, URLs or - for stdin"}
	}
	db, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	rep := &ingestReport{failedInputs: map[string]bool{}}
	p := newIngestPipeline(ctx, e, db, *outlet, !*noAnalyse, rep)
	p.budget = *budget
	inputs := ingest.Expand(pos, p)
	p.total = len(inputs)
	opts := ingest.Options{MaxDocBytes: *maxDoc, Stdin: e.stdin}
	opts.Fetch.AllowPrivate = *allowPrivate
	walkErr := ingest.Walk(ctx, inputs, opts, p)
	storeErr := p.finish()
	if walkErr != nil {
		return walkErr
	}
	if storeErr != nil {
		return storeErr
	}
	var cs corpus.Stats
	if !*noAnalyse {
		// Actors and stories: every article stored and not yet taken in,
		// including any left over by an interrupted run.
		if cs, err = corpus.Update(ctx, db, corpus.Options{Progress: p.corpusProgress}); err != nil {
			return fmt.Errorf("actors and stories: %w", err)
		}
		p.clearProgress()
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "sitrep ingest: %d inputs, %d documents: %d added, %d new versions, %d duplicates, %d problems (database %s)\n",
			len(inputs), rep.docs, rep.added, rep.versions, rep.duplicates, rep.failed, *dbPath)
		if cs.Articles > 0 {
			fmt.Fprintf(e.stderr, "sitrep ingest: %d articles into stories: %d new stories, %d stories and %d actors updated\n", cs.Articles, cs.NewEvents, cs.Events, cs.Actors)
		}
		if cs.Faults > 0 {
			fmt.Fprintf(e.stderr, "sitrep ingest: %d articles skipped by a stage that failed on them (recorded: sitrep status)\n", cs.Faults)
		}
	}
	if rep.failed > 0 {
		return partialError{failed: rep.failed, total: rep.failed + rep.docs}
	}
	return nil
}

// ingestPipeline cleans documents on all cores and writes them to the
// store in batches, in input order, so ids follow the order of the inputs.
type ingestPipeline struct {
	ctx    context.Context
	e      *env
	st     store.Store
	outlet string
	rep    *ingestReport
	budget time.Duration

	jobs    chan *ingestJob
	pending chan *ingestJob
	wg      sync.WaitGroup
	done    chan error

	mu        sync.Mutex
	total     int
	inputDone int
	lastDraw  time.Time
}

type ingestJob struct {
	doc   ingest.Document
	art   clean.Article
	ann   *analyse.Annotation
	err   error
	ready chan struct{}
}

func newIngestPipeline(ctx context.Context, e *env, st store.Store, outlet string, analyseText bool, rep *ingestReport) *ingestPipeline {
	p := &ingestPipeline{ctx: ctx, e: e, st: st, outlet: outlet, rep: rep, budget: analyse.DefaultBudget,
		jobs: make(chan *ingestJob, 64), pending: make(chan *ingestJob, 256), done: make(chan error, 1)}
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			var an *analyse.Annotator
			for j := range p.jobs {
				j.art, j.err = clean.Clean(j.doc)
				if j.err == nil && analyseText {
					if an == nil {
						an = analyse.New()
						an.Budget = p.budget
					}
					j.ann = an.AnnotateArticle(&j.art)
				}
				close(j.ready)
			}
		}()
	}
	go p.write()
	return p
}

// Document implements ingest.Handler.
func (p *ingestPipeline) Document(d ingest.Document) error {
	if p.outlet != "" && d.Hints.Outlet == "" {
		d.Hints.Outlet = p.outlet
	}
	j := &ingestJob{doc: d, ready: make(chan struct{})}
	select {
	case p.pending <- j:
	case err := <-p.done:
		p.done <- err
		return err
	}
	p.jobs <- j
	return nil
}

// write takes jobs in input order and stores them in batches.
func (p *ingestPipeline) write() {
	const maxBatch = 256
	var batch []store.Item
	var origins []string
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := p.st.Put(p.ctx, batch)
		if err != nil {
			return err
		}
		p.mu.Lock()
		for _, r := range res {
			switch r.Outcome {
			case store.Added:
				p.rep.added++
			case store.NewVersion:
				p.rep.versions++
			case store.Duplicate:
				p.rep.duplicates++
			}
		}
		p.mu.Unlock()
		batch, origins = batch[:0], origins[:0]
		return nil
	}
	var failed error
	for j := range p.pending {
		<-j.ready
		if failed != nil {
			continue
		}
		p.mu.Lock()
		p.rep.docs++
		p.mu.Unlock()
		if j.err != nil {
			p.Problem(&ingest.InputError{Origin: j.doc.Origin, Err: j.err})
			continue
		}
		batch = append(batch, store.Item{
			Raw:      store.Raw{Origin: j.doc.Origin, URL: j.doc.URL, MediaType: j.doc.MediaType, Encoding: j.doc.Encoding, Body: j.doc.Body, Fetched: j.doc.Fetched},
			Article:  j.art,
			Analysis: j.ann,
		})
		origins = append(origins, j.doc.Origin)
		if len(batch) >= maxBatch || len(p.pending) == 0 {
			if err := flush(); err != nil {
				failed = err
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
}

func (p *ingestPipeline) finish() error {
	close(p.pending)
	close(p.jobs)
	p.wg.Wait()
	var err error
	for e := range p.done {
		if e != nil && err == nil {
			err = e
		}
	}
	p.clearProgress()
	return err
}

// Problem implements ingest.Handler: one line on stderr naming the input.
func (p *ingestPipeline) Problem(ie *ingest.InputError) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rep.failed++
	if p.e.stderrIsTerminal {
		fmt.Fprint(p.e.stderr, "\r\033[K")
	}
	fmt.Fprintf(p.e.stderr, "sitrep ingest: %s\n", ie.Error())
}

// InputDone implements ingest.Handler and draws the progress bar.
func (p *ingestPipeline) InputDone(string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.inputDone++
	if !p.e.stderrIsTerminal || p.total < 2 || time.Since(p.lastDraw) < 100*time.Millisecond && p.inputDone < p.total {
		return
	}
	p.lastDraw = time.Now()
	const width = 30
	filled := width * p.inputDone / p.total
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < filled {
			bar[i] = '#'
		}
	}
	fmt.Fprintf(p.e.stderr, "\r\033[K[%s] %d/%d inputs, %d documents", bar, p.inputDone, p.total, p.rep.docs)
}

// corpusProgress draws the progress of the actors-and-stories stage.
func (p *ingestPipeline) corpusProgress(done, total int) {
	if p.e.stderrIsTerminal && total >= 2 {
		fmt.Fprintf(p.e.stderr, "\r\033[Kactors and stories: %d/%d articles", done, total)
	}
}

func (p *ingestPipeline) clearProgress() {
	if p.e.stderrIsTerminal && p.total >= 2 {
		fmt.Fprint(p.e.stderr, "\r\033[K")
	}
}
