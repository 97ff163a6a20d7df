package jsonl

import (
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/fuzzcorpus"
)

// lineSeeds are single lines: valid records in each accepted shape, edge
// cases and malformed ones. They seed FuzzParse and, joined, FuzzReader.
var lineSeeds = map[string]string{
	"valid-full":          `{"url":"https://example.org/a","title":"A","text":"Body A","published":"2016-10-23T10:00:00Z","outlet":"Example","authors":["Jane Roe"],"language":"en"}`,
	"valid-aliases":       `{"link":"http://x/","headline":"H","body":"B","date":"2016-10-24","source":"S","byline":"John Doe","lang":"de"}`,
	"valid-html":          `{"html":"<p>b</p>","published":"2016-01-02 15:04:05"}`,
	"valid-unix-seconds":  `{"text":"x","authors":[{"name":"n"}],"published":1477267200}`,
	"valid-unix-string":   `{"text":"x","pubDate":"1477267200"}`,
	"valid-rfc1123":       `{"content":"x","published_at":"Mon, 02 Jan 2006 15:04:05 -0700"}`,
	"edge-escapes":        `{"text":"caf\u00e9 \ud83d\ude00 \"q\"\n","title":"\u0000"}`,
	"edge-empty-date":     `{"text":"x","published":"  "}`,
	"edge-duplicate-key":  `{"text":"first","text":"second"}`,
	"edge-authors-empty":  `{"text":"x","authors":[""]}`,
	"bad-no-body":         `{"title":"no body"}`,
	"bad-array":           `["not","an","object"]`,
	"bad-truncated":       `{"title":"broken", "text": `,
	"bad-date":            `{"text":"x","published":"yesterday"}`,
	"bad-date-type":       `{"text":"x","published":{"y":2016}}`,
	"bad-date-huge":       `{"text":"x","published":1e300}`,
	"bad-date-year-10000": `{"text":"x","published":253402300800}`,
	"bad-invalid-utf8":    "{\"text\":\"caf\xe9\"}",
	"bad-number-body":     `{"text":1}`,
}

func TestFuzzCorpus(t *testing.T) {
	parse := map[string][]any{}
	var all []string
	for name, l := range lineSeeds {
		parse[name] = []any{[]byte(l)}
		all = append(all, l)
	}
	slices.Sort(all)
	fuzzcorpus.Sync(t, "FuzzParse", parse)
	fuzzcorpus.Sync(t, "FuzzReader", map[string][]any{
		"valid-two-records":   {[]byte(lineSeeds["valid-full"] + "\n" + lineSeeds["valid-html"] + "\n")},
		"mixed-all-seeds":     {[]byte(strings.Join(all, "\n"))},
		"edge-crlf-blank":     {[]byte("\r\n\r\n" + lineSeeds["valid-unix-seconds"] + "\r\n\r\n")},
		"edge-no-final-lf":    {[]byte(lineSeeds["valid-aliases"])},
		"bad-overlong-line":   {[]byte(`{"text":"` + strings.Repeat("y", 100) + `"}` + "\n" + lineSeeds["valid-html"])},
		"bad-overlong-at-eof": {[]byte(strings.Repeat("y", 200))},
		"bad-broken-lines":    {[]byte("{\"text\":1}\n\n\n{")},
	})
}

// FuzzReader: any bytes give records and line errors up to io.EOF, never
// another error, a panic or a loop; records come in line order, each with
// a body, and each is what Parse makes of its raw line. Seeds:
// testdata/fuzz/FuzzReader.
func FuzzReader(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		r := NewReader(strings.NewReader(string(b)), 64)
		last := 0
		for i := 0; i < len(b)+2; i++ {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			var le *LineError
			if err != nil {
				if !errors.As(err, &le) {
					t.Fatalf("unexpected error type %T: %v", err, err)
				}
				if le.Line <= last {
					t.Fatalf("line error at %d after line %d", le.Line, last)
				}
				last = le.Line
				continue
			}
			if rec.Line <= last {
				t.Fatalf("record at line %d after line %d", rec.Line, last)
			}
			last = rec.Line
			if rec.Text == "" && rec.HTML == "" {
				t.Fatal("record without body")
			}
			again, err := Parse(rec.Raw)
			if err != nil || again.Text != rec.Text || again.HTML != rec.HTML || !again.Published.Equal(rec.Published) {
				t.Fatalf("raw line %q parses differently: %v", rec.Raw, err)
			}
		}
		t.Fatal("reader did not reach EOF")
	})
}

// FuzzParse: a line gives a record or an error; a record has a body and a
// date RFC 3339 can write, and the record written back as a plain JSON
// object of the canonical fields parses to the same record. Seeds:
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, line []byte) {
		rec, err := Parse(line)
		if err != nil {
			if rec != nil {
				t.Fatal("record with an error")
			}
			return
		}
		if rec.Text == "" && rec.HTML == "" {
			t.Fatal("record without body")
		}
		canon := map[string]any{"url": rec.URL, "title": rec.Title, "text": rec.Text, "html": rec.HTML,
			"outlet": rec.Outlet, "language": rec.Language, "authors": rec.Authors}
		if !rec.Published.IsZero() {
			s, err := rec.Published.MarshalText()
			if err != nil {
				t.Fatalf("published %v cannot be written as RFC 3339: %v", rec.Published, err)
			}
			canon["published"] = string(s)
		}
		b, err := json.Marshal(canon)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse(b)
		if err != nil {
			t.Fatalf("canonical form %s: %v", b, err)
		}
		if back.URL != rec.URL || back.Title != rec.Title || back.Text != rec.Text || back.HTML != rec.HTML ||
			back.Outlet != rec.Outlet || back.Language != rec.Language || !back.Published.Equal(rec.Published) ||
			!slices.Equal(back.Authors, rec.Authors) && len(back.Authors)+len(rec.Authors) > 0 {
			t.Fatalf("round trip of %q:\n got %+v\nwant %+v", line, back, rec)
		}
	})
}
