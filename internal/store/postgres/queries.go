package postgres

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/store/rows"
	"github.com/sitrep/sitrep/internal/view"
)

// The read queries behind the CLI and the API, as the SQLite store's
// (internal/store/sqlite/queries.go) answer them.

const (
	defaultLimit = 50
	maxLimit     = view.MaxPageSize
)

func pageOf(q view.Query) (limit, offset int) {
	limit, offset = q.Limit, q.Offset
	if limit <= 0 {
		limit = defaultLimit
	}
	if limit > maxLimit {
		limit = maxLimit
	}
	if offset < 0 {
		offset = 0
	}
	return
}

// where collects SQL conditions (with ? placeholders) and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// articleFilter adds the article-level filters of q on the alias a.
func (s *DB) articleFilter(ctx context.Context, w *where, q view.Query) error {
	if q.Outlet != "" {
		w.add("lower(a.outlet) = lower(?)", q.Outlet)
	}
	if !q.From.IsZero() {
		w.add("a.published >= ?", q.From.UTC().Format(time.RFC3339))
	}
	if !q.To.IsZero() {
		w.add("a.published < ?", q.To.UTC().Format(time.RFC3339))
	}
	if q.Article != 0 {
		w.add("a.id = ?", q.Article)
	}
	if q.Story != 0 {
		w.add("a.id IN (SELECT article_id FROM article_story WHERE event_id = ?)", q.Story)
	}
	if q.Actor != "" {
		ids, err := s.actorIDs(ctx, q.Actor)
		if err != nil {
			return err
		}
		w.add("a.id IN (SELECT article_id FROM actor_ref_lists WHERE actor_id = ANY(?))", ids)
	}
	if q.Place != "" {
		cond, args, err := s.placeCond(ctx, q.Place)
		if err != nil {
			return err
		}
		w.add("a.id IN (SELECT article_id FROM places p WHERE "+cond+")", args...)
	}
	return nil
}

// placeKey groups places: by GeoNames id, or by name and country for
// places without one.
const placeKey = `CASE WHEN p.geonames_id <> 0 THEN p.geonames_id::text ELSE p.name || '|' || p.country END`

// placeCond matches a place by its id (view.PlaceID: a GeoNames id, or the
// negative id of a place without one), or by name (the gazetteer's or as
// written).
func (s *DB) placeCond(ctx context.Context, key string) (string, []any, error) {
	id, err := strconv.ParseInt(key, 10, 64)
	switch {
	case err != nil:
		return "(lower(p.name) = lower(?) OR lower(p.text) = lower(?))", []any{key, key}, nil
	case id > 0:
		return "p.geonames_id = ?", []any{id}, nil
	}
	var name, country string
	found := false
	err = eachRow(ctx, s.pool, `SELECT DISTINCT name, country FROM places WHERE geonames_id = 0`, nil, func(r pgx.Rows) error {
		var n, c string
		if err := r.Scan(&n, &c); err != nil {
			return err
		}
		if !found && view.PlaceID(0, n, c) == id {
			name, country, found = n, c, true
		}
		return nil
	})
	if err != nil || !found {
		return "false", nil, err
	}
	return "(p.geonames_id = 0 AND p.name = ? AND p.country = ?)", []any{name, country}, nil
}

