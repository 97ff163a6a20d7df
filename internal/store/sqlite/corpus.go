package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/rows"
	"github.com/sitrep/sitrep/internal/view"
)

// The corpus-level results: actors, stories and storylines, and the state
// of the online stages that compute them.

// LastDerived returns the id of the last article the corpus stages took
// in (0 when none).
func (s *DB) LastDerived(ctx context.Context) (int64, error) {
	b, err := s.State(ctx, "derived.last_article")
	if err != nil || b == nil {
		return 0, err
	}
	var id int64
	_, err = fmt.Sscan(string(b), &id)
	return id, err
}

// State returns a named state blob, nil when absent.
func (s *DB) State(ctx context.Context, name string) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT value FROM state WHERE name = ?`, name).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return unpackState(b)
}

// putSpeakers sets the speaker actor of quotes, a few dozen quotes a
// statement. A quote named twice keeps the last actor given, as one
// update per speaker in order would leave it (an UPDATE … FROM takes one
// of several matching rows, whichever).
func putSpeakers(ctx context.Context, ts *txStmts, speakers []store.SpeakerRef) error {
	type key struct {
		article int64
		start   int
	}
	last := make(map[key]int, len(speakers))
	for i, q := range speakers {
		last[key{q.Article, q.Start}] = i
	}
	args := make([]any, 0, 3*len(last))
	for i, q := range speakers {
		if last[key{q.Article, q.Start}] == i {
			args = append(args, q.Actor, q.Article, q.Start)
		}
	}
	return eachRows(len(args)/3, func(start, n int) error {
		_, err := ts.ExecContext(ctx, `UPDATE quotes SET speaker_actor = v.column1 FROM (VALUES `+rowsOf(n, "(?,?,?)")+`) v
			WHERE quotes.article_id = v.column2 AND quotes.start = v.column3`, args[3*start:3*(start+n)]...)
		return err
	})
}

// StateLog implements store.Corpus.
func (s *DB) StateLog(ctx context.Context, name string) ([][]byte, error) {
	var out [][]byte
	err := eachRow(ctx, s.db, `SELECT value FROM state_log WHERE name = ? ORDER BY id`, []any{name}, func(r *sql.Rows) error {
		var b []byte
		if err := r.Scan(&b); err != nil {
			return err
		}
		b, err := unpackState(b)
		out = append(out, b)
		return err
	})
	return out, err
}

// PutDerived writes what the corpus stages computed for a run of
// articles, with their new state, in one transaction.
func (s *DB) PutDerived(ctx context.Context, d *store.Derived) error {
	// the state is compressed before the write lock is taken: a tenth of
	// this transaction's time (the clusterer's and the registry's blobs,
	// megabytes each batch), which the article writer need not wait for
	states, logs := packStates(d.State), packStates(d.StateLog)
	s.wmu.lock(true)
	defer s.wmu.unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fault(err, "")
	}
	defer tx.Rollback()
	ts := s.db.inTx(tx)
	exec := func(q string, args ...any) {
		if err == nil {
			_, err = ts.ExecContext(ctx, q, args...)
		}
	}
	// the run continues the stages from d.After: if another process (a
	// second ingest) moved them on meanwhile, storing it would take the
	// same articles in twice
	at := []byte(fmt.Sprint(d.After))
	if d.LastArticle != 0 {
		err = tx.QueryRowContext(ctx, `SELECT value FROM state WHERE name = 'derived.last_article'`).Scan(&at)
		if errors.Is(err, sql.ErrNoRows) {
			at, err = []byte("0"), nil
		} else if err == nil {
			at, err = unpackState(at)
		}
	}
	if err != nil {
		return s.fault(err, "derived results")
	}
	if string(at) != fmt.Sprint(d.After) {
		return fmt.Errorf("store: corpus stages at article %s, not %d: %w", at, d.After, store.ErrConflict)
	}
	for _, a := range d.Actors {
		aliases, _ := json.Marshal(nonNil(a.Aliases))
		roles, _ := json.Marshal(nonNil(a.Roles))
		exec(`INSERT INTO actors(id, name, type, code, country, aliases, roles, mentions) VALUES (?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, code = excluded.code, country = excluded.country,
			aliases = excluded.aliases, roles = excluded.roles, mentions = excluded.mentions`,
			a.ID, a.Name, a.Type, a.Code, a.Country, string(aliases), string(roles), a.Mentions)
	}
	// References go in as one packed list an (article, actor)
	// (refbin.go), in multi-row inserts. An upsert: a list already there
	// (an article's references written twice) takes the new ones in.
	if err == nil {
		lists := refLists(d.Refs)
		err = eachRows(len(lists), func(start, n int) error {
			args := make([]any, 0, 3*n)
			for _, l := range lists[start : start+n] {
				args = append(args, l.article, l.actor, packRefs(l.refs))
			}
			_, err := ts.ExecContext(ctx, `INSERT INTO actor_ref_lists(article_id, actor_id, packed) VALUES `+rowsOf(n, "(?,?,?)")+
				` ON CONFLICT(article_id, actor_id) DO UPDATE SET packed = sitrep_merge_refs(packed, excluded.packed)`, args...)
			return err
		})
	}
	if err == nil {
		err = putFaults(ctx, tx, d.Faults)
	}
	if err == nil {
		err = putSpeakers(ctx, ts, d.Speakers)
	}
	// Merges last: references written above may name a folded actor.
	for from, to := range d.ActorMerges {
		// the folded actor's lists join the ones its survivor has in the
		// same articles, in their references' order
		if from == to {
			exec(`DELETE FROM actors WHERE id = ?`, from)
			continue
		}
		exec(`INSERT INTO actor_ref_lists(article_id, actor_id, packed) SELECT article_id, ?, packed FROM actor_ref_lists WHERE actor_id = ?
			ON CONFLICT(article_id, actor_id) DO UPDATE SET packed = sitrep_merge_refs(packed, excluded.packed)`, to, from)
		exec(`DELETE FROM actor_ref_lists WHERE actor_id = ?`, from)
		exec(`UPDATE quotes SET speaker_actor = ? WHERE speaker_actor = ?`, to, from)
		exec(`DELETE FROM actors WHERE id = ?`, from)
	}
	for _, a := range d.Assignments {
		exec(`INSERT INTO article_story(article_id, event_id, storyline_id, duplicate_of, similarity) VALUES (?,?,?,?,?)
			ON CONFLICT(article_id) DO UPDATE SET event_id = excluded.event_id, storyline_id = excluded.storyline_id,
			duplicate_of = excluded.duplicate_of, similarity = excluded.similarity`, a.Article, a.Event, a.Storyline, a.DuplicateOf, a.Similarity)
	}
	for from, to := range d.EventMerges {
		exec(`UPDATE article_story SET event_id = ? WHERE event_id = ?`, to, from)
		exec(`DELETE FROM events WHERE id = ?`, from)
		exec(`DELETE FROM coded_events WHERE story_id = ?`, from)
		exec(`DELETE FROM story_pages WHERE event_id = ?`, from)
	}
	for ev, line := range d.StorylineMoves {
		exec(`UPDATE article_story SET storyline_id = ? WHERE event_id = ?`, line, ev)
		exec(`UPDATE events SET storyline_id = ? WHERE id = ?`, line, ev)
	}
	for _, e := range d.Events {
		exec(`INSERT INTO events(id, storyline_id, headline, first_seen, last_seen) VALUES (?,?,?,'','')
			ON CONFLICT(id) DO UPDATE SET storyline_id = excluded.storyline_id, headline = excluded.headline`, e.ID, e.Storyline, e.Headline)
		exec(`UPDATE article_story SET storyline_id = ? WHERE event_id = ?`, e.Storyline, e.ID)
		// Counts, outlets and dates come from the members, so they stay
		// true whatever merges happened; an event with no dated member
		// stays undated ('': listed after every dated one), never dated by
		// its ingestion.
		exec(`UPDATE events SET
			articles   = (SELECT COUNT(*) FROM article_story WHERE event_id = events.id),
			outlets    = (SELECT json_group_array(DISTINCT a.outlet) FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.event_id = events.id AND a.outlet != ''),
			first_seen = COALESCE((SELECT MIN(a.published) FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.event_id = events.id), ''),
			last_seen  = COALESCE((SELECT MAX(a.published) FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.event_id = events.id), ''),
			headline   = CASE WHEN headline != '' THEN headline ELSE COALESCE((SELECT a.title FROM article_story s JOIN articles a ON a.id = s.article_id
				WHERE s.event_id = events.id AND a.title != '' ORDER BY s.duplicate_of != 0, a.published IS NULL, a.published, a.id LIMIT 1), '') END
			WHERE id = ?`, e.ID)
	}
	// In name order, so two runs that store the same state write the same
	// rows in the same order (map order would differ from run to run).
	for _, st := range states {
		exec(`INSERT INTO state(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`, st.name, st.value)
		exec(`DELETE FROM state_log WHERE name = ?`, st.name)
	}
	for _, st := range logs {
		exec(`INSERT INTO state_log(name, value) VALUES (?, ?)`, st.name, st.value)
	}
	if d.LastArticle != 0 {
		exec(`INSERT INTO state(name, value) VALUES ('derived.last_article', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`,
			packState([]byte(fmt.Sprint(d.LastArticle))))
	}
	if err != nil {
		return s.fault(err, "derived results")
	}
	if err := tx.Commit(); err != nil {
		return s.fault(err, "commit")
	}
	return nil
}

// namedState is a state value as stored, under its name.
type namedState struct {
	name  string
	value []byte
}

// packStates returns the values of m as stored, in name order.
func packStates(m map[string][]byte) []namedState {
	out := make([]namedState, 0, len(m))
	for _, name := range slices.Sorted(maps.Keys(m)) {
		out = append(out, namedState{name, packState(m[name])})
	}
	return out
}

// ArticleIDsAfter implements store.Corpus.
func (s *DB) ArticleIDsAfter(ctx context.Context, id int64) ([]int64, error) {
	var ids []int64
	err := eachRow(ctx, s.db, `SELECT id FROM articles WHERE id > ? ORDER BY id`, []any{id}, func(r *sql.Rows) error {
		var x int64
		err := r.Scan(&x)
		ids = append(ids, x)
		return err
	})
	return ids, err
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// actorCols are an actor's columns with what its references say: its
// outlets, its articles, and the texts of its role and acronym references
// (read from the article only for the lists that hold one), in article
// order and within an article in their order.
const actorCols = `ac.id, ac.name, ac.type, ac.code, ac.country, ac.aliases, ac.roles, ac.mentions,
	(SELECT json_group_array(DISTINCT a.outlet) FROM actor_ref_lists r JOIN articles a ON a.id = r.article_id WHERE r.actor_id = ac.id AND a.outlet != ''),
	(SELECT json_group_array(DISTINCT r.article_id) FROM actor_ref_lists r WHERE r.actor_id = ac.id),
	(SELECT json_group_array(DISTINCT t.value) FROM actor_ref_lists r JOIN articles a ON a.id = r.article_id, json_each(sitrep_ref_texts(r.packed, a.text)) t
		WHERE r.actor_id = ac.id AND sitrep_ref_aliases(r.packed))`

func scanActor(r interface{ Scan(...any) error }) (view.Actor, error) {
	var a view.Actor
	var aliases, roles, outlets, arts, refs string
	err := r.Scan(&a.ID, &a.Name, &a.Type, &a.Code, &a.Country, &aliases, &roles, &a.Mentions, &outlets, &arts, &refs)
	json.Unmarshal([]byte(aliases), &a.Aliases)
	// The role nouns and acronyms the texts use for the actor ("the
	// Pentagon chief", "KRG") are how readers know it too.
	seen := map[string]bool{strings.ToLower(a.Name): true}
	for _, x := range a.Aliases {
		seen[strings.ToLower(x)] = true
	}
	for _, x := range jsonStrings(refs) {
		x = strings.Join(strings.Fields(x), " ")
		if k := strings.ToLower(x); x != "" && !seen[k] {
			seen[k] = true
			a.Aliases = append(a.Aliases, x)
		}
	}
	json.Unmarshal([]byte(roles), &a.Roles)
	a.Outlets = nonNil(rows.DistinctOutlets(jsonStrings(outlets)))
	a.Articles = nonNil(jsonInts(arts))
	a.Aliases, a.Roles = nonNil(a.Aliases), nonNil(a.Roles)
	return a, err
}

// ActorList lists actors, most mentioned first.
func (s *DB) ActorList(ctx context.Context, q view.Query) (view.Page[view.Actor], error) {
	limit, offset := pageOf(q)
	p := view.Page[view.Actor]{Items: []view.Actor{}, Limit: limit, Offset: offset}
	var w where
	if q.Text != "" {
		w.add(`(ac.name LIKE ?1 OR EXISTS (SELECT 1 FROM json_each(ac.aliases) WHERE json_each.value LIKE ?1))`, "%"+q.Text+"%")
	}
	if q.Story != 0 || q.Article != 0 || q.Outlet != "" || q.Place != "" || !q.From.IsZero() || !q.To.IsZero() {
		var aw where
		if err := s.articleFilter(ctx, &aw, q); err != nil {
			return p, err
		}
		w.add(`ac.id IN (SELECT r.actor_id FROM actor_ref_lists r JOIN articles a ON a.id = r.article_id`+aw.sql()+`)`, aw.args...)
	}
	if q.MinCount > 0 {
		w.add(`ac.mentions >= ?`, q.MinCount)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM actors ac`+w.sql(), w.args...).Scan(&p.Total); err != nil {
		return p, err
	}
	err := eachRow(ctx, s.db, `SELECT `+actorCols+` FROM actors ac`+w.sql()+` ORDER BY ac.mentions DESC, ac.name LIMIT ? OFFSET ?`,
		append(w.args, limit, offset), func(r *sql.Rows) error {
			a, err := scanActor(r)
			p.Items = append(p.Items, a)
			return err
		})
	return p, err
}

// FindActor finds an actor by id, name or alias (the most mentioned when
// several match).
func (s *DB) FindActor(ctx context.Context, key string) (*view.Actor, error) {
	ids, err := s.actorIDs(ctx, key)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, store.ErrNotFound
	}
	a, err := scanActor(s.db.QueryRowContext(ctx, `SELECT `+actorCols+` FROM actors ac WHERE ac.id = ?`, ids[0]))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	return &a, err
}

