package sqlite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// eventDictSum is the sha256 of eventDict. Frames stored with it name it
// by id for ever: a different dictionary needs a new id, not an edit.
const frozenEventDictSum = "bded89bfa97e428a8a9fcd9ae64d97e02206674b2ce9ce0a7b64b9abfbd77487"

func TestEventDictFrozen(t *testing.T) {
	sum := sha256.Sum256([]byte(eventDict))
	if got := hex.EncodeToString(sum[:]); got != frozenEventDictSum {
		t.Fatalf("eventDict changed (sha256 %s): stored coded events name dictionary %d; add a new dictionary under a new id instead", got, eventDictID)
	}
}

// Packed JSON comes back byte for byte; JSON stored as it is (rows
// written before migration 13) reads as it is.
func TestPackRoundTrip(t *testing.T) {
	rec := event.Record{ID: 3, Story: 7, Type: "MEET", Cameo: "040", Mentions: []event.MentionRef{{Article: 1, Outlet: "a", Text: "Carter met Barzani."}}}
	body, _ := json.Marshal(rec)
	page := []byte(`{"id":7,"headline":"` + strings.Repeat("Ferry services resumed. ", 200) + `"}`)
	for _, tc := range []struct {
		name string
		pack func([]byte) []byte
		in   []byte
	}{
		{"event", packEvent, body},
		{"empty event", packEvent, []byte(`{}`)},
		{"page", packPage, page},
		{"empty page", packPage, []byte(`[]`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stored := tc.pack(tc.in)
			if !bytes.HasPrefix(stored, zstdMagic) {
				t.Fatalf("stored %q is not a zstd frame", stored)
			}
			back, err := unpackJSON(stored)
			if err != nil || !bytes.Equal(back, tc.in) {
				t.Fatalf("unpacked %q, %v; want %q", back, err, tc.in)
			}
			if old, err := unpackJSON(tc.in); err != nil || !bytes.Equal(old, tc.in) {
				t.Fatalf("JSON as stored before: %q, %v", old, err)
			}
		})
	}
	if n := len(packEvent(body)); n*2 > len(body) {
		t.Errorf("event of %d bytes stored in %d", len(body), n)
	}
	if n := len(packPage(page)); n*10 > len(page) {
		t.Errorf("page of %d bytes stored in %d", len(page), n)
	}
	if _, err := unpackJSON(append(append([]byte{}, zstdMagic...), "garbage"...)); err == nil {
		t.Error("want an error for a damaged frame")
	}
}

