// Package analyse runs sitrep's analysis stages over a clean article text:
// sentences and tokens (internal/text), named-entity mentions
// (internal/ner), time expressions normalised to the calendar
// (internal/timex), quotations with their speakers (internal/quote) and
// places resolved to GeoNames (internal/geo). Every result carries byte
// offsets into the text it was given, so each fact points back to the words
// that support it.
package analyse

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/fault"
	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/ner"
	"github.com/sitrep/sitrep/internal/quote"
	"github.com/sitrep/sitrep/internal/text"
	"github.com/sitrep/sitrep/internal/timex"
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

// Time is a time expression normalised to TIMEX3.
type Time struct {
	Span
	Sentence int
	Type     string // DATE, TIME, DURATION or SET
	Value    string // TIMEX3 value: 2016-10-23, 2016-W42, P3D, ...
	Mod      string // TIMEX3 mod, "" if none
	Anchored bool   // the value was computed from the publication date or the narrative's reference time
}

// Quote is a quotation or reported statement. Missing spans are {-1,-1}.
type Quote struct {
	Span               // the content
	Parts       []Span // pieces of the content when the attribution interrupts it
	Kind        string // direct, indirect or mixed
	Cue         Span   // the cue ("said", "according to")
	Source      Span   // the expression naming the speaker as written ("he", "the minister")
	Speaker     Span   // the speaker's name (the antecedent of a pronoun source)
	SpeakerText string // Speaker's text, or the unresolved pronoun
	Resolved    bool   // the speaker is known
	Sentence    int
	Confidence  float32
}

// Place is a toponym mention resolved to a place.
type Place struct {
	Span
	Sentence   int
	Name       string // the gazetteer's name
	GeonamesID uint32
	Lat, Lon   float64
	Country    string // ISO 3166-1 alpha-2
	Feature    string // GeoNames feature code (PPLA, PCLI, ADM1, ...)
	Class      string // feature class a reader sees: city, region, country, water, landform, landmark, ... (geo.FeatureClass)
	// Actor is the ISO country whose government the mention also stands
	// for ("Washington said", "the Kremlin denied"); "" when it is only a
	// place (placesense.go).
	Actor      string
	Population uint32
	Focus      bool // not in the gazetteer; placed at the story's focus
	Demonym    bool // named by its demonym ("Iraqi" → Iraq)
	Confidence float64
}

// Dating says which date anchored the relative time expressions.
type Dating struct {
	Anchor     time.Time // the publication date used ("" when none was known)
	Estimated  bool      // Anchor was estimated from the text (no stated date)
	Confidence float64   // of the estimate; 1 for a stated date
	Evidence   []string  // the expressions the estimate rests on
	// Latest is the last day an estimate allows (zero: open-ended, or a
	// stated date): the publication lies in [Anchor, Latest].
	Latest time.Time
}

// Annotation is what the analysis stages found in one text.
type Annotation struct {
	Sentences []Span
	Tokens    int
	Mentions  []Mention
	Times     []Time
	Quotes    []Quote
	Places    []Place
	Dating    Dating
	// Status is Complete, Incomplete (the time budget ran out, or a stage
	// failed: what was found is kept) or NotAnalysed (a language the
	// models do not know: sentences only); Note says why in words.
	Status string
	Note   string
	Faults []fault.Fault // the stages that failed on this text
}

// Input is one article to analyse.
type Input struct {
	Text string
	// Published is the stated publication date; zero when unknown.
	Published time.Time
	// PublishedEstimated is true when Published is only a guess of the
	// cleaning stage; the time expressions then get a better estimate here.
	PublishedEstimated bool
	// Outlet's country (ISO alpha-2) when known: a weak prior for places.
	OutletCountry string
	// Language is the text's ISO 639-1 code, "" when unknown: a language
	// the models do not know is not analysed (see Supported).
	Language string
}

