package postgres

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

func openFresh(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), pgtest.Schema(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t) })
}

func TestSchemaVersion(t *testing.T) {
	ctx := context.Background()
	u := pgtest.Schema(t)
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := db.SchemaVersion(ctx); err != nil || v != len(migrations) {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, len(migrations))
	}
	// reopening applies nothing twice
	db.Close()
	if db, err = Open(ctx, u); err != nil {
		t.Fatal(err)
	}
	// a schema from a newer sitrep is refused, saying so
	if _, err := db.Pool().Exec(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES ($1, 'later')`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(ctx, u)
	if err == nil || !strings.Contains(err.Error(), "newer than this sitrep") {
		t.Fatalf("opening a newer schema: %v", err)
	}
}

func TestUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := Open(ctx, "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if err == nil {
		t.Fatal("want an error for a server that is not there")
	}
	if msg := err.Error(); !strings.Contains(msg, "cannot reach") || strings.Contains(msg, "secret") {
		t.Errorf("message: %s", msg)
	}
}

func TestTSQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Mosul", "('mosul')"},
		{"mosul raqqa", "('mosul') & ('raqqa')"},
		{`"Islamic State"`, "('islamic' <-> 'state')"},
		{`raq* "islamic st"*`, "('raq':*) & ('islamic' <-> 'st':*)"},
		{"mosul OR raqqa", "('mosul') | ('raqqa')"},
		{"mosul NOT raqqa", "('mosul') & !('raqqa')"},
		{"(mosul OR raqqa) offensive", "(('mosul') | ('raqqa')) & ('offensive')"},
		{"al-Baghdadi Érbil", "('al' <-> 'baghdadi') & ('erbil')"},
	} {
		got, err := TSQuery(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("TSQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	if got := Fold("Érbil's  al-Baghdadi, 2016!"); got != "erbil s al baghdadi 2016" {
		t.Errorf("Fold = %q", got)
	}
}
