package open

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

func TestIsURL(t *testing.T) {
	for dsn, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db": true, "sitrep.db": false, "/data/postgres/x.db": false, "./postgres:/x.db": false,
	} {
		if IsURL(dsn) != want {
			t.Errorf("IsURL(%q) = %v", dsn, !want)
		}
	}
}

func TestOpenDispatches(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := db.(*sqlite.DB); !ok {
		t.Errorf("a path opened %T", db)
	}
	db.Close()
	pg, err := Open(ctx, pgtest.Schema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if v, err := pg.SchemaVersion(ctx); err != nil || v < 1 {
		t.Errorf("PostgreSQL schema version %d, %v", v, err)
	}
	if err := pg.CheckWritable(ctx); err != nil {
		t.Error(err)
	}
}

func TestRedact(t *testing.T) {
	if got := Redact("postgres://sitrep:s3cret@db.example:5432/news"); strings.Contains(got, "s3cret") || !strings.Contains(got, "db.example") {
		t.Errorf("Redact = %q", got)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := Open(ctx, "postgres://sitrep:s3cret@127.0.0.1:1/news?connect_timeout=2")
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error for an unreachable server: %v", err)
	}
}
