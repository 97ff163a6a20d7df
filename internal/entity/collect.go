package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// compoundSuffixes end hyphenated modifiers built on a name: "U.S.-led",
// "IS-held", "Kurdish-led".
var compoundSuffixes = map[string]bool{
	"led": true, "backed": true, "controlled": true, "held": true, "linked": true,
	"directed": true, "allied": true, "funded": true, "supported": true, "based": true,
	"run": true, "occupied": true, "dominated": true, "aligned": true, "affiliated": true,
	"inspired": true, "claimed": true, "friendly": true, "sponsored": true, "brokered": true,
	"trained": true, "armed": true, "born": true, "style": true, "era": true,
}

// leadingWords are words a mention span may start with that are not part
// of the name.
var leadingWords = []string{"the ", "The ", "in ", "at ", "on ", "from ", "near ", "of ", "to ", "into "}

// titleWords are words that may precede a name inside a mention span
// ("Defense Ash Carter", "President Obama") and are not part of the name.
var titleWords = map[string]bool{
	"defense": true, "defence": true, "foreign": true, "interior": true, "state": true,
	"secretary": true, "minister": true, "president": true, "prime": true, "premier": true,
	"general": true, "gen": true, "colonel": true, "col": true, "captain": true, "capt": true,
	"lt": true, "lieutenant": true, "major": true, "maj": true, "sgt": true, "sergeant": true,
	"admiral": true, "adm": true, "commander": true, "chief": true, "officer": true, "petty": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "senator": true,
	"rep": true, "gov": true, "governor": true, "king": true, "queen": true, "prince": true,
	"sheikh": true, "ayatollah": true, "pope": true, "judge": true, "mayor": true, "deputy": true,
	"vice": true, "spokesman": true, "ambassador": true, "envoy": true, "chancellor": true,
	"emir": true, "sultan": true, "grand": true, "imam": true, "cleric": true, "brig": true,
	"army": true, "navy": true, "marine": true, "sir": true, "lord": true, "dame": true,
	"assemblyman": true, "assemblywoman": true, "assemblymember": true, "congressman": true,
	"congresswoman": true, "councilman": true, "councilwoman": true, "councillor": true, "councilor": true,
	"rev": true, "reverend": true, "rabbi": true, "bishop": true, "archbishop": true, "cardinal": true,
}

// leadAdverbs are sentence adverbs and conjunctions that the recogniser
// takes into a name when they open a sentence ("Interestingly Blocher
// said"); they are never the first word of a name. Adverbs that are also
// surnames ("Early", "Lately") are not listed.
var leadAdverbs = map[string]bool{
	"interestingly": true, "unfortunately": true, "fortunately": true, "finally": true, "clearly": true,
	"obviously": true, "surely": true, "similarly": true, "additionally": true, "ultimately": true,
	"apparently": true, "notably": true, "specifically": true, "importantly": true, "initially": true,
	"recently": true, "previously": true, "currently": true, "separately": true, "meanwhile": true,
	"however": true, "moreover": true, "furthermore": true, "instead": true, "nonetheless": true,
	"nevertheless": true, "besides": true, "but": true, "and": true, "yet": true, "ironically": true,
	"predictably": true, "understandably": true, "naturally": true, "frankly": true, "honestly": true,
}

// collect turns Doc.Mentions into items and clusters them by name key.
func (r *resolver) collect() {
	for mi, m := range r.d.Mentions {
		if m.Start < 0 || m.End > len(r.d.Text) || m.Start >= m.End {
			continue
		}
		it, ok := r.clean(m)
		if !ok {
			continue
		}
		it.mention = mi
		var e *kbEntry
		if it.demonym {
			e = r.k.demonym(it.key)
			if e == nil {
				continue // an adjective the knowledge base cannot place
			}
		} else {
			e = r.k.lookup(it.key)
			if e != nil && it.typ == "PER" && countFields(it.key) > 1 && e.Section != "actors" {
				e = nil // "Georgia Smith" is not Georgia
			}
		}
		r.addItem(it, r.clusterFor(it.key, e))
	}
}