// Annotator holds reusable buffers; it is not safe for concurrent use —
// give each goroutine its own.
type Annotator struct {
	// Budget bounds the time one document may take; what is not analysed
	// when it runs out is split into sentences only and the annotation is
	// marked Incomplete. Zero means no limit.
	Budget time.Duration

	model *ner.Model
	gaz   *geo.Gazetteer
	toks  []text.Token
	sents []text.Sentence
	// seen memoises gaz.Lookup by name (lookup): the place rules ask the
	// gazetteer about the same names many times in one article ("Trump"
	// as knownPlace, physicalPlace, tentativePlace, each mention again)
	// and the same common names in every article, and a lookup ranks all
	// the records of the name and its variants each time.
	seen      map[string][]geo.Candidate
	seenCands int // candidates held by seen
	// geoMemo keeps the resolver's own name lookups, for the same reason
	geoMemo *geo.Memo
}

// lookupCacheMax bounds the candidates the lookup memo holds (a candidate
// is about 150 bytes); when full it is emptied and refilled, so a long
// run's memory stays flat at a few MB per annotator.
const lookupCacheMax = 1 << 15

// lookup is a.gaz.Lookup, memoised: the gazetteer is read-only, so the
// answer for a name never changes. The result is shared and must not be
// modified (no caller does).
func (a *Annotator) lookup(name string) []geo.Candidate {
	if cs, ok := a.seen[name]; ok {
		return cs
	}
	cs := a.gaz.Lookup(name)
	if a.seen == nil || a.seenCands+len(cs) > lookupCacheMax {
		a.seen, a.seenCands = make(map[string][]geo.Candidate, 1024), 0
	}
	a.seenCands += len(cs) + 1
	// a copy of the name: a slice of the article's text would keep the
	// whole text alive
	a.seen[strings.Clone(name)] = cs
	return cs
}

// New returns an Annotator using the embedded NER model and gazetteer.
func New() *Annotator {
	g, err := geo.Default()
	if err != nil {
		// The gazetteer is embedded in the binary: failing to load it is a
		// build defect, not an input problem.
		panic("analyse: embedded gazetteer: " + err.Error())
	}
	return &Annotator{model: ner.Default(), gaz: g, Budget: DefaultBudget}
}

// annotateText runs the stages over one stretch of text (the whole
// article, or one chunk of a very long one). Each stage runs inside a fault
// boundary: a panic on this text is recorded in an.Faults and the stages
// after it still run on what the others found.
func (a *Annotator) annotateText(s string, d Dating, outletCountry string, an *Annotation) {
	a.stage(an, "sentences", s, func() {
		a.toks, a.sents = text.Split(s, a.toks[:0], a.sents[:0])
		an.Sentences, an.Tokens = make([]Span, len(a.sents)), len(a.toks)
		for i, se := range a.sents {
			an.Sentences[i] = Span{int(se.Start), int(se.End)}
		}
	})
	if len(an.Faults) > 0 {
		return // nothing below can run without sentences
	}
	a.stage(an, "entities", s, func() {
		for _, m := range a.model.Tag(s, a.sents, a.toks) {
			an.Mentions = append(an.Mentions, Mention{Span: Span{m.Start, m.End}, Type: m.Type, Sentence: m.Sentence, Confidence: m.Confidence, Demonym: m.Demonym})
		}
	})
	a.stage(an, "times", s, func() {
		for _, x := range timex.Find(s, d.Anchor) {
			// Without an anchor (an undated article the text gives no
			// date for) relative expressions cannot be placed: only
			// those that carry their own year are kept, so "March 4,
			// 2025" still reaches the timeline and "on Tuesday" does not.
			if d.Anchor.IsZero() && !ownYear(x) {
				continue
			}
			an.Times = append(an.Times, Time{Span: Span{x.Start, x.End}, Sentence: sentenceOf(an.Sentences, x.Start),
				Type: x.Type, Value: x.Value, Mod: x.Mod, Anchored: x.Anchored})
		}
	})
	a.stage(an, "quotes", s, func() { an.Quotes = a.quotes(s, an) })
	a.stage(an, "places", s, func() { an.Places = a.places(s, an, outletCountry) })
}

