package entity

import (
	"encoding/json"
	"fmt"
	"slices"
)

// A registry grows with the corpus — every actor with every document it
// appears in — while a batch of articles changes a few thousand actors.
// MarshalDelta writes only the actors changed since it last ran (and of
// an actor's documents, which only ever grow, only the new ones) and the
// documents added; UnmarshalState replays such changes on a whole
// registry written by MarshalBinary.

// changes records what changed since the last MarshalDelta: every place
// that modifies an actor marks it (touch; reset where its documents are
// dropped, not added to).
type changes struct {
	touched map[ActorID]bool
	reset   map[ActorID]bool
	docs    []string // documents added
	// written is each actor's document count as last written, by ID-1
	written []int
}

func (c *changes) touch(id ActorID) {
	if c.touched == nil {
		c.touched = map[ActorID]bool{}
	}
	c.touched[id] = true
}

func (c *changes) markReset(id ActorID) {
	c.touch(id)
	if c.reset == nil {
		c.reset = map[ActorID]bool{}
	}
	c.reset[id] = true
}

// registryDelta is the serialised form of a registry's changes.
type registryDelta struct {
	Version int           `json:"version"`
	Delta   bool          `json:"delta"`
	Actors  int           `json:"actors"` // actors in all, after the change
	Changed []actorChange `json:"changed"`
	Docs    []string      `json:"docs"`
}

// actorChange is an actor as changed: its first Keep documents are those
// last written, Actor.Docs the ones added since.
type actorChange struct {
	Keep  int    `json:"keep"`
	Actor *actor `json:"actor"`
}

// MarshalDelta serialises what changed since the registry was loaded or
// MarshalDelta last ran, and takes it as written.
func (r *Registry) MarshalDelta() ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := &r.chg
	d := registryDelta{Version: registryVersion, Delta: true, Actors: len(r.actors), Docs: c.docs}
	ids := make([]ActorID, 0, len(c.touched))
	for id := range c.touched {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for len(c.written) < len(r.actors) {
		c.written = append(c.written, 0)
	}
	for _, id := range ids {
		a := r.get(id)
		keep := min(c.written[id-1], len(a.docIx))
		if c.reset[id] {
			keep = 0
		}
		cp := *a
		cp.Docs = r.docStrs(a.docIx[keep:])
		d.Changed = append(d.Changed, actorChange{Keep: keep, Actor: &cp})
		c.written[id-1] = len(a.docIx)
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	c.touched, c.reset, c.docs = nil, nil, nil
	return b, nil
}

// apply replays one change on a decoded registry.
func (f *registryFile) apply(b []byte) error {
	var d registryDelta
	if err := json.Unmarshal(b, &d); err != nil {
		return err
	}
	if !d.Delta || d.Version != registryVersion {
		return fmt.Errorf("not a registry change of version %d", registryVersion)
	}
	for _, ch := range d.Changed {
		a := ch.Actor
		if a == nil {
			return fmt.Errorf("empty actor change")
		}
		at := int(a.ID) - 1
		switch {
		case at >= 0 && at < len(f.Actors):
			old := f.Actors[at]
			if ch.Keep < 0 || ch.Keep > len(old.Docs) {
				return fmt.Errorf("actor %d keeps %d of its %d documents", a.ID, ch.Keep, len(old.Docs))
			}
			if ch.Keep > 0 || len(a.Docs) > 0 {
				a.Docs = append(old.Docs[:ch.Keep:ch.Keep], a.Docs...)
			}
			f.Actors[at] = a
		case at == len(f.Actors) && ch.Keep == 0:
			f.Actors = append(f.Actors, a)
		default:
			return fmt.Errorf("actor %d out of place", a.ID)
		}
	}
	if len(f.Actors) != d.Actors {
		return fmt.Errorf("%d actors, the change says %d", len(f.Actors), d.Actors)
	}
	f.Docs = append(f.Docs, d.Docs...)
	return nil
}
