package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// eventWorld stores two articles and story 7, and returns records whose
// mentions are those articles' sentences, as the corpus stage makes them.
func eventWorld(t *testing.T, db *DB) (ids []int64, recs []event.Record) {
	t.Helper()
	ctx := context.Background()
	texts := []string{"Carter met Barzani in Erbil. They spoke of Mosul.", "Iraqi forces shelled Mosul. Barzani objected."}
	var items []store.Item
	for i, tx := range texts {
		it := item(fmt.Sprint("a", i), fmt.Sprintf("https://example.org/%d", i), "raw "+tx, "T", tx)
		it.Article.Outlet = fmt.Sprint("Outlet ", i)
		if i == 1 {
			it.Article.Published = time.Time{} // undated
		}
		items = append(items, it)
	}
	res, err := db.Put(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		ids = append(ids, r.ID)
	}
	if _, err := db.db.ExecContext(ctx, `INSERT INTO events(id, storyline_id, first_seen, last_seen) VALUES (7, 1, '', ''), (8, 1, '', '')`); err != nil {
		t.Fatal(err)
	}
	published := time.Date(2016, 10, 23, 0, 0, 0, 0, time.UTC)
	ref := func(a, sentence, start, end int) event.MentionRef {
		m := event.MentionRef{Article: ids[a], Sentence: sentence, Span: event.Span{Start: start, End: end}, Verb: event.Span{Start: start + 7, End: start + 10},
			Outlet: items[a].Article.Outlet, Text: texts[a][start:end], URL: items[a].Article.URL}
		if a == 0 {
			p := published
			m.Published = &p
		}
		return m
	}
	base := event.Record{Story: 7, Type: "CONSULT", Cameo: "040", Status: event.Asserted, Date: "2016-10-23",
		Source: event.Party{Name: "Jimmy Carter", Text: "Carter", Actor: 3}, Target: event.Party{Name: "Masoud Barzani", Text: "Barzani", Actor: 4},
		Place: &event.Place{Name: "Erbil", GeonamesID: 95446, Country: "IQ", Stated: true}}
	whole := base // mentions as their articles have them, first report one of them
	whole.Mentions = []event.MentionRef{ref(0, 0, 0, 28), ref(1, 1, 28, 45)}
	whole.FirstReport = ref(0, 0, 0, 28)
	whole.NumMentions = 2
	odd := base // fields that differ from the article's are kept as they are
	odd.Type, odd.Story = "ASSAULT", 8
	m := ref(1, 0, 0, 27)
	m.Text, m.URL, m.Outlet = "Iraqi forces shelled Mosul (corrected).", "", "Another outlet"
	p := published
	m.Published = &p // the article is undated
	odd.Mentions = []event.MentionRef{m, ref(0, 1, 29, 49)}
	odd.FirstReport = ref(1, 1, 28, 45) // not one of the mentions
	odd.Mentions[1].Span.End = 500      // past the text: kept
	odd.Mentions[1].Text = "as written"
	return ids, []event.Record{whole, odd}
}

func recordJSON(t *testing.T, r event.Record) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Coded events come back as they were given, field for field, though
// their bodies leave out what the articles hold.
func TestEventBodyRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	_, recs := eventWorld(t, db)
	if err := db.ReplaceStoryEvents(ctx, []int64{7, 8}, recs); err != nil {
		t.Fatal(err)
	}
	for _, want := range recs {
		got, _, err := db.CodedEventList(ctx, store.EventFilter{Story: want.Story})
		if err != nil || len(got) != 1 {
			t.Fatalf("story %d: %+v, %v", want.Story, got, err)
		}
		if g, w := recordJSON(t, got[0]), recordJSON(t, want); g != w {
			t.Errorf("read back\n%s\nwant\n%s", g, w)
		}
	}
	// the body of the event whose mentions are its articles' holds no
	// sentence, URL or outlet
	var body []byte
	if err := db.db.QueryRowContext(ctx, `SELECT body FROM coded_events WHERE story_id = 7`).Scan(&body); err != nil {
		t.Fatal(err)
	}
	p, err := parseEvent(1, 7, body)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range p.rec.Mentions {
		if m.Text != "" || m.URL != "" || m.Outlet != "" || m.Published != nil {
			t.Errorf("stored mention keeps its article's fields: %+v", m)
		}
	}
	old := packEvent([]byte(recordJSON(t, recs[0])))
	if len(body) >= len(old) {
		t.Errorf("body of %d bytes, %d as stored before", len(body), len(old))
	}
}

