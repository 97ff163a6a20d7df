package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

func TestRefsRoundTrip(t *testing.T) {
	refs := []listRef{
		{ord: 3, sentence: 2, start: 40, end: 47, kind: "name"},
		{ord: 4, sentence: 1, start: 12, end: 20, kind: "role"},
		{ord: 9, sentence: 7, start: 900, end: 903, kind: "acronym"},
		{ord: 1000, sentence: 7, start: 901, end: 901, kind: "pronoun"},
		{ord: 1001, sentence: 0, start: 0, end: 5, kind: ""},
		{ord: 1002, sentence: 0, start: 0, end: 5, kind: "epithet"},
	}
	b := packRefs(refs)
	got, err := unpackRefs(nil, b)
	if err != nil || !reflect.DeepEqual(got, refs) {
		t.Fatalf("got %+v, %v; want %+v", got, err, refs)
	}
	if n, err := refCount(b); n != len(refs) || err != nil {
		t.Errorf("refCount %d, %v", n, err)
	}
	for _, bad := range [][]byte{nil, {}, {2, 0}, {refsV1}, {refsV1, 1}, {refsV1, 1, 0, 0, 0, 0}, {refsV1, 1, 0, 0, 0, 0, 50}, {refsV1, 1, 0, 0, 0, 0, 0, 9}, b[:len(b)-1]} {
		if rs, err := unpackRefs(nil, bad); err == nil {
			t.Errorf("%x: %+v, no error", bad, rs)
		}
	}
	// two lists merge in ord order
	m, err := mergeRefs(packRefs([]listRef{refs[0], refs[3]}), packRefs([]listRef{refs[1], refs[2], refs[4]}))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := unpackRefs(nil, m); !reflect.DeepEqual(got, refs[:5]) {
		t.Errorf("merged %+v", got)
	}
}

