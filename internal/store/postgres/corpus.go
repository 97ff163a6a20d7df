package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

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
	err := s.pool.QueryRow(ctx, `SELECT value FROM state WHERE name = $1`, name).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if b == nil && err == nil {
		b = []byte{}
	}
	return b, err
}

// StateLog implements store.Corpus.
func (s *DB) StateLog(ctx context.Context, name string) ([][]byte, error) {
	rs, err := s.pool.Query(ctx, `SELECT value FROM state_log WHERE name = $1 ORDER BY id`, name)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out [][]byte
	for rs.Next() {
		var b []byte
		if err := rs.Scan(&b); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rs.Err()
}

// PutDerived writes what the corpus stages computed for a run of
// articles, with their new state, in one transaction: the writes go as
// one pgx.Batch, the references by COPY. Runs from all processes take
// turns (an advisory lock); a run computed from a position another
// process has moved is refused with store.ErrConflict.
func (s *DB) PutDerived(ctx context.Context, d *store.Derived) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return s.fault(err, "")
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, xactLockSQL, lockDerived); err != nil {
		return s.fault(err, "derived results")
	}
	if d.LastArticle != 0 {
		at := []byte("0")
		err := tx.QueryRow(ctx, `SELECT value FROM state WHERE name = 'derived.last_article'`).Scan(&at)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return s.fault(err, "derived results")
		}
		if string(at) != fmt.Sprint(d.After) {
			return fmt.Errorf("store: corpus stages at article %s, not %d: %w", at, d.After, store.ErrConflict)
		}
	}
	b := &pgx.Batch{}
	exec := func(q string, args ...any) { b.Queue(rebind(q), args...) }
	queueActors(b, d.Actors)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return s.fault(err, "derived results")
	}
	if len(d.Refs) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"actor_ref_lists"}, []string{"article_id", "actor_id", "ords", "sentences", "starts", "stops", "kinds"},
			pgx.CopyFromRows(refLists(d.Refs))); err != nil {
			return s.fault(err, "derived results")
		}
	}
	b = &pgx.Batch{}
	queueFaults(b, d.Faults)
	queueSpeakers(b, d.Speakers)
	// Merges last: references written above may name a folded actor.
	for from, to := range d.ActorMerges {
		exec(`UPDATE actor_ref_lists SET actor_id = ? WHERE actor_id = ?`, to, from)
		exec(`UPDATE quotes SET speaker_actor = ? WHERE speaker_actor = ?`, to, from)
		exec(`DELETE FROM actors WHERE id = ?`, from)
	}
	queueAssignments(b, d.Assignments)
	for from, to := range d.EventMerges {
		exec(`UPDATE article_story SET event_id = ? WHERE event_id = ?`, to, from)
		exec(`DELETE FROM events WHERE id = ?`, from)
		exec(`DELETE FROM story_pages WHERE event_id = ?`, from)
		// and its coded events (ReplaceStoryEvents replaces the survivor's)
		exec(`DELETE FROM coded_events WHERE story_id = ?`, from)
	}
	for ev, line := range d.StorylineMoves {
		// rows already there are not rewritten (a new row version each)
		exec(`UPDATE article_story SET storyline_id = ? WHERE event_id = ? AND storyline_id <> ?`, line, ev, line)
		exec(`UPDATE events SET storyline_id = ? WHERE id = ? AND storyline_id <> ?`, line, ev, line)
	}
	queueEvents(b, d.Events)
	// In name order, so two runs that store the same state write the same
	// rows in the same order (map order would differ from run to run).
	for _, name := range slices.Sorted(maps.Keys(d.State)) {
		v := d.State[name]
		exec(`INSERT INTO state(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`, name, nonNilBytes(v))
		exec(`DELETE FROM state_log WHERE name = ?`, name)
	}
	for _, name := range slices.Sorted(maps.Keys(d.StateLog)) {
		v := d.StateLog[name]
		exec(`INSERT INTO state_log(name, value) VALUES (?, ?)`, name, nonNilBytes(v))
	}
	if d.LastArticle != 0 {
		exec(`INSERT INTO state(name, value) VALUES ('derived.last_article', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`,
			[]byte(fmt.Sprint(d.LastArticle)))
	}
	// listeners (sitrep serve) look at the marks again once this commits
	queueWake(b)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return s.fault(err, "derived results")
	}
	if err := tx.Commit(ctx); err != nil {
		return s.fault(err, "commit")
	}
	s.noteWrite()
	return nil
}

