package eventdoc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/event"
)

// benchText is a news article of the repository's example corpus.
func benchText(b *testing.B) string {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "examples", "corpus", "meridian-wire-storm.txt"))
	if err != nil {
		b.Skip("examples/corpus missing:", err)
	}
	return string(raw)
}

// The three benchmarks below run the stages of one article side by side:
// the analysis (sentences, NER, time, quotes, places), the entity stage,
// and the event coder over the article's sentences. The coder's share of
// the pipeline is its time over the sum.

func BenchmarkPipelineAnalyse(b *testing.B) {
	text := benchText(b)
	a := analyse.New()
	pub := time.Date(2016, 10, 25, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Annotate(analyse.Input{Text: text, Published: pub})
	}
}

func BenchmarkPipelineEntities(b *testing.B) {
	text := benchText(b)
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: time.Date(2016, 10, 25, 0, 0, 0, 0, time.UTC)})
	d := entityDocOf(text, &an)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		entity.Resolve(d)
	}
}

func BenchmarkPipelineCode(b *testing.B) {
	text := benchText(b)
	pub := time.Date(2016, 10, 25, 0, 0, 0, 0, time.UTC)
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: pub})
	d := entityDocOf(text, &an)
	ss := Sentences(text, &an, LocalActors(d, entity.Resolve(d)), pub, false)
	c := event.NewCoder()
	var evs []event.Event
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range ss {
			evs = c.Code(s, evs[:0])
		}
	}
	b.ReportMetric(float64(b.N*len(ss))/b.Elapsed().Seconds(), "sentences/s")
}

func entityDocOf(text string, an *analyse.Annotation) entity.Doc {
	d := entity.Doc{Key: "bench", Text: text}
	for _, s := range an.Sentences {
		d.Sentences = append(d.Sentences, entity.Span{Start: s.Start, End: s.End})
	}
	for _, m := range an.Mentions {
		d.Mentions = append(d.Mentions, entity.Mention{Span: entity.Span{Start: m.Start, End: m.End}, Type: m.Type, Sentence: m.Sentence, Demonym: m.Demonym})
	}
	return d
}

// TestSentencesSpans checks that each sentence gets only its own mentions.
func TestSentencesSpans(t *testing.T) {
	text := "Iraqi troops attacked Bashiqa on Sunday. Carter met Barzani in Erbil."
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: time.Date(2016, 10, 25, 0, 0, 0, 0, time.UTC)})
	d := entityDocOf(text, &an)
	ss := Sentences(text, &an, LocalActors(d, entity.Resolve(d)), time.Date(2016, 10, 25, 0, 0, 0, 0, time.UTC), false)
	if len(ss) != 2 {
		t.Fatalf("%d sentences", len(ss))
	}
	for _, s := range ss {
		for _, a := range s.Actors {
			if a.Start < s.Start || a.End > s.End {
				t.Errorf("actor %q outside sentence %d", text[a.Start:a.End], s.Index)
			}
		}
	}
	c := event.NewCoder()
	var verbs []string
	for _, s := range ss {
		for _, e := range c.Code(s, nil) {
			verbs = append(verbs, e.Verb+"/"+e.Type)
		}
	}
	if got := strings.Join(verbs, " "); !strings.Contains(got, "attacked/ASSAULT") || !strings.Contains(got, "met/CONSULT") {
		t.Errorf("events %q", got)
	}
	if Sentences(text, nil, nil, time.Time{}, false) != nil {
		t.Error("no annotation: sentences")
	}
}

// BenchmarkPipelineHeadline is the headline's share: finding the
// article's actors and places in its title and coding it, per article.
func BenchmarkPipelineHeadline(b *testing.B) {
	text := benchText(b)
	pub := time.Date(2016, 10, 25, 0, 0, 0, 0, time.UTC)
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: pub})
	d := entityDocOf(text, &an)
	actors := LocalActors(d, entity.Resolve(d))
	body := Sentences(text, &an, actors, pub, false)
	// a title in the article's words: its first sentence's first words
	first := text[an.Sentences[0].Start:an.Sentences[0].End]
	title := strings.Join(strings.Fields(first)[:min(10, len(strings.Fields(first)))], " ")
	c := event.NewCoder()
	var evs []event.Event
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if s, ok := Headline("Update: "+title, text, &an, actors, body); ok {
			evs = c.Code(s, evs[:0])
		}
	}
}
