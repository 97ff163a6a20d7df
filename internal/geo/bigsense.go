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
// for one of its villages — nor does another village that has a big
// namesake of its own (Potsdam and Copenhagen, two villages of New York,
// in a story of climate summits).

// bigSenseRatio is how many times the small town's population the big
// place must have for its sense to win without the town's local support.
const bigSenseRatio = 25

// bigSenseLocalKm is how near the town a small town or county of the
// document must be to speak for it.
const bigSenseLocalKm = 100

// bigSenses moves every group whose choice is a small town to the big
// place called so (bigAlternative), unless the document supports the town
// locally: writes it with its state ("Paris, Texas"), or names within
// bigSenseLocalKm of it another small town or county that has no big
// namesake itself.
func (g *Gazetteer) bigSenses(groups []*group) {
	big := make([]int, len(groups))
	found := false
	for i, gr := range groups {
		big[i] = g.bigAlternative(gr, groups)
		found = found || big[i] >= 0
	}
	if !found {
		return
	}
	for i, gr := range groups {
		if big[i] < 0 {
			continue
		}
		s := gr.cands[gr.best]
		local := false
		for j, o := range groups {
			if j == i || big[j] >= 0 || o.best < 0 || o.part {
				continue
			}
			r := o.cands[o.best]
			if (g.smallTown(r) || g.fcodes[g.fcode[r]] == "ADM2") && g.near(s, r, bigSenseLocalKm) {
				local = true
				break
			}
		}
		if !local {
			gr.best = big[i]
		}
	}
}

// bigAlternative is the index among gr's candidates of the place that gr,
// placed on a small town not written with its state, means in news
// without local support; -1 if none. It is a landmark of the landmarks
// table called so ("White House" before White House, Tennessee), else the
// most populous place called exactly so that is a country, a capital or a
// city of 100,000 or more (bigPlace), bigSenseRatio times as populous as
// the town, in the town's country, in a country the document names
// (countryNamed: "Hamburg" beside "Germany"), or a national capital a
// hundred times as populous (worldCity: "Paris", "Copenhagen"). A town
// named only by one of its alternate names ("Chicago", an old name of
// Willard, Ohio) gives way to such a place whatever its size.
func (g *Gazetteer) bigAlternative(gr *group, groups []*group) int {
	if gr.best < 0 || gr.part || !g.smallTown(gr.cands[gr.best]) {
		return -1
	}
	s := gr.cands[gr.best]
	for _, ci := range gr.containers {
		if g.contains(groups[ci], s) {
			return -1
		}
	}
	alias := !keyIs(g.names[s], gr.key)
	big := -1
	for j, c := range gr.cands {
		if !keyIs(g.names[c], gr.key) {
			continue
		}
		if g.famous(c) {
			return j
		}
		if !g.bigPlace(c) || g.cc(c) != g.cc(s) && !g.countryNamed(g.cc(c), gr, groups) && !g.worldCity(c, s) {
			continue
		}
		if !alias && float64(g.pop[c]) < bigSenseRatio*float64(g.pop[s]) {
			continue
		}
		if big < 0 || g.pop[c] > g.pop[gr.cands[big]] {
			big = j
		}
	}
	return big
}

// bigPlace reports whether r is a country or a city the news names for
// itself by its bare name: a capital or a city of 100,000 people or more.
func (g *Gazetteer) bigPlace(r int32) bool {
	fc := g.fcodes[g.fcode[r]]
	return fc == "PCLI" || fc == "PPLC" || strings.HasPrefix(fc, "PPL") && g.pop[r] >= loneTownPop
}

// countryNamed reports whether a place of the document other than gr's,
// named by its name and not by an adjective, lies in country cc: a big
// place abroad ("Hamburg" in a story that names Germany) stands against a
// small namesake at home only then, or when it is a world city. (An
// adjective is too weak: "English" speaks of a language as often as of
// England, and put a Long Island "Southampton" in England.)
func (g *Gazetteer) countryNamed(cc string, gr *group, groups []*group) bool {
	for _, o := range groups {
		if o != gr && o.best >= 0 && !o.part && !g.demonymKey(o.key) && g.cc(o.cands[o.best]) == cc {
			return true
		}
	}
	return false
}

// worldCity reports whether r is a national capital a hundred times as
// populous as the town s: a name the world's news means by itself
// ("Paris", "Copenhagen") whether or not the story names its country.
// (Cities of a million that are no capital were tried too: "Alexandria"
// in a Minnesota story went to Egypt.)
func (g *Gazetteer) worldCity(r, s int32) bool {
	return g.fcodes[g.fcode[r]] == "PPLC" && float64(g.pop[r]) >= 50*float64(g.pop[s])
}
