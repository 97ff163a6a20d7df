package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

var _ store.CodedEvents = (*DB)(nil)

// ReplaceStoryEvents implements store.CodedEvents.
func (s *DB) ReplaceStoryEvents(ctx context.Context, stories []int64, recs []event.Record) error {
	s.wmu.Lock() // in-process writers wait here, not inside SQLite (see DB.wmu)
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	ts := s.db.inTx(tx)
	if err := eachRows(len(stories), func(start, n int) error {
		args := make([]any, n)
		for i := range args {
			args[i] = stories[start+i]
		}
		_, err := ts.ExecContext(ctx, `DELETE FROM coded_events WHERE story_id IN (`+placeholders(n)+`)`, args...)
		return err
	}); err != nil {
		return fmt.Errorf("store: coded events: %w", err)
	}
	// Stories merged away take their events with them: PutDerived deletes
	// them with the story; what a database built before that holds is
	// swept here once per process (a scan of every coded event, which
	// after every batch would cost in proportion to the corpus).
	if !s.orphansSwept {
		if _, err := tx.ExecContext(ctx, `DELETE FROM coded_events WHERE story_id NOT IN (SELECT id FROM events)`); err != nil {
			return fmt.Errorf("store: coded events: %w", err)
		}
	}
	// Each event gets the id SQLite would give it (an INTEGER PRIMARY KEY
	// without AUTOINCREMENT: one more than the largest in use), known
	// before the insert so that the body, which holds it, goes in with
	// the row instead of in a second write. The writer mutex keeps any
	// other in-process insert out meanwhile, the transaction any other
	// process.
	var maxID int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM coded_events`).Scan(&maxID); err != nil {
		return fmt.Errorf("store: coded events: %w", err)
	}
	// The rows go in a few at a time, in multi-row inserts, in the order
	// (and so with the ids) that one insert per row would give them.
	evArgs := make([]any, 0, 14*len(recs))
	var mArgs []any
	for i := range recs {
		r := &recs[i]
		var pg int64
		pn := ""
		if r.Place != nil {
			pg, pn = int64(r.Place.GeonamesID), r.Place.Name
		}
		maxID++
		r.ID = maxID
		body, err := json.Marshal(r)
		if err != nil {
			return err
		}
		evArgs = append(evArgs, r.ID, r.Story, r.Type, r.Cameo, r.Status, r.Source.Actor, r.Target.Actor,
			partyWords(r.Source, r.AllSources), partyWords(r.Target, r.AllTargets), pg, pn, r.Date, r.NumMentions, packEvent(body))
		for _, m := range r.Mentions {
			mArgs = append(mArgs, r.ID, m.Article, m.Sentence, m.Outlet)
		}
	}
	if err := eachRows(len(recs), func(start, n int) error {
		_, err := ts.ExecContext(ctx, `INSERT INTO coded_events(id, story_id, type, cameo, status, source_actor, target_actor, source_name, target_name,
		place_geonames, place_name, date, mentions, body) VALUES `+rowsOf(n, "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"), evArgs[14*start:14*(start+n)]...)
		return err
	}); err != nil {
		return fmt.Errorf("store: coded event: %w", err)
	}
	if err := eachRows(len(mArgs)/4, func(start, n int) error {
		_, err := ts.ExecContext(ctx, `INSERT INTO coded_event_mentions(event_id, article_id, sentence, outlet) VALUES `+rowsOf(n, "(?,?,?,?)"),
			mArgs[4*start:4*(start+n)]...)
		return err
	}); err != nil {
		return fmt.Errorf("store: coded event mention: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	s.orphansSwept = true
	return nil
}

// maxRowsPerInsert caps the rows of one multi-row statement (SQLite
// limits the parameters of one statement; 64 rows of 14 are 896).
const maxRowsPerInsert = 64

// eachRows calls f with consecutive ranges [start, start+n) covering n
// rows in all: ranges of maxRowsPerInsert, then of the powers of two
// below it, so that a statement of n rows takes one of a few texts (each
// prepared once) whatever the count.
func eachRows(total int, f func(start, n int) error) error {
	for start := 0; start < total; {
		n := maxRowsPerInsert
		for n > total-start {
			n /= 2
		}
		if err := f(start, n); err != nil {
			return err
		}
		start += n
	}
	return nil
}

// rowsOf repeats one row's placeholders n times, comma-separated.
func rowsOf(n int, row string) string {
	return strings.TrimSuffix(strings.Repeat(row+",", n), ",")
}

// partyWords keeps the names and words of a role for name filters.
func partyWords(p event.Party, all []event.Party) string {
	var b strings.Builder
	for _, x := range append([]event.Party{p}, all...) {
		if x.Name == "" && x.Text == "" {
			continue
		}
		b.WriteString("|" + x.Name + "|" + x.Text)
	}
	return b.String()
}

// CodedEventList implements store.CodedEvents.
func (s *DB) CodedEventList(ctx context.Context, f store.EventFilter) ([]event.Record, int, error) {
	w := &where{}
	if f.Story != 0 {
		w.add("e.story_id = ?", f.Story)
	}
	if f.Type != "" {
		w.add("e.type = ? COLLATE NOCASE", f.Type)
	}
	if f.From != "" {
		w.add("e.date >= ?", f.From)
	}
	if f.To != "" {
		w.add("substr(e.date, 1, 10) <= ?", f.To)
	}
	if f.After != 0 {
		w.add("e.id > ?", f.After)
	}
	if f.Actor != "" {
		ids, err := s.actorIDs(ctx, f.Actor)
		if err != nil {
			return nil, 0, err
		}
		like := "%|" + f.Actor + "%"
		if len(ids) > 0 {
			ph := placeholders(len(ids))
			args := append(append(append([]any{}, ids...), ids...), like, like)
			w.add("(e.source_actor IN ("+ph+") OR e.target_actor IN ("+ph+") OR e.source_name LIKE ? OR e.target_name LIKE ?)", args...)
		} else {
			w.add("(e.source_name LIKE ? OR e.target_name LIKE ?)", like, like)
		}
	}
	if f.Place != "" {
		if id, err := strconv.ParseInt(f.Place, 10, 64); err == nil {
			w.add("e.place_geonames = ?", id)
		} else {
			w.add("(e.place_name = ? COLLATE NOCASE OR e.target_name LIKE ?)", f.Place, "%|"+f.Place+"%")
		}
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM coded_events e `+w.sql(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: coded events: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	var out []event.Record
	err := eachRow(ctx, s.db, `SELECT e.body FROM coded_events e `+w.sql()+` ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?`,
		append(append([]any{}, w.args...), limit, max(f.Offset, 0)), func(r *sql.Rows) error {
			var stored []byte
			if err := r.Scan(&stored); err != nil {
				return err
			}
			body, err := unpackJSON(stored)
			if err != nil {
				return err
			}
			var rec event.Record
			if err := json.Unmarshal(body, &rec); err != nil {
				return err
			}
			out = append(out, rec)
			return nil
		})
	if err != nil {
		return nil, 0, fmt.Errorf("store: coded events: %w", err)
	}
	return out, total, nil
}

// StoryArticles implements store.CodedEvents.
func (s *DB) StoryArticles(ctx context.Context, story int64) ([]int64, error) {
	var ids []int64
	err := eachRow(ctx, s.db, `SELECT article_id FROM article_story WHERE event_id = ? ORDER BY article_id`, []any{story}, func(r *sql.Rows) error {
		var id int64
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

// articleActorsCols are the columns of an article's actor references
// with their actors, for ArticleActors and ArticlesActors. Places the
// actor stage keeps as actors without a code (cities) are left to the
// place stage: they act as targets and places, not as sources.
const articleActorsCols = `SELECT r.article_id, r.start, r.end, r.actor_id, COALESCE(a.name, ''), COALESCE(a.code, ''), COALESCE(a.country, '')
		FROM actor_refs r LEFT JOIN actors a ON a.id = r.actor_id `

const articleActorsCond = ` AND NOT (COALESCE(a.type, '') = 'location' AND COALESCE(a.code, '') = '' AND COALESCE(a.country, '') = '')`

// scanArticleActor scans one row of articleActorsCols.
func scanArticleActor(r *sql.Rows) (int64, event.ActorMention, error) {
	var m event.ActorMention
	var article int64
	var country string
	if err := r.Scan(&article, &m.Start, &m.End, &m.ID, &m.Name, &m.Code, &country); err != nil {
		return 0, m, err
	}
	if m.Code == "" {
		m.Code = country
	}
	return article, m, nil
}

// ArticleActors implements store.CodedEvents.
func (s *DB) ArticleActors(ctx context.Context, article int64) ([]event.ActorMention, error) {
	var out []event.ActorMention
	err := eachRow(ctx, s.db, articleActorsCols+`WHERE r.article_id = ?`+articleActorsCond+` ORDER BY r.start`, []any{article}, func(r *sql.Rows) error {
		_, m, err := scanArticleActor(r)
		out = append(out, m)
		return err
	})
	return out, err
}

var _ store.ArticlesActors = (*DB)(nil)

// ArticlesActors implements store.ArticlesActors: the rows of
// ArticleActors for up to 500 articles a statement, each article's in the
// order ArticleActors gives them (both read actor_refs_article, by
// article and start).
func (s *DB) ArticlesActors(ctx context.Context, articles []int64) (map[int64][]event.ActorMention, error) {
	out := map[int64][]event.ActorMention{}
	err := eachChunk(articles, func(args []any) error {
		return eachRow(ctx, s.db, articleActorsCols+`WHERE r.article_id IN (`+placeholders(len(args))+`)`+articleActorsCond+` ORDER BY r.article_id, r.start`, args,
			func(r *sql.Rows) error {
				id, m, err := scanArticleActor(r)
				out[id] = append(out[id], m)
				return err
			})
	})
	return out, err
}
