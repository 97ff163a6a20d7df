package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file repairs person-name spans after decoding. The tagger scores
// tokens one at a time and now and then cuts a multi-token name in two:
// "[Kim Jong]PER [Un]ORG" (the last part of an East Asian given name looks
// like the acronym UN once lower-cased features are in play), or
// "[Osama]PER bin [Laden]PER" (a lower-case particle between two name
// parts). Two general rules of how names are written put them back
// together:
//
//  1. Name particles: a lower-case particle (bin, ibn, al, van, der, de,
//     da, von, …) between a person span and a capitalised token belongs
//     to the name: "Osama bin Laden", "Ursula von der Leyen", "Luiz Inácio
//     Lula da Silva". The parts after the particle join the person.
//  2. Short name syllables: a capitalised, otherwise lower-case token of
//     at most three letters right after a person span of two or more
//     tokens is the last part of the name ("Kim Jong Un", "Kim Jong Il"),
//     whatever type the tagger gave it — unless it is a function word
//     ("To", "In", "On" in a title-case headline). All capitals ("UN",
//     "EU") stays an acronym.
//  4. Spaced hyphens: tokenised text writes "Kim Jong-un" as "Kim Jong -
//     un": a hyphen between a person span and a lower-case syllable or
//     another person span joins them.
//  3. Generational suffixes: "Jr.", "Sr.", "II", "III", "IV" right after a
//     person span belong to it: "Donald Trump Jr." is another person than
//     "Donald Trump", and the alias stage must see the whole name.

// nameParticles are the lower-case words that stand inside personal names.
var nameParticles = map[string]bool{
	"bin": true, "ibn": true, "bint": true, "al": true, "el": true, "van": true, "von": true,
	"der": true, "den": true, "de": true, "del": true, "della": true, "di": true, "da": true,
	"dos": true, "das": true, "du": true, "la": true, "le": true, "ter": true, "zu": true,
	"abu": true, "ben": true, "y": true,
}

// generational are the suffixes that tell a father from a son.
var generational = map[string]bool{"Jr.": true, "Jr": true, "Sr.": true, "Sr": true, "II": true, "III": true, "IV": true}

// shortFunctionWords are capitalised in title-case headlines but never name
// parts.
var shortFunctionWords = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "in": true, "on": true, "at": true, "of": true,
	"for": true, "by": true, "as": true, "is": true, "it": true, "he": true, "we": true, "us": true,
	"and": true, "or": true, "but": true, "not": true, "no": true, "be": true, "are": true, "was": true,
	"has": true, "had": true, "his": true, "her": true, "its": true, "who": true, "say": true,
	"new": true, "off": true, "out": true, "up": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"jr": true, "sr": true, "ii": true, "iii": true, "vs": true, "via": true, "may": true, "can": true,
	"did": true, "do": true, "if": true, "so": true, "all": true, "my": true, "our": true, "you": true,
	"she": true, "him": true, "how": true, "why": true, "now": true, "one": true, "two": true,
	"win": true, "set": true, "get": true, "see": true, "met": true, "war": true, "law": true, "top": true,
}

// repairNames applies the name rules to the tags of one sentence, given
// its tokens as written.
func repairNames(toks []string, tags []uint8) {
	per := typeIndex("PER")
	for i := 0; i < len(tags); {
		if tags[i] == 0 || tagType(int(tags[i])) != per {
			i++
			continue
		}
		end := spanEnd(tags, i)
		for {
			n := extendName(toks, tags, i, end, per)
			if n == end {
				break
			}
			end = n
		}
		i = end
	}
}

// extendName returns the new end of the person span [s, e) after one rule
// applied (e itself when none did), retagging what joined.
func extendName(toks []string, tags []uint8, s, e, per int) int {
	// Rule 1: particles, then a capitalised token.
	j := e
	for j < len(toks) && nameParticles[toks[j]] {
		j++
	}
	if j > e && j < len(toks) && j-e <= 3 && startsUpper(toks[j]) {
		k := j + 1
		if tags[j] != 0 {
			k = spanEnd(tags, j)
		}
		setSpan(tags, s, k, per)
		return k
	}
	// Rule 4: a hyphenated name written with spaces around the hyphen,
	// as tokenised corpora do ("Kim Jong - un", "Jean - Claude Juncker").
	if e+1 < len(toks) && (toks[e] == "-" || toks[e] == "‐") {
		n := toks[e+1]
		switch {
		case isLowerSyllable(n) && !shortFunctionWords[n] && (tags[e+1] == 0 || spanEnd(tags, e+1) == e+2):
			setSpan(tags, s, e+2, per)
			return e + 2
		case startsUpper(n) && tags[e+1] != 0 && tagType(int(tags[e+1])) == per:
			k := spanEnd(tags, e+1)
			setSpan(tags, s, k, per)
			return k
		}
	}
	// Rule 3: a generational suffix.
	if e < len(toks) && generational[toks[e]] && (tags[e] == 0 || spanEnd(tags, e) == e+1) {
		setSpan(tags, s, e+1, per)
		return e + 1
	}
	// Rule 2: a short name syllable after a name of two or more tokens.
	if e-s >= 2 && e < len(toks) && isNameSyllable(toks[e]) && (tags[e] == 0 || spanEnd(tags, e) == e+1) {
		setSpan(tags, s, e+1, per)
		return e + 1
	}
	return e
}

// isNameSyllable: "Un", "Il", "In" — capitalised, lower-case after, one to
// three letters, not a function word.
func isNameSyllable(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 3 || !startsUpper(w) || shortFunctionWords[strings.ToLower(w)] {
		return false
	}
	_, size := utf8.DecodeRuneInString(w)
	for _, r := range w[size:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isLowerSyllable: "un", "il", "in" — two or three lower-case letters.
func isLowerSyllable(w string) bool {
	if len(w) < 2 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// setSpan retags [s, e) as one entity of type ty in BILOU.
func setSpan(tags []uint8, s, e, ty int) {
	base := uint8(1 + 4*ty)
	if e-s == 1 {
		tags[s] = base + posU
		return
	}
	tags[s] = base + posB
	for k := s + 1; k < e-1; k++ {
		tags[k] = base + posI
	}
	tags[e-1] = base + posL
}
