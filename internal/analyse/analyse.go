// Package analyse runs sitrep's analysis stages over a clean article text:
// sentences and tokens (internal/text), then named-entity mentions
// (internal/ner). Every result carries byte offsets into the text it was
// given, so each fact points back to the words that support it. Later
// stages (aliases, places, time expressions, quotes) join here.
package analyse

import (
	"github.com/sitrep/sitrep/internal/ner"
	"github.com/sitrep/sitrep/internal/text"
)

// Span is a byte range [Start, End) of the article text.
type Span struct{ Start, End int }

// Mention is a named-entity mention.
type Mention struct {
	Span
	Type       string // PER, ORG, LOC, MISC
	Sentence   int    // index into Annotation.Sentences
	Confidence float32
	Demonym    bool // a MISC nationality/group adjective ("Iraqi", "Kurdish")
}

// Annotation is what the analysis stages found in one text.
type Annotation struct {
	Sentences []Span
	Tokens    int
	Mentions  []Mention
}

// Annotator holds reusable buffers; it is not safe for concurrent use —
// give each goroutine its own.
type Annotator struct {
	model *ner.Model
	toks  []text.Token
	sents []text.Sentence
}

// New returns an Annotator using the embedded NER model.
func New() *Annotator { return &Annotator{model: ner.Default()} }

// Annotate analyses s.
func (a *Annotator) Annotate(s string) Annotation {
	a.toks, a.sents = text.Split(s, a.toks[:0], a.sents[:0])
	out := Annotation{Sentences: make([]Span, len(a.sents)), Tokens: len(a.toks)}
	for i, se := range a.sents {
		out.Sentences[i] = Span{int(se.Start), int(se.End)}
	}
	for _, m := range a.model.Tag(s, a.sents, a.toks) {
		out.Mentions = append(out.Mentions, Mention{Span: Span{m.Start, m.End}, Type: m.Type, Sentence: m.Sentence, Confidence: m.Confidence, Demonym: m.Demonym})
	}
	return out
}
