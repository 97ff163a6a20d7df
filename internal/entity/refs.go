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

// tenureWords say when or how long a title is held, not which title it is
// ("the former president" may be a "President X" of the text).
var tenureWords = map[string]bool{
	"former": true, "ex": true, "outgoing": true, "incoming": true, "acting": true, "interim": true,
	"longtime": true, "veteran": true, "top": true, "senior": true,
}

// copulas before "the" make the role noun a predicate.
var copulas = map[string]bool{"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "being": true, "became": true, "becomes": true, "become": true, "remains": true, "remained": true}

// copulaAdverbs may stand between a copula and its predicate ("is now
// the acting secretary").
var copulaAdverbs = map[string]bool{"now": true, "also": true, "still": true, "currently": true, "once": true, "then": true}

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
	// a chief, head or leader may hold any title; "the official" is an
	// official, not the president ("The US official, speaking on
	// condition of anonymity")
	if genericHeads[head] && head != "official" {
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

// titleHas reports whether each of words is a word of the role's title
// (as written, or by its spelling variant).
func titleHas(ro Role, words []string) bool {
	if len(words) == 0 {
		return true
	}
	have := map[string]bool{}
	for _, w := range strings.Fields(Key(ro.Title)) {
		have[w] = true
		if v, ok := spelling[w]; ok {
			have[v] = true
		}
	}
	for _, w := range words {
		if v, ok := spelling[w]; ok {
			w = v
		}
		if !have[w] {
			return false
		}
	}
	return true
}

// appositionHolder returns the person cluster whose name ends just before
// the comma before token k ("Bush, the …") and who holds a role of that
// head (read from this apposition, or stated elsewhere), or -1. Without
// the role the comma may close a fronted phrase ("Emerging from a talk
// with Mr. X, the prime minister …").
func (r *resolver) appositionHolder(k int, head string) int {
	if k < 2 || r.tok(k-1) != "," {
		return -1
	}
	end := int(r.toks[k-2].End)
	for i := range r.items {
		it := &r.items[i]
		if it.mention >= 0 && it.End == end && it.typ == "PER" {
			c := r.rootOf(i)
			if r.cls[c].typ != "PER" {
				continue
			}
			for _, ro := range r.cls[c].roles {
				if headMatches(head, ro) && !genericHeads[head] || Key(ro.Title) != "" && strings.Contains(" "+Key(ro.Title)+" ", " "+head+" ") {
					return c
				}
			}
		}
	}
	return -1
}

// appositionEnds reports whether token j closes an apposition's role
// noun: punctuation, "and" or a relative pronoun. Anything else means the
// noun is the start of a longer phrase ("the chief executive of Apple",
// "the president of the union", "the prime minister's wife") whose
// head-word alone would be a poor name for the person.
func (r *resolver) appositionEnds(j int) bool {
	if j >= len(r.toks) {
		return true
	}
	if r.toks[j].Kind == text.Punct {
		return true
	}
	switch r.tkey(j) {
	case "and", "who", "whose", "which":
		return true
	}
	return false
}

// dictEntryOf returns the actor-dictionary entry of a person cluster's
// full name, or nil.
func (r *resolver) dictEntryOf(c int) *dictEntry {
	key := r.longestKey(c)
	if !strings.Contains(key, " ") {
		return nil
	}
	if e := dict().lookup(key); e != nil && e.Kind != 'O' {
		return e
	}
	return nil
}

// hasTenure reports whether a role's title says it is held no more
// ("former President").
func hasTenure(ro Role) bool {
	for _, w := range strings.Fields(Key(ro.Title)) {
		if w == "former" || w == "ex" || w == "outgoing" {
			return true
		}
	}
	return false
}

// textCountries returns the countries (lower case) the text gives person
// cluster c: its roles' and its knowledge-base entry's.
func (r *resolver) textCountries(c int) map[string]bool {
	cl := &r.cls[c]
	out := map[string]bool{}
	if cl.kb != nil && cl.kb.Country != "" {
		out[strings.ToLower(cl.kb.Country)] = true
	}
	for _, ro := range cl.roles {
		if ro.Country != "" {
			out[strings.ToLower(ro.Country)] = true
		}
	}
	return out
}

// roleNouns links "the <modifiers> <role>" to a person only on evidence:
// an apposition after the person's name; an organisation or a country in
// the modifiers that the person's stated role shares ("the Pentagon
// chief", "the Israeli prime minister": the most recent such person);
// else, with title words alone ("the minister", "the former president"),
// the only person in the text holding that title. Otherwise the noun is
// left unattached.
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
			// "the chief of Israel's intelligence agency": the title
			// is of something the rest of the phrase names
			if end+3 < len(r.toks) && isPossessive(r.tok(end+3)) {
				k = end + 2
				continue
			}
			end += 2
			mods = append(mods, r.tok(end))
		}
		pos := int(r.toks[k].Start)
		// "X is the president of Y": a predicate names X's role, it is
		// no reference to someone named before
		if k > 0 && copulas[r.tkey(k-1)] || k > 1 && copulaAdverbs[r.tkey(k-1)] && copulas[r.tkey(k-2)] {
			continue
		}
		if r.covered(int(r.toks[k+1].Start), int(r.toks[end].End)) && len(mods) == 0 {
			continue
		}
		// "Bush, the former Florida governor,": an apposition names its
		// holder, whatever else the text says of the title (not "Sara
		// Netanyahu, the prime minister's wife")
		if c := r.appositionHolder(k, head); c >= 0 {
			if r.appositionEnds(end + 1) {
				r.addItem(item{Span: Span{pos, int(r.toks[end].End)}, sent: sent, mention: -1, ref: RefRole,
					surface: r.d.Text[pos:r.toks[end].End], key: head, typ: "PER"}, c)
			}
			// a longer title in apposition ("X, the president of the
			// union,") is X's, and refers to no one named before
			k = end
			continue
		}
		// The modifiers are evidence of three kinds. A place or nationality
		// ("the Israeli prime minister") must agree with a country the
		// person's roles give; one that differs rules the person out.
		// An organisation ("the CIA chief") must match the role's own
		// words; a shared country ("CIA" is American, so is the President)
		// is no evidence. Title words ("prime", "vice", "press") must be
		// in the role's title, but they only narrow the title: they say
		// nothing of whose it is.
		countries := map[string]bool{}
		modSet := map[string]bool{}
		var titleMods []string
		tenure := false // "former", "outgoing": a past holder fits
		for _, m := range mods {
			key := Key(m)
			if e := r.k.lookup(key); r.k.demonym(key) != nil || e != nil && e.Section == "countries" {
				for _, cc := range r.countryCodes(m) {
					countries[cc] = true
				}
				continue
			}
			if !isUpperWord(m) && roleWords[key] {
				tenure = tenure || tenureWords[key]
				if !tenureWords[key] {
					titleMods = append(titleMods, key)
				}
				continue
			}
			ws := map[string]bool{}
			r.addWords(ws, m)
			for _, cc := range r.countryCodes(m) {
				delete(ws, cc)
			}
			for w := range ws {
				if !(len(w) == 3 && r.isCountryCode(w)) {
					modSet[w] = true
				}
			}
		}
		var cands, weak []cand
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
			// The country must be one the text gives the person ("Israeli
			// Prime Minister X"): "the Israeli prime minister" is no
			// Briton, nor anyone whose country the text does not say.
			// (The actor dictionary gives most of a text's people one
			// country, and a title that lasts longer than they held it:
			// no evidence of who holds the title now.)
			agrees := false
			if len(countries) > 0 {
				for cc := range r.textCountries(c) {
					agrees = agrees || countries[cc]
				}
				if !agrees {
					continue
				}
			}
			var fit []Role
			for _, ro := range r.cls[c].roles {
				if !headMatches(head, ro) || !titleHas(ro, titleMods) {
					continue
				}
				// "former President X" is not "the president" of now
				if !tenure && hasTenure(ro) {
					continue
				}
				if len(modSet) > 0 {
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
			if len(fit) == 0 {
				continue
			}
			if agrees || len(modSet) > 0 {
				cands = append(cands, cand{c, last, fit})
			} else {
				weak = append(weak, cand{c, last, fit})
			}
		}
		// Without a country or an organisation to match, the title alone
		// names the person only when one person in the text holds it.
		if len(cands) == 0 {
			if len(weak) != 1 || genericHeads[head] {
				continue
			}
			cands = weak
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
