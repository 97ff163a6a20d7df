package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/rows"
	"github.com/sitrep/sitrep/internal/view"
)

// The reads behind composing a story page (store.StoryPages). Each starts
// from the story's members (article_story_event) and reaches their rows by
// article id (actor_ref_lists' key, places_article), so composing a story
// costs in proportion to the story, however large the corpus grows; the
// read API's list queries instead aggregate every actor's and place's
// references across the whole corpus.

var _ store.StoryPages = (*DB)(nil)

// maxScoped caps the members a story's actor and place lists are drawn
// from: the newest ones. A story that grows without end (a war, an
// election) keeps a bounded cost per page; what it lists is what its
// recent coverage names. (A variable for tests.)
var maxScoped = 2000

// scopedMembers selects a story's newest members, at most maxScoped (the
// second argument).
const scopedMembers = `(SELECT article_id FROM article_story WHERE event_id = ? ORDER BY article_id DESC LIMIT ?)`

// storyRefsQuery lists the actor reference lists of a story's members, in
// article order (an article's lists by actor; each list's references in
// their order, as the read API's actor listing aggregates them), with the
// article's text for the lists that hold a role noun or an acronym (whose
// texts are aliases).
const storyRefsQuery = `SELECT r.actor_id, r.article_id, a.outlet, r.packed,
	CASE WHEN sitrep_ref_aliases(r.packed) THEN CAST(a.text AS BLOB) END
	FROM ` + scopedMembers + ` st JOIN actor_ref_lists r ON r.article_id = st.article_id JOIN articles a ON a.id = r.article_id
	ORDER BY r.article_id`

// storyPlacesQuery aggregates the places of a story's members as
// PlaceList does, less the stories of each place.
const storyPlacesQuery = `SELECT p.geonames_id, MAX(p.name), MAX(p.lat), MAX(p.lon), MAX(p.country), MAX(p.feature), COUNT(*),
	json_group_array(DISTINCT p.article_id), json_group_array(p.text)
	FROM ` + scopedMembers + ` st JOIN places p ON p.article_id = st.article_id
	WHERE p.focus = 0 GROUP BY ` + placeKey + ` ORDER BY COUNT(*) DESC, MAX(p.name) LIMIT ?`

// actorNamesQuery lists the actors of n articles by name, most mentioned
// first.
func actorNamesQuery(n int) string {
	return `SELECT ar.article_id, ac.name FROM (SELECT DISTINCT article_id, actor_id FROM actor_ref_lists WHERE article_id IN (` + placeholders(n) + `)) ar
		JOIN actors ac ON ac.id = ar.actor_id ORDER BY ar.article_id, ac.mentions DESC, ac.name`
}

// actorRowsQuery reads n actors' rows by id.
func actorRowsQuery(n int) string {
	return `SELECT id, name, type, code, country, aliases, roles, mentions FROM actors WHERE id IN (` + placeholders(n) + `)`
}

// StoryActors implements store.StoryPages.
func (s *DB) StoryActors(ctx context.Context, story int64, limit int) ([]view.StoryActor, error) {
	type agg struct {
		mentions int
		articles []int64
		outlets  []string
		refTexts []string
	}
	byActor := map[int64]*agg{}
	err := eachRow(ctx, s.db, storyRefsQuery, []any{story, maxScoped}, func(r *sql.Rows) error {
		var actor, article int64
		var outlet string
		var packed, text []byte
		if err := r.Scan(&actor, &article, &outlet, &packed, &text); err != nil {
			return err
		}
		n, err := refCount(packed)
		if err != nil {
			return err
		}
		g := byActor[actor]
		if g == nil {
			g = &agg{}
			byActor[actor] = g
		}
		g.mentions += n
		if k := len(g.articles); k == 0 || g.articles[k-1] != article {
			g.articles = append(g.articles, article)
			if outlet != "" {
				g.outlets = append(g.outlets, outlet)
			}
		}
		if text != nil {
			refs, err := unpackRefs(nil, packed)
			if err != nil {
				return err
			}
			g.refTexts = append(g.refTexts, refTexts(refs, text)...)
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
	// The ranking (rows.RankStoryActors) needs only each actor's
	// mentions, name and id: the rest — aliases and roles decoded from
	// JSON, the story's role nouns, its outlets — is made for the actors
	// the page keeps, after ranking (a story names many more).
	var out []view.StoryActor
	raw := map[int64][2]string{}
	err = eachChunk(ids, func(args []any) error {
		return eachRow(ctx, s.db, actorRowsQuery(len(args)), args,
			func(r *sql.Rows) error {
				var a view.Actor
				var aliases, roles string
				if err := r.Scan(&a.ID, &a.Name, &a.Type, &a.Code, &a.Country, &aliases, &roles, &a.Mentions); err != nil {
					return err
				}
				raw[a.ID] = [2]string{aliases, roles}
				out = append(out, view.StoryActor{Actor: a, StoryMentions: byActor[a.ID].mentions})
				return nil
			})
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

// storyTopActorsQuery reads the rows StoryActors ranks — the actors the
// story's (newest) members refer to — with only what the ranking needs.
const storyTopActorsQuery = `SELECT id, name, type, mentions FROM actors WHERE id IN
	(SELECT DISTINCT r.actor_id FROM ` + scopedMembers + ` st JOIN actor_ref_lists r ON r.article_id = st.article_id)`

// StoryTopActors implements store.StoryPages.
func (s *DB) StoryTopActors(ctx context.Context, story int64, limit int) ([]view.Actor, error) {
	var all []view.StoryActor
	err := eachRow(ctx, s.db, storyTopActorsQuery, []any{story, maxScoped}, func(r *sql.Rows) error {
		var a view.Actor
		if err := r.Scan(&a.ID, &a.Name, &a.Type, &a.Mentions); err != nil {
			return err
		}
		all = append(all, view.StoryActor{Actor: a})
		return nil
	})
	if err != nil {
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
	out := []view.Place{}
	err := eachRow(ctx, s.db, storyPlacesQuery, []any{story, maxScoped, limit}, func(r *sql.Rows) error {
		var x view.Place
		var arts, names string
		err := r.Scan(&x.GeonamesID, &x.Name, &x.Lat, &x.Lon, &x.Country, &x.Feature, &x.Mentions, &arts, &names)
		x.ID = view.PlaceID(x.GeonamesID, x.Name, x.Country)
		x.Class, x.Shape = geo.ClassAndShape(x.Name, x.Feature, x.Country)
		x.Articles = jsonInts(arts)
		// Shown by the name the articles use most, and only names as
		// written (demonyms left out), as PlaceList does.
		written := rows.ByCount(jsonStrings(names))
		if x.Names = rows.NotDemonyms(written); len(x.Names) > 0 {
			x.Name = x.Names[0]
		} else {
			x.Names = written
		}
		out = append(out, x)
		return err
	})
	return out, err
}

// ActorNames implements store.StoryPages.
func (s *DB) ActorNames(ctx context.Context, articles []int64, limit int) (map[int64][]string, error) {
	out := map[int64][]string{}
	err := eachChunk(articles, func(args []any) error {
		return eachRow(ctx, s.db, actorNamesQuery(len(args)), args, func(r *sql.Rows) error {
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
	})
	return out, err
}

// eachChunk calls f with the ids as query arguments, at most 500 at a time
// (SQLite limits the parameters of one statement).
func eachChunk(ids []int64, f func(args []any) error) error {
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		if err := f(args); err != nil {
			return err
		}
	}
	return nil
}
