package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
)

func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func item(origin, url, body, title, text string) store.Item {
	return store.Item{
		Raw:     store.Raw{Origin: origin, URL: url, MediaType: "text/plain", Body: []byte(body)},
		Article: clean.Article{URL: url, Title: title, Text: text, Outlet: "Example", Authors: []string{"A. Writer"}, Published: time.Date(2016, 10, 23, 0, 0, 0, 0, time.UTC)},
	}
}

// hash is the sha256 of b as Put stores it.
func hash(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}

func TestPutDedupAndVersions(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	steps := []struct {
		name string
		it   store.Item
		want store.Outcome
	}{
		{"first", item("a.txt", "", "raw A", "T", "text A"), store.Added},
		{"same raw bytes", item("copy-of-a.txt", "", "raw A", "T", "text A"), store.Duplicate},
		{"same text, no URL", item("a2.txt", "", "raw A with other chrome", "T", "text A"), store.Duplicate},
		{"url v1", item("p1.html", "https://example.org/x", "<p>v1</p>", "T", "text v1"), store.Added},
		{"url same text", item("p1b.html", "https://example.org/x", "<p>v1</p><!-- ad -->", "T", "text v1"), store.Duplicate},
		{"url v2", item("p2.html", "https://example.org/x", "<p>v2</p>", "T", "text v2"), store.NewVersion},
	}
	var ids []int64
	for _, s := range steps {
		res, err := db.Put(ctx, []store.Item{s.it})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if res[0].Outcome != s.want {
			t.Errorf("%s: outcome %s, want %s", s.name, res[0].Outcome, s.want)
		}
		ids = append(ids, res[0].ID)
	}
	v2, err := db.Article(ctx, ids[5])
	if err != nil {
		t.Fatal(err)
	}
	if v2.Version != 2 || v2.PreviousID != ids[3] {
		t.Errorf("v2: version %d previous %d, want 2 and %d", v2.Version, v2.PreviousID, ids[3])
	}
	if v2.Outlet != "Example" || len(v2.Authors) != 1 || v2.Published.Year() != 2016 {
		t.Errorf("round trip lost fields: %+v", v2.Article)
	}
	n, docs, _ := db.Count(ctx)
	if n != 3 || docs != 3 {
		t.Errorf("count = %d articles, %d documents; want 3, 3", n, docs)
	}
	hits, err := db.Search(ctx, "v2", 10)
	if err != nil || len(hits) != 1 || hits[0] != ids[5] {
		t.Errorf("FTS search = %v, %v", hits, err)
	}
	if _, err := db.Article(ctx, 999); err != store.ErrNotFound {
		t.Errorf("missing id: %v", err)
	}
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	if _, err := db.Put(ctx, []store.Item{item("a", "", "x", "T", "text")}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	v, _ := db2.SchemaVersion(ctx)
	n, _, _ := db2.Count(ctx)
	if v != len(migrations) || n != 1 {
		t.Fatalf("reopen: schema %d articles %d", v, n)
	}
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(path, []byte("this is not sqlite, just some text that is long enough to be a header......."), 0o644)
	if _, err := Open(context.Background(), path); err == nil {
		t.Fatal("want an error for a non-database file")
	}
}

func TestFailedBatchLeavesNothing(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	db.Put(ctx, []store.Item{item("a", "", "x", "T", "kept")})
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := db.Put(cctx, []store.Item{item("b", "", "y", "T", "lost")}); err == nil {
		t.Fatal("want an error from a cancelled batch")
	}
	n, _, _ := db.Count(ctx)
	if n != 1 {
		t.Fatalf("articles after failed batch = %d, want 1", n)
	}
}

// BenchmarkPut measures store inserts in batches of 256, as ingest writes,
// with Put doing all of the work (the items are not prepared).
func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	db, _ := openTemp(b)
	const batch = 256
	b.ResetTimer()
	cpu0 := cpuTime()
	var writer time.Duration
	for i := 0; i < b.N; i += batch {
		items := benchItems(i, min(i+batch, b.N))
		t0 := threadCPU()
		if _, err := db.Put(ctx, items); err != nil {
			b.Fatal(err)
		}
		writer += threadCPU() - t0
	}
	reportPut(b, cpu0, writer)
}

// BenchmarkPutPrepared is BenchmarkPut as the pipeline writes: the items
// are made and prepared (store.Preparer) on other goroutines, the next
// batch while the writer stores one.
func BenchmarkPutPrepared(b *testing.B) {
	ctx := context.Background()
	db, _ := openTemp(b)
	const batch = 256
	batches := make(chan []store.Item, 1)
	go func() {
		defer close(batches)
		for i := 0; i < b.N; i += batch {
			items := benchItems(i, min(i+batch, b.N))
			var wg sync.WaitGroup
			workers := runtime.GOMAXPROCS(0)
			for w := range workers {
				wg.Go(func() {
					for k := w; k < len(items); k += workers {
						db.Prepare(&items[k])
					}
				})
			}
			wg.Wait()
			batches <- items
		}
	}()
	b.ResetTimer()
	cpu0 := cpuTime()
	var writer time.Duration
	for items := range batches {
		t0 := threadCPU()
		if _, err := db.Put(ctx, items); err != nil {
			b.Fatal(err)
		}
		writer += threadCPU() - t0
	}
	reportPut(b, cpu0, writer)
}

