package analyse

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/geo"
)

// Famous non-places and metonyms. A name the gazetteer lists as a small
// town is often something else in news text: a person ("Obama", a town in
// Japan), a government department ("Justice Department", "Justice",
// Illinois), a direction ("the North"), a planet ("Earth", Texas). And a
// capital, a country or a seat of power is often the government acting
// ("Washington said", "the Kremlin denied"): such a mention keeps its
// place and also names that actor.

// weakTown reports whether a resolved place is a populated place that is
// neither a capital nor an admin seat and has under 100,000 people: the
// kind of place whose name is more often something else.
func weakTown(p geo.Place) bool {
	if p.Class != geo.ClassCity || p.Source != "" {
		return false
	}
	switch p.FeatureCode {
	case "PPLC", "PPLA":
		return false
	}
	return p.Population < 100000
}

// nonPlaceWords are names that, alone, mean a direction or a celestial
// body in news text, never the small towns named after them.
var nonPlaceWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "midwest": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "earth": true, "moon": true, "mars": true, "venus": true,
	"mercury": true, "jupiter": true, "saturn": true, "neptune": true, "pluto": true, "heaven": true,
}

// agencyAfter are the words that, right after a name, make it an office
// or a person's team ("Justice Department", "Obama administration").
var agencyAfter = map[string]bool{
	"department": true, "ministry": true, "secretary": true, "administration": true,
	"campaign": true, "committee": true, "dept": true, "minister": true, "official": true,
	"officials": true, "era": true, "doctrine": true, "presidency": true,
	// a department's people ("Justice special counsel", "Justice spokesman")
	"special": true, "counsel": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"prosecutors": true, "investigators": true, "inspector": true,
}

