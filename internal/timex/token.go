package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Token is one token of the input with its byte offsets.
type Token struct {
	Text  string // as in the input
	Lower string // lower-cased Text
	Start int    // byte offset of the first byte
	End   int    // byte offset after the last byte
	lex   uint64 // the word tables Lower is in and its literal word number (lexOf), lexKnown when filled
}

// The word tables a token's lower-case word is in: the token classes test
// these bits, one lookup per token when it is made, where each class
// looked its table up at every token the grammar tried.
const (
	lexWeekday uint32 = 1 << iota
	lexMonth
	lexNumber            // numberWords
	lexVague             // vagueNumbers (true)
	lexOrdinal           // ordinals
	lexUnit              // units
	lexPart              // partsOfDay
	lexSeason            // seasons
	lexHoliday           // holidays
	lexTZ                // tzWords
	lexKnown   = 1 << 31 // the bits are filled
)

// lexTable holds, for every word of the tables and every literal word of
// the grammar, its table bits (low 32 bits) and its literal word number
// (litIDs, bits 32-47). Built once the grammar is compiled (buildLexTable).
var lexTable map[string]uint64

// litIDs numbers the literal words of the grammar's rules from 1 (0: not a
// literal word), for the word sets of literal elements (wordSet).
var litIDs = map[string]uint16{}

// buildLexTable fills lexTable; the grammar's rules are compiled before
// (compileRule numbers their literal words).
func buildLexTable() {
	lexTable = map[string]uint64{}
	add := func(bit uint32, words []string) {
		for _, w := range words {
			lexTable[w] |= uint64(bit)
		}
	}
	add(lexWeekday, keysOf(weekdays))
	add(lexMonth, keysOf(months))
	add(lexNumber, keysOf(numberWords))
	for w, v := range vagueNumbers {
		if v {
			add(lexVague, []string{w})
		}
	}
	add(lexOrdinal, keysOf(ordinals))
	add(lexUnit, keysOf(units))
	add(lexPart, keysOf(partsOfDay))
	add(lexSeason, keysOf(seasons))
	add(lexHoliday, keysOf(holidays))
	for w, v := range tzWords {
		if v {
			add(lexTZ, []string{w})
		}
	}
	for w, id := range litIDs {
		lexTable[w] |= uint64(id) << 32
	}
}

// wordSet is a set of literal words by number (litIDs).
type wordSet []uint64

// wordSetOf numbers the words (litIDs) and returns their set.
func wordSetOf(words map[string]bool) wordSet {
	if lexTable != nil {
		panic("timex: rules are compiled before the word table is built (init)")
	}
	var s wordSet
	for w := range words {
		id, ok := litIDs[w]
		if !ok {
			id = uint16(len(litIDs) + 1)
			litIDs[w] = id
		}
		s = s.with(id)
	}
	return s
}

// with adds the word numbered id to s.
func (s wordSet) with(id uint16) wordSet {
	for int(id/64) >= len(s) {
		s = append(s, 0)
	}
	s[id/64] |= 1 << (id % 64)
	return s
}