// ActorCitations returns the sentences mentioning an actor, newest first.
//
// The citations are ordered article by article, so the first limit of them
// come from the actor's newest limit articles: those are chosen first, from
// the reference lists alone, and only their sentences read. Sorting every
// sentence of a much-mentioned actor instead (7.3M references of one actor
// at a million articles) held each sentence's text in the sorter — gigabytes
// of memory with temp_store(MEMORY). Where the newest articles give fewer
// than limit citations (a small actor, or a reference to a sentence with no
// row), the whole query runs, so the result is the same either way.
func (s *DB) ActorCitations(ctx context.Context, actor int64, limit int) ([]view.Citation, []string, error) {
	cs, texts, err := s.actorCitations(ctx, actorCitationsNewest, actor, limit)
	if err != nil || len(cs) >= limit {
		return cs, texts, err
	}
	return s.actorCitations(ctx, actorCitationsAll, actor, limit)
}

// The two statements of ActorCitations: the second takes the lists of the
// actor's newest articles (LIMIT ?1 on the articles, then on the sentences).
// CROSS JOINs keep each list's sentences (rs) before the sentence rows,
// which are then read by key (article, index); joined freely, SQLite read
// all of an article's sentences and unpacked the list again for each.
const (
	actorCitationsCols = `SELECT r.article_id, a.outlet, rs.value, se.start, se.end, CAST(substr(CAST(a.text AS BLOB), se.start + 1, se.end - se.start) AS TEXT)`
	actorCitationsJoin = ` JOIN articles a ON a.id = r.article_id CROSS JOIN json_each(sitrep_ref_sentences(r.packed)) rs
		CROSS JOIN sentences se ON se.article_id = r.article_id AND se.idx = rs.value`
	actorCitationsOrder  = ` GROUP BY r.article_id, rs.value ORDER BY a.published IS NULL, a.published DESC, r.article_id DESC, rs.value LIMIT ?2`
	actorCitationsAll    = actorCitationsCols + ` FROM actor_ref_lists r` + actorCitationsJoin + ` WHERE r.actor_id = ?1` + actorCitationsOrder
	actorCitationsNewest = actorCitationsCols + ` FROM (SELECT r.article_id, r.packed FROM actor_ref_lists r JOIN articles a ON a.id = r.article_id
		WHERE r.actor_id = ?1 ORDER BY a.published IS NULL, a.published DESC, r.article_id DESC LIMIT ?2) r` + actorCitationsJoin + actorCitationsOrder
)

