package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/server"
	pgstore "github.com/sitrep/sitrep/internal/store/postgres"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
)

// TestPostgresEndToEnd runs the commands on a PostgreSQL database and on
// a SQLite file from the same input: the seeds ingested, then stories,
// search, entities, places and status, which must agree (search may rank
// differently: bm25 against ts_rank, so its hits are compared as a set).
func TestPostgresEndToEnd(t *testing.T) {
	seeds, err := findShared("seeds")
	if err != nil {
		t.Skipf("../shared/seeds not found: %v", err)
	}
	pg := pgtest.Schema(t)
	lite := filepath.Join(t.TempDir(), "e2e.db")
	if code, out, stderr := run(t, "", "migrate", "--db", pg); code != 0 || !strings.Contains(out, fmt.Sprintf("schema version %d", pgstore.Migrations())) {
		t.Fatalf("migrate: exit %d: %s %s", code, out, stderr)
	}
	for _, db := range []string{pg, lite} {
		if code, _, stderr := run(t, "", "ingest", "--db", db, seeds); code != 0 {
			t.Fatalf("ingest into %s: exit %d: %s", db, code, stderr)
		}
		// idempotent: everything is a duplicate the second time
		if _, _, stderr := run(t, "", "ingest", "--db", db, seeds); !strings.Contains(stderr, " 0 added") {
			t.Errorf("second ingest into %s added articles: %s", db, stderr)
		}
	}
	jsonOf := func(db string, args ...string) any {
		t.Helper()
		code, out, stderr := run(t, "", append(append([]string{}, args...), "--db", db, "--json")...)
		if code != 0 {
			t.Fatalf("%v on %s: exit %d: %s", args, db, code, stderr)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return v
	}
	type story struct {
		ID       int64   `json:"id"`
		Headline string  `json:"headline"`
		Articles []int64 `json:"articles"`
	}
	stories := func(db string) []story {
		b, _ := json.Marshal(jsonOf(db, "stories"))
		var ss []story
		json.Unmarshal(b, &ss)
		return ss
	}
	sp, sl := stories(pg), stories(lite)
	if len(sp) == 0 || len(sp) != len(sl) {
		t.Fatalf("stories: %d on PostgreSQL, %d on SQLite", len(sp), len(sl))
	}
	for i := range sp {
		if sp[i].ID != sl[i].ID || sp[i].Headline != sl[i].Headline || !slices.Equal(sp[i].Articles, sl[i].Articles) {
			t.Errorf("story %d: PostgreSQL %+v, SQLite %+v", i, sp[i], sl[i])
		}
	}
	for _, args := range [][]string{{"entities", "--limit", "20"}, {"places", "--limit", "20"}, {"quotes"}, {"timeline"}, {"status"}, {"story", "1"}} {
		a, b := jsonOf(pg, args...), jsonOf(lite, args...)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%v differs:\nPostgreSQL %s\n    SQLite %s", args, ja, jb)
		}
	}
	hits := func(db, q string) ([]int64, float64) {
		r := jsonOf(db, "search", q).(map[string]any)
		var ids []int64
		for _, it := range r["items"].([]any) {
			ids = append(ids, int64(it.(map[string]any)["id"].(float64)))
		}
		slices.Sort(ids)
		return ids, r["total"].(float64)
	}
	for _, q := range []string{"mosul", `"islamic state" raqqa`, "pentag*", "mosul NOT raqqa"} {
		a, ta := hits(pg, q)
		b, tb := hits(lite, q)
		if !slices.Equal(a, b) || ta != tb {
			t.Errorf("search %q: PostgreSQL %v (total %v), SQLite %v (total %v)", q, a, ta, b, tb)
		}
	}
}

// sitrep serve on PostgreSQL: a story stored by another process (here,
// another store handle running the corpus stage) reaches the server's
// event stream within a second.
func TestServeHearsStoriesFromElsewhere(t *testing.T) {
	u := pgtest.Schema(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served, err := openDB(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer served.Close()
	worker, err := openDB(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer worker.Close()
	b := server.NewBroker()
	events, stop := b.Subscribe()
	defer stop()
	ready := make(chan struct{}, 1)
	// no poll: the notification alone must bring it
	startAnnouncing(ctx, served, b, time.Hour, func() {
		select {
		case ready <- struct{}{}:
		default:
		}
	})
	<-ready
	putStory(t, worker, 0, rand.New(rand.NewPCG(1, 1)))
	if id, ok := nextStory(events, time.Second); !ok {
		t.Fatal("no story event within a second")
	} else if id != 1 {
		t.Errorf("story %d announced, want 1", id)
	}
	// a SQLite file does not listen (serve polls it)
	lite, err := openDB(ctx, filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if listenStories(ctx, lite, func() {}, nil) {
		t.Error("SQLite said it listens")
	}
}
