package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// searchDoc is one article of the search corpus and what the brute-force
// reference needs to know of it.
type searchDoc struct {
	id      int64
	outlet  string
	day     string // "" when the publication time is unknown
	pub     time.Time
	ferry   bool // the text says "ferry"
	actors  []string
	places  []string // focus = 0 places, by name (one name per place)
	focused string   // a focus = 1 place, which facets ignore
}

// searchCorpus stores n articles, most of them about a ferry with varying
// length and term counts (so bm25 ranks differ), with outlets, days, actor
// references and places, and returns them by id.
func searchCorpus(t *testing.T, db *DB, n int) map[int64]*searchDoc {
	t.Helper()
	ctx := context.Background()
	outlets := []string{"Alpha", "Beta", "Gamma", ""}
	docs := map[int64]*searchDoc{}
	for i := 0; i < n; i++ {
		d := &searchDoc{outlet: outlets[i%4], ferry: i%8 != 7}
		var pub time.Time
		if i%7 != 6 {
			pub = time.Date(2024, 3, 1+i%6, 10, i, 0, 0, time.UTC)
			d.day = pub.Format("2006-01-02")
		}
		d.pub = pub
		words := []string{"The", "council", "met", "on", "Tuesday."}
		if d.ferry {
			for k := 0; k <= i%3; k++ {
				words = append(words, "The", "ferry", "sailed.")
			}
		}
		for k := 0; k < (i%5)*7; k++ {
			words = append(words, "harbour")
		}
		text := strings.Join(words, " ") + fmt.Sprintf(" Item %d.", i)
		res, err := db.Put(ctx, []store.Item{{
			Raw:     store.Raw{Origin: fmt.Sprint("doc", i), MediaType: "text/plain", Body: []byte(text)},
			Article: clean.Article{Title: fmt.Sprint("Report ", i), Text: text, Outlet: d.outlet, Published: pub},
		}})
		if err != nil {
			t.Fatal(err)
		}
		d.id = res[0].ID
		docs[d.id] = d
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO actors(id, name) VALUES (1, 'Ann'), (2, 'Bob'), (3, 'Cy')`)
	refs := func(article, actor int64, spans ...[2]int64) {
		t.Helper()
		var rs []listRef
		for i, sp := range spans {
			rs = append(rs, listRef{ord: int64(i), start: sp[0], end: sp[1], kind: "name"})
		}
		exec(`INSERT INTO actor_ref_lists(article_id, actor_id, packed) VALUES (?, ?, ?)`, article, actor, packRefs(rs))
	}
	for id, d := range docs {
		if id%2 == 0 {
			d.actors = append(d.actors, "Ann")
			refs(id, 1, [2]int64{0, 3})
		}
		if id%3 == 0 { // two references, one article
			d.actors = append(d.actors, "Bob")
			refs(id, 2, [2]int64{0, 3}, [2]int64{4, 7})
		}
		if id%5 == 0 {
			d.actors = append(d.actors, "Cy")
			refs(id, 3, [2]int64{0, 3})
		}
		place := func(name string, geonames int, focus int) {
			exec(`INSERT INTO places(article_id, sentence, start, end, text, geonames_id, name, lat, lon, country, feature, population, focus, confidence)
				VALUES (?, 0, 0, 3, ?, ?, ?, 0, 0, 'IQ', 'PPL', 0, ?, 1)`, id, name, geonames, name, focus)
		}
		if id%4 == 1 {
			d.places = append(d.places, "Mosul")
			place("Mosul", 99, 0)
			place("Mosul", 99, 0) // twice in one article
		}
		if id%3 == 2 {
			d.places = append(d.places, "Erbil")
			place("Erbil", 98, 0)
		}
		if id%5 == 3 {
			d.focused = "Basra"
			place("Basra", 97, 1)
		}
	}
	return docs
}

// wantFacets counts the facets of docs by brute force, as SearchArticles
// orders and caps them.
func wantFacets(docs []*searchDoc) view.Facets {
	outlets, days, actors, places := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, d := range docs {
		if d.outlet != "" {
			outlets[d.outlet]++
		}
		if d.day != "" {
			days[d.day]++
		}
		for _, a := range d.actors {
			actors[a]++
		}
		for _, p := range d.places {
			places[p]++
		}
	}
	most := func(a, b view.Facet) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Value, b.Value))
	}
	return view.Facets{
		Outlets: top(outlets, 20, most),
		Days:    top(days, 60, func(a, b view.Facet) int { return strings.Compare(b.Value, a.Value) }),
		Actors:  top(actors, 20, most),
		Places:  top(places, 20, most),
	}
}

// rankOrder returns the ids matching match in the order SearchArticles
// must list them: the matches with id >= cutoff first (all when cutoff is
// 0), each tier by bm25 rank, ties newest first.
func rankOrder(t *testing.T, db *DB, match string, cutoff int64) []int64 {
	t.Helper()
	type hit struct {
		id   int64
		rank float64
	}
	var hits []hit
	err := eachRow(context.Background(), db.db, `SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?`, []any{match}, func(r *sql.Rows) error {
		var h hit
		err := r.Scan(&h.id, &h.rank)
		hits = append(hits, h)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tier := func(h hit) int {
		if h.id >= cutoff {
			return 0
		}
		return 1
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(tier(a), tier(b)), cmp.Compare(a.rank, b.rank), cmp.Compare(b.id, a.id))
	})
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.id
	}
	return ids
}

// pages reads every page of q, limit hits at a time.
func pages(t *testing.T, db *DB, q view.Query, limit int) (ids []int64, first *view.SearchResult) {
	t.Helper()
	for offset := 0; ; offset += limit {
		q.Limit, q.Offset = limit, offset
		res, err := db.SearchArticles(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = res
		}
		for _, h := range res.Items {
			ids = append(ids, h.ID)
			if q.Text != "" && !marks(h, q.Text) {
				t.Errorf("hit %d: snippet %q does not mark %q", h.ID, h.Snippet, q.Text)
			}
		}
		if len(res.Items) < limit {
			return ids, first
		}
	}
}

func setWindow(t *testing.T, n int) {
	old := SearchWindow
	SearchWindow = n
	t.Cleanup(func() { SearchWindow = old })
}

func TestSearchExactUnderTheWindow(t *testing.T) {
	db, _ := openTemp(t)
	docs := searchCorpus(t, db, 40)
	setWindow(t, 1000)
	var matched []*searchDoc
	for _, d := range docs {
		if d.ferry {
			matched = append(matched, d)
		}
	}
	for _, limit := range []int{3, 50} {
		ids, res := pages(t, db, view.Query{Text: "ferry"}, limit)
		if res.Total != len(matched) || res.FacetsApproximate || res.FacetsSample != 0 || res.RankWindow != 0 {
			t.Fatalf("limit %d: total %d approximate %v sample %d window %d; want %d, exact", limit, res.Total, res.FacetsApproximate, res.FacetsSample, res.RankWindow, len(matched))
		}
		if want := rankOrder(t, db, `"ferry"`, 0); !slices.Equal(ids, want) {
			t.Errorf("limit %d: order %v, want %v", limit, ids, want)
		}
		if want := wantFacets(matched); !reflect.DeepEqual(res.Facets, want) {
			t.Errorf("limit %d: facets\n%+v\nwant\n%+v", limit, res.Facets, want)
		}
	}
}

func TestSearchWindow(t *testing.T) {
	db, _ := openTemp(t)
	docs := searchCorpus(t, db, 40)
	const window = 7
	setWindow(t, window)
	var matched []*searchDoc
	for _, d := range docs {
		if d.ferry {
			matched = append(matched, d)
		}
	}
	slices.SortFunc(matched, func(a, b *searchDoc) int { return cmp.Compare(b.id, a.id) })
	newest := matched[:window]
	cutoff := newest[window-1].id
	for _, limit := range []int{2, 3, 7, 50} {
		ids, res := pages(t, db, view.Query{Text: "ferry"}, limit)
		if res.Total != len(matched) || !res.FacetsApproximate || res.FacetsSample != window || res.RankWindow != window {
			t.Fatalf("limit %d: total %d approximate %v sample %d window %d; want %d, approximate over %d", limit, res.Total, res.FacetsApproximate, res.FacetsSample, res.RankWindow, len(matched), window)
		}
		// Every match once, across the tier boundary too.
		if want := rankOrder(t, db, `"ferry"`, cutoff); !slices.Equal(ids, want) {
			t.Errorf("limit %d: order %v, want %v", limit, ids, want)
		}
		if want := wantFacets(newest); !reflect.DeepEqual(res.Facets, want) {
			t.Errorf("limit %d: facets\n%+v\nwant (newest %d)\n%+v", limit, res.Facets, window, want)
		}
	}
	// The window holds: tier one is not the global top.
	if global := rankOrder(t, db, `"ferry"`, 0); slices.Equal(global, rankOrder(t, db, `"ferry"`, cutoff)) {
		t.Fatal("test corpus too regular: the windowed order equals the global one")
	}
}

func TestSearchFilters(t *testing.T) {
	db, _ := openTemp(t)
	docs := searchCorpus(t, db, 40)
	cases := []struct {
		name   string
		q      view.Query
		window int
		keep   func(d *searchDoc) bool
	}{
		{"outlet", view.Query{Text: "ferry", Outlet: "beta"}, 1000, func(d *searchDoc) bool { return d.ferry && d.outlet == "Beta" }},
		{"outlet, windowed", view.Query{Text: "ferry", Outlet: "Beta"}, 3, func(d *searchDoc) bool { return d.ferry && d.outlet == "Beta" }},
		{"actor", view.Query{Text: "ferry", Actor: "Bob"}, 1000, func(d *searchDoc) bool { return d.ferry && slices.Contains(d.actors, "Bob") }},
		{"place", view.Query{Text: "ferry", Place: "Erbil"}, 4, func(d *searchDoc) bool { return d.ferry && slices.Contains(d.places, "Erbil") }},
		{"days", view.Query{Text: "ferry", From: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)}, 1000,
			func(d *searchDoc) bool { return d.ferry && d.day >= "2024-03-02" && d.day < "2024-03-04" }},
		{"no text", view.Query{Outlet: "Gamma"}, 1000, func(d *searchDoc) bool { return d.outlet == "Gamma" }},
		{"no text, windowed", view.Query{Outlet: "Gamma"}, 4, func(d *searchDoc) bool { return d.outlet == "Gamma" }},
		{"no match", view.Query{Text: "zeppelin"}, 1000, func(d *searchDoc) bool { return false }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			setWindow(t, c.window)
			var matched []*searchDoc
			for _, d := range docs {
				if c.keep(d) {
					matched = append(matched, d)
				}
			}
			slices.SortFunc(matched, func(a, b *searchDoc) int { return cmp.Compare(b.id, a.id) })
			ids, res := pages(t, db, c.q, 5)
			if res.Total != len(matched) || len(ids) != len(matched) {
				t.Fatalf("total %d, listed %d; want %d", res.Total, len(ids), len(matched))
			}
			sample := matched
			if len(matched) > c.window {
				sample = matched[:c.window]
			}
			if res.FacetsApproximate != (len(matched) > c.window) {
				t.Errorf("approximate = %v with %d matches, window %d", res.FacetsApproximate, len(matched), c.window)
			}
			if want := wantFacets(sample); !reflect.DeepEqual(res.Facets, want) {
				t.Errorf("facets\n%+v\nwant\n%+v", res.Facets, want)
			}
			for _, id := range ids {
				if !c.keep(docs[id]) {
					t.Errorf("hit %d does not pass the filter", id)
				}
			}
			if c.q.Text == "" { // newest publication first, undated last
				want := slices.Clone(matched)
				slices.SortStableFunc(want, func(a, b *searchDoc) int {
					undated := func(d *searchDoc) int { return len(d.day) / -10 } // -1 dated, 0 undated
					return cmp.Or(cmp.Compare(undated(a), undated(b)), b.pub.Compare(a.pub), cmp.Compare(b.id, a.id))
				})
				for i, d := range want {
					if i >= len(ids) || ids[i] != d.id {
						t.Fatalf("order %v, want newest first (%d at %d)", ids, d.id, i)
					}
				}
			}
		})
	}
}

func TestSearchBadQuery(t *testing.T) {
	db, _ := openTemp(t)
	searchCorpus(t, db, 4)
	if _, err := db.SearchArticles(context.Background(), view.Query{Text: `"unterminated`}); err == nil {
		t.Fatal("want an error for an FTS5 syntax error")
	}
}

