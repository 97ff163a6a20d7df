package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes a sitrep command line and returns its exit status and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := runMain(context.Background(), e, args)
	return code, out.String(), errb.String()
}

const goodArticle = `Harbour Authority Approves Night Ferry Trial

By Mara Quent

PORT ELLEN, Scotland (Meridian Wire) — The island's harbour authority on Tuesday approved a six-month trial of night ferry crossings, its chair said.

"We have listened to the fishermen and to the hotels," said chair Ailsa Brodie. "This is a trial, not a promise."

The first crossing is planned for March 3, 2025.
`

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func warcRecord(typ, uri, ctype, block string, declared int) string {
	if declared < 0 {
		declared = len(block)
	}
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-03-01T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, ctype, declared, block)
}

const htmlPage = `<!DOCTYPE html><html><head><title>Bridge reopens after repairs | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier"><meta name="author" content="Tom Ferris">
<meta property="article:published_time" content="2025-02-27T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The old stone bridge over the Tarrow reopened to traffic on Thursday after eight months of repairs that cost the county council more than two million pounds.</p>
<p>Engineers replaced the central arch, which had cracked during the winter floods of last year, and widened the footpath on the upstream side of the bridge.</p>
<p>"It is a relief for every business on this side of the river," said Jenna Holt, who runs the bakery at the end of the bridge.</p>
</article><footer>© 2025 The Valley Courier</footer></body></html>`

