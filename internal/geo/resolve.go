package geo

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Mention is one toponym in a document: its text and byte offsets.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Doc is the input of Resolve: a document's toponym mentions in text order,
// plus optional context.
type Doc struct {
	Mentions []Mention
	// Context holds other place-like words of the document that are not to
	// be resolved themselves: demonyms ("Iraqi"), country or region names
	// found by NER, the dateline. They vote for their country or region.
	Context []string
	// OutletCountry is the ISO 3166-1 alpha-2 code of the outlet's country,
	// "" if unknown.
	OutletCountry string
	// Text is the document's text, which the mentions' byte offsets point
	// into; "" if not given (then the words around a mention are unknown).
	Text string
	// Persons are the family names of the people the recogniser found
	// named in full ("Richard Nixon" → "Nixon"): such a name alone is the
	// person in this document, not a small town (dropNamesakes).
	Persons []string
	// Memo, when not nil, keeps the name lookups of the goroutine that
	// resolves the document (NewMemo): the same names come back article
	// after article. The places found are the same with or without it.
	Memo *Memo
}

// Place is the resolution of one mention. Resolved is false when the
// gazetteer has no candidate for the name; then, if Params.Focus is on and
// the document has a focus (its most mentioned town or region), the place
// is that focus and Focus is true: a street, building or river is placed at
// the town the story is about, with a low confidence.
type Place struct {
	Mention
	Candidate
	Resolved bool `json:"resolved"`
	Focus    bool `json:"focus,omitempty"`
	// Part is true when the gazetteer does not know the mention whole and
	// it is placed at the place it is named after ("Colchester General
	// Hospital" at Colchester; see partLookup).
	Part       bool    `json:"part,omitempty"`
	Confidence float64 `json:"confidence"`
}

// Resolve places every mention of doc with the default weights.
func (g *Gazetteer) Resolve(doc Doc) []Place { return g.ResolveWith(doc, DefaultParams()) }

// group is one distinct mention key of a document (one sense per document).
type group struct {
	cands  []int32
	base   []float64
	score  []float64
	best   int // index into cands, -1 if none
	weight float64
	// part: the mention is not known whole; its candidates are those of
	// the place it is named after (partLookup)
	part bool
	// loose: the candidates were found only without a direction or
	// facility word of the mention (lookupLoose)
	loose bool
	key   string
	alias bool // aliasOnly applies (Params.AliasSupport)
	// stateWord: a mention of the group is followed by "state"
	stateWord bool
	// listed: the list rule (listKinds) has changed the group's scores
	listed bool
	// container: groups of region mentions that directly follow a mention of
	// this group ("Paris, Texas")
	containers []int
	// notPlace: the name is something else in this document (a person,
	// an acronym: dropNamesakes) and has no candidate left
	notPlace bool
}

