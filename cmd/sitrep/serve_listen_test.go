package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
	pgstore "github.com/sitrep/sitrep/internal/store/postgres"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
)

// sitrep serve on PostgreSQL while its LISTEN connection is dropped again
// and again (pg_terminate_backend) as another handle writes stories: every
// article and every story is announced exactly once — without the poll
// (set to an hour), the reconnect itself looks for what was missed; with
// a short poll, a story is not announced by both the poll and the
// notification.
func TestServeAnnouncesEachStoryOnceAcrossReconnects(t *testing.T) {
	for _, poll := range []time.Duration{time.Hour, 200 * time.Millisecond} {
		t.Run("poll "+poll.String(), func(t *testing.T) { announcesOnceAcrossReconnects(t, poll) })
	}
}

func announcesOnceAcrossReconnects(t *testing.T, poll time.Duration) {
	base := pgtest.Schema(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	// the served handle's connections carry a name of their own, so the
	// test drops its listener and no other test's
	app := fmt.Sprintf("sitrep_listen_test_%d", rand.Int64())
	q := u.Query()
	q.Set("application_name", app)
	u.RawQuery = q.Encode()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	served, err := openDB(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer served.Close()
	worker, err := openDB(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer worker.Close()

	b := server.NewBroker()
	events, stop := b.Subscribe()
	defer stop()
	var mu sync.Mutex
	stories, articles := map[int64]int{}, map[int64]int{}
	go func() {
		for e := range events {
			mu.Lock()
			switch e.Type {
			case "story":
				stories[e.ID]++
			case "article":
				articles[e.ID]++
			}
			mu.Unlock()
		}
	}()
	ready := make(chan struct{}, 64)
	startAnnouncing(ctx, served, b, poll, func() { ready <- struct{}{} })
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("not listening after 10 s")
	}

	pool := worker.(*pgstore.DB).Pool()
	drop := func() int {
		var n int
		err := pool.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE application_name = $1 AND query LIKE 'LISTEN %'`, app).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	const n = 12
	r := rand.New(rand.NewPCG(7, 17))
	dropped := 0
	for i := 0; i < n; i++ {
		if i%3 == 1 {
			// dropped, then stories written while it connects again
			if i > 1 {
				select {
				case <-ready:
				case <-time.After(10 * time.Second):
					t.Fatal("the listener did not connect again within 10 s")
				}
			}
			dropped += drop()
		}
		putStory(t, worker, i, r)
	}
	if dropped == 0 {
		t.Fatal("no listener connection was dropped: the test tests nothing")
	}

	ids, err := worker.ArticleIDsAfter(ctx, 0)
	if err != nil || len(ids) != n {
		t.Fatalf("%d articles stored, want %d (%v)", len(ids), n, err)
	}
	sums, err := worker.Summaries(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]bool{}
	for _, s := range sums {
		if s.Story == 0 {
			t.Fatalf("article %d has no story", s.ID)
		}
		want[s.Story] = true
	}
	if len(want) != n {
		t.Fatalf("%d articles made %d stories: the test needs one story each", n, len(want))
	}
	// all announced within the reconnect pause and a little more; then a
	// further wait for announcements made twice
	deadline := time.Now().Add(5 * time.Second)
	for {
		mu.Lock()
		got := len(stories)
		mu.Unlock()
		if got >= n || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	for id := range want {
		if stories[id] != 1 {
			t.Errorf("story %d announced %d times, want once", id, stories[id])
		}
	}
	for id, c := range stories {
		if !want[id] {
			t.Errorf("story %d (not stored) announced %d times", id, c)
		}
	}
	for _, id := range ids {
		if articles[id] != 1 {
			t.Errorf("article %d announced %d times, want once", id, articles[id])
		}
	}
	t.Logf("%d listener connections dropped; %d stories, %d articles announced", dropped, len(stories), len(articles))
}

// putStory stores one article of words of its own, so that it makes a
// story of its own, and runs the corpus stage over it through db.
func putStory(t *testing.T, db store.DB, i int, r *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	words := make([]string, 80)
	for k := range words {
		var w strings.Builder
		for range 7 {
			w.WriteByte(byte('a' + r.IntN(26)))
		}
		words[k] = w.String()
	}
	a := clean.Article{Title: strings.Join(words[:6], " "), Text: strings.Join(words, " ") + ".", Outlet: "Test Wire", Language: "en",
		URL: fmt.Sprintf("https://example.org/listen/%d", i), Published: time.Date(2025, 3, 1, i, 0, 0, 0, time.UTC)}
	if _, err := db.Put(ctx, []store.Item{{Raw: store.Raw{Origin: a.URL, URL: a.URL, MediaType: "text/plain", Body: []byte(a.Text)}, Article: a}}); err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.Update(ctx, db, corpus.Options{}); err != nil {
		t.Fatal(err)
	}
}

// nextStory waits up to d for the next "story" event, skipping others.
func nextStory(events <-chan server.Event, d time.Duration) (int64, bool) {
	deadline := time.After(d)
	for {
		select {
		case e := <-events:
			if e.Type == "story" {
				return e.ID, true
			}
		case <-deadline:
			return 0, false
		}
	}
}