// has reports whether the word numbered id is in s (never id 0).
func (s wordSet) has(id uint16) bool {
	return int(id/64) < len(s) && s[id/64]&(1<<(id%64)) != 0
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// lexOf is the table bits and literal number of a lower-case word,
// lexKnown set.
func lexOf(lower string) uint64 { return lexTable[lower] | lexKnown }

// lexInfo is t's lexOf: filled by this package's tokenizer, looked up for
// a token made elsewhere (FindTokens' callers).
func (t *Token) lexInfo() uint64 {
	if t.lex&lexKnown != 0 {
		return t.lex
	}
	return lexOf(t.Lower)
}

// bits is the word tables t's word is in.
func (t *Token) bits() uint32 { return uint32(t.lexInfo()) }

// litID is the number of t's word among the grammar's literal words, 0
// when it is none.
func (t *Token) litID() uint16 { return uint16(t.lexInfo() >> 32) }

// Tokenizer splits text into tokens and sentences. Sentences are returned as
// half-open token index ranges [s[0], s[1]).
type Tokenizer interface {
	Tokenize(text string) (toks []Token, sentences [][2]int)
}

// DefaultTokenizer is the package's minimal tokenizer: runs of letters and
// digits form tokens (a run may mix them, "1990s", "23rd"); every other
// non-space rune is a token of its own. Sentences end at '.', '!' or '?'
// followed by space and an upper-case letter or a quote, and at blank lines,
// except after common abbreviations ("Oct.", "Mr.", "a.m.").
type DefaultTokenizer struct{}

// Tokenize implements Tokenizer.
func (DefaultTokenizer) Tokenize(text string) ([]Token, [][2]int) {
	return tokenizeInto(make([]Token, 0, len(text)/5+1), text)
}

// tokenizeInto is Tokenize appending the tokens to toks[:0]. The lower-case
// forms of capitalised ASCII words are written into shared chunks instead
// of a string each.
func tokenizeInto(toks []Token, text string) ([]Token, [][2]int) {
	toks = toks[:0]
	var sents [][2]int
	var low []byte // the chunk lower-case words are written to
	sentStart := 0
	i := 0
	blank := false
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' {
				// a blank line ends the sentence
				j := i + w
				for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
					j++
				}
				if j < len(text) && text[j] == '\n' {
					blank = true
				}
			}
			i += w
			continue
		}
		if blank {
			blank = false
			if len(toks) > sentStart {
				sents = append(sents, [2]int{sentStart, len(toks)})
				sentStart = len(toks)
			}
		}
		start := i
		if isWordRune(r) {
			for i < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r2) {
					break
				}
				i += w2
			}
		} else {
			i += w
		}
		t := text[start:i]
		lw := lowerIn(&low, t)
		toks = append(toks, Token{Text: t, Lower: lw, Start: start, End: i, lex: lexOf(lw)})
		if (t == "." || t == "!" || t == "?") && endsSentence(text, toks, i) {
			sents = append(sents, [2]int{sentStart, len(toks)})
			sentStart = len(toks)
		}
	}
	if len(toks) > sentStart {
		sents = append(sents, [2]int{sentStart, len(toks)})
	}
	return toks, sents
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lowerIn is lower(s), an ASCII word with capitals written into *chunk
// (a new chunk when it is full; the strings made from a chunk are never
// written over, as only its unused tail is appended to).
func lowerIn(chunk *[]byte, s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToLower(s)
		}
		upper = upper || c >= 'A' && c <= 'Z'
	}
	if !upper {
		return s
	}
	b := *chunk
	if cap(b)-len(b) < len(s) {
		b = make([]byte, 0, max(1024, len(s)))
	}
	n := len(b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	*chunk = b
	return unsafe.String(&b[n], len(s))
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// noBreakAbbrev lists lower-cased words after which a period does not end
// a sentence.
var noBreakAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "prof": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true,
	"co": true, "vs": true, "jr": true, "sr": true, "no": true, "u": true, "a": true, "m": true, "p": true,
}

// endsSentence decides whether the punctuation token just appended (ending
// at byte i) closes a sentence.
func endsSentence(text string, toks []Token, i int) bool {
	n := len(toks)
	if toks[n-1].Text == "." && n >= 2 && toks[n-2].End == toks[n-1].Start {
		if noBreakAbbrev[toks[n-2].Lower] || len(toks[n-2].Text) == 1 {
			return false
		}
	}
	// next non-space rune must start a new sentence
	j := i
	sawSpace := false
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) {
			sawSpace = true
			j += w
			continue
		}
		if !sawSpace {
			return r == '"' || r == '\'' || r == '”' || r == '’'
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '\'' || r == '(' || r == '-'
	}
	return true
}
