package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/internal/query"
	"github.com/sitrep/sitrep/internal/store/rows"
	"github.com/sitrep/sitrep/internal/view"
)

// SearchWindow bounds the ranking work of a search with many matches.
// When more than SearchWindow articles match, the newest SearchWindow of
// them (by article id, that is ingest order) are ranked by relevance and
// listed first, then the older matches by relevance
// (view.SearchResult.RankWindow). The total always counts every match, and
// searches with at most SearchWindow matches are ranked exactly. Zero or
// less turns the window off: every match is ranked, and the facets count
// every match, at a cost that grows with the number of matches. Set it
// before serving, not while searches run.
var SearchWindow = 1000

// FacetSample bounds the facets' work: when more than FacetSample articles
// match, the facets (actors, places, outlets, days) are counted over the
// newest FacetSample matches only, which the result says
// (view.SearchResult.FacetsApproximate, FacetsSample). Counting an
// article's actors and places reads all its references (about 70 for an
// article of 5 KB), so the facets of a common word would otherwise cost
// more than the rest of the search together. Zero or less, or more than
// SearchWindow, counts over the ranking window. Set it before serving.
var FacetSample = 200

// SearchArticles runs a full-text query (FTS5 syntax; bare words are
// AND-ed) with the filters of q; see SearchWindow for how matches are
// ranked and facets counted. Without text, matches are listed newest
// publication first.
//
// The matches are read from article_facets (one small row per article:
// outlet, publication time) joined to the FTS5 index, never from the wide
// article rows, which are read only for the page shown.
func (s *DB) SearchArticles(ctx context.Context, q view.Query) (*view.SearchResult, error) {
	limit, offset := pageOf(q)
	res := &view.SearchResult{Page: view.Page[view.ArticleHit]{Items: []view.ArticleHit{}, Limit: limit, Offset: offset}}
	res.Facets = view.Facets{Actors: []view.Facet{}, Places: []view.Facet{}, Outlets: []view.Facet{}, Days: []view.Facet{}}
	text := strings.TrimSpace(q.Text) != ""
	// m selects the matching articles as a (article_facets), with their id
	// in m.id.
	m := matches{from: " FROM article_facets a", id: "a.id"}
	var match string
	if text {
		var err error
		if match, err = query.FTS5(q.Text); err != nil {
			return res, err // a *query.Error: the caller's to show
		}
		m = matches{from: " FROM articles_fts f JOIN article_facets a ON a.id = f.rowid", id: "f.rowid"}
		m.w.add("f.articles_fts MATCH ?", match)
	}
	m.withFacets = m.from
	if err := s.articleFilter(ctx, &m.w, q); err != nil {
		return res, err
	}
	if text && len(m.w.conds) == 1 {
		// No filter reads a: the index alone selects the matches.
		m.from = " FROM articles_fts f"
	}
	fail := func(err error) (*view.SearchResult, error) {
		return res, fmt.Errorf("search %q: %w", q.Text, err)
	}
	// cutoff is the id of the oldest match inside the ranking window, and
	// sampled that of the oldest match the facets count; 0 when every match
	// is inside. Both are found walking the index newest first, so they
	// cost the window, not the matches.
	var cutoff, sampled int64
	window, sample := windows(SearchWindow, FacetSample)
	count := `SELECT COUNT(*), 0, 0` + m.from + m.w.sql()
	args := m.args()
	if window > 0 {
		nth := `COALESCE((SELECT ` + m.id + m.from + m.w.sql() + ` ORDER BY ` + m.id + ` DESC LIMIT 1 OFFSET ?), 0)`
		count = `SELECT COUNT(*), ` + nth + `, ` + nth + m.from + m.w.sql()
		args = append(append(append(append(m.args(), window-1), m.w.args...), sample-1), m.w.args...)
	}
	if err := s.db.QueryRowContext(ctx, count, args...).Scan(&res.Total, &cutoff, &sampled); err != nil {
		return fail(err)
	}
	if res.Total <= window {
		cutoff = 0
	}
	if res.Total <= sample {
		sampled = 0
	}
	if cutoff > 0 && text {
		res.RankWindow = window
	}
	if sampled > 0 {
		res.FacetsApproximate, res.FacetsSample = true, sample
	}
	if err := s.facets(ctx, m, sampled, res); err != nil {
		return fail(err)
	}
	var err error
	if text {
		err = s.rankedPage(ctx, m, match, cutoff, window, limit, offset, res)
	} else {
		// Without text the page is the newest publications, chosen from
		// article_facets and only then read from the article rows.
		err = eachRow(ctx, s.db, `SELECT `+summaryCols+`, substr(a.text, 1, 240)
			FROM (SELECT a.id, a.published`+m.from+m.w.sql()+` ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?) r
			JOIN articles a ON a.id = r.id ORDER BY r.published IS NULL, r.published DESC, r.id DESC`, append(m.args(), limit, offset), scanHit(res))
	}
	if err != nil {
		return fail(err)
	}
	return res, nil
}

