package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/corpusgen"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store/open"
)

func init() {
	register(&command{
		name:    "bench",
		summary: "measure the whole pipeline on a generated real-text corpus (articles/s, per CPU-second, stage shares, memory)",
		usage:   "[--db FILE] [--articles N | --to N] [--chunk N] [--source polnear|ecbplus]",
		run:     runBench,
	})
}

func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, commands["bench"])
	dbPath := fs.String("db", "", "database `FILE` (default: a new one in a temporary folder, removed after); an existing one is added to")
	n := fs.Int("articles", 10000, "articles to ingest (added to what --db holds)")
	to := fs.Int("to", 0, "ingest until --db holds about `N` articles (instead of --articles; a repeated text the corpus stage deduplicates can leave it a few short)")
	chunk := fs.Int("chunk", 2000, "articles per ingest run (one row of the report each)")
	source := fs.String("source", "polnear", "texts to repeat: polnear (1,012 PolNeAR news articles) or ecbplus (982 ECB+ documents)")
	reuse := fs.Bool("reuse-analysis", false, "analyse each source text once and reuse its analysis for its repetitions (to reach large corpora sooner: measures everything but analysis)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to `FILE`")
	memProfile := fs.String("memprofile", "", "write a profile of the memory allocated over the whole run to `FILE`")
	stages := fs.Bool("stages", true, "time each stage (pins the pipeline's goroutines to threads to read their CPU clocks; false: run as `sitrep ingest` does, the shares left blank)")
	ahead := fs.Int("ahead", 0, "documents let ahead of the corpus stages (pipeline.Options.Ahead; 0: the default, -1: no cap)")
	timeline := fs.Duration("timeline", 0, "print, every `INTERVAL` (say 1s), the cores busy and the articles analysed and taken into the corpus stage so far (to see whether the stages overlap)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if *memProfile != "" {
		defer func() {
			if f, err := os.Create(*memProfile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	// the collector tuned as for an ingest (gc.go)
	setIngestGC()
	if *n <= 0 || *chunk <= 0 || *to < 0 {
		return usageError{"--articles, --chunk and --to must be positive"}
	}
	evalDir, err := sharedEvalDir()
	if err != nil {
		return err
	}
	var srcs []corpusgen.Source
	switch *source {
	case "polnear":
		srcs, err = corpusgen.LoadPolNeAR(evalDir)
	case "ecbplus":
		srcs, err = corpusgen.LoadECBPlus(evalDir)
	default:
		return usageError{fmt.Sprintf("unknown --source %q (polnear, ecbplus)", *source)}
	}
	if err != nil {
		return err
	}
	path := *dbPath
	if path == "" {
		dir, err := os.MkdirTemp("", "sitrep-bench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bench.db")
	}
	db, err := openDB(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	stored, _, err := db.Count(ctx)
	if err != nil {
		return err
	}
	if *to > 0 {
		*n = articlesToAdd(*to, stored)
		if *n == 0 {
			fmt.Fprintf(e.stdout, "sitrep bench: %s already holds %d articles (--to %d)\n", open.Redact(path), stored, *to)
			return nil
		}
	}
	fmt.Fprintf(e.stdout, "sitrep bench: %d %s articles in runs of %d into %s (%d stored before), GOMAXPROCS %d\n",
		*n, *source, *chunk, open.Redact(path), stored, runtime.GOMAXPROCS(0))
	row := func(cols ...any) {
		fmt.Fprintf(e.stdout, "%12v %8v %8v %10v %8v %14v %6v %7v %6v %6v %6v %6v %11v\n", cols...)
	}
	row("stored after", "articles", "wall s", "articles/s", "CPU s", "articles/CPU-s", "clean", "analyse", "store", "corpus", "pages", "other", "peak RSS MB")
	var tot struct {
		arts        int
		wall, cpu   time.Duration
		stage       [4]time.Duration
		compose     time.Duration
		follow      time.Duration
		first, last float64 // CPU-ms per article of the first and last runs
	}
	cache := newAnalysisCache(srcs)
	for done := 0; done < *n; done += *chunk {
		m := min(*chunk, *n-done)
		var buf bytes.Buffer
		// the corpus continues where the database's stops
		if err := corpusgen.Write(&buf, srcs, int(stored)+done, int(stored)+done+m); err != nil {
			return err
		}
		var tm pipeline.Timing
		o := pipeline.Options{Ahead: *ahead, Problem: func(ie *ingest.InputError) { fmt.Fprintf(e.stderr, "sitrep bench: %v\n", ie) }}
		if *stages {
			o.Timing = &tm
		}
		var corpusDone atomic.Int64
		prev := 0
		// done counts from 0 in each of the stage's runs, whose first
		// batch is never larger than an earlier run's whole
		o.Corpus.Progress = func(done, _ int) {
			d := done - prev
			if done <= prev {
				d = done
			}
			prev = done
			corpusDone.Add(int64(d))
		}
		if *reuse {
			o.Annotate = cache.annotate
		}
		cpu0, wall0 := processCPU(), time.Now()
		p, err := pipeline.New(ctx, db, o)
		if err != nil {
			return err
		}
		stop := startTimeline(e, *timeline, cpu0, wall0, p, &corpusDone)
		walkErr := ingest.Walk(ctx, []string{"-"}, ingest.Options{Stdin: &buf}, p)
		rep, err := p.Close()
		stop()
		if err == nil {
			err = walkErr
		}
		if err != nil {
			return err
		}
		wall, cpu := time.Since(wall0), processCPU()-cpu0
		share := func(d time.Duration) string { return fmt.Sprintf("%.0f%%", 100*d.Seconds()/cpu.Seconds()) }
		row(int(stored)+done+m, rep.Added, f1(wall.Seconds()), f0(float64(rep.Added)/wall.Seconds()), f1(cpu.Seconds()), f0(float64(rep.Added)/cpu.Seconds()),
			share(tm.CPU(pipeline.Clean)), share(tm.CPU(pipeline.Analyse)), share(tm.CPU(pipeline.Store)), share(tm.CPU(pipeline.Corpus)), share(tm.Compose),
			share(cpu-tm.Total()), peakRSS()>>20)
		tot.arts += rep.Added
		tot.wall += wall
		tot.cpu += cpu
		for i := range tot.stage {
			tot.stage[i] += tm.CPU(i)
		}
		tot.compose += tm.Compose
		tot.follow += tm.Follow
		if rep.Added > 0 {
			if done == 0 {
				tot.first = cpu.Seconds() * 1000 / float64(rep.Added)
			}
			tot.last = cpu.Seconds() * 1000 / float64(rep.Added)
		}
	}
	if tot.arts == 0 {
		return nil
	}
	share := func(d time.Duration) string { return fmt.Sprintf("%.0f%%", 100*d.Seconds()/tot.cpu.Seconds()) }
	var sum time.Duration
	for _, d := range tot.stage {
		sum += d
	}
	row("total", tot.arts, f1(tot.wall.Seconds()), f0(float64(tot.arts)/tot.wall.Seconds()), f1(tot.cpu.Seconds()), f0(float64(tot.arts)/tot.cpu.Seconds()),
		share(tot.stage[0]), share(tot.stage[1]), share(tot.stage[2]), share(tot.stage[3]), share(tot.compose), share(tot.cpu-sum), peakRSS()>>20)
	fmt.Fprintf(e.stdout, "CPU per article: %.1f ms in the first run, %.1f ms in the last (%.2f×)\n", tot.first, tot.last, tot.last/tot.first)
	perArt := func(d time.Duration) float64 { return d.Seconds() * 1000 / float64(tot.arts) }
	fmt.Fprintf(e.stdout, "corpus stage: %.1f CPU-ms per article, %.1f on its first goroutine, %.1f on its second (pages and coded events)\n",
		perArt(tot.stage[pipeline.Corpus]), perArt(tot.stage[pipeline.Corpus]-tot.follow), perArt(tot.follow))
	return nil
}

// startCPUProfile profiles the process's CPU into the file at path until
// the returned stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// startTimeline prints, every interval (none when 0), the cores the
// process kept busy since the last line and how far the pipeline got:
// documents taken (cleaned and analysed, or being so) and articles taken
// into the corpus stage. The returned func stops it.
func startTimeline(e *env, every time.Duration, cpu0 time.Duration, wall0 time.Time, p *pipeline.Pipeline, corpusDone *atomic.Int64) func() {
	if every <= 0 {
		return func() {}
	}
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		lastCPU, lastWall := cpu0, wall0
		for {
			select {
			case <-quit:
				return
			case now := <-t.C:
				cpu := processCPU()
				fmt.Fprintf(e.stderr, "timeline %6.1fs  cores %.2f  documents %6d  corpus %6d\n", now.Sub(wall0).Seconds(),
					(cpu-lastCPU).Seconds()/now.Sub(lastWall).Seconds(), p.Documents(), corpusDone.Load())
				lastCPU, lastWall = cpu, now
			}
		}
	}()
	return func() { close(quit); <-done }
}

func f0(x float64) string { return fmt.Sprintf("%.0f", x) }
func f1(x float64) string { return fmt.Sprintf("%.1f", x) }

// analysisCache analyses each source text once (see --reuse-analysis): a
// generated article's text is its source's plus a last line, so the
// source's analysis, offsets included, fits it. The text is analysed as
// of its source's own date (that of the first repetition), whichever
// repetition a worker reaches first, so that two runs store the same
// analyses (relative dates such as "today" resolve alike).
type analysisCache struct {
	mu    sync.Mutex
	done  map[string]*analyse.Annotation
	dates map[string]time.Time // by sourceKey
	pool  sync.Pool
}

func newAnalysisCache(srcs []corpusgen.Source) *analysisCache {
	c := &analysisCache{done: map[string]*analyse.Annotation{}, dates: map[string]time.Time{}}
	for _, s := range srcs {
		k := sourceKey(s.Text)
		if d, ok := c.dates[k]; !ok || s.Published.Before(d) {
			c.dates[k] = s.Published
		}
	}
	return c
}

// sourceKey identifies a source text before and after cleaning: its
// first words, whitespace aside.
func sourceKey(text string) string {
	w := strings.Fields(text)
	return strings.Join(w[:min(len(w), 60)], " ")
}

func (c *analysisCache) annotate(in analyse.Input) analyse.Annotation {
	base := corpusgen.BaseText(in.Text)
	c.mu.Lock()
	a, ok := c.done[base]
	c.mu.Unlock()
	if ok {
		return *a
	}
	an, _ := c.pool.Get().(*analyse.Annotator)
	if an == nil {
		an = analyse.New()
	}
	in.Text = base
	if d, ok := c.dates[sourceKey(base)]; ok {
		in.Published, in.PublishedEstimated = d, false
	}
	x := an.Annotate(in)
	c.pool.Put(an)
	c.mu.Lock()
	if a, ok := c.done[base]; ok {
		x = *a // another worker got there first: keep one copy
	} else {
		c.done[base] = &x
	}
	c.mu.Unlock()
	return x
}

// articlesToAdd is how many articles bring a database holding stored
// articles to a total of to: --articles counts what a run adds, so a long
// run continued by a second invocation would otherwise overshoot.
func articlesToAdd(to int, stored int64) int {
	return max(0, to-int(stored))
}
