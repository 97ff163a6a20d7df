package entity

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// pform is a person cluster's fullest name form.
type pform struct {
	c      int
	given  []string
	family string
}

// persons links name variants of one person: full forms with compatible
// given names ("Ash Carter", "Ashton Carter"), then bare family names
// ("Carter", "al-Abadi") to the full form they shorten. When two people
// in the text share the family name, each bare mention goes to the one
// named most recently before it.
func (r *resolver) persons() {
	r.suffixNames()
	var full []pform
	for c := range r.cls {
		if r.find(c) != c || !r.anyPER(c) || r.cls[c].kb != nil || r.cls[c].agent != nil {
			continue
		}
		g, f := personName(r.longestKey(c))
		if len(g) > 0 && f != "" {
			full = append(full, pform{c, g, f})
		}
	}
	for i := range full {
		for j := i + 1; j < len(full); j++ {
			a, b := full[i], full[j]
			if sameFamily(a.family, b.family) && givensCompatible(a.given, b.given) && r.find(a.c) != r.find(b.c) {
				r.union(a.c, b.c)
			}
		}
	}
	for c := range r.cls {
		if r.find(c) != c || len(r.cls[c].items) == 0 || r.cls[c].kb != nil || r.cls[c].agent != nil {
			continue
		}
		if !r.bareName(c) {
			continue
		}
		_, fam := personName(r.longestKey(c))
		var cands []int
		for _, p := range full {
			pc := r.find(p.c)
			// a bare "Trump" may shorten "Donald Trump Jr." too
			if pc == c || !sameFamily(fam, strings.TrimSuffix(p.family, " jr")) {
				continue
			}
			dup := false
			for _, x := range cands {
				dup = dup || x == pc
			}
			if !dup {
				cands = append(cands, pc)
			}
		}
		if len(cands) == 0 && r.cls[c].typ == "PER" {
			cands = r.weakFull(c, fam)
		}
		cands = r.principals(cands)
		if len(cands) == 0 {
			cands = r.leadNameOf(c, fam, full)
		}
		if len(cands) == 1 && r.namedApart(c, cands[0]) {
			cands = nil
		}
		switch len(cands) {
		case 0:
		case 1:
			r.union(cands[0], c)
		default:
			r.split(c, cands)
		}
	}
}

// bareName reports whether cluster c is a lone family name that may
// shorten a person's full name: one word (particles aside), capitalised,
// not an acronym, tagged as a person or as an organisation or misc (the
// recogniser often mistypes surnames), never as a place.
func (r *resolver) bareName(c int) bool {
	cl := &r.cls[c]
	if len(cl.learned) > 0 {
		return false
	}
	for _, i := range cl.items {
		it := &r.items[i]
		if it.mention < 0 || it.typ == "LOC" || it.demonym || isAcronym(it.surface) || !isUpperWord(stripParticle(it.surface)) {
			return false
		}
		g, f := personName(it.key)
		if len(g) > 0 || f == "" {
			return false
		}
	}
	return true
}

// sameFamily compares family names, allowing transliteration variants of
// five letters or more ("Abadi", "Abbadi").
func sameFamily(a, b string) bool {
	if a == b {
		return true
	}
	return len(a) >= 5 && len(b) >= 5 && a[0] == b[0] && skeleton(a) == skeleton(b)
}

// longestKey returns the key of the longest name item of cluster c.
func (r *resolver) longestKey(c int) string {
	best, bestN := "", 0
	for _, i := range r.cls[c].items {
		it := &r.items[i]
		if it.mention < 0 {
			continue
		}
		if n := countFields(it.key); n > bestN || len(best) == 0 {
			best, bestN = it.key, n
		}
	}
	return best
}