// matches is the FROM clause and conditions that select a search's
// matching articles.
type matches struct {
	from       string // " FROM ...", with article_facets as a where w reads it
	withFacets string // from, always with article_facets as a
	id         string // the column holding the article id
	w          where
}

// args returns a copy of the arguments of the conditions, safe to append to.
func (m matches) args() []any { return append([]any{}, m.w.args...) }

// within returns the conditions narrowed to ids op cutoff (">=": inside
// the window, "<": older); unchanged when cutoff is 0.
func (m matches) within(cutoff int64, op string) where {
	w := where{conds: append([]string{}, m.w.conds...), args: m.args()}
	if cutoff > 0 {
		w.add(m.id+" "+op+" ?", cutoff)
	}
	return w
}

// facets counts the matches inside the facet sample (all of them when
// cutoff is 0) by outlet, day, actor and place. The (outlet, day) pairs
// come back as one string and are counted here: cheaper than SQLite's
// GROUP BY, which sorts them.
func (s *DB) facets(ctx context.Context, m matches, cutoff int64, res *view.SearchResult) error {
	const unit, record = "\x1f", "\x1e"
	sample := m.within(cutoff, ">=")
	var pairs sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT group_concat(a.outlet || char(31) || COALESCE(substr(a.published, 1, 10), ''), char(30))`+m.withFacets+sample.sql(),
		sample.args...).Scan(&pairs)
	if err != nil {
		return err
	}
	outlets, days := map[string]int{}, map[string]int{}
	for rest := pairs.String; rest != ""; {
		var pair string
		pair, rest, _ = strings.Cut(rest, record)
		outlet, day, _ := strings.Cut(pair, unit)
		if outlet != "" {
			outlets[outlet]++
		}
		if day != "" {
			days[day]++
		}
	}
	mostFirst := func(a, b view.Facet) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Value, b.Value))
	}
	res.Facets.Outlets = top(outlets, 20, mostFirst)
	res.Facets.Days = top(days, 60, func(a, b view.Facet) int { return strings.Compare(b.Value, a.Value) })
	// Joined, not "article_id IN (matches)", which SQLite would first
	// copy into a temporary index.
	facet := func(query string, dst *[]view.Facet) error {
		return eachRow(ctx, s.db, query, sample.args, func(r *sql.Rows) error {
			var f view.Facet
			err := r.Scan(&f.Value, &f.Count)
			*dst = append(*dst, f)
			return err
		})
	}
	// Counted by actor id first and named after: naming every reference
	// (one read of the wide actor row each) cost seven times the count.
	// Only the actors at or above the 20th count are named, so that ties at
	// the cut still go by name.
	if err := facet(`WITH c AS MATERIALIZED (SELECT r.actor_id AS id, COUNT(DISTINCT r.article_id) AS n`+m.from+` JOIN actor_ref_lists r ON r.article_id = `+m.id+
		sample.sql()+` GROUP BY r.actor_id)
		SELECT ac.name, c.n FROM c JOIN actors ac ON ac.id = c.id
		WHERE c.n >= COALESCE((SELECT n FROM c ORDER BY n DESC LIMIT 1 OFFSET 19), 0)
		ORDER BY c.n DESC, ac.name LIMIT 20`, &res.Facets.Actors); err != nil {
		return err
	}
	// Places are named as the articles write them ("Raqqa"), not as the
	// gazetteer does ("Ar Raqqah"): the most used written form.
	return eachRow(ctx, s.db, `SELECT group_concat(p.text, char(31)), COUNT(DISTINCT p.article_id)`+m.from+` JOIN places p ON p.article_id = `+m.id+` AND p.focus = 0`+
		sample.sql()+` GROUP BY `+placeKey+` ORDER BY 2 DESC, MAX(p.name) LIMIT 20`, sample.args, func(r *sql.Rows) error {
		var texts string
		var f view.Facet
		if err := r.Scan(&texts, &f.Count); err != nil {
			return err
		}
		f.Value = rows.ByCount(strings.Split(texts, unit))[0]
		res.Facets.Places = append(res.Facets.Places, f)
		return nil
	})
}

// windows returns the ranking window and the facet sample to use for the
// settings window and sample: the sample never exceeds the window, and
// both are 0 (off) when the window is.
func windows(window, sample int) (int, int) {
	if window <= 0 {
		return 0, 0
	}
	if sample <= 0 || sample > window {
		sample = window
	}
	return window, sample
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

// rankedPage reads one page of text matches in relevance order (FTS5's
// bm25 rank, ties newest first). With a cutoff the order has two tiers:
// the matches inside the window, then the older ones, each ranked on its
// own, so only the tiers a page reaches are ranked.
func (s *DB) rankedPage(ctx context.Context, m matches, match string, cutoff int64, window, limit, offset int, res *view.SearchResult) error {
	tier := func(w where, limit, offset int) error {
		// Ranked in a subquery so that the article rows are read for the
		// page only, not for every ranked match.
		return eachRow(ctx, s.db, `SELECT `+summaryCols+`, ''
			FROM (SELECT f.rowid AS id, f.rank AS rank`+m.from+w.sql()+` ORDER BY f.rank, f.rowid DESC LIMIT ? OFFSET ?) r
			JOIN articles a ON a.id = r.id ORDER BY r.rank, r.id DESC`,
			append(w.args, limit, offset), scanHit(res))
	}
	if cutoff == 0 {
		if err := tier(m.within(0, ""), limit, offset); err != nil {
			return err
		}
	} else {
		if offset < window {
			if err := tier(m.within(cutoff, ">="), min(limit, window-offset), offset); err != nil {
				return err
			}
		}
		if rest := limit - len(res.Items); offset+limit > window && rest > 0 {
			if err := tier(m.within(cutoff, "<"), rest, max(0, offset-window)); err != nil {
				return err
			}
		}
	}
	return s.snippets(ctx, match, res.Items)
}

// Highlight marks: FTS5 wraps each match in a snippet in them, and
// snippet turns them into byte spans. Control characters, which the
// cleaned text never holds, so that brackets in the text ("[Raqqa]") are
// never taken for highlights.
const hlOpen, hlClose = "\x02", "\x03"

// snippets sets the FTS5 snippet of each hit, in one query over the span
// of their ids (the unary + keeps SQLite from handing the id list to FTS5,
// which would run the match once per id).
func (s *DB) snippets(ctx context.Context, match string, hits []view.ArticleHit) error {
	if len(hits) == 0 {
		return nil
	}
	at := map[int64]int{}
	lo, hi := hits[0].ID, hits[0].ID
	args := []any{match, 0, 0}
	for i, h := range hits {
		at[h.ID] = i
		lo, hi = min(lo, h.ID), max(hi, h.ID)
		args = append(args, h.ID)
	}
	args[1], args[2] = lo, hi
	return eachRow(ctx, s.db, `SELECT rowid, snippet(articles_fts, 1, char(2), char(3), '…', 24) FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (`+placeholders(len(hits))+`)`, args, func(r *sql.Rows) error {
		var id int64
		var snippet string
		if err := r.Scan(&id, &snippet); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			hits[i].Snippet, hits[i].Highlights = highlights(snippet)
		}
		return nil
	})
}

// scanHit appends a row of summaryCols and a snippet to res.
func scanHit(res *view.SearchResult) func(r *sql.Rows) error {
	return func(r *sql.Rows) error {
		var h view.ArticleHit
		var pub sql.NullString
		err := r.Scan(&h.ID, &h.URL, &h.Outlet, &h.Title, &pub, &h.PublishedEstimated, &h.Story, &h.DuplicateOf, &h.Snippet)
		h.Published = parseTime(pub)
		res.Items = append(res.Items, h)
		return err
	}
}

// highlights removes the highlight marks from a snippet and returns the
// byte spans they enclosed.
func highlights(marked string) (string, []view.Span) {
	var b strings.Builder
	spans := []view.Span{}
	open := -1
	for i := 0; i < len(marked); i++ {
		switch marked[i] {
		case hlOpen[0]:
			open = b.Len()
		case hlClose[0]:
			if open >= 0 && b.Len() > open {
				spans = append(spans, view.Span{Start: open, End: b.Len()})
			}
			open = -1
		default:
			b.WriteByte(marked[i])
		}
	}
	return b.String(), spans
}
