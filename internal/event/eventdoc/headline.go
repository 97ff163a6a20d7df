package eventdoc

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/timex"
)

// Headline returns the coder's input for an article's title: a sentence of
// the title itself (Index event.HeadlineIndex, Headline set), its spans in
// the title. body is the text's sentences (Sentences): the headline takes
// their date and focus place. The analysis reads only the text, so the
// title's actors and places are the article's, found in the title by the
// words the text names them with (or their canonical names), whole
// words, ignoring case, the title's match opening with a capital. The
// title's own dates are read (timex, against the article's date); with
// none, its events take the article's date, estimated. ok is
// false for an empty title, a text with no sentences, and a title the
// text opens with (its first sentence is coded already).
func Headline(title, text string, an *analyse.Annotation, actors []event.ActorMention, body []event.Sentence) (s event.Sentence, ok bool) {
	title = strings.TrimSpace(title)
	if title == "" || an == nil || len(body) == 0 || opensWith(text, title) {
		return s, false
	}
	s = event.Sentence{Text: title, Span: event.Span{Start: 0, End: len(title)}, Index: event.HeadlineIndex, Headline: true,
		Published: body[0].Published, Estimated: true, Focus: body[0].Focus}
	tw := titleWords(title)
	// the article's actors by the words naming them, longest first so
	// that "Iraqi Kurdish forces" wins over "Iraqi"
	type form struct {
		words string
		a     event.ActorMention
	}
	var forms []form
	var seen map[string]bool
	add := func(w string, a event.ActorMention) {
		// "the Pentagon chief" is named "Pentagon chief" in a headline
		w = strings.TrimSpace(w)
		for _, det := range []string{"The ", "the "} {
			w = strings.TrimPrefix(w, det)
		}
		// a name or a description with one ("Pentagon chief"), not a
		// pronoun ("He", "his") or a common noun ("the minister")
		if r, _ := utf8.DecodeRuneInString(w); len(w) < 2 || !unicode.IsUpper(r) && !unicode.IsDigit(r) || !tw.has(w) {
			return
		}
		lw := strings.ToLower(w)
		if pronouns[lw] || seen[lw] {
			return
		}
		if seen == nil {
			seen = map[string]bool{}
		}
		seen[lw] = true
		forms = append(forms, form{w, a})
	}
	for _, a := range actors {
		if a.Start >= 0 && a.Start < a.End && a.End <= len(text) {
			add(text[a.Start:a.End], a)
		}
	}
	for _, a := range actors {
		if a.Name != "" {
			add(a.Name, a)
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].words) > len(forms[j].words) })
	lt := newFolded(title)
	var taken []event.Span
	for _, f := range forms {
		for _, sp := range lt.occurrences(f.words) {
			if overlaps(taken, sp) {
				continue
			}
			taken = append(taken, sp)
			a := f.a
			a.Span = sp
			s.Actors = append(s.Actors, a)
		}
	}
	sort.Slice(s.Actors, func(i, j int) bool { return s.Actors[i].Start < s.Actors[j].Start })
	// the article's places by their written names, then the gazetteer's
	type pform struct {
		words string
		p     *analyse.Place
	}
	var pforms []pform
	var seenP map[string]bool
	for _, byName := range []bool{false, true} {
		for i := range an.Places {
			p := &an.Places[i]
			if p.Focus || p.GeonamesID == 0 {
				continue
			}
			w := p.Name
			if !byName {
				w = writtenName(text, *p)
			}
			if len(w) < 2 || !tw.has(w) || seenP[strings.ToLower(w)] {
				continue
			}
			if seenP == nil {
				seenP = map[string]bool{}
			}
			seenP[strings.ToLower(w)] = true
			pforms = append(pforms, pform{w, p})
		}
	}
	sort.SliceStable(pforms, func(i, j int) bool { return len(pforms[i].words) > len(pforms[j].words) })
	var placed []event.Span
	for _, f := range pforms {
		for _, sp := range lt.occurrences(f.words) {
			if overlaps(placed, sp) {
				continue
			}
			placed = append(placed, sp)
			s.Places = append(s.Places, event.PlaceMention{Span: sp, Name: title[sp.Start:sp.End], GeonamesID: f.p.GeonamesID,
				Lat: f.p.Lat, Lon: f.p.Lon, Country: f.p.Country, Site: site(text, *f.p)})
		}
	}
	sort.Slice(s.Places, func(i, j int) bool { return s.Places[i].Start < s.Places[j].Start })
	// "Army to attack on Friday": the title's own dates, read against the
	// article's date; its events then take them, estimated only if that
	// date is
	if !s.Published.IsZero() {
		for _, x := range timex.Find(title, s.Published) {
			if x.Type == "DATE" && event.Precision(x.Value) != "" {
				s.Times = append(s.Times, event.TimeMention{Span: event.Span{Start: x.Start, End: x.End}, Value: x.Value})
			}
		}
		if len(s.Times) > 0 {
			s.Estimated = body[0].Estimated
		}
	}
	return s, true
}