// TestFacetsMigration upgrades a database made by the schema before
// article_facets (migrations 1 to 3) and checks that the table is filled
// and then kept by the triggers.
func TestFacetsMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	const before = 3
	stmts := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`}
	for v := 1; v <= before; v++ {
		stmts = append(stmts, migrations[v-1], fmt.Sprintf(`INSERT INTO schema_migrations VALUES (%d, 'then')`, v))
	}
	for i := 1; i <= 3; i++ {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO documents(id, hash, origin, media_type, size, raw, ingested_at) VALUES (%d, 'h%d', 'o', 'text/plain', 1, 'x', 'then')`, i, i),
			fmt.Sprintf(`INSERT INTO articles(id, document_id, text_hash, title, outlet, published, text, ingested_at) VALUES (%d, %d, 't%d', 'Ferry %d', 'Old %d', %s, 'old ferry text', 'then')`,
				i, i, i, i, i%2, map[bool]string{true: "'2020-01-02T03:04:05Z'", false: "NULL"}[i != 3]))
	}
	for _, s := range stmts {
		if _, err := raw.Exec(s); err != nil {
			t.Fatalf("%.60s: %v", s, err)
		}
	}
	raw.Close()

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.SchemaVersion(ctx); v != len(migrations) || v <= before {
		t.Fatalf("schema %d after upgrade, want %d", v, len(migrations))
	}
	facetRows := func() string {
		var out []string
		err := eachRow(ctx, db.db, `SELECT id, outlet, COALESCE(published, '-') FROM article_facets ORDER BY id`, nil, func(r *sql.Rows) error {
			var id int64
			var o, p string
			err := r.Scan(&id, &o, &p)
			out = append(out, fmt.Sprint(id, " ", o, " ", p))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(out, "; ")
	}
	if got, want := facetRows(), "1 Old 1 2020-01-02T03:04:05Z; 2 Old 0 2020-01-02T03:04:05Z; 3 Old 1 -"; got != want {
		t.Errorf("after upgrade: %s, want %s", got, want)
	}
	res, err := db.SearchArticles(ctx, view.Query{Text: "ferry", Outlet: "old 1"})
	if err != nil || res.Total != 2 || len(res.Facets.Days) != 1 || res.Facets.Days[0] != (view.Facet{Value: "2020-01-02", Count: 1}) {
		t.Fatalf("search after upgrade: %+v, %v", res, err)
	}
	// Kept by the triggers: insert, update, delete.
	put, err := db.Put(ctx, []store.Item{{
		Raw:     store.Raw{Origin: "new", MediaType: "text/plain", Body: []byte("new")},
		Article: clean.Article{Title: "New", Text: "a new ferry", Outlet: "New", Published: time.Date(2021, 5, 6, 0, 0, 0, 0, time.UTC)},
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`UPDATE articles SET outlet = 'Renamed', published = NULL WHERE id = 1`, `DELETE FROM articles WHERE id = 2`} {
		if _, err := db.db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	want := fmt.Sprintf("1 Renamed -; 3 Old 1 -; %d New 2021-05-06T00:00:00Z", put[0].ID)
	if got := facetRows(); got != want {
		t.Errorf("after writes: %s, want %s", got, want)
	}
}

// marks reports whether a hit's highlights cover word in its snippet.
func marks(h view.ArticleHit, word string) bool {
	for _, sp := range h.Highlights {
		if sp.Start >= 0 && sp.End <= len(h.Snippet) && strings.EqualFold(h.Snippet[sp.Start:sp.End], word) {
			return true
		}
	}
	return false
}

// TestSearchHighlights: the snippet is plain text (brackets in the text
// stay brackets) and the highlights are byte spans of the matches.
func TestSearchHighlights(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	text := "Fighters [in Raqqa] said Raqqa would hold; the road to Raqqa is cut."
	if _, err := db.Put(ctx, []store.Item{{
		Raw:     store.Raw{Origin: "h", MediaType: "text/plain", Body: []byte(text)},
		Article: clean.Article{Title: "Raqqa", Text: text},
	}}); err != nil {
		t.Fatal(err)
	}
	res, err := db.SearchArticles(ctx, view.Query{Text: "raqqa"})
	if err != nil || len(res.Items) != 1 {
		t.Fatalf("search: %v %+v", err, res)
	}
	h := res.Items[0]
	if !strings.Contains(h.Snippet, "[in Raqqa]") || strings.ContainsAny(h.Snippet, "\x02\x03") {
		t.Errorf("snippet %q: want the text as written, without marks", h.Snippet)
	}
	if len(h.Highlights) != 3 || !marks(h, "Raqqa") {
		t.Errorf("highlights %v of %q: want the 3 Raqqas", h.Highlights, h.Snippet)
	}
	for _, sp := range h.Highlights {
		if h.Snippet[sp.Start:sp.End] != "Raqqa" {
			t.Errorf("highlight %v is %q", sp, h.Snippet[sp.Start:sp.End])
		}
	}
	// A query that cannot be parsed is the caller's error, not SQL's.
	if _, err := db.SearchArticles(ctx, view.Query{Text: `"raqqa`}); err == nil || !strings.HasPrefix(err.Error(), "search query:") {
		t.Errorf("unclosed quotation mark: %v", err)
	}
}
