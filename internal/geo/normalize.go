package geo

import (
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

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
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	b, ok := appendFolded(make([]byte, 0, len(s)), s)
	if !ok || len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b)) // b is not written again
}

// AppendKey appends Key(s) to dst: a caller that only compares a key or
// looks it up in a map (m[string(b)] does not copy) needs no string of
// its own. A name with non-ASCII bytes is decomposed in a pooled buffer.
func AppendKey(dst []byte, s string) []byte {
	if isASCII(s) {
		return appendKeyOrNone(dst, s)
	}
	ks := nfdPool.Get().(*nfdScratch)
	ks.nfd = ks.nfd[:0]
	// the segments an Iter gives make up the decomposed string; it
	// decomposes in its own buffer where Form.AppendString allocates one
	ks.it.InitString(norm.NFD, s)
	for !ks.it.Done() {
		ks.nfd = append(ks.nfd, ks.it.Next()...)
	}
	dst = appendKeyOrNone(dst, unsafe.String(unsafe.SliceData(ks.nfd), len(ks.nfd)))
	ks.it.InitString(norm.NFD, "") // keep no name alive
	nfdPool.Put(ks)
	return dst
}

// nfdScratch is what AppendKey decomposes a non-ASCII name with.
type nfdScratch struct {
	it  norm.Iter
	nfd []byte
}

// nfdPool holds AppendKey's scratch.
var nfdPool = sync.Pool{New: func() any { return new(nfdScratch) }}

// appendKeyOrNone appends Key's fold of s (ASCII or already decomposed),
// nothing when Key would return "".
func appendKeyOrNone(dst []byte, s string) []byte {
	n := len(dst)
	b, ok := appendFolded(dst, s)
	if !ok {
		return b[:n]
	}
	return b
}

// isASCII reports whether s has no byte of a multi-byte character.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendFolded is Key's loop over s, ASCII or already decomposed (NFD):
// false when s holds a letter outside the Latin script.
func appendFolded(b []byte, s string) ([]byte, bool) {
	start := len(b)
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
			if len(b) > start {
				pendingSpace = true
			}
			continue
		default:
			if f, ok := special[r]; ok {
				if pendingSpace {
					b = append(b, ' ')
					pendingSpace = false
				}
				b = append(b, f...)
				continue
			}
			return b, false
		}
		if pendingSpace {
			b = append(b, ' ')
			pendingSpace = false
		}
		b = utf8.AppendRune(b, r)
	}
	return b, true
}

// keyIs reports whether Key(s) == k without building Key(s): the
// resolver compares records' names with a mention's key for every
// candidate of every mention, and building each name's key there was a
// string allocation per comparison. A name with non-ASCII bytes goes
// through Key.
func keyIs(s, k string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return keyIsSlow(s, k)
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

// keyIsSlow is keyIs for a name with non-ASCII bytes: its key built in a
// pooled buffer, not a new string.
func keyIsSlow(s, k string) bool {
	bp := keyPool.Get().(*[]byte)
	*bp = AppendKey((*bp)[:0], s)
	eq := string(*bp) == k
	keyPool.Put(bp)
	return eq
}

// keyPool holds the buffers keyIsSlow builds keys in.
var keyPool = sync.Pool{New: func() any { b := make([]byte, 0, 64); return &b }}

// withKey calls f with Key(s) built in a pooled buffer (f must not keep
// it) and returns f's answer: for a gazetteer name's key wanted only for a
// comparison.
func withKey(s string, f func(k string) bool) bool {
	bp := keyPool.Get().(*[]byte)
	*bp = AppendKey((*bp)[:0], s)
	ok := f(unsafe.String(unsafe.SliceData(*bp), len(*bp)))
	keyPool.Put(bp)
	return ok
}

// KeyIs reports whether Key(s) == k, without a new string.
func KeyIs(s, k string) bool { return keyIs(s, k) }

// SameKey reports whether Key(a) == Key(b), without a new string.
func SameKey(a, b string) bool {
	return withKey(a, func(k string) bool { return keyIs(b, k) })
}
