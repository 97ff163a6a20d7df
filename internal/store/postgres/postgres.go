// Package postgres is sitrep's shared store: PostgreSQL through pgx (a
// pool of connections), for many processes — workers on several machines,
// servers — writing and reading one database. It implements the same
// interfaces as the embedded SQLite store (store.Store, store.StoryPages,
// store.CodedEvents, store.Leases) and passes the same conformance suite
// (internal/store/storetest), with versioned migrations, full-text search
// on a tsvector column with a GIN index, batched writes, and
// LISTEN/NOTIFY for live updates across machines.
package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
)

// DB is the PostgreSQL store.
type DB struct {
	pool   pool          // pgxpool's, its errors on an ended context made ctx.Err() (ctxerr.go)
	name   string        // host:port/database, for messages (no password)
	window atomic.Int64  // the search ranking window (see SetSearchWindow)
	sample atomic.Int64  // the search facet sample (see SetFacetSample); 0: DefaultFacetSample
	done   chan struct{} // closed by Close: listeners stop
	once   sync.Once
	// analyzed is when this handle last looked for stale planner
	// statistics (UnixNano; see noteWrite), analyzedAll when it last
	// looked for all stale tables, not only those never analysed;
	// analyzing is set while a look (and its ANALYZEs) runs.
	analyzed    atomic.Int64
	analyzedAll atomic.Int64
	analyzing   atomic.Bool
}

var (
	_ store.Store       = (*DB)(nil)
	_ store.StoryPages  = (*DB)(nil)
	_ store.CodedEvents = (*DB)(nil)
	_ store.Leases      = (*DB)(nil)
)

// Advisory lock keys: migrations, Put (article ids are allocated and
// committed in one order, so the corpus stage, which follows ids, never
// passes an id a slower writer commits later), the corpus results, and
// the blocks of coded event ids (ReplaceStoryEvents).
//
// The migration lock is one for the database: processes of any build
// exclude each other while one migrates. The others are taken per schema
// (xactLockSQL: the pair of the schema's hash and the key), so stores in
// different schemas of one database do not take turns; they were per
// database until migration 10, which no older build opens, so no process
// still takes the old ones on a schema that has it.
const (
	lockMigrate int64 = 0x5177_0001
	lockPut     int32 = 0x5177_0002
	lockDerived int32 = 0x5177_0003
	lockEvents  int32 = 0x5177_0004
)

// xactLockSQL takes a per-schema advisory lock ($1: its key) until the
// transaction ends.
const xactLockSQL = `SELECT pg_advisory_xact_lock(hashtext(current_schema()), $1)`

// IsURL reports whether dsn names a PostgreSQL database (a postgres:// or
// postgresql:// URL) rather than a file.
func IsURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database at url (postgres://user@host:port/db?…;
// a search_path parameter selects the schema) and brings its schema up to
// date.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", Redact(url), err)
	}
	cfg.ConnConfig.BuildContextWatcherHandler = cancelOnServer
	// No JIT compilation: sitrep's statements read and write rows by
	// index, milliseconds each, and the server compiles a plan whose
	// estimated cost passes jit_above_cost — as a plan on stale
	// statistics does — spending tens to hundreds of milliseconds of CPU
	// to save less. A jit in the URL (options) still wins.
	if _, set := cfg.ConnConfig.RuntimeParams["jit"]; !set {
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	s := &DB{done: make(chan struct{}), name: fmt.Sprintf("postgres %s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)}
	s.window.Store(int64(DefaultSearchWindow))
	s.pool.Pool, err = pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, s.fault(err, "")
	}
	if err := s.migrate(ctx); err != nil {
		s.pool.Close()
		return nil, s.fault(err, "")
	}
	return s, nil
}

// cancelDeadline bounds how long a query whose context ended waits for
// the server to answer the cancel request before its connection is
// closed instead.
const cancelDeadline = time.Second

// cancelOnServer handles the end of a query's context (an API client gone,
// a request timeout) by asking the server to cancel the query, and keeps
// the connection: pgx's default closes it at once, so each cancelled read
// cost the pool a connection — a new one opened for the next request, and
// a slot taken until the old one was torn down. The connection is closed
// only when the server does not answer within cancelDeadline.
func cancelOnServer(c *pgconn.PgConn) ctxwatch.Handler {
	return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: cancelDeadline}
}

// Redact drops the password from a database URL, for messages.
func Redact(url string) string {
	at := strings.LastIndexByte(url, '@')
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return url
	}
	userinfo := url[scheme+3 : at]
	if user, _, ok := strings.Cut(userinfo, ":"); ok {
		return url[:scheme+3] + user + ":xxx" + url[at:]
	}
	return url
}

