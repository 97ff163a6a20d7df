package geo

import "strings"

// A big place's name on a small namesake. A national story names a
// Denver, a Paris or a Jordan by its bare name and means the big place;
// the document's votes (a state it also speaks of, its country's many
// mentions) can still pull the name onto a village of that state or
// country (Denver, North Carolina, in a story that also names North
// Carolina; Paris, Texas, in a story of the Paris attacks written for
// Americans). Local news names such a village among the towns and
// counties around it, and those are what tell it apart: a state's name,
// a country's or a big city's speaks for the whole state or country, not
// for one of its villages.

// bigSenseRatio is how many times the small town's population the big
// place must have for its sense to win without the town's local support.
const bigSenseRatio = 20

// bigSense moves a group from a small town to the place called exactly so
// that is bigSenseRatio times as populous (a city of 100,000 or more, a
// capital, a country), unless the document supports the town locally:
// writes it with its state ("Paris, Texas"), or names another small town
// or a county within Params.NearKm of it. A town named only by one of its
// alternate names ("Chicago", an old name of Willard, Ohio) gives way to
// a city of 100,000 or more called so by its main name whatever its size.
func (g *Gazetteer) bigSense(gr *group, groups []*group, p *Params) {
	if gr.best < 0 || gr.part || !g.smallTown(gr.cands[gr.best]) {
		return
	}
	s := gr.cands[gr.best]
	for _, ci := range gr.containers {
		if g.contains(groups[ci], s) {
			return
		}
	}
	alias := Key(g.names[s]) != gr.key
	big := -1
	for j, c := range gr.cands {
		if Key(g.names[c]) != gr.key || !g.bigPlace(c) || g.cc(c) != g.cc(s) {
			continue
		}
		if !alias && float64(g.pop[c]) < bigSenseRatio*float64(g.pop[s]) {
			continue
		}
		if big < 0 || g.pop[c] > g.pop[gr.cands[big]] {
			big = j
		}
	}
	if big < 0 {
		return
	}
	if g.localSupport(s, gr, groups, p) {
		return
	}
	gr.best = big
}

// bigPlace reports whether r is a country or a city the news names for
// itself by its bare name: a capital or a city of 100,000 people or more.
func (g *Gazetteer) bigPlace(r int32) bool {
	fc := g.fcodes[g.fcode[r]]
	return fc == "PCLI" || fc == "PPLC" || strings.HasPrefix(fc, "PPL") && g.pop[r] >= loneTownPop
}

// localSupport reports whether the document names, besides gr, a small
// town or a county (ADM2) within Params.NearKm of record s: the local
// geography a village is named among.
func (g *Gazetteer) localSupport(s int32, gr *group, groups []*group, p *Params) bool {
	for _, o := range groups {
		if o == gr || o.best < 0 || o.part {
			continue
		}
		r := o.cands[o.best]
		if (g.smallTown(r) || g.fcodes[g.fcode[r]] == "ADM2") && g.dist(s, r) <= p.NearKm {
			return true
		}
	}
	return false
}
