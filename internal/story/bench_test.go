package story

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The clustering benchmark feeds a stream of synthetic articles (each
// development has its own names and topic words over a Zipf background)
// mixed with real headlines (../shared/eval/cluster-headlines, when
// present) and the seed articles, with publication times advancing at
// 5,000 articles a day. It measures Add throughput once 10k and 100k
// articles are stored (1M with SITREP_BENCH_1M=1) and the heap in use.
//
//	go test -run '^$' -bench Clusterer -benchtime 20000x ./internal/story/
//	SITREP_BENCH_1M=1 go test -run '^$' -bench Clusterer -benchtime 20000x -timeout 60m ./internal/story/

type corpusGen struct {
	r       *rand.Rand
	zipf    *rand.Zipf
	vocab   []string
	events  [][]string // per live development: names and topic words
	real    []Doc
	n       int
	t0      time.Time
	perDay  int
	evEvery int
}

func newCorpusGen(seed uint64) *corpusGen {
	r := rand.New(rand.NewPCG(seed, 7))
	g := &corpusGen{r: r, t0: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), perDay: 5000, evEvery: 6}
	g.zipf = rand.NewZipf(r, 1.1, 2, 49999)
	for i := 0; i < 50000; i++ {
		g.vocab = append(g.vocab, synthWord(r))
	}
	g.real = realArticles()
	return g
}

func synthWord(r *rand.Rand) string {
	const cons, vows = "bcdfghjklmnprstvz", "aeiou"
	var b strings.Builder
	for k := 0; k < 2+r.IntN(3); k++ {
		b.WriteByte(cons[r.IntN(len(cons))])
		b.WriteByte(vows[r.IntN(len(vows))])
	}
	return b.String()
}

func (g *corpusGen) next() Doc {
	g.n++
	// per-article step first: n*24h overflows a Duration past ~106k articles
	pub := g.t0.Add(time.Duration(g.n) * (24 * time.Hour / time.Duration(g.perDay)))
	if len(g.real) > 0 && g.n%10 == 0 {
		d := g.real[g.r.IntN(len(g.real))]
		d.ID, d.Published = int64(g.n), pub
		return d
	}
	if len(g.events) == 0 || g.r.IntN(g.evEvery) == 0 {
		ev := make([]string, 0, 40)
		for i := 0; i < 6; i++ {
			w := synthWord(g.r)
			ev = append(ev, strings.ToUpper(w[:1])+w[1:])
		}
		for i := 0; i < 34; i++ {
			ev = append(ev, g.vocab[g.zipf.Uint64()])
		}
		g.events = append(g.events, ev)
		if len(g.events) > 400 {
			g.events = g.events[1:]
		}
	}
	ev := g.events[len(g.events)-1-int(g.r.ExpFloat64()*20)%len(g.events)]
	var b strings.Builder
	for s := 0; s < 12; s++ {
		b.WriteString("The")
		for w := 0; w < 16; w++ {
			b.WriteByte(' ')
			if g.r.IntN(10) < 4 {
				b.WriteString(ev[g.r.IntN(len(ev))])
			} else {
				b.WriteString(g.vocab[g.zipf.Uint64()])
			}
		}
		b.WriteString(". ")
	}
	return Doc{ID: int64(g.n), Outlet: fmt.Sprintf("outlet%d", g.r.IntN(50)), Title: ev[0] + " " + ev[1] + " " + ev[6],
		Text: b.String(), Published: pub}
}

// realArticles loads the seeds and the headline sample when ../shared is
// reachable; the benchmark runs on synthetic articles alone otherwise.
func realArticles() []Doc {
	dir := sharedDir()
	if dir == "" {
		return nil
	}
	var out []Doc
	seeds, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			title, text, _ := strings.Cut(string(b), "\n")
			out = append(out, Doc{Title: title, Text: text, Outlet: "seed"})
		}
	}
	f, err := os.Open(filepath.Join(dir, "eval", "cluster-headlines", "headlines_2014-06-13_to_19.jsonl.gz"))
	if err != nil {
		return out
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return out
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var h struct{ Title, Publisher string }
		if json.Unmarshal(sc.Bytes(), &h) == nil && h.Title != "" {
			out = append(out, Doc{Title: h.Title, Text: h.Title, Outlet: h.Publisher})
		}
	}
	return out
}

