package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/fuzzcorpus"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{"WARC/1.1\r\nWARC-Type: warcinfo", FormatWARC},
		{`{"text":"x"}`, FormatJSONL},
		{"\xef\xbb\xbf  [{\"text\":\"x\"}]", FormatJSONL},
		{`<?xml version="1.0"?><rss version="2.0"><channel>`, FormatFeed},
		{`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom">`, FormatFeed},
		{`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, FormatFeed},
		{`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, FormatHTML},
		{"<!DOCTYPE html><html><body>", FormatHTML},
		{"<p>fragment</p>", FormatHTML},
		{"Headline\n\nSome text about a <feed> of news.", FormatText},
		{"\x89PNG\r\n\x1a\n\x00\x00", FormatBinary},
		{"Plain words only.", FormatText},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("Sniff(%.30q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

type collector struct {
	docs     []Document
	problems []*InputError
	done     int
}

func (c *collector) Document(d Document) error { c.docs = append(c.docs, d); return nil }
func (c *collector) Problem(e *InputError)     { c.problems = append(c.problems, e) }
func (c *collector) InputDone(string)          { c.done++ }

func walkFiles(t *testing.T, files map[string][]byte) *collector {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := &collector{}
	if err := Walk(context.Background(), Expand([]string{dir}, c), Options{}, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestWalkFormats(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Daily</title>
<entry><title>First</title><link href="https://atom.example/1"/><updated>2024-01-02T03:04:05Z</updated><author><name>Ann Lee</name></author>
<content type="html">&lt;p&gt;Full text of the first entry, long enough to be an article body.&lt;/p&gt;</content></entry>
<entry><title>Link only</title><link href="https://atom.example/2"/><updated>2024-01-02T03:04:05Z</updated></entry></feed>`
	rdf := `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://rdf.example/"><title>RDF Weekly</title><link>https://rdf.example/</link><description>d</description></channel>
<item rdf:about="https://rdf.example/a"><title>RDF item</title><link>https://rdf.example/a</link><description>The RDF item body text.</description></item></rdf:RDF>`
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "Headline\n\nBody in UTF-16." {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	page := "<html><body><p>Resource page body.</p></body></html>"
	warc := "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://w.example/r\r\nContent-Type: text/html\r\nContent-Length: " +
		itoa(len(page)) + "\r\n\r\n" + page + "\r\n\r\n"
	c := walkFiles(t, map[string][]byte{
		"atom.xml":        []byte(atom),
		"rdf.rdf":         []byte(rdf),
		"array.json":      []byte(`[{"title":"A","text":"Alpha body."},{"title":"B"}]`),
		"utf16.txt":       utf16,
		"cp1252.txt":      []byte("Caf\xe9 reopens\n\nThe caf\xe9 reopened \x93today\x94."),
		"page.warc.gz":    gzipped([]byte(warc)),
		"no-extension":    gzipped([]byte(`{"text":"gzipped json lines","outlet":"Z"}` + "\n")),
		".hidden-skipped": []byte("ignored"),
	})
	byOrigin := map[string]Document{}
	for _, d := range c.docs {
		byOrigin[filepath.Base(d.Origin)] = d
	}
	checks := []struct {
		origin, media, contains string
	}{
		{"atom.xml#item1", MediaHTML, "Full text of the first entry"},
		{"rdf.rdf#item1", MediaHTML, "RDF item body"},
		{"array.json#item1", MediaText, "Alpha body."},
		{"utf16.txt", MediaText, "Body in UTF-16."},
		{"cp1252.txt", MediaText, "The café reopened “today”."},
		{"page.warc.gz#record1", MediaHTML, "Resource page body."},
		{"no-extension#line1", MediaText, "gzipped json lines"},
	}
	for _, ck := range checks {
		d, ok := byOrigin[ck.origin]
		if !ok {
			t.Errorf("no document %s (have %v)", ck.origin, keys(byOrigin))
			continue
		}
		if d.MediaType != ck.media || !strings.Contains(string(d.Body), ck.contains) {
			t.Errorf("%s: %s %q", ck.origin, d.MediaType, d.Body)
		}
	}
	if d := byOrigin["atom.xml#item1"]; d.Hints.Outlet != "Atom Daily" || d.Hints.Title != "First" || d.URL != "https://atom.example/1" || len(d.Hints.Authors) != 1 || d.Hints.Published.Year() != 2024 {
		t.Errorf("atom hints: %+v url %s", d.Hints, d.URL)
	}
	if d := byOrigin["page.warc.gz#record1"]; d.URL != "https://w.example/r" {
		t.Errorf("warc url = %q", d.URL)
	}
	if byOrigin["utf16.txt"].Encoding != "utf-16le" || byOrigin["cp1252.txt"].Encoding != "windows-1252" {
		t.Errorf("encodings: %q %q", byOrigin["utf16.txt"].Encoding, byOrigin["cp1252.txt"].Encoding)
	}
	// Problems: the link-only Atom entry and the body-less array item.
	if len(c.problems) != 2 {
		t.Errorf("problems = %v, want 2", c.problems)
	}
	if c.done != 7 {
		t.Errorf("inputs done = %d, want 7 (hidden file skipped)", c.done)
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func keys(m map[string]Document) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// sniffSeeds are FuzzSniff's seed corpus (testdata/fuzz/FuzzSniff): the
// start of each format, and inputs on the edges between them.
func sniffSeeds() map[string][]any {
	seeds := map[string][]any{}
	for name, s := range map[string]string{
		"warc":            "WARC/1.0\r\nWARC-Type: response\r\n",
		"jsonl":           "{\"text\":\"a\"}\n",
		"json-array":      "  [{\"text\":\"a\"}]",
		"rss":             "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>",
		"atom":            "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
		"rdf":             "<rdf:RDF>",
		"html":            "<!DOCTYPE html><html><body><p>x</p>",
		"xhtml":           "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
		"text":            "Harbour authority approves night ferry trial.\n",
		"text-with-tag":   "Subject: hello\n<body>late html</body>",
		"edge-empty":      "",
		"edge-bom-jsonl":  "\xEF\xBB\xBF{\"text\":\"a\"}",
		"edge-utf16":      "\xFF\xFEh\x00i\x00",
		"edge-feed-word":  "<feeder>",
		"edge-xml-other":  "<?xml version=\"1.0\"?><svg/>",
		"binary-nul":      "\x00\x01\x02",
		"binary-png":      "\x89PNG\r\n\x1a\n\x00\x00",
		"bad-utf8-latin1": "caf\xe9 au lait",
	} {
		seeds[name] = []any{[]byte(s)}
	}
	return seeds
}

func TestFuzzCorpus(t *testing.T) {
	fuzzcorpus.Sync(t, "FuzzSniff", sniffSeeds())
}

// FuzzSniff: every input gets one of the known formats. Seeds:
// testdata/fuzz/FuzzSniff.
func FuzzSniff(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		switch Sniff(b) {
		case FormatWARC, FormatJSONL, FormatFeed, FormatHTML, FormatText, FormatBinary:
		default:
			t.Fatal("unknown format")
		}
	})
}
