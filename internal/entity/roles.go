package entity

import (
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// roleWords are lower-case words that may appear in a title before a name
// ("US defence chief", "Kurdish regional government leader").
var roleWords = map[string]bool{
	"defense": true, "defence": true, "foreign": true, "interior": true, "finance": true,
	"justice": true, "regional": true, "government": true, "department": true, "ministry": true,
	"affairs": true, "deputy": true, "former": true, "acting": true, "top": true, "senior": true,
	"military": true, "security": true, "state": true, "police": true, "navy": true, "army": true,
	"national": true, "federal": true, "provincial": true, "local": true, "prime": true, "vice": true,
	"intelligence": true, "coalition": true, "press": true, "oil": true, "health": true, "trade": true,
	"economy": true, "energy": true, "home": true, "war": true, "information": true, "air": true,
	"force": true, "forces": true, "special": true, "operations": true, "joint": true, "staff": true,
	"petty": true, "assistant": true, "interim": true, "opposition": true, "party": true,
	"parliament": true, "parliamentary": true, "tribal": true, "militia": true, "rebel": true,
	"religious": true, "supreme": true, "central": true, "bank": true, "agency": true, "news": true,
	"ex": true, "outgoing": true, "incoming": true, "longtime": true, "veteran": true, "group": true,
	"armed": true, "chiefs": true, "general": true, "counter": true, "terrorism": true,
}

// objectPreps end a title phrase whose holder is not the name after it.
var objectPreps = map[string]bool{"for": true, "of": true, "to": true, "with": true, "under": true, "by": true}

// genericTitles are heads that take their agent from the organisation.
var genericTitles = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "official": true, "chief": true,
	"head": true, "leader": true, "deputy": true, "director": true,
}

// tokenItems maps each token to the item covering it (-1 for none).
func (r *resolver) tokenItems() []int {
	ti := make([]int, len(r.toks))
	for i := range ti {
		ti[i] = -1
	}
	for i := range r.items {
		it := &r.items[i]
		if it.ref == RefRole || it.ref == RefPronoun {
			continue
		}
		for j := r.tokAt(it.Start); j < len(r.toks) && int(r.toks[j].Start) < it.End; j++ {
			ti[j] = i
		}
	}
	return ti
}

// isPerson reports whether item i belongs to a person cluster.
func (r *resolver) isPerson(i int) bool {
	cl := &r.cls[r.rootOf(i)]
	return cl.typ == "PER" && cl.kb == nil && cl.agent == nil
}

// roles reads titles before person names ("U.S. Defense Secretary Ash
// Carter", "Iraq's Prime Minister Haider al-Abadi") and appositions after
// them ("Carter, the Pentagon chief,").
func (r *resolver) roles() {
	ti := r.tokenItems()
	for i := range r.items {
		it := &r.items[i]
		if it.mention < 0 || it.shared || !r.isPerson(i) {
			continue
		}
		first := r.tokAt(it.Start)
		last := first
		for last+1 < len(r.toks) && int(r.toks[last+1].Start) < it.End {
			last++
		}
		// "a spokesman for Mueller", "an aide to Mueller": the title
		// belongs to someone else, the name is its object.
		if ro, ok := r.titleBefore(first, ti, it.sent); ok && !(first > 0 && objectPreps[r.tkey(first-1)]) {
			c := r.rootOf(i)
			r.cls[c].roles = append(r.cls[c].roles, ro)
		}
		if ro, ok := r.apposition(last+1, ti, it.sent); ok {
			c := r.rootOf(i)
			r.cls[c].roles = append(r.cls[c].roles, ro)
		}
	}
}

