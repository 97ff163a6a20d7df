package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep/sitrep/internal/view"
)

// A read whose context ends mid-query (an API client that goes away, a
// request timeout) gives its connection back whole: the query stops on
// the server, not only in the client, and the pool keeps the connection.
// Every read is held mid-query by a lock another session holds on all
// the schema's tables (as a writer's could), its context is cancelled,
// and then: every read returns at once with an error that Is
// context.Canceled (DeadlineExceeded past a deadline: the API maps them),
// no server backend of the pool is still working for them, the pool has
// nothing acquired and the same connections (none closed and replaced),
// and the next reads answer at once.
func TestCancelledReadsKeepThePool(t *testing.T) {
	ctx := context.Background()
	b := make([]byte, 4)
	rand.Read(b)
	app := "sitrep_cancel_" + hex.EncodeToString(b)
	u := pgtest.Schema(t)
	db, err := Open(ctx, u+"&application_name="+app)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	story := fillCancelCorpus(t, db)

	reads := []struct {
		name string
		f    func(context.Context) error
	}{
		{"search", func(ctx context.Context) error {
			_, err := db.SearchArticles(ctx, view.Query{Text: "offensive", Limit: 20})
			return err
		}},
		{"search facet", func(ctx context.Context) error {
			_, err := db.SearchArticles(ctx, view.Query{Outlet: "Example", Limit: 20})
			return err
		}},
		{"story list", func(ctx context.Context) error { _, err := db.StoryList(ctx, view.Query{Limit: 20}); return err }},
		{"story page", func(ctx context.Context) error { _, err := db.StoryPage(ctx, story); return err }},
		{"story actors", func(ctx context.Context) error { _, err := db.StoryActors(ctx, story, 20); return err }},
		{"article list", func(ctx context.Context) error { _, err := db.ArticleList(ctx, view.Query{Limit: 20}); return err }},
		{"articles (streamed rows)", func(ctx context.Context) error { _, err := db.Articles(ctx, store.Query{}); return err }},
		{"article ids (streamed rows)", func(ctx context.Context) error { _, err := db.ArticleIDsAfter(ctx, 0); return err }},
		{"annotation (batch)", func(ctx context.Context) error { _, err := db.Annotation(ctx, 1); return err }},
		{"health (batch)", func(ctx context.Context) error { _, err := db.Health(ctx); return err }},
	}

	// a background ANALYZE (noteWrite) must not count as a read's backend
	settle(t, db, app)

	// Another session locks every table of the schema, as a long write
	// could: each read that has a connection waits on the server.
	locker, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close(ctx)
	// pg_stat_activity holds still within a transaction: the backends are
	// watched from a connection of their own
	watch, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close(ctx)
	var tables []string
	rows, _ := locker.Query(ctx, `SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema()`)
	tables, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	lock, err := locker.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback(ctx)
	if _, err := lock.Exec(ctx, `LOCK TABLE `+strings.Join(tables, ", ")+` IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}

	// More reads than connections: some wait on the server, the others
	// for a connection.
	size := int(db.Pool().Config().MaxConns)
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make([]error, 3*size+len(reads))
	took := make([]time.Duration, len(errs))
	var cancelled time.Time
	var mu sync.Mutex
	for i := range errs {
		wg.Go(func() {
			errs[i] = reads[i%len(reads)].f(rctx)
			mu.Lock()
			took[i] = time.Since(cancelled)
			mu.Unlock()
		})
	}
	if n := waitBackends(t, watch, app, `wait_event_type = 'Lock'`, func(n int) bool { return n == size }, 10*time.Second); n != size {
		t.Fatalf("%d reads waiting on the lock, want %d (the pool's size)", n, size)
	}
	var held []int32
	if err := watch.QueryRow(ctx, `SELECT array_agg(pid) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, app).Scan(&held); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	cancelled = time.Now()
	mu.Unlock()
	cancel()
	wg.Wait()
	for i, err := range errs {
		if err == nil {
			t.Errorf("%s: no error from a cancelled read", reads[i%len(reads)].name)
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			// the API answers a client gone, or a timeout, by this
			t.Errorf("%s: the error of a cancelled read is not context.Canceled: %v", reads[i%len(reads)].name, err)
		}
		if took[i] > 5*time.Second {
			t.Errorf("%s: returned %v after its context was cancelled", reads[i%len(reads)].name, took[i])
		}
	}

	// The lock still held: a backend of the pool still at work (waiting)
	// for a read nobody awaits is a connection lost to the server.
	if n := waitBackends(t, watch, app, `state <> 'idle'`, func(n int) bool { return n == 0 }, 3*time.Second); n != 0 {
		t.Errorf("%d backends of the pool still busy with cancelled reads (the query was not cancelled on the server)", n)
	}
	// a read past its deadline says so, as the API's timeout needs
	for _, r := range reads[:4] {
		tctx, done := context.WithTimeout(ctx, 100*time.Millisecond)
		if err := r.f(tctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s past its deadline: %v, want context.DeadlineExceeded", r.name, err)
		}
		done()
	}
	if err := lock.Rollback(ctx); err != nil {
		t.Fatal(err)
	}

	// A connection the pool gives up is closed in the background, its
	// place in the pool taken until the server has let it go.
	start := time.Now()
	st := db.Pool().Stat()
	for st.AcquiredConns() != 0 && time.Since(start) < 5*time.Second {
		time.Sleep(10 * time.Millisecond)
		st = db.Pool().Stat()
	}
	t.Logf("pool %v after the reads returned: %d acquired, %d in all (max %d)",
		time.Since(start).Round(time.Millisecond), st.AcquiredConns(), st.TotalConns(), size)
	if st.AcquiredConns() != 0 || st.TotalConns() != int32(size) {
		t.Errorf("pool after the cancelled reads: %d acquired, %d in all, want 0 and %d", st.AcquiredConns(), st.TotalConns(), size)
	}
	var kept int
	if err := watch.QueryRow(ctx, `SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle' AND pid = ANY($2)`, app, held).Scan(&kept); err != nil {
		t.Fatal(err)
	}
	if kept != len(held) {
		t.Errorf("%d of the %d connections whose reads were cancelled are left, idle; the others were lost", kept, len(held))
	}
	for _, r := range reads {
		tctx, done := context.WithTimeout(ctx, 5*time.Second)
		start := time.Now()
		if err := r.f(tctx); err != nil {
			t.Errorf("%s after the cancelled reads: %v (%v)", r.name, err, time.Since(start))
		}
		done()
	}
	if st := db.Pool().Stat(); st.AcquiredConns() != 0 {
		t.Errorf("pool after the reads: %d acquired", st.AcquiredConns())
	}
}

