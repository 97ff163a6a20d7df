package analyse

import (
	"regexp"
	"strings"

	"github.com/sitrep/sitrep/internal/geo"
)

// Recall of place names the recogniser did not type LOC: names typed as
// an organisation or a person that the gazetteer knows and the document's
// own geography supports ("Mansfield aldermen" in a story about other
// places of the same state), places named by their first words inside an
// organisation's name ("Minnesota House"), the state abbreviation after a
// town ("Gainesville, Va."), and the dateline ("MANSFIELD --").

// tentativePlace is the place a non-LOC name may be: the whole name when
// the gazetteer knows it (knownPlace), else its first one to three words
// when they name a country, an admin-1 region or a city of 100,000 people
// or more and a capitalised word follows ("Minnesota House", "Texas A&M").
// Never a name the document uses for a person (personWords). The caller
// keeps it only where the document supports it (supported).
func (a *Annotator) tentativePlace(s string, m Mention, people map[string]int) (Span, bool) {
	name := s[m.Start:m.End]
	var kb [64]byte
	if m.Demonym || people[string(geo.AppendKey(kb[:0], name))] > 0 {
		return Span{}, false // "Clinton" in a story that names Hillary Clinton
	}
	if a.knownPlace(name) || m.Type == "ORG" && a.union(name) {
		return m.Span, true
	}
	if m.Type != "ORG" && m.Type != "MISC" {
		return Span{}, false
	}
	var wb [8]string
	words := appendFields(wb[:0], name)
	for k := min(3, len(words)-1); k >= 1; k-- {
		prefix, ok := joinedPrefix(name, words[:k])
		if !ok || strings.HasSuffix(prefix, "'s") || strings.HasSuffix(prefix, "’s") {
			continue
		}
		if next := words[k]; next == "" || next[0] < 'A' || next[0] > 'Z' || directionWords[strings.ToLower(prefix)] {
			continue
		}
		if a.union(prefix) {
			return Span{m.Start, m.Start + len(prefix)}, true // "EU Transport Commissioner"
		}
		if m.Type != "ORG" {
			continue
		}
		cs := a.lookup(prefix)
		if len(cs) == 0 || !nameLike(prefix, cs[0].Name) && !countryName(prefix, cs[0]) {
			continue
		}
		c := cs[0]
		if strings.HasPrefix(c.FeatureCode, "PCL") || c.FeatureCode == "ADM1" || c.Class == geo.ClassCity && c.Population >= 100000 {
			return Span{m.Start, m.Start + len(prefix)}, true
		}
	}
	if m.Type == "ORG" {
		return a.orgSuffixPlace(s, m)
	}
	return Span{}, false
}

// orgSuffixPlace is the place an organisation's name ends with: the words
// after its last "of" ("Central Bank of Malta", "University of Alberta"),
// or its last one or two words ("Air Canada", "Environment Canada", "CBC
// Toronto") — when they name a country, an admin-1 region or a city of
// 100,000 people or more by one of its names. The caller keeps it only
// where the document supports it.
func (a *Annotator) orgSuffixPlace(s string, m Mention) (Span, bool) {
	name := strings.TrimRight(s[m.Start:m.End], ".,")
	words := strings.Fields(name)
	if len(words) < 2 {
		return Span{}, false
	}
	big := func(t string) bool {
		if geo.IsDemonym(t) {
			return false
		}
		cs := a.lookup(t)
		if len(cs) == 0 {
			return false
		}
		c := cs[0]
		switch {
		case strings.HasPrefix(c.FeatureCode, "PCL") || c.FeatureCode == "ADM1":
			return nameLike(t, c.Name) || countryName(t, c)
		case c.Class == geo.ClassCity && c.Population >= 100000:
			return nameLike(t, c.Name)
		}
		return false
	}
	if i := strings.LastIndex(name, " of "); i > 0 {
		t := strings.TrimPrefix(name[i+4:], "the ")
		if n := len(strings.Fields(t)); n >= 1 && n <= 3 && big(t) {
			at := m.Start + strings.LastIndex(name, t)
			return Span{at, at + len(t)}, true
		}
		return Span{}, false
	}
	for k := min(2, len(words)-1); k >= 1; k-- {
		t := strings.Join(words[len(words)-k:], " ")
		if !strings.HasSuffix(name, t) || t[0] < 'A' || t[0] > 'Z' {
			continue
		}
		if big(t) {
			at := m.Start + len(name) - len(t)
			return Span{at, at + len(t)}, true
		}
	}
	return Span{}, false
}