// dating picks the anchor for relative time expressions: the stated
// publication date, else an estimate from the text's own dates.
func dating(in Input) Dating {
	if !in.Published.IsZero() && !in.PublishedEstimated {
		return Dating{Anchor: in.Published, Confidence: 1}
	}
	// An estimate that rests only on years ("since 2010") is no date at
	// all: anchoring "on Sunday" on mid-2010, or keeping the article out of
	// today's events for it, would do harm. Only day-precise evidence
	// counts.
	if e, ok := timex.EstimatePublication(in.Text); ok && dayPrecise(e.Evidence) {
		d := Dating{Anchor: e.Date, Latest: e.Latest, Estimated: true, Confidence: e.Confidence}
		for _, x := range e.Evidence {
			d.Evidence = append(d.Evidence, x.Text)
		}
		return d
	}
	if !in.Published.IsZero() {
		return Dating{Anchor: in.Published, Estimated: true, Confidence: 0.1}
	}
	return Dating{}
}

func (a *Annotator) quotes(s string, an *Annotation) []Quote {
	sents := make([]quote.Sentence, len(an.Sentences))
	for i, sp := range an.Sentences {
		sents[i] = quote.Sentence{Start: sp.Start, End: sp.End}
	}
	ms := make([]quote.Mention, len(an.Mentions))
	for i, m := range an.Mentions {
		ms[i] = quote.Mention{Start: m.Start, End: m.End, Type: m.Type}
	}
	qs := quote.Extract(s, sents, ms)
	var out []Quote // nil when there is none
	if len(qs) > 0 {
		out = make([]Quote, 0, len(qs))
	}
	for _, q := range qs {
		o := Quote{Span: Span{q.Start, q.End}, Kind: q.Kind, Cue: Span{q.CueStart, q.CueEnd},
			Source: Span{q.SourceStart, q.SourceEnd}, Speaker: Span{q.SpeakerStart, q.SpeakerEnd},
			SpeakerText: q.Speaker, Resolved: q.SpeakerResolved, Sentence: q.Sentence, Confidence: q.Confidence}
		for _, p := range q.Parts {
			o.Parts = append(o.Parts, Span{p.Start, p.End})
		}
		out = append(out, o)
	}
	return out
}