// titleBefore reads the title phrase that ends just before token first.
func (r *resolver) titleBefore(first int, ti []int, sent int) (Role, bool) {
	k := first - 1
	for ; k >= 0 && first-k <= 10; k-- {
		if r.sentenceAt(int(r.toks[k].Start)) != sent {
			break
		}
		w := r.tok(k)
		key := Key(w)
		if ti[k] >= 0 && r.isPerson(ti[k]) {
			break
		}
		ok := false
		switch r.toks[k].Kind {
		case text.Clitic:
			ok = isPossessive(w)
		case text.Word:
			ok = isUpperWord(w) || roleWords[key] || r.k.titles[key] != "" || key == "of" || key == "for"
		}
		if !ok {
			break
		}
	}
	start := k + 1
	// trim from the left until a word that belongs in a title
	for start < first {
		key := r.tkey(start)
		if ti[start] >= 0 || roleWords[key] || r.k.titles[key] != "" || r.k.demonym(key) != nil || r.k.lookup(key) != nil {
			if key != "of" && key != "for" && !isPossessive(r.tok(start)) {
				break
			}
		}
		start++
	}
	// trim from the right the capitalised words that are no title: a
	// given name the name's span left out ("Sen. Bernie [Sanders]") or an
	// honorific ("spokesman for Mr. [X]")
	end := first
	for end > start && ti[end-1] < 0 && r.toks[end-1].Kind == text.Word && isUpperWord(r.tok(end-1)) {
		key := r.tkey(end - 1)
		if roleWords[key] || r.k.titles[key] != "" || r.k.demonym(key) != nil || r.k.lookup(key) != nil {
			break
		}
		end--
	}
	if start >= end {
		return Role{}, false
	}
	return r.parseRole(start, end, ti, sent)
}

// apposition reads ", the Pentagon chief," after a name ending before
// token j.
func (r *resolver) apposition(j int, ti []int, sent int) (Role, bool) {
	if j >= len(r.toks) || r.tok(j) != "," {
		return Role{}, false
	}
	j++
	if j >= len(r.toks) {
		return Role{}, false
	}
	switch r.tkey(j) {
	case "the", "a", "an", "its", "his", "her":
		j++
	default:
		// "Carter, Iraq's ..." or "Carter, Defense Secretary": a capitalised start
		if !isUpperWord(r.tok(j)) {
			return Role{}, false
		}
	}
	start := j
	for ; j < len(r.toks) && j-start < 9; j++ {
		if r.sentenceAt(int(r.toks[j].Start)) != sent {
			break
		}
		if r.toks[j].Kind == text.Punct {
			break
		}
		if ti[j] >= 0 && r.isPerson(ti[j]) {
			return Role{}, false
		}
	}
	if j == start || j-start >= 9 {
		return Role{}, false
	}
	if j < len(r.toks) && r.toks[j].Kind == text.Punct {
		if p := r.tok(j); p != "," && p != "." && p != ";" && p != ")" {
			return Role{}, false
		}
	}
	return r.parseRole(start, j, ti, sent)
}

// parseRole splits the title phrase of tokens [start, end) into country,
// organisation and title. It fails when no title word is present.
func (r *resolver) parseRole(start, end int, ti []int, sent int) (Role, bool) {
	ro := Role{Sentence: sent, Evidence: Span{int(r.toks[start].Start), int(r.toks[end-1].End)}, Date: r.d.Published}
	var title []string
	orgAgent := ""
	hasTitle := false
	sawItem := false // a place or organisation was taken out of the title
	for j := start; j < end; j++ {
		w := r.tok(j)
		key := Key(w)
		if ti[j] >= 0 && !r.isPerson(ti[j]) {
			it := &r.items[ti[j]]
			cl := &r.cls[r.rootOf(ti[j])]
			sawItem = true
			// skip the item's tokens: by the span, not only by ti, since an
			// overlapping item ("Army" inside "Sudanese Army") may own some
			for j+1 < end && (ti[j+1] == ti[j] || int(r.toks[j+1].Start) < it.End) {
				j++
			}
			switch {
			case cl.agent != nil:
				if ro.Country == "" {
					ro.Country = cl.dem.Code
				}
				if e := int(r.toks[j].End); e > it.End {
					title = append(title, strings.Fields(r.d.Text[it.End:e])...)
				}
			case it.demonym || cl.kb != nil && cl.kb.Section != "actors" || cl.typ == "LOC":
				if ro.Country == "" {
					ro.Country = countryOf(r.k, it, cl)
				}
			default:
				ro.Org = it.surface
				if cl.kb != nil {
					ro.Org = cl.kb.Name // one name for "Pentagon", "Defense Department"
					if ro.Country == "" {
						ro.Country = cl.kb.Country
					}
					orgAgent = agentOfCode(cl.kb.Code)
				}
			}
			continue
		}
		if e := r.k.demonym(key); e != nil && isUpperWord(w) {
			if ro.Country == "" {
				ro.Country = e.Code
			}
			continue
		}
		if r.toks[j].Kind == text.Clitic {
			continue
		}
		if r.k.titles[key] != "" {
			hasTitle = true
		}
		title = append(title, w)
	}
	for len(title) > 0 && (Key(title[0]) == "of" || Key(title[0]) == "for") {
		title = title[1:]
	}
	if !hasTitle || len(title) == 0 {
		return Role{}, false
	}
	title, ok := r.trimTitle(title, sawItem || ro.Country != "")
	if !ok {
		return Role{}, false
	}
	ro.Title = strings.Join(title, " ")
	ro.Agent = titleAgent(r.k, title)
	if ro.Agent == "GOV" && orgAgent != "" && genericTitles[Key(title[len(title)-1])] {
		ro.Agent = orgAgent
	}
	return ro, true
}

