package postgres

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/store/rows"
	"github.com/sitrep/sitrep/internal/view"
)

// DefaultSearchWindow is the search ranking window of a newly opened
// store: as the SQLite store's SearchWindow, when more articles than this
// match, the newest of them (by id) are ranked first, then the older
// ones.
var DefaultSearchWindow = 1000

// DefaultFacetSample is the facet sample of a newly opened store: as the
// SQLite store's FacetSample, when more articles than this match, the
// facets count the newest of them only (the result says so).
var DefaultFacetSample = 200

// SetSearchWindow sets this handle's search ranking window; zero or less
// ranks and counts every match.
func (s *DB) SetSearchWindow(n int) { s.window.Store(int64(n)) }

// SetFacetSample sets this handle's facet sample; zero or less counts the
// facets over the ranking window.
func (s *DB) SetFacetSample(n int) { s.sample.Store(int64(max(n, -1))) }

// windows returns the ranking window and facet sample in force: the
// sample never exceeds the window, and both are 0 (off) when the window
// is.
func (s *DB) windows() (window, sample int) {
	window, sample = int(s.window.Load()), int(s.sample.Load())
	if sample == 0 {
		sample = DefaultFacetSample
	}
	if window <= 0 {
		return 0, 0
	}
	if sample <= 0 || sample > window {
		sample = window
	}
	return window, sample
}

// SearchArticles runs a full-text query (internal/query syntax) with the
// filters of q, ranked by ts_rank on the articles' tsvector, ties newest
// first; see DefaultSearchWindow and DefaultFacetSample. Without text,
// matches are listed newest publication first.
//
// One statement counts the matches and returns the ids of the newest
// (the ranking window); the facets and the ranking then read those
// articles by id, so a search costs its window, not its matches, beyond
// the count (one GIN bitmap, no article read).
func (s *DB) SearchArticles(ctx context.Context, q view.Query) (*view.SearchResult, error) {
	limit, offset := pageOf(q)
	res := &view.SearchResult{Page: view.Page[view.ArticleHit]{Items: []view.ArticleHit{}, Limit: limit, Offset: offset}}
	res.Facets = view.Facets{Actors: []view.Facet{}, Places: []view.Facet{}, Outlets: []view.Facet{}, Days: []view.Facet{}}
	text := strings.TrimSpace(q.Text) != ""
	var w where
	var tsq string
	if text {
		var err error
		if tsq, err = TSQuery(q.Text); err != nil {
			return res, err // a *query.Error: the caller's to show
		}
		w.add("a.tsv @@ to_tsquery('simple', ?)", tsq)
	}
	if err := s.articleFilter(ctx, &w, q); err != nil {
		return res, err
	}
	fail := func(err error) (*view.SearchResult, error) {
		return res, fmt.Errorf("search %q: %w", q.Text, err)
	}
	window, sample := s.windows()
	ids, total, err := s.newestMatches(ctx, w, text, window)
	if err != nil {
		return fail(err)
	}
	res.Total = total
	// cutoff is the id of the oldest match inside the ranking window; 0
	// when every match is inside (ids then holds them all).
	var cutoff int64
	if window > 0 && total > window {
		cutoff = ids[window-1]
		if text {
			res.RankWindow = window
		}
	}
	sampled := ids
	if sample > 0 && total > sample {
		sampled = ids[:sample]
		res.FacetsApproximate, res.FacetsSample = true, sample
	}
	if err := s.facets(ctx, sampled, res); err != nil {
		return fail(err)
	}
	if text {
		err = s.rankedPage(ctx, w, tsq, ids, cutoff, window, limit, offset, res)
	} else {
		err = eachRow(ctx, s.pool, `SELECT `+summaryCols+`, left(a.text, 240) FROM articles a`+w.sql()+
			` ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?`, append(append([]any{}, w.args...), limit, offset), scanHit(res))
	}
	if err != nil {
		return fail(err)
	}
	return res, nil
}