// places resolves the LOC mentions, and the places that other names show
// (placeIn); demonyms and other names vote for their country.
func (a *Annotator) places(s string, an *Annotation, outletCountry string) []Place {
	if a.geoMemo == nil {
		a.geoMemo = geo.NewMemo()
	}
	doc := geo.Doc{Text: s, OutletCountry: outletCountry, Persons: familyNames(s, an), Memo: a.geoMemo}
	type at struct {
		span     Span
		sentence int
	}
	var where []at
	add := func(sp Span, sentence int) {
		doc.Mentions = append(doc.Mentions, geo.Mention{Text: s[sp.Start:sp.End], Start: sp.Start, End: sp.End})
		where = append(where, at{sp, sentence})
	}
	people := personWords(s, an)
	demonym := map[int]bool{}   // mentions that are demonyms ("Iraqi")
	tentative := map[int]bool{} // kept only where the document's geography supports them
	// one sense per document: a name typed LOC somewhere is a place
	// wherever else it occurs, whatever its type there
	locNames := map[string]bool{}
	for _, m := range an.Mentions {
		if m.Type == "LOC" && !namesVessel(s[m.End:]) {
			locNames[s[m.Start:m.End]] = true
		}
	}
	for _, m := range an.Mentions {
		t := s[m.Start:m.End]
		switch {
		case m.Type == "LOC" && namesVessel(s[m.End:]):
			// "the Charles de Gaulle aircraft carrier": a ship named
			// after a person or place is not a place
		case m.Type == "LOC":
			if parts := a.placeParts(s, m.Span); len(parts) > 0 {
				for _, sp := range parts {
					add(sp, m.Sentence)
				}
			} else {
				add(m.Span, m.Sentence)
			}
		default:
			if m.Demonym || m.Type == "MISC" {
				doc.Context = append(doc.Context, t)
			}
			if !m.Demonym && locNames[t] && a.knownPlace(t) {
				add(m.Span, m.Sentence)
			} else if (m.Demonym || m.Type == "MISC") && a.demonymPlace(t) {
				add(m.Span, m.Sentence)
				demonym[len(doc.Mentions)-1] = true
			} else if parts := a.demonymParts(s, m); len(parts) > 0 {
				for _, sp := range parts {
					add(sp, m.Sentence)
					demonym[len(doc.Mentions)-1] = true
				}
			} else if sp, ok := a.placeIn(s, m); ok {
				add(sp, m.Sentence)
			} else if !m.Demonym && a.physicalPlace(t) {
				add(m.Span, m.Sentence)
			} else if sp, ok := a.physicalPrefix(s, m); ok {
				add(sp, m.Sentence)
			} else if sp, ok := a.tentativePlace(s, m, people); ok {
				add(sp, m.Sentence)
				// a dateline is where the report was filed: it needs no
				// other place to speak for it
				tentative[len(doc.Mentions)-1] = !atDateline(s, sp)
			}
		}
	}
	for _, sp := range a.placesAround(s, doc.Mentions, an.Mentions) {
		add(sp, sentenceOf(an.Sentences, sp.Start))
	}
	for _, c := range a.compoundPlaces(s, an.Mentions) {
		add(c.Span, sentenceOf(an.Sentences, c.Start))
		demonym[len(doc.Mentions)-1] = c.demonym
	}
	if len(doc.Mentions) == 0 {
		return nil
	}
	var out []Place
	resolved := a.gaz.Resolve(doc)
	for k, p := range resolved {
		if !p.Resolved && !p.Focus || p.Resolved && notThisPlace(s, p, people) {
			continue
		}
		if tentative[k] && !supported(resolved, tentative, k) {
			continue
		}
		w := where[k]
		out = append(out, Place{Span: w.span, Sentence: w.sentence, Name: p.Name, GeonamesID: p.GeonameID,
			Lat: p.Lat, Lon: p.Lon, Country: p.Country, Feature: p.FeatureCode, Class: p.Class, Actor: actorOf(s, p),
			Population: p.Population, Focus: p.Focus, Demonym: demonym[k], Confidence: p.Confidence})
	}
	return out
}

// placeIn finds a place that a name the recogniser did not type LOC still
// shows: the whole name after a locative preposition ("police in
// Mansfield", typed ORG), or the place an organisation is named after
// ("Shreveport Police Department", "Minnesota Department of Health").
// Only names the gazetteer knows as a settlement or an administrative area
// count, and never a demonym.
func (a *Annotator) placeIn(s string, m Mention) (Span, bool) {
	if m.Demonym {
		return Span{}, false
	}
	name := s[m.Start:m.End]
	if locativeBefore(s[:m.Start]) && a.knownPlace(name) {
		return m.Span, true
	}
	// "a London-based group", "Pennsylvania-based": the place before -based
	if i := strings.Index(name, "-based"); i > 0 && !strings.ContainsAny(name[:i], " ") && a.knownPlace(name[:i]) {
		return Span{m.Start, m.Start + i}, true
	}
	if m.Type != "ORG" {
		return Span{}, false
	}
	var wb [8]string
	words := appendFields(wb[:0], name)
	for k := 1; k <= min(3, len(words)-1); k++ {
		if !orgHeads[strings.ToLower(strings.Trim(words[k], ".,"))] {
			continue
		}
		// the prefix as written (single spaces between its words)
		if prefix, ok := joinedPrefix(name, words[:k]); ok && a.knownPlace(prefix) {
			return Span{m.Start, m.Start + len(prefix)}, true
		}
	}
	return Span{}, false
}

