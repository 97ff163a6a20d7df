package geo

import "strings"

// Names written as one list ("California or Washington", "Georgia and
// Armenia", "New York and London") are most often places of one kind: a
// name with a state's, a country's and a city's sense takes the sense its
// neighbours in the list have. Only the kinds a reader tells apart by the
// list are used: admin-1 region, country, and city of 100,000 people or
// more.

// listKind is the kind of place a group's current best is, for the list
// rule: "ADM1", "PCLI" or "CITY"; "" when the best is none of these or the
// mention does not name it by its main name (an alias says little).
func (g *Gazetteer) listKind(gr *group) string {
	if gr.best < 0 || gr.part {
		return ""
	}
	r := gr.cands[gr.best]
	if !keyIs(g.names[r], gr.key) {
		return ""
	}
	switch fc := g.fcodes[g.fcode[r]]; {
	case fc == "ADM1" || fc == "PCLI":
		return fc
	case strings.HasPrefix(fc, "PPL") && g.pop[r] >= 100000:
		return "CITY"
	}
	return ""
}

// ofKind reports whether record r is of list kind k. A city may be named
// by one of its alternate names ("New York" for New York City); a state or
// country only by its main name.
func (g *Gazetteer) ofKind(r int32, k, key string) bool {
	if k != "CITY" && !keyIs(g.names[r], key) {
		return false
	}
	fc := g.fcodes[g.fcode[r]]
	if k == "CITY" {
		return strings.HasPrefix(fc, "PPL") && g.pop[r] >= 100000
	}
	return fc == k
}

// preferKind adds w to the context-free score of the group's candidates of
// kind k, once, and re-takes its best; a group whose best already is of
// kind k is left alone.
func (g *Gazetteer) preferKind(gr *group, k string, w float64) {
	if gr.best < 0 || gr.part || gr.listed || g.ofKind(gr.cands[gr.best], k, gr.key) {
		return
	}
	found := false
	for j, c := range gr.cands {
		if g.ofKind(c, k, gr.key) {
			gr.base[j] += w
			gr.score[j] = gr.base[j]
			found = true
		}
	}
	if found {
		gr.listed = true
		gr.best = argmax(gr.score)
	}
}

// listJoin reports whether the text between two mentions joins them as
// items of one list: " and ", " or ", " & ", ", and ", ", or ", or a bare
// comma (which alone also writes "Paris, Texas": see listComma).
func listJoin(text string, end, start int) (joined, comma bool) {
	if end < 0 || start > len(text) || end > start || start-end > 6 {
		return false, false
	}
	switch text[end:start] {
	case " and ", " or ", " & ", ", and ", ", or ":
		return true, false
	case ", ":
		return true, true
	}
	return false, false
}

// listKinds applies the list rule to a document's mentions: each mention
// joined to a neighbour whose kind is clear takes that kind when it has a
// candidate of it. A bare comma counts only inside a list of three or more
// ("Oregon, Washington and Idaho"), never between two names alone ("Paris,
// Texas" is a town and its state).
func (g *Gazetteer) listKinds(ms []Mention, text string, keyOf []string, gi map[string]int, groups []*group, w float64) {
	n := len(ms)
	if n < 2 || text == "" {
		return
	}
	join := make([]bool, n-1) // join[i]: mentions i and i+1 are list items
	comma := make([]bool, n-1)
	for i := 0; i+1 < n; i++ {
		join[i], comma[i] = listJoin(text, ms[i].End, ms[i+1].Start)
	}
	for i := range join {
		if comma[i] && !(i > 0 && join[i-1] || i+1 < len(join) && join[i+1] && !comma[i+1]) {
			join[i] = false
		}
	}
	// the kinds are read before any change, so that a chain of lists does
	// not spread a kind taken from the rule itself
	kinds := make([]string, len(groups))
	for j, gr := range groups {
		kinds[j] = g.listKind(gr)
	}
	for i, ok := range join {
		if !ok {
			continue
		}
		a, b := gi[keyOf[i]], gi[keyOf[i+1]]
		if a == b {
			continue
		}
		if kinds[a] != "" && kinds[b] != "" && g.hasKind(groups[a], kinds[b]) && g.hasKind(groups[b], kinds[a]) {
			// both names have both senses ("Washington and New York"):
			// the list says nothing about which
			continue
		}
		if k := kinds[b]; k != "" && kinds[a] != k {
			g.preferKind(groups[a], k, w)
		}
		if k := kinds[a]; k != "" && kinds[b] != k {
			g.preferKind(groups[b], k, w)
		}
	}
}

// hasKind reports whether one of the group's candidates is of list kind k.
func (g *Gazetteer) hasKind(gr *group, k string) bool {
	for _, c := range gr.cands {
		if g.ofKind(c, k, gr.key) {
			return true
		}
	}
	return false
}
