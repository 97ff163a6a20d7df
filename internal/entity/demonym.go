package entity

import (
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// notModifier are lower-case words that end the search for an agent noun
// after a demonym.
var notModifier = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "to": true, "by": true, "for": true,
	"on": true, "at": true, "from": true, "with": true, "is": true, "are": true, "was": true,
	"were": true, "has": true, "have": true, "had": true, "will": true, "would": true, "and": true,
	"or": true, "but": true, "that": true, "which": true, "who": true, "as": true, "into": true,
	"city": true, "town": true, "village": true, "border": true, "capital": true, "territory": true,
	"soil": true, "side": true, "language": true, "acronym": true, "name": true,
}

// demonyms turns demonym mentions into entities: with an agent noun
// ("Iraqi forces", "Iraqi and Kurdish troops") a country or group's agent
// (Iraq, military: IRQMIL); alone ("the Iraqi city"), a reference to the
// country or group itself.
func (r *resolver) demonyms() {
	n := len(r.items)
	for i := 0; i < n; i++ {
		it := r.items[i]
		if !it.demonym || it.compound {
			continue
		}
		e := r.k.demonym(it.key)
		if e == nil {
			continue
		}
		if ke, end := r.bodyAfter(it.Start, it.End); ke != nil {
			// "Kurdish peshmerga": a known body named with its demonym
			r.move(i, r.clusterFor(ke.Key, ke))
			r.items[i].surface = r.d.Text[it.Start:end]
			r.items[i].typ, r.items[i].End, r.items[i].demonym = "ORG", end, false
			continue
		}
		ag, aStart, aEnd, direct := r.agentAfter(it.End)
		if ag == nil {
			continue
		}
		if direct {
			// "Iraqi security forces", "Kurdish regional government": a
			// known body
			if ke := r.k.lookup(Key(r.d.Text[it.Start:aEnd])); ke != nil && ke.Section == "actors" {
				r.move(i, r.clusterFor(ke.Key, ke))
				r.items[i].surface = r.d.Text[it.Start:aEnd]
				r.items[i].typ = "ORG"
				r.items[i].End = aEnd
				r.items[i].demonym = false
				continue
			}
		}
		c := r.clusterFor("dem:"+e.Key+":"+ag.Code, nil)
		cl := &r.cls[c]
		if cl.agent == nil {
			a := *ag
			cl.agent, cl.dem = &a, e
		}
		r.move(i, c)
		if direct {
			r.items[i].surface = r.d.Text[it.Start:aEnd]
			r.items[i].End = aEnd
		} else {
			r.items[i].surface = it.surface + " " + r.d.Text[aStart:aEnd]
		}
		r.items[i].typ = "ORG"
	}
}

// agentAfter finds an agent noun phrase after a demonym ending at pos,
// skipping up to two lower-case modifiers and coordinated demonyms. direct
// reports that the phrase follows the demonym with modifiers only.
func (r *resolver) agentAfter(pos int) (ag *agent, start, end int, direct bool) {
	j := r.tokAt(pos)
	for j < len(r.toks) && int(r.toks[j].Start) < pos {
		j++
	}
	sent := r.sentenceAt(pos - 1)
	mods, coord := 0, false
	for steps := 0; steps < 6 && j < len(r.toks); steps++ {
		if s := r.sentenceAt(int(r.toks[j].Start)); s != sent {
			break
		}
		for n := r.k.maxAgent; n >= 1; n-- {
			if j+n > len(r.toks) {
				continue
			}
			parts := make([]string, 0, n)
			for q := j; q < j+n; q++ {
				parts = append(parts, r.tkey(q))
			}
			if a, ok := r.k.agents[strings.Join(parts, " ")]; ok {
				return &a, int(r.toks[j].Start), int(r.toks[j+n-1].End), !coord
			}
		}
		w := r.tok(j)
		k := Key(w)
		switch {
		case k == "and" || k == "or" || w == ",":
			coord = true
		case r.toks[j].Kind == text.Word && isUpperWord(w) && r.k.demonym(k) != nil:
			coord = true
		case r.toks[j].Kind == text.Word && !isUpperWord(w) && !notModifier[k] && mods < 2:
			mods++
		default:
			return nil, 0, 0, false
		}
		j++
	}
	return nil, 0, 0, false
}

// move moves item i to cluster c.
func (r *resolver) move(i, c int) {
	old := r.rootOf(i)
	items := r.cls[old].items
	for k, x := range items {
		if x == i {
			r.cls[old].items = append(items[:k:k], items[k+1:]...)
			break
		}
	}
	c = r.find(c)
	r.items[i].cl = c
	r.cls[c].items = append(r.cls[c].items, i)
}

// bodyAfter finds a knowledge-base actor named by the demonym at
// [start, end) and the one to three words after it ("Kurdish
// peshmerga"), and returns it with the end of its name.
func (r *resolver) bodyAfter(start, end int) (*kbEntry, int) {
	j := r.tokAt(end)
	for j < len(r.toks) && int(r.toks[j].Start) < end {
		j++
	}
	for n := 3; n >= 1; n-- {
		if j+n > len(r.toks) {
			continue
		}
		e := int(r.toks[j+n-1].End)
		if strings.ContainsAny(r.d.Text[start:e], "\n,;.") {
			continue
		}
		if ke := r.k.lookup(Key(r.d.Text[start:e])); ke != nil && ke.Section == "actors" {
			return ke, e
		}
	}
	return nil, 0
}
