package analyse

import (
	"encoding/base64"
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/clean"
)

const sampleArticle = `Fishermen in Port Ellen protested on Monday against the night ferry trial.

"We were never asked," said Ailsa Brodie, who chairs the harbour authority. She said the trial would start in Glasgow on March 20.

Police in Glasgow said the protest was peaceful.
`

// TestAnnotateStageFault: a stage that panics is recorded and the
// stages after it still run.
func TestAnnotateStageFault(t *testing.T) {
	FaultHook = func(stage, _ string) {
		if stage == "analysis/quotes" {
			panic("injected fault")
		}
	}
	defer func() { FaultHook = nil }()
	an := New().Annotate(Input{Text: sampleArticle, Published: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)})
	if len(an.Faults) != 1 || an.Faults[0].Stage != "analysis/quotes" || !strings.Contains(an.Faults[0].Message, "injected") {
		t.Fatalf("faults %+v", an.Faults)
	}
	if an.Status != Incomplete || !strings.Contains(an.Note, "analysis/quotes") {
		t.Errorf("status %q note %q", an.Status, an.Note)
	}
	if len(an.Mentions) == 0 || len(an.Places) == 0 || len(an.Quotes) != 0 {
		t.Errorf("mentions %d places %d quotes %d: want the other stages' results and no quotes", len(an.Mentions), len(an.Places), len(an.Quotes))
	}
	// the annotator is still usable afterwards
	FaultHook = nil
	if an := New().Annotate(Input{Text: sampleArticle}); an.Status != Complete || len(an.Quotes) == 0 {
		t.Errorf("after a fault: status %q, %d quotes", an.Status, len(an.Quotes))
	}
}

// TestAnnotateLanguages: a language the models do not know gets sentences
// only, and says so; English and unknown are analysed.
func TestAnnotateLanguages(t *testing.T) {
	de := "Die Polizei in Dortmund sagte am Montag, dass die Demonstration friedlich war. Dabei wurden keine Menschen verletzt."
	tests := []struct {
		lang, text string
		analysed   bool
		note       string
	}{
		{"de", de, false, "not analysed: German"},
		{"pl", "Policja w Warszawie powiedziała, że tak było.", false, "not analysed: Polish"},
		{"en", sampleArticle, true, ""},
		{"", sampleArticle, true, ""},
	}
	a := New()
	for _, tc := range tests {
		an := a.Annotate(Input{Text: tc.text, Language: tc.lang})
		if got := an.Status != NotAnalysed; got != tc.analysed || an.Note != tc.note {
			t.Errorf("%s: status %q note %q", tc.lang, an.Status, an.Note)
		}
		if len(an.Sentences) == 0 {
			t.Errorf("%s: no sentences", tc.lang)
		}
		if !tc.analysed && len(an.Mentions)+len(an.Places)+len(an.Quotes)+len(an.Times) > 0 {
			t.Errorf("%s: English models ran: %d mentions, %d places, %d quotes", tc.lang, len(an.Mentions), len(an.Places), len(an.Quotes))
		}
	}
}

// TestAnnotateChunks: a document longer than a chunk is analysed chunk by
// chunk; every span lies in the text and in the sentence it names, and the
// sentences tile the text in order.
func TestAnnotateChunks(t *testing.T) {
	var b strings.Builder
	for b.Len() < 2*chunkBytes+chunkBytes/2 {
		b.WriteString(sampleArticle)
		b.WriteString("\n")
	}
	s := b.String()
	an := New().Annotate(Input{Text: s, Published: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)})
	if an.Status != Complete || len(an.Faults) > 0 {
		t.Fatalf("status %q %v", an.Status, an.Faults)
	}
	prev := 0
	for i, se := range an.Sentences {
		if se.Start < prev || se.End > len(s) || se.Start > se.End {
			t.Fatalf("sentence %d %v after %d", i, se, prev)
		}
		prev = se.End
	}
	if last := an.Sentences[len(an.Sentences)-1]; strings.TrimSpace(s[last.End:]) != "" {
		t.Errorf("text after the last sentence: %q", s[last.End:])
	}
	in := func(what string, sp Span, sent int) {
		t.Helper()
		se := an.Sentences[sent]
		if sp.Start < se.Start || sp.End > se.End {
			t.Errorf("%s %v %q outside its sentence %d %v", what, sp, s[sp.Start:sp.End], sent, se)
		}
	}
	// the second chunk alone gives the same findings, at its offsets
	lo := cutAt(s, 0, chunkBytes)
	hi := cutAt(s, lo, chunkBytes)
	alone := New().Annotate(Input{Text: s[lo:hi], Published: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)})
	var got []string
	for _, p := range an.Places {
		if p.Start >= lo && p.End <= hi {
			got = append(got, fmt.Sprintf("%d-%d %s", p.Start-lo, p.End-lo, p.Name))
		}
	}
	var want []string
	for _, p := range alone.Places {
		want = append(want, fmt.Sprintf("%d-%d %s", p.Start, p.End, p.Name))
	}
	if len(want) == 0 || strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("places of the second chunk: %d in the whole, %d alone", len(got), len(want))
	}
	nq := 0
	for _, q := range an.Quotes {
		if q.Start >= lo && q.End <= hi {
			nq++
		}
	}
	if nq == 0 || nq != len(alone.Quotes) {
		t.Errorf("quotes of the second chunk: %d in the whole, %d alone", nq, len(alone.Quotes))
	}
	speakers := map[string]bool{}
	for _, q := range alone.Quotes {
		if q.Speaker.Start >= 0 {
			speakers[s[lo:hi][q.Speaker.Start:q.Speaker.End]] = true
		}
	}
	for _, m := range an.Mentions {
		in("mention", m.Span, m.Sentence)
	}
	for _, p := range an.Places {
		in("place", p.Span, p.Sentence)
		if s[p.Start:p.End] != "Port Ellen" && s[p.Start:p.End] != "Glasgow" {
			t.Errorf("place %q", s[p.Start:p.End])
		}
	}
	for _, q := range an.Quotes {
		for _, sp := range []Span{q.Span, q.Cue, q.Speaker} {
			if sp.Start >= 0 && (sp.End > len(s) || sp.Start > sp.End) {
				t.Errorf("quote span %v", sp)
			}
		}
		if q.Speaker.Start >= 0 && !speakers[s[q.Speaker.Start:q.Speaker.End]] {
			t.Errorf("speaker %q not among one copy's %v", s[q.Speaker.Start:q.Speaker.End], speakers)
		}
	}
}