// split moves each item of cluster c to the candidate named most recently
// before it (or, failing that, soonest after it). A bare name under a
// title ("former President Clinton") goes to the one candidate the text
// names in full under the same title ("President Bill Clinton"), when
// there is one. A titled item placed by recency alone is marked shared:
// whose title it is stays a guess, so no role is read from it.
func (r *resolver) split(c int, cands []int) {
	items := r.cls[c].items
	r.cls[c].items = nil
	for _, i := range items {
		pos := r.items[i].Start
		if t := r.titleWordBefore(i); t != "" {
			// the candidates named in full under this title, and those
			// named in full under no title at all; one named only under
			// other titles ("Secretary of State Hillary Clinton") is not
			// the "President Clinton"
			hit, n := -1, 0
			free, nfree := -1, 0
			for _, k := range cands {
				titled, same := false, false
				for _, j := range r.cls[k].items {
					if r.items[j].mention < 0 || r.items[j].key == r.items[i].key {
						continue
					}
					if tj := r.titleWordBefore(j); tj != "" {
						titled = true
						same = same || tj == t
					}
				}
				switch {
				case same:
					hit, n = k, n+1
				case !titled:
					free, nfree = k, nfree+1
				}
			}
			if n == 0 && nfree == 1 {
				hit, n = free, 1
			}
			if n != 1 {
				hit, n = r.dictTitleFit(t, cands)
			}
			if n == 1 {
				r.items[i].cl = hit
				r.cls[hit].items = append(r.cls[hit].items, i)
				continue
			}
			// the title is the one thing the text says of this
			// mention, and nothing says whose it is
			r.items[i].shared = true
		}
		best, bestPos := -1, -1
		after, afterPos := -1, 1<<62
		for _, k := range cands {
			for _, j := range r.cls[k].items {
				p := r.items[j].Start
				if p < pos && p > bestPos {
					best, bestPos = k, p
				}
				if p > pos && p < afterPos {
					after, afterPos = k, p
				}
			}
		}
		if best < 0 {
			best = after
		}
		r.items[i].cl = best
		r.cls[best].items = append(r.cls[best].items, i)
	}
	r.cls[c].parent = c
}

// dictTitleFit returns the candidate, and how many there are, whose
// actor-dictionary entry (by full name) holds a code of the title's agent
// ("President" is GOV): the dated roles a person is known to have held.
func (r *resolver) dictTitleFit(title string, cands []int) (int, int) {
	agent := r.k.titles[title]
	if agent == "" {
		return -1, 0
	}
	hit, n := -1, 0
	for _, k := range cands {
		e := r.dictEntryOf(k)
		if e == nil {
			continue
		}
		for _, c := range e.Codes {
			if agentOfCode(c.Code) == agent {
				hit, n = k, n+1
				break
			}
		}
	}
	return hit, n
}

// titleWordBefore returns the key of the title word written just before
// item i, over the rest of a capitalised title ("president" for
// "President Obama", "secretary" for "Secretary of State Clinton"), or "".
func (r *resolver) titleWordBefore(i int) string {
	for k := r.tokAt(r.items[i].Start) - 1; k >= 0 && r.tokAt(r.items[i].Start)-k <= 4; k-- {
		if r.toks[k].Kind != text.Word || r.sentenceAt(int(r.toks[k].Start)) != r.items[i].sent {
			return ""
		}
		key := r.tkey(k)
		if r.k.titles[key] != "" && isUpperWord(r.tok(k)) {
			return key
		}
		if !isUpperWord(r.tok(k)) && key != "of" {
			return ""
		}
	}
	return ""
}

// stripParticle removes a leading lower-case name particle ("al-Abadi" ->
// "Abadi").
func stripParticle(s string) string {
	for _, p := range []string{"al-", "el-", "al ", "el ", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "bin ", "ibn ", "van ", "von ", "de ", "da ", "di ", "du "} {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			return s[len(p):]
		}
	}
	return s
}

// anyPER reports whether cluster c is typed PER or has a PER mention.
func (r *resolver) anyPER(c int) bool {
	if r.cls[c].typ == "PER" {
		return true
	}
	for _, i := range r.cls[c].items {
		if r.items[i].typ == "PER" && r.items[i].mention >= 0 {
			return true
		}
	}
	return false
}

// leadNameOf returns the full names whose first word is the bare name c
// when no full name has it as its last word: the family name of an East
// Asian name, written first ("Kim" for "Kim Jong Un", "Xi" for "Xi
// Jinping"), or a first name used alone ("Melania"). Two such full names
// (two Kims) are both returned only when principals leaves one of them;
// otherwise they give nothing, since recency is no guide between a first
// name and a family name.
func (r *resolver) leadNameOf(c int, name string, full []pform) []int {
	var found []int
	for _, p := range full {
		pc := r.find(p.c)
		if pc == c || len(p.given) == 0 || p.given[0] != name || slices.Contains(found, pc) {
			continue
		}
		found = append(found, pc)
	}
	if len(found) > 1 {
		if found = r.principals(found); len(found) != 1 {
			return nil
		}
	}
	return found
}

