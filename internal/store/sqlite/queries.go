package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/store/rows"
	"github.com/sitrep/sitrep/internal/view"
)

// The read queries behind the CLI and the API. Each returns one page and
// the total count of what matched.

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

// where collects SQL conditions and their arguments.
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
		w.add("a.outlet = ? COLLATE NOCASE", q.Outlet)
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
		w.add("a.id IN (SELECT article_id FROM actor_ref_lists WHERE actor_id IN ("+placeholders(len(ids))+"))", ids...)
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

func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

const placeKey = `COALESCE(NULLIF(p.geonames_id, 0), p.name || '|' || p.country)`

// placeCond matches a place by its id (view.PlaceID: a GeoNames id, or the
// negative id of a place without one), or by name (the gazetteer's or as
// written).
func (s *DB) placeCond(ctx context.Context, key string) (string, []any, error) {
	id, err := strconv.ParseInt(key, 10, 64)
	switch {
	case err != nil:
		return "(p.name = ? COLLATE NOCASE OR p.text = ? COLLATE NOCASE)", []any{key, key}, nil
	case id > 0:
		return "p.geonames_id = ?", []any{id}, nil
	}
	// A place without a GeoNames id: found among those by its id, then
	// matched by name and country. Never "geonames_id = 0", which is every
	// such place at once.
	var name, country string
	found := false
	err = eachRow(ctx, s.db, `SELECT DISTINCT name, country FROM places WHERE geonames_id = 0`, nil, func(r *sql.Rows) error {
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
		return "0", nil, err
	}
	return "(p.geonames_id = 0 AND p.name = ? AND p.country = ?)", []any{name, country}, nil
}

// actorIDs finds actors by id, name or alias.
func (s *DB) actorIDs(ctx context.Context, key string) ([]any, error) {
	if id, err := strconv.ParseInt(key, 10, 64); err == nil {
		return []any{id}, nil
	}
	var ids []any
	err := eachRow(ctx, s.db, `SELECT id FROM actors WHERE name = ?1 COLLATE NOCASE
		OR EXISTS (SELECT 1 FROM json_each(actors.aliases) WHERE json_each.value = ?1 COLLATE NOCASE)
		ORDER BY mentions DESC`, []any{key}, func(r *sql.Rows) error {
		var id int64
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

func parseTime(s sql.NullString) *time.Time {
	if !s.Valid {
		return nil
	}
	t, err := time.Parse(time.RFC3339, s.String)
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
	var pub sql.NullString
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
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles a`+w.sql(), w.args...).Scan(&p.Total); err != nil {
		return p, err
	}
	err := eachRow(ctx, s.db, `SELECT `+summaryCols+` FROM articles a`+w.sql()+
		` ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?`, append(w.args, limit, offset), func(r *sql.Rows) error {
		a, err := scanSummary(r)
		p.Items = append(p.Items, a)
		return err
	})
	return p, err
}

// Summaries returns the listing form of the given articles, in that order.
func (s *DB) Summaries(ctx context.Context, ids []int64) ([]view.ArticleSummary, error) {
	byID := map[int64]view.ArticleSummary{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		err := eachRow(ctx, s.db, `SELECT `+summaryCols+` FROM articles a WHERE a.id IN (`+placeholders(len(chunk))+`)`, args, func(r *sql.Rows) error {
			a, err := scanSummary(r)
			byID[a.ID] = a
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]view.ArticleSummary, 0, len(ids))
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// quoteText is a quote's words: its span of the article's text (spans
// are byte offsets). Put stores no copy of them in quotes.text since
// issue 15's store-writes pass (rows written before keep theirs, the
// same words, unread).
const quoteText = `CAST(substr(CAST(a.text AS BLOB), qu.start + 1, qu.end - qu.start) AS TEXT)`

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
	w.add("a.id = qu.article_id")
	if err := s.articleFilter(ctx, &w, q); err != nil {
		return p, err
	}
	if q.Speaker != "" {
		ids, err := s.actorIDs(ctx, q.Speaker)
		if err != nil {
			return p, err
		}
		w.add("(qu.speaker_actor IN ("+placeholders(len(ids))+") OR qu.speaker_text = ? COLLATE NOCASE)", append(ids, q.Speaker)...)
	}
	if q.Text != "" {
		w.add(quoteText+" LIKE ?", "%"+q.Text+"%")
	}
	if q.MinConfidence > 0 {
		w.add("qu.confidence >= ?", q.MinConfidence)
	}
	from := ` FROM quotes qu, articles a` + w.sql()
	if total {
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*)`+from, w.args...).Scan(&p.Total); err != nil {
			return p, err
		}
	}
	err := eachRow(ctx, s.db, `SELECT qu.article_id, a.outlet, qu.sentence, qu.start, qu.end, qu.kind, `+quoteText+`, qu.cue_start, qu.cue_end,
		qu.speaker_start, qu.speaker_end, qu.speaker_text, qu.resolved, COALESCE(qu.speaker_actor, 0), COALESCE(ac.name, ''),
		COALESCE((SELECT start FROM sentences WHERE article_id = qu.article_id AND idx = qu.sentence), 0),
		COALESCE((SELECT end FROM sentences WHERE article_id = qu.article_id AND idx = qu.sentence), 0),
		CAST(substr(CAST(a.text AS BLOB), qu.cue_start + 1, MAX(qu.cue_end - qu.cue_start, 0)) AS TEXT), qu.confidence`+
		strings.Replace(from, " FROM quotes qu, articles a", " FROM quotes qu JOIN articles a ON a.id = qu.article_id LEFT JOIN actors ac ON ac.id = qu.speaker_actor", 1)+
		` ORDER BY a.published IS NULL, a.published DESC, qu.article_id DESC, qu.start LIMIT ? OFFSET ?`, append(w.args, limit, offset), func(r *sql.Rows) error {
		var x view.Quote
		var cs, ce, ss, se int
		var actorName string
		err := r.Scan(&x.Article, &x.Outlet, &x.Sentence, &x.Span.Start, &x.Span.End, &x.Kind, &x.Text, &cs, &ce, &ss, &se,
			&x.SpeakerText, &x.SpeakerResolved, &x.SpeakerActor, &actorName, &x.Citation.Start, &x.Citation.End, &x.Cue, &x.Confidence)
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
	w.add("a.id = p.article_id")
	w.add("p.focus = 0")
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
	// Countries and regions may have no GeoNames id in the gazetteer: they
	// are grouped by name and country instead.
	from := ` FROM places p, articles a` + w.sql() + ` GROUP BY ` + placeKey
	having := ""
	if q.MinCount > 0 {
		having = fmt.Sprintf(" HAVING COUNT(*) >= %d", q.MinCount)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1`+from+having+`)`, w.args...).Scan(&pg.Total); err != nil {
		return pg, err
	}
	err := eachRow(ctx, s.db, `SELECT p.geonames_id, MAX(p.name), MAX(p.lat), MAX(p.lon), MAX(p.country), MAX(p.feature), COUNT(*),
		json_group_array(DISTINCT p.article_id), json_group_array(p.text),
		(SELECT json_group_array(DISTINCT st.event_id) FROM article_story st WHERE st.article_id IN (SELECT article_id FROM places p2 WHERE `+strings.ReplaceAll(placeKey, "p.", "p2.")+` = `+placeKey+`))`+
		from+having+` ORDER BY COUNT(*) DESC, MAX(p.name) LIMIT ? OFFSET ?`, append(w.args, limit, offset), func(r *sql.Rows) error {
		var x view.Place
		var arts, names, stories string
		err := r.Scan(&x.GeonamesID, &x.Name, &x.Lat, &x.Lon, &x.Country, &x.Feature, &x.Mentions, &arts, &names, &stories)
		x.Class, x.Shape = geo.ClassAndShape(x.Name, x.Feature, x.Country)
		x.ID = view.PlaceID(x.GeonamesID, x.Name, x.Country)
		x.Articles = jsonInts(arts)
		x.Stories = jsonInts(stories)
		// Shown by the name the articles use most ("Raqqa", "Syria"), not
		// the gazetteer's ("Ar Raqqah", "Syrian Arab Republic"), and Names
		// are only the names as written: the gazetteer's spelling is in
		// none of the texts.
		// Never by a demonym ("Kurdish"): when the articles only use one,
		// the gazetteer's name is shown.
		written := rows.ByCount(jsonStrings(names))
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

// TimeList lists dated statements sorted by the date they speak of.
func (s *DB) TimeList(ctx context.Context, q view.Query) (view.Page[view.TimelineEntry], error) {
	limit, offset := pageOf(q)
	p := view.Page[view.TimelineEntry]{Items: []view.TimelineEntry{}, Limit: limit, Offset: offset}
	var w where
	w.add("a.id = t.article_id")
	w.add("t.type IN ('DATE', 'TIME')")
	w.add("t.value GLOB '[0-9][0-9][0-9][0-9]*'") // calendar values only: not PRESENT_REF, FUTURE_REF
	if err := s.articleFilter(ctx, &w, q); err != nil {
		return p, err
	}
	from := ` FROM times t, articles a, sentences se` + w.sql() + ` AND se.article_id = t.article_id AND se.idx = t.sentence`
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*)`+from, w.args...).Scan(&p.Total); err != nil {
		return p, err
	}
	// the expression's text: cut from the article's, or the copy the rows
	// written before migration 19's release kept
	err := eachRow(ctx, s.db, `SELECT t.value, COALESCE(NULLIF(t.text, ''), CAST(substr(CAST(a.text AS BLOB), t.start + 1, t.end - t.start) AS TEXT)), CAST(substr(CAST(a.text AS BLOB), se.start + 1, se.end - se.start) AS TEXT), t.article_id, a.outlet, t.sentence, se.start, se.end,
		t.anchored, a.published_estimated`+
		from+` ORDER BY t.value, a.published, t.article_id, t.start LIMIT ? OFFSET ?`, append(w.args, limit, offset), func(r *sql.Rows) error {
		var x view.TimelineEntry
		var anchored, pubEstimated bool
		err := r.Scan(&x.Date, &x.Expression, &x.Text, &x.Citation.Article, &x.Citation.Outlet, &x.Citation.Sentence, &x.Citation.Start, &x.Citation.End,
			&anchored, &pubEstimated)
		x.Text = strings.TrimSpace(x.Text)
		// Marked as the story page marks it: relative to an estimated
		// publication date.
		x.Estimated = view.DateEstimated(anchored, pubEstimated, x.Expression)
		p.Items = append(p.Items, x)
		return err
	})
	return p, err
}

func jsonInts(s string) []int64 {
	var out []int64
	s = strings.Trim(s, "[]")
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64); err == nil && n != 0 {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func jsonStrings(s string) []string {
	var out []string
	_ = jsonUnmarshal(s, &out)
	return out
}
