package corpus

import (
	"slices"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/fault"
	"github.com/sitrep/sitrep/internal/store"
)

// Prepared is what the corpus stage can take of an article before the
// article is stored: its analysis as a store gives it back
// (store.AsStored) and its entities resolved within the article
// (entity.Resolve, which depends on nothing but the article). Prepare
// makes it on the caller's goroutine — the pipeline's analysis workers,
// on all cores — so that the stage's one goroutine, which every article
// passes through in turn, only merges the entities into the registry.
type Prepared struct {
	an    *analyse.Annotation
	parts []preparedPart // nil: not resolved (not analysed, or a fault)
}

// preparedPart is one part of the article (entityDocs) with its
// resolution; the stage uses it only when the part it builds from the
// stored article is the same (same).
type preparedPart struct {
	doc    entity.Doc
	locals []entity.Local
}

// Prepare prepares an analysed article for the corpus stage (Stage.Offer).
func Prepare(art *clean.Article, an *analyse.Annotation) *Prepared {
	if an == nil {
		return nil
	}
	p := &Prepared{an: store.AsStored(an)}
	if p.an.Status == "not_analysed" {
		return p
	}
	// The article as the stage will read it back; the id is not known
	// yet, and resolving does not use it (only the registry reads Key).
	a := &store.Article{Article: clean.Article{Text: art.Text, Outlet: art.Outlet, Published: storedTime(art.Published)}, Analysis: p.an.Status}
	var parts []preparedPart
	if f := fault.Run("actors", func() {
		for _, part := range entityDocs(a, p.an) {
			parts = append(parts, preparedPart{doc: part.doc, locals: entity.Resolve(part.doc)})
		}
	}); f != nil {
		return p // the stage resolves it again, and records the fault
	}
	p.parts = parts
	return p
}

// storedTime is t as stores give a time back: UTC, whole seconds (RFC
// 3339). A store that gives back another form only makes the stage
// resolve the article again (same).
func storedTime(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	s, err := time.Parse(time.RFC3339, t.UTC().Format(time.RFC3339))
	if err != nil {
		return t
	}
	return s
}

// resolved returns the prepared resolution of part i of an article when
// it was made from the same input as doc, the part built from the
// article as stored; false otherwise.
func (p *Prepared) resolved(i int, doc *entity.Doc) ([]entity.Local, bool) {
	if p == nil || i >= len(p.parts) {
		return nil, false
	}
	pd := &p.parts[i].doc
	if pd.Text != doc.Text || pd.Published != doc.Published || !slices.Equal(pd.Sentences, doc.Sentences) || !slices.Equal(pd.Mentions, doc.Mentions) {
		return nil, false
	}
	return p.parts[i].locals, true
}
