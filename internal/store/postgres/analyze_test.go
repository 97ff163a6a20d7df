package postgres

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
)

// TestAnalyzeStale: with autovacuum off, a table that took more rows than
// autovacuum's analyse threshold since its last ANALYZE is analysed, and
// is not stale after; a table no one wrote to is left alone.
func TestAnalyzeStale(t *testing.T) {
	ctx := context.Background()
	db := openFresh(t)
	var on string
	if err := db.pool.QueryRow(ctx, `SELECT current_setting('autovacuum')`).Scan(&on); err != nil {
		t.Fatal(err)
	}
	if on != "off" {
		t.Skip("autovacuum is on on this server: it analyses the tables, sitrep does not")
	}
	// written once, the handle's first look happens at once: hold it off
	// so the test, not the background, sees the stale tables
	db.analyzed.Store(time.Now().UnixNano())
	db.analyzedAll.Store(time.Now().UnixNano())
	first := FirstAnalyzeEvery
	FirstAnalyzeEvery = time.Hour
	defer func() { FirstAnalyzeEvery = first }()
	var items []store.Item
	for i := 0; i < 120; i++ {
		text := fmt.Sprintf("Report %d on the ferry.", i)
		items = append(items, store.Item{Raw: store.Raw{Origin: fmt.Sprint("d", i), MediaType: "text/plain", Body: []byte(text)},
			Article: clean.Article{URL: fmt.Sprintf("https://example.org/%d", i), Title: "T", Text: text}})
	}
	if _, err := db.Put(ctx, items); err != nil {
		t.Fatal(err)
	}
	// the writing backend reports its row counts within a second or so
	var got []string
	for deadline := time.Now().Add(30 * time.Second); ; {
		var err error
		if got, err = db.analyzeStale(ctx, true); err != nil {
			t.Fatal(err)
		}
		if slices.Contains(got, "articles") || time.Now().After(deadline) {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if !slices.Contains(got, "articles") {
		t.Fatalf("analysed %v, want articles among them", got)
	}
	if slices.Contains(got, "story_pages") {
		t.Errorf("analysed %v: story_pages took no rows", got)
	}
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT COUNT(*) FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'articles'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("articles has no statistics after its ANALYZE")
	}
	again, err := db.analyzeStale(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(again, "articles") {
		t.Errorf("articles analysed twice: %v", again)
	}
}