func (s *DB) actorCitations(ctx context.Context, q string, actor int64, limit int) ([]view.Citation, []string, error) {
	return s.readCitations(ctx, q, []any{actor, limit})
}

// readCitations reads the citations q selects (article, outlet, sentence,
// start, end, the sentence's text), with their texts trimmed.
func (s *DB) readCitations(ctx context.Context, q string, args []any) ([]view.Citation, []string, error) {
	var cs []view.Citation
	var texts []string
	err := eachRow(ctx, s.db, q, args, func(r *sql.Rows) error {
		var c view.Citation
		var t string
		err := r.Scan(&c.Article, &c.Outlet, &c.Sentence, &c.Start, &c.End, &t)
		cs = append(cs, c)
		texts = append(texts, trimSpace(t))
		return err
	})
	return cs, texts, err
}

// PlaceCitations returns the sentences mentioning a place (view.Place.ID),
// newest first: like ActorCitations, from the place's newest articles
// first, the whole statement only where those give fewer than limit.
func (s *DB) PlaceCitations(ctx context.Context, place int64, limit int) ([]view.Citation, []string, error) {
	cond, args, err := s.placeCond(ctx, strconv.FormatInt(place, 10))
	if err != nil {
		return nil, nil, err
	}
	newest := ` AND p.article_id IN (SELECT p.article_id FROM places p JOIN articles a ON a.id = p.article_id WHERE ` + cond +
		` AND p.focus = 0 GROUP BY p.article_id ORDER BY a.published IS NULL, a.published DESC, p.article_id DESC LIMIT ?)`
	cs, texts, err := s.placeCitations(ctx, cond+newest, append(append(slices.Clip(args), args...), limit, limit))
	if err != nil || len(cs) >= limit {
		return cs, texts, err
	}
	return s.placeCitations(ctx, cond, append(slices.Clip(args), limit))
}