// TestPackMigration upgrades a database written before migration 13 —
// coded events and story pages as JSON, mentions with their text — and
// reads the same things back from the smaller rows.
func TestPackMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	before := -1
	for i, m := range migrations {
		if strings.Contains(m, "sitrep_pack_event") {
			before = i
		}
	}
	if before < 0 {
		t.Fatal("no migration packs coded events")
	}
	rec := event.Record{ID: 1, Story: 7, Type: "MEET", Cameo: "040", Status: "asserted", Date: "2016-10-23",
		Mentions: []event.MentionRef{{Article: 1, Outlet: "Example", Text: "Carter met Barzani."}}, NumMentions: 1}
	body, _ := json.Marshal(rec)
	page := `{"id":7,"headline":"Carter meets Barzani","articles":[1]}`
	stmts := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`}
	for v := 1; v <= before; v++ {
		stmts = append(stmts, migrations[v-1], fmt.Sprintf(`INSERT INTO schema_migrations VALUES (%d, 'then')`, v))
	}
	stmts = append(stmts,
		`INSERT INTO documents(hash, origin, media_type, size, raw, ingested_at) VALUES ('h', 'o', 'text/plain', 1, x'00', 'then')`,
		`INSERT INTO articles(document_id, text_hash, title, text, ingested_at) VALUES (1, 'th', 'T', 'Carter met Barzani.', 'then')`,
		`INSERT INTO mentions(article_id, sentence, start, end, type, text, confidence) VALUES (1, 0, 0, 6, 'PER', 'Carter', 0.5), (1, 0, 11, 18, 'PER', 'Barzani', 0.25)`,
		// a document and article hashed as hex, as before migration 14
		`INSERT INTO documents(hash, origin, media_type, size, raw, ingested_at) VALUES ('`+hex.EncodeToString(hash([]byte("old raw")))+`', 'o2', 'text/plain', 7, 'old raw', 'then')`,
		`INSERT INTO articles(document_id, url, text_hash, title, text, ingested_at) VALUES (2, '', '`+hex.EncodeToString(hash([]byte("T\x00Old text.")))+`', 'T', 'Old text.', 'then')`,
		`INSERT INTO events(id, storyline_id, first_seen, last_seen) VALUES (7, 1, '', '')`,
		`INSERT INTO story_pages(event_id, page) VALUES (7, '`+page+`')`,
		`INSERT INTO coded_events(story_id, type, cameo, status, date, mentions, body) VALUES (7, 'MEET', '040', 'asserted', '2016-10-23', 1, '`+string(body)+`')`,
	)
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
	for _, q := range []string{`SELECT body FROM coded_events`, `SELECT page FROM story_pages`} {
		var stored []byte
		if err := db.db.QueryRowContext(ctx, q).Scan(&stored); err != nil || !bytes.HasPrefix(stored, zstdMagic) {
			t.Errorf("%s: %q, %v; want a zstd frame", q, stored, err)
		}
	}
	if b, err := db.StoryPage(ctx, 7); err != nil || string(b) != page {
		t.Errorf("story page after upgrade = %q, %v", b, err)
	}
	got, n, err := db.CodedEventList(ctx, store.EventFilter{Story: 7})
	if err != nil || n != 1 || !reflect.DeepEqual(got, []event.Record{rec}) {
		t.Errorf("coded events after upgrade = %+v (%d), %v; want %+v", got, n, err, rec)
	}
	an, err := db.Annotation(ctx, 1)
	if err != nil || len(an.Mentions) != 2 || an.Mentions[1].Start != 11 || an.Mentions[1].Confidence != 0.25 {
		t.Errorf("mentions after upgrade = %+v, %v", an, err)
	}
	// hashes written before still find their duplicates: the same raw
	// bytes, and the same text without a URL
	for _, it := range []store.Item{item("old raw", "", "old raw", "X", "Other text."), item("new raw", "", "new raw", "T", "Old text.")} {
		res, err := db.Put(ctx, []store.Item{it})
		if err != nil || res[0].Outcome != store.Duplicate || res[0].ID != 2 {
			t.Errorf("put %q after upgrade = %+v, %v; want a duplicate of article 2", it.Raw.Body, res, err)
		}
	}
	// new rows are written packed too
	if err := db.ReplaceStoryEvents(ctx, []int64{7}, []event.Record{rec}); err != nil {
		t.Fatal(err)
	}
	if got, _, err := db.CodedEventList(ctx, store.EventFilter{Story: 7}); err != nil || len(got) != 1 || got[0].Mentions[0].Text != rec.Mentions[0].Text {
		t.Errorf("coded events rewritten = %+v, %v", got, err)
	}
}

// Vacuum gives the file back the pages a shrunken value left free, and
// keeps what is stored.
func TestVacuum(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	// 1 MiB that does not compress (state values are stored compressed)
	big := make([]byte, 1<<20)
	rand.NewChaCha8([32]byte{1}).Read(big)
	for _, v := range [][]byte{big, []byte("small")} {
		if err := db.PutDerived(ctx, &store.Derived{State: map[string][]byte{"story.clusterer": v}}); err != nil {
			t.Fatal(err)
		}
	}
	free := func() (n int) {
		if err := db.db.QueryRowContext(ctx, `PRAGMA freelist_count`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if free() < 200 {
		t.Fatalf("%d free pages after shrinking a 1 MiB value; the test needs them", free())
	}
	if err := db.Vacuum(ctx); err != nil {
		t.Fatal(err)
	}
	if n := free(); n != 0 {
		t.Errorf("%d free pages after Vacuum", n)
	}
	if b, err := db.State(ctx, "story.clusterer"); err != nil || string(b) != "small" {
		t.Errorf("state after Vacuum = %q, %v", b, err)
	}
	var pages int
	db.db.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages)
	if pages > 100 {
		t.Errorf("%d pages after Vacuum (%s)", pages, path)
	}
}