// directionWords head organisations' names ("Central Bank", "Western
// Union") without naming the region so called.
var directionWords = map[string]bool{
	"central": true, "north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "national": true, "federal": true,
}

// union reports whether name is a continent's union the gazetteer places
// on the continent ("EU", "European Union"): typed ORG it is the union's
// institutions, and still the area, as a country typed ORG is.
func (a *Annotator) union(name string) bool {
	cs := a.lookup(name)
	return len(cs) > 0 && cs[0].FeatureCode == "CONT" && !geo.SameKey(name, cs[0].Name)
}

// supported reports whether tentative place k agrees with the places the
// document names outright: a country always (typed ORG it is its
// government acting, "the US said", and still the country); for an
// admin-1 region, another place in it; for a town, another place in its
// admin-1 region, or, for a city of 100,000 or more, within 150 km.
func supported(ps []geo.Place, tentative map[int]bool, k int) bool {
	p := ps[k]
	if !p.Resolved {
		return false
	}
	if p.FeatureCode == "PCLI" || p.FeatureCode == "CONT" {
		return true // a country typed ORG is its government, and still the country
	}
	for j, q := range ps {
		if j == k || tentative[j] || !q.Resolved || q.Country != p.Country || q.Country == "XX" {
			continue
		}
		switch {
		case p.FeatureCode == "PCLI":
			return true
		case p.FeatureCode == "ADM1":
			if q.Admin1 == p.Admin1 {
				return true
			}
		case q.FeatureCode == "PCLI":
		case q.Admin1 != "" && q.Admin1 == p.Admin1:
			return true
		case !weakTown(p) && geo.DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon) <= 150:
			return true
		}
	}
	return false
}

// datelineRe matches an all-capitals dateline at the start of a text or
// line: "MANSFIELD --", "SOUTH CHARLESTON, W.Va. --", "DANIELSVILLE - ".
var datelineRe = regexp.MustCompile(`(?m)^\s*([A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+){0,2})(?:,| --| -| —|—|\s*\()`)

// placeOfRe matches the capitalised name after "city of", "town of",
// "village of" or "province of" (one to three words).
var placeOfRe = regexp.MustCompile(`\b(?:[Cc]ity|[Tt]own|[Vv]illage|[Pp]rovince|[Gg]overnorate|[Ii]sland) of ((?:[A-Z][\p{L}'-]+)(?: [A-Z][\p{L}'-]+){0,2})`)

// placeOfWords are the ends of placeOfRe's words with the " of " every
// match holds: a text with none of them has no match, and the regular
// expression, which has no literal prefix to search for and so steps
// through every byte of the text (a tenth of the analysis of a news
// article), is not run on it.
var placeOfWords = [...]string{"ity of ", "own of ", "illage of ", "rovince of ", "overnorate of ", "sland of "}

// mayHavePlaceOf reports whether placeOfRe may match s (false: it does not).
func mayHavePlaceOf(s string) bool {
	for _, w := range placeOfWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// datelineMax is the furthest byte offset a dateline's name may start at.
const datelineMax = 2000

// mayHaveDateline reports whether datelineRe may find a name starting at
// or before datelineMax (false: it finds none). Every such name is the
// first non-blank text after a line start and begins with two of its
// characters, [A-Z][A-Z'.]: a text with no such line before datelineMax
// (most articles) is not run through the regular expression, which tries
// every byte of the text for a match.
func mayHaveDateline(s string) bool {
	for i := 0; i <= datelineMax && i < len(s); {
		// i is a line start; blanks, newlines included, may precede the name
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f') {
			j++
		}
		if j > datelineMax {
			return false
		}
		if j+1 < len(s) && s[j] >= 'A' && s[j] <= 'Z' && (s[j+1] >= 'A' && s[j+1] <= 'Z' || s[j+1] == '\'' || s[j+1] == '.') {
			return true
		}
		k := strings.IndexByte(s[j:], '\n')
		if k < 0 {
			return false
		}
		i = j + k + 1
	}
	return false
}