// notThisPlace reports whether a resolved place should rather be left
// unresolved: a weak town whose name is a direction or planet, a person of
// the same document ("Barack Obama" … "Obama"), or an office ("Justice
// Department", "Department of Justice").
func notThisPlace(s string, p geo.Place, people map[string]int) bool {
	k := geo.Key(strings.TrimPrefix(strings.TrimPrefix(p.Text, "the "), "The "))
	if nonPlaceWords[k] {
		// a direction or planet alone names a region ("the Midwest") or
		// nothing, never a town, stream or hill that bears the word
		return p.Class != geo.ClassRegion && p.Class != geo.ClassArea
	}
	if !weakTown(p) {
		return false
	}
	if people[k] >= 2 {
		return true
	}
	after := s[p.End:]
	if agencyAfter[strings.ToLower(strings.Trim(firstWord(after), ".,;:"))] {
		return true
	}
	before := strings.ToLower(strings.TrimRight(s[:p.Start], " "))
	// an exclamation ("Nice!") or, opening a sentence or quotation, a
	// common noun's partner ("'Liberty and justice for all'"): a word, not
	// the town
	if strings.HasPrefix(strings.TrimLeft(after, " "), "!") || openingWord(s[:p.Start]) && lowerPartner(after) {
		return true
	}
	for _, w := range []string{"department of", "ministry of", "secretary of", "minister of"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	// a title before the name makes it a person ("Secretary Clinton")
	if i := strings.LastIndexAny(before, " \n\t\"(“"); titles[strings.TrimSuffix(before[i+1:], ".")] {
		return true
	}
	return false
}

// lowerPartner reports whether the text after a name coordinates it with a
// lower-case word ("Liberty and justice", "Peace and prosperity"): a pair of
// common nouns, not a place.
func lowerPartner(after string) bool {
	f := strings.Fields(after[:min(len(after), 40)])
	if len(f) < 2 || f[0] != "and" && f[0] != "or" {
		return false
	}
	w := strings.Trim(f[1], ".,;:!?\"'’”")
	if len(w) <= 3 || notPartner[w] {
		return false
	}
	for _, r := range w {
		return unicode.IsLower(r)
	}
	return false
}

// openingWord reports whether a name begins its sentence or a quotation:
// the text before it ends with a full stop, an opening quote or bracket,
// or nothing.
func openingWord(before string) bool {
	b := strings.TrimRight(before, " \n\t")
	if b == "" {
		return true
	}
	for _, suf := range []string{".", "!", "?", "\"", "“", "‘", "'", "(", ":"} {
		if strings.HasSuffix(b, suf) {
			return true
		}
	}
	return false
}

// notPartner are lower-case words that follow "X and" in a list of places
// ("Winsted and all Torrington departments", "in Huntsville and in
// counties around").
var notPartner = map[string]bool{
	"other": true, "others": true, "their": true, "some": true, "many": true, "several": true,
	"surrounding": true, "nearby": true, "neighboring": true, "neighbouring": true, "parts": true,
	"areas": true, "then": true, "also": true, "elsewhere": true, "beyond": true, "around": true,
	"across": true, "from": true, "into": true, "later": true, "most": true, "both": true,
}

// titles are the words that, right before a name, make it a person's.
var titles = map[string]bool{
	"secretary": true, "president": true, "senator": true, "sen": true, "rep": true,
	"representative": true, "gov": true, "governor": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "gen": true, "general": true, "judge": true, "mayor": true, "minister": true,
	"king": true, "queen": true, "prince": true, "princess": true, "pope": true, "sir": true,
	"lord": true, "lady": true, "chancellor": true, "premier": true, "speaker": true,
	"congressman": true, "congresswoman": true, "councilman": true, "councilwoman": true,
	"sheriff": true, "coach": true, "officer": true, "sgt": true, "lt": true, "col": true, "capt": true,
}

// personWords counts, per lookup key, the document's full person names
// (two words or more, "Barack Obama") that end in it, less the times the
// same key is typed LOC: a name the document uses mostly for a person
// (two or more) is not a small town's. The recogniser's single-word PER
// tags are not counted ("Greer" is the town in a Greer story).
func personWords(s string, an *Annotation) map[string]int {
	out := map[string]int{}
	for _, m := range an.Mentions {
		switch {
		case m.Type == "PER":
			if last, n := lastField(s[m.Start:m.End]); n >= 2 {
				out[geo.Key(last)]++
			}
		case m.Type == "LOC":
			out[geo.Key(s[m.Start:m.End])]--
		}
	}
	return out
}

// actorVerbs are what a government does in news sentences; a capital,
// country or seat of power right before one is the government acting.
var actorVerbs = map[string]bool{
	"said": true, "says": true, "denied": true, "denies": true, "announced": true, "announces": true,
	"warned": true, "warns": true, "accused": true, "accuses": true, "rejected": true, "rejects": true,
	"insisted": true, "insists": true, "responded": true, "condemned": true, "condemns": true,
	"urged": true, "urges": true, "demanded": true, "demands": true, "threatened": true, "threatens": true,
	"claimed": true, "claims": true, "wants": true, "wanted": true, "refused": true, "refuses": true,
	"agreed": true, "agrees": true, "imposed": true, "imposes": true, "sanctioned": true, "expelled": true,
	"ordered": true, "orders": true, "confirmed": true, "confirms": true, "declined": true, "declared": true,
	"signed": true, "vowed": true, "vows": true, "called": true, "calls": true, "hopes": true, "believes": true,
	"has": true, "have": true, "had": true, "is": true, "was": true, "will": true, "would": true,
	"could": true, "may": true, "must": true, "should": true, "might": true, "can": true,
}

// actorOf is the ISO country whose government a place mention stands for,
// "" when it is only a place: a seat of power of the landmarks table
// ("the White House") unless after a locative preposition ("at the White
// House"), and a capital or country right before a verb of saying or
// acting ("Washington said", "Moscow denied", "Russia has").
func actorOf(s string, p geo.Place) string {
	next := strings.ToLower(strings.Trim(firstWord(s[p.End:]), ".,;:\"'"))
	if strings.HasPrefix(s[p.End:], "'s ") || strings.HasPrefix(s[p.End:], "’s ") {
		next = "has" // "Moscow's response": the government's
	}
	if p.Actor != "" {
		before := strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(s[:p.Start], " "), "the"), "The")
		if !locativeBefore(before) || actorVerbs[next] {
			return p.Actor
		}
		return ""
	}
	if !actorVerbs[next] {
		return ""
	}
	switch p.FeatureCode {
	case "PPLC", "PCLI":
		return p.Country
	}
	return ""
}

// PlaceGovernment returns the ISO country whose government a place
// mention of text stands for ("Washington said"), "" when it is only a
// place: Place.Actor as the analysis set it, else — for a place read back
// from a store, which keeps neither Actor nor Class — decided again from
// its feature code and the word after it. A landmark's seat of power ("the
// Kremlin") is not kept by a store and is not found again.
func PlaceGovernment(text string, p Place) string {
	if p.Actor != "" || p.Class != "" || p.Start < 0 || p.End > len(text) || p.Start > p.End {
		return p.Actor
	}
	var g geo.Place
	g.Start, g.End, g.FeatureCode, g.Country = p.Start, p.End, p.Feature, p.Country
	return actorOf(text, g)
}

// firstWord is the first space-separated word of s.
func firstWord(s string) string {
	for w := range strings.FieldsSeq(s[:min(len(s), 40)]) {
		return w
	}
	return ""
}

// lastField is the last of the strings.Fields of s and their count.
func lastField(s string) (string, int) {
	last, n := "", 0
	for w := range strings.FieldsSeq(s) {
		last, n = w, n+1
	}
	return last, n
}

// demonymPlace reports whether a demonym ("Iraqi", "Texan") names a
// country or an admin-1 region in the gazetteer: the gold geoparsing sets
// count such adjectives as toponyms of the place, and a reader looking at
// the map of a story about "Russian officials" expects Russia on it.
func (a *Annotator) demonymPlace(t string) bool {
	if nonPlaceWords[geo.Key(t)] {
		return false // "Western" allies are not Sri Lanka's Western Province
	}
	cs := a.lookup(t)
	if len(cs) == 0 {
		return false
	}
	switch cs[0].FeatureCode {
	case "PCLI", "ADM1", "CONT", "RGN":
		return true
	}
	return false
}