// Re-deriving a story writes only what changed: an unchanged event keeps
// its row and id, a changed one is replaced, one gone is deleted, and
// the other stories' events are left alone.
func TestReplaceStoryEventsPerChange(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	_, recs := eventWorld(t, db)
	third := recs[0]
	third.Type, third.Cameo = "MEET", "043"
	first := []event.Record{recs[0], third, recs[1]}
	if err := db.ReplaceStoryEvents(ctx, []int64{7, 8}, first); err != nil {
		t.Fatal(err)
	}
	changed := recs[0]
	changed.NumMentions = 3
	again := []event.Record{third, changed}
	again[0].ID, again[1].ID = 0, 0
	if err := db.ReplaceStoryEvents(ctx, []int64{7}, again); err != nil {
		t.Fatal(err)
	}
	if again[0].ID != first[1].ID {
		t.Errorf("unchanged event: id %d, was %d", again[0].ID, first[1].ID)
	}
	if again[1].ID <= first[2].ID {
		t.Errorf("changed event: id %d, want a new one above %d", again[1].ID, first[2].ID)
	}
	got, n, err := db.CodedEventList(ctx, store.EventFilter{})
	if err != nil || n != 3 {
		t.Fatalf("%d events, %v; want 3", n, err)
	}
	want := map[int64]string{again[0].ID: recordJSON(t, again[0]), again[1].ID: recordJSON(t, again[1]), first[2].ID: recordJSON(t, first[2])}
	for _, r := range got {
		if w, ok := want[r.ID]; !ok || recordJSON(t, r) != w {
			t.Errorf("event %d read back\n%s\nwant\n%s", r.ID, recordJSON(t, r), w)
		}
	}
	// an event stored twice in a story is kept twice
	twice := []event.Record{third, third}
	if err := db.ReplaceStoryEvents(ctx, []int64{7}, twice); err != nil {
		t.Fatal(err)
	}
	if twice[0].ID != first[1].ID || twice[1].ID == twice[0].ID {
		t.Errorf("twice: ids %d, %d", twice[0].ID, twice[1].ID)
	}
	if _, n, _ := db.CodedEventList(ctx, store.EventFilter{Story: 7}); n != 2 {
		t.Errorf("story 7: %d events, want 2", n)
	}
}

// TestMigration17 upgrades a database of migration 16 — coded events as
// zstd JSON with their mentions in a table of their own, the corpus state
// as written — and reads every fact back.
func TestMigration17(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	rec := event.Record{ID: 1, Story: 7, Type: "MEET", Cameo: "040", Status: "asserted", Date: "2016-10-23",
		Mentions: []event.MentionRef{{Article: 1, Outlet: "Example", Text: "Carter met Barzani."}}, NumMentions: 1}
	body, _ := json.Marshal(rec)
	big := []byte(strings.Repeat(`{"actor":"Barzani"},`, 200))
	magic := append(append([]byte{}, zstdMagic...), "not a frame"...)
	stmts := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`}
	for v := 1; v <= 16; v++ {
		stmts = append(stmts, migrations[v-1], fmt.Sprintf(`INSERT INTO schema_migrations VALUES (%d, 'then')`, v))
	}
	stmts = append(stmts,
		`INSERT INTO events(id, storyline_id, first_seen, last_seen) VALUES (7, 1, '', '')`,
		`INSERT INTO coded_events(story_id, type, cameo, status, date, mentions, body) VALUES (7, 'MEET', '040', 'asserted', '2016-10-23', 1, x'`+fmt.Sprintf("%x", packEvent(body))+`')`,
		`INSERT INTO coded_event_mentions(event_id, article_id, sentence, outlet) VALUES (1, 1, 0, 'Example')`,
		`INSERT INTO state(name, value) VALUES ('entity.registry', x'`+fmt.Sprintf("%x", big)+`'), ('derived.last_article', '12'), ('odd', x'`+fmt.Sprintf("%x", magic)+`')`,
		`INSERT INTO state_log(name, value) VALUES ('entity.registry', x'`+fmt.Sprintf("%x", big)+`'), ('entity.registry', x'')`,
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
	got, n, err := db.CodedEventList(ctx, store.EventFilter{Story: 7})
	if err != nil || n != 1 || recordJSON(t, got[0]) != string(body) {
		t.Errorf("coded events after upgrade = %+v (%d), %v; want %s", got, n, err, body)
	}
	var tables int
	db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE name = 'coded_event_mentions'`).Scan(&tables)
	if tables != 0 {
		t.Error("coded_event_mentions kept")
	}
	for name, want := range map[string][]byte{"entity.registry": big, "derived.last_article": []byte("12"), "odd": magic} {
		if b, err := db.State(ctx, name); err != nil || !bytes.Equal(b, want) {
			t.Errorf("state %s after upgrade = %q, %v; want %q", name, b, err, want)
		}
	}
	var stored []byte
	db.db.QueryRowContext(ctx, `SELECT value FROM state WHERE name = 'entity.registry'`).Scan(&stored)
	if !bytes.HasPrefix(stored, zstdMagic) || len(stored)*4 > len(big) {
		t.Errorf("registry stored in %d bytes (%q…), want a small zstd frame", len(stored), stored[:min(8, len(stored))])
	}
	if last, err := db.LastDerived(ctx); err != nil || last != 12 {
		t.Errorf("LastDerived after upgrade = %d, %v", last, err)
	}
	logs, err := db.StateLog(ctx, "entity.registry")
	if err != nil || len(logs) != 2 || !bytes.Equal(logs[0], big) || len(logs[1]) != 0 {
		t.Errorf("state log after upgrade: %d entries, %v", len(logs), err)
	}
	// the event written before is replaced by an equal one when its story
	// is next coded, and reads the same
	rec.ID = 0
	if err := db.ReplaceStoryEvents(ctx, []int64{7}, []event.Record{rec}); err != nil {
		t.Fatal(err)
	}
	got, n, _ = db.CodedEventList(ctx, store.EventFilter{Story: 7})
	rec.ID = got[0].ID
	if n != 1 || recordJSON(t, got[0]) != recordJSON(t, rec) {
		t.Errorf("recoded: %+v", got)
	}
}

