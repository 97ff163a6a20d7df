package geo

import (
	"slices"
	"strings"
)

// A mention the gazetteer does not know whole is often a facility, a street
// or a part of a place it does know, named after that place: "Colchester
// General Hospital", "Old Town Manassas", "Bank of Japan", "University of
// Alberta", "Guma Local Government Area". partLookup finds that place: the
// name after the last "of", the longest leading words before a facility
// word, or the longest trailing words after a descriptive one. It does not
// cut one hyphenated or single word ("al-Shurah" stays unknown), and it
// keeps only settlements and administrative areas that are well attested
// (partKeep), so a street named after a namesake hamlet stays unresolved.
func (g *Gazetteer) partLookup(k string) ([]int32, string) {
	ws := strings.Fields(k)
	if len(ws) < 2 {
		return nil, ""
	}
	// "Bank of Japan", "Embassy of the Republic of Armenia"
	if i := strings.LastIndex(k, " of "); i > 0 {
		head := strings.Fields(k[:i])
		if (facilityHead[head[len(head)-1]] || facilityHead[head[0]]) && !slices.ContainsFunc(head, abroad) {
			if p := g.partKeep(g.lookupKey(k[i+4:]), k[i+4:]); p != nil {
				return p, k[i+4:]
			}
		}
	}
	// "Colchester General Hospital", "Liverpool Academy", "Iowa House"
	if facilityTail[ws[len(ws)-1]] {
		for n := len(ws) - 1; n >= 1; n-- {
			if n == 1 && (facilityTail[ws[0]] || partLead[ws[0]] || directionWord[ws[0]]) {
				continue
			}
			pk := strings.Join(ws[:n], " ")
			if p := g.partKeep(g.postings(pk), pk); p != nil {
				return p, pk
			}
		}
	}
	// "Old Town Manassas", "Lake Manassas", "British Embassy Tokyo"
	for n := 1; n < len(ws); n++ {
		if !partLead[ws[n-1]] && !facilityTail[ws[n-1]] {
			continue
		}
		pk := strings.Join(ws[n:], " ")
		if n == len(ws)-1 && (directionWord[pk] || nonPlaceWord[pk]) {
			continue // "High Street" is not Street, Somerset
		}
		if p := g.partKeep(g.postings(pk), pk); p != nil {
			return p, pk
		}
	}
	// "US Federal Reserve", "European Commission", "Manitoba Chambers of
	// Commerce": an organisation named with its nation's (or continent's,
	// or region's) name or adjective stands for that nation
	return g.nationOf(ws)
}

// nationOf is the country, continent or admin-1 region whose name or
// adjective opens an organisation's name (ws: its key's words, the last
// one, or the last before "of", an organisation word): "US Federal
// Reserve" → the US, "European Central Bank" → Europe, "Russian Foreign
// Ministry" → Russia, "Manitoba Chambers of Commerce" → Manitoba. A
// country counts by any of its names ("US"), a continent or region only by
// its main name or adjective; "Obama administration" finds nothing (Obama,
// Japan, is a town).
func (g *Gazetteer) nationOf(ws []string) ([]int32, string) {
	last := len(ws) - 1
	if i := slices.Index(ws, "of"); i > 1 {
		last = i - 1
	}
	if !orgTail[ws[last]] {
		return nil, ""
	}
	for n := min(2, last); n >= 1; n-- {
		pk := strings.Join(ws[:n], " ")
		var out []int32
		for _, r := range g.postings(pk) {
			switch g.fcodes[g.fcode[r]] {
			case "PCLI":
			case "CONT", "ADM1":
				if !keyIs(g.names[r], pk) && !g.demonymKey(pk) {
					continue
				}
			default:
				continue
			}
			out = append(out, r)
		}
		if out != nil {
			return out, pk
		}
	}
	return nil, ""
}

