package trafilatura

// Modified for sitrep: new file.

import (
	"unicode"
	"unicode/utf8"
)

// isSpace is unicode.IsSpace with the ASCII case answered from a table, in
// a function small enough to inline: the text-length walks ask it for
// every rune of a page, several times (≈ 3 % of the ingest's CPU went to
// unicode.IsSpace calls).
func isSpace(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// asciiSpace marks the ASCII runes unicode.IsSpace reports (U+0085 and
// U+00A0, its other Latin-1 spaces, are not ASCII).
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceAt is the byte length of the white-space rune that starts s[i:], 0
// when the rune there is not white space or i is inside a rune (a field's
// bytes are then walked one by one: a continuation byte is never the start
// of a space, and an invalid byte is not white space).
func spaceAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return size
	}
	return 0
}
