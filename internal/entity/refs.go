package entity

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// roleHeads are nouns that, after "the", may stand for a person named
// earlier ("the minister", "the Pentagon chief").
var roleHeads = map[string]bool{
	"chief": true, "secretary": true, "minister": true, "president": true, "spokesman": true,
	"spokeswoman": true, "commander": true, "general": true, "leader": true, "premier": true,
	"envoy": true, "ambassador": true, "head": true, "chancellor": true, "governor": true,
	"mayor": true, "king": true, "prince": true, "senator": true, "colonel": true, "admiral": true,
	"diplomat": true, "official": true,
}

// genericHeads need a modifier that matches the person's role.
var genericHeads = map[string]bool{"chief": true, "head": true, "leader": true, "official": true}

// spelling maps spelling variants used in titles.
var spelling = map[string]string{"defence": "defense", "organisation": "organization", "programme": "program"}

// roleStop are words that carry no evidence when matching roles.
var roleStop = map[string]bool{"of": true, "the": true, "for": true, "and": true, "s": true, "us": false}

// occurrence is a mention of a person at a byte position.
type occurrence struct {
	pos, sent, cl int
}

// quoted marks the tokens inside quotation marks; a paragraph break
// closes an open quotation.
func (r *resolver) quoted() []bool {
	q := make([]bool, len(r.toks))
	open := false
	prevEnd := 0
	for j, t := range r.toks {
		if strings.Contains(r.d.Text[prevEnd:t.Start], "\n\n") {
			open = false
		}
		prevEnd = int(t.End)
		switch r.tok(j) {
		case "“", "«":
			open = true
		case "”", "»":
			open = false
		case "\"":
			open = !open
		default:
			q[j] = open
		}
	}
	return q
}

// roleWordsOf returns the evidence words of a role: title and organisation
// words (with knowledge-base aliases) and the country code.
func (r *resolver) roleWordsOf(ro Role) map[string]bool {
	set := map[string]bool{}
	r.addWords(set, ro.Title)
	r.addWords(set, ro.Org)
	if ro.Country != "" {
		set[strings.ToLower(ro.Country)] = true
	}
	return set
}

// addWords adds the content words of s, and of the knowledge-base entries
// s or its words name, to set.
func (r *resolver) addWords(set map[string]bool, s string) {
	if s == "" {
		return
	}
	add := func(w string) {
		if v, ok := spelling[w]; ok {
			w = v
		}
		if !roleStop[w] && !genericHeads[w] {
			set[w] = true
		}
	}
	key := Key(s)
	ws := strings.Fields(key)
	es := []*kbEntry{r.k.lookup(key)}
	for _, w := range ws {
		add(w)
		es = append(es, r.k.lookup(w), r.k.demonym(w))
	}
	for _, e := range es {
		if e == nil {
			continue
		}
		if e.Country != "" {
			set[strings.ToLower(e.Country)] = true
		}
		if e.Section != "actors" {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			for _, w := range strings.Fields(Key(n)) {
				add(w)
			}
		}
	}
}

// countryCodes returns the lower-case country codes the knowledge base
// gives s and its words.
func (r *resolver) countryCodes(s string) []string {
	var out []string
	key := Key(s)
	for _, e := range []*kbEntry{r.k.lookup(key), r.k.demonym(key)} {
		if e != nil && e.Country != "" {
			out = append(out, strings.ToLower(e.Country))
		}
	}
	for _, w := range strings.Fields(key) {
		for _, e := range []*kbEntry{r.k.lookup(w), r.k.demonym(w)} {
			if e != nil && e.Country != "" {
				out = append(out, strings.ToLower(e.Country))
			}
		}
	}
	return out
}

// isCountryCode reports whether w is a known country code (lower case).
func (r *resolver) isCountryCode(w string) bool {
	e := r.k.lookup(w)
	return e != nil && e.Section == "countries" && strings.ToLower(e.Country) == w
}

// headMatches reports whether a role noun's head fits a role's title.
func headMatches(head string, ro Role) bool {
	if genericHeads[head] {
		return true
	}
	ws := strings.Fields(Key(ro.Title))
	for _, w := range ws {
		if w == head {
			return true
		}
		if (w == "secretary" || w == "minister") && (head == "secretary" || head == "minister") {
			return true
		}
	}
	return false
}

