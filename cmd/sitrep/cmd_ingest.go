package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/pipeline"
)

func init() {
	register(&command{
		name:    "ingest",
		summary: "read articles from files, folders, URLs or stdin (-) into the database",
		usage:   "[--db FILE] [--queue nats://HOST:4222 [--warc-range-size BYTES] [--warc-range-records N]] [--outlet NAME] [--allow-private] [--max-doc-size BYTES] [--analysis-budget 30s] PATH|URL|- ...",
		run:     runIngest,
	})
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
	qURL := queueFlag(fs, "")
	rangeSize := fs.Int64("warc-range-size", 32<<20, "with --queue: cut a local WARC file larger than this many `BYTES` into byte ranges of about this size (whole records) for the workers to read from it themselves on a shared path (0: one document per record)")
	rangeRecords := fs.Int("warc-range-records", 1000, "with --queue: at most this many `RECORDS` in one WARC range (0: no cap)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to `FILE`")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if len(pos) == 0 {
		return usageError{"nothing to ingest: name files, folders, URLs or - for stdin"}
	}
	if *qURL != "" {
		// publish to the work queue: `sitrep worker`s analyse and store
		opts := ingest.Options{MaxDocBytes: *maxDoc, Stdin: e.stdin}
		opts.Fetch.AllowPrivate = *allowPrivate
		return publishInputs(ctx, e, *qURL, pos, *outlet, opts, *quiet, *rangeSize, *rangeRecords)
	}
	setIngestGC()
	db, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.CheckWritable(ctx); err != nil {
		return err // before any input is read and analysed
	}

	pr := &progress{e: e}
	o := pr.options()
	o.Outlet, o.NoAnalyse = *outlet, *noAnalyse
	o.Budget = *budget
	if o.Budget == 0 {
		o.Budget = -1 // the flag's 0 means no limit
	}
	p, err := pipeline.New(ctx, db, o)
	if err != nil {
		return err
	}
	pr.p = p
	inputs := ingest.Expand(pos, p)
	pr.total = len(inputs)
	opts := ingest.Options{MaxDocBytes: *maxDoc, Stdin: e.stdin}
	opts.Fetch.AllowPrivate = *allowPrivate
	walkErr := ingest.Walk(ctx, inputs, opts, p)
	rep, storeErr := p.Close()
	pr.clear()
	if walkErr != nil {
		return walkErr
	}
	if storeErr != nil {
		return storeErr
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "sitrep ingest: %d inputs, %d documents: %d added, %d new versions, %d duplicates, %d problems (database %s)\n",
			len(inputs), rep.Documents, rep.Added, rep.Versions, rep.Duplicates, rep.Failed, *dbPath)
		if cs := rep.Corpus; cs.Articles > 0 {
			fmt.Fprintf(e.stderr, "sitrep ingest: %d articles into stories: %d new stories, %d stories and %d actors updated\n", cs.Articles, cs.NewEvents, cs.Events, cs.Actors)
		}
		if cs := rep.Corpus; cs.Faults > 0 {
			fmt.Fprintf(e.stderr, "sitrep ingest: %d articles skipped by a stage that failed on them (recorded: sitrep status)\n", cs.Faults)
		}
	}
	if rep.Failed > 0 {
		return partialError{failed: rep.Failed, total: rep.Failed + rep.Documents}
	}
	return nil
}

// progress prints a pipeline's problems, one line each naming the input,
// and on a terminal draws its progress.
type progress struct {
	e      *env
	p      *pipeline.Pipeline
	prefix string // "sitrep ingest: " unless set

	mu        sync.Mutex
	total     int
	inputDone int
	lastDraw  time.Time
}

// options are pipeline options reporting to pr.
func (pr *progress) options() pipeline.Options {
	var o pipeline.Options
	o.Problem = pr.problem
	o.InputDone = pr.inputDoneFn
	o.Corpus.Progress = pr.corpus
	return o
}

func (pr *progress) problem(ie *ingest.InputError) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.e.stderrIsTerminal {
		fmt.Fprint(pr.e.stderr, "\r\033[K")
	}
	prefix := pr.prefix
	if prefix == "" {
		prefix = "sitrep ingest: "
	}
	fmt.Fprintf(pr.e.stderr, "%s%s\n", prefix, ie.Error())
}

// inputDoneFn draws the progress bar.
func (pr *progress) inputDoneFn(string) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.inputDone++
	if !pr.e.stderrIsTerminal || pr.total < 2 || time.Since(pr.lastDraw) < 100*time.Millisecond && pr.inputDone < pr.total {
		return
	}
	pr.lastDraw = time.Now()
	const width = 30
	filled := width * pr.inputDone / pr.total
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < filled {
			bar[i] = '#'
		}
	}
	docs := 0
	if pr.p != nil {
		docs = pr.p.Documents()
	}
	fmt.Fprintf(pr.e.stderr, "\r\033[K[%s] %d/%d inputs, %d documents", bar, pr.inputDone, pr.total, docs)
}

// corpus draws the progress of the actors-and-stories stage.
func (pr *progress) corpus(done, total int) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.e.stderrIsTerminal && total >= 2 && time.Since(pr.lastDraw) >= 100*time.Millisecond {
		pr.lastDraw = time.Now()
		fmt.Fprintf(pr.e.stderr, "\r\033[Kactors and stories: %d/%d articles", done, total)
	}
}

func (pr *progress) clear() {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.e.stderrIsTerminal && pr.total >= 2 {
		fmt.Fprint(pr.e.stderr, "\r\033[K")
	}
}
