package polnear

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSplit writes a tiny SPLIT.jsonl.gz built by the test itself.
func writeSplit(t *testing.T, dir, split string, docs []map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for _, d := range docs {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		zw.Write(append(b, '\n'))
	}
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, split+".jsonl.gz"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func spans(s ...[2]int) map[string]any {
	return map[string]any{"spans": s, "text": ""}
}

func TestLoadConvertsCodePointsAndKeepsPrimary(t *testing.T) {
	dir := t.TempDir()
	// "é" and "“" are multi-byte: code-point offsets must map to bytes.
	text := "é “Yes,” Clinton said."
	attr := map[string]any{
		"id": "A1", "no_source": false,
		"source":  spans([2]int{9, 16}),       // Clinton
		"cue":     spans([2]int{17, 21}),      // said
		"content": []any{spans([2]int{2, 8})}, // “Yes,”
	}
	writeSplit(t, dir, "dev", []map[string]any{
		{"id": "a", "split": "dev", "primary": true, "text": text, "attributions": []any{attr}},
		{"id": "a", "split": "dev", "primary": false, "text": text, "attributions": []any{}},
	})
	arts, err := Load(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || len(arts[0].Attributions) != 1 {
		t.Fatalf("got %d articles, want 1 primary with 1 attribution", len(arts))
	}
	g := arts[0].Attributions[0]
	for _, c := range []struct {
		name string
		sp   []Span
		want string
	}{{"source", g.Source, "Clinton"}, {"cue", g.Cue, "said"}, {"content", g.Content, "“Yes,”"}} {
		if len(c.sp) != 1 || text[c.sp[0].Start:c.sp[0].End] != c.want {
			t.Errorf("%s = %v, want %q", c.name, c.sp, c.want)
		}
	}
	if _, err := Load(dir, "validation"); err == nil {
		t.Error("unknown split accepted")
	}
	if _, err := Load(dir, "test"); err == nil {
		t.Error("missing file accepted")
	}
}

func TestScore(t *testing.T) {
	text := "“We will win,” Sanders said. Clinton said she was ready."
	at := func(sub string) Span {
		i := strings.Index(text, sub)
		return Span{i, i + len(sub)}
	}
	q1 := []Span{at("“We will win,”")}
	s1 := []Span{at("Sanders")}
	q2 := []Span{at("she was ready")}
	s2 := []Span{at("Clinton")}
	inner := at("We will")
	padded := Span{q2[0].Start - 1, q2[0].End}    // " she was ready"
	paddedSrc := Span{s2[0].Start, s2[0].End + 1} // "Clinton "
	dot := at(". C")
	dot.End = dot.Start + 1
	gold := []Attribution{{Content: q1, Source: s1}, {Content: q2, Source: s2}}
	cases := []struct {
		name                 string
		pred                 []Prediction
		exact, partial, spkN int
		spkOK                int
	}{
		{"perfect", []Prediction{{q1, s1}, {q2, s2}}, 2, 2, 2, 2},
		{"partial overlap, wrong speaker", []Prediction{{[]Span{inner}, s2}}, 0, 1, 1, 0},
		{"whitespace-padded span is exact", []Prediction{{[]Span{padded}, []Span{paddedSrc}}}, 1, 1, 1, 1},
		{"one prediction cannot match two gold", []Prediction{{[]Span{{0, len(text)}}, s1}}, 0, 1, 1, -1},
		{"no source predicted", []Prediction{{q1, nil}}, 1, 1, 1, 0},
		{"spurious", []Prediction{{[]Span{dot}, nil}}, 0, 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var n Counts
			Score(&n, text, gold, c.pred)
			if n.ExactMatch != c.exact || n.PartialMatch != c.partial || n.SpeakerGold != c.spkN {
				t.Errorf("exact %d partial %d speakerN %d, want %d %d %d", n.ExactMatch, n.PartialMatch, n.SpeakerGold, c.exact, c.partial, c.spkN)
			}
			if c.spkOK >= 0 && n.SpeakerOverlap != c.spkOK {
				t.Errorf("speaker overlap %d, want %d", n.SpeakerOverlap, c.spkOK)
			}
			if n.Gold != 2 || n.Pred != len(c.pred) {
				t.Errorf("gold %d pred %d", n.Gold, n.Pred)
			}
		})
	}
	var n Counts
	Score(&n, text, gold, []Prediction{{q1, s1}, {[]Span{dot}, nil}})
	m := n.Metrics(1)
	if m.PartialP != 0.5 || m.PartialR != 0.5 || math.Abs(m.PartialF1-0.5) > 1e-9 || m.SpeakerAccuracy != 1 {
		t.Errorf("metrics %+v", m)
	}
}

// TestDevFloor runs the extractor on the PolNeAR dev split and guards the
// measured level against regressions (dev only: the test split is kept for
// the final report).
func TestDevFloor(t *testing.T) {
	dir := sharedPolNeAR(t)
	arts, err := Load(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	m := Evaluate(arts)
	t.Logf("dev: partial F1 %.3f (P %.3f R %.3f), exact F1 %.3f, speaker %.3f", m.PartialF1, m.PartialP, m.PartialR, m.ExactF1, m.SpeakerAccuracy)
	if m.Articles != 84 || m.Gold != 2193 {
		t.Errorf("dev has %d articles, %d attributions; want 84 and 2193", m.Articles, m.Gold)
	}
	if m.PartialF1 < 0.70 || m.SpeakerAccuracy < 0.80 {
		t.Errorf("regression: partial F1 %.3f (floor 0.70), speaker accuracy %.3f (floor 0.80)", m.PartialF1, m.SpeakerAccuracy)
	}
}

// sharedPolNeAR finds ../shared/eval/quotes-polnear above the working
// directory, or under $SITREP_SHARED, and skips when it is absent.
func sharedPolNeAR(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return filepath.Join(d, "eval", "quotes-polnear")
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared", "eval", "quotes-polnear")
		if _, err := os.Stat(filepath.Join(p, "dev.jsonl.gz")); err == nil {
			return p
		}
		if filepath.Dir(dir) == dir {
			t.Skip("../shared/eval/quotes-polnear not found (set SITREP_SHARED)")
		}
	}
}
