package entity

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// item is one reference to an entity in a document: a recogniser mention
// (cleaned) or a reference found by this package.
type item struct {
	Span
	sent    int
	mention int    // index into Doc.Mentions, -1 for a Ref
	ref     string // Ref kind when mention < 0
	surface string // cleaned surface form
	key     string
	typ     string // PER, ORG, LOC, MISC
	demonym bool
	// compound marks a name cut from a hyphenated modifier ("U.S.-led"):
	// the noun after it is not the name's agent
	compound bool
	// shared marks a bare family name given to one of several namesakes
	// by position alone: no role is read from it
	shared  bool
	country string // country code from a demonym prefix ("Kurdish Peshmerga")
	cl      int    // cluster
}

// cluster is a set of items believed to name one entity.
type cluster struct {
	parent  int
	items   []int
	kb      *kbEntry
	agent   *agent // for a demonym + agent noun entity
	dem     *kbEntry
	roles   []Role
	typ     string
	learned []string // acronyms learned from the text
}

// resolver holds the state of one Resolve call.
type resolver struct {
	d     Doc
	k     *knowledge
	toks  []text.Token
	tkeys []string // Key of each token, filled on first use
	items []item
	cls   []cluster
	byKey map[string]int      // key -> cluster
	words map[string][]string // strings.Fields of keys (keyWords)
}

// keyWords is strings.Fields(key), kept per document: the loops over
// pairs of names ask for the same keys' words again and again. The slice
// is shared: callers must not change it.
func (r *resolver) keyWords(key string) []string {
	if w, ok := r.words[key]; ok {
		return w
	}
	if r.words == nil {
		r.words = map[string][]string{}
	}
	w := strings.Fields(key)
	r.words[key] = w
	return w
}

// countFields is len(strings.Fields(s)), counted without the slice.
func countFields(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// Resolve groups the mentions of one document, and the references it finds
// beside them, into local entities, in order of first appearance.
func Resolve(d Doc) []Local {
	r := &resolver{d: d, k: kb(), byKey: map[string]int{}}
	r.toks = text.Tokenize(nil, d.Text)
	r.collect()
	r.acronyms()
	r.vote()
	r.persons()
	r.orgShortForms()
	r.vote()
	r.demonyms()
	r.vote()
	r.roles()
	r.roleNouns()
	r.pronouns()
	return r.locals()
}

// find returns the root of cluster c.
func (r *resolver) find(c int) int {
	for r.cls[c].parent != c {
		r.cls[c].parent = r.cls[r.cls[c].parent].parent
		c = r.cls[c].parent
	}
	return c
}

// union merges cluster b into cluster a and returns the root.
func (r *resolver) union(a, b int) int {
	a, b = r.find(a), r.find(b)
	if a == b {
		return a
	}
	if len(r.cls[a].items) < len(r.cls[b].items) {
		a, b = b, a
	}
	ca, cb := &r.cls[a], &r.cls[b]
	cb.parent = a
	ca.items = append(ca.items, cb.items...)
	cb.items = nil
	if ca.kb == nil {
		ca.kb = cb.kb
	}
	if ca.agent == nil {
		ca.agent, ca.dem = cb.agent, cb.dem
	}
	ca.roles = append(ca.roles, cb.roles...)
	ca.learned = append(ca.learned, cb.learned...)
	return a
}

// newCluster makes a cluster for key (or returns the existing one).
func (r *resolver) clusterFor(key string, e *kbEntry) int {
	if e != nil {
		key = "kb:" + e.Key
	}
	if c, ok := r.byKey[key]; ok {
		return r.find(c)
	}
	c := len(r.cls)
	r.cls = append(r.cls, cluster{parent: c, kb: e})
	r.byKey[key] = c
	return c
}

// addItem adds it to cluster c.
func (r *resolver) addItem(it item, c int) {
	c = r.find(c)
	it.cl = c
	r.items = append(r.items, it)
	r.cls[c].items = append(r.cls[c].items, len(r.items)-1)
}

// rootOf returns the cluster of item i.
func (r *resolver) rootOf(i int) int { return r.find(r.items[i].cl) }

// sentenceAt returns the sentence containing byte pos, or -1.
func (r *resolver) sentenceAt(pos int) int {
	s := r.d.Sentences
	i := sort.Search(len(s), func(i int) bool { return s[i].End > pos })
	if i < len(s) && s[i].Start <= pos {
		return i
	}
	return -1
}

// tokAt returns the index of the first token that ends after pos.
func (r *resolver) tokAt(pos int) int {
	return sort.Search(len(r.toks), func(i int) bool { return int(r.toks[i].End) > pos })
}

// tkey returns Key of token i, computed once.
func (r *resolver) tkey(i int) string {
	if r.tkeys == nil {
		r.tkeys = make([]string, len(r.toks))
		for j := range r.toks {
			r.tkeys[j] = Key(r.tok(j))
		}
	}
	return r.tkeys[i]
}

// tok returns the text of token i.
func (r *resolver) tok(i int) string { return r.d.Text[r.toks[i].Start:r.toks[i].End] }

// covered reports whether [start, end) overlaps an existing item.
func (r *resolver) covered(start, end int) bool {
	for i := range r.items {
		if r.items[i].Start < end && start < r.items[i].End {
			return true
		}
	}
	return false
}

// vote sets each root cluster's type from its mentions' types and its
// knowledge-base entry.
func (r *resolver) vote() {
	for c := range r.cls {
		if r.find(c) != c || len(r.cls[c].items) == 0 {
			continue
		}
		cl := &r.cls[c]
		if cl.kb != nil {
			switch cl.kb.Section {
			case "countries":
				cl.typ = "LOC"
			case "groups":
				cl.typ = "MISC"
			default:
				cl.typ = "ORG"
			}
			continue
		}
		if cl.agent != nil {
			cl.typ = "ORG"
			continue
		}
		votes := map[string]int{}
		best, bestLen := "", 0
		fullPER := false
		for _, i := range cl.items {
			it := &r.items[i]
			fullPER = fullPER || it.mention >= 0 && it.typ == "PER" && strings.Contains(it.key, " ") && !hasOrgWordIn(it.surface)
		}
		if fullPER && len(r.cls[c].learned) == 0 {
			// a full personal name, and its short forms
			cl.typ = "PER"
			continue
		}
		for _, i := range cl.items {
			it := &r.items[i]
			if it.mention < 0 {
				continue
			}
			votes[it.typ]++
			if r.placeCue(it) {
				votes["LOC"] += 2
			}
			if l := len(it.surface); l > bestLen {
				best, bestLen = it.typ, l
			}
		}
		// majority; ties go to PER, then to the type of the longest form
		typ, n := best, votes[best]
		if votes["PER"] == n {
			typ = "PER"
		}
		for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
			if votes[t] > n {
				typ, n = t, votes[t]
			}
		}
		cl.typ = typ
	}
}

