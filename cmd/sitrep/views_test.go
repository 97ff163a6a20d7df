package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/server"
)

// viewsCorpus adds to readCorpus an undated article whose title and outlet
// are spreadsheet formulas, and an undated article whose date is
// estimated from its text (March 6, then the Friday after it: 7 March),
// with that relative "On Friday" in it.
const viewsCorpus = readCorpus + `{"url":"https://example.org/u","outlet":"@SUM(1+1)","title":"=HYPERLINK(\"http://evil.example\",\"click\")","text":"Lighthouse keepers on the island of Inchkeith voted to strike, their union said.\n\nThe union's secretary, Morag Dunlop, said the keepers had not been consulted about the new rota."}
{"url":"https://example.org/e","outlet":"Valley Courier","title":"Bridge at Kelso to stay closed for repairs","text":"The old bridge at Kelso was closed on March 3, 2025, the council said.\n\nEngineers found cracks in the arches on March 6. On Friday, council leader Ewan Marsh told reporters that the repairs would take six weeks."}
`

// viewsDB ingests viewsCorpus once into a fresh database.
func viewsDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "v.db")
	if code, _, errs := run(t, viewsCorpus, "ingest", "--db", db, "-"); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	return db
}

func TestViews(t *testing.T) {
	db := viewsDB(t)
	t.Run("quotes", func(t *testing.T) { testQuoteViews(t, db) })
	t.Run("dates", func(t *testing.T) { testDateViews(t, db) })
	t.Run("csv", func(t *testing.T) { testCSV(t, db) })
	t.Run("search", func(t *testing.T) { testSearchSyntax(t, db) })
	t.Run("api", func(t *testing.T) { testViewsAPI(t, db) })
	t.Run("limit", func(t *testing.T) {
		code, _, errs := run(t, "", "stories", "--db", db, "--limit", "100000")
		if code != 0 || !strings.Contains(errs, "--limit 100000") || !strings.Contains(errs, "1000") {
			t.Errorf("stories --limit 100000: exit %d, stderr %q: want a note that the limit is capped at 1000", code, errs)
		}
	})
}

