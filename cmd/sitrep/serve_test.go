package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/server"
)

// TestHTTPIngest posts articles to a server backed by a real database:
// they are stored, clustered, and readable through the API at once; a
// binary body is a named problem, not a failure.
func TestHTTPIngest(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "h.db")
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
	ts := httptest.NewServer(server.New(r, server.Options{WriteToken: "w", Ingest: httpIngest(db)}))
	defer ts.Close()
	post := func(name, body string) server.IngestResult {
		req, _ := http.NewRequest("POST", ts.URL+"/api/v1/ingest?name="+name, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer w")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var res server.IngestResult
		if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
			t.Fatalf("%s: %d %v", name, resp.StatusCode, err)
		}
		return res
	}
	if res := post("corpus.jsonl", readCorpus); res.Added != 2 || res.NewStories < 1 {
		t.Fatalf("jsonl: %+v", res)
	}
	if res := post("again.jsonl", readCorpus); res.Duplicates != 2 || res.Added != 0 {
		t.Errorf("again: %+v", res)
	}
	if res := post("junk.bin", "\x00\x01\x02\x03binary"); len(res.Problems) != 1 || !strings.Contains(res.Problems[0], "junk.bin") {
		t.Errorf("binary: %+v", res)
	}
	resp, err := http.Get(ts.URL + "/api/v1/stories")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var page struct {
		Items []struct {
			Articles []int64 `json:"articles"`
		} `json:"items"`
	}
	if json.NewDecoder(resp.Body).Decode(&page) != nil || len(page.Items) == 0 {
		t.Fatalf("stories after ingest: %+v", page)
	}
}

// TestDBWatchlists keeps watchlists in the database's state table without
// touching the corpus stage's progress.
func TestDBWatchlists(t *testing.T) {
	ctx := context.Background()
	db, err := openDB(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	before, err := db.LastDerived(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w := dbWatchlists{db}
	if b, err := w.Load(ctx); err != nil || b != nil {
		t.Fatalf("empty database: %q, %v", b, err)
	}
	for _, blob := range []string{`{"next":1}`, `{"next":2}`} {
		if err := w.Save(ctx, []byte(blob)); err != nil {
			t.Fatal(err)
		}
		if b, err := w.Load(ctx); err != nil || string(b) != blob {
			t.Fatalf("load after save: %q, %v; want %s", b, err, blob)
		}
	}
	if after, _ := db.LastDerived(ctx); after != before {
		t.Errorf("corpus progress moved from %d to %d", before, after)
	}
}
