package endtoend

import (
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/eval/cluster"
)

// Storylines measures how storylines group documents against a coarser
// gold grouping (NewsWCL50 events, ECB+ topics).
type Storylines struct {
	Storylines int `json:"storylines"`
	// Purity is the share of document pairs in one storyline whose gold
	// groups are the same (1 when no storyline holds two documents).
	Purity float64 `json:"purity"`
	// LinkedGold is how many pairs of distinct gold groups share a
	// storyline.
	LinkedGold int `json:"linked_gold_pairs"`
}

// ScoreStorylines compares storyline[i] with gold[i] for each document.
func ScoreStorylines(gold, storyline []string) Storylines {
	var s Storylines
	by := map[string][]int{}
	for i, l := range storyline {
		by[l] = append(by[l], i)
	}
	s.Storylines = len(by)
	pairs, same := 0, 0
	linked := map[[2]string]bool{}
	for _, m := range by {
		for a := 0; a < len(m); a++ {
			for b := a + 1; b < len(m); b++ {
				pairs++
				ga, gb := gold[m[a]], gold[m[b]]
				if ga == gb {
					same++
					continue
				}
				if ga > gb {
					ga, gb = gb, ga
				}
				linked[[2]string{ga, gb}] = true
			}
		}
	}
	s.Purity = 1
	if pairs > 0 {
		s.Purity = float64(same) / float64(pairs)
	}
	s.LinkedGold = len(linked)
	return s
}

// SysMention is a stored actor reference mapped onto the gold text.
type SysMention struct {
	Start, End int
	Actor      int64
	Kind       string // name, pronoun, role, ...
	Text       string
}

// CorefDoc pairs one document's gold mentions with the system's.
type CorefDoc struct {
	Group string // gold chains never cross groups (NewsWCL50 event, ECB+ topic)
	Gold  []Mention
	Sys   []SysMention
}

// Coref is cross-document coreference of the system's own mentions,
// scored on the gold mentions: each gold mention takes the actor of the
// system mention overlapping it most (a singleton when none does);
// system mentions on no gold mention are not scored (the gold sets do not
// mark every mention). Scores are summed over groups, weighted by their
// gold mentions.
type Coref struct {
	Gold    int     `json:"gold_mentions"`
	Found   float64 `json:"found"` // share of gold mentions a system mention overlaps
	MUC     float64 `json:"muc_f1"`
	B3      float64 `json:"b3_f1"`
	CEAFe   float64 `json:"ceafe_f1"`
	CoNLL   float64 `json:"conll_f1"`
	Entries int     `json:"-"`
}

// ScoreCoref scores the system (label: the stored actor) and the
// same-name baseline (label: the normalised text of the same system
// mention, key) over the same matched mentions.
func ScoreCoref(docs []CorefDoc, key func(string) string) (sys, base Coref) {
	type lab struct{ gold, sys, base []string }
	groups := map[string]*lab{}
	var names []string
	found := 0
	for di, d := range docs {
		g := groups[d.Group]
		if g == nil {
			g = &lab{}
			groups[d.Group] = g
			names = append(names, d.Group)
		}
		for mi, m := range d.Gold {
			best, bo := -1, 0
			for si, s := range d.Sys {
				if o := min(m.End, s.End) - max(m.Start, s.Start); o > bo {
					best, bo = si, o
				}
			}
			g.gold = append(g.gold, m.Chain)
			if best < 0 {
				single := "s" + strconv.Itoa(di) + "/" + strconv.Itoa(mi)
				g.sys = append(g.sys, single)
				g.base = append(g.base, single)
				continue
			}
			found++
			s := d.Sys[best]
			g.sys = append(g.sys, "a"+strconv.FormatInt(s.Actor, 10))
			g.base = append(g.base, "k"+key(s.Text))
		}
	}
	sort.Strings(names)
	for _, n := range names {
		g := groups[n]
		w := float64(len(g.gold))
		ss, bs := cluster.Score(g.gold, g.sys), cluster.Score(g.gold, g.base)
		for _, p := range []struct {
			c *Coref
			s cluster.Scores
		}{{&sys, ss}, {&base, bs}} {
			p.c.Gold += len(g.gold)
			p.c.MUC += w * p.s.MUCF1
			p.c.B3 += w * p.s.B3F1
			p.c.CEAFe += w * p.s.CEAFeF1
		}
	}
	for _, c := range []*Coref{&sys, &base} {
		if c.Gold == 0 {
			continue
		}
		n := float64(c.Gold)
		c.MUC, c.B3, c.CEAFe = c.MUC/n, c.B3/n, c.CEAFe/n
		c.CoNLL = (c.MUC + c.B3 + c.CEAFe) / 3
		c.Found = float64(found) / n
	}
	return sys, base
}

