package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Famous non-places decided from the document's own text. A one-word name
// the gazetteer knows only as a small town is, in news text, far more
// often a person ("Nixon" after "President Richard Nixon", "Rubio" after
// "Marco Rubio"), an acronym ("NATO", "UN"), a title ("Sens. Cruz and
// Rubio") or a newspaper ("the Post"). The recogniser types such names
// LOC now and then, and one sense per document then spreads that type to
// every mention; the resolver, which sees the whole text, drops the small
// towns of such a name (a country, region or city of 100,000 or more
// keeps its place), unless the document writes the town with its state
// ("Nixon, Texas").

// smallTown reports whether record r is a populated place that is neither
// a capital nor an admin-1 seat, has under 100,000 people and is not one
// of the sourced landmarks: the kind of place a namesake is.
func (g *Gazetteer) smallTown(r int32) bool {
	fc := g.fcodes[g.fcode[r]]
	if !strings.HasPrefix(fc, "PPL") || fc == "PPLC" || fc == "PPLA" || g.pop[r] >= loneTownPop {
		return false
	}
	return g.sourceOf(r) == ""
}

// acronymTown reports whether r is a town an acronym does not mean: a
// populated place other than a capital, of under 100,000 people, admin
// seats included (a seat of 24,000 is no likelier meant by three capitals
// than a village), and not a sourced landmark.
func (g *Gazetteer) acronymTown(r int32) bool {
	fc := g.fcodes[g.fcode[r]]
	return strings.HasPrefix(fc, "PPL") && fc != "PPLC" && g.pop[r] < loneTownPop && g.sourceOf(r) == ""
}

// notPlaceName reports whether the name written as text, in the document
// doc, names something other than a small town: a person of the document,
// an acronym, a title or a newspaper.
func (g *Gazetteer) notPlaceName(d Doc, text string) bool {
	doc := d.Text
	name := trimPossessiveS(strings.TrimSpace(text))
	if name == "" || strings.ContainsAny(name, " \t\n") {
		return false
	}
	k := Key(name)
	if abbrevTitle[k] && strings.Contains(doc, name+".") {
		return true // "Sens. Cruz and Rubio", "Gen. Mattis"
	}
	if nonPlaceWord[k] || acronym(name) {
		return true
	}
	if newspaperWord[k] && (strings.Contains(doc, "the "+name) || strings.Contains(doc, "The "+name)) {
		return true // "told the Post", "The Times reported"
	}
	if departmentUse(doc, name) {
		return true
	}
	return personUse(doc, name, d.Persons)
}

// personUse reports whether the document uses name as a person's family
// name: one of the people the recogniser found named in full (persons,
// "Richard Nixon"), or the name right after a title in the text ("Mr.
// Nixon", "President Obama", "Sen. Cruz"). (A capitalised word before the
// name was tried as a given name and dropped: "Historic Dublin", "Rodeo
// Gainesville" and "StandUp DeKalb" are places of local news.)
func personUse(doc, name string, persons []string) bool {
	k := Key(name)
	for _, p := range persons {
		if keyIs(p, k) {
			return true
		}
	}
	for off := 0; ; {
		i := strings.Index(doc[off:], name)
		if i < 0 {
			return false
		}
		at := off + i
		off = at + len(name)
		if !wordBoundary(doc, at, off) {
			continue
		}
		w, _ := prevWord(doc, at)
		if personTitle[strings.ToLower(strings.TrimSuffix(w, "."))] && !capitalNext(doc[off:]) {
			return true // "Gov. Nixon", not "President Kennedy Airport"
		}
	}
}

// languageUse reports whether the document writes name as a language
// ("English-language ads", "English-speaking voters"), which a small town
// so named (English, Indiana) is not.
func languageUse(doc, name string) bool {
	for _, w := range [...]string{"-language", "-speaking", "-speaker", "-dominant"} {
		if strings.Contains(doc, name+w) {
			return true
		}
	}
	return false
}

