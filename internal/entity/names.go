package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps common accented Latin letters to ASCII.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ā': "a",
	'ç': "c", 'č': "c", 'ć': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ı': "i", 'ī': "i",
	'ñ': "n", 'ń': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o", 'ō': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u",
	'ý': "y", 'ÿ': "y",
	'ş': "s", 'š': "s", 'ś': "s", 'ș': "s",
	'ğ': "g", 'ž': "z", 'ź': "z", 'ż': "z", 'ł': "l", 'ř': "r", 'ť': "t", 'ț': "t", 'ď': "d",
	'ß': "ss", 'æ': "ae", 'œ': "oe",
}

// Key normalises a name for matching: lower case, accents folded, periods
// and apostrophes dropped ("U.S." -> "us", "Da'esh" -> "daesh"), other
// punctuation and hyphens turned into spaces, a leading "the" and a
// trailing possessive removed.
func Key(s string) string {
	if plainKey(s) {
		return s
	}
	s = trimPossessive(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '.' || r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`':
			continue
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if f, ok := fold[r]; ok {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteString(f)
				continue
			}
		default:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// trimPossessive removes a trailing "'s", "’s" or lone apostrophe.
func trimPossessive(s string) string {
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(s, p) {
			return s[:len(s)-len(p)]
		}
	}
	if strings.HasSuffix(s, "s'") || strings.HasSuffix(s, "s’") {
		return strings.TrimRight(s, "'’")
	}
	return s
}

// particles are name particles that do not identify a family name alone.
var particles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true,
	"van": true, "von": true, "de": true, "da": true, "di": true, "du": true, "der": true,
	"la": true, "le": true, "del": true, "dos": true, "das": true, "ben": true,
}

// ordinalSuffix are name suffixes that do not tell people apart.
var ordinalSuffix = map[string]bool{"sr": true, "ii": true, "iii": true, "iv": true}

// personName splits a person's name key into given names and a family
// name. Particles are kept out of both ("haider al abadi" -> [haider],
// "abadi").
func personName(key string) (given []string, family string) {
	w := strings.Fields(key)
	// "Jr." names another person than the plain name: news writes it
	// where father and son are both in the news ("Donald Trump Jr." is
	// not "Donald Trump"), so it stays in the family name and no rule
	// matching full names joins them. "Sr." marks the father, the plain
	// name's holder; ordinals ("Robert S. Mueller III") are formal and
	// news drops them ("Robert Mueller"): both are left out.
	for len(w) > 1 && ordinalSuffix[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	suffix := ""
	if len(w) > 1 && w[len(w)-1] == "jr" {
		suffix = " jr"
		w = w[:len(w)-1]
	}
	if len(w) == 0 {
		return nil, ""
	}
	family = w[len(w)-1] + suffix
	for _, t := range w[:len(w)-1] {
		if !particles[t] {
			given = append(given, t)
		}
	}
	// "al abadi" written as one word: "alabadi" stays as is
	return given, family
}

// givenCompatible reports whether two given names can belong to one person:
// equal, one a prefix of the other ("ash", "ashton"), an initial, variants
// in the knowledge base ("bill", "william"), or the same consonant skeleton
// ("haider", "haidar").
func givenCompatible(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 1 && b[0] == a[0] {
		return true
	}
	if len(a) >= 3 && strings.HasPrefix(b, a) {
		return true
	}
	k := kb()
	if ca, ok := k.given[a]; ok && ca == k.given[b] {
		return true
	}
	return len(a) >= 4 && skeleton(a) == skeleton(b)
}

// givensCompatible compares the first given names of two people; a person
// without a given name is compatible with anyone.
func givensCompatible(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	return givenCompatible(a[0], b[0]) && initialsCompatible(a, b)
}

// middleInitials returns the initials written after the first given name
// ("george h w" -> "hw"), "" when there are none. Only initials count: a
// middle name may be dropped or swapped for a maiden name ("Hillary
// Rodham Clinton"), but two different initials name two people.
func middleInitials(given []string) string {
	var b strings.Builder
	for _, g := range given[1:] {
		if len(g) <= 2 {
			b.WriteString(g)
		}
	}
	return b.String()
}

// initialsCompatible reports whether two given-name lists with the same
// first name can be one person: "George W." and "George H. W." are
// father and son, while a name without middle initials fits either.
func initialsCompatible(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	x, y := middleInitials(a), middleInitials(b)
	return x == "" || y == "" || x == y
}

// skeleton keeps the first letter and the consonants of a name, with
// doubled letters collapsed, so transliteration variants meet.
func skeleton(s string) string {
	var b strings.Builder
	var last byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i > 0 && strings.IndexByte("aeiouyhw", c) >= 0 {
			continue
		}
		if c == last {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}

// isUpperWord reports whether w starts with an upper-case letter.
func isUpperWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAcronym reports whether w looks like an acronym: 2 to 8 letters, mostly
// upper case ("KRG", "ISIL", "U.S.", "DoD").
func isAcronym(w string) bool {
	letters, upper := 0, 0
	for _, r := range w {
		switch {
		case r == '.' || r == '&':
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 8 && upper*3 >= letters*2 && isUpperWord(w)
}

// plainKey reports whether s is already a key: lower-case ASCII letters
// and digits in words separated by single spaces, not starting with
// "the ".
func plainKey(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.HasPrefix(s, "the ") {
		return s == ""
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == ' ' && prev != ' ':
		default:
			return false
		}
		prev = c
	}
	return true
}