// locals builds the output.
func (r *resolver) locals() []Local {
	type ordered struct {
		first int
		l     Local
	}
	var out []ordered
	for c := range r.cls {
		if r.find(c) != c || len(r.cls[c].items) == 0 {
			continue
		}
		l, first, ok := r.local(c)
		if ok {
			out = append(out, ordered{first, l})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].first < out[j].first })
	ls := make([]Local, len(out))
	for i := range out {
		ls[i] = out[i].l
	}
	return ls
}

// local builds one Local from cluster c.
func (r *resolver) local(c int) (Local, int, bool) {
	cl := &r.cls[c]
	l := Local{Type: cl.typ}
	first := -1
	seen := map[string]bool{}
	var names []*item
	for _, i := range cl.items {
		it := &r.items[i]
		if first < 0 || it.Start < first {
			first = it.Start
		}
		if it.mention >= 0 {
			l.Mentions = append(l.Mentions, it.mention)
		} else {
			l.Refs = append(l.Refs, Ref{Span: it.Span, Sentence: it.sent, Kind: it.ref})
		}
		if it.ref == RefRole || it.ref == RefPronoun {
			continue
		}
		names = append(names, it)
		if !seen[it.surface] {
			seen[it.surface] = true
			l.Aliases = append(l.Aliases, it.surface)
		}
	}
	if len(names) == 0 {
		return l, 0, false
	}
	sort.Ints(l.Mentions)
	sort.Slice(l.Refs, func(i, j int) bool { return l.Refs[i].Start < l.Refs[j].Start })
	sort.SliceStable(l.Aliases, func(i, j int) bool { return nameRank(l.Aliases[i]) > nameRank(l.Aliases[j]) })
	l.Roles = dedupRoles(cl.roles)
	switch {
	case cl.kb != nil:
		l.Name, l.KB, l.Code, l.Kind, l.Country = cl.kb.Name, cl.kb.Key, cl.kb.Code, cl.kb.Kind, cl.kb.Country
	case cl.agent != nil:
		l.Name = cl.dem.demonymForm() + " " + cl.agent.Label
		l.Code, l.Kind, l.Country, l.Demonym = cl.dem.Code+cl.agent.Code, cl.agent.Kind, cl.dem.Code, true
		l.KB = "dem:" + cl.dem.Key + ":" + cl.agent.Code
	default:
		l.Name = l.Aliases[0]
		for _, a := range l.Aliases {
			if !isAcronym(a) {
				l.Name = a
				break
			}
		}
		switch l.Type {
		case "PER":
			l.Kind = KindPerson
			l.Country, l.Code = personCode(l.Roles)
		case "LOC":
			l.Kind = KindLocation
		case "ORG":
			l.Kind, l.Country, l.Code = r.orgKind(names)
		default:
			l.Kind = KindOther
		}
		applyDict(&l, r.d.Published)
	}
	l.Demonym = l.Demonym || allDemonyms(names)
	return l, first, true
}

func allDemonyms(names []*item) bool {
	for _, it := range names {
		if !it.demonym {
			return false
		}
	}
	return true
}

// nameRank orders name forms: more words, then longer, then not an acronym.
func nameRank(s string) int {
	n := countFields(s)*1000 + len(s)
	if isAcronym(s) {
		n -= 500
	}
	return n
}

