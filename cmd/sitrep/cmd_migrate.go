package main

import (
	"context"
	"fmt"

	"github.com/sitrep/sitrep/internal/store/open"
)

func init() {
	register(&command{
		name:    "migrate",
		summary: "create the database or bring its schema up to date, and print the schema version",
		usage:   "[--db FILE|postgres://URL] [--vacuum]",
		run:     runMigrate,
	})
}

// runMigrate opens the database, which applies the migrations it lacks
// (every command does so on open; this one does only that, for a deploy
// step that runs before the workers and servers start).
func runMigrate(ctx context.Context, e *env, args []string) error {
	c := commands["migrate"]
	fs := newFlags(e, c)
	dbPath := dbFlag(fs)
	vacuum := fs.Bool("vacuum", false, "then give the file the space its free pages hold back (SQLite; needs room for a second copy)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"migrate takes no arguments"}
	}
	db, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: schema version %d\n", open.Redact(*dbPath), v)
	if *vacuum {
		vc, ok := db.(interface{ Vacuum(context.Context) error })
		if !ok {
			return usageError{"--vacuum is for a SQLite file (PostgreSQL: VACUUM FULL, or autovacuum)"}
		}
		if err := vc.Vacuum(ctx); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: vacuumed\n", open.Redact(*dbPath))
	}
	return nil
}
