package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/store"
)

const insFault = `INSERT INTO faults(article_id, stage, message, location, at) VALUES (?,?,?,?,?)`

// Faults implements store.Store.
func (s *DB) Faults(ctx context.Context, article int64) ([]store.Fault, error) {
	var out []store.Fault
	err := eachRow(ctx, s.db, `SELECT article_id, stage, message, location, at FROM faults WHERE article_id = ? ORDER BY id`, []any{article}, func(r *sql.Rows) error {
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
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	if err := putFaults(ctx, tx, fs); err != nil {
		return err
	}
	return tx.Commit()
}

func putFaults(ctx context.Context, tx *sql.Tx, fs []store.Fault) error {
	for _, f := range fs {
		at := f.At
		if at.IsZero() {
			at = time.Now()
		}
		if _, err := tx.ExecContext(ctx, insFault, f.Article, f.Stage, f.Message, f.Where, at.UTC().Format(time.RFC3339Nano)); err != nil {
			return fmt.Errorf("store: fault of %d: %w", f.Article, err)
		}
	}
	return nil
}

// Health implements store.Store.
func (s *DB) Health(ctx context.Context) (store.Health, error) {
	h := store.Health{Faults: map[string]int64{}, NotAnalysed: map[string]int64{}}
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM documents),
		(SELECT COUNT(DISTINCT article_id) FROM faults),
		(SELECT COUNT(*) FROM articles WHERE analysis = 'incomplete'),
		(SELECT COUNT(*) FROM articles WHERE analysis = 'none'),
		(SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_story s WHERE s.article_id = a.id))`).
		Scan(&h.Articles, &h.Documents, &h.FaultyArticles, &h.Incomplete, &h.NoAnalysis, &h.Unplaced)
	if err == nil {
		err = eachRow(ctx, s.db, `SELECT stage, COUNT(*) FROM faults GROUP BY stage`, nil, func(r *sql.Rows) error {
			var k string
			var n int64
			err := r.Scan(&k, &n)
			h.Faults[k] = n
			return err
		})
	}
	if err == nil {
		err = eachRow(ctx, s.db, `SELECT DISTINCT article_id FROM faults ORDER BY article_id LIMIT 20`, nil, func(r *sql.Rows) error {
			var id int64
			err := r.Scan(&id)
			h.FaultyIDs = append(h.FaultyIDs, id)
			return err
		})
	}
	if err == nil {
		err = eachRow(ctx, s.db, `SELECT language, COUNT(*) FROM articles WHERE analysis = 'not_analysed' GROUP BY language`, nil, func(r *sql.Rows) error {
			var k string
			var n int64
			err := r.Scan(&k, &n)
			h.NotAnalysed[k] = n
			return err
		})
	}
	if err != nil {
		return h, fmt.Errorf("store: status: %w", err)
	}
	return h, nil
}