// departmentUse reports whether the document names a government
// department after name ("the Justice Department", "Department of
// Justice"): the name alone is then the department ("Justice granted
// immunity"), not a small town (Justice, Illinois). A town's own
// departments are named otherwise ("the Mansfield Police Department",
// "the Grovetown Department of Public Safety"), and a country's name
// before a department ("U.S. Department of Housing") is the country.
func departmentUse(doc, name string) bool {
	if strings.ToUpper(name) == name {
		return false
	}
	// Walk the few "Department" of the document rather than searching it
	// once per name pattern: this runs for every candidate name.
	const dept = "Department"
	for off := 0; ; {
		i := strings.Index(doc[off:], dept)
		if i < 0 {
			return false
		}
		at := off + i
		off = at + len(dept)
		// "Department of Justice"
		if rest := doc[off:]; strings.HasPrefix(rest, " of ") && strings.HasPrefix(rest[4:], name) {
			if e := off + 4 + len(name); wordBoundary(doc, e-len(name), e) {
				return true
			}
		}
		// "the Justice Department", not "the Justice Department of …"
		if before := doc[:at]; strings.HasSuffix(before, " ") && strings.HasSuffix(before[:at-1], name) &&
			strings.HasSuffix(before[:at-1-len(name)], "the ") &&
			!strings.HasPrefix(doc[off:], " of") && wordBoundary(doc, at, off) {
			return true
		}
	}
}

// capitalNext reports whether the text after a name goes on with a
// capitalised word (one space between them).
func capitalNext(after string) bool {
	return len(after) > 1 && after[0] == ' ' && isUpper(after[1])
}

// namedForItself reports whether r is a country, an admin-1 region, a
// capital, an admin-1 seat ("Charleston", West Virginia) or a city of
// 100,000 or more: a place the news names for itself, which a person's
// name does not take from it.
func (g *Gazetteer) namedForItself(r int32) bool {
	fc := g.fcodes[g.fcode[r]]
	return strings.HasPrefix(fc, "PCL") || fc == "ADM1" || fc == "PPLC" || fc == "PPLA" ||
		strings.HasPrefix(fc, "PPL") && g.pop[r] >= loneTownPop
}

// wordBoundary reports whether doc[at:end] is a whole word.
func wordBoundary(doc string, at, end int) bool {
	if at > 0 {
		r, _ := utf8.DecodeLastRuneInString(doc[:at])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			return false
		}
	}
	if end < len(doc) {
		r, _ := utf8.DecodeRuneInString(doc[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			return false
		}
	}
	return true
}

// prevWord returns the word right before position at (one run of spaces
// between them, no other punctuation) and where it starts; "" if none.
func prevWord(doc string, at int) (string, int) {
	j := at
	for j > 0 && doc[j-1] == ' ' {
		j--
	}
	if j == at || j == 0 || at-j > 2 {
		return "", 0
	}
	i := j
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(doc[:i])
		if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' {
			break
		}
		i -= n
	}
	return doc[i:j], i
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// acronym reports whether name is written in capitals of two to four
// letters ("NATO", "UN", "ATI"): an organisation's short name far more
// often than a small town's.
func acronym(name string) bool {
	if len(name) < 2 || len(name) > 4 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isUpper(name[i]) {
			return false
		}
	}
	return true
}

// trimPossessiveS removes a trailing "'s" or "’s".
func trimPossessiveS(s string) string {
	for _, p := range []string{"'s", "’s"} {
		if t, ok := strings.CutSuffix(s, p); ok {
			return t
		}
	}
	return s
}

// personTitle are the words that, right before a name, make it a
// person's ("Mr. Nixon", "Sen. Cruz", "Gov. Palin").
var personTitle = setOfWords(`mr mrs ms miss dr sen sens senator rep reps representative
	congressman congresswoman gov governor president secretary minister chancellor premier
	judge justice gen general lt col sgt capt cpt adm admiral mayor sheriff officer detective
	king queen prince princess pope sir lady lord rev father sister brother prof professor
	ambassador commissioner chairman chairwoman speaker leader coach candidate nominee
	uncle aunt cousin husband wife son daughter mother dad mom`)

// abbrevTitle are titles written short with a full stop that the
// recogniser sometimes takes for a place ("Sens." → Sens, France).
var abbrevTitle = setOfWords(`mr mrs ms dr sen sens rep reps gov govs gen lt col sgt capt adm rev prof`)

// nonPlaceWord are names that alone are never the small towns so named in
// news text.
var nonPlaceWord = setOfWords(`god heaven hell city church street`)

// newspaperWord are the names newspapers go by after "the" ("the Post").
var newspaperWord = setOfWords(`post times journal herald tribune globe sun star mirror telegraph
	guardian independent observer chronicle examiner inquirer gazette courier express`)

func setOfWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// dropNamesakes removes from gr the small towns and lesser divisions
// (counties: "Clinton County") its name, written as text
// in the document doc, does not mean (notPlaceName), keeping those a
// container group holds ("Nixon, Texas"). A group left with no candidate
// is not a place: it is neither resolved nor placed at the focus.
func (g *Gazetteer) dropNamesakes(gr *group, doc Doc, text string, groups []*group) {
	if len(gr.cands) == 0 || gr.part {
		return
	}
	if name := trimPossessiveS(strings.TrimSpace(text)); languageUse(doc.Text, name) {
		// "English-language ads": the language, and the people or country
		// of its adjective, never English, Indiana
		g.keepCands(gr, func(c int32) bool { return !g.smallTown(c) }, groups)
		return
	}
	if !g.notPlaceName(doc, text) {
		return
	}
	if acronym(trimPossessiveS(text)) {
		// "EU", "UK", "LA": an acronym is left to the usual choice unless
		// the gazetteer knows it only as small places ("UN" → Un, India;
		// "ATI", a chip maker, → Ati, a provincial seat in Chad): those
		// go, whatever their rank, unless written with their state
		for _, c := range gr.cands {
			if !g.acronymTown(c) {
				return
			}
		}
		k := 0
		for j, c := range gr.cands {
			for _, ci := range gr.containers {
				if g.contains(groups[ci], c) {
					gr.cands[k], gr.base[k], gr.score[k] = c, gr.base[j], gr.score[j]
					k++
					break
				}
			}
		}
		gr.cands, gr.base, gr.score = gr.cands[:k], gr.base[:k], gr.score[:k]
		if k == 0 {
			gr.best, gr.notPlace = -1, true
		} else {
			gr.best = argmax(gr.score)
		}
		return
	}
	g.keepCands(gr, func(c int32) bool {
		// a county or a river is named after the person too; a landmark
		// ("Pentagon") or an area is not a namesake
		// and only a place called so, not one found by another of its names
		// ("Carson" → Carson City)
		return (g.namedForItself(c) || g.area(c) || g.sourceOf(c) != "" && g.candidate(c).Class == ClassLandmark) &&
			keyIs(g.names[c], gr.key)
	}, groups)
}

// famousSense moves a group from a small town to the admin-1 region (or
// country) of the same country called exactly so ("Florida" from Florida,
// New York, to the state), unless the document writes the town with its
// state ("Florida, N.Y."): the votes of a document that speaks much of
// one state otherwise pull another state's name onto a village of it.
// (Across countries — "Lebanon", "Alexandria" in US local news — the town
// is as often meant: tried on the dev halves and dropped.)
func (g *Gazetteer) famousSense(gr *group, groups []*group) {
	if gr.best < 0 || gr.part || !g.smallTown(gr.cands[gr.best]) {
		return
	}
	for _, ci := range gr.containers {
		if g.contains(groups[ci], gr.cands[gr.best]) {
			return
		}
	}
	to := -1
	for j, c := range gr.cands {
		fc := g.fcodes[g.fcode[c]]
		if !keyIs(g.names[c], gr.key) || g.cc(c) != g.cc(gr.cands[gr.best]) {
			continue
		}
		switch {
		case fc == "PPLC":
			// the capital before a region of its name: "Washington"
			// is the government's city in the news
			gr.best = j
			return
		case fc == "ADM1" || strings.HasPrefix(fc, "PCL"):
			if to < 0 {
				to = j
			}
		}
	}
	if to >= 0 {
		gr.best = to
	}
}

// keepCands keeps the candidates of gr that keep reports true for, and
// those a container group holds ("English, Indiana"); a group left with no
// candidate is not a place.
func (g *Gazetteer) keepCands(gr *group, keep func(int32) bool, groups []*group) {
	k := 0
	for j, c := range gr.cands {
		ok := keep(c)
		for _, ci := range gr.containers {
			ok = ok || g.contains(groups[ci], c)
		}
		if ok {
			gr.cands[k], gr.base[k], gr.score[k] = c, gr.base[j], gr.score[j]
			k++
		}
	}
	gr.cands, gr.base, gr.score = gr.cands[:k], gr.base[:k], gr.score[:k]
	if k == 0 {
		gr.best, gr.notPlace = -1, true
	} else {
		gr.best = argmax(gr.score)
	}
}