// actorIDs finds actors by id, name or alias (any case), most mentioned
// first.
func (s *DB) actorIDs(ctx context.Context, key string) ([]int64, error) {
	if id, err := strconv.ParseInt(key, 10, 64); err == nil {
		return []int64{id}, nil
	}
	ids := []int64{}
	err := eachRow(ctx, s.pool, `SELECT id FROM actors WHERE lower(name) = lower(?)
		OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(actors.aliases::jsonb) x WHERE lower(x) = lower(?))
		ORDER BY mentions DESC, id`, []any{key, key}, func(r pgx.Rows) error {
		var id int64
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

func parseTime(s *string) *time.Time {
	if s == nil {
		return nil
	}
	t, err := time.Parse(time.RFC3339, *s)
	if err != nil {
		return nil
	}
	return &t
}

const summaryCols = `a.id, a.url, a.outlet, a.title, a.published, a.published_estimated,
	COALESCE((SELECT event_id FROM article_story WHERE article_id = a.id), 0),
	COALESCE((SELECT duplicate_of FROM article_story WHERE article_id = a.id), 0)`

func scanSummary(r interface{ Scan(...any) error }) (view.ArticleSummary, error) {
	var a view.ArticleSummary
	var pub *string
	err := r.Scan(&a.ID, &a.URL, &a.Outlet, &a.Title, &pub, &a.PublishedEstimated, &a.Story, &a.DuplicateOf)
	a.Published = parseTime(pub)
	return a, err
}

// ArticleList lists articles, newest publication first.
func (s *DB) ArticleList(ctx context.Context, q view.Query) (view.Page[view.ArticleSummary], error) {
	limit, offset := pageOf(q)
	p := view.Page[view.ArticleSummary]{Items: []view.ArticleSummary{}, Limit: limit, Offset: offset}
	var w where
	if err := s.articleFilter(ctx, &w, q); err != nil {
		return p, err
	}
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM articles a`+w.sql(), w.args...).Scan(&p.Total); err != nil {
		return p, err
	}
	err := eachRow(ctx, s.pool, `SELECT `+summaryCols+` FROM articles a`+w.sql()+
		` ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?`, append(w.args, limit, offset), func(r pgx.Rows) error {
		a, err := scanSummary(r)
		p.Items = append(p.Items, a)
		return err
	})
	return p, err
}

// Summaries returns the listing form of the given articles, in that order.
func (s *DB) Summaries(ctx context.Context, ids []int64) ([]view.ArticleSummary, error) {
	byID := map[int64]view.ArticleSummary{}
	err := eachRow(ctx, s.pool, `SELECT `+summaryCols+` FROM articles a WHERE a.id = ANY(?)`, []any{ids}, func(r pgx.Rows) error {
		a, err := scanSummary(r)
		byID[a.ID] = a
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]view.ArticleSummary, 0, len(ids))
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// quoteText is a quote's words: its span of the article's text. Put
// stores no copy of them in quotes.text since issue 15's store-writes
// pass (rows written before keep theirs, the same words, unread).
const quoteText = `byte_substr(a.text, qu.start, qu.stop)`

// QuoteList lists quotes, newest article first, in text order.
func (s *DB) QuoteList(ctx context.Context, q view.Query) (view.Page[view.Quote], error) {
	return s.quoteList(ctx, q, true)
}

// StoryQuotes implements store.StoryPages: QuoteList's items for the
// story, without the count of all that match, which a page does not show.
func (s *DB) StoryQuotes(ctx context.Context, story int64, limit int, minConfidence float64) ([]view.Quote, error) {
	p, err := s.quoteList(ctx, view.Query{Story: story, Limit: limit, MinConfidence: minConfidence}, false)
	return p.Items, err
}

// quoteList is QuoteList, counting the quotes that match (Page.Total)
// only when total is set.
func (s *DB) quoteList(ctx context.Context, q view.Query, total bool) (view.Page[view.Quote], error) {
	limit, offset := pageOf(q)
	p := view.Page[view.Quote]{Items: []view.Quote{}, Limit: limit, Offset: offset}
	var w where
	if err := s.articleFilter(ctx, &w, q); err != nil {
		return p, err
	}
	if q.Speaker != "" {
		ids, err := s.actorIDs(ctx, q.Speaker)
		if err != nil {
			return p, err
		}
		w.add("(qu.speaker_actor = ANY(?) OR lower(qu.speaker_text) = lower(?))", ids, q.Speaker)
	}
	if q.Text != "" {
		w.add(quoteText+" ILIKE ?", "%"+q.Text+"%")
	}
	if q.MinConfidence > 0 {
		w.add("qu.confidence >= ?", q.MinConfidence)
	}
	from := ` FROM quotes qu JOIN articles a ON a.id = qu.article_id` + w.sql()
	if total {
		if err := s.queryRow(ctx, `SELECT COUNT(*)`+from, w.args...).Scan(&p.Total); err != nil {
			return p, err
		}
	}
	err := eachRow(ctx, s.pool, `SELECT qu.article_id, a.outlet, qu.sentence, qu.start, qu.stop, qu.kind, `+quoteText+`,
		qu.speaker_text, qu.resolved, COALESCE(qu.speaker_actor, 0), COALESCE(ac.name, ''),
		COALESCE(se.start, 0), COALESCE(se.stop, 0), byte_substr(a.text, qu.cue_start, qu.cue_stop), qu.confidence
		FROM quotes qu JOIN articles a ON a.id = qu.article_id LEFT JOIN actors ac ON ac.id = qu.speaker_actor
		LEFT JOIN LATERAL (`+sentenceOf("qu")+`) se ON true`+w.sql()+
		` ORDER BY a.published IS NULL, a.published DESC, qu.article_id DESC, qu.start LIMIT ? OFFSET ?`, append(w.args, limit, offset), func(r pgx.Rows) error {
		var x view.Quote
		var actorName string
		var conf float32
		err := r.Scan(&x.Article, &x.Outlet, &x.Sentence, &x.Span.Start, &x.Span.End, &x.Kind, &x.Text,
			&x.SpeakerText, &x.SpeakerResolved, &x.SpeakerActor, &actorName, &x.Citation.Start, &x.Citation.End, &x.Cue, &conf)
		x.Confidence = float64(conf)
		x.Speaker = actorName
		if x.Speaker == "" && x.SpeakerResolved {
			x.Speaker = x.SpeakerText
		}
		x.Citation.Article, x.Citation.Outlet, x.Citation.Sentence = x.Article, x.Outlet, x.Sentence
		p.Items = append(p.Items, x)
		return err
	})
	return p, err
}

// PlaceList aggregates resolved places, most mentioned first.
func (s *DB) PlaceList(ctx context.Context, q view.Query) (view.Page[view.Place], error) {
	limit, offset := pageOf(q)
	pg := view.Page[view.Place]{Items: []view.Place{}, Limit: limit, Offset: offset}
	var w where
	w.add("NOT p.focus")
	if err := s.articleFilter(ctx, &w, q); err != nil {
		return pg, err
	}
	if q.Text != "" {
		cond, args, err := s.placeCond(ctx, q.Text)
		if err != nil {
			return pg, err
		}
		w.add(cond, args...)
	}
	from := ` FROM places p JOIN articles a ON a.id = p.article_id` + w.sql() + ` GROUP BY ` + placeKey
	having := ""
	if q.MinCount > 0 {
		having = fmt.Sprintf(" HAVING COUNT(*) >= %d", q.MinCount)
	}
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1`+from+having+`) g`, w.args...).Scan(&pg.Total); err != nil {
		return pg, err
	}
	// The stories naming each place of the page are found by its GeoNames
	// id (indexed), or by name and country for a place without one.
	err := eachRow(ctx, s.pool, `WITH g AS (SELECT MAX(p.geonames_id) AS gid, MAX(p.name) AS name, MAX(p.lat) AS lat, MAX(p.lon) AS lon,
		MAX(p.country) AS country, MAX(p.feature) AS feature, COUNT(*) AS n, array_agg(DISTINCT p.article_id) AS arts, array_agg(p.text ORDER BY p.article_id, p.start) AS names`+
		from+having+` ORDER BY COUNT(*) DESC, MAX(p.name) COLLATE "C" LIMIT ? OFFSET ?)
		SELECT gid, name, lat, lon, country, feature, n, arts, names,
		ARRAY(SELECT DISTINCT st.event_id FROM places p JOIN article_story st ON st.article_id = p.article_id
			WHERE p.geonames_id = g.gid AND (g.gid <> 0 OR p.name = g.name AND p.country = g.country))
		FROM g ORDER BY n DESC, name COLLATE "C"`, append(w.args, limit, offset), func(r pgx.Rows) error {
		var x view.Place
		var names []string
		err := r.Scan(&x.GeonamesID, &x.Name, &x.Lat, &x.Lon, &x.Country, &x.Feature, &x.Mentions, &x.Articles, &names, &x.Stories)
		x.Class, x.Shape = geo.ClassAndShape(x.Name, x.Feature, x.Country)
		x.ID = view.PlaceID(x.GeonamesID, x.Name, x.Country)
		x.Articles, x.Stories = sorted(x.Articles), sorted(x.Stories)
		written := rows.ByCount(names)
		if x.Names = rows.NotDemonyms(written); len(x.Names) > 0 {
			x.Name = x.Names[0]
		} else {
			x.Names = written
		}
		pg.Items = append(pg.Items, x)
		return err
	})
	return pg, err
}

// sentenceOf selects the span (start, stop) of the sentence a row of
// table alias x (with article_id and sentence) is in: no row when the
// article has no layers, NULLs when it has no such sentence (as the join
// of a row a sentence found none before migration 10).
func sentenceOf(x string) string {
	return `SELECT l.sentence_starts[` + x + `.sentence + 1] AS start, l.sentence_stops[` + x + `.sentence + 1] AS stop
		FROM article_layers l WHERE l.article_id = ` + x + `.article_id`
}

// TimeList lists dated statements sorted by the date they speak of.
func (s *DB) TimeList(ctx context.Context, q view.Query) (view.Page[view.TimelineEntry], error) {
	limit, offset := pageOf(q)
	p := view.Page[view.TimelineEntry]{Items: []view.TimelineEntry{}, Limit: limit, Offset: offset}
	var w where
	w.add("t.type IN ('DATE', 'TIME')")
	w.add("t.value ~ '^[0-9]{4}'") // calendar values only: not PRESENT_REF, FUTURE_REF
	if err := s.articleFilter(ctx, &w, q); err != nil {
		return p, err
	}
	from := ` FROM times t JOIN articles a ON a.id = t.article_id JOIN LATERAL (` + sentenceOf("t") + `) se ON se.start IS NOT NULL` + w.sql()
	if err := s.queryRow(ctx, `SELECT COUNT(*)`+from, w.args...).Scan(&p.Total); err != nil {
		return p, err
	}
	err := eachRow(ctx, s.pool, `SELECT t.value, t.text, byte_substr(a.text, se.start, se.stop), t.article_id, a.outlet, t.sentence, se.start, se.stop,
		t.anchored, a.published_estimated`+
		from+` ORDER BY t.value COLLATE "C", a.published NULLS FIRST, t.article_id, t.start LIMIT ? OFFSET ?`, append(w.args, limit, offset), func(r pgx.Rows) error {
		var x view.TimelineEntry
		var anchored, pubEstimated bool
		err := r.Scan(&x.Date, &x.Expression, &x.Text, &x.Citation.Article, &x.Citation.Outlet, &x.Citation.Sentence, &x.Citation.Start, &x.Citation.End,
			&anchored, &pubEstimated)
		x.Text = strings.TrimSpace(x.Text)
		x.Estimated = view.DateEstimated(anchored, pubEstimated, x.Expression)
		p.Items = append(p.Items, x)
		return err
	})
	return p, err
}

// sorted sorts ids and drops zeros; nil stays nil.
func sorted(ids []int64) []int64 {
	if ids == nil {
		return nil
	}
	out := ids[:0]
	for _, id := range ids {
		if id != 0 {
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	if len(out) == 0 {
		return nil
	}
	return out
}
