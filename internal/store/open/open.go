// Package open opens a sitrep database by its name: a postgres:// (or
// postgresql://) URL opens the shared PostgreSQL store, anything else is
// the path of an embedded SQLite file. The commands take either in --db
// and $SITREP_DB and never name a database otherwise.
package open

import (
	"context"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// IsURL reports whether dsn names a PostgreSQL database rather than a
// file.
func IsURL(dsn string) bool { return postgres.IsURL(dsn) }

// Open opens the database dsn names, creating it (a SQLite file and its
// folder) or its schema (PostgreSQL) when missing, and brings the schema
// up to date; a schema newer than this build is refused.
func Open(ctx context.Context, dsn string) (store.DB, error) {
	if IsURL(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// Redact returns dsn fit for messages: a URL without its password.
func Redact(dsn string) string {
	if IsURL(dsn) {
		return postgres.Redact(dsn)
	}
	return dsn
}