func writeCorpus(t *testing.T, dir string) {
	t.Helper()
	files := map[string][]byte{
		"good/article.txt":        []byte(goodArticle),
		"good/page.html":          []byte(htmlPage),
		"good/page-html-no-ext":   []byte(strings.Replace(htmlPage, "eight months", "nine months", 1)),
		"good/article.txt.gz":     gz([]byte(strings.Replace(goodArticle, "six-month", "nine-month", 1))),
		"bad/invalid-utf8.txt":    []byte("Caf\xc3\xa9 owners protest \xff\xfe new rules\n\nThe owners said the rules were unfair and would cost them customers."),
		"bad/binary.png":          append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 200)...),
		"bad/empty.txt":           nil,
		"bad/malformed-feed.xml":  []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>Broken <description>no end`),
		"mixed/broken-line.jsonl": []byte(`{"url":"https://news.example.org/a","title":"Line one","text":"The council met on Monday and agreed the budget for the coming year after a long debate.","outlet":"Example News"}` + "\n" + `{"title": "broken",` + "\n" + `{"url":"https://news.example.org/b","title":"Line three","text":"Rail workers will strike on Friday, their union said, after talks with the operator broke down.","outlet":"Example News"}` + "\n"),
		"mixed/truncated.warc": []byte(warcRecord("response", "https://example.net/ok", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+strings.Replace(htmlPage, "Thursday", "Friday", 1), -1) +
			warcRecord("response", "https://example.net/cut", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n<html>", 5000)),
	}
	full := gz([]byte(strings.Repeat(goodArticle, 50)))
	files["bad/truncated.txt.gz"] = full[:len(full)/2]
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A 100 MB single line, written in pieces.
	f, err := os.Create(filepath.Join(dir, "bad", "huge-line.txt"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("word "), 1<<18)
	for n := 0; n < 100<<20; n += len(chunk) {
		f.Write(chunk)
	}
	f.Close()
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	writeCorpus(t, filepath.Join(dir, "in"))

	// Something stored before the bad batch must survive it intact.
	code, _, stderr := run(t, "", "ingest", "--db", db, filepath.Join(dir, "in", "good"))
	if code != exitOK {
		t.Fatalf("good corpus: exit %d\n%s", code, stderr)
	}
	before := listArticles(t, db)
	if len(before) != 4 {
		t.Fatalf("good corpus stored %d articles, want 4: %s", len(before), stderr)
	}

	code, _, stderr = run(t, "", "ingest", "--db", db, filepath.Join(dir, "in", "bad"), filepath.Join(dir, "in", "mixed"))
	if code != exitPartial {
		t.Errorf("bad corpus: exit %d, want %d", code, exitPartial)
	}
	wantMsgs := map[string]string{
		"truncated.txt.gz":        "truncated gzip",
		"invalid-utf8.txt":        "invalid UTF-8 at byte",
		"binary.png":              "binary",
		"empty.txt":               "empty",
		"malformed-feed.xml":      "malformed feed",
		"huge-line.txt":           "too large",
		"broken-line.jsonl#line2": "not a JSON object",
		"truncated.warc":          "truncated block",
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for file, msg := range wantMsgs {
		found := 0
		for _, l := range lines {
			if strings.Contains(l, file) && strings.Contains(l, msg) {
				found++
			}
		}
		if found != 1 {
			t.Errorf("want exactly one line naming %s with %q; stderr:\n%s", file, msg, stderr)
		}
	}
	after := listArticles(t, db)
	// 4 before + 2 JSONL lines + 1 WARC record read before the damage.
	if len(after) != 7 {
		t.Errorf("after bad corpus: %d articles, want 7", len(after))
	}
	for id, a := range before {
		if b, ok := after[id]; !ok || b["text"] != a["text"] || b["title"] != a["title"] {
			t.Errorf("article %v changed or vanished", id)
		}
	}
}

func listArticles(t *testing.T, db string) map[float64]map[string]any {
	t.Helper()
	code, out, stderr := run(t, "", "articles", "--db", db, "--json", "--text")
	if code != 0 {
		t.Fatalf("articles: exit %d: %s", code, stderr)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("articles --json: %v\n%s", err, out)
	}
	m := map[float64]map[string]any{}
	for _, a := range list {
		m[a["id"].(float64)] = a
	}
	return m
}

func TestIngestStdinAndIdempotence(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	code, _, stderr := run(t, goodArticle, "ingest", "--db", db, "-")
	if code != 0 {
		t.Fatalf("stdin ingest: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "1 added") {
		t.Errorf("stdin ingest summary: %s", stderr)
	}
	code, _, stderr = run(t, goodArticle, "ingest", "--db", db, "-")
	if code != 0 || !strings.Contains(stderr, "0 added") || !strings.Contains(stderr, "1 duplicates") {
		t.Errorf("re-ingest: exit %d: %s", code, stderr)
	}
	arts := listArticles(t, db)
	for _, a := range arts {
		if a["title"] != "Harbour Authority Approves Night Ferry Trial" || a["outlet"] != "Meridian Wire" {
			t.Errorf("article = %v", a)
		}
		if authors := a["authors"].([]any); len(authors) != 1 || authors[0] != "Mara Quent" {
			t.Errorf("authors = %v", authors)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	if code, _, _ := run(t, "", "nonsense"); code != exitUsage {
		t.Errorf("unknown command: exit %d", code)
	}
	if code, _, _ := run(t, "", "ingest", "--db", filepath.Join(t.TempDir(), "x.db")); code != exitUsage {
		t.Errorf("ingest without inputs: exit %d", code)
	}
	if code, out, _ := run(t, "", "help"); code != 0 || !strings.Contains(out, "ingest") || !strings.Contains(out, "articles") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "sitrep ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestArticleJSONMentions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, stderr := run(t, goodArticle, "ingest", "--db", db, "-"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	code, out, stderr := run(t, "", "article", "--db", db, "--json", "1")
	if code != 0 {
		t.Fatalf("article: %s", stderr)
	}
	var a struct {
		Text      string
		Sentences []struct{ Start, End int }
		Mentions  []struct {
			Text, Type string
			Start, End int
			Sentence   int
		}
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Sentences) < 3 || len(a.Mentions) == 0 {
		t.Fatalf("sentences %d, mentions %d", len(a.Sentences), len(a.Mentions))
	}
	people := 0
	for _, m := range a.Mentions {
		if a.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q does not match text[%d:%d] = %q", m.Text, m.Start, m.End, a.Text[m.Start:m.End])
		}
		if m.Type == "PER" {
			people++
		}
	}
	if people == 0 {
		t.Errorf("no PER mention in %+v", a.Mentions)
	}
	code, out, _ = run(t, "", "article", "--db", db, "--entities", "1")
	if code != 0 || !strings.Contains(out, "]PER") {
		t.Errorf("--entities output lacks marks:\n%s", out)
	}
}

// TestSeeds ingests ../shared/seeds when present: every seed gets a title,
// and a second ingest adds nothing.
func TestSeeds(t *testing.T) {
	seeds, err := findShared("seeds")
	if err != nil {
		t.Skipf("../shared/seeds not found: %v", err)
	}
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, seeds); code != 0 {
		t.Fatalf("ingest seeds: exit %d: %s", code, stderr)
	}
	arts := listArticles(t, db)
	entries, _ := os.ReadDir(seeds)
	if len(arts) != len(entries) {
		t.Fatalf("stored %d articles from %d seed files", len(arts), len(entries))
	}
	for _, a := range arts {
		if a["title"] == "" {
			t.Errorf("seed %v has no title", a["origin"])
		}
	}
	if _, _, stderr := run(t, "", "ingest", "--db", db, seeds); !strings.Contains(stderr, " 0 added") {
		t.Errorf("second ingest added articles: %s", stderr)
	}
}
