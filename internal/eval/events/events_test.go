package events

import (
	"compress/gzip"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/event"
)

func TestScore(t *testing.T) {
	gold := []string{"ASSAULT", "ASSAULT", "AGREE", "REQUEST"}
	pred := []string{"ASSAULT", "AGREE", "AGREE", ""}
	acc, macro, per := score(gold, pred)
	if acc != 0.5 {
		t.Errorf("accuracy %v", acc)
	}
	// ASSAULT P1 R.5 F.667; AGREE P.5 R1 F.667; REQUEST 0; 13 others 0
	if want := (2.0 / 3 * 2) / 16; math.Abs(macro-want) > 1e-9 {
		t.Errorf("macro %v, want %v", macro, want)
	}
	if per["REQUEST"] != 0 {
		t.Errorf("REQUEST F1 %v", per["REQUEST"])
	}
}

func TestMatchAndPRF(t *testing.T) {
	pred := []PetrEvent{{"USAGOV", "IRQMIL", "042"}, {"USA", "IRQ", "190"}}
	gold := []PetrEvent{{"USA", "IRQ", "043"}, {"USA", "IRQ", "043"}}
	if n := match(pred, gold, tripleEq); n != 1 {
		t.Errorf("triples matched %d, want 1 (each gold once)", n)
	}
	if n := match(pred, gold, fullEq); n != 0 {
		t.Errorf("full matched %d", n)
	}
	if p := prf(1, 2, 4); p.P != 0.5 || p.R != 0.25 {
		t.Errorf("prf %+v", p)
	}
}

func TestLoadPloverSplits(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "eval", "events-plover")
	if s := os.Getenv("SITREP_SHARED"); s != "" {
		dir = filepath.Join(s, "eval", "events-plover")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("events-plover not found: %v", err)
	}
	dev, err := LoadPlover(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	test, err := LoadPlover(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(dev)+len(test) != 322 || len(dev) != 161 {
		t.Fatalf("dev %d test %d", len(dev), len(test))
	}
	// even lines (0-based) are dev, odd lines test (ids are not unique
	// in the file, so the check is on order)
	if dev[0].ID != "PLOVER-GSR01-AGREE-0001" || test[0].ID != "PLOVER-GSR01-AGREE-0002" {
		t.Errorf("first records: dev %s, test %s", dev[0].ID, test[0].ID)
	}
	if Majority(dev) != "AGREE" {
		t.Errorf("dev majority %s", Majority(dev))
	}
}

// TestLoadSilver: every step-th story, its lead paragraph only; a broken
// line is an error naming the file and the line.
func TestLoadSilver(t *testing.T) {
	write := func(t *testing.T, lines ...string) string {
		t.Helper()
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "silver"), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(filepath.Join(dir, "silver", "ngec_synthetic_stories.jsonl.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		for _, l := range lines {
			zw.Write([]byte(l + "\n"))
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return dir
	}
	dir := write(t,
		`{"id":"a","event_type":"PROTEST","text":"  Teachers struck on Monday.\n\nThe union said more would follow."}`,
		`{"id":"b","event_type":"AGREE","text":"Two states signed a deal."}`,
		`{"id":"c","event_type":"ASSAULT","text":"Rebels shelled the town.\nMore later."}`,
	)
	recs, err := LoadSilver(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].ID != "a" || recs[1].ID != "c" {
		t.Fatalf("records %+v, want a and c", recs)
	}
	if recs[0].Text != "Teachers struck on Monday." || recs[0].Type != "PROTEST" || recs[1].Text != "Rebels shelled the town." {
		t.Errorf("lead paragraphs %q / %q", recs[0].Text, recs[1].Text)
	}
	if all, err := LoadSilver(dir, 0); err != nil || len(all) != 3 {
		t.Errorf("step 0: %d records, %v; want all 3", len(all), err)
	}
	bad := write(t, `{"id":"a","event_type":"AGREE","text":"x"}`, `{"id":`)
	if _, err := LoadSilver(bad, 1); err == nil || !strings.Contains(err.Error(), "ngec_synthetic_stories.jsonl.gz:2") {
		t.Errorf("broken line: error %v, want one naming the file and line 2", err)
	}
}

// oneActorSentencer makes the whole text one sentence whose actors are
// the given words (each word's first occurrence), coded as given.
type oneActorSentencer map[string]string

func (o oneActorSentencer) Sentences(text string, published time.Time) []event.Sentence {
	s := event.Sentence{Text: text, Span: event.Span{Start: 0, End: len(text)}, Published: published}
	for w, code := range o {
		if i := strings.Index(text, w); i >= 0 {
			s.Actors = append(s.Actors, event.ActorMention{Span: event.Span{Start: i, End: i + len(w)}, Name: w, Code: code})
		}
	}
	sort.Slice(s.Actors, func(i, j int) bool { return s.Actors[i].Start < s.Actors[j].Start })
	return []event.Sentence{s}
}

// TestEvaluatePloverModeAndContext: mode and context are scored over the
// records that have them, a context right when it is one of the gold list.
func TestEvaluatePloverModeAndContext(t *testing.T) {
	c := event.NewCoder()
	text := "Iraq visited Syria."
	evs := c.Code(oneActorSentencer{"Iraq": "IRQ", "Syria": "SYR"}.Sentences(text, time.Time{})[0], nil)
	e := Main(evs)
	if e == nil || e.Type != "CONSULT" || e.Mode == "" {
		t.Fatalf("coded %+v, want a CONSULT with a mode", evs)
	}
	right, wrong := e.Mode, e.Mode+"-not"
	recs := []PloverRecord{
		{ID: "1", Text: text, Date: "2000-01-01", Type: "CONSULT", Mode: &right, Context: []string{"x", e.Context}},
		{ID: "2", Text: text, Date: "2000-01-01", Type: "CONSULT", Mode: &wrong, Context: []string{"x"}},
		{ID: "3", Text: text, Date: "2000-01-01", Type: "CONSULT"},
	}
	m := EvaluatePlover(recs, oneActorSentencer{"Iraq": "IRQ", "Syria": "SYR"}, "AGREE")
	if m.TypeAccuracy != 1 || m.ModeAccuracy != 0.5 {
		t.Errorf("type accuracy %v, mode accuracy %v; want 1 and 0.5 (records without a mode not counted)", m.TypeAccuracy, m.ModeAccuracy)
	}
	if want := 0.5; e.Context == "" {
		want = 0
		if m.ContextAccuracy != want {
			t.Errorf("context accuracy %v, want %v (the coder gave no context)", m.ContextAccuracy, want)
		}
	} else if m.ContextAccuracy != want {
		t.Errorf("context accuracy %v, want %v", m.ContextAccuracy, want)
	}
}
