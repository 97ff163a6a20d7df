package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
)

// TestPlaceCitationsNewestFirst: PlaceCitations' newest-articles statement
// gives what the whole one gives at every limit, and alone suffices where
// it finds enough (articles published out of id order, one undated, one
// with two sentences naming the place).
func TestPlaceCitationsNewestFirst(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	text := "Talks opened in Erbil. Erbil airport stayed shut."
	published := []string{"'2024-01-03T00:00:00Z'", "NULL", "'2024-01-05T00:00:00Z'", "'2024-01-01T00:00:00Z'", "'2024-01-04T00:00:00Z'"}
	var stmts []string
	for i, pub := range published {
		a := i + 1
		stmts = append(stmts,
			fmt.Sprintf(`INSERT INTO documents(hash, origin, media_type, size, raw, ingested_at) VALUES (x'%02x', 'o', 'text/plain', 1, x'00', 'then')`, a),
			fmt.Sprintf(`INSERT INTO articles(id, document_id, text_hash, title, text, outlet, published, ingested_at) VALUES (%d, %d, x'%02x', 'T', '%s', 'Outlet', %s, 'then')`, a, a, a, text, pub),
			fmt.Sprintf(`INSERT INTO sentences(article_id, idx, start, end) VALUES (%d, 0, 0, 22), (%d, 1, 23, 49)`, a, a),
			fmt.Sprintf(`INSERT INTO places(article_id, sentence, start, end, text, geonames_id, name, lat, lon, country, feature, population, confidence)
				VALUES (%d, 0, 16, 21, 'Erbil', 95446, 'Erbil', 36.19, 44.01, 'IQ', 'PPLA', 932800, 1)`, a))
		if a%2 == 1 {
			stmts = append(stmts, fmt.Sprintf(`INSERT INTO places(article_id, sentence, start, end, text, geonames_id, name, lat, lon, country, feature, population, confidence)
				VALUES (%d, 1, 23, 28, 'Erbil', 95446, 'Erbil', 36.19, 44.01, 'IQ', 'PPLA', 932800, 1)`, a))
		}
	}
	for _, s := range stmts {
		if _, err := db.db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%.60s: %v", s, err)
		}
	}
	fast := 0
	for limit := 1; limit <= 9; limit++ {
		cs, texts, err := db.PlaceCitations(ctx, 95446, limit)
		all, allTexts, err2 := db.placeCitations(ctx, "p.geonames_id = ?", []any{95446, limit})
		if err != nil || err2 != nil || !reflect.DeepEqual(cs, all) || !reflect.DeepEqual(texts, allTexts) {
			t.Errorf("PlaceCitations(limit %d) = %+v %q, %v; the whole statement %+v %q, %v", limit, cs, texts, err, all, allTexts, err2)
		}
		if limit <= 8 && len(all) != limit {
			t.Fatalf("limit %d: %d citations, the case meant has 8", limit, len(all))
		}
		newest := " AND p.article_id IN (SELECT p.article_id FROM places p JOIN articles a ON a.id = p.article_id WHERE p.geonames_id = ? AND p.focus = 0 GROUP BY p.article_id ORDER BY a.published IS NULL, a.published DESC, p.article_id DESC LIMIT ?)"
		if n, _, _ := db.placeCitations(ctx, "p.geonames_id = ?"+newest, []any{95446, 95446, limit, limit}); len(n) >= limit {
			fast++
		}
	}
	if fast == 0 {
		t.Error("the newest-articles statement never sufficed: the test proves nothing")
	}
	if cs, _, _ := db.PlaceCitations(ctx, 95446, 2); len(cs) != 2 || cs[0].Article != 3 || cs[1].Article != 3 {
		t.Errorf("newest first: %+v, want article 3's two sentences", cs)
	}
}