func (s *DB) placeCitations(ctx context.Context, cond string, args []any) ([]view.Citation, []string, error) {
	return s.readCitations(ctx, `SELECT p.article_id, a.outlet, p.sentence, se.start, se.end, CAST(substr(CAST(a.text AS BLOB), se.start + 1, se.end - se.start) AS TEXT)
		FROM places p JOIN articles a ON a.id = p.article_id JOIN sentences se ON se.article_id = p.article_id AND se.idx = p.sentence
		WHERE `+cond+` AND p.focus = 0 GROUP BY p.article_id, p.sentence ORDER BY a.published IS NULL, a.published DESC, p.article_id DESC, p.sentence LIMIT ?`, args)
}

const storyCols = `e.id, e.headline, e.storyline_id, e.first_seen, e.last_seen, e.outlets, e.top_actors, e.top_places, e.composed,
	(SELECT json_group_array(article_id) FROM (SELECT article_id FROM article_story WHERE event_id = e.id ORDER BY article_id)),
	NOT EXISTS (SELECT 1 FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.event_id = e.id AND a.published IS NOT NULL AND a.published_estimated = 0)`

func scanStory(r interface{ Scan(...any) error }) (view.StorySummary, error) {
	var x view.StorySummary
	var first, last, outlets, actors, places, arts string
	var composed, noStated bool
	err := r.Scan(&x.ID, &x.Headline, &x.Storyline, &first, &last, &outlets, &actors, &places, &composed, &arts, &noStated)
	// Nil top actors and places mean "not composed yet" to the reader,
	// which then looks them up; a composed story has them, maybe empty.
	if composed {
		x.Actors, x.Places = nonNil(jsonStrings(actors)), nonNil(jsonStrings(places))
	}
	x.FirstSeen, x.LastSeen = seen(first), seen(last)
	// Dated only by estimates: no member states its publication date.
	x.SeenEstimated = x.FirstSeen != nil && noStated
	x.Outlets = nonNil(rows.DistinctOutlets(jsonStrings(outlets)))
	x.Articles = nonNil(jsonInts(arts))
	return x, err
}

