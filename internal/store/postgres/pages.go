package postgres

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/store/rows"
	"github.com/sitrep/sitrep/internal/view"
)

// The reads behind composing a story page (store.StoryPages), scoped to
// the story's members as in the SQLite store (internal/store/sqlite/pages.go).

// maxScoped caps the members a story's actor and place lists are drawn
// from: the newest ones.
const maxScoped = 2000

const scopedMembers = `(SELECT article_id FROM article_story WHERE event_id = ? ORDER BY article_id DESC LIMIT ?)`

// StoryActors implements store.StoryPages.
func (s *DB) StoryActors(ctx context.Context, story int64, limit int) ([]view.StoryActor, error) {
	type agg struct {
		mentions int
		articles []int64
		outlets  []string
		refTexts []string
	}
	byActor := map[int64]*agg{}
	err := eachRow(ctx, s.pool, `SELECT r.actor_id, r.article_id, a.outlet,
		CASE WHEN r.kind IN ('role', 'acronym') THEN byte_substr(a.text, r.start, r.stop) END
		FROM `+scopedMembers+` st JOIN actor_refs r ON r.article_id = st.article_id JOIN articles a ON a.id = r.article_id
		ORDER BY r.article_id, r.ord`, []any{story, maxScoped}, func(r pgx.Rows) error {
		var actor, article int64
		var outlet string
		var text *string
		if err := r.Scan(&actor, &article, &outlet, &text); err != nil {
			return err
		}
		g := byActor[actor]
		if g == nil {
			g = &agg{}
			byActor[actor] = g
		}
		g.mentions++
		if n := len(g.articles); n == 0 || g.articles[n-1] != article {
			g.articles = append(g.articles, article)
			if outlet != "" {
				g.outlets = append(g.outlets, outlet)
			}
		}
		if text != nil {
			g.refTexts = append(g.refTexts, *text)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(byActor))
	for id := range byActor {
		ids = append(ids, id)
	}
	// Ranked first, decoded after, as the SQLite store does: the rest of
	// an actor is made only for the actors the page keeps.
	var out []view.StoryActor
	raw := map[int64][2]string{}
	err = eachRow(ctx, s.pool, `SELECT id, name, type, code, country, aliases, roles, mentions FROM actors WHERE id = ANY(?)`, []any{ids}, func(r pgx.Rows) error {
		var a view.Actor
		var aliases, roles string
		if err := r.Scan(&a.ID, &a.Name, &a.Type, &a.Code, &a.Country, &aliases, &roles, &a.Mentions); err != nil {
			return err
		}
		raw[a.ID] = [2]string{aliases, roles}
		out = append(out, view.StoryActor{Actor: a, StoryMentions: byActor[a.ID].mentions})
		return nil
	})
	if err != nil {
		return nil, err
	}
	out = rows.RankStoryActors(out, limit)
	for i := range out {
		a := &out[i].Actor
		js, g := raw[a.ID], byActor[a.ID]
		json.Unmarshal([]byte(js[0]), &a.Aliases)
		json.Unmarshal([]byte(js[1]), &a.Roles)
		a.Aliases = rows.WithRefAliases(a.Name, a.Aliases, g.refTexts)
		a.Outlets = nonNil(rows.DistinctOutlets(g.outlets))
		a.Articles = g.articles
		a.Aliases, a.Roles = nonNil(a.Aliases), nonNil(a.Roles)
	}
	return nonNil(out), nil
}

// StoryTopActors implements store.StoryPages: the rows StoryActors
// ranks, by primary key (ANY(ARRAY(…)) keeps the planner from hashing the
// whole actors table), with only what the ranking needs. The story's
// actors come from the reference lists (a row per article and actor, none
// empty), not from the actor_refs view, which would unnest every
// reference only for DISTINCT to fold them again.
func (s *DB) StoryTopActors(ctx context.Context, story int64, limit int) ([]view.Actor, error) {
	r, err := s.pool.Query(ctx, rebind(topActorsSQL), story, maxScoped)
	return readTopActors(r, err, limit)
}

const topActorsSQL = `SELECT id, name, type, mentions FROM actors WHERE id = ANY(ARRAY(
		SELECT DISTINCT r.actor_id FROM ` + scopedMembers + ` st JOIN actor_ref_lists r ON r.article_id = st.article_id))`

// readTopActors ranks the rows of topActorsSQL (StoryTopActors; a batch's
// in StoriesTops).
func readTopActors(r pgx.Rows, err error, limit int) ([]view.Actor, error) {
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var all []view.StoryActor
	for r.Next() {
		var a view.Actor
		if err := r.Scan(&a.ID, &a.Name, &a.Type, &a.Mentions); err != nil {
			return nil, err
		}
		all = append(all, view.StoryActor{Actor: a})
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	out := []view.Actor{}
	for _, a := range rows.RankStoryActors(all, limit) {
		out = append(out, a.Actor)
	}
	return out, nil
}

// StoryPlaces implements store.StoryPages.
func (s *DB) StoryPlaces(ctx context.Context, story int64, limit int) ([]view.Place, error) {
	if limit <= 0 {
		limit = defaultLimit
	}
	r, err := s.pool.Query(ctx, rebind(storyPlacesSQL), story, maxScoped, limit)
	return readStoryPlaces(r, err)
}

const storyPlacesSQL = `SELECT MAX(p.geonames_id), MAX(p.name), MAX(p.lat), MAX(p.lon), MAX(p.country), MAX(p.feature), COUNT(*),
		array_agg(DISTINCT p.article_id), array_agg(p.text ORDER BY p.article_id, p.start)
		FROM ` + scopedMembers + ` st JOIN places p ON p.article_id = st.article_id
		WHERE NOT p.focus GROUP BY ` + placeKey + ` ORDER BY COUNT(*) DESC, MAX(p.name) COLLATE "C" LIMIT ?`

// readStoryPlaces reads the rows of storyPlacesSQL (StoryPlaces; a
// batch's in StoriesTops).
func readStoryPlaces(r pgx.Rows, err error) ([]view.Place, error) {
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := []view.Place{}
	for r.Next() {
		var x view.Place
		var names []string
		err := r.Scan(&x.GeonamesID, &x.Name, &x.Lat, &x.Lon, &x.Country, &x.Feature, &x.Mentions, &x.Articles, &names)
		x.ID = view.PlaceID(x.GeonamesID, x.Name, x.Country)
		x.Class, x.Shape = geo.ClassAndShape(x.Name, x.Feature, x.Country)
		x.Articles = sorted(x.Articles)
		written := rows.ByCount(names)
		if x.Names = rows.NotDemonyms(written); len(x.Names) > 0 {
			x.Name = x.Names[0]
		} else {
			x.Names = written
		}
		out = append(out, x)
		if err != nil {
			return out, err
		}
	}
	return out, r.Err()
}

// ActorNames implements store.StoryPages.
func (s *DB) ActorNames(ctx context.Context, articles []int64, limit int) (map[int64][]string, error) {
	out := map[int64][]string{}
	// LATERAL … LIMIT 1 (which keeps the planner from flattening it): one
	// primary-key lookup per actor the articles refer to; a
	// plain join let the planner hash the whole actors table for every
	// call, a cost that grew with the corpus.
	err := eachRow(ctx, s.pool, `SELECT ar.article_id, ac.name FROM (SELECT DISTINCT article_id, actor_id FROM actor_ref_lists WHERE article_id = ANY(?)) ar
		CROSS JOIN LATERAL (SELECT name, mentions FROM actors WHERE id = ar.actor_id LIMIT 1) ac ORDER BY ar.article_id, ac.mentions DESC, ac.name COLLATE "C"`, []any{articles}, func(r pgx.Rows) error {
		var id int64
		var name string
		if err := r.Scan(&id, &name); err != nil {
			return err
		}
		if limit <= 0 || len(out[id]) < limit {
			out[id] = append(out[id], name)
		}
		return nil
	})
	return out, err
}
