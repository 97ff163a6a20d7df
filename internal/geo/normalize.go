package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special folds Latin letters that do not decompose into base+mark.
var special = map[rune]string{
	'ß': "ss", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i", 'þ': "th", 'Þ': "th",
	'ð': "d", 'Ð': "d", 'ħ': "h", 'Ħ': "h",
}

// Key folds a place name to its lookup key: lower case, diacritics removed,
// apostrophes and dots dropped, other punctuation turned into single spaces.
// It returns "" when the name holds letters outside the Latin script, which
// the gazetteer does not index.
func Key(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '\'' || r == '.' || r == '’' || r == '‘' || r == 'ʻ' || r == 'ʼ' || r == '`' || r == '´':
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		case r < utf8.RuneSelf || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			if b.Len() > 0 {
				pendingSpace = true
			}
			continue
		default:
			if f, ok := special[r]; ok {
				if pendingSpace {
					b.WriteByte(' ')
					pendingSpace = false
				}
				b.WriteString(f)
				continue
			}
			return ""
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// keyIs reports whether Key(s) == k without building Key(s): the
// resolver compares records' names with a mention's key for every
// candidate of every mention, and building each name's key there was a
// string allocation per comparison. A name with non-ASCII bytes goes
// through Key.
func keyIs(s, k string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return Key(s) == k
		}
	}
	// Key's loop over ASCII: letters and digits kept (lower case), ' . `
	// dropped, anything else a single space between kept characters
	n, pendingSpace := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '\'' || c == '.' || c == '`':
			continue
		default:
			if n > 0 {
				pendingSpace = true
			}
			continue
		}
		if pendingSpace {
			if n >= len(k) || k[n] != ' ' {
				return false
			}
			n++
			pendingSpace = false
		}
		if n >= len(k) || k[n] != c {
			return false
		}
		n++
	}
	return n == len(k)
}