// seen parses an event's first or last publication date; nil for an
// undated event (an empty string).
func seen(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil
	}
	return &t
}

// StoryList lists stories: newest (last seen) first, or biggest first
// with q.Sort == "biggest".
func (s *DB) StoryList(ctx context.Context, q view.Query) (view.Page[view.StorySummary], error) {
	limit, offset := pageOf(q)
	p := view.Page[view.StorySummary]{Items: []view.StorySummary{}, Limit: limit, Offset: offset}
	var w where
	if q.Text != "" {
		w.add("e.headline LIKE ?", "%"+q.Text+"%")
	}
	if q.MinCount > 0 {
		w.add("e.articles >= ?", q.MinCount)
	}
	if q.Story != 0 {
		w.add("e.storyline_id = (SELECT storyline_id FROM events WHERE id = ?)", q.Story)
	}
	if q.Outlet != "" || q.Actor != "" || q.Place != "" || !q.From.IsZero() || !q.To.IsZero() || q.Article != 0 {
		var aw where
		if err := s.articleFilter(ctx, &aw, view.Query{Outlet: q.Outlet, Actor: q.Actor, Place: q.Place, From: q.From, To: q.To, Article: q.Article}); err != nil {
			return p, err
		}
		w.add("e.id IN (SELECT st.event_id FROM article_story st JOIN articles a ON a.id = st.article_id"+aw.sql()+")", aw.args...)
	}
	// every story: the kept count (migration 16), not a walk of an index
	total, args := `SELECT n FROM counters WHERE name = 'stories'`, []any(nil)
	if len(w.conds) > 0 {
		total, args = `SELECT COUNT(*) FROM events e`+w.sql(), w.args
	}
	if err := s.db.QueryRowContext(ctx, total, args...).Scan(&p.Total); err != nil {
		return p, err
	}
	order := ` ORDER BY e.last_seen DESC, e.articles DESC, e.id DESC`
	if q.Sort == "biggest" {
		order = ` ORDER BY e.articles DESC, e.last_seen DESC, e.id DESC`
	}
	// The page is chosen first, so the per-story columns (member ids) are
	// computed for its rows only, not for every event before sorting.
	err := eachRow(ctx, s.db, `SELECT `+storyCols+` FROM (SELECT * FROM events e`+w.sql()+order+` LIMIT ? OFFSET ?) e`+order, append(w.args, limit, offset), func(r *sql.Rows) error {
		x, err := scanStory(r)
		p.Items = append(p.Items, x)
		return err
	})
	return p, err
}

