package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/open"
)

// defaultDBPath is where sitrep keeps its database unless --db or
// $SITREP_DB says otherwise: the user's data directory —
// $XDG_DATA_HOME/sitrep/sitrep.db (default ~/.local/share/sitrep/sitrep.db)
// on Linux and BSD, ~/Library/Application Support/sitrep/sitrep.db on macOS,
// %LocalAppData%\sitrep\sitrep.db on Windows.
func defaultDBPath() string {
	if p := os.Getenv("SITREP_DB"); p != "" {
		return p
	}
	home, _ := os.UserHomeDir()
	var dir string
	switch runtime.GOOS {
	case "darwin":
		dir = filepath.Join(home, "Library", "Application Support")
	case "windows":
		dir = os.Getenv("LocalAppData")
		if dir == "" {
			dir, _ = os.UserConfigDir()
		}
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "sitrep", "sitrep.db")
}

// dbFlag adds the --db flag every store-using command takes.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDBPath(), "database `FILE`, or a postgres:// URL (default: $SITREP_DB or the user data directory)")
}

// openDB opens the database path names — a SQLite file, or a PostgreSQL
// database by its postgres:// URL — creating it (the file and its folder;
// the schema) when it does not exist: for the commands that write
// (ingest, watch) and serve --create.
func openDB(ctx context.Context, path string) (store.DB, error) {
	return open.Open(ctx, path)
}

// openExistingDB opens the database path names for a command that reads:
// a path with no database file is refused, so a mistyped --db is
// reported instead of answered from a new, empty database left behind (a
// mistyped URL fails to connect).
func openExistingDB(ctx context.Context, path string) (store.DB, error) {
	if !open.IsURL(path) {
		if err := dbExists(path); err != nil {
			return nil, err
		}
	}
	return open.Open(ctx, path)
}

// dbExists reports a path that holds no database file.
func dbExists(path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no database at %s: check --db or $SITREP_DB; 'sitrep ingest --db %s PATH' creates one", path, path)
	case err != nil:
		return fmt.Errorf("database %s: %w", path, err)
	case st.IsDir():
		return fmt.Errorf("database %s is a folder, not a file", path)
	}
	return nil
}