// principals drops from the namesakes of a bare family name those the
// text names as someone's relative: a "Jr." name, or a full name written
// after a kinship noun ("his father Kim Jong Il", "first lady Melania
// Trump", "Trump's son, Donald Trump Jr.") or with one in apposition
// ("Michelle Obama, his wife"). News style names the relative in full or
// by the given name on every later reference, so the bare family name is
// the principal's ("Trump and first lady Melania Trump ... Trump said",
// "the Obama administration" after "Barack Obama and his wife, Michelle
// Obama"), whoever was named last. When every namesake is a relative, or
// none is, nothing is dropped; a lone namesake who is a relative is
// dropped too: the bare name then names someone the text does not name in
// full (the principal, known from other documents).
func (r *resolver) principals(cands []int) []int {
	if len(cands) == 0 {
		return cands
	}
	var keep []int
	for _, k := range cands {
		if !r.relative(k) {
			keep = append(keep, k)
		}
	}
	if len(keep) == 0 && len(cands) > 1 {
		return cands
	}
	return keep
}

// kinNouns are the nouns that introduce a person as someone's relative.
var kinNouns = map[string]bool{
	"wife": true, "husband": true, "spouse": true, "widow": true, "widower": true,
	"son": true, "daughter": true, "father": true, "mother": true, "brother": true,
	"sister": true, "uncle": true, "aunt": true, "nephew": true, "niece": true,
	"cousin": true, "grandson": true, "granddaughter": true, "grandfather": true,
	"grandmother": true, "stepson": true, "stepdaughter": true, "stepfather": true,
	"stepmother": true, "son-in-law": true, "daughter-in-law": true,
	"father-in-law": true, "mother-in-law": true, "brother-in-law": true,
	"sister-in-law": true, "half-brother": true, "half-sister": true, "lady": true,
}

// relative reports whether person cluster c is named as someone's
// relative: a "Jr." full name, or a full name (two words or more) with a
// kinship noun just before it in its sentence ("his wife, Michelle
// Obama", "first lady Melania Trump"; only a comma, "'s" or a possessive
// between) or just after it in apposition ("Greta Voss, the first lady").
func (r *resolver) relative(c int) bool {
	for _, i := range r.cls[c].items {
		it := &r.items[i]
		if it.mention < 0 || !strings.Contains(it.key, " ") {
			continue
		}
		if _, fam := personName(it.key); strings.HasSuffix(fam, " jr") {
			return true
		}
		// before: "father Kim Jong Il", "his wife, Michelle Obama"
		for k, n := r.tokAt(it.Start)-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
			if r.sentenceAt(int(r.toks[k].Start)) != it.sent {
				break
			}
			key := strings.ToLower(r.tok(k))
			if kinNouns[key] {
				return key != "lady" || (k > 0 && r.tkey(k-1) == "first")
			}
			if key != "," && key != "'s" && key != "’s" && key != "his" && key != "her" && key != "their" {
				break
			}
		}
		// after, in apposition: "Greta Voss, the first lady" / ", his wife"
		k := r.tokAt(it.End)
		if k < len(r.toks) && int(r.toks[k].Start) >= it.End && r.tok(k) == "," {
			for j := k + 1; j < len(r.toks) && j <= k+3; j++ {
				if r.sentenceAt(int(r.toks[j].Start)) != it.sent {
					break
				}
				key := strings.ToLower(r.tok(j))
				if kinNouns[key] {
					return key != "lady" || r.tkey(j-1) == "first"
				}
				switch key {
				case "the", "his", "her", "their", "first":
					continue
				}
				break
			}
		}
	}
	return false
}

// namedApart reports whether bare family name c reads as another person
// than full name p although they share the family name: somewhere the
// family name alone comes before the full name in one sentence ("Trump
// and first lady Melania Trump", "President Trump and Melania Trump, the
// first lady"). Nobody writes one person's family name and then the full
// name in a sentence; across sentences it happens (a headline's
// "President Obama" before the body's "President Barack Obama").
func (r *resolver) namedApart(c, p int) bool {
	for _, i := range r.cls[c].items {
		a := &r.items[i]
		if a.mention < 0 {
			continue
		}
		for _, j := range r.cls[p].items {
			if b := &r.items[j]; b.mention >= 0 && b.sent == a.sent && a.Start < b.Start {
				return true
			}
		}
	}
	return false
}

