package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/rows"
	"github.com/sitrep/sitrep/internal/view"
)

// The corpus stage's reads of a batch's articles and stories
// (store.BatchReads): one statement, or one round trip, for what one read
// per article or story cost before — on a server each read is a round
// trip the stage waits for and a statement the server parses, plans and
// answers (11,609 of a 2,000-article worker run's 17,284 statements were
// such reads; BENCHMARKS.md, "Issue 17, h/pg12").

// maxBatchRead caps the stories one StoriesTops round trip asks for (a
// statement each, and one for all their actors).
const maxBatchRead = 500

// ArticlesByID implements store.BatchReads.
func (s *DB) ArticlesByID(ctx context.Context, ids []int64) (map[int64]*store.Article, error) {
	out := make(map[int64]*store.Article, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	err := eachRow(ctx, s.pool, `SELECT `+articleCols+` FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.id = ANY(?)`, []any{ids}, func(r pgx.Rows) error {
		a, err := scanArticle(r)
		if err != nil {
			return err
		}
		out[a.ID] = a
		return nil
	})
	return out, err
}

// StoriesByID implements store.BatchReads.
func (s *DB) StoriesByID(ctx context.Context, ids []int64) (map[int64]*view.StorySummary, error) {
	out := make(map[int64]*view.StorySummary, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	err := eachRow(ctx, s.pool, `SELECT `+storyCols+` FROM events e WHERE e.id = ANY(?)`, []any{ids}, func(r pgx.Rows) error {
		x, err := scanStory(r)
		if err != nil {
			return err
		}
		out[x.ID] = &x
		return nil
	})
	return out, err
}

// StoriesTops implements store.BatchReads. The top actors of every story
// come from one statement (StoryTopActors' rows, story by story, ranked
// here as there: the ranking orders them fully); the places from
// StoryPlaces' own statement a story, all in one batch (one round trip),
// so that places tied in its order come in the order it gives them.
func (s *DB) StoriesTops(ctx context.Context, ids []int64, actorLimit, placeLimit int) (map[int64]store.StoryTops, error) {
	if placeLimit <= 0 {
		placeLimit = defaultLimit
	}
	out := make(map[int64]store.StoryTops, len(ids))
	placesSQL := rebind(storyPlacesSQL)
	for len(ids) > 0 {
		part := ids[:min(len(ids), maxBatchRead)]
		ids = ids[len(part):]
		b := &pgx.Batch{}
		b.Queue(storiesTopActorsSQL, part, maxScoped)
		for _, id := range part {
			b.Queue(placesSQL, id, maxScoped, placeLimit)
		}
		err := func() error {
			br := s.pool.SendBatch(ctx, b)
			defer br.Close()
			acts, err := readStoriesTopActors(br.Query())
			if err != nil {
				return err
			}
			for _, id := range part {
				r, err := br.Query()
				pls, err := readStoryPlaces(r, err)
				if err != nil {
					return err
				}
				top := []view.Actor{}
				for _, a := range rows.RankStoryActors(acts[id], actorLimit) {
					top = append(top, a.Actor)
				}
				out[id] = store.StoryTops{Actors: top, Places: pls}
			}
			return br.Close()
		}()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// storiesTopActorsSQL is topActorsSQL for the stories of $1: each
// story's distinct actors among its newest $2 members, with what the
// ranking needs (LATERAL … LIMIT 1: a primary-key lookup an actor, as in
// ActorNames).
const storiesTopActorsSQL = `SELECT x.story, a.id, a.name, a.type, a.mentions FROM (
		SELECT DISTINCT s.id AS story, r.actor_id FROM unnest($1::bigint[]) AS s(id)
		CROSS JOIN LATERAL (SELECT article_id FROM article_story WHERE event_id = s.id ORDER BY article_id DESC LIMIT $2) st
		JOIN actor_ref_lists r ON r.article_id = st.article_id) x
	CROSS JOIN LATERAL (SELECT id, name, type, mentions FROM actors WHERE id = x.actor_id LIMIT 1) a`

// readStoriesTopActors groups the rows of storiesTopActorsSQL by story.
func readStoriesTopActors(r pgx.Rows, err error) (map[int64][]view.StoryActor, error) {
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := map[int64][]view.StoryActor{}
	for r.Next() {
		var story int64
		var a view.Actor
		if err := r.Scan(&story, &a.ID, &a.Name, &a.Type, &a.Mentions); err != nil {
			return nil, err
		}
		out[story] = append(out[story], view.StoryActor{Actor: a})
	}
	return out, r.Err()
}
