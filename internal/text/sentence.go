package text

import "unicode/utf8"

// Sentence covers tokens [TokStart, TokEnd) and bytes [Start, End).
type Sentence struct {
	Start, End       int32
	TokStart, TokEnd int32
}

// Split tokenizes s and splits it into sentences, reusing the storage of
// toks and sents.
func Split(s string, toks []Token, sents []Sentence) ([]Token, []Sentence) {
	toks = Tokenize(toks[:0], s)
	return toks, Sentences(sents[:0], s, toks)
}

// sentenceStarters are capitalised words that, after an abbreviation such as
// "U.S." or "Inc.", signal that a new sentence begins.
var sentenceStarters = map[string]bool{}

func init() {
	for _, w := range []string{"The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "A", "An",
		"This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "On", "At", "As",
		"After", "Before", "When", "While", "If", "So", "Yet", "Some", "Many", "Most", "No", "Not", "One",
		"Officials", "However", "Meanwhile", "Earlier", "Later", "Last", "Next", "Still", "Also", "Under"} {
		sentenceStarters[w] = true
	}
}

// Sentences appends the sentences of s, given its tokens, to dst.
func Sentences(dst []Sentence, s string, toks []Token) []Sentence {
	start := 0
	for i := 0; i < len(toks); i++ {
		end := -1 // index one past the last token of a sentence ending here
		t := toks[i]
		w := s[t.Start:t.End]
		if t.Kind == Punct && isTerminal(w) {
			j := i + 1
			for j < len(toks) && isClosing(s, toks[j]) && toks[j].Start == toks[j-1].End {
				j++
			}
			if j == len(toks) || startsSentence(s, toks[j]) || newlineBetween(s, toks[j-1], toks[j]) > 0 {
				end = j
			}
		} else if t.Kind == Word && len(w) > 1 && w[len(w)-1] == '.' && i+1 < len(toks) && !IsTitle(w) && !isInitial(w) {
			nx := s[toks[i+1].Start:toks[i+1].End]
			if sentenceStarters[nx] {
				end = i + 1
			}
		}
		if end < 0 && i+1 < len(toks) {
			if nl := newlineBetween(s, toks[i], toks[i+1]); nl >= 2 || nl == 1 && !wrapped(s, toks[i], toks[i+1]) {
				end = i + 1
			}
		}
		if end > 0 {
			dst = append(dst, Sentence{toks[start].Start, toks[end-1].End, int32(start), int32(end)})
			start = end
			i = end - 1
		}
	}
	if start < len(toks) {
		dst = append(dst, Sentence{toks[start].Start, toks[len(toks)-1].End, int32(start), int32(len(toks))})
	}
	return dst
}

func isTerminal(w string) bool {
	switch w {
	case ".", "!", "?", "…", "?!", "!?":
		return true
	}
	return len(w) > 1 && w[0] == '.'
}

func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w)-1 && isLetter(r)
}

// isClosing reports whether token t is a closing quote or bracket.
func isClosing(s string, t Token) bool {
	switch s[t.Start:t.End] {
	case "”", "’", ")", "]", "»":
		return true
	case "\"", "'":
		// a straight quote closes when it is not glued to a following token
		if int(t.End) >= len(s) {
			return true
		}
		r, _ := runeAt(s, int(t.End))
		return !isAlnum(r)
	}
	return false
}

// startsSentence reports whether token t can open a sentence: an
// upper-case letter, a digit, an opening quote or bracket, a dash or bullet.
func startsSentence(s string, t Token) bool {
	r, _ := runeAt(s, int(t.Start))
	if isLetter(r) {
		return r < utf8.RuneSelf && ascii[r] == cUpper || r >= utf8.RuneSelf && !isLowerRune(r)
	}
	return true
}

// newlineBetween counts the newlines between two tokens (0, 1 or 2 for "2+").
func newlineBetween(s string, a, b Token) int {
	n := 0
	for k := a.End; k < b.Start; k++ {
		if s[k] == '\n' {
			n++
			if n == 2 {
				return 2
			}
		}
	}
	return n
}

// wrapped reports whether a single newline between a and b looks like a hard
// line wrap inside a paragraph: a long previous line that does not end a
// sentence, followed by a line that does not start with a bullet.
func wrapped(s string, a, b Token) bool {
	ls := int(a.End)
	for ls > 0 && s[ls-1] != '\n' {
		ls--
	}
	if int(a.End)-ls < 40 {
		return false
	}
	r, _ := runeAt(s, int(b.Start))
	switch r {
	case '•', '*', '-', '–', '—', '·', '▪':
		return false
	}
	return true
}