// clean trims a mention to the name it carries.
func (r *resolver) clean(m Mention) (item, bool) {
	start, end := m.Start, m.End
	compound := false
	s := r.d.Text[start:end]
	// possessive
	if t := trimPossessive(s); t != s {
		end -= len(s) - len(t)
		s = t
	}
	// "the Pentagon", "in the Gulf of Aden"
	for again := true; again; {
		again = false
		for _, p := range leadingWords {
			if strings.HasPrefix(s, p) && len(s) > len(p) {
				start += len(p)
				s = s[len(p):]
				again = true
			}
		}
	}
	// "Interestingly Blocher": a sentence adverb taken into the name
	if i := strings.IndexByte(s, ' '); i > 0 && leadAdverbs[strings.ToLower(s[:i])] && isUpperWord(strings.TrimLeft(s[i:], " ")) {
		j := i + len(s[i:]) - len(strings.TrimLeft(s[i:], " "))
		start += j
		s = s[j:]
	}
	// "U.S.-led", "IS-held": keep the name before the hyphen
	if i := strings.LastIndexAny(s, "-‐‑"); i > 0 {
		_, w := utf8.DecodeRuneInString(s[i:])
		suffix := strings.ToLower(s[i+w:])
		if compoundSuffixes[suffix] {
			end = start + i
			s = s[:i]
			compound = true
		}
	}
	if lw := strings.ToLower(s); strings.HasPrefix(lw, "anti-") || strings.HasPrefix(lw, "pro-") || strings.HasPrefix(lw, "non-") {
		return item{}, false
	}
	key := Key(s)
	if key == "" || r.k.discard[key] {
		return item{}, false
	}
	it := item{Span: Span{start, end}, sent: m.Sentence, typ: m.Type, surface: s, key: key, compound: compound}
	if m.Demonym || (!strings.Contains(key, " ") && r.k.demonym(key) != nil && r.k.lookup(key) == nil) {
		it.demonym = true
		return it, true
	}
	if r.k.lookup(key) != nil {
		return it, true
	}
	// leading title words: "Defense Ash Carter" -> "Ash Carter"
	words := strings.Fields(s)
	n := 0
	for n < len(words)-2 && titleWords[Key(words[n])] {
		n++
	}
	if n == 0 && len(words) == 2 && titleWords[Key(words[0])] && text2Name(words[1]) && m.Type == "PER" {
		n = 1 // "President Obama"
	}
	if n > 0 && isUpperWord(words[n]) && !titleWords[Key(words[n])] && !hasOrgWord(words[n:]) {
		off := strings.Index(s, words[n])
		start += off
		s = s[off:]
		it.Span, it.surface, it.key, it.typ = Span{start, end}, s, Key(s), "PER"
		return it, true
	}
	// "Kurdish Peshmerga" -> Peshmerga, country from the demonym
	if len(words) > 1 {
		if e := r.k.demonym(Key(words[0])); e != nil {
			rest := strings.Join(words[1:], " ")
			if r.k.lookup(Key(rest)) != nil {
				off := strings.Index(s, words[1])
				it.Span, it.surface, it.key = Span{start + off, end}, s[off:], Key(rest)
				it.country = e.Code
			}
		}
	}
	return it, true
}

// text2Name reports whether w looks like a name word: capitalised, letters.
func text2Name(w string) bool {
	if !isUpperWord(w) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// hasOrgWordIn is hasOrgWord(strings.Fields(s)) without the slice.
func hasOrgWordIn(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if _, _, ok := orgHead(Key(w)); ok {
			return true
		}
	}
	return false
}

// hasOrgWord reports whether words contain an organisation head word.
func hasOrgWord(words []string) bool {
	for _, w := range words {
		if _, _, ok := orgHead(Key(w)); ok {
			return true
		}
	}
	return false
}
