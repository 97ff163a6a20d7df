package entity

import (
	"sort"
	"strings"
	"time"
)

// DictSource marks roles taken from the actor dictionary (Role.Source).
const DictSource = "phoenix"

// maxDictRoles bounds the dictionary roles given to one person.
const maxDictRoles = 8

// dictMatch finds the dictionary entry of a local: the entry that its name
// and aliases name, if they name only one. People match only entries of
// people (or of unknown kind) by names of two words or more; organisations
// match entries of organisations (or of unknown kind).
func dictMatch(d *dictionary, l *Local) *dictEntry {
	person := l.Kind == KindPerson
	var found *dictEntry
	for _, n := range append([]string{l.Name}, l.Aliases...) {
		k := Key(n)
		if person && !strings.Contains(k, " ") {
			continue
		}
		e := d.lookup(k)
		if e == nil || person && e.Kind == 'O' || !person && e.Kind == 'P' {
			continue
		}
		if found != nil && found != e {
			return nil // two actors: no guess
		}
		found = e
	}
	return found
}

// applyDict sets a local's code, type, country and dated roles from the
// actor dictionary, the code being the one valid at the publication date. The knowledge base keeps precedence: locals it knows
// are left alone, as are places and demonyms. A person whose roles in the
// text name a country the dictionary never gives them is a namesake and
// is left alone too.
func applyDict(l *Local, published time.Time) { applyDictFrom(dict(), l, published) }

// applyDictFrom is applyDict with dictionary d.
func applyDictFrom(d *dictionary, l *Local, published time.Time) {
	if l.KB != "" || l.Demonym || l.Kind == KindLocation || l.Type == "LOC" {
		return
	}
	if l.Kind != KindPerson && l.Type != "ORG" && l.Type != "MISC" {
		return
	}
	e := dictMatch(d, l)
	if e == nil {
		return
	}
	k := kb()
	if l.Country != "" && !e.hasCountry(l.Country) {
		return
	}
	l.Dict = e.Key
	// a code valid at the publication date beats the text's; a default
	// or a guess for an undated text does not
	code, inRange := e.codeAt(published)
	ok := code != "" && (inRange || l.Code == "")
	if ok {
		l.Code = code
		if c := countryOfCode(k, code); c != "" {
			l.Country = c
		}
	} else if l.Country == "" {
		l.Country = countryOfCode(k, e.Codes[0].Code)
	}
	if l.Kind == KindPerson {
		l.Roles = append(l.Roles, e.roles(k)...)
		return
	}
	l.Kind = kindOfCode(e.Codes[0].Code, e.File)
	if ok {
		l.Kind = kindOfCode(code, e.File)
	}
}

// hasCountry reports whether one of the entry's codes starts with country
// code c.
func (e *dictEntry) hasCountry(c string) bool {
	for _, x := range e.Codes {
		if strings.HasPrefix(x.Code, c) {
			return true
		}
	}
	return false
}

// roles turns the entry's dated codes into roles with their validity,
// the most recent first.
func (e *dictEntry) roles(k *knowledge) []Role {
	var out []Role
	for _, c := range e.Codes {
		if !c.Dated {
			continue
		}
		out = append(out, Role{Title: codeLabel(k, c.Code), Country: countryOfCode(k, c.Code),
			Agent: agentOfCode(c.Code), Code: c.Code, From: c.From, Until: c.Until, Source: DictSource, Sentence: -1})
	}
	sort.SliceStable(out, func(i, j int) bool { return later(out[i].Until, out[j].Until) })
	if len(out) > maxDictRoles {
		out = out[:maxDictRoles]
	}
	return out
}

// countryOfCode returns the country a code starts with, or "".
func countryOfCode(k *knowledge, code string) string {
	if len(code) < 3 {
		return ""
	}
	if e := k.byCode[code[:3]]; e != nil {
		return e.Code
	}
	return ""
}

// kindOfCode derives an organisation's type from its code's blocks and the
// dictionary file it came from.
func kindOfCode(code string, file byte) Kind {
	blocks := map[string]bool{}
	for i := 0; i+3 <= len(code); i += 3 {
		blocks[code[i:i+3]] = true
	}
	switch {
	case blocks["IGO"]:
		return KindIGO
	case blocks["REB"] || blocks["IMG"] || blocks["INS"] || blocks["SEP"] || blocks["UAF"]:
		return KindArmedGroup
	case blocks["MIL"] || blocks["COP"]:
		return KindMilitary
	case blocks["GOV"] || blocks["LEG"] || blocks["JUD"] || blocks["SPY"]:
		return KindGovernment
	case blocks["MED"]:
		return KindMedia
	case blocks["MNC"] || blocks["BUS"]:
		return KindBusiness
	case blocks["NGO"] || blocks["NGM"]:
		return KindNGO
	case file == 'M':
		return KindArmedGroup
	}
	return KindOther
}

// blockLabels name the agent and sector blocks of CAMEO-style codes.
var blockLabels = map[string]string{
	"GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
	"SPY": "intelligence", "COP": "police", "ELI": "elite", "OPP": "opposition",
	"BUS": "business", "MED": "media", "REB": "rebel", "EDU": "education", "HLH": "health",
	"AGR": "agriculture", "DEV": "development", "HRI": "human rights", "ENV": "environment",
	"LAB": "labour", "REF": "refugees", "CVL": "civilian", "IGO": "intergovernmental organisation",
	"UNO": "United Nations", "NGO": "non-governmental organisation", "MNC": "multinational",
	"IMG": "militarised group", "INS": "insurgent", "SEP": "separatist", "PTY": "party",
	"CRM": "criminal", "RAD": "radical", "MOD": "moderate", "REL": "religious", "IAE": "IAEA",
	"WHO": "WHO", "WBK": "World Bank", "IMF": "IMF", "EUR": "Europe", "NAT": "NATO",
}

// codeLabel describes a code in words ("USAGOVMIL" -> "government,
// military"); the code itself when no block is known.
func codeLabel(k *knowledge, code string) string {
	var w []string
	for i := 0; i+3 <= len(code); i += 3 {
		b := code[i : i+3]
		if i == 0 && k.byCode[b] != nil {
			continue
		}
		if l := blockLabels[b]; l != "" {
			w = append(w, l)
		}
	}
	if len(w) == 0 {
		return code
	}
	return strings.Join(w, ", ")
}
