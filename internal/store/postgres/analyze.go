package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// AnalyzeEvery is how often, at most, a handle that writes looks for
// tables of its schema whose planner statistics are stale (autovacuum's
// own default naptime is a minute).
var AnalyzeEvery = time.Minute

// noteWrite is called after each committed write. When the server's
// autovacuum is off, nothing keeps the planner's statistics: a schema
// filled by sitrep would be planned as if its tables were still empty or
// of unknown shape (on a 10,000-article bulk load the corpus stage ran
// 12× slower until one ANALYZE). So, at most once every AnalyzeEvery, the
// handle looks, in the background, for the tables autovacuum would have
// analysed (changed rows above autovacuum_analyze_threshold +
// autovacuum_analyze_scale_factor × rows) and analyses them. With
// autovacuum on (the default) it does nothing.
func (s *DB) noteWrite() {
	now := time.Now().UnixNano()
	last := s.analyzed.Load()
	if last != 0 && now-last < int64(AnalyzeEvery) || !s.analyzed.CompareAndSwap(last, now) {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		select {
		case <-s.done: // Close cancels a running ANALYZE
		case <-ctx.Done():
		}
		cancel()
	}()
	go func() {
		defer cancel()
		_, _ = s.analyzeStale(ctx)
	}()
}

// staleTables lists the tables of the current schema that autovacuum,
// were it on, would analyse now; none when it is on.
const staleTables = `SELECT t.schemaname, t.relname FROM pg_stat_user_tables t
	WHERE t.schemaname = current_schema() AND current_setting('autovacuum') = 'off'
	AND t.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
		+ current_setting('autovacuum_analyze_scale_factor')::float8 * t.n_live_tup
	ORDER BY t.relname`

// analyzeStale analyses the tables of staleTables, one at a time, and
// returns their names.
func (s *DB) analyzeStale(ctx context.Context) ([]string, error) {
	var tables []pgx.Identifier
	err := eachRow(ctx, s.pool, staleTables, nil, func(r pgx.Rows) error {
		var schema, rel string
		err := r.Scan(&schema, &rel)
		tables = append(tables, pgx.Identifier{schema, rel})
		return err
	})
	if err != nil {
		return nil, err
	}
	var done []string
	for _, t := range tables {
		if _, err := s.pool.Exec(ctx, `ANALYZE `+t.Sanitize()); err != nil {
			return done, s.fault(err, "analyze "+t[1])
		}
		done = append(done, t[1])
	}
	return done, nil
}
