package ner

import (
	"unicode"
	"unicode/utf8"
)

// Token flags computed once per token.
const (
	fInitCap   = 1 << iota // first letter upper-case
	fAllCaps               // every letter upper-case, at least one letter
	fLower                 // every letter lower-case
	fHasDigit              // contains a digit
	fAllDigit              // digits and separators only
	fHyphen                // contains a hyphen
	fPeriod                // contains a period
	fApos                  // contains an apostrophe
	fNoLetter              // no letter at all
	fMixed                 // upper-case letter after the first (McDonald)
	fFirst                 // first token of the sentence
	fCapsSent              // sentence is all capitals (headline)
	fTitleSent             // sentence is title case (most words capitalised)
	fParticle              // lower-case name particle (bin, al, de, van) between capitalised words
)

// particles are the lower-case words that join the parts of a name.
var particles = map[uint64]bool{}

func init() {
	for _, w := range []string{"bin", "ibn", "bint", "al", "el", "abu", "abd", "ben", "de", "del", "della", "der", "den",
		"di", "da", "dos", "das", "du", "la", "le", "van", "von", "ter", "ten", "y", "ould", "ag", "ap", "mac"} {
		particles[hashLowerNorm(w)] = true
	}
}

// tokInfo holds the per-token hashes and flags features are made of.
type tokInfo struct {
	w, l, shape, short uint64
	pre, suf           [4]uint64
	flags              uint16
	gaz                uint16 // gazetteer bits: type*4 + position (B I L U)
	gazx               uint16 // extra name lists: list*4 + position (B I L U)
	dgaz               uint16 // document gazetteer (second pass): type*4 + position
	doc                uint8  // document-level bits (docCap...)
	clus               uint32 // word-cluster path (0 = unknown)
	hist               uint8  // prediction-history bits (second pass)
	wid                int32  // the word's number in the document (wordIDs)
}

// normalize maps typographic punctuation to the ASCII forms of the training
// data, so "’s" and "'s", "—" and "--" look the same to the model.
func normalize(s string) string {
	if len(s) == 0 || s[0] < utf8.RuneSelf && len(s) < 2 {
		return s
	}
	switch s {
	case "’s", "‘s":
		return "'s"
	case "’S":
		return "'S"
	case "n’t":
		return "n't"
	case "’re":
		return "'re"
	case "’ve":
		return "'ve"
	case "’ll":
		return "'ll"
	case "’d":
		return "'d"
	case "’m":
		return "'m"
	case "“", "”", "„", "«", "»", "''", "``":
		return "\""
	case "‘", "’":
		return "'"
	case "—", "–", "―":
		return "--"
	case "…":
		return "..."
	}
	return s
}

// computeInfo fills the lexical part of ti for token s (already normalized).
func computeInfo(ti *tokInfo, s string) {
	ti.w = hashString(s)
	ti.l = hashLowerNorm(s)
	var fl uint16
	upper, lower, digit, letters, other := 0, 0, 0, 0, 0
	sh, shs := uint64(fnvOffset), uint64(fnvOffset)
	var last, lastShort rune = -1, -1
	run := 0
	idx := 0
	ascii := true
	for i := 0; i < len(s); idx++ {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
			ascii = false
		}
		var c rune
		switch {
		case r >= 'a' && r <= 'z' || r >= utf8.RuneSelf && unicode.IsLower(r):
			c = 'x'
			lower++
			letters++
		case r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
			if idx == 0 {
				fl |= fInitCap
			} else if lower > 0 {
				fl |= fMixed
			}
		case r >= '0' && r <= '9':
			c = 'd'
			digit++
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			c = 'a'
			letters++
		default:
			c = r
			other++
			switch r {
			case '-':
				fl |= fHyphen
			case '.':
				fl |= fPeriod
			case '\'':
				fl |= fApos
			}
		}
		if c == last {
			run++
		} else {
			run = 0
		}
		if run < 4 {
			sh ^= uint64(c)
			sh *= fnvPrime
		}
		last = c
		if c != lastShort {
			shs ^= uint64(c)
			shs *= fnvPrime
			lastShort = c
		}
		i += n
	}
	if letters > 0 && lower == 0 && upper > 0 {
		fl |= fAllCaps
	}
	if letters > 0 && upper == 0 {
		fl |= fLower
	}
	if digit > 0 {
		fl |= fHasDigit
		if letters == 0 {
			fl |= fAllDigit
		}
	}
	if letters == 0 {
		fl |= fNoLetter
	}
	ti.shape, ti.short = sh, shs
	ti.flags = fl
	// prefixes and suffixes of the lower-cased form, 1-4 bytes
	if ascii {
		affixesASCII(ti, s)
		return
	}
	for k := 1; k <= 4; k++ {
		if k <= len(s) {
			ti.pre[k-1] = hashLowerNorm(s[:k])
			ti.suf[k-1] = hashLowerNorm(s[len(s)-k:])
		} else {
			ti.pre[k-1], ti.suf[k-1] = 0, 0
		}
	}
}

// affixesASCII is the affix loop of computeInfo for an ASCII token, whose
// byte prefixes are whole characters: the prefix hashes are the states of
// one FNV pass (hashLowerNorm of each prefix, without hashing it again).
func affixesASCII(ti *tokInfo, s string) {
	h := uint64(fnvOffset)
	for k := 0; k < 4; k++ {
		if k >= len(s) {
			ti.pre[k], ti.suf[k] = 0, 0
			continue
		}
		h ^= uint64(lowerDigitASCII(s[k]))
		h *= fnvPrime
		ti.pre[k] = h
		hs := uint64(fnvOffset)
		for _, c := range []byte(s[len(s)-k-1:]) {
			hs ^= uint64(lowerDigitASCII(c))
			hs *= fnvPrime
		}
		ti.suf[k] = hs
	}
}

// lowerDigitASCII is hashLowerNorm's mapping of an ASCII byte.
func lowerDigitASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	if c >= '0' && c <= '9' {
		return '0'
	}
	return c
}

// sentenceFlags sets fFirst, fCapsSent and fTitleSent on a sentence.
func sentenceFlags(infos []tokInfo) {
	if len(infos) == 0 {
		return
	}
	caps, words, capInit := 0, 0, 0
	for i := range infos {
		f := infos[i].flags
		if f&fNoLetter != 0 {
			continue
		}
		words++
		if f&fAllCaps != 0 {
			caps++
		}
		if f&fInitCap != 0 {
			capInit++
		}
	}
	var add uint16
	if words >= 2 && caps*10 >= words*8 {
		add |= fCapsSent
	} else if words >= 4 && capInit*10 >= words*7 {
		add |= fTitleSent
	}
	for i := range infos {
		infos[i].flags |= add
		if i > 0 && i+1 < len(infos) && infos[i].flags&fLower != 0 && particles[infos[i].l] &&
			infos[i-1].flags&fInitCap != 0 && infos[i+1].flags&(fInitCap|fLower) != 0 {
			infos[i].flags |= fParticle
		}
	}
	infos[0].flags |= fFirst
}
