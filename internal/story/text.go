package story

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: its lower-cased, lightly stemmed form, its
// surface byte span, and whether it was capitalised inside a sentence (a
// cheap proper-name signal when no entities are supplied).
type token struct {
	norm    string // lower-case, stemmed
	lower   string // lower-case surface
	start   int
	end     int
	capital bool // capitalised and not the first word of its sentence
	number  bool // starts with a digit
}

// tokenize splits s into word tokens. Words are maximal runs of letters and
// digits, joined across inner apostrophes, hyphens, periods and commas
// between digits ("1,500", "3.5").
func tokenize(s string) []token {
	var out []token
	first := true
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' {
				first = true
			}
			i += w
			continue
		}
		start := i
		for i < len(s) {
			r, w = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += w
				continue
			}
			if (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') && i+w < len(s) {
				n, _ := utf8.DecodeRuneInString(s[i+w:])
				p, _ := utf8.DecodeLastRuneInString(s[start:i])
				digits := unicode.IsDigit(p) && unicode.IsDigit(n)
				initials := r == '.' && unicode.IsUpper(p) && unicode.IsUpper(n) // U.S., U.N.
				if (r == '.' || r == ',') && !digits && !initials {
					break
				}
				if isWordRune(n) {
					i += w
					continue
				}
			}
			break
		}
		surf := s[start:i]
		f, _ := utf8.DecodeRuneInString(surf)
		lower := strings.ToLower(surf)
		lower = strings.TrimSuffix(strings.TrimSuffix(lower, "'s"), "’s")
		out = append(out, token{
			norm:    stem(lower),
			lower:   lower,
			start:   start,
			end:     i,
			capital: unicode.IsUpper(f) && !first,
			number:  unicode.IsDigit(f),
		})
		first = false
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// stem strips common English inflections: enough to join "troops"/"troop",
// "fortified"/"fortifying" is left alone on purpose (light and predictable).
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// content reports whether a token carries topic: not a stop word, not a
// single character, not a bare number.
func (t token) content() bool {
	return len(t.norm) > 1 && !t.number && !stopwords[t.lower]
}

var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren't as at be
	because been before being below between both but by can could did didn't do does doesn't doing don't down during
	each few for from further had has hasn't have haven't having he her here hers herself him himself his how i if in
	into is isn't it its itself just let me more most mr mrs ms my myself no nor not now of off on once only or other
	our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
	these they this those through to too under until up very was wasn't we were weren't what when where which while
	who whom why will with won't would you your yours yourself yourselves said says say saying told according also
	would could may might must shall one two new year years yesterday today tomorrow monday tuesday wednesday
	thursday friday saturday sunday week last first since still even many much however though although via per
	like get got go going went make made take took including around time back well way told reported report
	reuters ap afp cnn news page click read more share image photo video caption advertisement copyright subscribe`) {
		stopwords[w] = true
	}
}

// splitSentences is the fallback splitter used when Doc.Sentences is empty:
// a sentence ends at a line break or at '.', '!' or '?' followed by space
// and an upper-case letter, a digit or a quote, unless the word before the
// period is a single capital or a common title.
func splitSentences(s string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b && isSpaceByte(s[a]) {
			a++
		}
		for b > a && isSpaceByte(s[b-1]) {
			b--
		}
		if b > a {
			out = append(out, Span{a, b})
		}
		start = end
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			emit(i + 1)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '"' || s[j] == '\'' || s[j] == ')') {
			j++
		}
		if j < len(s) && strings.HasPrefix(s[j:], "”") {
			j += len("”")
		}
		if j >= len(s) {
			continue
		}
		if s[j] != ' ' && s[j] != '\t' {
			continue
		}
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if k >= len(s) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[k:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '\'') {
			continue
		}
		if c == '.' {
			w := i
			for w > start && !isSpaceByte(s[w-1]) {
				w--
			}
			prev := s[w:i]
			if len(prev) == 1 || titleAbbrev[prev] {
				continue
			}
		}
		emit(j)
	}
	emit(len(s))
	return out
}

var titleAbbrev = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Gen": true, "Lt": true,
	"Col": true, "Capt": true, "Sgt": true, "Sen": true, "Rep": true, "Gov": true, "Prof": true, "St": true,
	"U.S": true, "U.N": true, "Jan": true, "Feb": true, "Aug": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"No": true, "Jr": true, "Inc": true, "Corp": true, "Adm": true, "Maj": true}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// sentencesOf returns d.Sentences, or splits the text when none are given.
func sentencesOf(d *Doc) []Span {
	if len(d.Sentences) > 0 {
		return d.Sentences
	}
	return splitSentences(d.Text)
}
