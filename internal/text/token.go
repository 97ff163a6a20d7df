package text

import (
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters (possibly with digits, hyphens, apostrophes, periods)
	Number             // starts with a digit
	Punct              // punctuation, quotes, dashes, symbols
	Clitic             // 's, 're, n't ... split off a word
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Clitic:
		return "clitic"
	}
	return "?"
}

// Token is a span of bytes [Start, End) of the text it was cut from.
type Token struct {
	Start, End int32
	Kind       Kind
}

// Text returns the token's bytes in s.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

const (
	cOther uint8 = iota
	cSpace
	cUpper
	cLower
	cDigit
)

var ascii [128]uint8

func init() {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			ascii[c] = cSpace
		case c >= 'A' && c <= 'Z':
			ascii[c] = cUpper
		case c >= 'a' && c <= 'z':
			ascii[c] = cLower
		case c >= '0' && c <= '9':
			ascii[c] = cDigit
		}
	}
}

// runeAt decodes the rune at s[i]; ASCII is the fast path.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		if r < 0 {
			return false
		}
		c := ascii[r]
		return c >= cUpper
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		if r < 0 {
			return false
		}
		c := ascii[r]
		return c == cUpper || c == cLower
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && ascii[r] == cSpace
	}
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// cliticLen reports the byte length of a clitic ('s, 're, 've, 'll, 'd, 'm)
// starting at the apostrophe at s[i], or 0. The clitic must end the word.
func cliticLen(s string, i int) int {
	_, n := runeAt(s, i)
	j := i + n
	k := j
	for k < len(s) && k-j < 3 && s[k] >= 'a' && s[k] <= 'z' || k < len(s) && k-j < 3 && s[k] >= 'A' && s[k] <= 'Z' {
		k++
	}
	if k == j {
		return 0
	}
	if r, _ := runeAt(s, k); isAlnum(r) {
		return 0
	}
	switch lowerASCII(s[j:k]) {
	case "s", "re", "ve", "ll", "d", "m":
		return k - i
	}
	return 0
}

func lowerASCII(s string) string {
	switch len(s) {
	case 1:
		c := s[0] | 0x20
		return string(rune(c))
	}
	var b [4]byte
	for i := 0; i < len(s) && i < 4; i++ {
		b[i] = s[i] | 0x20
	}
	return string(b[:len(s)])
}

// Tokenize appends the tokens of s to dst and returns it.
func Tokenize(dst []Token, s string) []Token {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && ascii[c] == cSpace {
			i++
			continue
		}
		r, n := runeAt(s, i)
		switch {
		case isSpace(r):
			i += n
		case isAlnum(r):
			j, nt := scanWord(s, i)
			k := Word
			if isDigit(r) {
				k = Number
			}
			dst = append(dst, Token{int32(i), int32(j), k})
			if nt > j {
				dst = append(dst, Token{int32(j), int32(nt), Clitic})
			}
			i = nt
		case isApos(r) && i > 0 && prevAlnum(s, i) && cliticLen(s, i) > 0:
			j := i + cliticLen(s, i)
			dst = append(dst, Token{int32(i), int32(j), Clitic})
			i = j
		default:
			j := i + n
			if r == '.' || r == '-' || r == '*' || r == '=' || r == '_' {
				for j < len(s) && s[j] == byte(r) {
					j++
				}
			}
			dst = append(dst, Token{int32(i), int32(j), Punct})
			i = j
		}
	}
	return dst
}

func prevAlnum(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isAlnum(r)
}

// scanWord scans a word or number starting at i. It returns the end of the
// word and, when the word ends in "n't", the end of that clitic (else end).
func scanWord(s string, i int) (end, cliticEnd int) {
	j := i
	segStart := i   // start of the current period-separated segment
	dotted := false // an internal period was consumed (U.S, 3.5)
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf && ascii[c] >= cUpper {
			j++
			continue
		}
		r, n := runeAt(s, j)
		if isAlnum(r) {
			j += n
			continue
		}
		next, nn := runeAt(s, j+n)
		prev, _ := utf8.DecodeLastRuneInString(s[:j])
		switch {
		case isHyphen(r) && isAlnum(next):
			j += n
			continue
		case r == '.' && isDigit(prev) && isDigit(next):
			j += n
			dotted = true
			continue
		case r == '.' && isLetter(next) && j-segStart == 1 && isLetter(prev):
			// initialism U.S.A.: single-letter segments
			if after, _ := runeAt(s, j+n+nn); after == '.' {
				j += n
				segStart = j
				dotted = true
				continue
			}
		case (r == ',' || r == ':' || r == '/') && isDigit(prev) && isDigit(next):
			if r == ',' { // thousands separator: exactly three digits follow
				k := j + 1
				for k < len(s) && isDigit(rune(s[k])) {
					k++
				}
				if k-j-1 != 3 {
					break
				}
			}
			j += n
			continue
		case r == '&' && isUpperASCII(prev) && isUpperASCII(next):
			j += n
			continue
		case isApos(r) && isLetter(next):
			if cliticLen(s, j) > 0 {
				return j, j
			}
			if (prev == 'n' || prev == 'N') && (next == 't' || next == 'T') {
				if after, _ := runeAt(s, j+n+1); !isAlnum(after) && j-1 > i {
					return j - 1, j + n + 1
				}
			}
			j += n
			continue
		case r == '.':
			if keepPeriod(s[i:j], dotted, s[segStart:j]) {
				j += n
				// U.S.-led
				if h, hn := runeAt(s, j); isHyphen(h) {
					if a, _ := runeAt(s, j+hn); isAlnum(a) {
						j += hn
						continue
					}
				}
			}
		}
		break
	}
	return j, j
}

func isUpperASCII(r rune) bool { return r >= 'A' && r <= 'Z' }

// keepPeriod decides whether a period right after word w belongs to it.
func keepPeriod(w string, dotted bool, seg string) bool {
	if dotted {
		// U.S, e.g -> keep; 3.5 -> no (a number ends a sentence)
		return !isDigit(rune(w[0]))
	}
	if len(seg) == 1 && isLetter(rune(seg[0])) {
		return true // initial: J. Smith
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true // non-ASCII initial
	}
	return IsAbbreviation(w)
}

func isLowerRune(r rune) bool { return unicode.IsLower(r) }