// sharedDir finds ../shared above the working directory, or $SITREP_SHARED.
func sharedDir() string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared")
		if st, err := os.Stat(filepath.Join(p, "eval")); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

var benchState struct {
	sync.Mutex
	c map[int]*Clusterer
	g map[int]*corpusGen
}

// BenchmarkClusterer feeds articles in batches of SITREP_BENCH_BATCH
// (default 200, the corpus stage's batch; 1 = Add, one at a time).
func BenchmarkClusterer(b *testing.B) {
	batch := 200
	if v, err := strconv.Atoi(os.Getenv("SITREP_BENCH_BATCH")); err == nil && v > 0 {
		batch = v
	}
	feed := func(c *Clusterer, docs []Doc) {
		for lo := 0; lo < len(docs); lo += batch {
			part := docs[lo:min(lo+batch, len(docs))]
			if batch == 1 {
				c.Add(part[0])
				continue
			}
			c.AddBatch(part)
		}
	}
	sizes := []int{10_000, 100_000}
	if os.Getenv("SITREP_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("batch=%d/stored=%dk", batch, n/1000), func(b *testing.B) {
			benchState.Lock()
			defer benchState.Unlock()
			if benchState.c == nil {
				benchState.c, benchState.g = map[int]*Clusterer{}, map[int]*corpusGen{}
			}
			for k := range benchState.c { // measure one size's state at a time
				if k != n {
					delete(benchState.c, k)
					delete(benchState.g, k)
				}
			}
			c, g := benchState.c[n], benchState.g[n]
			if c == nil {
				c, g = NewClusterer(Config{}), newCorpusGen(1)
				t0 := time.Now()
				for i := 0; i < n; i += 10_000 {
					pre := make([]Doc, 10_000)
					for k := range pre {
						pre[k] = g.next()
					}
					feed(c, pre)
				}
				b.Logf("preloaded %d articles in %.1fs (%.0f/s)", n, time.Since(t0).Seconds(), float64(n)/time.Since(t0).Seconds())
				benchState.c[n], benchState.g[n] = c, g
			}
			docs := make([]Doc, b.N)
			for i := range docs {
				docs[i] = g.next()
			}
			runtime.GC()
			b.ResetTimer()
			t0, cpu0 := time.Now(), cpuSeconds()
			feed(c, docs)
			el, cpu := time.Since(t0), cpuSeconds()-cpu0
			b.StopTimer()
			b.ReportMetric(float64(b.N)/el.Seconds(), "articles/s")
			if cpu > 0 {
				// articles per CPU-second (GC threads included): robust to
				// other load on a shared machine
				b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
			}
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heapMB")
			st := c.Stats()
			b.ReportMetric(float64(st.LiveEvents), "live_events")
			t1 := time.Now()
			if state, err := c.MarshalBinary(); err == nil {
				// the corpus stage stores the state after every batch
				b.ReportMetric(float64(time.Since(t1).Milliseconds()), "marshal-ms")
				b.ReportMetric(float64(len(state))/(1<<20), "stateMB")
			}
			b.Logf("stats %+v", st)
		})
	}
}

// BenchmarkMarshal times serialising a clusterer that has taken 10,000
// articles: the corpus stage stores this state after every batch.
func BenchmarkMarshal(b *testing.B) {
	c, g := NewClusterer(Config{}), newCorpusGen(1)
	docs := make([]Doc, 10_000)
	for i := range docs {
		docs[i] = g.next()
	}
	for lo := 0; lo < len(docs); lo += 200 {
		c.AddBatch(docs[lo : lo+200])
	}
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		state, err := c.MarshalBinary()
		if err != nil {
			b.Fatal(err)
		}
		n = len(state)
	}
	b.ReportMetric(float64(n)/(1<<20), "MB")
}