// fillCancelCorpus stores a few articles in one story, with its page, and
// returns the story's id.
func fillCancelCorpus(t *testing.T, db *DB) int64 {
	t.Helper()
	ctx := context.Background()
	var items []store.Item
	for i := range 8 {
		url := fmt.Sprintf("https://example.org/%d", i)
		items = append(items, store.Item{
			Raw: store.Raw{Origin: fmt.Sprint("doc", i), URL: url, MediaType: "text/plain", Body: []byte(fmt.Sprint("raw ", i))},
			Article: clean.Article{URL: url, Title: "Title", Outlet: "Example",
				Text:      fmt.Sprint(i, " Islamic State has rigged roads with explosives ahead of an offensive."),
				Published: time.Date(2016, 10, 23, 0, 0, 0, 0, time.UTC)},
		})
	}
	res, err := db.Put(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	last := res[len(res)-1].ID
	d := &store.Derived{LastArticle: last, Events: []store.EventRecord{{ID: 1, Storyline: 1}}}
	for _, r := range res {
		d.Assignments = append(d.Assignments, store.Assignment{Article: r.ID, Event: 1, Storyline: 1})
	}
	if err := db.PutDerived(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := db.PutStoryPages(ctx, []store.StoryPage{{ID: 1, Page: []byte(`{"id":1}`)}}); err != nil {
		t.Fatal(err)
	}
	return 1
}

// settle waits until nothing of the pool is at work: no connection
// acquired, no backend busy.
func settle(t *testing.T, db *DB, app string) {
	t.Helper()
	conn, err := db.Pool().Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var busy int
		err := conn.QueryRow(context.Background(), `SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = $1 AND state <> 'idle' AND pid <> pg_backend_pid()`, app).Scan(&busy)
		if err != nil {
			t.Fatal(err)
		}
		if busy == 0 && db.Pool().Stat().AcquiredConns() == 1 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the pool stayed busy before the test began")
}

// waitBackends counts the backends of application app that meet cond
// until ok accepts the count or the time runs out, and returns the last
// count.
func waitBackends(t *testing.T, conn *pgx.Conn, app, cond string, ok func(int) bool, wait time.Duration) int {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		var n int
		err := conn.QueryRow(context.Background(), `SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = $1 AND `+cond, app).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if ok(n) || time.Now().After(deadline) {
			return n
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestCtxErr(t *testing.T) {
	live := context.Background()
	ended, cancel := context.WithCancel(live)
	cancel()
	late, done := context.WithDeadline(live, time.Now().Add(-time.Second))
	defer done()
	canceled := fmt.Errorf("batch: %w", &pgconn.PgError{Code: "57014", Message: "canceling statement due to user request"})
	other := &pgconn.PgError{Code: "23505"}
	for _, tc := range []struct {
		name      string
		ctx       context.Context
		err, want error
		same      bool // err comes back as it is
	}{
		{"no error", ended, nil, nil, true},
		{"cancelled on a live context (statement_timeout)", live, canceled, nil, true},
		{"cancelled, context cancelled", ended, canceled, context.Canceled, false},
		{"cancelled, deadline passed", late, canceled, context.DeadlineExceeded, false},
		{"other error, context ended", ended, other, nil, true},
		{"already the context's", ended, context.Canceled, context.Canceled, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ctxErr(tc.ctx, tc.err)
			if tc.same && got != tc.err {
				t.Fatalf("ctxErr = %v, want %v unchanged", got, tc.err)
			}
			if tc.want != nil && (!errors.Is(got, tc.want) || !errors.Is(got, tc.err)) {
				t.Fatalf("ctxErr = %v, want one that Is %v and %v", got, tc.want, tc.err)
			}
		})
	}
}