func TestCutAt(t *testing.T) {
	tests := []struct {
		name string
		s    string
		size int
		want int
	}{
		{"short", "abc", 10, 3},
		{"newline before a sentence end", "aaaaaaaaaaaaaaaa. b\ncc", 16, 20},
		{"sentence", "aaaaaaaa. cc dd", 8, 10},
		{"space", "aaaaaaaab ccccc", 8, 10},
		{"no space: a character boundary", "ééééééééééééééé", 5, 4},
	}
	for _, tc := range tests {
		got := cutAt(tc.s, 0, tc.size)
		if got != tc.want {
			t.Errorf("%s: cutAt = %d, want %d", tc.name, got, tc.want)
		}
		if !utf8.ValidString(tc.s[:got]) {
			t.Errorf("%s: cut inside a character", tc.name)
		}
	}
}

// TestAnnotateBudget: a document over the budget is stored with what was
// found, its rest split into sentences, marked incomplete.
func TestAnnotateBudget(t *testing.T) {
	var b strings.Builder
	for b.Len() < 3*chunkBytes {
		b.WriteString(sampleArticle)
	}
	s := b.String()
	a := New()
	a.Budget = time.Nanosecond
	an := a.Annotate(Input{Text: s})
	if an.Status != Incomplete || !strings.Contains(an.Note, "time budget") {
		t.Fatalf("status %q note %q", an.Status, an.Note)
	}
	if len(an.Sentences) == 0 || an.Sentences[len(an.Sentences)-1].End < len(strings.TrimSpace(s)) {
		t.Errorf("the sentences do not reach the end of the text")
	}
}

// TestAnnotateHugeBounded: a 16 MiB document (the default size cap) of
// base64 junk — no words, no sentences — is analysed or stopped by the
// budget in bounded time and memory.
func TestAnnotateHugeBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	raw := make([]byte, 12<<20)
	rand.New(rand.NewSource(1)).Read(raw)
	enc := base64.StdEncoding.EncodeToString(raw)
	var b strings.Builder
	for i := 0; i < len(enc); i += 76 {
		b.WriteString(enc[i:min(len(enc), i+76)])
		b.WriteByte('\n')
	}
	s := b.String()
	// peak heap while it runs, sampled
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	a := New()
	a.Budget = 2 * time.Second
	t0 := time.Now()
	an := a.Annotate(Input{Text: s})
	took := time.Since(t0)
	close(stop)
	<-done
	t.Logf("%d bytes: %v, status %q %s, %d sentences, peak heap in use %d MiB", len(s), took, an.Status, an.Note, len(an.Sentences), peak>>20)
	// the budget plus one chunk and the sentence split of the rest, with a
	// wide margin for a loaded machine
	if took > a.Budget+20*time.Second {
		t.Errorf("took %v with a budget of %v", took, a.Budget)
	}
	if peak > 1<<30 {
		t.Errorf("peak heap %d MiB", peak>>20)
	}
}

// TestAnnotateArticleLanguage: the text's own clear language decides,
// else the declared one, else the text is analysed.
func TestAnnotateArticleLanguage(t *testing.T) {
	tests := []struct {
		name, declared, text string
		wantLang             string
		analysed             bool
	}{
		{"english text beats a template's lang", "de", sampleArticle, "en", true},
		{"german text", "", "Die Polizei in Dortmund sagte am Montag, dass die Demonstration friedlich war und dass es keine Verletzten gab. Auch die Stadt hat sich dazu geäußert.", "de", false},
		{"unsure text, declared German", "de", "Der App Researcher Radu Oncescu hat die neue Funktion bei Instagram Beta for Android entdeckt.", "de", false},
		{"unsure text, nothing declared", "", "Storm Nerys floods Porto quays", "", true},
	}
	a := New()
	for _, tc := range tests {
		art := clean.Article{Text: tc.text, Language: tc.declared}
		an := a.AnnotateArticle(&art)
		if art.Language != tc.wantLang || (an.Status != NotAnalysed) != tc.analysed {
			t.Errorf("%s: language %q, status %q", tc.name, art.Language, an.Status)
		}
	}
}
