package quote

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// tok is a word or punctuation token.
type tok struct {
	s, e  int
	low   string // lower-cased text
	kind  uint8
	cap   bool // starts with an upper-case letter
	nlBef bool // a paragraph break (newline) precedes this token

	// From one lexicon lookup of low at tokenisation (lex.go).
	cue    uint8   // cue class (cueOf)
	gender byte    // pronoun gender (pronounGender), 0 if not a pronoun
	lex    lexBits // the word lists low belongs to
}

const (
	tWord uint8 = iota
	tPunct
	tQuote // a quotation mark (any style)
)

// abbreviations whose period does not end a sentence.
var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"prof": true, "rev": true, "jan": true, "feb": true, "aug": true, "sept": true,
	"sep": true, "oct": true, "nov": true, "dec": true, "vs": true, "etc": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "no": true, "u.s": true, "u.n": true, "d.c": true,
	"a.m": true, "p.m": true, "u.k": true, "e.g": true, "i.e": true, "calif": true, "fla": true,
	"tex": true, "mass": true, "ariz": true, "ky": true, "wis": true, "ohio": false, "pa": true,
	"va": true, "ga": true, "ill": true, "n.y": true, "n.j": true, "adm": true, "capt": true,
	"maj": true, "supt": true, "msgr": true, "ft": true, "mt": true, "rs": true, "pres": true,
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\u00a0' || unicode.IsSpace(r) && r != '\n'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‘', '’', '«', '»', '‹', '›', '‚':
		return true
	}
	return false
}

// tokenize splits text into tokens. Lower-cased forms that differ from the
// text are written into one buffer and become strings in one allocation at
// the end, rather than one allocation per capitalised word.
func tokenize(text string) []tok {
	return tokenizeInto(make([]tok, 0, len(text)/5), text)
}

// tokenizeInto is tokenize appending to dst[:0], for callers that reuse a
// slice (pooledToks).
func tokenizeInto(dst []tok, text string) []tok {
	toks := dst[:0]
	b := tokBufPool.Get().(*tokBufs)
	arena, scratch, fix := b.arena[:0], b.scratch[:0], b.fix[:0]
	defer func() {
		b.arena, b.scratch, b.fix = arena, scratch, fix
		tokBufPool.Put(b)
	}()
	nl := false
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			nl = true
			i += n
			continue
		case isSpaceRune(r):
			i += n
			continue
		}
		start := i
		if isWordRune(r) {
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					// internal apostrophe, hyphen, period (U.S.), digit separators
					if (r2 == '\'' || r2 == '’') && unicode.IsLetter(r3) && !(r2 == '\'' && r3 == '\'') {
						j += n2
						continue
					}
					if (r2 == '-' || r2 == '&') && isWordRune(r3) {
						j += n2
						continue
					}
					if r2 == '.' && unicode.IsLetter(r3) && j-start <= 2 {
						j += n2
						continue
					}
					if (r2 == '.' || r2 == ',') && unicode.IsDigit(r3) && unicode.IsDigit(lastRune(text[start:j])) {
						j += n2
						continue
					}
				}
				break
			}
			// attach a period of an abbreviation or initial
			if j < len(text) && text[j] == '.' {
				scratch = appendLower(scratch[:0], text[start:j])
				if abbrev[string(scratch)] || (utf8.RuneCount(scratch) == 1 && unicode.IsUpper(r)) || bytes.IndexByte(scratch, '.') >= 0 {
					j++
				}
			}
			t := tok{s: start, e: j, kind: tWord, cap: unicode.IsUpper(r) || particleName(text[start:j]), nlBef: nl}
			if w := text[start:j]; isLower(w) {
				t.low = w
				t.lookupLex()
			} else {
				a := len(arena)
				arena = appendLower(arena, w)
				fix = append(fix, lowFix{len(toks), a, len(arena)})
				if e, ok := lexTable[string(arena[a:])]; ok {
					t.lex, t.cue, t.gender = e.bits, e.cue, e.gender
				}
			}
			toks = append(toks, t)
			nl = false
			i = j
			continue
		}
		// punctuation
		j := i + n
		kind := tPunct
		switch {
		case r == '\'' && j < len(text) && text[j] == '\'':
			j++
			kind = tQuote
		case r == '`' && j < len(text) && text[j] == '`':
			j++
			kind = tQuote
		case r == '-' && j < len(text) && text[j] == '-':
			for j < len(text) && text[j] == '-' {
				j++
			}
		case r == '.' && strings.HasPrefix(text[j:], ".."):
			j += 2
		case isQuoteRune(r):
			kind = tQuote
		}
		toks = append(toks, tok{s: start, e: j, low: text[start:j], kind: kind, nlBef: nl})
		nl = false
		i = j
	}
	if len(fix) > 0 {
		lows := string(arena)
		for _, f := range fix {
			toks[f.tok].low = lows[f.a:f.b]
		}
	}
	return toks
}

// tokBufs are tokenize's scratch buffers, kept between calls.
type tokBufs struct {
	arena   []byte   // lower-cased words that differ from the text
	scratch []byte   // the word before a period, lower-cased
	fix     []lowFix // tokens whose low lies in arena
}

var tokBufPool = sync.Pool{New: func() any { return new(tokBufs) }}

// tokSlices keeps token slices between calls of Extract and SplitSentences:
// nothing they return refers to the slice. Stale tokens beyond the used
// length hold strings of earlier texts only until the pool is emptied at a
// collection.
var tokSlices = sync.Pool{New: func() any { return new([]tok) }}

// pooledToks tokenizes text into a pooled slice; release hands the slice
// back and must be called once the tokens are no longer used.
func pooledToks(text string) (toks []tok, release func()) {
	p := tokSlices.Get().(*[]tok)
	if cap(*p) < len(text)/5 {
		*p = make([]tok, 0, len(text)/5)
	}
	toks = tokenizeInto(*p, text)
	return toks, func() {
		*p = toks[:0]
		tokSlices.Put(p)
	}
}

// lowFix places a token's lower-cased form at arena[a:b].
type lowFix struct{ tok, a, b int }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isLower reports whether s is ASCII without upper-case letters, so that it
// is its own lower-cased form.
func isLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// appendLower appends strings.ToLower(s) to dst, lower-casing ASCII in
// place and falling back to strings.ToLower for other text.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// particleName reports whether a lower-case word is a name with a particle
// ("al-Abadi", "bin-Salman", "el-Sisi"): the part after the hyphen is
// capitalised.
func particleName(w string) bool {
	h := strings.IndexByte(w, '-')
	if h < 1 || h > 3 || h+1 >= len(w) {
		return false
	}
	switch w[:h] {
	case "al", "el", "bin", "ibn", "abu", "ben", "de", "da", "di", "du", "van", "von", "le", "la":
	default:
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[h+1:])
	return unicode.IsUpper(r)
}