// demonymForm returns the first demonym of a country or group ("Iraqi"),
// or its name.
func (e *kbEntry) demonymForm() string {
	if len(e.Demonyms) > 0 {
		return e.Demonyms[0]
	}
	return e.Name
}

// personCode derives a country and a CAMEO-style code from a person's
// roles: the first role with a country, and its agent.
func personCode(roles []Role) (country, code string) {
	for _, ro := range roles {
		if ro.Country != "" {
			country = ro.Country
			code = ro.Country + ro.Agent
			break
		}
	}
	return country, code
}

// orgKind guesses an organisation's type, country and code from the head
// words of its name and a demonym or country prefix.
func (r *resolver) orgKind(names []*item) (Kind, string, string) {
	country := ""
	for _, it := range names {
		if it.country != "" {
			country = it.country
			break
		}
	}
	best := names[0]
	for _, it := range names {
		if nameRank(it.surface) > nameRank(best.surface) {
			best = it
		}
	}
	w := strings.Fields(Key(best.surface))
	if country == "" && len(w) > 1 {
		if e := r.k.demonym(w[0]); e != nil {
			country = e.Code
		} else if e := r.k.lookup(w[0]); e != nil && e.Section == "countries" {
			country = e.Code
		}
	}
	kind, ag := KindOther, ""
	for _, x := range w {
		if k, a, ok := orgHead(x); ok {
			kind, ag = k, a
		}
	}
	code := ""
	if country != "" {
		code = country + ag
	}
	return kind, country, code
}

// orgHead classifies a word of an organisation's name.
func orgHead(w string) (Kind, string, bool) {
	switch w {
	case "army", "forces", "force", "navy", "military", "brigade", "brigades", "battalion", "division", "corps", "guard", "guards", "regiment", "command":
		return KindMilitary, "MIL", true
	case "police", "gendarmerie":
		return KindMilitary, "COP", true
	case "ministry", "department", "government", "council", "parliament", "senate", "congress", "assembly", "administration", "agency", "office", "commission", "cabinet", "presidency":
		return KindGovernment, "GOV", true
	case "party":
		return KindOther, "PTY", true
	case "front", "movement", "militia", "brigade of", "mujahideen", "jihad":
		return KindArmedGroup, "REB", true
	case "news", "times", "post", "press", "tv", "television", "radio", "herald", "journal", "telegraph", "tribune", "gazette", "broadcasting", "media":
		return KindMedia, "MED", true
	case "inc", "corp", "corporation", "company", "co", "ltd", "plc", "bank", "group", "holdings", "airlines", "airways", "motors":
		return KindBusiness, "BUS", true
	case "university", "school", "institute", "college":
		return KindOther, "EDU", true
	case "foundation", "charity", "watch", "international", "federation":
		return KindNGO, "NGO", true
	}
	return "", "", false
}

// dedupRoles keeps one role per (title, organisation), earliest first,
// filling in a country or organisation a later statement gives.
func dedupRoles(rs []Role) []Role {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Evidence.Start < rs[j].Evidence.Start })
	seen := map[string]int{}
	var out []Role
	for _, ro := range rs {
		k := Key(ro.Title)
		if j, ok := seen[k]; ok && (out[j].Org == "" || ro.Org == "" || Key(out[j].Org) == Key(ro.Org)) {
			if out[j].Country == "" {
				out[j].Country = ro.Country
			}
			if out[j].Org == "" {
				out[j].Org = ro.Org
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, ro)
	}
	return out
}

// locatives are prepositions that put the name after them in a place.
var locatives = map[string]bool{
	"in": true, "near": true, "outside": true, "around": true, "toward": true, "towards": true,
	"into": true, "across": true, "inside": true, "from": true, "retake": true, "recapture": true,
	"liberate": true, "capture": true, "seize": true, "besieged": true, "approached": true,
	"reached": true, "entered": true, "leaving": true, "visited": true, "outskirts": true,
}

// weakLocatives are prepositions that suggest a place only for a name the
// recogniser did not take for a person.
var weakLocatives = map[string]bool{"of": true, "to": true, "on": true, "against": true, "between": true}

// placeCue reports whether a one- or two-word name not known as an
// organisation reads as a place: after a locative preposition ("in
// Mosul") or followed by a country ("Raqqa, Syria").
func (r *resolver) placeCue(it *item) bool {
	if it.demonym || strings.Count(it.key, " ") > 1 || isAcronym(it.surface) || hasOrgWordIn(it.surface) {
		return false
	}
	j := r.tokAt(it.Start)
	if j > 0 && j < len(r.toks) && int(r.toks[j].Start) == it.Start && !isUpperWord(r.tok(j-1)) && (locatives[r.tkey(j-1)] || it.typ != "PER" && weakLocatives[r.tkey(j-1)]) {
		return true
	}
	k := r.tokAt(it.End)
	for k < len(r.toks) && int(r.toks[k].Start) < it.End {
		k++
	}
	if k+1 < len(r.toks) && r.tok(k) == "," {
		if e := r.k.lookup(r.tkey(k + 1)); e != nil && e.Section == "countries" {
			return true
		}
	}
	return false
}
