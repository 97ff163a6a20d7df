package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

// windowed is the SQLite store with its search window settable per test
// (storetest.SearchWindower); the window is a package variable, restored
// when the test ends.
type windowed struct{ *DB }

func (w windowed) SetSearchWindow(n int) { SearchWindow = n }

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
		if err != nil {
			t.Fatal(err)
		}
		old := SearchWindow
		t.Cleanup(func() { SearchWindow = old })
		return windowed{db}
	})
}
