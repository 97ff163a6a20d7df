package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"runtime"

	"github.com/sitrep/sitrep/internal/store/sqlite"
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
	return fs.String("db", defaultDBPath(), "database `FILE` (default: $SITREP_DB or the user data directory)")
}

func openDB(ctx context.Context, path string) (*sqlite.DB, error) {
	return sqlite.Open(ctx, path)
}