// SchemaVersion returns the number of applied migrations.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// Migrations is the number of migrations this build knows.
func Migrations() int { return len(migrations) }

func (s *DB) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	// one process migrates at a time; the others wait and find it done
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, lockMigrate); err != nil {
		return err
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, lockMigrate)
	if err := ensureSchema(ctx, conn.Conn()); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	var have int
	if err := conn.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return err
	}
	if have > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this sitrep (%d): upgrade sitrep", have, len(migrations))
	}
	for v := have + 1; v <= len(migrations); v++ {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES ($1, $2)`, v, now())
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// ensureSchema creates the schema a search_path names (postgres://…?
// search_path=NAME) when it does not exist yet, as the SQLite store
// creates its file.
func ensureSchema(ctx context.Context, conn *pgx.Conn) error {
	var cur *string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&cur); err != nil {
		return err
	}
	if cur != nil {
		return nil
	}
	var path string
	if err := conn.QueryRow(ctx, `SHOW search_path`).Scan(&path); err != nil {
		return err
	}
	name := strings.TrimSpace(strings.Split(path, ",")[0])
	if name == "" || strings.HasPrefix(name, "$") {
		return fmt.Errorf("no schema to create the tables in (search_path %q): name one with ?search_path=NAME in the URL", path)
	}
	_, err := conn.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{strings.Trim(name, `"`)}.Sanitize())
	return err
}

// Close closes the pool.
func (s *DB) Close() error {
	s.once.Do(func() { close(s.done) })
	s.pool.Close()
	return nil
}

// Pool is the connection pool, for tools and tests.
func (s *DB) Pool() *pgxpool.Pool { return s.pool.Pool }

// fault wraps err from an operation on the database: context says what
// was being done ("" for nothing in particular).
func (s *DB) fault(err error, context string) error {
	if err == nil {
		return nil
	}
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &pe) && pe.Code == "25006": // read_only_sql_transaction
		return fmt.Errorf("store: %s: the database is read-only (a standby, or default_transaction_read_only); nothing was changed (%w)", s.name, err)
	case errors.As(err, &pe) && pe.Code == "53100": // disk_full
		return fmt.Errorf("store: %s: the database server's disk is full; nothing stored before was lost (%w)", s.name, err)
	case errors.As(err, &pe) && (pe.Code == "42501" || pe.Code == "28000" || pe.Code == "28P01"):
		return fmt.Errorf("store: %s: permission denied: check the user in the URL and its grants (%w)", s.name, err)
	case pgconn.SafeToRetry(err) || isConnError(err):
		return fmt.Errorf("store: %s: %w (is it running, and the URL right?): %w", s.name, store.ErrUnavailable, err)
	}
	if context == "" {
		return fmt.Errorf("store: %s: %w", s.name, err)
	}
	return fmt.Errorf("store: %s: %w", context, err)
}

func isConnError(err error) bool {
	var ce *pgconn.ConnectError
	return errors.As(err, &ce)
}

// CheckWritable reports whether the database can be written: a writing
// command calls it first, so that a read-only database is refused before
// any input is processed.
func (s *DB) CheckWritable(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO state(name, value) VALUES ('store.writable', '') ON CONFLICT(name) DO NOTHING`)
	return s.fault(err, "")
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// querier is a pool or a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// rebind turns the ? placeholders of q into $1, $2, … (the queries are
// written, and composed by where, with ?, as the SQLite store's are).
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

func (s *DB) queryRow(ctx context.Context, q string, args ...any) pgx.Row {
	return s.pool.QueryRow(ctx, rebind(q), args...)
}

// eachRow runs query and calls f for every row.
func eachRow(ctx context.Context, db querier, query string, args []any, f func(pgx.Rows) error) error {
	rows, err := db.Query(ctx, rebind(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// pgText makes s storable in a text column without moving any byte
// offset: PostgreSQL refuses NUL and invalid UTF-8, which become spaces
// and '?' byte for byte. Clean text holds neither; this keeps one odd
// input from failing a whole batch.
func pgText(s string) string {
	if utf8.ValidString(s) && !strings.ContainsRune(s, 0) {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b[i] = '?'
		case r == 0:
			b[i] = ' '
		}
		i += size
	}
	return string(b)
}

func timeOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

func jsonList(xs []string) string {
	if len(xs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(xs)
	return string(b)
}

func jsonCredits(cs []clean.Credit) string {
	if len(cs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(cs)
	return string(b)
}
