package corpus

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
)

// TestEntityDocsParts: a long article goes to the entity stage in parts
// whose mentions and sentences map back to the article's exactly.
func TestEntityDocsParts(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 3*entityChunk; i++ {
		b.WriteString(articles[i%len(articles)].text)
		b.WriteString("\n\n")
	}
	text := b.String()
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)})
	a := &store.Article{Article: clean.Article{Text: text}, ID: 7}
	parts := entityDocs(a, &an)
	if len(parts) < 3 {
		t.Fatalf("%d parts for %d bytes", len(parts), len(text))
	}
	n := 0
	keys := map[string]bool{}
	for _, p := range parts {
		if len(p.doc.Text) > entityChunk {
			t.Errorf("part of %d bytes", len(p.doc.Text))
		}
		keys[p.doc.Key] = true
		for _, m := range p.doc.Mentions {
			orig := an.Mentions[n]
			if m.Start+p.off != orig.Start || m.End+p.off != orig.End || m.Sentence+p.sent != orig.Sentence {
				t.Fatalf("mention %d: part %+v at %d/%d, article %+v", n, m, p.off, p.sent, orig)
			}
			se := p.doc.Sentences[m.Sentence]
			if m.Start < se.Start || m.End > se.End {
				t.Fatalf("mention %d outside its sentence", n)
			}
			n++
		}
	}
	if n != len(an.Mentions) || len(keys) != len(parts) {
		t.Errorf("%d of %d mentions in the parts; %d distinct keys for %d parts", n, len(an.Mentions), len(keys), len(parts))
	}
	// a short article is one document, keyed by its id
	short := &store.Article{Article: clean.Article{Text: articles[0].text}, ID: 8}
	san := analyse.New().Annotate(analyse.Input{Text: short.Text})
	if ps := entityDocs(short, &san); len(ps) != 1 || ps[0].doc.Key != "8" || len(ps[0].doc.Mentions) != len(san.Mentions) {
		t.Errorf("short article: %d parts", len(ps))
	}
}

// TestStoryDocLong: the story stages read at most storyBytes of a long
// article, every span inside what they read.
func TestStoryDocLong(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < storyBytes+storyBytes/2; i++ {
		b.WriteString(articles[i%len(articles)].text)
		b.WriteString("\n\n")
	}
	text := b.String()
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)})
	a := &store.Article{Article: clean.Article{Text: text}, ID: 7}
	d := storyDoc(a, &an, map[int64][]int{1: {0, len(an.Sentences) - 1}, 2: {len(an.Sentences) - 1}})
	if len(d.Text) > storyBytes || len(d.Text) < storyBytes*9/10 || len(d.Sentences) == 0 || len(d.Sentences) >= len(an.Sentences) {
		t.Fatalf("story text %d bytes, %d of %d sentences", len(d.Text), len(d.Sentences), len(an.Sentences))
	}
	for _, s := range d.Sentences {
		if s.End > len(d.Text) {
			t.Fatalf("sentence %v past the text", s)
		}
	}
	for _, x := range d.Dates {
		if x.Sentence >= len(d.Sentences) || x.Span.End > len(d.Text) {
			t.Fatalf("date %+v past the text", x)
		}
	}
	if len(d.Places) == 0 || len(d.Quotes) == 0 {
		t.Errorf("%d places, %d quotes kept", len(d.Places), len(d.Quotes))
	}
	for _, p := range d.Places {
		for _, s := range p.Sentences {
			if s >= len(d.Sentences) {
				t.Fatalf("place %s in sentence %d past the text", p.Key, s)
			}
		}
	}
	if len(d.Actors) != 1 || len(d.Actors[0].Sentences) != 1 {
		t.Errorf("actors %+v, want actor 1 in sentence 0 only", d.Actors)
	}
}
