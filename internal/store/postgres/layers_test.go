package postgres

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
)

// Migration 10 packs the sentences, mentions and actor references a
// schema already holds, a row each, into one row of arrays per article:
// Annotation reads back what it read before, mentions with tied starts in
// insertion order; the actor_refs view lists the references as written.
func TestLayersMigration(t *testing.T) {
	ctx := context.Background()
	db := openFresh(t)
	v := 0
	for i, m := range migrations {
		if strings.Contains(m, "CREATE TABLE article_layers") {
			v = i + 1
		}
	}
	if v == 0 {
		t.Fatal("no migration makes article_layers")
	}
	text := "Okafor met Lindqvist in Tromso. They talked until late."
	an := &analyse.Annotation{
		Sentences: []analyse.Span{{Start: 0, End: 31}, {Start: 32, End: len(text)}},
		Mentions: []analyse.Mention{
			{Span: analyse.Span{Start: 24, End: 30}, Type: "LOC", Confidence: 0.7},
			{Span: analyse.Span{Start: 11, End: 20}, Type: "PER", Confidence: 0.8},
			{Span: analyse.Span{Start: 11, End: 14}, Type: "MISC", Confidence: 0.25, Demonym: true},
			{Span: analyse.Span{Start: 0, End: 6}, Type: "PER", Sentence: 0, Confidence: 0.9},
		},
		Status: "complete",
	}
	res, err := db.Put(ctx, []store.Item{
		{Raw: store.Raw{Origin: "a", MediaType: "text/plain", Body: []byte("a")}, Article: clean.Article{Text: text}, Analysis: an},
		{Raw: store.Raw{Origin: "b", MediaType: "text/plain", Body: []byte("b")}, Article: clean.Article{Text: "never analysed"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	// references of two articles, written in one run: two actors, one
	// merged into the other afterwards (the merge rewrites the lists)
	a, b := res[0].ID, res[1].ID
	d := &store.Derived{Refs: []store.ActorRef{
		{Article: a, Actor: 7, Sentence: 0, Start: 11, End: 20, Kind: "name"},
		{Article: a, Actor: 5, Sentence: 0, Start: 0, End: 6, Kind: "name"},
		{Article: b, Actor: 5, Sentence: 0, Start: 0, End: 5, Kind: "role"},
		{Article: a, Actor: 7, Sentence: 1, Start: 32, End: 36, Kind: "pronoun"},
	}}
	if err := db.PutDerived(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := db.PutDerived(ctx, &store.Derived{ActorMerges: map[int64]int64{7: 9}}); err != nil {
		t.Fatal(err)
	}
	refs := func() []string {
		t.Helper()
		var out []string
		err := eachRow(ctx, db.pool, `SELECT article_id || ' ' || actor_id || ' ' || sentence || ' ' || start || ' ' || stop || ' ' || kind
			FROM actor_refs ORDER BY article_id, ord`, nil, func(r pgx.Rows) error {
			var s string
			err := r.Scan(&s)
			out = append(out, s)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	wantRefs := []string{
		fmt.Sprintf("%d 9 0 11 20 name", a), fmt.Sprintf("%d 5 0 0 6 name", a), fmt.Sprintf("%d 9 1 32 36 pronoun", a),
		fmt.Sprintf("%d 5 0 0 5 role", b),
	}
	if got := refs(); !reflect.DeepEqual(got, wantRefs) {
		t.Fatalf("before the migration: references %q, want %q", got, wantRefs)
	}
	if cs, _, err := db.ActorCitations(ctx, 9, 10); err != nil || len(cs) != 2 {
		t.Errorf("ActorCitations(9) = %+v, %v; want 2 sentences", cs, err)
	}
	if cs, _, err := db.ActorCitations(ctx, 7, 10); err != nil || len(cs) != 0 {
		t.Errorf("ActorCitations(7, merged away) = %+v, %v; want none", cs, err)
	}
	want, err := db.Annotation(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if w := store.AsStored(an); !reflect.DeepEqual(want, w) {
		t.Fatalf("before the migration: Annotation =\n%+v\nwant\n%+v", want, w)
	}
	// the tables as migration 9 left them, written as Put wrote them: a
	// row each, mentions in the analysis' order
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Pool().Exec(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`DROP TABLE article_layers`)
	exec(`DROP VIEW actor_refs`)
	exec(`DROP TABLE actor_ref_lists`)
	exec(`CREATE TABLE actor_refs (id BIGSERIAL, article_id BIGINT NOT NULL, actor_id BIGINT NOT NULL, sentence INTEGER NOT NULL,
		start INTEGER NOT NULL, stop INTEGER NOT NULL, kind TEXT NOT NULL DEFAULT 'name')`)
	for _, r := range d.Refs {
		actor := r.Actor
		if actor == 7 {
			actor = 9
		}
		exec(`INSERT INTO actor_refs(article_id, actor_id, sentence, start, stop, kind) VALUES ($1, $2, $3, $4, $5, $6)`,
			r.Article, actor, r.Sentence, r.Start, r.End, r.Kind)
	}
	exec(`CREATE TABLE sentences (article_id BIGINT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL, PRIMARY KEY (article_id, idx))`)
	exec(`CREATE TABLE mentions (id BIGSERIAL, article_id BIGINT NOT NULL, sentence INTEGER NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL,
		type TEXT NOT NULL, confidence REAL NOT NULL, demonym BOOLEAN NOT NULL DEFAULT false)`)
	for k, sp := range an.Sentences {
		exec(`INSERT INTO sentences VALUES ($1, $2, $3, $4)`, res[0].ID, k, sp.Start, sp.End)
	}
	for _, m := range an.Mentions {
		exec(`INSERT INTO mentions(article_id, sentence, start, stop, type, confidence, demonym) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			res[0].ID, m.Sentence, m.Start, m.End, m.Type, m.Confidence, m.Demonym)
	}
	exec(migrations[v-1])
	got, err := db.Annotation(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the migration: Annotation =\n%+v\nwant\n%+v", got, want)
	}
	if got := refs(); !reflect.DeepEqual(got, wantRefs) {
		t.Errorf("after the migration: references %q, want %q", got, wantRefs)
	}
	if got, err := db.Annotation(ctx, res[1].ID); err != nil || len(got.Sentences)+len(got.Mentions) != 0 {
		t.Errorf("the article never analysed: %+v, %v", got, err)
	}
	var n int
	if err := db.Pool().QueryRow(ctx, `SELECT COUNT(*) FROM article_layers`).Scan(&n); err != nil || n != 1 {
		t.Errorf("article_layers: %d rows, %v; want 1", n, err)
	}
	if err := db.Pool().QueryRow(ctx, `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('sentences', 'mentions')`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d of the old tables left, %v", n, err)
	}
}

// LastArticleID follows the newest article: 0 on an empty store, then the
// id of the last one put; a duplicate does not move it.
func TestLastArticleID(t *testing.T) {
	ctx := context.Background()
	db := openFresh(t)
	if id, err := db.LastArticleID(ctx); err != nil || id != 0 {
		t.Fatalf("empty store: %d, %v; want 0", id, err)
	}
	item := func(body string) store.Item {
		return store.Item{Raw: store.Raw{Origin: body, MediaType: "text/plain", Body: []byte(body)}, Article: clean.Article{Text: "text " + body}}
	}
	res, err := db.Put(ctx, []store.Item{item("one"), item("two")})
	if err != nil {
		t.Fatal(err)
	}
	if id, err := db.LastArticleID(ctx); err != nil || id != res[1].ID {
		t.Errorf("after two: %d, %v; want %d", id, err, res[1].ID)
	}
	if _, err := db.Put(ctx, []store.Item{item("one")}); err != nil {
		t.Fatal(err)
	}
	if id, err := db.LastArticleID(ctx); err != nil || id != res[1].ID {
		t.Errorf("after a duplicate: %d, %v; want %d", id, err, res[1].ID)
	}
}

// Put's turn-taking lock is per schema: a writer holding it in one schema
// blocks Puts of that schema only, not those of another schema of the
// same database.
func TestPutLockPerSchema(t *testing.T) {
	ctx := context.Background()
	a, b := openFresh(t), openFresh(t)
	tx, err := a.Pool().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, xactLockSQL, lockPut); err != nil {
		t.Fatal(err)
	}
	item := store.Item{Raw: store.Raw{Origin: "x", MediaType: "text/plain", Body: []byte("x")}, Article: clean.Article{Text: "a text"}}
	short, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := b.Put(short, []store.Item{item}); err != nil {
		t.Errorf("Put in another schema while the lock is held: %v", err)
	}
	blocked, cancel2 := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel2()
	if _, err := a.Put(blocked, []store.Item{item}); err == nil {
		t.Errorf("Put in the locked schema went through; want it to wait for the lock")
	}
}