// BenchmarkPutAnalysed is BenchmarkPut with analysed articles, as ingest
// stores them: 30 sentences, 60 mentions, 6 times, 3 quotes and 9 places
// an article (a PolNeAR article has about as many).
func BenchmarkPutAnalysed(b *testing.B) {
	ctx := context.Background()
	db, _ := openTemp(b)
	const batch = 256
	b.ResetTimer()
	cpu0 := cpuTime()
	var writer time.Duration
	for i := 0; i < b.N; i += batch {
		items := benchItems(i, min(i+batch, b.N))
		for k := range items {
			items[k].Analysis = benchAnnotation(items[k].Article.Text)
		}
		t0 := threadCPU()
		if _, err := db.Put(ctx, items); err != nil {
			b.Fatal(err)
		}
		writer += threadCPU() - t0
	}
	reportPut(b, cpu0, writer)
}

// benchAnnotation is an analysis of text (its sentences a tenth of it).
func benchAnnotation(text string) *analyse.Annotation {
	an := &analyse.Annotation{}
	n := len(text) / 30
	for i := range 30 {
		sp := analyse.Span{Start: i * n, End: i*n + n - 1}
		an.Sentences = append(an.Sentences, sp)
		an.Mentions = append(an.Mentions,
			analyse.Mention{Span: analyse.Span{Start: sp.Start, End: sp.Start + 7}, Sentence: i, Type: "ORG", Confidence: 0.9},
			analyse.Mention{Span: analyse.Span{Start: sp.Start + 10, End: sp.Start + 15}, Sentence: i, Type: "PER", Confidence: 0.8})
		if i%5 == 0 {
			an.Times = append(an.Times, analyse.Time{Span: analyse.Span{Start: sp.Start, End: sp.Start + 5}, Sentence: i, Type: "DATE", Value: "2016-10-23"})
		}
		if i%10 == 0 {
			an.Quotes = append(an.Quotes, analyse.Quote{Span: sp, Parts: []analyse.Span{sp}, Kind: "direct", Sentence: i, Speaker: analyse.Span{Start: sp.Start, End: sp.Start + 7}, SpeakerText: "Islamic"})
		}
		if i%10 < 3 {
			an.Places = append(an.Places, analyse.Place{Span: analyse.Span{Start: sp.Start + 20, End: sp.Start + 25}, Sentence: i, Name: "Mosul", GeonamesID: 99072, Country: "IQ", Feature: "PPLA", Confidence: 0.7})
		}
	}
	return an
}

// benchItems are the benchmark's articles from to to (~3 KB text and
// raw each).
func benchItems(from, to int) []store.Item {
	text := "Islamic State has dug trenches and rigged roads and buildings with explosives ahead of an offensive. "
	for len(text) < 3000 {
		text += text
	}
	items := make([]store.Item, 0, to-from)
	for j := from; j < to; j++ {
		items = append(items, item(fmt.Sprint("doc", j), fmt.Sprintf("https://example.org/%d", j), fmt.Sprint("raw", j, text), "Title", fmt.Sprint(j, text)))
	}
	return items
}

// reportPut reports articles/s, the process's CPU time an article (on a
// shared machine steadier than the elapsed time; all goroutines) and the
// writer's (the goroutine calling Put: the one that cannot be spread
// over cores).
func reportPut(b *testing.B, cpu0, writer time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/article")
	b.ReportMetric(float64(writer.Microseconds())/float64(b.N), "writer-cpu-µs/article")
}

