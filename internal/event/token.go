package event

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	start, end int    // byte span in the text
	low        string // lower-cased form
	punct      bool
	upper      bool // starts with an upper-case letter
	actor      int  // index into the sentence's actors, -1 if none
	place      int  // index into the sentence's places, -1 if none
	// located is true for an actor's token that a place mention covers
	// too: a country or city named as an actor ("Iraq", "Nice")
	located bool
	// stop is true for a clause boundary or a full stop, where a
	// pattern's words after the verb end: matchAfter asks at every token
	// for every pattern tried (markWords)
	stop bool
	// cls are the word's classes (words.go, markWords)
	cls uint32
	// forms are the Dictionary's verb forms starting with the word
	// (Dictionary.forms; markWords): a dozen rules ask
	forms []*verbForm
}

// tokenize splits text[start:end] into words and punctuation. Words keep
// inner apostrophes, hyphens, dots and digit commas ("1,200", "U.S.");
// "n't" and "'s" split off.
func tokenize(text string, start, end int, dst []token) []token {
	i := start
	for i < end {
		r, w := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) || r == utf8.RuneError && w <= 1 {
			i += max(w, 1)
			continue
		}
		if !isWordRune(r) {
			dst = append(dst, token{start: i, end: i + w, low: text[i : i+w], punct: true, actor: -1, place: -1})
			i += w
			continue
		}
		j := i + w
		for j < end {
			r2, w2 := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r2) {
				j += w2
				continue
			}
			// inner joiners: a letter or digit must follow
			if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == ',') && j+w2 < end {
				r3, _ := utf8.DecodeRuneInString(text[j+w2 : end])
				if isWordRune(r3) && (r2 != ',' || unicode.IsDigit(r3) && unicode.IsDigit(lastRune(text[i:j]))) {
					j += w2
					continue
				}
			}
			break
		}
		word := text[i:j]
		low := lower(word)
		// split clitics
		if k := clitic(low); k > 0 {
			dst = append(dst, token{start: i, end: j - k, low: low[:len(low)-k], upper: isUpper(word), actor: -1, place: -1})
			dst = append(dst, token{start: j - k, end: j, low: low[len(low)-k:], actor: -1, place: -1})
		} else {
			dst = append(dst, token{start: i, end: j, low: low, upper: isUpper(word), actor: -1, place: -1})
		}
		i = j
	}
	return dst
}

func clitic(low string) int {
	for _, c := range []string{"n't", "n’t", "'s", "’s", "'ll", "’ll"} {
		if len(low) > len(c) && strings.HasSuffix(low, c) {
			if c[0] == 'n' && low == "can't" {
				return 3
			}
			return len(c)
		}
	}
	return 0
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// lower lower-cases s, without allocating when it has no upper case and
// normalising curly apostrophes.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ReplaceAll(strings.ToLower(s), "’", "'")
		}
	}
	return s
}

// splitNameCompounds splits a word that an actor mention ends inside at a
// hyphen ("US-led", "Iran-backed": the mention is "US", "Iran") into the
// name, the hyphen and the rest, so that the name's token is the actor's.
func splitNameCompounds(s Sentence, toks []token) []token {
	for _, a := range s.Actors {
		if a.End <= 0 || a.End >= len(s.Text) || s.Text[a.End] != '-' {
			continue
		}
		for i := range toks {
			t := toks[i]
			if t.start < a.Start || t.start >= a.End || t.end <= a.End+1 {
				continue
			}
			name := token{start: t.start, end: a.End, low: lower(s.Text[t.start:a.End]), upper: t.upper, actor: -1, place: -1}
			hy := token{start: a.End, end: a.End + 1, low: "-", punct: true, actor: -1, place: -1}
			rest := token{start: a.End + 1, end: t.end, low: lower(s.Text[a.End+1 : t.end]), upper: isUpper(s.Text[a.End+1 : t.end]), actor: -1, place: -1}
			toks = append(toks[:i], append([]token{name, hy, rest}, toks[i+1:]...)...)
			break
		}
	}
	return toks
}