// placeParts finds the places inside a hyphenated LOC name the gazetteer
// does not know as a whole: "Fargo-Moorhead", and "D-Charleston" (a party
// and a home town). Nil when the whole name is known or no part is a place.
// (Taking the place a facility is named after — "Santa Ana Zoo" — was
// tried and cost more precision than it found on the dev halves.)
func (a *Annotator) placeParts(s string, sp Span) []Span {
	name := s[sp.Start:sp.End]
	if !strings.Contains(name, "-") || len(a.lookup(name)) > 0 {
		return nil
	}
	var out []Span
	off := sp.Start
	for _, part := range strings.Split(name, "-") {
		t := strings.TrimSpace(part)
		if len([]rune(t)) > 2 && a.knownPlace(t) {
			at := off + strings.Index(part, t)
			out = append(out, Span{at, at + len(t)})
		}
		off += len(part) + 1
	}
	return out
}

// knownPlace reports whether the gazetteer's likeliest sense of name is a
// settlement of at least placeMinPop people or an administrative area.
func (a *Annotator) knownPlace(name string) bool {
	cs := a.lookup(name)
	if len(cs) == 0 || !nameLike(name, cs[0].Name) && !countryName(name, cs[0]) {
		return false // an unrelated alternate name ("Google" for Topeka) is too weak
	}
	c := cs[0]
	switch {
	case strings.HasPrefix(c.FeatureCode, "PPL"):
		return c.Population >= placeMinPop
	case strings.HasPrefix(c.FeatureCode, "ADM"), strings.HasPrefix(c.FeatureCode, "PCL"):
		return true
	}
	return false
}

// countryName reports whether name is one of the names of c, a country or
// admin-1 region, other than a demonym: a country's or state's alternate
// names are short forms and abbreviations ("U.S.", "DPRK", "NSW"), not a
// namesake's.
func countryName(name string, c geo.Candidate) bool {
	return (strings.HasPrefix(c.FeatureCode, "PCL") || c.FeatureCode == "ADM1") && !geo.IsDemonym(name)
}

// nameLike reports whether a name and a place's main name share a word of
// four letters or more ("St. Paul" and "Saint Paul" do; "Google" and
// "Topeka" do not).
func nameLike(name, main string) bool {
	var bm, bn [64]byte // the two keys, on the stack when short
	km, kn := keyIn(bm[:0], main), keyIn(bn[:0], name)
	for w := range strings.FieldsSeq(kn) {
		if len(w) >= 4 && hasWord(km, w) {
			return true
		}
	}
	return kn == km
}

// appendFields appends the strings.Fields of s to dst.
func appendFields(dst []string, s string) []string {
	for w := range strings.FieldsSeq(s) {
		dst = append(dst, w)
	}
	return dst
}

// joinedPrefix is strings.Join(words, " ") when name starts with it (the
// words as written, single spaces between them), without joining them.
func joinedPrefix(name string, words []string) (string, bool) {
	n := 0
	for i, w := range words {
		if i > 0 {
			if n >= len(name) || name[n] != ' ' {
				return "", false
			}
			n++
		}
		if !strings.HasPrefix(name[n:], w) {
			return "", false
		}
		n += len(w)
	}
	return name[:n], true
}