// demonymParts finds the demonyms inside a hyphenated name the recogniser
// typed MISC or as a demonym ("Syrian-Turkish border", "Russian-backed",
// "anti-Russian"): each part that is a demonym of a country or region.
func (a *Annotator) demonymParts(s string, m Mention) []Span {
	name := s[m.Start:m.End]
	if m.Type != "MISC" && !m.Demonym || !strings.Contains(name, "-") {
		return nil
	}
	var out []Span
	off := m.Start
	for _, part := range strings.Split(name, "-") {
		if t := strings.TrimSpace(part); len(t) > 2 && geo.IsDemonym(t) && a.demonymPlace(t) {
			at := off + strings.Index(part, t)
			out = append(out, Span{at, at + len(t)})
		}
		off += len(part) + 1
	}
	return out
}

// compoundRe matches a capitalised word before a hyphenated participle:
// "Russian-backed", "US-led", "London-based", "Saudi-funded".
var compoundRe = regexp.MustCompile(`\b([A-Z][A-Za-z.]*[A-Za-z])-(?:backed|led|based|funded|owned|controlled|held|run|allied|sponsored|brokered|made|born|bred)\b`)

// compoundEnds are the hyphenated participles compoundRe ends with.
var compoundEnds = [...]string{"-backed", "-led", "-based", "-funded", "-owned", "-controlled", "-held", "-run",
	"-allied", "-sponsored", "-brokered", "-made", "-born", "-bred"}

// mayHaveCompound reports whether compoundRe may match s (false: it does
// not): every match holds one of compoundEnds, and the regular
// expression, with no literal prefix to search for, steps through every
// byte of the text.
func mayHaveCompound(s string) bool {
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '-')
		if k < 0 {
			return false
		}
		rest := s[i+k:]
		for _, e := range compoundEnds {
			if strings.HasPrefix(rest, e) {
				return true
			}
		}
		i += k + 1
	}
	return false
}

// compoundMatches returns compoundRe.FindAllStringSubmatchIndex(s, -1)
// without running the expression over the whole text: every match is a
// name of [A-Za-z.] ending right before a hyphen that one of compoundEnds'
// participles follows, so the expression is run only on a window around
// each such hyphen — from the start of the run of word characters and
// dots before it (the byte before the window is then no word character,
// so \b at the window's start is what it is in s) to a byte past the
// longest participle (so \b after the participle is too) — and a window's
// match is kept only when it is that hyphen's (a later hyphen gets its own
// window). The windows start at or after the previous match's end, as the
// whole-text search does.
func compoundMatches(s string) [][]int {
	var out [][]int
	end := 0
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '-')
		if k < 0 {
			break
		}
		h := i + k
		i = h + 1
		if !hasCompoundEnd(s[h:]) {
			continue
		}
		w := h
		for w > 0 && (isASCIIWordByte(s[w-1]) || s[w-1] == '.') {
			w--
		}
		// a match cannot start at end (the byte there follows a \b after
		// a participle: no capital), and after it the window holds the
		// context
		w = max(w, end)
		loc := compoundRe.FindStringSubmatchIndex(s[w:min(len(s), h+compoundEndMax+1)])
		if loc == nil || w+loc[3] != h {
			continue
		}
		for j := range loc {
			if loc[j] >= 0 {
				loc[j] += w
			}
		}
		out = append(out, loc)
		end = loc[1]
	}
	return out
}

// hasCompoundEnd reports whether s starts with one of compoundEnds.
func hasCompoundEnd(s string) bool {
	for _, e := range compoundEnds {
		if strings.HasPrefix(s, e) {
			return true
		}
	}
	return false
}

// compoundEndMax is the length of the longest of compoundEnds.
var compoundEndMax = func() int {
	n := 0
	for _, e := range compoundEnds {
		n = max(n, len(e))
	}
	return n
}()

// compound is a place found inside a hyphenated compound.
type compound struct {
	Span
	demonym bool
}

// compoundPlaces finds the places and demonyms the recogniser left untagged
// before a hyphenated participle ("Russian-backed militias", "a US-led
// coalition"): a demonym of a country or region, or a known place. Words
// inside a mention are left to the mention's own rules.
func (a *Annotator) compoundPlaces(s string, ms []Mention) []compound {
	if !mayHaveCompound(s) {
		return nil
	}
	var out []compound
	for _, loc := range compoundMatches(s) {
		sp := Span{loc[2], loc[3]}
		covered := false
		for _, m := range ms {
			if m.Start < sp.End && sp.Start < m.End {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		t := s[sp.Start:sp.End]
		switch {
		case geo.IsDemonym(t) && a.demonymPlace(t):
			out = append(out, compound{sp, true})
		case !geo.IsDemonym(t) && a.knownPlace(t):
			out = append(out, compound{sp, false})
		}
	}
	return out
}
