package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Faults of the database file itself — a full disk, a read-only file, a
// lock held too long, damage — are reported as such, naming the file and
// what to do, rather than as a problem of whichever input was being
// stored when they struck. SQLite rolls back the transaction that met
// them, so what was stored before stays intact.

// fault wraps err from an operation on the database; context says what
// was being done (an input's name, "commit"), "" for nothing in
// particular.
func (s *DB) fault(err error, context string) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		var what string
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			what = "disk is full; nothing stored before was lost: free space and run the command again"
		case sqlite3.SQLITE_READONLY:
			what = "the database is read-only (file permissions or a read-only file system); nothing was changed"
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			what = "the database stayed locked by another process for over 10 s; run the command again"
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			what = "the database file is damaged"
		case sqlite3.SQLITE_IOERR:
			what = "input/output error on the database file (a full or failing disk?)"
		case sqlite3.SQLITE_CANTOPEN:
			what = "cannot open the database file or its journal (missing folder, permissions, or a full disk?)"
		}
		if what != "" {
			return fmt.Errorf("store: %s: %s (%w)", s.path, what, err)
		}
	}
	if context == "" {
		return fmt.Errorf("store: %s: %w", s.path, err)
	}
	return fmt.Errorf("store: %s: %w", context, err)
}

// CheckWritable reports whether the database can be written, by taking
// the write lock and letting it go: a writing command calls it first, so
// that a read-only database is refused before any input is processed.
func (s *DB) CheckWritable(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see Open)
	if err != nil {
		return s.fault(err, "")
	}
	defer tx.Rollback()
	// the write lock alone is granted on a read-only file; a write is not
	if _, err := tx.ExecContext(ctx, `INSERT INTO state(name, value) VALUES ('store.writable', x'') ON CONFLICT(name) DO NOTHING`); err != nil {
		return s.fault(err, "")
	}
	return nil
}

// uriPath escapes a file name for the "file:" URI the driver opens: in a
// URI, '%' starts an escape, '?' the parameters and '#' a fragment, so a
// name holding them (a temporary folder named "50%") opened another file
// or none.
func uriPath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}
