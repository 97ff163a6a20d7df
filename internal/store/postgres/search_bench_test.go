package postgres

import (
	"cmp"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/view"
)

// BenchmarkSearchArticles is the SQLite store's BenchmarkSearchArticles on
// a database named by SITREP_SEARCH_POSTGRES (a postgres:// URL with its
// search_path), over the words of SITREP_SEARCH_QUERY (comma-separated,
// default "ferry,budget"), taken in turn. The time is the client's and the
// server's together: both run the search.
//
//	SITREP_SEARCH_POSTGRES='postgres://postgres@127.0.0.1:5432/test?search_path=news' go test -run '^$' -bench SearchArticles ./internal/store/postgres/
func BenchmarkSearchArticles(b *testing.B) {
	url := os.Getenv("SITREP_SEARCH_POSTGRES")
	if url == "" {
		b.Skip("set SITREP_SEARCH_POSTGRES to the URL of a large database")
	}
	ctx := context.Background()
	db, err := Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	words := strings.Split(cmp.Or(os.Getenv("SITREP_SEARCH_QUERY"), "ferry,budget"), ",")
	for i := 0; b.Loop(); i++ {
		if _, err := db.SearchArticles(ctx, view.Query{Text: words[i%len(words)], Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoryList lists the newest 20 stories of the database named by
// SITREP_SEARCH_POSTGRES (as BenchmarkSearchArticles), the API's
// /api/v1/stories?limit=20.
func BenchmarkStoryList(b *testing.B) {
	url := os.Getenv("SITREP_SEARCH_POSTGRES")
	if url == "" {
		b.Skip("set SITREP_SEARCH_POSTGRES to the URL of a large database")
	}
	ctx := context.Background()
	db, err := Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		p, err := db.StoryList(ctx, view.Query{Limit: 20})
		if err != nil {
			b.Fatal(err)
		}
		if p.Total == 0 || len(p.Items) == 0 {
			b.Fatal("no stories")
		}
	}
}