func TestRefLists(t *testing.T) {
	in := []store.ActorRef{
		{Article: 1, Actor: 7, Start: 10, End: 12, Kind: "name"},
		{Article: 1, Actor: 8, Start: 0, End: 3, Kind: "name"},
		{Article: 1, Actor: 7, Start: 4, End: 6, Kind: "role"}, // a second local of actor 7
		{Article: 2, Actor: 7, Start: 1, End: 2, Kind: "name"},
	}
	got := refLists(in)
	want := []refList{
		{1, 7, []listRef{{ord: 0, start: 10, end: 12, kind: "name"}, {ord: 2, start: 4, end: 6, kind: "role"}}},
		{1, 8, []listRef{{ord: 1, start: 0, end: 3, kind: "name"}}},
		{2, 7, []listRef{{ord: 0, start: 1, end: 2, kind: "name"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// The reads of actor references as they were before migration 19, over
// the rows of actor_refs (the SQL of the store at migration 18).
const (
	oldArticleActors = `SELECT r.start, r.end, r.actor_id, COALESCE(a.name, ''), COALESCE(a.code, ''), COALESCE(a.country, '')
		FROM actor_refs r LEFT JOIN actors a ON a.id = r.actor_id WHERE r.article_id = ?
		AND NOT (COALESCE(a.type, '') = 'location' AND COALESCE(a.code, '') = '' AND COALESCE(a.country, '') = '') ORDER BY r.start`
	oldActorCols = `SELECT
		(SELECT json_group_array(DISTINCT a.outlet) FROM actor_refs r JOIN articles a ON a.id = r.article_id WHERE r.actor_id = ac.id AND a.outlet != ''),
		(SELECT json_group_array(DISTINCT r.article_id) FROM actor_refs r WHERE r.actor_id = ac.id),
		(SELECT json_group_array(DISTINCT CAST(substr(CAST(a.text AS BLOB), r.start + 1, r.end - r.start) AS TEXT)) FROM actor_refs r JOIN articles a ON a.id = r.article_id
			WHERE r.actor_id = ac.id AND r.kind IN ('role', 'acronym'))
		FROM actors ac WHERE ac.id = ?`
	oldCitations = `SELECT r.article_id, r.sentence, se.start, se.end
		FROM actor_refs r JOIN articles a ON a.id = r.article_id JOIN sentences se ON se.article_id = r.article_id AND se.idx = r.sentence
		WHERE r.actor_id = ? GROUP BY r.article_id, r.sentence ORDER BY a.published IS NULL, a.published DESC, r.article_id DESC, r.sentence LIMIT 50`
	oldStoryRefs = `SELECT r.actor_id, r.article_id, r.kind, r.start, r.end FROM article_story st JOIN actor_refs r ON r.article_id = st.article_id
		WHERE st.event_id = 1 ORDER BY r.article_id, r.rowid`
)

// oldReads is what the reads of actor references returned.
type oldReads struct {
	ArticleActors map[int64][]event.ActorMention
	ActorCols     map[int64][3]string
	Citations     map[int64][][4]int
	StoryRefs     [][5]any
}

func readOld(t *testing.T, db *sql.DB) oldReads {
	t.Helper()
	r := oldReads{ArticleActors: map[int64][]event.ActorMention{}, ActorCols: map[int64][3]string{}, Citations: map[int64][][4]int{}}
	each := func(q string, args []any, f func(*sql.Rows) error) {
		t.Helper()
		if err := eachRow(context.Background(), db, q, args, f); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []int64{1, 2, 3} {
		each(oldArticleActors, []any{a}, func(rs *sql.Rows) error {
			var m event.ActorMention
			var country string
			err := rs.Scan(&m.Start, &m.End, &m.ID, &m.Name, &m.Code, &country)
			if m.Code == "" {
				m.Code = country
			}
			r.ArticleActors[a] = append(r.ArticleActors[a], m)
			return err
		})
	}
	for _, ac := range []int64{1, 2, 3, 4} {
		each(oldActorCols, []any{ac}, func(rs *sql.Rows) error {
			var c [3]string
			err := rs.Scan(&c[0], &c[1], &c[2])
			r.ActorCols[ac] = c
			return err
		})
		each(oldCitations, []any{ac}, func(rs *sql.Rows) error {
			var c [4]int
			err := rs.Scan(&c[0], &c[1], &c[2], &c[3])
			r.Citations[ac] = append(r.Citations[ac], c)
			return err
		})
	}
	each(oldStoryRefs, nil, func(rs *sql.Rows) error {
		var actor, article, start, end int64
		var kind string
		err := rs.Scan(&actor, &article, &kind, &start, &end)
		r.StoryRefs = append(r.StoryRefs, [5]any{actor, article, kind, start, end})
		return err
	})
	return r
}

// readNew reads the same through the store after migration 19.
func readNew(t *testing.T, db *DB) oldReads {
	t.Helper()
	ctx := context.Background()
	r := oldReads{ArticleActors: map[int64][]event.ActorMention{}, ActorCols: map[int64][3]string{}, Citations: map[int64][][4]int{}}
	for _, a := range []int64{1, 2, 3} {
		ms, err := db.ArticleActors(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if ms != nil {
			r.ArticleActors[a] = ms
		}
	}
	all, err := db.ArticlesActors(ctx, []int64{3, 1, 2})
	if err != nil || !reflect.DeepEqual(all, r.ArticleActors) {
		t.Errorf("ArticlesActors %+v, %v; ArticleActors %+v", all, err, r.ArticleActors)
	}
	for _, ac := range []int64{1, 2, 3, 4} {
		var c [3]string
		q := `SELECT ` + actorCols + ` FROM actors ac WHERE ac.id = ?`
		var skip [8]any
		dst := []any{}
		for i := range skip {
			dst = append(dst, &skip[i])
		}
		dst = append(dst, &c[0], &c[1], &c[2])
		switch err := db.db.QueryRowContext(ctx, q, ac).Scan(dst...); {
		case err == nil:
			r.ActorCols[ac] = c
		case !errors.Is(err, sql.ErrNoRows):
			t.Fatal(err)
		}
		cs, _, err := db.ActorCitations(ctx, ac, 50)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range cs {
			r.Citations[ac] = append(r.Citations[ac], [4]int{int(x.Article), x.Sentence, x.Start, x.End})
		}
	}
	err = eachRow(ctx, db.db, storyRefsQuery, []any{1, maxScoped}, func(rs *sql.Rows) error {
		var actor, article int64
		var outlet string
		var packed, text []byte
		if err := rs.Scan(&actor, &article, &outlet, &packed, &text); err != nil {
			return err
		}
		refs, err := unpackRefs(nil, packed)
		for _, x := range refs {
			r.StoryRefs = append(r.StoryRefs, [5]any{actor, article, x.kind, x.start, x.end})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// storyRefsByActor is StoryRefs as StoryActors aggregates them: each
// actor's references in order (article, then as written).
func storyRefsByActor(rs [][5]any) map[int64][][5]any {
	out := map[int64][][5]any{}
	for _, r := range rs {
		out[r[0].(int64)] = append(out[r[0].(int64)], r)
	}
	return out
}

// TestActorRefsMigration packs the actor_refs rows of a database at
// migration 18 — an article's references to one actor split among others,
// out of order by start, with tied starts, role and acronym texts — and
// reads back through the store what the old queries read from the rows;
// then folds one actor into another, as the rows did with an UPDATE.
func TestActorRefsMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`}
	for v := 1; v <= 18; v++ {
		stmts = append(stmts, migrations[v-1], fmt.Sprintf(`INSERT INTO schema_migrations VALUES (%d, 'then')`, v))
	}
	text := "Carter met the KRG president in Erbil. The defense secretary said he would return."
	for a := 1; a <= 3; a++ {
		stmts = append(stmts,
			fmt.Sprintf(`INSERT INTO documents(hash, origin, media_type, size, raw, ingested_at) VALUES (x'%02x', 'o', 'text/plain', 1, x'00', 'then')`, a),
			fmt.Sprintf(`INSERT INTO articles(document_id, text_hash, title, text, outlet, published, ingested_at) VALUES (%d, x'%02x', 'T', '%s', 'Outlet %d', '2024-01-0%dT00:00:00Z', 'then')`, a, a, text, a%2, a),
			fmt.Sprintf(`INSERT INTO sentences(article_id, idx, start, end) VALUES (%d, 0, 0, 38), (%d, 1, 39, 82)`, a, a))
	}
	stmts = append(stmts,
		`INSERT INTO actors(id, name, type, code) VALUES (1, 'Ash Carter', 'person', 'USA'), (2, 'Masoud Barzani', 'person', 'IRQ'),
			(3, 'Erbil', 'location', ''), (4, 'Kurdistan Regional Government', 'organization', 'IRQ')`,
		`INSERT INTO events(id, storyline_id, first_seen, last_seen) VALUES (1, 1, '', '')`,
		`INSERT INTO article_story(article_id, event_id, storyline_id) VALUES (1, 1, 1), (2, 1, 1), (3, 1, 1)`,
		// article 1: actor 2's references around actor 1's and 4's, one
		// tied by start with actor 1's
		`INSERT INTO actor_refs(article_id, actor_id, sentence, start, end, kind) VALUES
			(1, 2, 0, 19, 28, 'role'), (1, 1, 0, 0, 6, 'name'), (1, 4, 0, 15, 18, 'acronym'), (1, 2, 0, 15, 28, 'name'),
			(1, 1, 1, 39, 60, 'role'), (1, 3, 0, 32, 37, 'name'), (1, 1, 1, 68, 70, 'pronoun'), (1, 2, 0, 0, 6, 'name')`,
		`INSERT INTO actor_refs(article_id, actor_id, sentence, start, end, kind) VALUES
			(2, 1, 1, 43, 60, 'role'), (2, 2, 0, 15, 28, 'name'), (2, 1, 0, 0, 6, 'name')`,
		`INSERT INTO actor_refs(article_id, actor_id, sentence, start, end, kind) VALUES (1, 2, 1, 68, 70, 'pronoun')`)
	for _, s := range stmts {
		if _, err := raw.Exec(s); err != nil {
			t.Fatalf("%.60s: %v", s, err)
		}
	}
	want := readOld(t, raw)
	if len(want.ArticleActors[1]) != 8 || want.ArticleActors[1][0].ID != 1 || want.ArticleActors[1][1].ID != 2 || want.ActorCols[1][2] != `["The defense secretary","defense secretary"]` {
		t.Fatalf("the rows read before are not the case meant: %+v", want)
	}
	raw.Close()
	// a copy stays at migration 18, to fold an actor the old way
	copyFile(t, path, filepath.Join(dir, "old2.db"))

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got := readNew(t, db)
	if !reflect.DeepEqual(got.ArticleActors, want.ArticleActors) || !reflect.DeepEqual(got.ActorCols, want.ActorCols) || !reflect.DeepEqual(got.Citations, want.Citations) {
		t.Errorf("after migration 19:\n%+v\nwant\n%+v", got, want)
	}
	if g, w := storyRefsByActor(got.StoryRefs), storyRefsByActor(want.StoryRefs); !reflect.DeepEqual(g, w) {
		t.Errorf("story references after migration 19:\n%v\nwant\n%v", g, w)
	}
	// ActorCitations' newest-articles statement gives what the whole one
	// gives, at every limit, and alone suffices where it finds enough
	fast := 0
	for ac := int64(1); ac <= 4; ac++ {
		for limit := 1; limit <= 5; limit++ {
			cs, texts, err := db.ActorCitations(ctx, ac, limit)
			all, allTexts, err2 := db.actorCitations(ctx, actorCitationsAll, ac, limit)
			if err != nil || err2 != nil || !reflect.DeepEqual(cs, all) || !reflect.DeepEqual(texts, allTexts) {
				t.Errorf("ActorCitations(%d, %d) = %+v %q, %v; the whole statement %+v %q, %v", ac, limit, cs, texts, err, all, allTexts, err2)
			}
			if newest, _, _ := db.actorCitations(ctx, actorCitationsNewest, ac, limit); len(newest) >= limit {
				fast++
				if !reflect.DeepEqual(newest, all) {
					t.Errorf("newest-articles statement (%d, %d) = %+v, want %+v", ac, limit, newest, all)
				}
			}
		}
	}
	if fast == 0 {
		t.Error("the newest-articles statement never sufficed: the test proves nothing")
	}
	var n int
	db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE name = 'actor_refs'`).Scan(&n)
	if n != 0 {
		t.Error("actor_refs kept")
	}

	// actor 2 folded into actor 1: its references join 1's in article
	// order, as the UPDATE of the rows left them
	old, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "old2.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	for _, s := range []string{`UPDATE actor_refs SET actor_id = 1 WHERE actor_id = 2`, `DELETE FROM actors WHERE id = 2`} {
		if _, err := old.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	want = readOld(t, old)
	if err := db.PutDerived(ctx, &store.Derived{ActorMerges: map[int64]int64{2: 1}}); err != nil {
		t.Fatal(err)
	}
	got = readNew(t, db)
	if !reflect.DeepEqual(got.ArticleActors, want.ArticleActors) || !reflect.DeepEqual(got.ActorCols, want.ActorCols) || !reflect.DeepEqual(got.Citations, want.Citations) {
		t.Errorf("after folding:\n%+v\nwant\n%+v", got, want)
	}
	if g, w := storyRefsByActor(got.StoryRefs), storyRefsByActor(want.StoryRefs); !reflect.DeepEqual(g, w) {
		t.Errorf("story references after folding:\n%v\nwant\n%v", g, w)
	}
	// and the story page's actors read them so: actor 1's aliases from
	// its role references, in order
	sa, err := db.StoryActors(ctx, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(sa, func(a view.StoryActor) bool { return a.ID == 1 })
	if i < 0 || sa[i].StoryMentions != 10 || !reflect.DeepEqual(sa[i].Articles, []int64{1, 2}) {
		t.Fatalf("story actors %+v", sa)
	}
	var roles []string
	if err := json.Unmarshal([]byte(want.ActorCols[1][2]), &roles); err != nil || len(roles) != 3 || roles[0] != "president" {
		t.Fatalf("actor 1's role texts %q, %v", roles, err)
	}
	for _, x := range roles {
		if !slices.Contains(sa[i].Aliases, x) {
			t.Errorf("story actor aliases %q lack %q", sa[i].Aliases, x)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
