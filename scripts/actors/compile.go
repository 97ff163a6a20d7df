package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/entity"
)

// Entry kinds in the compiled file.
const (
	kindPerson  = "P"
	kindOrg     = "O"
	kindUnknown = "?"
)

// compiled is one entry of the output file.
type compiled struct {
	Kind  string
	File  string
	Codes []code
	Names []string // name keys, the entry's own name first
}

// titleWords are words before a person's name that are a title or a
// nationality, not part of the name ("U.S. President Jimmy Carter").
var titleWords = set(`us usa u s american un former president pres vice prime minister secretary
	sec general gen defense defence foreign state senator sen governor gov ambassador king queen
	prince princess mr mrs ms dr col colonel lt major maj admiral adm rep representative chief
	leader chairman director cia fbi attorney judge justice mayor premier chancellor speaker
	spokesman commander sir lord british uk deputy interior finance first lady elect of the`)

// orgWords mark a name as an organisation's.
var orgWords = set(`ministry ministries department army forces force navy party council organization
	organisation agency union front movement brigade brigades committee commission association bank
	company corporation group university institute court parliament assembly government police guard
	guards league federation fund program programme office service services network news times radio
	television tv press church foundation alliance coalition corps command mission secretariat senate
	congress cabinet administration authority board bureau center centre society club trust inc ltd
	corp airlines nations republic faction cell cells nuclei squad battalion regiment division militia
	militias rebels insurgents organizations fighters jihad mujahideen liberation resistance nucleus
	committees unit units kingdom emirate caliphate state states junta council regime troops soldiers
	embassy consulate school college hospital`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// orgAgents are first agent blocks that name an organisation, not a
// person, when a single word carries them.
var orgAgents = set(`IGO NGO MNC BUS MED REB IMG INS SEP UAF NGM PTY`)

var paren = regexp.MustCompile(`\(([^()]*)\)`)

// nameKeys turns a dictionary name into keys: the name without its
// parenthetical, and the parenthetical ("ISLAMIC_ARMY_OF_ADEN_(IAA)_").
func nameKeys(s string) []string {
	s = strings.ReplaceAll(s, "_", " ")
	var out []string
	for _, m := range paren.FindAllStringSubmatch(s, -1) {
		if k := entity.Key(m[1]); k != "" {
			out = append(out, k)
		}
	}
	s = paren.ReplaceAllString(s, " ")
	if k := entity.Key(s); k != "" {
		out = append([]string{k}, out...)
	}
	return out
}

// classify guesses whether an entry is a person or an organisation from
// its own name (synonyms add titles: "President of the United States ..."),
// its codes, its comment and its file.
func classify(e *rawEntry, keys []string) string {
	if len(keys) > 0 {
		for _, w := range strings.Fields(keys[0]) {
			if orgWords[w] {
				return kindOrg
			}
		}
	}
	dated := false
	for _, c := range e.Codes {
		if c.Code == "ELI" || hasBlock(c.Code, "ELI") {
			return kindPerson
		}
		dated = dated || c.Dated
	}
	if strings.Contains(e.Comment, "CountryInfo") {
		return kindPerson
	}
	if e.File == "M" {
		return kindOrg
	}
	if len(keys) > 0 && len(strings.Fields(keys[0])) == 1 {
		return kindOrg
	}
	if dated {
		return kindPerson
	}
	return kindUnknown
}

// hasBlock reports whether a code has the three-letter block b after its
// first block.
func hasBlock(c, b string) bool {
	for i := 3; i+3 <= len(c); i += 3 {
		if c[i:i+3] == b {
			return true
		}
	}
	return false
}

// stripTitles removes title and nationality words before a person's name.
func stripTitles(k string) string {
	w := strings.Fields(k)
	for len(w) > 0 && titleWords[w[0]] {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// compileEntry keeps an entry's useful names and codes; ok is false when
// nothing is left. A name must have two words after titles are removed
// (a surname or first name alone would merge different people); a single
// word is kept only for an organisation whose code marks it as one and
// that has no dated code.
func compileEntry(e *rawEntry) (compiled, bool) {
	var codes []code
	bare := true
	for _, c := range e.Codes {
		if len(c.Code) > 3 {
			bare = false
		}
		codes = append(codes, c)
	}
	if bare {
		// a country and its cities ("KABUL" -> AFG): the knowledge base
		// knows the countries, and a city is not its country's actor
		return compiled{}, false
	}
	var keys []string
	for _, n := range e.Names {
		keys = append(keys, nameKeys(n)...)
	}
	kind := classify(e, keys)
	single := kind == kindOrg && !anyDated(codes) && orgCode(codes)
	c := compiled{Kind: kind, File: e.File, Codes: codes}
	seen := map[string]bool{}
	for _, k := range keys {
		if kind == kindPerson {
			k = stripTitles(k)
		}
		n := len(strings.Fields(k))
		if n == 0 || n == 1 && (!single || !hasLetter(k)) || seen[k] {
			continue
		}
		seen[k] = true
		c.Names = append(c.Names, k)
	}
	return c, len(c.Names) > 0
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0
}

func anyDated(cs []code) bool {
	for _, c := range cs {
		if c.Dated {
			return true
		}
	}
	return false
}

// orgCode reports whether every code marks an organisation.
func orgCode(cs []code) bool {
	for _, c := range cs {
		if !orgAgents[c.Code[:3]] && !(len(c.Code) >= 6 && orgAgents[c.Code[3:6]]) {
			return false
		}
	}
	return true
}

// codeSig is a canonical text of an entry's codes.
func codeSig(cs []code) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.Code)
		if c.Dated {
			b.WriteString(":" + day(c.From) + "-" + day(c.Until))
		}
	}
	return b.String()
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("20060102")
}

