// Package textenc turns the bytes of a plain-text or markup input into UTF-8,
// detecting UTF-8 (with or without BOM), UTF-16 with a BOM, and
// Windows-1252/Latin-1, and rejecting binary data and corrupt UTF-8.
package textenc

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names returned by Decode.
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1252 = "windows-1252"
)

// ErrBinary is returned for data that is not text in any supported encoding.
var ErrBinary = errors.New("binary data (control bytes), not text")

// InvalidUTF8Error reports bytes that are neither valid UTF-8 nor plausibly
// single-byte Windows-1252 text: typically a UTF-8 file with corrupt bytes.
type InvalidUTF8Error struct{ Offset int }

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at byte %d (the file mixes UTF-8 with bytes of another encoding)", e.Offset)
}

// Decode returns b as UTF-8 text and the name of the encoding it was in.
// A UTF-8 BOM is removed.
//
// The rule for non-UTF-8 bytes: if b contains no valid multi-byte UTF-8
// sequence and every byte ≥ 0x80 is a printable Windows-1252 character, it is
// decoded as Windows-1252 (a superset of Latin-1's printable range).
// Otherwise the data is corrupt UTF-8 and an *InvalidUTF8Error names the first
// bad byte: guessing would silently garble text.
func Decode(b []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], false)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], true)
	}
	if off := controlByte(b); off >= 0 {
		return "", "", fmt.Errorf("%w at byte %d", ErrBinary, off)
	}
	if utf8.Valid(b) {
		return string(b), UTF8, nil
	}
	bad, multibyte := scanUTF8(b)
	if !multibyte && plausible1252(b) {
		s, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			return "", "", err
		}
		return string(s), Windows1252, nil
	}
	return "", "", &InvalidUTF8Error{Offset: bad}
}

// IsBinary reports whether the sample looks like binary data: a NUL or other
// C0 control byte that text never carries, outside a UTF-16 BOM'd input.
func IsBinary(sample []byte) bool {
	if bytes.HasPrefix(sample, []byte{0xFF, 0xFE}) || bytes.HasPrefix(sample, []byte{0xFE, 0xFF}) {
		return false
	}
	return controlByte(sample) >= 0
}

// controlByte returns the offset of the first byte that plain text never
// holds (C0 controls other than tab, newline, CR, form feed, ESC is allowed
// nowhere), or -1.
func controlByte(b []byte) int {
	for i, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return i
		}
		if c == 0x7F {
			return i
		}
	}
	return -1
}

// scanUTF8 returns the offset of the first invalid byte and whether any
// valid multi-byte sequence occurs.
func scanUTF8(b []byte) (firstBad int, multibyte bool) {
	firstBad = -1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if firstBad < 0 {
				firstBad = i
			}
			i++
			continue
		}
		if n > 1 {
			multibyte = true
		}
		i += n
	}
	return firstBad, multibyte
}

// plausible1252 reports whether every high byte maps to a printable
// Windows-1252 character (0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined).
func plausible1252(b []byte) bool {
	for _, c := range b {
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return false
		}
	}
	return true
}

func decodeUTF16(b []byte, bigEndian bool) (string, string, error) {
	name := UTF16LE
	if bigEndian {
		name = UTF16BE
	}
	if len(b)%2 != 0 {
		return "", "", fmt.Errorf("%s data has an odd number of bytes (%d): truncated", name, len(b))
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	runes := utf16.Decode(u)
	for i, r := range runes {
		if r == 0 || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') {
			return "", "", fmt.Errorf("%w: control character U+%04X at %s code unit %d", ErrBinary, r, name, i)
		}
	}
	return string(runes), name, nil
}