// ResolveWith places every mention of doc with the given weights.
func (g *Gazetteer) ResolveWith(doc Doc, p Params) []Place {
	keyOf := make([]string, len(doc.Mentions))
	gi := map[string]int{}
	var groups []*group
	for i, m := range doc.Mentions {
		k := Key(m.Text)
		keyOf[i] = k
		if _, ok := gi[k]; ok {
			groups[gi[k]].weight++
			continue
		}
		gi[k] = len(groups)
		groups = append(groups, g.newGroup(doc.Memo, m.Text, k, &p))
	}
	// "Washington state", "New York state": the name means the state
	if p.StateWord != 0 {
		for i, m := range doc.Mentions {
			if stateAfter(doc.Text, m.End) || stateBefore(doc.Text, m.Start) || governorAfter(doc.Text, m.End) {
				groups[gi[keyOf[i]]].preferAdmin1(g, p.StateWord)
			}
		}
	}
	// "New York Mayor", "the city of New York": the name means the city
	if p.CityWord != 0 {
		for i, m := range doc.Mentions {
			if gr := groups[gi[keyOf[i]]]; !gr.stateWord && (cityAfter(doc.Text, m.End) || cityBefore(doc.Text, m.Start)) {
				g.preferKind(gr, "CITY", p.CityWord)
			}
		}
	}
	if p.ListKind != 0 {
		g.listKinds(doc.Mentions, doc.Text, keyOf, gi, groups, p.ListKind)
	}
	if p.Pair != 0 {
		g.pairs(groups, &p)
	}
	// containers: "X, Y" where Y follows X after a comma
	for i := 0; i+1 < len(doc.Mentions); i++ {
		a, b := doc.Mentions[i], doc.Mentions[i+1]
		if gap := b.Start - a.End; gap >= 1 && gap <= 3 && keyOf[i] != keyOf[i+1] {
			ga := groups[gi[keyOf[i]]]
			ga.containers = append(ga.containers, gi[keyOf[i+1]])
		}
	}
	// a person's name, an acronym, a title or a newspaper is not the small
	// town so named, unless written with its state ("Nixon, Texas")
	if p.NotPlace {
		seen := make([]bool, len(groups))
		for i, m := range doc.Mentions {
			if j := gi[keyOf[i]]; !seen[j] {
				seen[j] = true
				g.dropNamesakes(groups[j], doc, m.Text, groups)
			}
		}
	}
	// context votes that do not change: context words and the outlet
	fixedCountry := map[string]float64{}
	fixedAdmin1 := map[string]float64{}
	for _, w := range doc.Context {
		c, _ := doc.Memo.lookupLoose(g, w)
		if len(c) == 0 {
			continue
		}
		best := g.bestByPrior(c, &p)
		switch g.fcodes[g.fcode[best]] {
		case "PCLI":
			fixedCountry[g.cc(best)] += p.ContextVote
		case "ADM1":
			if g.demonymKey(Key(w)) {
				// "English", "Texan": for the nation, as a country's
				// adjective is, not for the towns of the region
				fixedCountry[g.cc(best)] += p.ContextVote
				continue
			}
			fixedAdmin1[g.a1s[g.a1[best]]] += p.ContextVote
			fixedCountry[g.cc(best)] += p.ContextVote / 2
		}
	}
	if doc.OutletCountry != "" {
		fixedCountry[strings.ToUpper(doc.OutletCountry)] += p.OutletCountry / math.Max(p.CountryVote, 1e-9)
	}

	// Votes of each group's current best; groups are re-scored one after the
	// other and their choice updated at once (so two groups cannot keep
	// swapping to agree with each other's previous choice).
	country := map[string]float64{}
	admin1 := map[string]float64{}
	vote := func(gr *group, sign float64) {
		if gr.best < 0 || gr.part {
			return
		}
		r := gr.cands[gr.best]
		cv, av := g.votes(r)
		if g.demonymKey(gr.key) {
			// an adjective ("English", "Texan") speaks for a people or a
			// language, not for the towns of its region
			av = 0
		}
		country[g.cc(r)] += sign * cv
		if av > 0 {
			admin1[g.a1s[g.a1[r]]] += sign * av
		}
	}
	for _, gr := range groups {
		vote(gr, 1)
	}
	for it := 0; it < p.Iterations; it++ {
		changed := false
		for _, gr := range groups {
			if gr.best < 0 {
				continue
			}
			vote(gr, -1) // the group's own choice is no evidence for itself
			top := topCountry(country, fixedCountry)
			for j, c := range gr.cands {
				cc, a1 := g.cc(c), g.a1s[g.a1[c]]
				cv := country[cc] + fixedCountry[cc]
				av := admin1[a1] + fixedAdmin1[a1]
				fc := g.fcodes[g.fcode[c]]
				s := gr.base[j]
				area := g.area(c)
				if !area {
					s += p.CountryVote * math.Min(cv, p.VoteCap)
				}
				if cv <= 0 && top >= p.ForeignMin && (fc == "ADM1" || fc == "RGN" && !area) {
					// a region of a country the document does not speak of
					s -= p.ForeignRegion
				}
				if len(a1) > 3 && fc != "ADM1" {
					s += p.Admin1Vote * math.Min(av, p.VoteCap)
				}
				if p.Near > 0 && !area {
					// places near the candidate (inside it, for a country)
					n := 0.0
					for _, o := range groups {
						if o == gr || o.best < 0 || o.part {
							continue
						}
						r := o.cands[o.best]
						of := g.fcodes[g.fcode[r]]
						if of == "PCLI" || g.area(r) {
							continue
						}
						if fc == "PCLI" && g.cc(r) == cc || fc != "PCLI" && g.near(c, r, p.NearKm) {
							n++
						}
					}
					s += p.Near * math.Min(n, p.VoteCap)
				}
				for _, ci := range gr.containers {
					if g.contains(groups[ci], c) {
						s += p.Container
						break
					}
				}
				gr.score[j] = s
			}
			if b := argmax(gr.score); b != gr.best {
				gr.best = b
				changed = true
			}
			vote(gr, 1)
		}
		if !changed {
			break
		}
	}

	// a facility or part placed at the place it is named after only where
	// the document speaks of that place's country (or the place is big)
	// support for a weak choice (loose, alias-only) counts only what the
	// document's other, firm choices say: two weak choices in one far
	// country ("Western" → Fiji's division, "Suba" → Suva in a Kenya
	// story) do not hold each other up
	weak := make([]bool, len(groups))
	firm := map[string]float64{}
	for i, gr := range groups {
		weak[i] = (gr.loose || g.aliasOnly(gr)) && !gr.part
		if gr.best >= 0 && !gr.part && !weak[i] {
			cv, _ := g.votes(gr.cands[gr.best])
			firm[g.cc(gr.cands[gr.best])] += cv
		}
	}
	for i, gr := range groups {
		if gr.part && gr.best >= 0 && !g.partSupported(gr.cands[gr.best], groups, admin1, fixedAdmin1, &p) {
			gr.best = -1
		}
		if weak[i] && gr.best >= 0 && !g.looseSupported(gr, groups, weak, firm, fixedCountry, &p) {
			gr.best = -1
		}
	}

	if p.FamousSense {
		for _, gr := range groups {
			g.famousSense(gr, groups)
		}
	}
	if p.BigSense {
		g.bigSenses(groups)
	}
	if p.LoneTown > 0 {
		for _, gr := range groups {
			if gr.best >= 0 && !gr.part && g.loneTown(gr, groups, admin1, fixedAdmin1, &p) {
				gr.best = -1
			}
		}
	}
	out := make([]Place, len(doc.Mentions))
	focus := int32(-1)
	if p.FocusConfidence > 0 {
		focus = g.focus(groups)
	}
	// the document's point places, for placing rivers on their course
	var points []int32
	for _, gr := range groups {
		if gr.best >= 0 && !gr.part {
			r := gr.cands[gr.best]
			if !g.area(r) && !extended(g.fcodes[g.fcode[r]]) && g.fcodes[g.fcode[r]] != "PCLI" {
				points = append(points, r)
			}
		}
	}
	for i, m := range doc.Mentions {
		gr := groups[gi[keyOf[i]]]
		out[i].Mention = m
		if gr.best < 0 {
			if focus >= 0 && !gr.notPlace {
				f := focus
				if l := g.localFocus(doc.Mentions, i, keyOf, gi, groups, focus); l >= 0 {
					f = l
				}
				out[i].Candidate = g.candidate(f)
				out[i].Focus = true
				out[i].Confidence = p.FocusConfidence
			}
			continue
		}
		out[i].Candidate = g.candidate(gr.cands[gr.best])
		if lat, lon, ok := g.pointNear(gr.cands[gr.best], points); ok {
			out[i].Lat, out[i].Lon = float64(lat)/1e6, float64(lon)/1e6
		}
		out[i].Resolved = true
		out[i].Part = gr.part
		out[i].Confidence = softmaxTop(gr.score, gr.best, p.ConfidenceTemp)
	}
	return out
}

