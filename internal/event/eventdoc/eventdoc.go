// Package eventdoc prepares an analysed article for the event coder: it
// turns the analysis (internal/analyse) and the article's actor
// references into one event.Sentence per sentence, with the actors,
// places and times of each sentence, the article's date and its focus
// place.
package eventdoc

import (
	"sort"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/geo"
)

// Sentences returns the coder's input for each sentence of an analysed
// text. actors are the article's actor references (any order);
// published is the article's date, estimated whether it is a guess.
func Sentences(text string, an *analyse.Annotation, actors []event.ActorMention, published time.Time, estimated bool) []event.Sentence {
	if an == nil {
		return nil
	}
	if !an.Dating.Anchor.IsZero() {
		published, estimated = an.Dating.Anchor, an.Dating.Estimated || estimated
	}
	out := make([]event.Sentence, len(an.Sentences))
	focus := Focus(an)
	for i, s := range an.Sentences {
		out[i] = event.Sentence{Text: text, Span: event.Span{Start: s.Start, End: s.End}, Index: i, Published: published, Estimated: estimated, Focus: focus}
	}
	at := func(start int) int {
		i := sort.Search(len(an.Sentences), func(i int) bool { return an.Sentences[i].End > start })
		if i < len(an.Sentences) && an.Sentences[i].Start <= start {
			return i
		}
		return -1
	}
	as := append([]event.ActorMention(nil), actors...)
	sort.SliceStable(as, func(i, j int) bool { return as[i].Start < as[j].Start })
	for _, a := range as {
		if i := at(a.Start); i >= 0 && a.End <= an.Sentences[i].End {
			out[i].Actors = append(out[i].Actors, a)
		}
	}
	// a quotation's resolved speaker, as the actor mention at its name
	for _, q := range an.Quotes {
		if !q.Resolved || q.Sentence < 0 || q.Sentence >= len(out) || out[q.Sentence].Speaker != nil {
			continue
		}
		for i := range as {
			a := &as[i]
			if a.Start < q.Speaker.End && q.Speaker.Start < a.End {
				sp := *a
				out[q.Sentence].Speaker = &sp
				out[q.Sentence].Quote = event.Span{Start: q.Start, End: q.End}
				break
			}
		}
	}
	for _, p := range an.Places {
		if p.Focus || p.Sentence < 0 || p.Sentence >= len(out) {
			continue
		}
		out[p.Sentence].Places = append(out[p.Sentence].Places, event.PlaceMention{Span: event.Span{Start: p.Start, End: p.End},
			Name: writtenName(text, p), GeonamesID: p.GeonamesID, Lat: p.Lat, Lon: p.Lon, Country: p.Country, Site: site(text, p)})
	}
	for _, t := range an.Times {
		if t.Type != "DATE" || t.Sentence < 0 || t.Sentence >= len(out) {
			continue
		}
		out[t.Sentence].Times = append(out[t.Sentence].Times, event.TimeMention{Span: event.Span{Start: t.Start, End: t.End}, Value: t.Value})
	}
	return out
}

// site reports a place of text that only tells where: not a country, not
// a capital (often its government: "Beirut again rejected"), and not a
// seat of power read as its government ("the Kremlin said"). A place read
// back from a store has no Class: its feature code gives it.
func site(text string, p analyse.Place) bool {
	class := p.Class
	if class == "" && p.Feature != "" {
		class = geo.FeatureClass(p.Feature)
	}
	if class == "" || class == geo.ClassCountry || class == geo.ClassLandmark || p.Feature == "PPLC" || p.Feature == "PPLG" {
		return false
	}
	return analyse.PlaceGovernment(text, p) == ""
}

// writtenName is a place's name as the article writes it ("Raqqa", not the
// gazetteer's "Ar Raqqah"), as the place views show it; a demonym
// ("Iraqi") is no name for a place, so it keeps the gazetteer's.
func writtenName(text string, p analyse.Place) string {
	if p.Demonym || p.Start < 0 || p.End > len(text) || p.Start >= p.End {
		return p.Name
	}
	return text[p.Start:p.End]
}

// Focus returns the place the article names most often (ties: the first
// named), or nil.
func Focus(an *analyse.Annotation) *event.PlaceMention {
	counts := map[uint32]int{}
	var order []analyse.Place
	for _, p := range an.Places {
		if p.Focus || p.GeonamesID == 0 {
			continue
		}
		if counts[p.GeonamesID] == 0 {
			order = append(order, p)
		}
		counts[p.GeonamesID]++
	}
	var best *analyse.Place
	for i := range order {
		if best == nil || counts[order[i].GeonamesID] > counts[best.GeonamesID] {
			best = &order[i]
		}
	}
	if best == nil {
		return nil
	}
	return &event.PlaceMention{Span: event.Span{Start: best.Start, End: best.End}, Name: best.Name, GeonamesID: best.GeonamesID, Lat: best.Lat, Lon: best.Lon, Country: best.Country}
}

// LocalActors turns the local entities the entity stage resolved in one
// document into actor mentions (without actor ids: the registry gives
// those), one per mention and reference. Places are left to the place
// stage, except countries and other locations the entity stage gave an
// actor code.
func LocalActors(d entity.Doc, locals []entity.Local) []event.ActorMention {
	var out []event.ActorMention
	for _, l := range locals {
		code := l.Code
		if code == "" {
			code = l.Country
		}
		if l.Kind == entity.KindLocation && code == "" {
			continue
		}
		for _, mi := range l.Mentions {
			if mi < 0 || mi >= len(d.Mentions) {
				continue
			}
			m := d.Mentions[mi]
			out = append(out, event.ActorMention{Span: event.Span{Start: m.Start, End: m.End}, Name: l.Name, Code: code})
		}
		for _, r := range l.Refs {
			out = append(out, event.ActorMention{Span: event.Span{Start: r.Start, End: r.End}, Name: l.Name, Code: code})
		}
	}
	return out
}

// Analyser analyses free text for the coder where no store is at hand
// (evaluation, tests): the analysis stages, then the entity stage.
type Analyser struct{ a *analyse.Annotator }

// NewAnalyser returns an Analyser with the embedded models.
func NewAnalyser() *Analyser { return &Analyser{a: analyse.New()} }

// Sentences analyses text published at date and returns its sentences
// ready for the coder.
func (z *Analyser) Sentences(text string, published time.Time) []event.Sentence {
	an := z.a.Annotate(analyse.Input{Text: text, Published: published})
	d := entity.Doc{Key: "text", Text: text, Published: published}
	for _, s := range an.Sentences {
		d.Sentences = append(d.Sentences, entity.Span{Start: s.Start, End: s.End})
	}
	for _, m := range an.Mentions {
		d.Mentions = append(d.Mentions, entity.Mention{Span: entity.Span{Start: m.Start, End: m.End}, Type: m.Type, Sentence: m.Sentence, Demonym: m.Demonym})
	}
	return Sentences(text, &an, LocalActors(d, resolve(d)), published, false)
}

// Panics counts the texts whose entity stage panicked (their sentences are
// coded without actors); evaluation reports it.
var Panics int

// resolve runs the entity stage, surviving a panic of it: an evaluation
// over hundreds of documents should report a defect, not stop on it.
func resolve(d entity.Doc) (locals []entity.Local) {
	defer func() {
		if r := recover(); r != nil {
			Panics++
			locals = nil
		}
	}()
	return entity.Resolve(d)
}