// placeOfAt is placeOfRe anchored at the start of its input, without the
// leading \b (placeOfMatches checks the byte before).
var placeOfAt = regexp.MustCompile(`^(?:[Cc]ity|[Tt]own|[Vv]illage|[Pp]rovince|[Gg]overnorate|[Ii]sland) of ((?:[A-Z][\p{L}'-]+)(?: [A-Z][\p{L}'-]+){0,2})`)

// placeOfMatches returns what placeOfRe.FindAllStringSubmatchIndex(s, -1)
// returns, trying the expression only where a match can start: at the
// head word before each " of " (placeOfWords), in order, after the end of
// the previous match. The whole-text search steps through every byte of
// the text, a tenth of the place stage in articles that say "city of".
func placeOfMatches(s string) [][]int {
	if !mayHavePlaceOf(s) {
		return nil
	}
	var out [][]int
	end := 0 // matches do not overlap: the next starts at or after end
	for i := 0; ; {
		k := strings.Index(s[i:], " of ")
		if k < 0 {
			return out
		}
		k += i
		i = k + 1
		p := -1
		for _, w := range placeOfHeads {
			if strings.HasSuffix(s[:k], w) {
				p = k - len(w)
				break
			}
		}
		// \b before the head word: its first letter is a word character,
		// so the byte before must not be one (RE2's \b is ASCII)
		if p < end || p > 0 && isASCIIWordByte(s[p-1]) {
			continue
		}
		loc := placeOfAt.FindStringSubmatchIndex(s[p:])
		if loc == nil {
			continue
		}
		for j := range loc {
			if loc[j] >= 0 {
				loc[j] += p
			}
		}
		out = append(out, loc)
		end = loc[1]
	}
}

// placeOfHeads are placeOfRe's head words.
var placeOfHeads = [...]string{"City", "city", "Town", "town", "Village", "village", "Province", "province",
	"Governorate", "governorate", "Island", "island"}

func isASCIIWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// stateAfterRe matches ", Va." / ", Ga." / ", Texas" right after a place.
var stateAfterRe = regexp.MustCompile(`^, ?([A-Z][a-z]{0,4}\.(?: ?[A-Z][a-z]?\.)?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)`)

// placesAround finds place names next to the places already found that no
// mention covers: the region after a town ("Gainesville, Va.") and the
// dateline's town.
func (a *Annotator) placesAround(s string, found []geo.Mention, ms []Mention) []Span {
	covered := func(sp Span) bool {
		for _, m := range found {
			if m.Start < sp.End && sp.Start < m.End {
				return true
			}
		}
		return false
	}
	var out []Span
	for _, m := range found {
		loc := stateAfterRe.FindStringSubmatchIndex(s[m.End:])
		if loc == nil {
			continue
		}
		sp := Span{m.End + loc[2], m.End + loc[3]}
		if covered(sp) {
			continue
		}
		cs := a.lookup(s[sp.Start:sp.End])
		if len(cs) > 0 && (cs[0].FeatureCode == "ADM1" || strings.HasPrefix(cs[0].FeatureCode, "PCL")) {
			out = append(out, sp)
		}
	}
	// "the city of Douma", "the village of Bartella": the words say it is a
	// place, so any sense the gazetteer knows will do
	for _, loc := range placeOfMatches(s) {
		sp := Span{loc[2], loc[3]}
		if !covered(sp) && len(a.lookup(s[sp.Start:sp.End])) > 0 {
			out = append(out, sp)
		}
	}
	var datelines [][]int
	if mayHaveDateline(s) {
		datelines = datelineRe.FindAllStringSubmatchIndex(s, 3)
	}
	for _, loc := range datelines {
		sp := Span{loc[2], loc[3]}
		if covered(sp) || loc[2] > datelineMax {
			continue
		}
		if a.knownPlace(s[sp.Start:sp.End]) {
			out = append(out, sp)
		}
	}
	return out
}

