package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// The corpus stage's reads of a batch's articles and stories
// (store.BatchReads): one statement, or one round trip, for what one read
// per article or story cost before — on a server each read is a round
// trip the stage waits for and a statement the server parses, plans and
// answers (≈ 9,600 of a 2k-article worker run's 17,300 statements;
// BENCHMARKS.md, "Issue 17, h/pg12").

// maxBatchRead caps the stories one StoriesTops round trip asks for (two
// statements each).
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

// StoriesTops implements store.BatchReads: StoryTopActors' and
// StoryPlaces' own statements, every story's in one batch (one round
// trip), so each story's lists are those the two return, ties included.
func (s *DB) StoriesTops(ctx context.Context, ids []int64, actorLimit, placeLimit int) (map[int64]store.StoryTops, error) {
	if placeLimit <= 0 {
		placeLimit = defaultLimit
	}
	out := make(map[int64]store.StoryTops, len(ids))
	topSQL, placesSQL := rebind(topActorsSQL), rebind(storyPlacesSQL)
	for len(ids) > 0 {
		part := ids[:min(len(ids), maxBatchRead)]
		ids = ids[len(part):]
		b := &pgx.Batch{}
		for _, id := range part {
			b.Queue(topSQL, id, maxScoped)
			b.Queue(placesSQL, id, maxScoped, placeLimit)
		}
		err := func() error {
			br := s.pool.SendBatch(ctx, b)
			defer br.Close()
			for _, id := range part {
				r, err := br.Query()
				acts, err := readTopActors(r, err, actorLimit)
				if err != nil {
					return err
				}
				pls, err := readStoryPlaces(br.Query())
				if err != nil {
					return err
				}
				out[id] = store.StoryTops{Actors: acts, Places: pls}
			}
			return br.Close()
		}()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
