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

// FirstAnalyzeEvery is how often, at most, a handle that writes looks for
// tables of its schema that were never analysed. Until its first ANALYZE
// a table has no statistics at all, and the planner guesses that an
// equality matches half a percent of its rows: on a bulk load's growing
// tables, the corpus stage's reads by article or story became hash joins
// over every actor reference instead of index lookups of a hundred rows
// (100× slower; issue 17: a fifth of the server's CPU on a 2,000-article
// run finished before the minute's first look). One ANALYZE a table
// suffices for those reads: the per-article tables' article ids carry a
// fixed share of distinct values (migration 8), which scales as the table
// grows; the row count the planner takes from the table's size.
var FirstAnalyzeEvery = 3 * time.Second

// noteWrite is called after each committed write. When the server's
// autovacuum is off, nothing keeps the planner's statistics: a schema
// filled by sitrep would be planned as if its tables were still empty or
// of unknown shape (on a 10,000-article bulk load the corpus stage ran
// 12× slower until one ANALYZE). So the handle looks, in the background,
// for tables never analysed (at most once every FirstAnalyzeEvery) and,
// at most once every AnalyzeEvery, for the tables autovacuum would have
// analysed (changed rows above autovacuum_analyze_threshold +
// autovacuum_analyze_scale_factor × rows), and analyses them. With
// autovacuum on (the default) it does nothing.
func (s *DB) noteWrite() {
	now := time.Now().UnixNano()
	last, lastFull := s.analyzed.Load(), s.analyzedAll.Load()
	if last != 0 && now-last < int64(FirstAnalyzeEvery) || !s.analyzing.CompareAndSwap(false, true) {
		return
	}
	s.analyzed.Store(now)
	full := lastFull == 0 || now-lastFull >= int64(AnalyzeEvery)
	if full {
		s.analyzedAll.Store(now)
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
		// one look at a time: a look longer than FirstAnalyzeEvery is
		// not joined by another over the same tables
		defer s.analyzing.Store(false)
		_, _ = s.analyzeStale(ctx, full)
	}()
}

// staleTables lists the tables of the current schema that were never
// analysed and hold more rows than autovacuum_analyze_threshold, and,
// when $1 (a full look), those autovacuum, were it on, would analyse now;
// none when it is on. (The statistics functions on the schema's tables
// alone: the pg_stat_user_tables view computes every column for every
// table of the database.)
const staleTables = `SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = current_schema() AND c.relkind = 'r' AND current_setting('autovacuum') = 'off'
	AND ((pg_stat_get_last_analyze_time(c.oid) IS NULL AND pg_stat_get_last_autoanalyze_time(c.oid) IS NULL
			AND pg_stat_get_live_tuples(c.oid) > current_setting('autovacuum_analyze_threshold')::float8)
		OR $1 AND pg_stat_get_mod_since_analyze(c.oid) > current_setting('autovacuum_analyze_threshold')::float8
			+ current_setting('autovacuum_analyze_scale_factor')::float8 * pg_stat_get_live_tuples(c.oid))
	ORDER BY c.relname`

// analyzeStale analyses the tables of staleTables (full: a full look),
// one at a time, and returns their names.
func (s *DB) analyzeStale(ctx context.Context, full bool) ([]string, error) {
	var tables []pgx.Identifier
	err := eachRow(ctx, s.pool, staleTables, []any{full}, func(r pgx.Rows) error {
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
