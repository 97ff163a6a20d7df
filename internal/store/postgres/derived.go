package postgres

import (
	"encoding/json"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/store"
)

// The row writes of PutDerived, one statement per kind of row instead of
// one per row: the arrays go in as parameters and unnest into rows. A
// batch of the corpus stage touches tens of thousands of rows; a
// statement each cost the server its own round of bind, plan and
// execute, and the client its own encoding. Each row is written once per
// statement (ON CONFLICT cannot touch a row twice in one), the last of
// its key winning, as when each was a statement of its own.

// lastOf returns the indexes of xs to keep: the last of each key, in
// order.
func lastOf[T any, K comparable](xs []T, key func(T) K) []int {
	last := make(map[K]int, len(xs))
	for i, x := range xs {
		last[key(x)] = i
	}
	keep := make([]int, 0, len(last))
	for i, x := range xs {
		if last[key(x)] == i {
			keep = append(keep, i)
		}
	}
	return keep
}

// queueActors inserts or replaces actors.
func queueActors(b *pgx.Batch, as []store.ActorRecord) {
	keep := lastOf(as, func(a store.ActorRecord) int64 { return a.ID })
	if len(keep) == 0 {
		return
	}
	n := len(keep)
	ids, mentions := make([]int64, 0, n), make([]int64, 0, n)
	names, types, codes, countries, aliases, roles := make([]string, 0, n), make([]string, 0, n), make([]string, 0, n),
		make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
	for _, i := range keep {
		a := as[i]
		al, _ := json.Marshal(nonNil(a.Aliases))
		ro, _ := json.Marshal(nonNil(a.Roles))
		ids, mentions = append(ids, a.ID), append(mentions, int64(a.Mentions))
		names, types, codes = append(names, pgText(a.Name)), append(types, pgText(a.Type)), append(codes, pgText(a.Code))
		countries, aliases, roles = append(countries, pgText(a.Country)), append(aliases, pgText(string(al))), append(roles, pgText(string(ro)))
	}
	b.Queue(`INSERT INTO actors(id, name, type, code, country, aliases, roles, mentions)
		SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::integer[])
		ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, code = excluded.code, country = excluded.country,
		aliases = excluded.aliases, roles = excluded.roles, mentions = excluded.mentions
		WHERE (actors.name, actors.type, actors.code, actors.country, actors.aliases, actors.roles, actors.mentions)
			IS DISTINCT FROM (excluded.name, excluded.type, excluded.code, excluded.country, excluded.aliases, excluded.roles, excluded.mentions)`,
		ids, names, types, codes, countries, aliases, roles, mentions)
}

// queueSpeakers sets the resolved speakers of quotes.
func queueSpeakers(b *pgx.Batch, sp []store.SpeakerRef) {
	type key struct {
		article int64
		start   int
	}
	keep := lastOf(sp, func(q store.SpeakerRef) key { return key{q.Article, q.Start} })
	if len(keep) == 0 {
		return
	}
	actors, articles, starts := make([]int64, 0, len(keep)), make([]int64, 0, len(keep)), make([]int64, 0, len(keep))
	for _, i := range keep {
		q := sp[i]
		actors, articles, starts = append(actors, q.Actor), append(articles, q.Article), append(starts, int64(q.Start))
	}
	b.Queue(`UPDATE quotes q SET speaker_actor = u.actor FROM unnest($1::bigint[], $2::bigint[], $3::integer[]) AS u(actor, article, start)
		WHERE q.article_id = u.article AND q.start = u.start`, actors, articles, starts)
}

// queueAssignments places articles in events and storylines.
func queueAssignments(b *pgx.Batch, as []store.Assignment) {
	keep := lastOf(as, func(a store.Assignment) int64 { return a.Article })
	if len(keep) == 0 {
		return
	}
	n := len(keep)
	arts, evs, lines, dups, sims := make([]int64, 0, n), make([]int64, 0, n), make([]int64, 0, n), make([]int64, 0, n), make([]float64, 0, n)
	for _, i := range keep {
		a := as[i]
		arts, evs, lines, dups, sims = append(arts, a.Article), append(evs, a.Event), append(lines, a.Storyline), append(dups, a.DuplicateOf), append(sims, a.Similarity)
	}
	b.Queue(`INSERT INTO article_story(article_id, event_id, storyline_id, duplicate_of, similarity)
		SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::double precision[])
		ON CONFLICT(article_id) DO UPDATE SET event_id = excluded.event_id, storyline_id = excluded.storyline_id,
		duplicate_of = excluded.duplicate_of, similarity = excluded.similarity
		WHERE (article_story.event_id, article_story.storyline_id, article_story.duplicate_of, article_story.similarity)
			IS DISTINCT FROM (excluded.event_id, excluded.storyline_id, excluded.duplicate_of, excluded.similarity)`, arts, evs, lines, dups, sims)
}

// queueEvents inserts or updates events, moves their members to their
// storyline, and recomputes their counts, outlets and dates from the
// members (an event with no dated member stays undated: ”).
func queueEvents(b *pgx.Batch, es []store.EventRecord) {
	keep := lastOf(es, func(e store.EventRecord) int64 { return e.ID })
	if len(keep) == 0 {
		return
	}
	ids, lines, heads := make([]int64, 0, len(keep)), make([]int64, 0, len(keep)), make([]string, 0, len(keep))
	for _, i := range keep {
		e := es[i]
		ids, lines, heads = append(ids, e.ID), append(lines, e.Storyline), append(heads, pgText(e.Headline))
	}
	b.Queue(`INSERT INTO events(id, storyline_id, headline, first_seen, last_seen)
		SELECT id, line, head, '', '' FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS u(id, line, head)
		ON CONFLICT(id) DO UPDATE SET storyline_id = excluded.storyline_id, headline = excluded.headline
		WHERE (events.storyline_id, events.headline) IS DISTINCT FROM (excluded.storyline_id, excluded.headline)`, ids, lines, heads)
	b.Queue(`UPDATE article_story s SET storyline_id = u.line FROM unnest($1::bigint[], $2::bigint[]) AS u(id, line)
		WHERE s.event_id = u.id AND s.storyline_id IS DISTINCT FROM u.line`, ids, lines)
	// Counts, outlets, dates and headline computed first and written
	// only where they changed: a row rewritten unchanged costs the
	// server a new row version and its index entries all the same.
	b.Queue(`WITH v AS (SELECT e.id,
		(SELECT COUNT(*) FROM article_story WHERE event_id = e.id) AS articles,
		COALESCE((SELECT json_agg(DISTINCT a.outlet)::text FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.event_id = e.id AND a.outlet <> ''), '[]') AS outlets,
		COALESCE((SELECT MIN(a.published) FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.event_id = e.id), '') AS first_seen,
		COALESCE((SELECT MAX(a.published) FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.event_id = e.id), '') AS last_seen,
		CASE WHEN e.headline <> '' THEN e.headline ELSE COALESCE((SELECT a.title FROM article_story s JOIN articles a ON a.id = s.article_id
			WHERE s.event_id = e.id AND a.title <> '' ORDER BY s.duplicate_of <> 0, a.published IS NULL, a.published, a.id LIMIT 1), '') END AS headline
		FROM events e WHERE e.id = ANY($1))
		UPDATE events e SET articles = v.articles, outlets = v.outlets, first_seen = v.first_seen, last_seen = v.last_seen, headline = v.headline
		FROM v WHERE e.id = v.id
		AND (e.articles, e.outlets, e.first_seen, e.last_seen, e.headline) IS DISTINCT FROM (v.articles, v.outlets, v.first_seen, v.last_seen, v.headline)`, ids)
}
