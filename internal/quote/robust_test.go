package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkInvariants asserts what every extraction must satisfy: spans inside
// the text and on rune boundaries, Text equal to the span, sources and cues
// inside the text, kinds from the fixed set.
func checkInvariants(t *testing.T, name, text string, qs []Quote) {
	t.Helper()
	in := func(s, e int) bool {
		return s >= 0 && e <= len(text) && s <= e && utf8.RuneStart(text[s]) && (e == len(text) || utf8.RuneStart(text[e]))
	}
	for _, q := range qs {
		if !in(q.Start, q.End) || q.Start == q.End {
			t.Errorf("%s: bad content span %d..%d", name, q.Start, q.End)
			continue
		}
		if len(q.Parts) == 1 && text[q.Start:q.End] != q.Text {
			t.Errorf("%s: Text %q does not match span %q", name, q.Text, text[q.Start:q.End])
		}
		for _, p := range q.Parts {
			if !in(p.Start, p.End) || p.Start < q.Start || p.End > q.End {
				t.Errorf("%s: part %v outside %d..%d", name, p, q.Start, q.End)
			}
		}
		if q.CueStart >= 0 && (!in(q.CueStart, q.CueEnd) || text[q.CueStart:q.CueEnd] != q.Cue) {
			t.Errorf("%s: bad cue span %d..%d %q", name, q.CueStart, q.CueEnd, q.Cue)
		}
		if q.SourceStart >= 0 && (!in(q.SourceStart, q.SourceEnd) || text[q.SourceStart:q.SourceEnd] != q.Source) {
			t.Errorf("%s: bad source span %d..%d %q", name, q.SourceStart, q.SourceEnd, q.Source)
		}
		if q.SpeakerResolved != (q.SpeakerStart >= 0) {
			t.Errorf("%s: SpeakerResolved=%v but speaker span %d", name, q.SpeakerResolved, q.SpeakerStart)
		}
		switch q.Kind {
		case Direct, Indirect, Mixed:
		default:
			t.Errorf("%s: kind %q", name, q.Kind)
		}
		if q.Confidence <= 0 || q.Confidence > 1 {
			t.Errorf("%s: confidence %v", name, q.Confidence)
		}
	}
}

// TestTestdata runs every edge case under testdata/ and checks the
// invariants plus the expectation named in the file name.
func TestTestdata(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		name := filepath.Base(f)
		qs := Extract(text, nil, nil)
		checkInvariants(t, name, text, qs)
		find := func(sub string) *Quote {
			for i := range qs {
				if strings.Contains(qs[i].Text, sub) {
					return &qs[i]
				}
			}
			return nil
		}
		switch name {
		case "unclosed-quote.txt":
			// the quote ends with its paragraph and does not swallow the next
			if q := find("never give up"); q == nil || strings.Contains(q.Text, "Tuesday") {
				t.Errorf("%s: %s", name, dump(qs))
			}
		case "straight-quotes-paragraphs.txt":
			if q := find("It is over"); q == nil || q.Source != "he" {
				t.Errorf("%s: %s", name, dump(qs))
			}
			if q := find("We fight on"); q == nil || q.Source != "she" || !strings.Contains(q.Text, "Not yet") {
				t.Errorf("%s: multi-paragraph continuation lost: %s", name, dump(qs))
			}
		case "apostrophes-and-single-quotes.txt":
			if q := find("call it a comeback"); q == nil || q.Source != "the rapper’s manager" {
				t.Errorf("%s: %s", name, dump(qs))
			}
		case "scare-quotes.txt":
			for _, q := range qs {
				if q.Kind == Direct {
					t.Errorf("%s: scare quote reported as a quotation: %s", name, dump(qs))
				}
			}
		case "headlines.txt":
			if q := find("He Will Win Florida"); q == nil || q.Source != "Trump" {
				t.Errorf("%s: %s", name, dump(qs))
			}
			if q := find("Trust Bratton"); q == nil || q.Source != "De Blasio" {
				t.Errorf("%s: %s", name, dump(qs))
			}
		}
	}
}

// TestRobust feeds odd inputs (truncations of news text at every byte,
// invalid UTF-8, caller sentences that do not fit) and checks that
// extraction neither panics nor breaks its invariants.
func TestRobust(t *testing.T) {
	base := benchText()
	for i := 0; i <= len(base); i += 7 {
		s := base[:i]
		checkInvariants(t, "prefix", s, Extract(s, nil, nil))
		s = base[i:]
		checkInvariants(t, "suffix", s, Extract(s, nil, nil))
	}
	odd := []string{"\xff\xfe“said”", "a", "“", "said", "he said", ", said he.", "according to", "Asked,", ":", "X: “", "’s ’ ‘", "(", ")said"}
	for _, s := range odd {
		checkInvariants(t, "odd", s, Extract(s, nil, nil))
	}
	text := "“Yes,” he said. No."
	for _, sents := range [][]Sentence{{{0, 3}}, {{5, 2}, {0, 100}}, {{0, len(text)}, {0, len(text)}}} {
		checkInvariants(t, "sents", text, Extract(text, sents, []Mention{{Start: -5, End: 400, Type: "PER"}}))
	}
}
