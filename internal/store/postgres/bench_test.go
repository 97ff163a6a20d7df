package postgres

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
)

// BenchmarkPut is the SQLite store's BenchmarkPut (same articles, batches
// of 256) on PostgreSQL, for a side-by-side figure.
func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, pgtest.Schema(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	text := "Islamic State has dug trenches and rigged roads and buildings with explosives ahead of an offensive. "
	for len(text) < 3000 {
		text += text
	}
	const batch = 256
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		items := make([]store.Item, 0, batch)
		for j := i; j < i+batch && j < b.N; j++ {
			url := fmt.Sprintf("https://example.org/%d", j)
			items = append(items, store.Item{
				Raw: store.Raw{Origin: fmt.Sprint("doc", j), URL: url, MediaType: "text/plain", Body: []byte(fmt.Sprint("raw", j, text))},
				Article: clean.Article{URL: url, Title: "Title", Text: fmt.Sprint(j, text), Outlet: "Example", Authors: []string{"A. Writer"},
					Published: time.Date(2016, 10, 23, 0, 0, 0, 0, time.UTC)},
			})
		}
		if _, err := db.Put(ctx, items); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