// testQuoteViews: direct quotes are shown in quotation marks; reported
// speech is shown as "said that …" without them, in the quote list, the
// story text and Markdown, and the CSV export.
func testQuoteViews(t *testing.T, db string) {
	code, out, errs := run(t, "", "quotes", "--db", db)
	if code != 0 {
		t.Fatalf("quotes: %d %s", code, errs)
	}
	// Interrupted by its attribution, the direct quote keeps the marks it
	// was written with around each quoted piece.
	if !strings.Contains(out, "direct quote") || !strings.Contains(out, "\n  \"We have listened to the fishermen,\" said chair Ailsa Brodie. \"This is a trial") {
		t.Errorf("direct quote not in quotation marks:\n%s", out)
	}
	if !strings.Contains(out, "reported speech") || !strings.Contains(out, "said that the first crossing would leave Glasgow") {
		t.Errorf("indirect quote not shown as reported speech:\n%s", out)
	}
	if strings.Contains(out, "“the first crossing") || strings.Contains(out, `"the first crossing`) {
		t.Errorf("reported speech shown in quotation marks:\n%s", out)
	}
	for _, args := range [][]string{{"story", "--db", db, "1"}, {"story", "--db", db, "--markdown", "1"}} {
		code, out, errs := run(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: %d %s", args, code, errs)
		}
		if strings.Contains(out, "Brodie") && strings.Contains(out, "the first crossing") && !strings.Contains(out, "said that the first crossing") {
			t.Errorf("%v: reported speech not shown as such:\n%s", args, out)
		}
	}
	code, out, errs = run(t, "", "export", "--db", db, "--format", "csv", "--what", "quotes")
	if code != 0 {
		t.Fatalf("export quotes: %d %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("quotes csv: %v\n%s", err, out)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var direct, reported bool
	for _, r := range recs[1:] {
		shown := r[col["shown"]]
		switch r[col["kind"]] {
		case "direct":
			direct = direct || strings.ContainsAny(shown[:1], "“\"") && r[col["verbatim"]] == "true"
		case "indirect":
			reported = true
			if strings.ContainsAny(shown, "“”\"") || r[col["verbatim"]] != "false" {
				t.Errorf("reported speech shown as verbatim in CSV: %q", r)
			}
		}
		if c := r[col["confidence"]]; len(c) > 6 {
			t.Errorf("confidence %q: float noise", c)
		}
	}
	if !direct || !reported {
		t.Errorf("quotes csv: direct %v reported %v\n%s", direct, reported, out)
	}
}

// testDateViews: a story of undated articles has no first/last seen (null
// in JSON, "undated" in the table) and is listed after the dated ones;
// the timeline keeps the estimated mark in text, JSON and CSV.
func testDateViews(t *testing.T, db string) {
	var stories []map[string]any
	code, out, errs := run(t, "", "stories", "--db", db, "--json")
	if code != 0 || json.Unmarshal([]byte(out), &stories) != nil {
		t.Fatalf("stories: %d %s %s", code, out, errs)
	}
	undated := -1
	for i, s := range stories {
		if strings.Contains(s["headline"].(string), "HYPERLINK") {
			undated = i
			if s["first_seen"] != nil || s["last_seen"] != nil {
				t.Errorf("undated story dated: first_seen %v last_seen %v", s["first_seen"], s["last_seen"])
			}
		} else if s["first_seen"] == nil {
			t.Errorf("dated story %v has no first_seen", s["headline"])
		}
		// The Kelso story is dated by an estimate only; the ferry story
		// by stated dates.
		if est, _ := s["seen_estimated"].(bool); est != strings.Contains(s["headline"].(string), "Kelso") {
			t.Errorf("story %q: seen_estimated %v", s["headline"], est)
		}
	}
	if undated != len(stories)-1 {
		t.Errorf("undated story at %d of %d: want it listed after the dated ones", undated, len(stories))
	}
	code, out, _ = run(t, "", "stories", "--db", db)
	if code != 0 || !strings.Contains(out, "undated") {
		t.Errorf("stories table does not say undated:\n%s", out)
	}
	var tl []map[string]any
	code, out, errs = run(t, "", "timeline", "--db", db, "--json")
	if code != 0 || json.Unmarshal([]byte(out), &tl) != nil {
		t.Fatalf("timeline: %d %s %s", code, out, errs)
	}
	var estimated, stated bool
	for _, x := range tl {
		e, _ := x["estimated"].(bool)
		if x["expression"] == "Friday" {
			estimated = estimated || e
		}
		if strings.Contains(x["text"].(string), "fishermen") || strings.Contains(x["text"].(string), "approved a six-month") {
			stated = stated || !e
			if e {
				t.Errorf("stated date marked estimated: %v", x)
			}
		}
	}
	if !estimated {
		t.Errorf("timeline --json: \"On Friday\" in an undated article not marked estimated: %v", tl)
	}
	code, out, _ = run(t, "", "timeline", "--db", db)
	if code != 0 || !strings.Contains(out, "≈") {
		t.Errorf("timeline text lacks the ≈ mark:\n%s", out)
	}
	code, out, _ = run(t, "", "export", "--db", db, "--format", "csv", "--what", "timeline")
	if code != 0 || !strings.HasPrefix(out, "date,estimated,") || !strings.Contains(out, ",true,") {
		t.Errorf("timeline csv lacks the estimated column:\n%s", out)
	}
}

// testCSV: cells a spreadsheet would run as formulas are neutralised.
func testCSV(t *testing.T, db string) {
	for _, what := range []string{"articles", "stories"} {
		code, out, errs := run(t, "", "export", "--db", db, "--format", "csv", "--what", what)
		if code != 0 {
			t.Fatalf("export %s: %d %s", what, code, errs)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range recs {
			for _, c := range r {
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && strings.Trim(c, "-+0123456789.") != "" {
					t.Errorf("%s csv: formula cell %q", what, c)
				}
				found = found || strings.HasPrefix(c, "'=HYPERLINK") || strings.HasPrefix(c, "'@SUM")
			}
		}
		if !found {
			t.Errorf("%s csv: the neutralised cells are missing:\n%s", what, out)
		}
	}
}

// testSearchSyntax: a query that cannot be parsed is a usage error with a
// hint, never a raw SQL error.
func testSearchSyntax(t *testing.T, db string) {
	for _, q := range []string{`"ferries`, "AND OR *", "ferries OR", "NOT ferries"} {
		code, _, errs := run(t, "", "search", "--db", db, q)
		if code != exitUsage || !strings.Contains(errs, "search query:") || strings.Contains(errs, "SQL") {
			t.Errorf("search %q: exit %d, %q; want exit 2 with a hint", q, code, errs)
		}
	}
	code, out, errs := run(t, "", "search", "--db", db, `"night ferries" OR lighthouse*`)
	if code != 0 || !strings.Contains(out, "3 matches") {
		t.Errorf("phrase OR prefix: %d %s %s", code, out, errs)
	}
}

// TestReadMissingDB: a read command given a database that does not exist
// fails with a clear message and creates nothing (not the file, not its
// folder); serve does the same unless --create.
func TestReadMissingDB(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "typo")
	db := filepath.Join(dir, "sitrp.db")
	for _, args := range [][]string{{"stories"}, {"story", "1"}, {"storylines"}, {"entities"}, {"entity", "x"}, {"places"},
		{"quotes"}, {"timeline"}, {"search", "x"}, {"export", "--format", "csv"}, {"articles"}, {"article", "1"}, {"status"}, {"serve", "--addr", "127.0.0.1:0"}} {
		code, _, errs := run(t, "", append(args, "--db", db)...)
		if code != exitFailure || !strings.Contains(errs, "no database at "+db) {
			t.Errorf("%v on a missing db: exit %d, %q", args, code, errs)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("%v created %s", args, dir)
		}
	}
}

// TestIngestCountsAgree: the summary line and the exit message count the
// same things (one JSON Lines input holds several documents and problems).
func TestIngestCountsAgree(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"title":"Ferry trial approved","text":"The harbour authority approved a trial of night ferries."}
{"title": broken
{"title":"Ferry trial extended","text":"The harbour authority extended the trial of night ferries."}
not json at all
{"title":"no text"}
`
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte(goodArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, "", "ingest", "--db", filepath.Join(t.TempDir(), "c.db"), dir)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d: %s", code, exitPartial, errs)
	}
	if !strings.Contains(errs, "2 inputs, 3 documents:") || !strings.Contains(errs, "3 problems (database") {
		t.Errorf("summary line: %s", errs)
	}
	if !strings.Contains(errs, "sitrep ingest: 3 problems, each named above; the 3 documents that could be read went in") || strings.Contains(errs, "inputs failed") {
		t.Errorf("exit message does not agree with the summary: %s", errs)
	}
}

// testViewsAPI: the HTTP API over the real store answers a search it
// cannot parse with 400 and a hint, keeps the estimated mark on
// /api/v1/timeline, gives undated stories null dates, says when a limit
// was capped, and refuses an oversized ingest body with 413, storing none
// of it.
func testViewsAPI(t *testing.T, path string) {
	ctx := context.Background()
	db, err := openDB(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r, closeR, err := openReader(ctx, &env{}, path)
	if err != nil {
		t.Fatal(err)
	}
	defer closeR()
	ts := httptest.NewServer(server.New(r, server.Options{WriteToken: "w", Ingest: httpIngest(db), MaxIngestBytes: 4 << 10}))
	defer ts.Close()
	get := func(p string, v any) int {
		t.Helper()
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %d %s", p, resp.StatusCode, b)
		}
		return resp.StatusCode
	}
	for _, q := range []string{`"ferries`, "AND OR *", "ferries NOT"} {
		var e struct{ Error struct{ Message string } }
		if code := get("/api/v1/search?q="+url.QueryEscape(q), &e); code != 400 || !strings.Contains(e.Error.Message, "search query:") {
			t.Errorf("search %q: %d %q, want 400 with a hint", q, code, e.Error.Message)
		}
	}
	var tl struct{ Items []map[string]any }
	if code := get("/api/v1/timeline?limit=200", &tl); code != 200 {
		t.Fatalf("timeline: %d", code)
	}
	estimated := false
	for _, x := range tl.Items {
		estimated = estimated || x["estimated"] == true
	}
	if !estimated {
		t.Errorf("/api/v1/timeline drops the estimated mark: %v", tl.Items)
	}
	var st struct {
		Items          []map[string]any
		Limit          int `json:"limit"`
		LimitRequested int `json:"limit_requested"`
	}
	if code := get("/api/v1/stories?limit=100000", &st); code != 200 || st.Limit != 200 || st.LimitRequested != 100000 {
		t.Errorf("stories?limit=100000: %d, limit %d, limit_requested %d: want the cap said", code, st.Limit, st.LimitRequested)
	}
	if last := st.Items[len(st.Items)-1]; last["first_seen"] != nil || !strings.Contains(last["headline"].(string), "HYPERLINK") {
		t.Errorf("last story %v: want the undated one, first_seen null", last)
	}
	var before, after struct{ Total int }
	get("/api/v1/articles", &before)
	body := strings.Repeat(`{"title":"Filler","text":"The harbour authority met again on the ferries."}`+"\n", 200)
	req, _ := http.NewRequest("POST", ts.URL+"/api/v1/ingest?name=big.jsonl", io.MultiReader(strings.NewReader(body)))
	req.Header.Set("Authorization", "Bearer w")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	get("/api/v1/articles", &after)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || after.Total != before.Total {
		t.Errorf("oversized ingest: %d, articles %d → %d; want 413 and nothing stored", resp.StatusCode, before.Total, after.Total)
	}
}