// pairs adds Params.Pair to the context-free score of each town or
// county candidate that lies within Params.PairKm of a candidate of
// another mention of the document (once per other mention, at most
// VoteCap times): two names written together that both have a sense at
// the same spot most likely mean those senses ("Huntsville" and "Walker
// County": the Texas town is that county's seat, while the bigger
// Huntsville, Alabama, is 100 km from the Walker County of Alabama).
// Only candidates the mentions name by their main name take part
// ("Ohio" is not Ohio County, "Uplands" not Upland), and no country,
// admin-1 region or area: they hold everything near them.
func (g *Gazetteer) pairs(groups []*group, p *Params) {
	local := func(r int32, key string) bool {
		fc := g.fcodes[g.fcode[r]]
		return fc != "PCLI" && fc != "ADM1" && fc != "ADMD" && !g.area(r) && !extended(fc) && keyIs(g.names[r], key)
	}
	dLat := int32(p.PairKm / 111 * 1e6)
	for _, gr := range groups {
		if gr.part || len(gr.cands) < 2 || g.namesState(gr) {
			continue
		}
		for j, c := range gr.cands {
			if !local(c, gr.key) {
				continue
			}
			cos := math.Cos(float64(g.lat[c]) / 1e6 * math.Pi / 180)
			dLon := int32(float64(dLat) / math.Max(cos, 0.05))
			n := 0.0
			for _, o := range groups {
				if o == gr || o.part {
					continue
				}
				for _, r := range o.cands {
					if !local(r, o.key) || abs32(g.lat[r]-g.lat[c]) > dLat || abs32(g.lon[r]-g.lon[c]) > dLon {
						continue
					}
					if g.near(c, r, p.PairKm) {
						n++
						break
					}
				}
				if n >= p.VoteCap {
					break
				}
			}
			gr.base[j] += p.Pair * n
			gr.score[j] = gr.base[j]
		}
		// the best by context-free score again
		gr.best = argmax(gr.base)
	}
}