// threadCPU is the calling goroutine's CPU time, user and system, with
// the goroutine locked to its thread (Linux's RUSAGE_THREAD; zero
// elsewhere).
func threadCPU() time.Duration {
	runtime.LockOSThread()
	var u syscall.Rusage
	if err := syscall.Getrusage(1, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

func TestAnnotationRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	it := item("a", "", "raw", "T", "Carter met Barzani. They spoke.")
	it.Analysis = &analyse.Annotation{
		Sentences: []analyse.Span{{Start: 0, End: 19}, {Start: 20, End: 31}},
		Mentions: []analyse.Mention{
			{Span: analyse.Span{Start: 0, End: 6}, Type: "PER", Confidence: 0.9},
			{Span: analyse.Span{Start: 11, End: 18}, Type: "PER", Confidence: 0.8},
		},
		Times:  []analyse.Time{{Span: analyse.Span{Start: 20, End: 24}, Sentence: 1, Type: "DATE", Value: "2016-10-23", Anchored: true}},
		Quotes: []analyse.Quote{{Span: analyse.Span{Start: 20, End: 31}, Parts: []analyse.Span{{Start: 20, End: 25}, {Start: 26, End: 31}}, Kind: "indirect", Cue: analyse.Span{Start: 25, End: 30}, Source: analyse.Span{Start: 20, End: 24}, Speaker: analyse.Span{Start: 0, End: 6}, SpeakerText: "Carter", Resolved: true, Sentence: 1}},
		Places: []analyse.Place{{Span: analyse.Span{Start: 11, End: 18}, Name: "Barzani", GeonamesID: 42, Lat: 36.1, Lon: 44.0, Country: "IQ", Feature: "PPL", Confidence: 0.5}},
	}
	res, err := db.Put(ctx, []store.Item{it})
	if err != nil {
		t.Fatal(err)
	}
	an, err := db.Annotation(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Sentences) != 2 || len(an.Mentions) != 2 || an.Mentions[1].Start != 11 || an.Mentions[1].Type != "PER" {
		t.Fatalf("annotation = %+v", an)
	}
	if len(an.Times) != 1 || an.Times[0] != it.Analysis.Times[0] {
		t.Errorf("times = %+v, want %+v", an.Times, it.Analysis.Times)
	}
	if len(an.Quotes) != 1 || len(an.Quotes[0].Parts) != 2 || an.Quotes[0].Speaker != it.Analysis.Quotes[0].Speaker || an.Quotes[0].SpeakerText != "Carter" || !an.Quotes[0].Resolved {
		t.Errorf("quotes = %+v, want %+v", an.Quotes, it.Analysis.Quotes)
	}
	if len(an.Places) != 1 || an.Places[0] != it.Analysis.Places[0] {
		t.Errorf("places = %+v, want %+v", an.Places, it.Analysis.Places)
	}
	bad := item("b", "", "raw2", "T", "short")
	bad.Analysis = &analyse.Annotation{Mentions: []analyse.Mention{{Span: analyse.Span{Start: 2, End: 99}, Type: "LOC"}}}
	if _, err := db.Put(ctx, []store.Item{bad}); err == nil {
		t.Fatal("want an error for a mention outside the text")
	}
}

// TestPutLookupsUseIndexes: each lookup of Put's deduplication goes
// through its index, the text hash through the partial one (articles
// without a URL).
func TestPutLookupsUseIndexes(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	for _, tc := range []struct {
		query string
		arg   any
		index string
	}{
		{putByDocHash, hash([]byte("x")), "sqlite_autoindex_documents_1"},
		{putByURL, "https://example.org/a", "articles_url"},
		{putByTextHash, hash([]byte("x")), "articles_text_hash"},
	} {
		var plan []string
		args := make([]any, lookupChunk)
		for i := range args {
			args[i] = tc.arg
		}
		err := eachRow(ctx, db.db, "EXPLAIN QUERY PLAN "+tc.query, args, func(r *sql.Rows) error {
			var id, parent, notused int
			var detail string
			err := r.Scan(&id, &parent, &notused, &detail)
			plan = append(plan, detail)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(plan, "\n"), "INDEX "+tc.index+" ") {
			t.Errorf("%s:\nplan %q, want index %s", tc.query, plan, tc.index)
		}
	}
}

// TestAnalysisRowsBuffered: analysis rows go in many to a statement, over
// the articles of a batch; each article gets its own back, in order,
// whether its rows filled statements, shared one with the next article's
// or were the batch's last.
func TestAnalysisRowsBuffered(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	var items []store.Item
	for a, n := range []int{rowsPerInsert*2 + 5, 3, rowsPerInsert - 1, 0} {
		var text strings.Builder
		an := &analyse.Annotation{}
		for i := range n {
			start := text.Len()
			fmt.Fprintf(&text, "Sentence %d of article %d. ", i, a)
			an.Sentences = append(an.Sentences, analyse.Span{Start: start, End: text.Len() - 1})
			an.Mentions = append(an.Mentions, analyse.Mention{Span: analyse.Span{Start: start, End: start + 8}, Sentence: i, Type: "MISC", Confidence: float32(i) / 100})
		}
		it := item(fmt.Sprint("doc", a), "", fmt.Sprint("raw", a), "T", text.String()+"End.")
		it.Analysis = an
		items = append(items, it)
	}
	res, err := db.Put(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		got, err := db.Annotation(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := items[i].Analysis
		if !reflect.DeepEqual(got.Sentences, want.Sentences) || !reflect.DeepEqual(got.Mentions, want.Mentions) {
			t.Errorf("article %d: got %d sentences, %d mentions, want %d, %d (or not in order)", i, len(got.Sentences), len(got.Mentions), len(want.Sentences), len(want.Mentions))
		}
	}
}
