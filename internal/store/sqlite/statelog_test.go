package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

// TestStateLogMigration upgrades a database made before the state log,
// holding the corpus stage's whole states, and checks they are still
// there, with an empty log that then takes changes.
func TestStateLogMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	before := 0
	for i, m := range migrations {
		if strings.Contains(m, "CREATE TABLE state_log") {
			before = i
		}
	}
	if before == 0 {
		t.Fatal("no migration creates state_log")
	}
	stmts := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`}
	for v := 1; v <= before; v++ {
		stmts = append(stmts, migrations[v-1], fmt.Sprintf(`INSERT INTO schema_migrations VALUES (%d, 'then')`, v))
	}
	stmts = append(stmts, `INSERT INTO state(name, value) VALUES ('story.clusterer', x'00ff01'), ('derived.last_article', '0')`)
	for _, s := range stmts {
		if _, err := raw.Exec(s); err != nil {
			t.Fatalf("%.60s: %v", s, err)
		}
	}
	raw.Close()

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.SchemaVersion(ctx); v != len(migrations) {
		t.Fatalf("schema %d after upgrade, want %d", v, len(migrations))
	}
	if b, err := db.State(ctx, "story.clusterer"); err != nil || string(b) != "\x00\xff\x01" {
		t.Fatalf("whole state after upgrade = %q, %v", b, err)
	}
	if l, err := db.StateLog(ctx, "story.clusterer"); err != nil || l != nil {
		t.Fatalf("log after upgrade = %q, %v", l, err)
	}
	if err := db.PutDerived(ctx, &store.Derived{StateLog: map[string][]byte{"story.clusterer": []byte("c1")}}); err != nil {
		t.Fatal(err)
	}
	if l, err := db.StateLog(ctx, "story.clusterer"); err != nil || len(l) != 1 || string(l[0]) != "c1" {
		t.Fatalf("log = %q, %v", l, err)
	}
}
