package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep/sitrep/internal/view"
)

// TestReadsWhileWritten looks for what makes a read wait while the
// database is written as the pipeline writes it (Put batches, the corpus
// stage's PutDerived and PutStoryPages, the background ANALYZE): readers
// ask for story pages, story lists and searches, and a watcher samples
// pg_stat_activity every 20 ms for the pool's backends waiting on
// anything but the client (a lock, I/O, …). It reports each read kind's
// latency quantiles, the pool's waits for a connection and the waits seen
// on the server. A measurement, not for CI:
//
//	SITREP_PGSTALL=1 go test -count=1 -run TestReadsWhileWritten -v ./internal/store/postgres/
//
// SITREP_PGSTALL_SECONDS (default 40) is how long the writer writes.
func TestReadsWhileWritten(t *testing.T) {
	if os.Getenv("SITREP_PGSTALL") == "" {
		t.Skip("measurement: set SITREP_PGSTALL=1 to run it")
	}
	secs := 40
	if v, err := strconv.Atoi(os.Getenv("SITREP_PGSTALL_SECONDS")); err == nil {
		secs = v
	}
	every := AnalyzeEvery
	AnalyzeEvery = 10 * time.Second // a few background ANALYZEs in the run
	defer func() { AnalyzeEvery = every }()
	ctx := context.Background()
	b := make([]byte, 4)
	rand.Read(b)
	app := "sitrep_stall_" + hex.EncodeToString(b)
	u := pgtest.Schema(t)
	db, err := Open(ctx, u+"&application_name="+app)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	words := strings.Fields("ferry budget council river harbour election strike flood minister court bridge school army port storm talks")
	article := func(i int) store.Item {
		r := mrand.New(mrand.NewPCG(uint64(i), 7))
		var text strings.Builder
		for text.Len() < 3000 {
			fmt.Fprintf(&text, "The %s and the %s of town %d were discussed again. ", words[r.IntN(len(words))], words[r.IntN(len(words))], r.IntN(500))
		}
		url := fmt.Sprintf("https://stall.example.org/%d", i)
		return store.Item{
			Raw:     store.Raw{Origin: fmt.Sprint("doc", i), URL: url, MediaType: "text/plain", Body: []byte(text.String())},
			Article: clean.Article{URL: url, Title: fmt.Sprint("Title ", i), Outlet: fmt.Sprint("Outlet ", i%5), Text: text.String(), Published: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)},
		}
	}
	// writes one batch of n articles from article number first, and the
	// corpus stage's results for it: each article a story of its own
	var last int64
	var next int64 = 1
	write := func(first, n int) error {
		items := make([]store.Item, n)
		for i := range items {
			items[i] = article(first + i)
		}
		res, err := db.Put(ctx, items)
		if err != nil {
			return err
		}
		d := &store.Derived{After: last, LastArticle: res[n-1].ID}
		var pages []store.StoryPage
		for _, r := range res {
			d.Assignments = append(d.Assignments, store.Assignment{Article: r.ID, Event: next, Storyline: next})
			d.Events = append(d.Events, store.EventRecord{ID: next, Storyline: next, Headline: "story"})
			pages = append(pages, store.StoryPage{ID: next, Page: []byte(fmt.Sprintf(`{"id":%d}`, next))})
			next++
		}
		if err := db.PutDerived(ctx, d); err != nil {
			return err
		}
		last = res[n-1].ID
		return db.PutStoryPages(ctx, pages)
	}
	for i := 0; i < 2000; i += 200 {
		if err := write(i, 200); err != nil {
			t.Fatal(err)
		}
	}
	stories := next - 1

	wctx, stop := context.WithTimeout(ctx, time.Duration(secs)*time.Second)
	defer stop()
	var wg sync.WaitGroup
	var werr error
	wg.Go(func() {
		for i := 2000; wctx.Err() == nil; i += 100 {
			if werr = write(i, 100); werr != nil {
				return
			}
		}
	})
	type sample struct {
		kind string
		took time.Duration
		at   time.Time
	}
	var mu sync.Mutex
	var samples []sample
	reads := []struct {
		kind string
		f    func(context.Context, *mrand.Rand) error
	}{
		{"story page", func(ctx context.Context, r *mrand.Rand) error {
			_, err := db.StoryPage(ctx, 1+r.Int64N(stories))
			return err
		}},
		{"story list", func(ctx context.Context, r *mrand.Rand) error {
			_, err := db.StoryList(ctx, view.Query{Limit: 20})
			return err
		}},
		{"search", func(ctx context.Context, r *mrand.Rand) error {
			_, err := db.SearchArticles(ctx, view.Query{Text: words[r.IntN(len(words))], Limit: 20})
			return err
		}},
	}
	before := db.Pool().Stat()
	for c := range 4 {
		wg.Go(func() {
			r := mrand.New(mrand.NewPCG(uint64(c), 1))
			for i := c; wctx.Err() == nil; i++ {
				rd := reads[i%len(reads)]
				start := time.Now()
				rctx, done := context.WithTimeout(ctx, 30*time.Second)
				err := rd.f(rctx, r)
				done()
				if err != nil {
					t.Errorf("%s: %v", rd.kind, err)
					return
				}
				mu.Lock()
				samples = append(samples, sample{rd.kind, time.Since(start), start})
				mu.Unlock()
			}
		})
	}
	// the watcher: waits of the pool's backends other than for the client
	waits := map[string]int{}
	wg.Go(func() {
		conn, err := pgx.Connect(ctx, u) // not one of the pool's
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		for wctx.Err() == nil {
			rows, err := conn.Query(ctx, `SELECT wait_event_type || ':' || wait_event || ' ' || left(regexp_replace(query, '\s+', ' ', 'g'), 60)
				FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND pid <> pg_backend_pid()
				AND wait_event_type IS NOT NULL AND wait_event_type NOT IN ('Client')`, app)
			if err != nil {
				t.Error(err)
				return
			}
			for rows.Next() {
				var w string
				if rows.Scan(&w) == nil {
					waits[w]++
				}
			}
			rows.Close()
			time.Sleep(20 * time.Millisecond)
		}
	})
	wg.Wait()
	if werr != nil && wctx.Err() == nil {
		t.Fatal(werr)
	}
	after := db.Pool().Stat()
	t.Logf("written: %d stories in all (%d before the run)", next-1, stories)
	for _, rd := range reads {
		var ds []time.Duration
		for _, s := range samples {
			if s.kind == rd.kind {
				ds = append(ds, s.took)
			}
		}
		slices.Sort(ds)
		if len(ds) == 0 {
			continue
		}
		q := func(p float64) time.Duration { return ds[int(p*float64(len(ds)-1))].Round(100 * time.Microsecond) }
		t.Logf("%-10s %6d reads  p50 %v  p99 %v  max %v", rd.kind, len(ds), q(0.5), q(0.99), ds[len(ds)-1].Round(time.Millisecond))
	}
	t.Logf("pool: %d acquires waited for a connection, %v waited in all; max %d conns",
		after.EmptyAcquireCount()-before.EmptyAcquireCount(), after.AcquireDuration()-before.AcquireDuration(), after.MaxConns())
	keys := make([]string, 0, len(waits))
	for k := range waits {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return waits[b] - waits[a] })
	for _, k := range keys {
		t.Logf("server wait seen %4d× (20 ms samples): %s", waits[k], k)
	}
}