// keyIn is geo.Key(s) built in buf: a string valid while buf is neither
// written nor freed, for a key only compared.
func keyIn(buf []byte, s string) string {
	b := geo.AppendKey(buf, s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// hasWord reports whether w is one of the space-separated words of s.
func hasWord(s, w string) bool {
	for v := range strings.FieldsSeq(s) {
		if v == w {
			return true
		}
	}
	return false
}

// placeMinPop: smaller settlements share their names with too many people
// and firms to be taken for places on the recogniser's word alone.
const placeMinPop = 5000

// locativeBefore reports whether the text ends with a locative preposition
// ("... police in "). It reads only the last word, backwards from the end:
// it runs once per mention, so splitting the whole text made analysis
// quadratic in its length.
func locativeBefore(before string) bool {
	end := len(before)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 && end-start <= maxLocative {
		r, n := utf8.DecodeLastRuneInString(before[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= n
	}
	if start == end || end-start > maxLocative {
		return false
	}
	switch strings.ToLower(before[start:end]) {
	case "in", "at", "near", "outside", "across", "throughout", "around", "from":
		return true
	}
	return false
}

// maxLocative is the byte length of the longest locative preposition:
// a longer last word is none of them.
const maxLocative = len("throughout")

// orgHeads are the words that, right after a place name, make the name an
// organisation of that place.
var orgHeads = map[string]bool{
	"police": true, "department": true, "county": true, "city": true, "council": true, "sheriff": true, "sheriff's": true,
	"fire": true, "university": true, "college": true, "hospital": true, "school": true, "schools": true, "public": true,
	"board": true, "state": true, "regional": true, "municipal": true, "district": true, "court": true, "airport": true,
	"chamber": true, "community": true, "township": true, "parish": true, "government": true, "ministry": true,
}

// vesselNouns are the head nouns that make the name before them a ship's.
var vesselNouns = []string{"aircraft carrier", "carrier", "warship", "frigate", "destroyer", "cruiser",
	"battleship", "corvette", "submarine", "assault ship", "hospital ship", "aircraft-carrier"}

// namesVessel reports whether the text right after a name (after) starts
// with a vessel noun as a whole word: the name is then a ship's.
func namesVessel(after string) bool {
	after = strings.TrimLeft(after, " ")
	for _, n := range vesselNouns {
		if len(after) >= len(n) && strings.EqualFold(after[:len(n)], n) {
			rest := after[len(n):]
			if rest == "" || !isWordByte(rest[0]) {
				return true
			}
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '-' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// sentenceOf returns the index of the sentence holding byte offset off.
func sentenceOf(sents []Span, off int) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	if i == len(sents) {
		return len(sents) - 1
	}
	return i
}

// Snippet returns the text of sentence i, trimmed; "" if out of range.
func (an *Annotation) Snippet(s string, i int) string {
	if i < 0 || i >= len(an.Sentences) {
		return ""
	}
	sp := an.Sentences[i]
	return strings.TrimSpace(s[sp.Start:sp.End])
}

// dayPrecise reports whether any of the expressions names a calendar day.
// ownYear reports whether a time expression found without an anchor is
// placed by its own words: a date or time whose value starts with a year
// (not one lent by the finder's context), or a duration or set, which
// need no anchor.
func ownYear(x timex.Expr) bool {
	switch x.Type {
	case "DURATION", "SET":
		return true
	}
	v := x.Value
	if x.Anchored || len(v) < 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return v[:4] != "0000" && v[:4] != "0001"
}

func dayPrecise(ev []timex.Expr) bool {
	for _, x := range ev {
		if len(x.Value) >= len("2006-01-02") {
			return true
		}
	}
	return false
}

// ApplyDating records an estimated publication date on an article that has
// no stated one. A stated date is never replaced, nor an earlier estimate
// (clean's) by the same date without evidence of its own.
func ApplyDating(a *clean.Article, d Dating) {
	if !d.Estimated || d.Anchor.IsZero() || (!a.Published.IsZero() && !a.PublishedEstimated) {
		return
	}
	if len(d.Evidence) == 0 && a.PublishedEstimated && a.Published.Equal(d.Anchor) {
		return
	}
	a.Published = d.Anchor
	a.PublishedEstimated = true
	a.PublishedSource = "estimated"
	// the same form as clean's estimate: the range first, then the
	// expressions it rests on
	rng := "on or after " + d.Anchor.Format("2006-01-02")
	if !d.Latest.IsZero() {
		rng = "between " + d.Anchor.Format("2006-01-02") + " and " + d.Latest.Format("2006-01-02")
	}
	a.PublishedEvidence = fmt.Sprintf("%s, from %s (confidence %.2f)", rng, strings.Join(d.Evidence, "; "), d.Confidence)
}
