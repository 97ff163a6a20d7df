package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

func openFresh(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), pgtest.Schema(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t) })
}

func TestSchemaVersion(t *testing.T) {
	ctx := context.Background()
	u := pgtest.Schema(t)
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := db.SchemaVersion(ctx); err != nil || v != len(migrations) {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, len(migrations))
	}
	// reopening applies nothing twice
	db.Close()
	if db, err = Open(ctx, u); err != nil {
		t.Fatal(err)
	}
	// a schema from a newer sitrep is refused, saying so
	if _, err := db.Pool().Exec(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES ($1, 'later')`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(ctx, u)
	if err == nil || !strings.Contains(err.Error(), "newer than this sitrep") {
		t.Fatalf("opening a newer schema: %v", err)
	}
}

func TestUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := Open(ctx, "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if err == nil {
		t.Fatal("want an error for a server that is not there")
	}
	if msg := err.Error(); !strings.Contains(msg, "cannot reach") || strings.Contains(msg, "secret") {
		t.Errorf("message: %s", msg)
	}
}

func TestTSQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Mosul", "('mosul')"},
		{"mosul raqqa", "('mosul') & ('raqqa')"},
		{`"Islamic State"`, "('islamic' <-> 'state')"},
		{`raq* "islamic st"*`, "('raq':*) & ('islamic' <-> 'st':*)"},
		{"mosul OR raqqa", "('mosul') | ('raqqa')"},
		{"mosul NOT raqqa", "('mosul') & !('raqqa')"},
		{"(mosul OR raqqa) offensive", "(('mosul') | ('raqqa')) & ('offensive')"},
		{"al-Baghdadi Érbil", "('al' <-> 'baghdadi') & ('erbil')"},
	} {
		got, err := TSQuery(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("TSQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	if got := Fold("Érbil's  al-Baghdadi, 2016!"); got != "erbil s al baghdadi 2016" {
		t.Errorf("Fold = %q", got)
	}
}

// A story page written through one handle is announced to a listener on
// another (another process, another machine) within a second.
func TestListenStories(t *testing.T) {
	u := pgtest.Schema(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	writer, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	reader, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	ready := make(chan struct{}, 1)
	got := make(chan []int64, 4)
	go reader.ListenStories(ctx, func() {
		select {
		case ready <- struct{}{}:
		default:
		}
	}, func(ids []int64) { got <- ids })
	select {
	case <-ready:
	case <-time.After(5 * time.Second):
		t.Fatal("not listening after 5 s")
	}
	pages := []store.StoryPage{{ID: 7, Page: []byte(`{}`)}, {ID: 9, Page: []byte(`{}`)}}
	start := time.Now()
	if err := writer.PutStoryPages(ctx, pages); err != nil {
		t.Fatal(err)
	}
	select {
	case ids := <-got:
		if len(ids) != 2 || ids[0] != 7 || ids[1] != 9 {
			t.Errorf("announced %v, want [7 9]", ids)
		}
		t.Logf("announced after %v", time.Since(start))
	case <-time.After(time.Second):
		t.Fatal("no announcement within a second")
	}
	// a failed write announces nothing
	cctx, ccancel := context.WithCancel(ctx)
	ccancel()
	writer.PutStoryPages(cctx, pages)
	select {
	case ids := <-got:
		t.Errorf("a write that failed announced %v", ids)
	case <-time.After(300 * time.Millisecond):
	}
}

// Story pages written in one schema are not announced to a listener on
// another schema of the same database (channels are per database).
func TestListenOtherSchema(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	writer, err := Open(ctx, pgtest.Schema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	reader, err := Open(ctx, pgtest.Schema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	ready := make(chan struct{}, 1)
	got := make(chan []int64, 4)
	go reader.ListenStories(ctx, func() {
		select {
		case ready <- struct{}{}:
		default:
		}
	}, func(ids []int64) { got <- ids })
	select {
	case <-ready:
	case <-time.After(5 * time.Second):
		t.Fatal("not listening after 5 s")
	}
	if err := writer.PutStoryPages(ctx, []store.StoryPage{{ID: 7, Page: []byte(`{}`)}}); err != nil {
		t.Fatal(err)
	}
	select {
	case ids := <-got:
		t.Errorf("a write in another schema announced %v", ids)
	case <-time.After(500 * time.Millisecond):
	}
}

func TestNotifyPayloadSplit(t *testing.T) {
	var ids []int64
	for i := int64(1); i <= 3000; i++ {
		ids = append(ids, 1_000_000_000+i)
	}
	b := &pgx.Batch{}
	queueNotify(b, ids)
	if b.Len() < 2 {
		t.Fatalf("%d ids in %d notifications", len(ids), b.Len())
	}
	n := 0
	for _, q := range b.QueuedQueries {
		p := q.Arguments[0].(string)
		if len(p) > 8000 {
			t.Errorf("payload of %d bytes", len(p))
		}
		n += strings.Count(p, ",") + 1
	}
	if n != len(ids) {
		t.Errorf("%d ids announced, want %d", n, len(ids))
	}
}

// Processes putting the same documents at once (a redelivered work item,
// two workers) store each once: the others get Duplicate with its id.
func TestConcurrentPuts(t *testing.T) {
	ctx := context.Background()
	u := pgtest.Schema(t)
	var dbs []*DB
	for i := 0; i < 2; i++ {
		db, err := Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs = append(dbs, db)
	}
	var items []store.Item
	for i := 0; i < 40; i++ {
		text := fmt.Sprintf("Report %d on the ferry.", i)
		items = append(items, store.Item{Raw: store.Raw{Origin: fmt.Sprint("d", i), MediaType: "text/plain", Body: []byte(text)},
			Article: clean.Article{URL: fmt.Sprintf("https://example.org/%d", i), Title: "T", Text: text}})
	}
	type out struct {
		res []store.PutResult
		err error
	}
	outs := make(chan out, 8)
	for w := 0; w < 8; w++ {
		go func(w int) {
			// each writer in its own order of batches
			var all []store.PutResult
			for k := 0; k < 4; k++ {
				b := (k + w) % 4
				res, err := dbs[w%2].Put(ctx, items[b*10:b*10+10])
				if err != nil {
					outs <- out{err: err}
					return
				}
				all = append(all, res...)
			}
			outs <- out{res: all}
		}(w)
	}
	ids := map[int64]int{}
	added := 0
	for w := 0; w < 8; w++ {
		o := <-outs
		if o.err != nil {
			t.Fatal(o.err)
		}
		for _, r := range o.res {
			ids[r.ID]++
			if r.Outcome == store.Added {
				added++
			} else if r.Outcome != store.Duplicate {
				t.Errorf("outcome %s", r.Outcome)
			}
		}
	}
	if n, docs, _ := dbs[0].Count(ctx); n != 40 || docs != 40 || added != 40 || len(ids) != 40 {
		t.Errorf("%d articles, %d documents, %d added, %d distinct ids; want 40 of each", n, docs, added, len(ids))
	}
}

// Two processes running the corpus stage from the same position: one
// stores its run, the other is told to reload (store.ErrConflict).
func TestConcurrentDerived(t *testing.T) {
	ctx := context.Background()
	u := pgtest.Schema(t)
	a, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	res, err := a.Put(ctx, []store.Item{{Raw: store.Raw{Origin: "x", MediaType: "text/plain", Body: []byte("x")}, Article: clean.Article{Text: "x"}}})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 2)
	for _, db := range []*DB{a, b} {
		go func(db *DB) {
			errs <- db.PutDerived(ctx, &store.Derived{LastArticle: res[0].ID, After: 0, Assignments: []store.Assignment{{Article: res[0].ID, Event: 1, Storyline: 1}},
				Events: []store.EventRecord{{ID: 1, Storyline: 1}}})
		}(db)
	}
	e1, e2 := <-errs, <-errs
	if (e1 == nil) == (e2 == nil) || !errors.Is(errors.Join(e1, e2), store.ErrConflict) {
		t.Errorf("two runs from one position: %v, %v; want one stored, one ErrConflict", e1, e2)
	}
}

// The tsvector built in Go is the one PostgreSQL builds from the folded
// text.
func TestTSVectorMatchesServer(t *testing.T) {
	ctx := context.Background()
	db := openFresh(t)
	long := strings.Repeat("ferry harbour ", 9000) + "end"
	for _, s := range []string{
		"The ferry sailed. The FERRY sailed again!",
		"Érbil's al-Baghdadi, 2016 — 3.5 km; abc123 123abc x1y2",
		"Ferries face a stormy week.\n\nGlasgow waits.",
		"日本語のテキスト and Ελληνικά",
		long,
		"",
	} {
		var same bool
		if err := db.Pool().QueryRow(ctx, `SELECT $1::tsvector = to_tsvector('simple', $2)`, TSVector(s), Fold(s)).Scan(&same); err != nil {
			t.Fatal(err)
		}
		if !same {
			var server string
			db.Pool().QueryRow(ctx, `SELECT to_tsvector('simple', $1)::text`, Fold(s)).Scan(&server)
			t.Errorf("%.60q: Go %.200s, server %.200s", s, TSVector(s), server)
		}
	}
}

// A text of more distinct words than a tsvector holds is stored, its
// first words indexed.
func TestHugeVocabulary(t *testing.T) {
	ctx := context.Background()
	db := openFresh(t)
	var b strings.Builder
	for i := 0; i < 120_000; i++ {
		fmt.Fprintf(&b, "w%dx ", i)
	}
	text := b.String()
	if _, err := db.Put(ctx, []store.Item{{Raw: store.Raw{Origin: "big", MediaType: "text/plain", Body: []byte(text)}, Article: clean.Article{Text: text}}}); err != nil {
		t.Fatal(err)
	}
	if ids, err := db.Search(ctx, "w5x", 10); err != nil || len(ids) != 1 {
		t.Errorf("search of an early word: %v, %v", ids, err)
	}
}
