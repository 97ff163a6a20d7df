package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

// eventsCorpus is two outlets' reports of one happening, written for this
// test, as JSON Lines with their publication dates.
var eventsCorpus = map[string]string{"news.jsonl": `{"url":"https://harbor.example/kirkuk","outlet":"Harbor Times","published":"2016-10-22T08:00:00Z","title":"Militants Attack Army Base Near Kirkuk","text":"Islamic State militants attacked an Iraqi army base near Kirkuk on October 21, 2016, killing 12 soldiers, Iraqi officials said.\n\nThe Iraqi army sent 600 troops to Kirkuk on Saturday."}
{"url":"https://desert.example/base","outlet":"Desert Wire","published":"2016-10-22T09:30:00Z","title":"Iraqi Base Hit by Islamic State","text":"Islamic State militants attacked an Iraqi army base near Kirkuk on October 21, 2016, killing 14 soldiers, a police officer said.\n\nPrime Minister Haidar al-Abadi urged the army to retake the area."}
`}

func TestEventsCommandAndExports(t *testing.T) {
	dir := t.TempDir()
	for name, text := range eventsCorpus {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := run(t, "", "events", "--db", db, "--json", "--type", "ASSAULT")
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, stderr)
	}
	var page struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &page); err != nil {
		t.Fatalf("events --json: %v\n%s", err, out)
	}
	if page.Total == 0 {
		t.Fatalf("no ASSAULT events: %s", out)
	}
	for _, k := range []string{"id", "source", "target", "type", "mode", "cameo", "place", "date", "status", "negated", "hypothetical", "quantities", "mentions", "articles", "sources"} {
		if _, ok := page.Items[0][k]; !ok {
			t.Errorf("event JSON lacks %q", k)
		}
	}
	// the attack reported by both outlets is one event with a mention from each
	var attack map[string]any
	for _, it := range page.Items {
		if it["verb"] == "attacked" {
			attack = it
		}
	}
	if attack == nil {
		t.Fatalf("no 'attacked' event in %s", out)
	}
	if attack["sources"].(float64) != 2 || len(attack["mentions"].([]any)) != 2 {
		t.Errorf("attacked: %v sources, %d mentions; want 2 and 2", attack["sources"], len(attack["mentions"].([]any)))
	}
	if d, _ := attack["disagreements"].(map[string]any); d == nil || d["killed"] == nil {
		t.Errorf("the outlets' tolls (12, 14) are not kept: %v", attack["disagreements"])
	}
	if attack["date"] != "2016-10-21" {
		t.Errorf("attack dated %v", attack["date"])
	}
	// the table form and filters
	if code, out, _ := run(t, "", "events", "--db", db, "--type", "ASSAULT"); code != 0 || !strings.Contains(out, "attacked") {
		t.Errorf("events table: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, "", "events", "--db", db, "--from", "21 Oct"); code != 2 {
		t.Errorf("bad --from: exit %d, want 2", code)
	}
	// GDELT: every row has GDELT's columns
	code, out, stderr = run(t, "", "export", "--db", db, "--format", "gdelt")
	if code != 0 {
		t.Fatalf("export gdelt: exit %d: %s", code, stderr)
	}
	r := csv.NewReader(strings.NewReader(out))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, len(event.GDELTEventColumns)
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("gdelt events: %d rows, %v", len(rows), err)
	}
	code, out, _ = run(t, "", "export", "--db", db, "--format", "gdelt", "--what", "mentions")
	r = csv.NewReader(strings.NewReader(out))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, len(event.GDELTMentionColumns)
	if rows, err := r.ReadAll(); code != 0 || err != nil || len(rows) == 0 {
		t.Fatalf("gdelt mentions: exit %d, %d rows, %v", code, len(rows), err)
	}
	if code, out, _ := run(t, "", "export", "--db", db, "--format", "csv", "--what", "events"); code != 0 || !strings.HasPrefix(out, "id,story,date") {
		t.Errorf("csv events: exit %d: %.80s", code, out)
	}
}
