package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readCorpus is two invented articles about one development, in JSON Lines
// with stated dates, so relative dates can be checked.
const readCorpus = `{"url":"https://example.org/a","outlet":"Meridian Wire","published":"2025-03-05T09:00:00Z","title":"Harbour authority approves ferry trial","text":"The harbour authority of Port Ellen approved a six-month trial of night ferries on Tuesday, its chair said.\n\n\"We have listened to the fishermen,\" said chair Ailsa Brodie. \"This is a trial, not a promise.\"\n\nBrodie said that the first crossing would leave Glasgow on March 20."}
{"url":"https://example.org/b","outlet":"Coastal Herald","published":"2025-03-06T07:00:00Z","title":"Night ferries to run from Port Ellen","text":"Night ferries will run between Port Ellen and Glasgow from March 20, the harbour authority decided on Tuesday.\n\nAilsa Brodie, who chairs the authority, told reporters that the trial would last six months."}
`

func TestReadCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errs := run(t, readCorpus, "ingest", "--db", db, "-"); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	var quotes []map[string]any
	code, out, errs := run(t, "", "quotes", "--db", db, "--json")
	if code != 0 || json.Unmarshal([]byte(out), &quotes) != nil {
		t.Fatalf("quotes: %d %s %s", code, out, errs)
	}
	var brodie int
	for _, q := range quotes {
		for _, k := range []string{"text", "speaker", "kind", "article", "sentence"} {
			if _, ok := q[k]; !ok {
				t.Errorf("quote lacks %q: %v", k, q)
			}
		}
		if strings.Contains(q["speaker"].(string), "Brodie") {
			brodie++
		}
	}
	if brodie < 2 {
		t.Errorf("want at least 2 quotes by Ailsa Brodie, got %d: %v", brodie, quotes)
	}
	// The first article was published on Wednesday 5 March 2025: "on
	// Tuesday" in a past-tense sentence is 4 March.
	var tl []map[string]any
	code, out, errs = run(t, "", "timeline", "--db", db, "--json")
	if code != 0 || json.Unmarshal([]byte(out), &tl) != nil {
		t.Fatalf("timeline: %d %s %s", code, out, errs)
	}
	dates := map[string]bool{}
	for _, x := range tl {
		dates[x["date"].(string)] = true
		if x["text"] == "" {
			t.Errorf("timeline entry without its sentence: %v", x)
		}
	}
	for _, d := range []string{"2025-03-04", "2025-03-20"} {
		if !dates[d] {
			t.Errorf("timeline lacks %s: %v", d, tl)
		}
	}
	var places []map[string]any
	code, out, errs = run(t, "", "places", "--db", db, "--json")
	if code != 0 || json.Unmarshal([]byte(out), &places) != nil {
		t.Fatalf("places: %d %s %s", code, out, errs)
	}
	var glasgow bool
	for _, p := range places {
		if p["name"] == "Glasgow" {
			glasgow = p["country"] == "GB" && p["lat"].(float64) > 55 && p["lat"].(float64) < 56.5
		}
	}
	if !glasgow {
		t.Errorf("Glasgow not placed in GB: %v", places)
	}
	var res map[string]any
	code, out, errs = run(t, "", "search", "--db", db, "--json", "ferries")
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
		t.Fatalf("search: %d %s %s", code, out, errs)
	}
	if res["total"].(float64) != 2 {
		t.Errorf("search ferries: total %v, want 2", res["total"])
	}
	code, out, _ = run(t, "", "search", "--db", db, "--outlet", "Coastal Herald", "ferries")
	if code != 0 || !strings.Contains(out, "1 matches") {
		t.Errorf("search with outlet filter: %d %s", code, out)
	}
	code, out, errs = run(t, "", "export", "--db", db, "--format", "csv", "--what", "quotes")
	if code != 0 || !strings.HasPrefix(out, "text,speaker,") || strings.Count(out, "\n") < 3 {
		t.Errorf("export csv quotes: %d %q %s", code, out, errs)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry struct {
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	code, out, errs = run(t, "", "export", "--db", db, "--format", "geojson")
	if code != 0 || json.Unmarshal([]byte(out), &fc) != nil || fc.Type != "FeatureCollection" || len(fc.Features) == 0 || len(fc.Features[0].Geometry.Coordinates) != 2 {
		t.Errorf("export geojson: %d %.300s %s", code, out, errs)
	}
	if code, _, _ := run(t, "", "export", "--db", db, "--format", "geojson", "--what", "stories"); code != 2 {
		t.Errorf("geojson of stories: exit %d, want 2", code)
	}
	if code, _, errs := run(t, "", "search", "--db", db, "--from", "March"); code != 2 {
		t.Errorf("bad date: exit %d (%s), want 2", code, errs)
	}
}

func TestWatchOnce(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "a.txt"), []byte(goodArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "", "watch", "--once", "--db", db, in); code != 0 || !strings.Contains(errs, "1 added") {
		t.Fatalf("watch: %d %s", code, errs)
	}
	code, out, _ := run(t, "", "stories", "--db", db, "--json")
	var stories []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &stories) != nil || len(stories) != 1 {
		t.Fatalf("stories after watch: %d %s", code, out)
	}
	if code, _, _ := run(t, "", "watch", "--db", db, "-"); code != 2 {
		t.Errorf("watch - : exit %d, want 2", code)
	}
}
