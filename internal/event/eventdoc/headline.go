package eventdoc

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/event"
)

// Headline returns the coder's input for an article's title: a sentence of
// the title itself (Index event.HeadlineIndex, Headline set), its spans in
// the title. The analysis reads only the text, so the title's actors and
// places are the article's, found in the title by the words the text
// names them with (or their canonical names), whole words, ignoring case,
// the title's match opening with a capital. The title states no date: its
// events take the article's, estimated. ok is false for an empty title,
// one all in capitals, and one the text opens with (its first sentence is
// coded already).
func Headline(title, text string, an *analyse.Annotation, actors []event.ActorMention, published time.Time, estimated bool) (s event.Sentence, ok bool) {
	title = strings.TrimSpace(title)
	if title == "" || an == nil || opensWith(text, title) {
		return s, false
	}
	if !an.Dating.Anchor.IsZero() {
		published = an.Dating.Anchor
	}
	s = event.Sentence{Text: title, Span: event.Span{Start: 0, End: len(title)}, Index: event.HeadlineIndex, Headline: true,
		Published: published, Estimated: true, Focus: Focus(an)}
	// the article's actors by the words naming them, longest first so
	// that "Iraqi Kurdish forces" wins over "Iraqi"
	type form struct {
		words string
		a     event.ActorMention
	}
	var forms []form
	seen := map[string]bool{}
	add := func(w string, a event.ActorMention) {
		// "the Pentagon chief" is named "Pentagon chief" in a headline
		w = strings.TrimSpace(w)
		for _, det := range []string{"The ", "the "} {
			w = strings.TrimPrefix(w, det)
		}
		// a name or a description with one ("Pentagon chief"), not a
		// pronoun ("He", "his") or a common noun ("the minister")
		if r, _ := utf8.DecodeRuneInString(w); len(w) < 2 || !unicode.IsUpper(r) && !unicode.IsDigit(r) || pronouns[strings.ToLower(w)] || seen[strings.ToLower(w)] {
			return
		}
		seen[strings.ToLower(w)] = true
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
	var taken []event.Span
	for _, f := range forms {
		for _, sp := range occurrences(title, f.words) {
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
	seenP := map[string]bool{}
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
			if len(w) < 2 || seenP[strings.ToLower(w)] {
				continue
			}
			seenP[strings.ToLower(w)] = true
			pforms = append(pforms, pform{w, p})
		}
	}
	sort.SliceStable(pforms, func(i, j int) bool { return len(pforms[i].words) > len(pforms[j].words) })
	var placed []event.Span
	for _, f := range pforms {
		for _, sp := range occurrences(title, f.words) {
			if overlaps(placed, sp) {
				continue
			}
			placed = append(placed, sp)
			s.Places = append(s.Places, event.PlaceMention{Span: sp, Name: title[sp.Start:sp.End], GeonamesID: f.p.GeonamesID,
				Lat: f.p.Lat, Lon: f.p.Lon, Country: f.p.Country})
		}
	}
	sort.Slice(s.Places, func(i, j int) bool { return s.Places[i].Start < s.Places[j].Start })
	return s, true
}

// occurrences returns the spans of title where words stands as whole
// words, ignoring case, opening with a capital letter or a digit.
func occurrences(title, words string) []event.Span {
	var out []event.Span
	for from := 0; from+len(words) <= len(title); {
		i := indexFold(title[from:], words)
		if i < 0 {
			break
		}
		start, end := from+i, from+i+len(words)
		first, _ := utf8.DecodeRuneInString(title[start:])
		if (unicode.IsUpper(first) || unicode.IsDigit(first)) && boundary(title, start, end) {
			out = append(out, event.Span{Start: start, End: end})
			from = end
			continue
		}
		_, w := utf8.DecodeRuneInString(title[start:])
		from = start + w
	}
	return out
}

// indexFold is strings.Index ignoring case (byte lengths kept: it compares
// windows of the same length).
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