func nonNilBytes(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// ArticleIDsAfter implements store.Corpus.
func (s *DB) ArticleIDsAfter(ctx context.Context, id int64) ([]int64, error) {
	var ids []int64
	err := eachRow(ctx, s.pool, `SELECT id FROM articles WHERE id > ? ORDER BY id`, []any{id}, func(r pgx.Rows) error {
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

// refLists groups references by article and actor (migration 10: a row
// of arrays for each), in the order each pair first appears, each
// reference with its place among its article's (ord: the order written).
func refLists(refs []store.ActorRef) [][]any {
	type key struct{ article, actor int64 }
	type list struct {
		ords, sen, start, end []int32
		kinds                 []string
	}
	lists := map[key]*list{}
	var order []key
	seen := map[int64]int32{} // references of each article so far
	for _, r := range refs {
		k := key{r.Article, r.Actor}
		l := lists[k]
		if l == nil {
			l = &list{}
			lists[k] = l
			order = append(order, k)
		}
		l.ords, l.kinds = append(l.ords, seen[r.Article]), append(l.kinds, pgText(r.Kind))
		l.sen, l.start, l.end = append(l.sen, int32(r.Sentence)), append(l.start, int32(r.Start)), append(l.end, int32(r.End))
		seen[r.Article]++
	}
	rows := make([][]any, len(order))
	for i, k := range order {
		l := lists[k]
		rows[i] = []any{k.article, k.actor, l.ords, l.sen, l.start, l.end, l.kinds}
	}
	return rows
}

const actorCols = `ac.id, ac.name, ac.type, ac.code, ac.country, ac.aliases, ac.roles, ac.mentions,
	ARRAY(SELECT DISTINCT a.outlet FROM actor_ref_lists l JOIN articles a ON a.id = l.article_id WHERE l.actor_id = ac.id AND a.outlet <> ''),
	ARRAY(SELECT DISTINCT l.article_id FROM actor_ref_lists l WHERE l.actor_id = ac.id),
	ARRAY(SELECT byte_substr(a.text, r.start, r.stop) FROM actor_refs r JOIN articles a ON a.id = r.article_id
		WHERE r.actor_id = ac.id AND r.kind IN ('role', 'acronym') ORDER BY r.article_id, r.ord)`

func scanActor(r interface{ Scan(...any) error }) (view.Actor, error) {
	var a view.Actor
	var aliases, roles string
	var outlets, refs []string
	var arts []int64
	err := r.Scan(&a.ID, &a.Name, &a.Type, &a.Code, &a.Country, &aliases, &roles, &a.Mentions, &outlets, &arts, &refs)
	json.Unmarshal([]byte(aliases), &a.Aliases)
	a.Aliases = rows.WithRefAliases(a.Name, a.Aliases, refs)
	json.Unmarshal([]byte(roles), &a.Roles)
	a.Outlets = nonNil(rows.DistinctOutlets(outlets))
	a.Articles = nonNil(sorted(arts))
	a.Aliases, a.Roles = nonNil(a.Aliases), nonNil(a.Roles)
	return a, err
}

// ActorList lists actors, most mentioned first.
func (s *DB) ActorList(ctx context.Context, q view.Query) (view.Page[view.Actor], error) {
	limit, offset := pageOf(q)
	p := view.Page[view.Actor]{Items: []view.Actor{}, Limit: limit, Offset: offset}
	var w where
	if q.Text != "" {
		like := "%" + q.Text + "%"
		w.add(`(ac.name ILIKE ? OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(ac.aliases::jsonb) x WHERE x ILIKE ?))`, like, like)
	}
	if q.Story != 0 || q.Article != 0 || q.Outlet != "" || q.Place != "" || !q.From.IsZero() || !q.To.IsZero() {
		var aw where
		if err := s.articleFilter(ctx, &aw, q); err != nil {
			return p, err
		}
		w.add(`ac.id IN (SELECT r.actor_id FROM actor_refs r JOIN articles a ON a.id = r.article_id`+aw.sql()+`)`, aw.args...)
	}
	if q.MinCount > 0 {
		w.add(`ac.mentions >= ?`, q.MinCount)
	}
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM actors ac`+w.sql(), w.args...).Scan(&p.Total); err != nil {
		return p, err
	}
	err := eachRow(ctx, s.pool, `SELECT `+actorCols+` FROM actors ac`+w.sql()+` ORDER BY ac.mentions DESC, ac.name COLLATE "C" LIMIT ? OFFSET ?`,
		append(w.args, limit, offset), func(r pgx.Rows) error {
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
	a, err := scanActor(s.queryRow(ctx, `SELECT `+actorCols+` FROM actors ac WHERE ac.id = ?`, ids[0]))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	return &a, err
}

// citations reads the sentences of (article, sentence) pairs selected by
// pairs (a query of article_id, sentence), newest article first.
func (s *DB) citations(ctx context.Context, pairs string, args []any, limit int) ([]view.Citation, []string, error) {
	var cs []view.Citation
	var texts []string
	err := eachRow(ctx, s.pool, `SELECT x.article_id, a.outlet, x.sentence, se.start, se.stop, byte_substr(a.text, se.start, se.stop)
		FROM (`+pairs+`) x JOIN articles a ON a.id = x.article_id JOIN LATERAL (`+sentenceOf("x")+`) se ON se.start IS NOT NULL
		ORDER BY a.published IS NULL, a.published DESC, x.article_id DESC, x.sentence LIMIT ?`,
		append(args, limit), func(r pgx.Rows) error {
			var c view.Citation
			var t string
			err := r.Scan(&c.Article, &c.Outlet, &c.Sentence, &c.Start, &c.End, &t)
			cs = append(cs, c)
			texts = append(texts, strings.TrimSpace(t))
			return err
		})
	return cs, texts, err
}

// ActorCitations returns the sentences mentioning an actor, newest first.
func (s *DB) ActorCitations(ctx context.Context, actor int64, limit int) ([]view.Citation, []string, error) {
	return s.citations(ctx, `SELECT DISTINCT article_id, sentence FROM actor_refs WHERE actor_id = ?`, []any{actor}, limit)
}

// PlaceCitations returns the sentences mentioning a place (view.Place.ID),
// newest first.
func (s *DB) PlaceCitations(ctx context.Context, place int64, limit int) ([]view.Citation, []string, error) {
	cond, args, err := s.placeCond(ctx, strconv.FormatInt(place, 10))
	if err != nil {
		return nil, nil, err
	}
	return s.citations(ctx, `SELECT DISTINCT p.article_id, p.sentence FROM places p WHERE `+cond+` AND NOT p.focus`, args, limit)
}

// storyCols: the last column (no member's date stated) is an aggregate
// per story, not NOT EXISTS, which the planner ran as one hashed scan of
// every story's members whatever the page.
const storyCols = `e.id, e.headline, e.storyline_id, e.first_seen, e.last_seen, e.outlets, e.top_actors, e.top_places, e.composed,
	ARRAY(SELECT article_id FROM article_story WHERE event_id = e.id ORDER BY article_id),
	COALESCE((SELECT bool_and(a.published IS NULL OR a.published_estimated) FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.event_id = e.id), true)`

func scanStory(r interface{ Scan(...any) error }) (view.StorySummary, error) {
	var x view.StorySummary
	var first, last, outlets, actors, places string
	var arts []int64
	var composed, noStated bool
	err := r.Scan(&x.ID, &x.Headline, &x.Storyline, &first, &last, &outlets, &actors, &places, &composed, &arts, &noStated)
	if composed {
		x.Actors, x.Places = nonNil(jsonStrings(actors)), nonNil(jsonStrings(places))
	}
	x.FirstSeen, x.LastSeen = seen(first), seen(last)
	x.SeenEstimated = x.FirstSeen != nil && noStated
	x.Outlets = nonNil(rows.DistinctOutlets(jsonStrings(outlets)))
	x.Articles = nonNil(sorted(arts))
	return x, err
}

func jsonStrings(s string) []string {
	var out []string
	_ = json.Unmarshal([]byte(s), &out)
	return out
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
		w.add("e.headline ILIKE ?", "%"+q.Text+"%")
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
	order := ` ORDER BY e.last_seen COLLATE "C" DESC, e.articles DESC, e.id DESC`
	if q.Sort == "biggest" {
		order = ` ORDER BY e.articles DESC, e.last_seen COLLATE "C" DESC, e.id DESC`
	}
	// The count and the page go in one batch: one round trip to the
	// server, not two (on a busy machine each round trip waits for the
	// server's process to be scheduled, which cost more than either
	// statement).
	b := &pgx.Batch{}
	if len(w.conds) == 0 {
		// every story: the kept count (migration 7), not a visit of
		// every event
		b.Queue(`SELECT n FROM counters WHERE name = 'stories'`)
	} else {
		b.Queue(rebind(`SELECT COUNT(*) FROM events e`+w.sql()), w.args...)
	}
	b.Queue(rebind(`SELECT `+storyCols+` FROM (SELECT * FROM events e`+w.sql()+order+` LIMIT ? OFFSET ?) e`+order), append(w.args, limit, offset)...)
	br := s.pool.SendBatch(ctx, b)
	defer br.Close()
	if err := br.QueryRow().Scan(&p.Total); err != nil {
		return p, err
	}
	r, err := br.Query()
	if err != nil {
		return p, err
	}
	defer r.Close()
	for r.Next() {
		x, err := scanStory(r)
		if err != nil {
			return p, err
		}
		p.Items = append(p.Items, x)
	}
	if err := r.Err(); err != nil {
		return p, err
	}
	return p, br.Close()
}

// StoryByID returns one story's listing form.
func (s *DB) StoryByID(ctx context.Context, id int64) (*view.StorySummary, error) {
	x, err := scanStory(s.queryRow(ctx, `SELECT `+storyCols+` FROM events e WHERE e.id = ?`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	return &x, err
}

// PutStoryPages stores composed story pages, in one transaction (one
// round trip), and tells the listeners on its schema's channel which
// stories changed. Three statements over arrays, not two a page: a batch
// of 200 stories was 400 statements the server parsed and ran one by one.
func (s *DB) PutStoryPages(ctx context.Context, pages []store.StoryPage) error {
	if len(pages) == 0 {
		return nil
	}
	// a story given twice keeps its last page, as when written in turn
	last := make(map[int64]int, len(pages))
	for i, p := range pages {
		last[p.ID] = i
	}
	var ids, gone, kept []int64
	var tas, tps []string
	var bodies [][]byte
	for i, p := range pages {
		if last[p.ID] != i {
			continue
		}
		ta, _ := json.Marshal(nonNil(p.TopActors))
		tp, _ := json.Marshal(nonNil(p.TopPlaces))
		ids, tas, tps = append(ids, p.ID), append(tas, pgText(string(ta))), append(tps, pgText(string(tp)))
		if p.Page == nil {
			// composed when read: no page stored (nor a stale one kept)
			gone = append(gone, p.ID)
		} else {
			kept, bodies = append(kept, p.ID), append(bodies, p.Page)
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return s.fault(err, "")
	}
	defer tx.Rollback(context.Background())
	b := &pgx.Batch{}
	b.Queue(`UPDATE events e SET composed = true, top_actors = u.ta, top_places = u.tp
		FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, ta, tp) WHERE e.id = u.id`, ids, tas, tps)
	if len(gone) > 0 {
		b.Queue(`DELETE FROM story_pages WHERE event_id = ANY($1)`, gone)
	}
	if len(kept) > 0 {
		b.Queue(`INSERT INTO story_pages(event_id, page) SELECT * FROM unnest($1::bigint[], $2::bytea[])
			ON CONFLICT(event_id) DO UPDATE SET page = excluded.page`, kept, bodies)
	}
	queueNotify(b, ids)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return s.fault(err, "story pages")
	}
	if err := tx.Commit(ctx); err != nil {
		return s.fault(err, "commit")
	}
	return nil
}

// StoryPage returns the composed page of a story, nil when none is stored.
func (s *DB) StoryPage(ctx context.Context, id int64) ([]byte, error) {
	var b []byte
	err := s.pool.QueryRow(ctx, `SELECT p.page FROM events e LEFT JOIN story_pages p ON p.event_id = e.id WHERE e.id = $1`, id).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	return b, err
}
