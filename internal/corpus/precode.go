package corpus

import (
	"reflect"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/event/eventdoc"
)

// preCoded is an article's sentences coded on the analysis workers
// (Prepare), before the article has actors: with its entities as
// resolved within the article, each entity standing for the actor the
// registry will make of it. The corpus stage takes a sentence's events
// from here when the sentence's actor mentions turn out to code the
// same (preSentence.events) and codes the others itself, so that the
// events are those coding every sentence there would give, most of the
// coding done on all cores instead of the stage's goroutines.
type preCoded struct {
	an        *analyse.Annotation // the analysis coded from (the stage's own, by pointer)
	text      string
	published time.Time
	estimated bool
	sents     []preSentence // by sentence index
}

// preSentence is one sentence coded with local actor mentions: their ID
// is the local entity's index + 1, their Name localName.
type preSentence struct {
	actors  []event.ActorMention
	speaker *event.ActorMention
	events  []event.Event
}

// localName stands for an actor's name in the mentions coded on the
// workers: not empty, so that the coder takes it as a name (an empty one
// falls back to the words as written) and the stage can give the actor's.
const localName = "\x00"

var coders = sync.Pool{New: func() any { return event.NewCoder() }}

// preCode codes the sentences of a one-part article (doc, as resolved
// into locals) dated published; nil for an undated one (its events take
// its story's date, known only to the stage).
func preCode(doc *entity.Doc, locals []entity.Local, an *analyse.Annotation, published time.Time, estimated bool) *preCoded {
	if published.IsZero() {
		return nil
	}
	// the mentions as the stage reads them (ArticlesActors): each
	// entity's names then its other references, less the places with
	// no code
	var actors []event.ActorMention
	for i, l := range locals {
		code := l.Code
		if code == "" {
			code = l.Country
		}
		if l.Kind == entity.KindLocation && code == "" {
			continue
		}
		for _, mi := range l.Mentions {
			if mi < 0 || mi >= len(doc.Mentions) {
				continue
			}
			m := doc.Mentions[mi]
			actors = append(actors, event.ActorMention{Span: event.Span{Start: m.Start, End: m.End}, ID: int64(i) + 1, Name: localName, Code: code})
		}
		for _, r := range l.Refs {
			actors = append(actors, event.ActorMention{Span: event.Span{Start: r.Start, End: r.End}, ID: int64(i) + 1, Name: localName, Code: code})
		}
	}
	pc := &preCoded{an: an, text: doc.Text, published: published, estimated: estimated}
	c := coders.Get().(*event.Coder)
	defer coders.Put(c)
	for _, s := range eventdoc.Sentences(doc.Text, an, actors, published, estimated) {
		pc.sents = append(pc.sents, preSentence{actors: s.Actors, speaker: s.Speaker, events: c.Code(s, nil)})
	}
	return pc
}

// events returns sentence s's events as coded on the worker, its local
// actors replaced by the stage's, when s (built from the stage's actor
// mentions) codes the same: the same mentions at the same spans with
// the same codes, mentions of one entity where and only where they are
// of one actor. Else false, and the stage codes s.
func (pc *preCoded) events(s *event.Sentence) ([]event.Event, bool) {
	if s.Index < 0 || s.Index >= len(pc.sents) {
		return nil, false
	}
	ps := &pc.sents[s.Index]
	if len(ps.actors) != len(s.Actors) || (ps.speaker == nil) != (s.Speaker == nil) {
		return nil, false
	}
	actor := map[int64]*event.ActorMention{} // by local id
	local := map[int64]int64{}               // by actor id
	same := func(l, g *event.ActorMention) bool {
		if l.Span != g.Span || l.Code != g.Code {
			return false
		}
		if a, ok := actor[l.ID]; ok && a.ID != g.ID {
			return false
		}
		if id, ok := local[g.ID]; ok && id != l.ID {
			return false
		}
		actor[l.ID], local[g.ID] = g, l.ID
		return true
	}
	for i := range ps.actors {
		if !same(&ps.actors[i], &s.Actors[i]) {
			return nil, false
		}
	}
	if ps.speaker != nil && !same(ps.speaker, s.Speaker) {
		return nil, false
	}
	out := make([]event.Event, len(ps.events))
	for i := range ps.events {
		e := ps.events[i]
		e.AllSources, e.AllTargets = append([]event.Party(nil), e.AllSources...), append([]event.Party(nil), e.AllTargets...)
		if e.Place != nil {
			p := *e.Place
			e.Place = &p
		}
		ok := give(&e.Source, actor) && give(&e.Target, actor)
		for k := range e.AllSources {
			ok = ok && give(&e.AllSources[k], actor)
		}
		for k := range e.AllTargets {
			ok = ok && give(&e.AllTargets[k], actor)
		}
		if !ok {
			return nil, false
		}
		out[i] = e
	}
	if verifyPreCoded {
		if again := event.NewCoder().Code(*s, nil); !reflect.DeepEqual(again, out) && !(len(again) == 0 && len(out) == 0) {
			panic("corpus: a sentence coded on the workers differs from coding it in the stage")
		}
	}
	return out, true
}

// give gives a party of a local actor the stage's actor (its id and
// name, or the words as written where the actor has none, as the coder
// names it); false for a local actor not mapped.
func give(p *event.Party, actor map[int64]*event.ActorMention) bool {
	if p.Actor == 0 {
		return true
	}
	a, ok := actor[p.Actor]
	if !ok {
		return false
	}
	p.Actor, p.Name, p.Code = a.ID, a.Name, a.Code
	if p.Name == "" {
		p.Name = p.Text
	}
	return true
}

// verifyPreCoded makes every sentence taken as coded on the workers be
// coded again and compared (tests).
var verifyPreCoded bool