// roleNouns links "the <modifiers> <role>" to the person whose stated role
// it fits: with modifiers ("the Pentagon chief"), the most recent person
// whose role shares a word with them; without ("the minister"), the only
// person with that title.
func (r *resolver) roleNouns() {
	type cand struct {
		cl    int
		last  int
		roles []Role
	}
	for k := 0; k+1 < len(r.toks); k++ {
		if r.tkey(k) != "the" || r.covered(int(r.toks[k].Start), int(r.toks[k].End)) {
			continue
		}
		sent := r.sentenceAt(int(r.toks[k].Start))
		var mods []string
		head, end := "", -1
		for j := k + 1; j < len(r.toks) && j-k <= 5; j++ {
			if r.toks[j].Kind != text.Word || r.sentenceAt(int(r.toks[j].Start)) != sent {
				break
			}
			w := r.tok(j)
			key := Key(w)
			if roleHeads[key] && !(j+1 < len(r.toks) && r.toks[j+1].Kind == text.Word && isUpperWord(r.tok(j+1))) {
				head, end = key, j
				break
			}
			if isUpperWord(w) || roleWords[key] || r.k.demonym(key) != nil {
				mods = append(mods, w)
				continue
			}
			break
		}
		if head == "" {
			continue
		}
		// "the secretary of defence"
		if end+2 < len(r.toks) && r.tkey(end+1) == "of" && (roleWords[r.tkey(end+2)] || isUpperWord(r.tok(end+2))) {
			end += 2
			mods = append(mods, r.tok(end))
		}
		pos := int(r.toks[k].Start)
		if r.covered(int(r.toks[k+1].Start), int(r.toks[end].End)) && len(mods) == 0 {
			continue
		}
		// Modifiers that name an organisation ("the CIA chief") must
		// match the role's own words; a shared country ("CIA" is
		// American, so is the President) is no evidence. Only when the
		// modifiers name places or nationalities alone ("the US
		// leader") does the country decide.
		modSet := map[string]bool{}
		orgMods := false
		for _, m := range mods {
			key := Key(m)
			if e := r.k.lookup(key); r.k.demonym(key) != nil || e != nil && e.Section == "countries" {
				r.addWords(modSet, m)
				continue
			}
			orgMods = true
			ws := map[string]bool{}
			r.addWords(ws, m)
			for _, cc := range r.countryCodes(m) {
				delete(ws, cc)
			}
			for w := range ws {
				modSet[w] = true
			}
		}
		if orgMods {
			for w := range modSet {
				if len(w) == 3 && r.isCountryCode(w) {
					delete(modSet, w)
				}
			}
		}
		var cands []cand
		for c := range r.cls {
			if r.find(c) != c || len(r.cls[c].roles) == 0 || r.cls[c].typ != "PER" {
				continue
			}
			last := -1
			for _, i := range r.cls[c].items {
				if p := r.items[i].Start; p < pos && p > last {
					last = p
				}
			}
			if last < 0 {
				continue
			}
			var fit []Role
			for _, ro := range r.cls[c].roles {
				if !headMatches(head, ro) {
					continue
				}
				if len(mods) > 0 {
					rw := r.roleWordsOf(ro)
					hit := false
					for w := range modSet {
						hit = hit || rw[w]
					}
					if !hit {
						continue
					}
				}
				fit = append(fit, ro)
			}
			if len(fit) > 0 {
				cands = append(cands, cand{c, last, fit})
			}
		}
		if len(cands) == 0 || len(mods) == 0 && (len(cands) > 1 || genericHeads[head]) {
			continue
		}
		sort.Slice(cands, func(i, j int) bool { return cands[i].last > cands[j].last })
		r.addItem(item{Span: Span{pos, int(r.toks[end].End)}, sent: sent, mention: -1, ref: RefRole,
			surface: r.d.Text[pos:r.toks[end].End], key: head, typ: "PER"}, cands[0].cl)
		k = end
	}
}

// pronouns links "he", "she", "him", "his" and "her" outside quotations to
// a person when only one person (named or referred to, outside
// quotations) is in reach: earlier in the same sentence, or for "he" and
// "she" opening a clause, the previous sentence.
func (r *resolver) pronouns() {
	q := r.quoted()
	var occ []occurrence
	for i := range r.items {
		it := &r.items[i]
		c := r.rootOf(i)
		cl := &r.cls[c]
		if cl.typ != "PER" || cl.kb != nil || cl.agent != nil {
			continue
		}
		if j := r.tokAt(it.Start); j < len(q) && q[j] {
			continue
		}
		occ = append(occ, occurrence{it.Start, it.sent, c})
	}
	sort.Slice(occ, func(i, j int) bool { return occ[i].pos < occ[j].pos })
	var added []item
	for j := range r.toks {
		if r.toks[j].Kind != text.Word || q[j] {
			continue
		}
		key := r.tkey(j)
		subject := key == "he" || key == "she"
		if !subject && key != "him" && key != "his" && key != "her" {
			continue
		}
		pos := int(r.toks[j].Start)
		sent := r.sentenceAt(pos)
		if sent < 0 {
			continue
		}
		c := r.antecedent(occ, pos, sent, subject)
		if c < 0 {
			continue
		}
		added = append(added, item{Span: Span{pos, int(r.toks[j].End)}, sent: sent, mention: -1,
			ref: RefPronoun, surface: r.tok(j), key: key, typ: "PER", cl: c})
		// the pronoun is now an occurrence too
		k := sort.Search(len(occ), func(i int) bool { return occ[i].pos > pos })
		occ = append(occ, occurrence{})
		copy(occ[k+1:], occ[k:])
		occ[k] = occurrence{pos, sent, c}
	}
	for _, it := range added {
		r.addItem(it, it.cl)
	}
}

// antecedent picks the only person in reach of a pronoun, or -1.
func (r *resolver) antecedent(occ []occurrence, pos, sent int, subject bool) int {
	distinct := func(s int, before int) (int, int) {
		seen := map[int]bool{}
		one := -1
		for _, o := range occ {
			if o.sent == s && o.pos < before {
				one = r.find(o.cl)
				seen[one] = true
			}
		}
		return one, len(seen)
	}
	c, n := distinct(sent, pos)
	if n == 0 && subject {
		for back := 1; back <= 2 && n == 0; back++ {
			c, n = distinct(sent-back, 1<<62)
		}
	}
	if n != 1 || !r.confidentPerson(c) {
		return -1
	}
	return c
}

// confidentPerson reports whether cluster c is surely a person: a name of
// two words or more, or a stated role.
func (r *resolver) confidentPerson(c int) bool {
	cl := &r.cls[c]
	if len(cl.roles) > 0 {
		return true
	}
	for _, i := range cl.items {
		if r.items[i].mention >= 0 && strings.Contains(r.items[i].key, " ") {
			return true
		}
	}
	return false
}
