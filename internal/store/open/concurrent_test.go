package open

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store/postgres"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// Several processes opening a database that does not exist yet at the
// same moment (workers started together on one SQLite file, or on a fresh
// PostgreSQL schema) all open it: one creates the schema, the others wait
// for it and find it current.
func TestConcurrentOpenOfANewDatabase(t *testing.T) {
	const openers, rounds = 4, 5
	for _, tc := range []struct {
		name  string
		fresh func(t *testing.T, round int) string // a database not created yet
		want  int                                  // schema version
	}{
		{"sqlite", func(t *testing.T, round int) string {
			return filepath.Join(t.TempDir(), fmt.Sprintf("new%d", round), "x.db")
		}, sqlite.Migrations()},
		{"postgres", func(t *testing.T, _ int) string { return pgtest.Schema(t) }, postgres.Migrations()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for round := 0; round < rounds; round++ {
				dsn := tc.fresh(t, round)
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				start := make(chan struct{})
				errs := make([]error, openers)
				versions := make([]int, openers)
				var wg sync.WaitGroup
				for i := 0; i < openers; i++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						db, err := Open(ctx, dsn)
						if err != nil {
							errs[i] = err
							return
						}
						defer db.Close()
						versions[i], errs[i] = db.SchemaVersion(ctx)
					}()
				}
				close(start)
				wg.Wait()
				cancel()
				for i := range errs {
					if errs[i] != nil {
						t.Errorf("round %d, opener %d: %v", round, i, errs[i])
					} else if versions[i] != tc.want {
						t.Errorf("round %d, opener %d: schema version %d, want %d", round, i, versions[i], tc.want)
					}
				}
				if t.Failed() {
					return
				}
			}
		})
	}
}