// namesState reports whether one of the group's candidates is a country or
// admin-1 region called by the mention's very name ("Florida"): such a name
// keeps its state sense before any town near the document's other names
// (Florida, New York).
func (g *Gazetteer) namesState(gr *group) bool {
	for _, c := range gr.cands {
		if fc := g.fcodes[g.fcode[c]]; (fc == "PCLI" || fc == "ADM1") && keyIs(g.names[c], gr.key) {
			return true
		}
	}
	return false
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// lowerInitial reports whether a mention starts with a lower-case letter
// ("markets", "the lake").
func lowerInitial(text string) bool {
	for _, r := range text {
		return unicode.IsLower(r)
	}
	return false
}

// keepLower keeps the candidates a mention written in lower case may mean:
// a country, region or city of 100,000 people or more called so by its main
// name ("iraq", "texas"), never an alternate name ("markets" is one of
// Marquette's) or a small place named like a common word ("style").
func (g *Gazetteer) keepLower(cs []scored, key string) []scored {
	out := cs[:0:0]
	for _, c := range cs {
		if !keyIs(g.names[c.r], key) {
			continue
		}
		switch fc := g.fcodes[g.fcode[c.r]]; {
		case fc == "PCLI" || fc == "ADM1" || fc == "PPLC" || g.pop[c.r] >= 100000:
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

// localFocus is the town named nearest before or after mention i in the
// text, within LocalFocusBytes, and near the document's focus (within
// Params.NearKm): an unknown street or building is most likely beside the
// town written next to it. -1 if none.
func (g *Gazetteer) localFocus(ms []Mention, i int, keyOf []string, gi map[string]int, groups []*group, focus int32) int32 {
	best, bestD := int32(-1), LocalFocusBytes+1
	for j, m := range ms {
		if j == i {
			continue
		}
		d := ms[i].Start - m.End
		if j > i {
			d = m.Start - ms[i].End
		}
		if d < 0 || d >= bestD {
			continue
		}
		gr := groups[gi[keyOf[j]]]
		if gr.best < 0 || gr.part {
			continue
		}
		r := gr.cands[gr.best]
		fc := g.fcodes[g.fcode[r]]
		if g.area(r) || extended(fc) || fc == "PCLI" || fc == "ADM1" || fc == "AIRP" || !g.near(r, focus, defaultParams.NearKm) {
			continue
		}
		best, bestD = r, d
	}
	return best
}

// LocalFocusBytes is how far from an unknown name (in bytes of text) a
// town is taken for where it is (localFocus).
const LocalFocusBytes = 150

// support is how much the document's other places speak for r as its
// focus: half their mentions in r's country, as many again near r (in its
// admin-1 region or within Params.NearKm).
func (g *Gazetteer) support(r int32, self *group, groups []*group) float64 {
	s := 0.0
	cc, a1 := g.cc(r), g.a1s[g.a1[r]]
	for _, o := range groups {
		if o == self || o.best < 0 || o.part {
			continue
		}
		q := o.cands[o.best]
		if g.area(q) || g.cc(q) != cc {
			continue
		}
		s += o.weight / 2
		if len(a1) > 3 && g.a1s[g.a1[q]] == a1 || g.near(r, q, defaultParams.NearKm) {
			s += o.weight / 2
		}
	}
	return s
}

// focus is the document's most specific well-attested place: the town (or
// county) most mentioned and best supported by the document's other places
// (support), else admin-1 region, else country; -1 if the document resolved
// nothing.
func (g *Gazetteer) focus(groups []*group) int32 {
	best, bestRank, bestW := int32(-1), -1, 0.0
	for _, gr := range groups {
		if gr.best < 0 {
			continue
		}
		r := gr.cands[gr.best]
		rank := 0
		switch fc := g.fcodes[g.fcode[r]]; {
		case g.area(r), extended(g.fcodes[g.fcode[r]]):
			continue // a sea or a river is not where a story is
		case fc == "AIRP":
			rank = 0 // an airport is where a story passes, not where it is
		case fc == "PCLI":
			rank = 1
		case fc == "ADM1":
			rank = 2
		default:
			rank = 3
		}
		w := gr.weight + g.support(r, gr, groups) + 0.1*math.Log10(float64(g.pop[r])+1)
		if rank > bestRank || rank == bestRank && w > bestW {
			best, bestRank, bestW = r, rank, w
		}
	}
	return best
}

// scored is a candidate record with its context-free score.
type scored struct {
	r int32
	s float64
}

// rank returns the candidates of a mention with their context-free scores,
// best first: prior, a bonus when the mention is the place's main name, the
// dev gold's sense prior for the key (Params.SenseWeight), and the seat rule.
func (g *Gazetteer) rank(text, key string, p *Params) []scored {
	return g.rankRecords(g.lookupKey(text), key, p)
}

// rankRecords scores the records post found for key (see rank).
func (g *Gazetteer) rankRecords(post []int32, key string, p *Params) []scored {
	if len(post) == 0 {
		return nil
	}
	cs := make([]scored, len(post))
	for i, r := range post {
		s := g.priorWith(r, p)
		if keyIs(g.names[r], key) {
			s += p.PrimaryName
		}
		if p.SenseWeight != 0 {
			s += p.SenseWeight * p.Senses.share(key, g.ids[r])
		}
		if fc := g.fcodes[g.fcode[r]]; p.BareFeature != 0 && extended(fc) && fc != "ISL" && fc != "ISLS" && !g.famous(r) && !HasGenericWord(key) {
			s -= p.BareFeature
		}
		if wrongKind(key, g.fcodes[g.fcode[r]]) {
			s -= p.WrongKind
		}
		cs[i] = scored{r, s}
	}
	if p.AliasPenalty != 0 {
		g.penaliseAliases(cs, key, p.AliasPenalty)
	}
	// A region named like its own seat (a governorate or province that
	// shares its capital's name): news mean the city, so the region ranks
	// below it (by SeatPenalty, or more).
	if p.SeatPenalty != 0 {
		for i := range cs {
			fc := g.fcodes[g.fcode[cs[i].r]]
			if fc != "ADM1" && fc != "ADM2" {
				continue
			}
			for _, o := range cs {
				of := g.fcodes[g.fcode[o.r]]
				seat := of == "PPLA" || of == "PPLC" || (fc == "ADM2" && of == "PPLA2")
				// a region ten times as populous as its seat is what the
				// name means ("Quebec"): its people mostly live elsewhere
				if seat && g.a1[o.r] == g.a1[cs[i].r] && g.pop[cs[i].r] < 10*g.pop[o.r] {
					cs[i].s = math.Min(cs[i].s-p.SeatPenalty, o.s-0.1)
					break
				}
			}
		}
	}
	// A section of a town (a suburb or neighbourhood, PPLX) named like a
	// town that is a seat of government: the bare name means the seat
	// ("Flemington", New Jersey's county seat, not the Melbourne suburb;
	// "Venice" the Italian regional capital, not Los Angeles' district).
	if p.SectionPenalty != 0 {
		seat := false
		for _, c := range cs {
			switch g.fcodes[g.fcode[c.r]] {
			case "PPLC", "PPLA", "PPLA2":
				seat = seat || keyIs(g.names[c.r], key)
			}
		}
		if seat {
			for i := range cs {
				if g.fcodes[g.fcode[cs[i].r]] == "PPLX" {
					cs[i].s -= p.SectionPenalty
				}
			}
		}
	}
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].s != cs[b].s {
			return cs[a].s > cs[b].s
		}
		return cs[a].r < cs[b].r
	})
	return cs
}

// penaliseAliases takes w from the towns among cs named only by an
// alternate name that shares no word with their main name (not "St.
// Petersburg" for Saint Petersburg) when another candidate's main name is
// key (Params.AliasPenalty).
func (g *Gazetteer) penaliseAliases(cs []scored, key string, w float64) {
	exact := false
	for _, c := range cs {
		if keyIs(g.names[c.r], key) {
			exact = true
			break
		}
	}
	if !exact {
		return
	}
	for i, c := range cs {
		if strings.HasPrefix(g.fcodes[g.fcode[c.r]], "PPL") && !withKey(g.names[c.r], func(k string) bool { return shareWord(k, key) }) {
			cs[i].s -= w
		}
	}
}

// shareWord reports whether two keys have a word in common.
func shareWord(a, b string) bool {
	for w := range strings.FieldsSeq(a) {
		for v := range strings.FieldsSeq(b) {
			if w == v {
				return true
			}
		}
	}
	return false
}

// newGroup collects and pre-scores the candidates of one mention key.
func (g *Gazetteer) newGroup(memo *Memo, text, key string, p *Params) *group {
	gr := &group{best: -1, weight: 1, key: key}
	post, loose := memo.lookupLoose(g, text)
	cs := g.rankRecords(post, key, p)
	gr.loose = (loose || compassOnly(key)) && p.LooseSupport
	gr.alias = p.AliasSupport
	if lowerInitial(text) {
		cs = g.keepLower(cs, key)
	}
	if len(cs) == 0 && p.Part && !lowerInitial(text) {
		if rs, pk := g.partLookup(key); len(rs) > 0 {
			cs = g.rankRecords(rs, pk, p)
			gr.part = true
		}
	}
	if len(cs) == 0 {
		return gr
	}
	if p.MaxCandidates > 0 && len(cs) > p.MaxCandidates {
		cs = cs[:p.MaxCandidates]
	}
	gr.cands = make([]int32, len(cs))
	gr.base = make([]float64, len(cs))
	gr.score = make([]float64, len(cs))
	for i, c := range cs {
		gr.cands[i], gr.base[i], gr.score[i] = c.r, c.s, c.s
	}
	gr.best = 0
	return gr
}

// votes is how much a resolved place speaks for its country and its
// admin-1 region.
func (g *Gazetteer) votes(r int32) (country, admin1 float64) {
	switch g.fcodes[g.fcode[r]] {
	case "PCLI":
		return 1, 0
	case "ADM1":
		return 0.5, 1
	}
	if g.area(r) {
		return 0, 0
	}
	if len(g.a1s[g.a1[r]]) > 3 {
		return 0.5, 0.5
	}
	return 0.5, 0
}

// contains reports whether one of the container group's candidates (a
// country or admin-1 region) holds record c.
func (g *Gazetteer) contains(ct *group, c int32) bool {
	for _, r := range ct.cands {
		switch g.fcodes[g.fcode[r]] {
		case "PCLI":
			if g.cc(r) == g.cc(c) && r != c {
				return true
			}
		case "ADM1":
			if g.a1[r] == g.a1[c] && r != c {
				return true
			}
		}
	}
	return false
}

// isArea reports feature codes of areas larger than or across countries
// (continents, oceans, regions), which say nothing about a country.
func isArea(fc string) bool {
	switch fc {
	case "CONT", "RGN", "GULF", "OCN", "SEA":
		return true
	}
	return false
}

// area reports whether record r is an area larger than or across countries:
// a region with a country of its own ("Kurdistan Region", IQ) is not.
func (g *Gazetteer) area(r int32) bool {
	fc := g.fcodes[g.fcode[r]]
	if isArea(fc) {
		return fc != "RGN" || g.cc(r) == "XX"
	}
	// physical features and landmarks across countries (overlay)
	return g.cc(r) == "XX"
}

// topCountry is the largest country support among the document's votes.
func topCountry(votes, fixed map[string]float64) float64 {
	top := 0.0
	for cc, v := range votes {
		top = math.Max(top, v+fixed[cc])
	}
	for cc, v := range fixed {
		top = math.Max(top, v+votes[cc])
	}
	return top
}

func (g *Gazetteer) cc(r int32) string { return g.a1s[g.a1[r]][:2] }

func (g *Gazetteer) dist(a, b int32) float64 {
	return DistanceKm(float64(g.lat[a])/1e6, float64(g.lon[a])/1e6, float64(g.lat[b])/1e6, float64(g.lon[b])/1e6)
}

// near reports whether g.dist(a, b) <= km. Two places are at least
// EarthRadiusKm × their latitude gap (in radians) apart — the haversine's
// first term alone — so a pair farther apart in latitude than km (with a
// margin far above rounding error) is not near, without the trigonometry:
// the resolver asks this of every candidate against every other choice of
// the document, in every iteration.
func (g *Gazetteer) near(a, b int32, km float64) bool {
	if la, lb := g.lat[a], g.lat[b]; la < -90e6 || la > 90e6 || lb < -90e6 || lb > 90e6 {
		return g.dist(a, b) <= km // the bound holds for latitudes in range only (an overlay's record may not be)
	}
	if dlat := math.Abs(float64(g.lat[a])-float64(g.lat[b])) / 1e6 * (math.Pi / 180); dlat*EarthRadiusKm > km*(1+1e-9)+1e-6 {
		return false
	}
	return g.dist(a, b) <= km
}

func (g *Gazetteer) bestByPrior(c []int32, p *Params) int32 {
	best, bs := c[0], math.Inf(-1)
	for _, r := range c {
		if s := g.priorWith(r, p); s > bs {
			best, bs = r, s
		}
	}
	return best
}

func argmax(s []float64) int {
	if len(s) == 0 {
		return -1
	}
	b := 0
	for i, v := range s {
		if v > s[b] {
			b = i
		}
	}
	return b
}

// softmaxTop is the softmax probability of s[i] among s.
func softmaxTop(s []float64, i int, temp float64) float64 {
	if temp <= 0 {
		temp = 1
	}
	m := s[i]
	for _, v := range s {
		m = math.Max(m, v)
	}
	var z float64
	for _, v := range s {
		z += math.Exp((v - m) / temp)
	}
	return math.Exp((s[i]-m)/temp) / z
}

// partSupported reports whether a place a facility is named after may stand
// for it: a country, continent, capital or city of 100,000 people or more, or a place
// in (or an) admin-1 region the document's other places or
// context speak of, or near one of them.
func (g *Gazetteer) partSupported(r int32, groups []*group, admin1, fixed map[string]float64, p *Params) bool {
	switch g.fcodes[g.fcode[r]] {
	case "PCLI", "PPLC", "CONT":
		return true
	}
	if g.pop[r] >= 100000 {
		return true
	}
	if a := g.a1s[g.a1[r]]; len(a) > 3 && admin1[a]+fixed[a] > 0 {
		return true
	}
	for _, o := range groups {
		if o.best >= 0 && !o.part && g.near(r, o.cands[o.best], p.NearKm) {
			return true
		}
	}
	return false
}

// looseSupported reports whether the place a loosely found group chose
// ("West Midlands" → Midlands Province, Zimbabwe) may stand: a country or
// capital (not a small one named by an alternate name), or a place whose
// country the document's firm places (not weak) or context speak of, or
// near one of them. Unsupported, the mention is left unknown
// (and placed at the document's focus) rather than sent abroad.
func (g *Gazetteer) looseSupported(gr *group, groups []*group, weak []bool, firm, fixed map[string]float64, p *Params) bool {
	r := gr.cands[gr.best]
	switch g.fcodes[g.fcode[r]] {
	case "PCLI":
		return true
	case "PPLC":
		// a capital, unless a small one named only by an alternate name
		if !g.aliasOnly(gr) {
			return true
		}
	}
	if g.area(r) {
		return true
	}
	cc := g.cc(r)
	if firm[cc]+fixed[cc] > 0 {
		return true
	}
	for i, o := range groups {
		if o != gr && !weak[i] && o.best >= 0 && !o.part && g.near(r, o.cands[o.best], p.NearKm) {
			return true
		}
	}
	return false
}

// aliasOnly reports whether a group's choice is a small town the mention
// names only by one of its alternate names ("Karo" for Carros, "Abbasiya"
// for Yehud): such names are often another place's own, which the
// gazetteer lacks, so the town needs the document's support too.
func (g *Gazetteer) aliasOnly(gr *group) bool {
	if !gr.alias || gr.best < 0 {
		return false
	}
	r := gr.cands[gr.best]
	fc := g.fcodes[g.fcode[r]]
	if !strings.HasPrefix(fc, "PPL") || g.pop[r] >= 100000 {
		return false
	}
	return !withKey(g.names[r], func(k string) bool { return strings.Contains(k, gr.key) })
}

// stateAfter reports whether the word after byte offset end of text is the
// lower-case word "state" ("Washington state farm"; not "stated",
// "statement", nor "State" of a name such as "Ohio State").
func stateAfter(text string, end int) bool {
	if end < 0 || end > len(text) {
		return false
	}
	rest, ok := strings.CutPrefix(text[end:], " state")
	if !ok {
		return false
	}
	for _, r := range rest {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	return true
}

// governorWords follow a state's name, never a city's, in news: "New York
// Gov. Andrew Cuomo", "Washington Governor Jay Inslee", "the Texas
// Legislature" (a city has a mayor and a council).
var governorWords = []string{" Gov.", " Gov ", " Governor", " governor", " Lt. Gov.", " Lieutenant Governor", " Legislature", " legislature", " Statehouse", " statehouse"}

// governorAfter reports whether a governor's title or a state legislature
// follows byte offset end of text ("New York Gov.", "Washington
// governor"; not "Governors Island", "governorship").
func governorAfter(text string, end int) bool {
	if end < 0 || end > len(text) {
		return false
	}
	rest := text[end:]
	for _, w := range governorWords {
		r, ok := strings.CutPrefix(rest, w)
		if !ok {
			continue
		}
		if strings.HasSuffix(w, ".") || strings.HasSuffix(w, " ") {
			return true
		}
		for _, c := range r {
			return !unicode.IsLetter(c) && !unicode.IsDigit(c)
		}
		return true
	}
	return false
}

// stateBefore reports whether the text before byte offset start ends with
// "state of " ("in the state of Washington", "the State of New York").
func stateBefore(text string, start int) bool {
	if start < 0 || start > len(text) {
		return false
	}
	head, ok := strings.CutSuffix(text[:start], "tate of ")
	if !ok || !strings.HasSuffix(head, " s") && !strings.HasSuffix(head, " S") && head != "s" && head != "S" {
		return false
	}
	return true
}

// preferAdmin1 adds w to the context-free score of the group's admin-1
// candidates, once, and re-takes its best.
func (gr *group) preferAdmin1(g *Gazetteer, w float64) {
	if gr.stateWord || gr.best < 0 {
		return
	}
	gr.stateWord = true
	for j, c := range gr.cands {
		if g.fcodes[g.fcode[c]] == "ADM1" {
			gr.base[j] += w
			gr.score[j] = gr.base[j]
		}
	}
	gr.best = argmax(gr.score)
}

// loneTown reports whether a group's choice is a town of under
// loneTownPop people that nothing in the document speaks for (no other
// place within Params.NearKm, its admin-1 region unnamed) while another
// admin-1 region of the same country has Params.LoneTown votes or more:
// most likely a place the gazetteer lacks, named like a far namesake
// ("West Chester" in a Cincinnati story is West Chester, Ohio, which the
// gazetteer lacks, not Pennsylvania's; "Pearl Harbor" in a Hawaii story
// is not Pearl, Mississippi). Such a mention is left unresolved, so it is
// shown as unknown (or placed at the document's focus) rather than sent
// to the namesake.
func (g *Gazetteer) loneTown(gr *group, groups []*group, admin1, fixed map[string]float64, p *Params) bool {
	r := gr.cands[gr.best]
	fc := g.fcodes[g.fcode[r]]
	if !strings.HasPrefix(fc, "PPL") || fc == "PPLC" || g.pop[r] >= loneTownPop {
		return false
	}
	a1 := g.a1s[g.a1[r]]
	if len(a1) <= 3 {
		return false
	}
	_, own := g.votes(r)
	if admin1[a1]-own+fixed[a1] > 0 {
		return false
	}
	for _, o := range groups {
		if o != gr && o.best >= 0 && !o.part && g.near(r, o.cands[o.best], p.NearKm) {
			return false
		}
	}
	cc := g.cc(r)
	for a, v := range admin1 {
		if a != a1 && a[:2] == cc && v+fixed[a] >= p.LoneTown {
			return true
		}
	}
	for a, v := range fixed {
		if a != a1 && a[:2] == cc && v+admin1[a] >= p.LoneTown {
			return true
		}
	}
	return false
}

// loneTownPop: a town of this many people or more is named in the news
// for itself, wherever the document's other places are.
const loneTownPop = 100000

// compassOnly reports whether a key is only words of direction ("western",
// "north eastern", "central"): many countries have a division so named,
// so such a name needs the document's support like a loosely found one.
func compassOnly(key string) bool {
	n := 0
	for w := range strings.FieldsSeq(key) {
		n++
		switch w {
		case "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
			"northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west":
		default:
			return false
		}
	}
	return n > 0
}