// physicalPlace reports whether a name the recogniser typed otherwise is a
// physical feature or landmark that says what it is ("Tigris River",
// "Lake Victoria", "Mount Kilimanjaro"): the gazetteer's likeliest sense is
// water or a landform, or a landmark of the landmarks table, and the name
// holds a generic word, or is the feature's own name and no town or
// region bears it ("Cauvery").
func (a *Annotator) physicalPlace(name string) bool {
	cs := a.lookup(name)
	if len(cs) == 0 {
		return false
	}
	c := cs[0]
	switch c.Class {
	case geo.ClassWater, geo.ClassLandform:
		var kb [64]byte
		k := keyIn(kb[:0], name)
		if geo.HasGenericWord(k) {
			return true
		}
		// a feature's own name that nothing else bears ("Cauvery")
		for _, o := range cs {
			if o.Class != geo.ClassWater && o.Class != geo.ClassLandform {
				return false
			}
		}
		return len(k) >= 5 && geo.KeyIs(c.Name, k)
	case geo.ClassLandmark:
		return c.Source != "" && geo.SameKey(name, c.Name)
	}
	return false
}

// physicalPrefix is the physical feature an organisation or event is
// named after ("Cauvery Management Board", "Mekong River Commission"):
// its first one to three words when physicalPlace holds for them.
func (a *Annotator) physicalPrefix(s string, m Mention) (Span, bool) {
	if m.Type != "ORG" && m.Type != "MISC" || m.Demonym {
		return Span{}, false
	}
	name := s[m.Start:m.End]
	var wb [8]string
	words := appendFields(wb[:0], name)
	for k := min(3, len(words)-1); k >= 1; k-- {
		if prefix, ok := joinedPrefix(name, words[:k]); ok && a.physicalPlace(prefix) {
			return Span{m.Start, m.Start + len(prefix)}, true
		}
	}
	return Span{}, false
}

// datelineAfterRe matches what follows a wire dateline's place name: an
// optional state or country after a comma, an optional agency in brackets,
// then a dash ("CLEVELAND - ", "Cleveland (AFP) – ", "DOVER, Del. — ");
// datelineAgencyRe the same with the agency, which a name not written in
// capitals needs ("Hewlett - Packard" is no dateline).
var (
	datelineAfterRe  = regexp.MustCompile(`^(?:, ?[A-Z][\p{L}.]*(?: [A-Z][\p{L}.]*)?)?\s*(?:\([A-Za-z ]{2,16}\)\s*)?(?:--|—|–|-)\s`)
	datelineAgencyRe = regexp.MustCompile(`^(?:, ?[A-Z][\p{L}.]*(?: [A-Z][\p{L}.]*)?)?\s*\([A-Za-z ]{2,16}\)\s*(?:--|—|–|-)\s`)
)

// atDateline reports whether the name at sp opens a line near the top of
// the text as a dateline: the place the report was filed from, which
// needs no other place of the document to speak for it.
func atDateline(s string, sp Span) bool {
	if sp.Start > datelineMax || sp.End > len(s) {
		return false
	}
	line := strings.LastIndexByte(s[:sp.Start], '\n') + 1
	if strings.TrimSpace(s[line:sp.Start]) != "" {
		return false
	}
	if strings.ToUpper(s[sp.Start:sp.End]) != s[sp.Start:sp.End] {
		return datelineAgencyRe.MatchString(s[sp.End:])
	}
	return datelineAfterRe.MatchString(s[sp.End:])
}
