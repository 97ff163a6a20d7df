package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
)

func mention(sentence, start, end int, typ string, conf float32, demonym bool) analyse.Mention {
	return analyse.Mention{Span: analyse.Span{Start: start, End: end}, Type: typ, Sentence: sentence, Confidence: conf, Demonym: demonym}
}

// TestMentionsRoundTrip: a packed value reads back as the mentions
// Annotation returned when they were rows (by start, ties in the order
// given), every field kept.
func TestMentionsRoundTrip(t *testing.T) {
	tests := []struct {
		name    string
		in, out []analyse.Mention
	}{
		{"none", nil, nil},
		{"one", []analyse.Mention{mention(0, 0, 6, "PER", 0.5, false)}, nil},
		{"each known type and a demonym", []analyse.Mention{mention(0, 0, 6, "PER", 0.9, false), mention(0, 8, 11, "ORG", 0.8, false),
			mention(1, 20, 24, "LOC", 0.7, false), mention(1, 30, 36, "MISC", 0.6, true)}, nil},
		{"another type, empty type", []analyse.Mention{mention(0, 0, 3, "GPE", 1, false), mention(0, 4, 5, "", 0, true)}, nil},
		{"unsorted, ties kept in order", []analyse.Mention{mention(2, 40, 45, "PER", 0.1, false), mention(0, 3, 9, "ORG", 0.2, false),
			mention(0, 3, 5, "PER", 0.3, false), mention(1, 20, 22, "LOC", 0.4, true)},
			[]analyse.Mention{mention(0, 3, 9, "ORG", 0.2, false), mention(0, 3, 5, "PER", 0.3, false), mention(1, 20, 22, "LOC", 0.4, true),
				mention(2, 40, 45, "PER", 0.1, false)}},
		{"sentences going back, negative, large offsets", []analyse.Mention{mention(5, 0, 2, "PER", 0.5, false), mention(-1, 1, 1, "PER", 0.5, false),
			mention(3, 1<<40, 1<<40+9, "ORG", 0.5, false)}, nil},
		{"odd confidences", []analyse.Mention{mention(0, 0, 1, "PER", float32(math.Inf(1)), false), mention(0, 1, 2, "PER", math.SmallestNonzeroFloat32, false),
			mention(0, 2, 3, "PER", -0.0001, false), mention(0, 3, 4, "PER", 0.1234567, false)}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.out
			if want == nil {
				want = tc.in
			}
			got, err := unpackMentions(packMentions(tc.in))
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, %v; want %+v", got, err, want)
			}
		})
	}
}

// TestMentionsDamaged: a value cut short or of an unknown form is an
// error, never mentions made up.
func TestMentionsDamaged(t *testing.T) {
	good := packMentions([]analyse.Mention{mention(0, 0, 6, "PER", 0.5, false), mention(0, 8, 11, "Other", 0.25, true)})
	for n := 2; n < len(good); n++ {
		if ms, err := unpackMentions(good[:n]); err == nil {
			t.Errorf("cut at %d of %d bytes: %+v, no error", n, len(good), ms)
		}
	}
	for _, b := range [][]byte{
		{2, 1, 0, 0, 0, 0, 0, 0, 0, 0},                // unknown version
		{mentionsV1, 1, 0, 0, 0, 10 << 1, 0, 0, 0, 0}, // unknown type code
		{mentionsV1, 0, 0, 0, 0, 0, 0, 0, 0, 0},       // bytes after the last mention
		{mentionsV1, 200, 0, 0, 0, 0, 0, 0, 0, 0},     // more mentions than bytes
	} {
		if ms, err := unpackMentions(b); err == nil {
			t.Errorf("%x: %+v, no error", b, ms)
		}
	}
}

// TestMentionsMigration packs the mention rows of a database at
// migration 17 — stored out of order, with tied starts, in two articles
// and none in a third — and reads back what Annotation read from the
// rows, as Put now stores it.
func TestMentionsMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	before := 17
	stmts := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`}
	for v := 1; v <= before; v++ {
		stmts = append(stmts, migrations[v-1], fmt.Sprintf(`INSERT INTO schema_migrations VALUES (%d, 'then')`, v))
	}
	for a := 1; a <= 3; a++ {
		stmts = append(stmts,
			fmt.Sprintf(`INSERT INTO documents(hash, origin, media_type, size, raw, ingested_at) VALUES (x'%02x', 'o', 'text/plain', 1, x'00', 'then')`, a),
			fmt.Sprintf(`INSERT INTO articles(document_id, text_hash, title, text, ingested_at) VALUES (%d, x'%02x', 'T', 'Carter met Barzani in Erbil, Iraqi Kurdistan.', 'then')`, a, a))
	}
	stmts = append(stmts, `INSERT INTO mentions(article_id, sentence, start, end, type, confidence, demonym) VALUES
		(2, 0, 22, 27, 'LOC', 0.75, 0), (1, 0, 11, 18, 'PER', 0.25, 0), (1, 0, 0, 6, 'PER', 0.5, 0), (2, 0, 0, 6, 'PER', 0.125, 0),
		(1, 0, 0, 18, 'ORG', 0.0625, 0), (1, 1, 29, 34, 'MISC', 0.875, 1), (2, 0, 22, 27, 'GPE', 0.5, 0)`)
	for _, s := range stmts {
		if _, err := raw.Exec(s); err != nil {
			t.Fatalf("%.60s: %v", s, err)
		}
	}
	// what Annotation read before migration 18
	want := map[int64][]analyse.Mention{}
	for _, id := range []int64{1, 2, 3} {
		rows, err := raw.Query(`SELECT sentence, start, end, type, confidence, demonym FROM mentions WHERE article_id = ? ORDER BY start`, id)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var m analyse.Mention
			if err := rows.Scan(&m.Sentence, &m.Start, &m.End, &m.Type, &m.Confidence, &m.Demonym); err != nil {
				t.Fatal(err)
			}
			want[id] = append(want[id], m)
		}
		rows.Close()
	}
	raw.Close()
	if len(want[1]) != 4 || want[1][0].Type != "PER" || want[1][1].Type != "ORG" || len(want[2]) != 3 || want[2][2].Type != "GPE" {
		t.Fatalf("the rows read before are not the case meant: %+v", want)
	}

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, id := range []int64{1, 2, 3} {
		an, err := db.Annotation(ctx, id)
		if err != nil || !reflect.DeepEqual(an.Mentions, want[id]) {
			t.Errorf("article %d after migration 18: %+v, %v; want %+v", id, an.Mentions, err, want[id])
		}
	}
	var tables int
	db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE name = 'mentions'`).Scan(&tables)
	if tables != 0 {
		t.Error("mentions table kept")
	}
	// the migrated value is the one Put stores for the same mentions
	it := item("new", "", "new raw", "T", "Carter met Barzani in Erbil, Iraqi Kurdistan.")
	it.Analysis = &analyse.Annotation{Mentions: want[1]}
	res, err := db.Put(ctx, []store.Item{it})
	if err != nil {
		t.Fatal(err)
	}
	var migrated, put []byte
	db.db.QueryRowContext(ctx, `SELECT packed FROM article_mentions WHERE article_id = 1`).Scan(&migrated)
	db.db.QueryRowContext(ctx, `SELECT packed FROM article_mentions WHERE article_id = ?`, res[0].ID).Scan(&put)
	if len(migrated) == 0 || string(migrated) != string(put) {
		t.Errorf("migrated %x, stored by Put %x", migrated, put)
	}
}
