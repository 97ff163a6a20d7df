package postgres

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// ReplaceStoryEvents implements store.CodedEvents, writing only what
// changed: a story's events are re-derived on every batch that touches
// it, and most come out as they were. Each event's digest (of its
// content, id aside) is stored with it; a new record whose story holds
// an event of the same digest takes that row and its id, the rows no
// record took are deleted, and only the rest are written — ids for them
// drawn first (one block), then the rows by COPY. The events of a story
// merged away went with it (PutDerived deletes them at the merge), so
// nothing here scans all the coded events, a cost that grew with the
// corpus on every batch.
func (s *DB) ReplaceStoryEvents(ctx context.Context, stories []int64, recs []event.Record) error {
	digests := make([]int64, len(recs))
	bodies := make([][]byte, len(recs)) // id zeroed: the digest's input
	for i := range recs {
		d, b, err := eventDigest(&recs[i])
		if err != nil {
			return err
		}
		digests[i], bodies[i] = d, b
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return s.fault(err, "")
	}
	defer tx.Rollback(context.Background())
	// the stored events of the stories, by story and digest (a digest
	// may repeat: a story may hold two equal events)
	type key struct{ story, digest int64 }
	stored := map[key][]int64{}
	rows, err := tx.Query(ctx, `SELECT id, story_id, COALESCE(digest, 0) FROM coded_events WHERE story_id = ANY($1) ORDER BY id`, nonNil(stories))
	if err != nil {
		return s.fault(err, "coded events")
	}
	for rows.Next() {
		var id int64
		var k key
		if err := rows.Scan(&id, &k.story, &k.digest); err != nil {
			rows.Close()
			return fmt.Errorf("store: coded events: %w", err)
		}
		stored[k] = append(stored[k], id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.fault(err, "coded events")
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
	if len(gone) > 0 {
		slices.Sort(gone)
		if _, err := tx.Exec(ctx, `DELETE FROM coded_events WHERE id = ANY($1)`, gone); err != nil {
			return fmt.Errorf("store: coded events: %w", err)
		}
	}
	if len(fresh) > 0 {
		if err := s.insertEvents(ctx, tx, recs, digests, bodies, fresh); err != nil {
			return err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return s.fault(err, "commit")
	}
	return nil
}

// insertEvents inserts recs[i] for each i of fresh, giving them their ids;
// bodies[i] is recs[i]'s JSON with the id zeroed (eventDigest).
func (s *DB) insertEvents(ctx context.Context, tx pgx.Tx, recs []event.Record, digests []int64, bodies [][]byte, fresh []int) error {
	// The ids as one block: the sequence moved past it in one step, by
	// the callers in turn (an advisory lock held to the commit), not a
	// nextval a row — 10 µs of the server's each, a fifth of the COPY's
	// cost. Nothing else draws from this sequence (the events go in with
	// their ids).
	if _, err := tx.Exec(ctx, xactLockSQL, lockEvents); err != nil {
		return s.fault(err, "coded events")
	}
	var last int64
	if err := tx.QueryRow(ctx, `SELECT setval(pg_get_serial_sequence('coded_events', 'id'), nextval(pg_get_serial_sequence('coded_events', 'id')) + $1 - 1)`,
		len(fresh)).Scan(&last); err != nil {
		return fmt.Errorf("store: coded events: %w", err)
	}
	evs := make([][]any, 0, len(fresh))
	for n, i := range fresh {
		r := &recs[i]
		r.ID = last - int64(len(fresh)-1-n)
		var pg int64
		pn := ""
		if r.Place != nil {
			pg, pn = int64(r.Place.GeonamesID), r.Place.Name
		}
		body, err := withEventID(bodies[i], r)
		if err != nil {
			return err
		}
		evs = append(evs, []any{r.ID, r.Story, pgText(r.Type), pgText(r.Cameo), pgText(string(r.Status)), r.Source.Actor, r.Target.Actor,
			pgText(partyWords(r.Source, r.AllSources)), pgText(partyWords(r.Target, r.AllTargets)), pg, pgText(pn), pgText(r.Date), r.NumMentions,
			pgText(string(body)), digests[i]})
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"coded_events"}, []string{"id", "story_id", "type", "cameo", "status", "source_actor", "target_actor",
		"source_name", "target_name", "place_geonames", "place_name", "date", "mentions", "body", "digest"}, pgx.CopyFromRows(evs)); err != nil {
		return fmt.Errorf("store: coded events: %w", err)
	}
	return nil
}

// eventDigest is the identity of a coded event's content: equal records
// have equal digests, whatever their ids (the JSON body, id zeroed;
// never 0, which marks a row stored without one).
// It returns that body too: the row's body is the same JSON with the id
// put in (withEventID), not a second encoding of the record.
func eventDigest(r *event.Record) (int64, []byte, error) {
	id := r.ID
	r.ID = 0
	b, err := json.Marshal(r)
	r.ID = id
	if err != nil {
		return 0, nil, err
	}
	h := sha256.Sum256(b)
	d := int64(binary.BigEndian.Uint64(h[:8]))
	if d == 0 {
		d = 1
	}
	return d, b, nil
}

// zeroIDPrefix is how a record's JSON with the id zeroed begins: the id
// is Record's first field.
var zeroIDPrefix = []byte(`{"id":0,`)

// withEventID returns json.Marshal(r) from zeroed, r's JSON with the id
// zeroed: the id written in its place, the rest as it was encoded
// (encoding/json writes a struct's fields in order, each on its own). A
// body that does not begin as expected is encoded again.
func withEventID(zeroed []byte, r *event.Record) ([]byte, error) {
	if !bytes.HasPrefix(zeroed, zeroIDPrefix) {
		return json.Marshal(r)
	}
	b := make([]byte, 0, len(zeroed)+20)
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, r.ID, 10)
	return append(b, zeroed[len(zeroIDPrefix)-1:]...), nil
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

// likeEscape escapes the wildcards of a LIKE pattern's literal part.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// CodedEventList implements store.CodedEvents.
func (s *DB) CodedEventList(ctx context.Context, f store.EventFilter) ([]event.Record, int, error) {
	w := &where{}
	if f.Story != 0 {
		w.add("e.story_id = ?", f.Story)
	}
	if f.Type != "" {
		w.add("lower(e.type) = lower(?)", f.Type)
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
		like := "%|" + likeEscape(f.Actor) + "%"
		w.add("(e.source_actor = ANY(?) OR e.target_actor = ANY(?) OR e.source_name ILIKE ? OR e.target_name ILIKE ?)", ids, ids, like, like)
	}
	if f.Place != "" {
		if id, err := strconv.ParseInt(f.Place, 10, 64); err == nil {
			w.add("e.place_geonames = ?", id)
		} else {
			w.add("(lower(e.place_name) = lower(?) OR e.target_name ILIKE ?)", f.Place, "%|"+likeEscape(f.Place)+"%")
		}
	}
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM coded_events e `+w.sql(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: coded events: %w", err)
	}
	var limit any
	if f.Limit > 0 {
		limit = f.Limit
	}
	var out []event.Record
	err := eachRow(ctx, s.pool, `SELECT e.body FROM coded_events e `+w.sql()+` ORDER BY e.date COLLATE "C" DESC, e.id DESC LIMIT ? OFFSET ?`,
		append(append([]any{}, w.args...), limit, max(f.Offset, 0)), func(r pgx.Rows) error {
			var body string
			if err := r.Scan(&body); err != nil {
				return err
			}
			var rec event.Record
			if err := json.Unmarshal([]byte(body), &rec); err != nil {
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
	err := eachRow(ctx, s.pool, `SELECT article_id FROM article_story WHERE event_id = ? ORDER BY article_id`, []any{story}, func(r pgx.Rows) error {
		var id int64
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

// ArticleActors implements store.CodedEvents. Places the actor stage
// keeps as actors without a code (cities) are left to the place stage.
func (s *DB) ArticleActors(ctx context.Context, article int64) ([]event.ActorMention, error) {
	var out []event.ActorMention
	err := s.articleActors(ctx, `l.article_id = ?`, article, func(_ int64, ms []event.ActorMention) {
		out = ms
	})
	return out, err
}

// articleActors reads the actor references of the articles cond selects
// with their actors and hands each article's over in text order (start,
// then the order written). It reads the stored lists, a row per
// (article, actor), and unnests them here: the actor_refs view's row a
// reference, sorted by the server, cost it several times more (the corpus
// stage reads a batch's ≈ 12,000 references at once). LATERAL … LIMIT 1,
// as in ActorNames: one primary-key lookup per list; a plain join hashed
// the whole actors table on every call.
func (s *DB) articleActors(ctx context.Context, cond string, arg any, each func(article int64, ms []event.ActorMention)) error {
	type ref struct {
		m   event.ActorMention
		ord int32
	}
	byArticle := map[int64][]ref{}
	var order []int64
	err := eachRow(ctx, s.pool, `SELECT l.article_id, l.actor_id, l.ords, l.starts, l.stops, COALESCE(a.name, ''), COALESCE(a.code, ''), COALESCE(a.country, '')
		FROM actor_ref_lists l LEFT JOIN LATERAL (SELECT name, type, code, country FROM actors WHERE id = l.actor_id LIMIT 1) a ON true WHERE `+cond+`
		AND NOT (COALESCE(a.type, '') = 'location' AND COALESCE(a.code, '') = '' AND COALESCE(a.country, '') = '')`, []any{arg}, func(r pgx.Rows) error {
		var article, actor int64
		var ords, starts, stops []int32
		var name, code, country string
		if err := r.Scan(&article, &actor, &ords, &starts, &stops, &name, &code, &country); err != nil {
			return err
		}
		if len(starts) != len(ords) || len(stops) != len(ords) {
			return fmt.Errorf("actor references of article %d, actor %d: lists of %d, %d and %d", article, actor, len(ords), len(starts), len(stops))
		}
		if code == "" {
			code = country
		}
		refs, seen := byArticle[article]
		if !seen {
			order = append(order, article)
		}
		for i, ord := range ords {
			refs = append(refs, ref{event.ActorMention{Span: event.Span{Start: int(starts[i]), End: int(stops[i])}, ID: actor, Name: name, Code: code}, ord})
		}
		byArticle[article] = refs
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range order {
		refs := byArticle[id]
		slices.SortFunc(refs, func(a, b ref) int {
			if a.m.Start != b.m.Start {
				return a.m.Start - b.m.Start
			}
			return int(a.ord - b.ord)
		})
		ms := make([]event.ActorMention, len(refs))
		for i, r := range refs {
			ms[i] = r.m
		}
		each(id, ms)
	}
	return nil
}

var _ store.ArticlesActors = (*DB)(nil)

// ArticlesActors implements store.ArticlesActors.
func (s *DB) ArticlesActors(ctx context.Context, articles []int64) (map[int64][]event.ActorMention, error) {
	out := map[int64][]event.ActorMention{}
	err := s.articleActors(ctx, `l.article_id = ANY(?)`, articles, func(id int64, ms []event.ActorMention) {
		out[id] = ms
	})
	return out, err
}
