package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyWARCs copies testdata WARC files (internal/ingest/testdata/warc)
// into a new folder: the path the workers share.
func copyWARCs(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("..", "..", "internal", "ingest", "testdata", "warc", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestQueueWARCRanges queues WARC files as byte ranges (a plain WARC, a
// .warc.gz of one gzip member per record, and one whose sixth article's
// member is damaged) through a real nats-server to two worker processes
// and a real store, and kills one worker in the middle: every record is
// stored exactly once (count, URLs and content hashes against a
// single-process ingest of the same files), the damage is one dead
// letter naming its offset, and the damaged file's other articles —
// which a single-process ingest, reading it straight through, stops
// before — are stored too.
func TestQueueWARCRanges(t *testing.T) {
	if testing.Short() {
		t.Skip("queue test")
	}
	ns := startNATS(t)
	good := copyWARCs(t, "news.warc", "news.warc.gz")
	damaged := copyWARCs(t, "news-damaged.warc.gz")
	want := queueReference(t, good)
	if len(want) != 32 {
		t.Fatalf("reference: %d articles, want 32", len(want))
	}
	db := queueTestDB(t)
	args := []string{"ingest", "--queue", ns.URL, "--warc-range-size", "8000", "--warc-range-records", "5", good, damaged}
	code, _, stderr := run(t, "", args...)
	if code != 0 || !strings.Contains(stderr, "0 documents and ") || !strings.Contains(stderr, " WARC ranges queued") {
		t.Fatalf("ingest --queue: exit %d: %s", code, stderr)
	}
	w1 := startProc(t, "worker 1", workerArgs(db, ns.URL)...)
	w2 := startProc(t, "worker 2", workerArgs(db, ns.URL)...)
	waitArticles(t, db, 6, 60*time.Second)
	w1.kill9()
	if n := articleCount(db); n >= 43 {
		t.Logf("note: all %d articles were stored before the kill", n)
	} else {
		t.Logf("%d of 43 articles stored at the kill", n)
	}
	w2.wait(t, 90*time.Second)

	got := readStored(t, db)
	var fromGood, fromDamaged []storedArticle
	for _, a := range got {
		if strings.Contains(a.URL, "/damaged/") {
			fromDamaged = append(fromDamaged, a)
		} else {
			fromGood = append(fromGood, a)
		}
	}
	checkExactlyOnce(t, fromGood, want)
	var urls []string
	for _, a := range fromDamaged {
		urls = append(urls, strings.TrimPrefix(a.URL, "https://news.example.org/damaged/"))
	}
	if len(urls) != 11 || strings.Contains(","+strings.Join(urls, ",")+",", ",6,") {
		t.Errorf("articles of the damaged file stored: %v, want 1-12 but 6, once each", urls)
	}

	code, out, stderr := run(t, "", "queue", "--queue", ns.URL, "--json")
	if code != 0 {
		t.Fatalf("sitrep queue: exit %d: %s", code, stderr)
	}
	var qs struct {
		Pending, InFlight, Dead int64
		DeadLetters             []struct{ Origin, Error string } `json:"dead_letters"`
	}
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatal(err, out)
	}
	if qs.Pending != 0 || qs.InFlight != 0 || qs.Dead != 1 || len(qs.DeadLetters) != 1 {
		t.Fatalf("queue after the run: %s", out)
	}
	if d := qs.DeadLetters[0]; !strings.HasPrefix(d.Origin, filepath.Join(damaged, "news-damaged.warc.gz")+"#offset") || !strings.Contains(d.Error, "damaged WARC data") {
		t.Errorf("dead letter %+v", d)
	}
}
