package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/store"
)

const insFault = `INSERT INTO faults(article_id, stage, message, location, at) VALUES ($1, $2, $3, $4, $5)`

// Faults implements store.Store.
func (s *DB) Faults(ctx context.Context, article int64) ([]store.Fault, error) {
	var out []store.Fault
	err := eachRow(ctx, s.pool, `SELECT article_id, stage, message, location, at FROM faults WHERE article_id = ? ORDER BY id`, []any{article}, func(r pgx.Rows) error {
		var f store.Fault
		var at string
		err := r.Scan(&f.Article, &f.Stage, &f.Message, &f.Where, &at)
		f.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, f)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: faults of %d: %w", article, err)
	}
	return out, nil
}

// PutFaults implements store.Store.
func (s *DB) PutFaults(ctx context.Context, fs []store.Fault) error {
	if len(fs) == 0 {
		return nil
	}
	b := &pgx.Batch{}
	queueFaults(b, fs)
	// a batch outside a transaction runs as one (implicit) transaction
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return s.fault(err, "faults")
	}
	return nil
}

func queueFaults(b *pgx.Batch, fs []store.Fault) {
	for _, f := range fs {
		at := f.At
		if at.IsZero() {
			at = time.Now()
		}
		b.Queue(insFault, f.Article, pgText(f.Stage), pgText(f.Message), pgText(f.Where), at.UTC().Format(time.RFC3339Nano))
	}
}

// Health implements store.Store.
func (s *DB) Health(ctx context.Context) (store.Health, error) {
	h := store.Health{Faults: map[string]int64{}, NotAnalysed: map[string]int64{}}
	b := &pgx.Batch{}
	b.Queue(`SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM documents),
		(SELECT COUNT(DISTINCT article_id) FROM faults),
		(SELECT COUNT(*) FROM articles WHERE analysis = 'incomplete'),
		(SELECT COUNT(*) FROM articles WHERE analysis = 'none'),
		(SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_story s WHERE s.article_id = a.id))`).QueryRow(func(r pgx.Row) error {
		return r.Scan(&h.Articles, &h.Documents, &h.FaultyArticles, &h.Incomplete, &h.NoAnalysis, &h.Unplaced)
	})
	b.Queue(`SELECT stage, COUNT(*) FROM faults GROUP BY stage`).Query(func(r pgx.Rows) error {
		return eachOf(r, func() error {
			var k string
			var n int64
			err := r.Scan(&k, &n)
			h.Faults[k] = n
			return err
		})
	})
	b.Queue(`SELECT DISTINCT article_id FROM faults ORDER BY article_id LIMIT 20`).Query(func(r pgx.Rows) error {
		return eachOf(r, func() error {
			var id int64
			err := r.Scan(&id)
			h.FaultyIDs = append(h.FaultyIDs, id)
			return err
		})
	})
	b.Queue(`SELECT language, COUNT(*) FROM articles WHERE analysis = 'not_analysed' GROUP BY language`).Query(func(r pgx.Rows) error {
		return eachOf(r, func() error {
			var k string
			var n int64
			err := r.Scan(&k, &n)
			h.NotAnalysed[k] = n
			return err
		})
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return h, fmt.Errorf("store: status: %w", err)
	}
	return h, nil
}
