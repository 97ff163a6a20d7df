package corpusgen

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/ingest"
)

func TestRepetitionsDifferAndKeepTheirSource(t *testing.T) {
	srcs := []Source{
		{ID: "a/1", Outlet: "Wire A", Title: "Ferry trial approved", Text: "The harbour authority approved a trial.\n\nIt starts in March."},
		{ID: "b 2", Outlet: "", Title: "Strike goes on", Text: "Miners extended their strike."},
	}
	var buf bytes.Buffer
	if err := Write(&buf, srcs, 0, 5); err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	if len(lines) != 5 {
		t.Fatalf("%d lines", len(lines))
	}
	urls, texts := map[string]bool{}, map[string]bool{}
	for i, l := range lines {
		var x Line
		if err := json.Unmarshal(l, &x); err != nil {
			t.Fatal(err)
		}
		if urls[x.URL] || texts[x.Text] {
			t.Errorf("line %d repeats a URL or text: %s", i, l)
		}
		urls[x.URL], texts[x.Text] = true, true
		src := srcs[i%2]
		// the cleaned text, less its update line, is the source's: its
		// analysis fits the repetition
		a, err := clean.Clean(ingest.Document{Origin: "t", MediaType: ingest.MediaText, Body: []byte(x.Text)})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := clean.Clean(ingest.Document{Origin: "t", MediaType: ingest.MediaText, Body: []byte(src.Text)})
		if BaseText(a.Text) != want.Text {
			t.Errorf("line %d: base text %q, want %q", i, BaseText(a.Text), want.Text)
		}
		if i >= 2 && (x.Title == src.Title || x.Published <= src.Published.Format("2006-01-02")) {
			t.Errorf("line %d: repetition keeps the title or date: %+v", i, x)
		}
	}
}