// suffixNames joins a person name of two words or more to a longer one
// that ends with it ("Ortiz Mena" -> "Rafael Ortiz Mena") when only one
// such longer name is in the text.
func (r *resolver) suffixNames() {
	var keys []int
	for c := range r.cls {
		if r.find(c) == c && r.anyPER(c) && r.cls[c].kb == nil && r.cls[c].agent == nil {
			keys = append(keys, c)
		}
	}
	for _, c := range keys {
		short := r.keyWords(r.longestKey(c))
		if len(short) < 2 {
			continue
		}
		found := -1
		for _, o := range keys {
			if r.find(o) == r.find(c) {
				continue
			}
			// words have no spaces: equal joined, equal word by word
			long := r.keyWords(r.longestKey(o))
			if len(long) <= len(short) || !slices.Equal(long[len(long)-len(short):], short) {
				continue
			}
			if found >= 0 && r.find(found) != r.find(o) {
				found = -2
				break
			}
			found = o
		}
		if found >= 0 {
			r.union(found, c)
		}
	}
}

// weakFull returns the clusters, other than c, whose name could be a
// person's full name ending in family although the recogniser did not
// type it as a person ("Jamal Williams" tagged ORG): two or more
// capitalised words, no organisation word, not in the knowledge base.
func (r *resolver) weakFull(c int, family string) []int {
	var out []int
	for o := range r.cls {
		if r.find(o) != o || o == c || len(r.cls[o].items) == 0 || r.cls[o].kb != nil || r.cls[o].agent != nil || r.cls[o].typ == "LOC" {
			continue
		}
		key := r.longestKey(o)
		g, f := personName(key)
		if len(g) == 0 || !sameFamily(f, family) {
			continue
		}
		ok := true
		for _, i := range r.cls[o].items {
			it := &r.items[i]
			if it.mention < 0 || it.demonym {
				continue
			}
			for w := range strings.FieldsSeq(stripParticle(it.surface)) {
				ok = ok && text2Name(stripParticle(w))
			}
			ok = ok && !hasOrgWordIn(it.surface)
		}
		if ok {
			out = append(out, o)
		}
	}
	return out
}

// shortGeneric are words that do not identify an organisation alone.
var shortGeneric = map[string]bool{
	"state": true, "city": true, "county": true, "center": true, "centre": true, "house": true,
	"office": true, "club": true, "team": true, "union": true, "national": true, "international": true,
	"united": true, "new": true, "north": true, "south": true, "east": true, "west": true,
}

// orgShortForms links short forms of organisation and place names: the
// last word alone ("Chargers" -> "San Diego Chargers") and the name
// without a leading country ("Surgeon General" -> "US Surgeon General"),
// when only one longer name in the text fits.
func (r *resolver) orgShortForms() {
	var roots []int
	for c := range r.cls {
		if r.find(c) == c && len(r.cls[c].items) > 0 && r.cls[c].kb == nil && r.cls[c].agent == nil && r.cls[c].typ != "PER" {
			roots = append(roots, c)
		}
	}
	for _, c := range roots {
		if r.find(c) != c || len(r.cls[c].learned) > 0 {
			continue
		}
		short := r.keyWords(r.longestKey(c))
		if len(short) == 0 {
			continue
		}
		if len(short) == 1 {
			w := short[0]
			if _, _, head := orgHead(w); head || shortGeneric[w] || r.k.demonym(w) != nil {
				continue
			}
			for _, i := range r.cls[c].items {
				if s := r.items[i].surface; isAcronym(s) && len(s) <= 4 {
					short = nil // "UN", "EU": acronyms are learned, not cut
				}
			}
			if short == nil {
				continue
			}
		}
		found := -1
		for _, o := range roots {
			if r.find(o) != o || o == c {
				continue
			}
			long := r.keyWords(r.longestKey(o))
			if !r.shortens(short, long) {
				continue
			}
			if found >= 0 {
				found = -2
				break
			}
			found = o
		}
		if found >= 0 {
			r.union(found, c)
		}
	}
}

// shortens reports whether name words short are the last word of long,
// or long without a leading country or demonym.
func (r *resolver) shortens(short, long []string) bool {
	if len(long) <= len(short) {
		return false
	}
	if len(short) == 1 {
		return long[len(long)-1] == short[0]
	}
	if !slices.Equal(long[len(long)-len(short):], short) {
		return false
	}
	head := strings.Join(long[:len(long)-len(short)], " ")
	e := r.k.lookup(head)
	return e != nil && e.Section == "countries" || r.k.demonym(head) != nil
}