// fillAll sets every exported field reachable from v to a value of its
// own, none zero.
func fillAll(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2016, 10, 1+*n%28, 0, 0, *n, 0, time.FixedZone("", 3600))))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fillAll(v.Field(i), n)
			}
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			fillAll(v.Index(i), n)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for i := 0; i < 2; i++ {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fillAll(k, n)
			fillAll(e, n)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		v.SetString(fmt.Sprint("s", *n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(-*n))
	case reflect.Uint, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n))
	case reflect.Float64:
		v.SetFloat(float64(*n) + 0.1)
	default:
		panic("fillAll: a " + v.Kind().String())
	}
}

// The binary body keeps every field of a coded event: a field added to
// event.Record (or the types it holds) that encodeEvent does not write
// fails here.
func TestEventBinaryCoversRecord(t *testing.T) {
	var rec event.Record
	n := 0
	fillAll(reflect.ValueOf(&rec).Elem(), &n)
	rec.ID, rec.Story = 5, 9
	for _, tc := range []struct {
		name string
		mod  func(*event.Record)
	}{
		{"all set", func(*event.Record) {}},
		{"first report a mention", func(r *event.Record) { r.FirstReport = r.Mentions[1] }},
		{"nothing set", func(r *event.Record) { *r = event.Record{ID: 5, Story: 9} }},
		{"empty lists", func(r *event.Record) {
			r.Mentions, r.AllSources, r.Disagreements = []event.MentionRef{}, []event.Party{}, map[string]map[string]string{"x": nil}
		}},
		{"negative zero", func(r *event.Record) { r.Goldstein = math.Copysign(0, -1) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rec
			r.Mentions = slices.Clone(rec.Mentions)
			tc.mod(&r)
			p, err := parseEvent(r.ID, r.Story, encodeEvent(&r, nil))
			if err != nil {
				t.Fatal(err)
			}
			got := p.record(nil)
			if g, w := recordJSON(t, got), recordJSON(t, r); g != w {
				t.Errorf("read back\n%s\nwant\n%s", g, w)
			}
		})
	}
	// a body cut short is an error, not a record
	body := encodeEvent(&rec, nil)
	for _, cut := range []int{2, len(body) / 2, len(body) - 1} {
		if _, err := parseEvent(1, 1, body[:cut]); err == nil {
			t.Errorf("body cut at %d of %d: no error", cut, len(body))
		}
	}
}

// eachKeys covers every id, in chunks of a few lengths only.
func TestEachKeys(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 5, 255, 256, 257, 700} {
		ids := make([]int64, n)
		for i := range ids {
			ids[i] = int64(i + 1)
		}
		seen := map[int64]bool{}
		err := eachKeys(ids, func(args []any) error {
			if l := len(args); l&(l-1) != 0 || l > maxKeys {
				t.Fatalf("%d ids: a chunk of %d", n, l)
			}
			for _, a := range args {
				seen[a.(int64)] = true
			}
			return nil
		})
		if err != nil || len(seen) != n {
			t.Errorf("%d ids: %d seen, %v", n, len(seen), err)
		}
	}
}
