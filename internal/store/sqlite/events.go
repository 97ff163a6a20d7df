package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

var _ store.CodedEvents = (*DB)(nil)

// ReplaceStoryEvents implements store.CodedEvents. It writes what changed
// (issue 15: rewriting every event of a touched story cost about 1 ms an
// article): an event equal to one its story has stored (eventDigest) keeps
// that row and its id; the story's other stored events are deleted, and
// the new ones inserted.
func (s *DB) ReplaceStoryEvents(ctx context.Context, stories []int64, recs []event.Record) error {
	digests := make([]int64, len(recs))
	for i := range recs {
		digests[i] = eventDigest(&recs[i])
	}
	s.wmu.lock(true) // in-process writers wait here, not inside SQLite (see DB.wmu)
	defer s.wmu.unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	ts := s.db.inTx(tx)
	// the stored events of the stories, by story and digest (a digest
	// may repeat: a story may hold two equal events)
	type key struct{ story, digest int64 }
	stored := map[key][]int64{}
	if err := eachKeys(stories, func(args []any) error {
		return eachRow(ctx, ts, `SELECT id, story_id, COALESCE(digest, 0) FROM coded_events WHERE story_id IN (`+placeholders(len(args))+`)`, args,
			func(r *sql.Rows) error {
				var id int64
				var k key
				if err := r.Scan(&id, &k.story, &k.digest); err != nil {
					return err
				}
				stored[k] = append(stored[k], id)
				return nil
			})
	}); err != nil {
		return fmt.Errorf("store: coded events: %w", err)
	}
	var fresh []int // recs to insert
	for i := range recs {
		k := key{recs[i].Story, digests[i]}
		if ids := stored[k]; len(ids) > 0 && k.digest != 0 {
			recs[i].ID, stored[k] = ids[0], ids[1:]
			continue
		}
		fresh = append(fresh, i)
	}
	var gone []int64
	for _, ids := range stored {
		gone = append(gone, ids...)
	}
	slices.Sort(gone)
	if err := eachKeys(gone, func(args []any) error {
		_, err := ts.ExecContext(ctx, `DELETE FROM coded_events WHERE id IN (`+placeholders(len(args))+`)`, args...)
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
	if err := s.insertEvents(ctx, tx, ts, recs, digests, fresh); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	s.orphansSwept = true
	return nil
}

// insertEvents inserts recs[i] for each i of fresh, filling their ids.
func (s *DB) insertEvents(ctx context.Context, tx *sql.Tx, ts *txStmts, recs []event.Record, digests []int64, fresh []int) error {
	if len(fresh) == 0 {
		return nil
	}
	// the articles the new events' mentions name lend them their fields
	var ids []int64
	seen := map[int64]bool{}
	for _, i := range fresh {
		for _, m := range recs[i].Mentions {
			if !seen[m.Article] {
				seen[m.Article] = true
				ids = append(ids, m.Article)
			}
		}
	}
	slices.Sort(ids)
	arts, err := eventArticles(ctx, ts, ids)
	if err != nil {
		return fmt.Errorf("store: coded events: %w", err)
	}
	// Each event gets the id SQLite would give it (an INTEGER PRIMARY KEY
	// without AUTOINCREMENT: one more than the largest in use), known
	// before the insert so that recs can be given it. The writer mutex
	// keeps any other in-process insert out meanwhile, the transaction
	// any other process.
	var maxID int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM coded_events`).Scan(&maxID); err != nil {
		return fmt.Errorf("store: coded events: %w", err)
	}
	// The rows go in a few at a time, in multi-row inserts, in the order
	// (and so with the ids) that one insert per row would give them.
	const cols = 15
	evArgs := make([]any, 0, cols*len(fresh))
	for _, i := range fresh {
		r := &recs[i]
		var pg int64
		pn := ""
		if r.Place != nil {
			pg, pn = int64(r.Place.GeonamesID), r.Place.Name
		}
		maxID++
		r.ID = maxID
		body := encodeEvent(r, arts)
		evArgs = append(evArgs, r.ID, r.Story, r.Type, r.Cameo, r.Status, r.Source.Actor, r.Target.Actor,
			partyWords(r.Source, r.AllSources), partyWords(r.Target, r.AllTargets), pg, pn, r.Date, r.NumMentions, body, digests[i])
	}
	if err := eachRows(len(fresh), func(start, n int) error {
		_, err := ts.ExecContext(ctx, `INSERT INTO coded_events(id, story_id, type, cameo, status, source_actor, target_actor, source_name, target_name,
		place_geonames, place_name, date, mentions, body, digest) VALUES `+rowsOf(n, "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"), evArgs[cols*start:cols*(start+n)]...)
		return err
	}); err != nil {
		return fmt.Errorf("store: coded event: %w", err)
	}
	return nil
}

// maxRowsPerInsert caps the rows of one multi-row statement (SQLite
// limits the parameters of one statement; 64 rows of 15 are 960).
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
	var parsed []parsedEvent
	err := eachRow(ctx, s.db, `SELECT e.id, e.story_id, e.body FROM coded_events e `+w.sql()+` ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?`,
		append(append([]any{}, w.args...), limit, max(f.Offset, 0)), func(r *sql.Rows) error {
			var id, story int64
			var stored []byte
			if err := r.Scan(&id, &story, &stored); err != nil {
				return err
			}
			p, err := parseEvent(id, story, stored)
			parsed = append(parsed, p)
			return err
		})
	if err != nil {
		return nil, 0, fmt.Errorf("store: coded events: %w", err)
	}
	var ids []int64
	seen := map[int64]bool{}
	for i := range parsed {
		parsed[i].articles(func(id int64) {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		})
	}
	arts, err := eventArticles(ctx, s.db, ids)
	if err != nil {
		return nil, 0, fmt.Errorf("store: coded events: %w", err)
	}
	var out []event.Record
	for i := range parsed {
		out = append(out, parsed[i].record(arts))
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

// articleActorsCols are the columns of an article's actor reference
// lists with their actors, for ArticleActors and ArticlesActors. Places
// the actor stage keeps as actors without a code (cities) are left to the
// place stage: they act as targets and places, not as sources.
const articleActorsCols = `SELECT r.article_id, r.actor_id, r.packed, COALESCE(a.name, ''), COALESCE(a.code, ''), COALESCE(a.country, '')
		FROM actor_ref_lists r LEFT JOIN actors a ON a.id = r.actor_id `

const articleActorsCond = ` AND NOT (COALESCE(a.type, '') = 'location' AND COALESCE(a.code, '') = '' AND COALESCE(a.country, '') = '')`

// articleActor is one reference of ArticleActors with its place among
// its article's.
type articleActor struct {
	m   event.ActorMention
	ord int64
}

// scanArticleActors scans one row of articleActorsCols and appends its
// references to those of its article in byArticle.
func scanArticleActors(r *sql.Rows, byArticle map[int64][]articleActor) error {
	var m event.ActorMention
	var article int64
	var packed []byte
	var country string
	if err := r.Scan(&article, &m.ID, &packed, &m.Name, &m.Code, &country); err != nil {
		return err
	}
	if m.Code == "" {
		m.Code = country
	}
	refs, err := unpackRefs(nil, packed)
	if err != nil {
		return err
	}
	for _, x := range refs {
		m.Start, m.End = int(x.start), int(x.end)
		byArticle[article] = append(byArticle[article], articleActor{m, x.ord})
	}
	return nil
}

// sortedArticleActors returns an article's references by start, ties by
// actor and then in their order: the order of the index (article_id,
// start, actor_id) the rows were read through when references were rows.
func sortedArticleActors(xs []articleActor) []event.ActorMention {
	slices.SortFunc(xs, func(a, b articleActor) int {
		return cmp.Or(cmp.Compare(a.m.Start, b.m.Start), cmp.Compare(a.m.ID, b.m.ID), cmp.Compare(a.ord, b.ord))
	})
	out := make([]event.ActorMention, len(xs))
	for i, x := range xs {
		out[i] = x.m
	}
	return out
}

// ArticleActors implements store.CodedEvents.
func (s *DB) ArticleActors(ctx context.Context, article int64) ([]event.ActorMention, error) {
	by := map[int64][]articleActor{}
	err := eachRow(ctx, s.db, articleActorsCols+`WHERE r.article_id = ?`+articleActorsCond, []any{article}, func(r *sql.Rows) error {
		return scanArticleActors(r, by)
	})
	if err != nil || len(by[article]) == 0 {
		return nil, err
	}
	return sortedArticleActors(by[article]), nil
}

var _ store.ArticlesActors = (*DB)(nil)

// ArticlesActors implements store.ArticlesActors: the rows of
// ArticleActors for up to 500 articles a statement, each article's in the
// order ArticleActors gives them.
func (s *DB) ArticlesActors(ctx context.Context, articles []int64) (map[int64][]event.ActorMention, error) {
	by := map[int64][]articleActor{}
	err := eachChunk(articles, func(args []any) error {
		return eachRow(ctx, s.db, articleActorsCols+`WHERE r.article_id IN (`+placeholders(len(args))+`)`+articleActorsCond, args,
			func(r *sql.Rows) error { return scanArticleActors(r, by) })
	})
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]event.ActorMention, len(by))
	for id, xs := range by {
		out[id] = sortedArticleActors(xs)
	}
	return out, nil
}
