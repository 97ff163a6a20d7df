package watch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/ingest"
)

type recorder struct {
	docs     []ingest.Document
	problems []*ingest.InputError
}

func (r *recorder) Document(d ingest.Document) error { r.docs = append(r.docs, d); return nil }
func (r *recorder) Problem(e *ingest.InputError)     { r.problems = append(r.problems, e) }
func (r *recorder) InputDone(string)                 {}

const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Ferry trial approved</title><link>https://example.org/ferry</link><description>The harbour authority approved a trial of night ferries on Tuesday after months of talks with fishermen.</description></item>
</channel></rss>`

func TestPollFilesAndConditionalFeeds(t *testing.T) {
	var gets, notModified int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gets++
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(feed))
	}))
	defer srv.Close()
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(f, []byte("Bridge reopens\n\nThe old bridge reopened to traffic on Thursday after eight months of repairs."), 0o644); err != nil {
		t.Fatal(err)
	}
	o := ingest.Options{}
	o.Fetch.AllowPrivate = true
	w := New([]string{dir, srv.URL + "/feed.xml"}, o)
	ctx := context.Background()

	rec := &recorder{}
	r, err := w.Poll(ctx, rec)
	if err != nil || r.Files != 1 || r.Fetched != 1 || len(rec.docs) != 2 {
		t.Fatalf("first poll: %+v %v, %d docs, problems %v", r, err, len(rec.docs), rec.problems)
	}
	// Nothing changed: no file read, the feed answers 304.
	rec = &recorder{}
	if r, err = w.Poll(ctx, rec); err != nil || r.Files != 0 || r.Unchanged != 1 || len(rec.docs) != 0 {
		t.Fatalf("second poll: %+v %v, %d docs", r, err, len(rec.docs))
	}
	if notModified != 1 {
		t.Errorf("conditional requests answered 304: %d, want 1", notModified)
	}
	// A changed file and a new one are read again.
	later := time.Now().Add(2 * time.Second)
	os.WriteFile(f, []byte("Bridge reopens\n\nThe old bridge reopened to traffic on Thursday after nine months of repairs."), 0o644)
	os.Chtimes(f, later, later)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Storm warning\n\nA storm warning was issued for the coast on Friday."), 0o644)
	rec = &recorder{}
	if r, err = w.Poll(ctx, rec); err != nil || r.Files != 2 || len(rec.docs) != 2 {
		t.Fatalf("third poll: %+v %v, %d docs", r, err, len(rec.docs))
	}
}

func TestPollFetchFailureIsAProblem(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	}))
	defer srv.Close()
	o := ingest.Options{}
	o.Fetch.AllowPrivate = true
	rec := &recorder{}
	r, err := New([]string{srv.URL}, o).Poll(context.Background(), rec)
	if err != nil || r.FetchErrors != 1 || len(rec.problems) != 1 {
		t.Fatalf("%+v %v %v", r, err, rec.problems)
	}
	// Without --allow-private a loopback URL is refused, as in ingest.
	rec = &recorder{}
	if r, _ = New([]string{srv.URL}, ingest.Options{}).Poll(context.Background(), rec); r.FetchErrors != 1 {
		t.Fatalf("loopback fetched without allow-private: %+v", r)
	}
}