// orgTail are the last words of an organisation's name (before "of", if
// any) that nationOf reads as standing for the nation named before them.
// Embassies, consulates and schools ("British International School") are
// left out: they mostly stand abroad.
var orgTail = map[string]bool{
	"commission": true, "bank": true, "reserve": true, "ministry": true, "council": true,
	"agency": true, "department": true, "government": true,
	"parliament": true, "army": true, "navy": true, "police": true, "court": true,
	"chamber": true, "chambers": true, "authority": true, "office": true, "institute": true,
	"university": true, "congress": true, "senate": true,
	"assembly": true, "cabinet": true, "committee": true, "service": true, "forces": true,
	"guard": true, "military": true, "treasury": true, "administration": true,
	"foundation": true, "society": true, "association": true, "federation": true,
}

// partKeep keeps, among the records rs found for the part key pk, the
// ones named so and the settlements and administrative areas among rs that a
// facility is plausibly named after: countries, continents, regions, counties, and
// towns of 1,000 people or more.
func (g *Gazetteer) partKeep(rs []int32, pk string) []int32 {
	var out []int32
	for _, r := range rs {
		// by its main name: an alternate name ("Central" for Davao) does
		// not count
		if !withKey(g.names[r], func(n string) bool {
			return n == pk || len(pk) > len(n) && pk[len(pk)-len(n)-1] == ' ' && strings.HasSuffix(pk, n)
		}) {
			continue
		}
		fc := g.fcodes[g.fcode[r]]
		switch {
		case fc == "PCLI" || fc == "CONT" || fc == "ADM1" || fc == "ADM2" || fc == "PPLC" || fc == "PPLA" || fc == "PPLA2":
		case strings.HasPrefix(fc, "PPL") && g.pop[r] >= 1000:
		default:
			continue
		}
		out = append(out, r)
	}
	return out
}

// facilityHead are the words of an organisation or facility named "X of
// Place" ("Bank of Japan", "University of Alberta").
var facilityHead = map[string]bool{
	"bank": true, "university": true, "port": true,
	"college": true, "council": true, "parliament": true, "government": true, "ministry": true,
	"governor": true, "mayor": true, "city": true, "town": true, "village": true, "county": true,
	"province": true, "state": true, "district": true, "diocese": true, "archdiocese": true,
	"outskirts": true, "suburbs": true,
	"centre": true, "center": true, "museum": true, "hospital": true, "institute": true,
}

// facilityTail are the trailing words of a facility or organisation named
// after the place it is in.
var facilityTail = map[string]bool{
	"hospital": true, "general": true, "infirmary": true, "clinic": true, "school": true, "high": true,
	"elementary": true, "middle": true, "primary": true, "secondary": true, "academy": true,
	"college": true, "university": true, "campus": true,
	"market":  true,
	"complex": true, "mall": true, "centre": true, "center": true, "village": true, "town": true,
	"hall": true, "house": true, "stadium": true, "arena": true, "airport": true, "station": true,
	"terminal": true, "port": true, "harbour": true, "harbor": true, "prison": true,
	"jail": true, "courthouse": true, "library": true, "museum": true, "zoo": true,
	"police": true, "department": true, "council": true, "county": true, "city": true,
	"municipality": true, "area": true, "lga": true, "local": true, "government": true,
	"district": true, "region": true, "province": true, "state": true, "reception": true,
	"animal": true, "cathedral": true, "church": true, "mosque": true, "temple": true,
}

// partLead are the leading words that name a part of, or a thing in, the
// place after them ("Old Town Manassas", "Lake Manassas", "downtown Cairo").
var partLead = map[string]bool{
	"old": true, "town": true, "lake": true, "downtown": true, "uptown": true,
	"barangay": true, "suburban": true, "rural": true, "outer": true, "inner": true,
	"embassy": true, "consulate": true, "college": true, "greater": true,
	"metropolitan": true, "historic": true,
}

// directionWord are words that are never the place a facility is named
// after on their own ("Central Mental Hospital").
var directionWord = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "upper": true, "lower": true, "new": true,
	"national": true, "royal": true, "general": true, "international": true,
}

// abroad reports words of a facility that stands in another country than
// the one it is "of" ("Embassy of the Republic of Armenia" is in Rome).
func abroad(w string) bool { return w == "embassy" || w == "consulate" || w == "mission" }