// countryOf returns the country or group code an item names.
func countryOf(k *knowledge, it *item, cl *cluster) string {
	if it.demonym {
		if e := k.demonym(it.key); e != nil {
			return e.Code
		}
	}
	if cl.kb != nil {
		return cl.kb.Country
	}
	return ""
}

// titleAgent returns the agent code of a title: the longest title phrase
// in the knowledge base, the rightmost first.
func titleAgent(k *knowledge, title []string) string {
	keys := make([]string, len(title))
	for i, w := range title {
		keys[i] = Key(w)
	}
	for n := len(keys); n >= 1; n-- {
		for i := len(keys) - n; i >= 0; i-- {
			if a := k.titles[strings.Join(keys[i:i+n], " ")]; a != "" {
				return a
			}
		}
	}
	return ""
}

// isPossessive reports whether a token is a possessive clitic.
func isPossessive(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

// agentCodes are CAMEO agent codes.
var agentCodes = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "COP": true, "JUD": true, "LEG": true, "SPY": true,
	"MED": true, "BUS": true, "OPP": true, "IRG": true, "CVL": true, "REF": true, "ELI": true,
	"INS": true, "SEP": true, "EDU": true, "HLH": true, "NGO": true, "IGO": true, "PTY": true,
}

// agentOfCode returns the first agent block of a CAMEO-style code
// ("IRQKURGOV" -> GOV, "USAMIL" -> MIL), or "".
func agentOfCode(code string) string {
	for i := 3; i+3 <= len(code); i += 3 {
		if agentCodes[code[i:i+3]] {
			return code[i : i+3]
		}
	}
	return ""
}

// tailWords may follow a title's head word and still belong to the title
// ("Secretary of State", "Chairman of the Joint Chiefs").
var tailWords = map[string]bool{"of": true, "for": true, "the": true, "and": true, "from": true, "in": true, "at": true, "to": true}

// danglingWords cannot end a title: what followed them was a place or an
// organisation (kept as the role's country or organisation), or the name
// itself, when the title belongs to someone else.
var danglingWords = map[string]bool{"of": true, "for": true, "the": true, "from": true, "in": true, "at": true, "to": true, "with": true, "under": true, "by": true, "and": true}

// trimTitle cuts what a title phrase picked up beyond the title itself:
//   - a clause after the last head word of an apposition ("the director he
//     ousted", "the governor there"): the title ends at its head;
//   - a preposition left dangling when the place or organisation after it
//     was taken out ("senator from [Vermont]"): dropped, but when nothing
//     was taken out the name itself was the object ("spokesman for [X]"),
//     and the title is not the name's;
//   - a title of someone else before the name's own ("chairman of
//     President [X]", "a veteran of President [X]'s cabinet"): only the
//     name's own title is kept.
func (r *resolver) trimTitle(title []string, placed bool) ([]string, bool) {
	head := -1
	for i, w := range title {
		if r.k.titles[Key(w)] != "" {
			head = i
		}
	}
	if head < 0 {
		return nil, false
	}
	for _, w := range title[head+1:] {
		k := Key(w)
		if !tailWords[k] && !roleWords[k] && !isUpperWord(w) {
			title = title[:head+1]
			break
		}
	}
	n := len(title)
	for n > 0 && danglingWords[Key(title[n-1])] {
		n--
	}
	if n < len(title) && !placed {
		return nil, false
	}
	title = title[:n]
	// "chairman of President": a capitalised head right after a
	// preposition, another head before it
	if n >= 3 && objectPreps[Key(title[n-2])] && isUpperWord(title[n-1]) && r.k.titles[Key(title[n-1])] != "" {
		for _, w := range title[:n-2] {
			if k := Key(w); r.k.titles[k] != "" || roleWords[k] {
				return title[n-1:], true
			}
		}
	}
	return title, len(title) > 0
}
