package sqlite

import (
	"cmp"
	"context"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/view"
)

// BenchmarkSearchArticles measures one search on a large database named by
// SITREP_SEARCH_DB (opened, so migrated: use a copy), over the words of
// SITREP_SEARCH_QUERY (comma-separated, default "ferry,budget"), taken in
// turn. SITREP_SEARCH_WINDOW overrides SearchWindow.
//
//	SITREP_SEARCH_DB=/tmp/search100k.db go test -run '^$' -bench SearchArticles ./internal/store/sqlite/
func BenchmarkSearchArticles(b *testing.B) {
	path := os.Getenv("SITREP_SEARCH_DB")
	if path == "" {
		b.Skip("set SITREP_SEARCH_DB to a copy of a large database")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if w := os.Getenv("SITREP_SEARCH_WINDOW"); w != "" {
		defer func(n int) { SearchWindow = n }(SearchWindow)
		n, err := strconv.Atoi(w)
		if err != nil {
			b.Fatal(err)
		}
		SearchWindow = n
	}
	words := strings.Split(cmp.Or(os.Getenv("SITREP_SEARCH_QUERY"), "ferry,budget"), ",")
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		if _, err := db.SearchArticles(ctx, view.Query{Text: words[i%len(words)], Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
	// The process's CPU time a search: on a shared machine, a steadier
	// figure than the elapsed time.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
