package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

// windowed is the SQLite store with its search window and facet sample
// settable per test (storetest.SearchWindower, FacetSampler); they are
// package variables, restored when the test ends.
type windowed struct{ *DB }

func (w windowed) SetSearchWindow(n int) { SearchWindow = n }

func (w windowed) SetFacetSample(n int) { FacetSample = n }

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
		if err != nil {
			t.Fatal(err)
		}
		old, oldSample := SearchWindow, FacetSample
		t.Cleanup(func() { SearchWindow, FacetSample = old, oldSample })
		return windowed{db}
	})
}

// A database written by a newer sitrep is refused with the same words as
// the PostgreSQL store's.
func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	if _, err := db.db.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES (?, 'later')`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := Open(ctx, path)
	if err == nil || !strings.Contains(err.Error(), "newer than this sitrep") {
		t.Fatalf("opening a newer schema: %v", err)
	}
}