// ActorNames is one stored actor: its id, type and every name it goes by.
type ActorNames struct {
	ID    int64
	Type  string
	Names []string
}

// Merged is a stored person actor whose names belong to two or more gold
// people.
type Merged struct {
	Actor  int64    `json:"actor"`
	Names  []string `json:"names"`
	People []string `json:"gold_people"`
}

// MergedPeople finds person actors whose names (name and aliases) are
// names of different gold people. A gold person's names are the texts of
// its proper-name ACTOR mentions (named reports which texts are proper
// names); a name used for two gold people says nothing and is skipped.
func MergedPeople(gold []Mention, actors []ActorNames, key func(string) string, named func(string) bool) []Merged {
	who := map[string]map[string]bool{}
	for _, m := range gold {
		if m.Type != "ACTOR" || !named(m.Text) {
			continue
		}
		k := key(m.Text)
		if who[k] == nil {
			who[k] = map[string]bool{}
		}
		who[k][m.Entity()] = true
	}
	var out []Merged
	for _, a := range actors {
		if a.Type != "person" {
			continue
		}
		people := map[string]bool{}
		var names []string
		for _, n := range a.Names {
			ps := who[key(n)]
			if len(ps) != 1 {
				continue
			}
			for p := range ps {
				if !people[p] {
					names = append(names, n)
				}
				people[p] = true
			}
		}
		if len(people) < 2 {
			continue
		}
		m := Merged{Actor: a.ID, Names: names}
		for p := range people {
			m.People = append(m.People, p)
		}
		sort.Strings(m.People)
		out = append(out, m)
	}
	return out
}

// Split is a gold person whose proper-name mentions went to several
// stored actors.
type Split struct {
	Person string `json:"gold_person"`
	Actors int    `json:"actors"`
}

// SplitPeople counts, for each gold person (ACTOR chain across events),
// the stored actors whose name references overlap its proper-name
// mentions, and returns those with more
// than one, most actors first.
func SplitPeople(docs []CorefDoc, named func(string) bool) []Split {
	acts := map[string]map[int64]bool{}
	for _, d := range docs {
		for _, m := range d.Gold {
			if m.Type != "ACTOR" || !named(m.Text) {
				continue
			}
			for _, s := range d.Sys {
				if s.Kind != "name" {
					continue
				}
				if min(m.End, s.End) > max(m.Start, s.Start) {
					// every name overlapping the mention counts: a name cut
					// in two ("Kim Jong" + "Un") is two actors for one person
					if acts[m.Entity()] == nil {
						acts[m.Entity()] = map[int64]bool{}
					}
					acts[m.Entity()][s.Actor] = true
				}
			}
		}
	}
	var out []Split
	for p, a := range acts {
		if len(a) > 1 {
			out = append(out, Split{p, len(a)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Actors != out[j].Actors {
			return out[i].Actors > out[j].Actors
		}
		return out[i].Person < out[j].Person
	})
	return out
}

// NamedText reports whether a mention's text is a proper name (see
// package coref's Named, which this mirrors on a string).
func NamedText(named func([]string) bool) func(string) bool {
	return func(s string) bool { return named(strings.Fields(s)) }
}