// newestMatches returns the ids of the newest window matches of w (all of
// them when window is 0), newest first, and the number of matches.
//
// With text, the GIN index must answer: the planner counts a
// sequential scan's (or a backward primary-key scan's) filter as cheap,
// not knowing that each row's tsvector (several KB, compressed out of
// line) is read and decompressed, and so picks one when most articles
// match; at 2,000 articles that was 40 ms a count against 1 ms. The
// bitmap of the GIN index answers the match without reading any tsvector.
func (s *DB) newestMatches(ctx context.Context, w where, text bool, window int) ([]int64, int, error) {
	sel := `SELECT a.id, COUNT(*) OVER () FROM articles a` + w.sql() + ` ORDER BY a.id DESC`
	args := append([]any{}, w.args...)
	if window > 0 {
		sel += ` LIMIT ?`
		args = append(args, window)
	}
	ids := []int64{}
	total := 0
	read := func(db querier) error {
		return eachRow(ctx, db, sel, args, func(r pgx.Rows) error {
			var id int64
			err := r.Scan(&id, &total)
			ids = append(ids, id)
			return err
		})
	}
	if !text {
		return ids, total, read(s.pool)
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, 0, err
	}
	// not ctx: a rollback on an ended context fails and loses the connection
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`); err != nil {
		return nil, 0, err
	}
	if err := read(tx); err != nil {
		return nil, 0, err
	}
	return ids, total, tx.Commit(ctx)
}

// older returns the conditions narrowed to the matches older than the
// ranking window's, whose oldest is cutoff.
func older(w where, cutoff int64) where {
	n := where{conds: append([]string{}, w.conds...), args: append([]any{}, w.args...)}
	n.add("a.id < ?", cutoff)
	return n
}

// facets counts the articles ids by outlet, day, actor and place, in one
// round trip.
func (s *DB) facets(ctx context.Context, ids []int64, res *view.SearchResult) error {
	if len(ids) == 0 {
		return nil
	}
	outlets, days := map[string]int{}, map[string]int{}
	b := &pgx.Batch{}
	b.Queue(`SELECT a.outlet, COALESCE(substr(a.published, 1, 10), ''), COUNT(*) FROM articles a WHERE a.id = ANY($1) GROUP BY 1, 2`, ids).Query(func(r pgx.Rows) error {
		return eachOf(r, func() error {
			var o, d string
			var n int
			err := r.Scan(&o, &d, &n)
			if o != "" {
				outlets[o] += n
			}
			if d != "" {
				days[d] += n
			}
			return err
		})
	})
	// Counted by actor id first and named after, and only the actors at or
	// above the 20th count (ties at the cut go by name), each by its key: a
	// join let the planner hash the whole actors table.
	b.Queue(`WITH c AS MATERIALIZED (SELECT r.actor_id AS id, COUNT(DISTINCT r.article_id) AS n FROM actor_refs r WHERE r.article_id = ANY($1) GROUP BY r.actor_id)
		SELECT name, n FROM (SELECT (SELECT ac.name FROM actors ac WHERE ac.id = c.id) AS name, c.n FROM c
		WHERE c.n >= COALESCE((SELECT n FROM c ORDER BY n DESC OFFSET 19 LIMIT 1), 0)) top
		ORDER BY n DESC, name COLLATE "C" LIMIT 20`, ids).Query(func(r pgx.Rows) error {
		return eachOf(r, func() error {
			var f view.Facet
			err := r.Scan(&f.Value, &f.Count)
			res.Facets.Actors = append(res.Facets.Actors, f)
			return err
		})
	})
	// places are named as the articles write them: the most used form
	b.Queue(`SELECT array_agg(p.text ORDER BY p.article_id, p.start), COUNT(DISTINCT p.article_id) FROM places p WHERE p.article_id = ANY($1) AND NOT p.focus
		GROUP BY `+placeKey+` ORDER BY 2 DESC, MAX(p.name) COLLATE "C" LIMIT 20`, ids).Query(func(r pgx.Rows) error {
		return eachOf(r, func() error {
			var texts []string
			var f view.Facet
			if err := r.Scan(&texts, &f.Count); err != nil {
				return err
			}
			f.Value = rows.ByCount(texts)[0]
			res.Facets.Places = append(res.Facets.Places, f)
			return nil
		})
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	mostFirst := func(a, b view.Facet) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Value, b.Value))
	}
	res.Facets.Outlets = top(outlets, 20, mostFirst)
	res.Facets.Days = top(days, 60, func(a, b view.Facet) int { return strings.Compare(b.Value, a.Value) })
	return nil
}

// top returns the first n of counts in the order of by.
func top(counts map[string]int, n int, by func(a, b view.Facet) int) []view.Facet {
	out := make([]view.Facet, 0, len(counts))
	for v, c := range counts {
		out = append(out, view.Facet{Value: v, Count: c})
	}
	slices.SortFunc(out, by)
	return out[:min(n, len(out))]
}

// rankedPage reads one page of text matches in relevance order. newest
// holds the ids of the matches inside the ranking window (all of them
// when cutoff is 0), which are ranked by id; with a cutoff the order has
// two tiers: the matches inside the window, then the older ones (found by
// w), each ranked on its own.
func (s *DB) rankedPage(ctx context.Context, w where, tsq string, newest []int64, cutoff int64, window, limit, offset int, res *view.SearchResult) error {
	tier := func(w where, limit, offset int) error {
		args := append(append([]any{tsq}, w.args...), limit, offset)
		return eachRow(ctx, s.pool, `SELECT `+summaryCols+`, ''
			FROM (SELECT a.id, ts_rank(a.tsv, to_tsquery('simple', ?)) AS rank FROM articles a`+w.sql()+` ORDER BY rank DESC, a.id DESC LIMIT ? OFFSET ?) r
			JOIN articles a ON a.id = r.id ORDER BY r.rank DESC, r.id DESC`, args, scanHit(res))
	}
	var inside where
	inside.add("a.id = ANY(?)", newest)
	if cutoff == 0 {
		if err := tier(inside, limit, offset); err != nil {
			return err
		}
	} else {
		if offset < window {
			if err := tier(inside, min(limit, window-offset), offset); err != nil {
				return err
			}
		}
		if rest := limit - len(res.Items); offset+limit > window && rest > 0 {
			if err := tier(older(w, cutoff), rest, max(0, offset-window)); err != nil {
				return err
			}
		}
	}
	return s.snippets(ctx, tsq, res.Items)
}

// snippets sets the snippet of each hit (see snippet), cut from its text
// as written: a word the query matched only once folded, "Mosul" for
// "mosul", is marked, and so is one matched without its diacritics.
func (s *DB) snippets(ctx context.Context, tsq string, hits []view.ArticleHit) error {
	if len(hits) == 0 {
		return nil
	}
	at := map[int64]int{}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		at[h.ID] = i
		ids[i] = h.ID
	}
	lex := queryLexemes(tsq)
	return eachRow(ctx, s.pool, `SELECT a.id, a.text FROM articles a WHERE a.id = ANY(?)`, []any{ids}, func(r pgx.Rows) error {
		var id int64
		var text string
		if err := r.Scan(&id, &text); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			hits[i].Snippet, hits[i].Highlights = snippet(text, lex)
		}
		return nil
	})
}

// scanHit appends a row of summaryCols and a snippet to res.
func scanHit(res *view.SearchResult) func(r pgx.Rows) error {
	return func(r pgx.Rows) error {
		var h view.ArticleHit
		var pub *string
		err := r.Scan(&h.ID, &h.URL, &h.Outlet, &h.Title, &pub, &h.PublishedEstimated, &h.Story, &h.DuplicateOf, &h.Snippet)
		h.Published = parseTime(pub)
		res.Items = append(res.Items, h)
		return err
	}
}