// words are a title's words: a name is looked for in the title only
// when its first word is among them (most of an article's names are not).
type words []string

func titleWords(title string) words {
	var ws words
	for i := 0; i < len(title); {
		j := wordEnd(title, i)
		if j > i {
			ws = append(ws, title[i:j])
			i = j
			continue
		}
		_, w := utf8.DecodeRuneInString(title[i:])
		i += w
	}
	return ws
}

// has reports whether name's first word is a word of the title, ignoring
// case.
func (ws words) has(name string) bool {
	first := name[:wordEnd(name, 0)]
	if first == "" {
		return true // opens with punctuation: let the full search decide
	}
	for _, w := range ws {
		if strings.EqualFold(w, first) {
			return true
		}
	}
	return false
}

// wordEnd returns the end of the run of letters and digits at s[i:].
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i += w
	}
	return i
}

// folded is a title with its lower-cased form, searched for names.
type folded struct {
	title, low string
	same       bool // low's bytes line up with title's
}

func newFolded(title string) folded {
	low := strings.ToLower(title)
	return folded{title: title, low: low, same: len(low) == len(title)}
}

// occurrences returns the spans of the title where words stands as whole
// words, ignoring case, opening with a capital letter or a digit.
func (f folded) occurrences(words string) []event.Span {
	var out []event.Span
	lw := strings.ToLower(words)
	for from := 0; from+len(words) <= len(f.title); {
		var i int
		if f.same && len(lw) == len(words) {
			i = strings.Index(f.low[from:], lw)
		} else {
			i = indexFold(f.title[from:], words)
		}
		if i < 0 {
			break
		}
		start, end := from+i, from+i+len(words)
		first, w := utf8.DecodeRuneInString(f.title[start:])
		if (unicode.IsUpper(first) || unicode.IsDigit(first)) && boundary(f.title, start, end) {
			out = append(out, event.Span{Start: start, End: end})
			from = end
			continue
		}
		from = start + w
	}
	return out
}

// indexFold is strings.Index ignoring case, for the rare text whose
// lower-cased form changes its length (it compares windows of sub's
// length).
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// boundary reports whether [start, end) of s is bounded by non-word
// characters.
func boundary(s string, start, end int) bool {
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func overlaps(spans []event.Span, sp event.Span) bool {
	for _, t := range spans {
		if sp.Start < t.End && t.Start < sp.End {
			return true
		}
	}
	return false
}

// opensWith reports whether text opens with title (ignoring case, spaces
// and the punctuation ending a headline): a cleaner that kept the title
// as the text's first line.
func opensWith(text, title string) bool {
	text = strings.TrimSpace(text)
	t := strings.TrimRight(title, " .!?:;")
	return len(text) >= len(t) && strings.EqualFold(text[:len(t)], t)
}

// pronouns refer to an actor in the text, never by name in a title (not
// "us": "US" is a name).
var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"him": true, "her": true, "them": true, "his": true, "its": true, "their": true, "our": true}