// StoryByID returns one story's listing form.
func (s *DB) StoryByID(ctx context.Context, id int64) (*view.StorySummary, error) {
	x, err := scanStory(s.db.QueryRowContext(ctx, `SELECT `+storyCols+` FROM events e WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	return &x, err
}

// PutStoryPages stores composed story pages.
func (s *DB) PutStoryPages(ctx context.Context, pages []store.StoryPage) error {
	s.wmu.lock(true)
	defer s.wmu.unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fault(err, "")
	}
	defer tx.Rollback()
	ts := s.db.inTx(tx)
	for _, p := range pages {
		ta, _ := json.Marshal(nonNil(p.TopActors))
		tp, _ := json.Marshal(nonNil(p.TopPlaces))
		if _, err := ts.ExecContext(ctx, `UPDATE events SET composed = 1, top_actors = ?, top_places = ? WHERE id = ?`, string(ta), string(tp), p.ID); err != nil {
			return s.fault(err, fmt.Sprintf("story page %d", p.ID))
		}
		if p.Page == nil {
			// composed when read: no page stored (nor a stale one kept)
			if _, err := ts.ExecContext(ctx, `DELETE FROM story_pages WHERE event_id = ?`, p.ID); err != nil {
				return s.fault(err, fmt.Sprintf("story page %d", p.ID))
			}
			continue
		}
		if _, err := ts.ExecContext(ctx, `INSERT INTO story_pages(event_id, page) VALUES (?, ?) ON CONFLICT(event_id) DO UPDATE SET page = excluded.page`, p.ID, packPage(p.Page)); err != nil {
			return s.fault(err, fmt.Sprintf("story page %d", p.ID))
		}
	}
	if err := tx.Commit(); err != nil {
		return s.fault(err, "commit")
	}
	return nil
}

// StoryPage returns the composed page of a story, nil when none is stored.
func (s *DB) StoryPage(ctx context.Context, id int64) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT p.page FROM events e LEFT JOIN story_pages p ON p.event_id = e.id WHERE e.id = ?`, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil || b == nil {
		return b, err
	}
	return unpackJSON(b)
}

func nonNilBytes(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}