// compileAll compiles raw entries. A name that two entries claim is kept
// by the first: with the same codes the two are one actor listed twice;
// two people from different files (a national career in the countries
// file, an international post in the international file: "BAN_KI_MOON")
// are one person whose codes are joined; otherwise the name is dropped
// from both, since it would give one name two identities.
func compileAll(raw []rawEntry) []compiled {
	var cs []compiled
	for i := range raw {
		if c, ok := compileEntry(&raw[i]); ok {
			cs = append(cs, c)
		}
	}
	owner := map[string]int{}
	ambiguous := map[string]bool{}
	for i := range cs {
		c := &cs[i]
		for _, n := range c.Names {
			j, ok := owner[n]
			if !ok {
				owner[n] = i
				continue
			}
			o := &cs[j]
			switch {
			case codeSig(o.Codes) == codeSig(c.Codes) && o.Kind == c.Kind:
			case o.Kind == kindPerson && c.Kind == kindPerson && o.File != c.File:
				o.Codes = joinCodes(o.Codes, c.Codes)
			default:
				ambiguous[n] = true
			}
		}
	}
	var out []compiled
	for i, c := range cs {
		var names []string
		for _, n := range c.Names {
			if !ambiguous[n] && owner[n] == i {
				names = append(names, n)
			}
		}
		if len(names) > 0 {
			c.Names = names
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Names[0] < out[j].Names[0] })
	return out
}

// joinCodes adds the codes of b that a lacks.
func joinCodes(a, b []code) []code {
	have := map[code]bool{}
	for _, c := range a {
		have[c] = true
	}
	out := append([]code(nil), a...)
	for _, c := range b {
		if !have[c] {
			have[c] = true
			out = append(out, c)
		}
	}
	return out
}

// format writes one compiled entry as a line: kind, file, codes, names.
func (c compiled) format() string {
	return fmt.Sprintf("%s\t%s\t%s\t%s\n", c.Kind, c.File, codeSig(c.Codes), strings.Join(c.Names, "|"))
}
