package corpus

import (
	"encoding/json"
	"sort"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// actorStage resolves each article's entities and merges them into the
// registry's actors, recording every reference and every quote's speaker.
type actorStage struct {
	reg *entity.Registry
	// maxID is the highest actor id handed out; merged holds the ids
	// already folded into another actor in the store.
	maxID  entity.ActorID
	merged map[entity.ActorID]bool
}

// actorStageState is what actorStage keeps between runs besides the
// registry.
type actorStageState struct {
	MaxID  entity.ActorID   `json:"max_id"`
	Merged []entity.ActorID `json:"merged"`
}

// MarshalJSON saves the stage's bookkeeping.
func (s *actorStage) MarshalJSON() ([]byte, error) {
	st := actorStageState{MaxID: s.maxID}
	for id := range s.merged {
		st.Merged = append(st.Merged, id)
	}
	sort.Slice(st.Merged, func(i, j int) bool { return st.Merged[i] < st.Merged[j] })
	return json.Marshal(st)
}

// UnmarshalJSON restores it.
func (s *actorStage) UnmarshalJSON(b []byte) error {
	var st actorStageState
	if err := json.Unmarshal(b, &st); err != nil {
		return err
	}
	s.maxID = st.MaxID
	for _, id := range st.Merged {
		s.merged[id] = true
	}
	return nil
}

// add resolves one article and returns its actors with the sentences that
// mention them.
func (s *actorStage) add(a *store.Article, an *analyse.Annotation, d *store.Derived, touched map[int64]bool) map[int64][]int {
	if a.Analysis == "not_analysed" {
		// a language the models do not know: no actors from its words
		// (text-level look-ups such as acronyms included)
		return nil
	}
	doc := entityDoc(a, an)
	locals := entity.Resolve(doc)
	ids := s.reg.Add(doc.Key, locals)
	out := map[int64][]int{}
	// spans of each local's references, to find quote speakers
	type ref struct {
		start, end int
		actor      int64
	}
	var refs []ref
	for i, l := range locals {
		if i >= len(ids) || ids[i] == 0 {
			continue
		}
		id := int64(s.reg.Canonical(ids[i]))
		if ids[i] > s.maxID {
			s.maxID = ids[i]
		}
		touched[id] = true
		for _, mi := range l.Mentions {
			m := doc.Mentions[mi]
			d.Refs = append(d.Refs, store.ActorRef{Article: a.ID, Actor: id, Sentence: m.Sentence, Start: m.Start, End: m.End, Kind: "name"})
			out[id] = append(out[id], m.Sentence)
			refs = append(refs, ref{m.Start, m.End, id})
		}
		for _, r := range l.Refs {
			d.Refs = append(d.Refs, store.ActorRef{Article: a.ID, Actor: id, Sentence: r.Sentence, Start: r.Start, End: r.End, Kind: r.Kind})
			out[id] = append(out[id], r.Sentence)
			refs = append(refs, ref{r.Start, r.End, id})
		}
	}
	// A quote's speaker is the actor whose reference overlaps the
	// speaker's span (or, failing that, the source's: "he", "the minister").
	for _, q := range an.Quotes {
		if !q.Resolved {
			continue
		}
		var best int64
		for _, sp := range []analyse.Span{q.Speaker, q.Source} {
			if sp.Start < 0 || best != 0 {
				continue
			}
			for _, r := range refs {
				if r.start < sp.End && sp.Start < r.end {
					best = r.actor
					break
				}
			}
		}
		if best != 0 {
			d.Speakers = append(d.Speakers, store.SpeakerRef{Article: a.ID, Actor: best, Start: q.Start})
		}
	}
	return out
}

// merges reports the actors folded into others since the last call, and
// marks the survivors touched.
func (s *actorStage) merges(touched map[int64]bool) map[int64]int64 {
	out := map[int64]int64{}
	for id := entity.ActorID(1); id <= s.maxID; id++ {
		if s.merged[id] {
			continue
		}
		if c := s.reg.Canonical(id); c != id {
			s.merged[id] = true
			out[int64(id)] = int64(c)
			delete(touched, int64(id))
			touched[int64(c)] = true
		}
	}
	return out
}

// record is the stored form of an actor.
func (s *actorStage) record(id int64) (store.ActorRecord, bool) {
	a, ok := s.reg.Actor(entity.ActorID(id))
	if !ok || int64(a.ID) != id {
		return store.ActorRecord{}, false
	}
	r := store.ActorRecord{ID: id, Name: a.Name, Type: string(a.Kind), Code: a.Code, Country: a.Country, Mentions: a.Mentions}
	for _, al := range a.Aliases {
		if al.Name != a.Name {
			r.Aliases = append(r.Aliases, al.Name)
		}
	}
	for _, ro := range a.Roles {
		vr := view.Role{Title: ro.Title, Organisation: ro.Org, Country: ro.Country, Code: ro.Code, Source: ro.Source}
		if !ro.First.IsZero() {
			t := ro.First
			vr.Date = &t
		}
		if !ro.From.IsZero() {
			t := ro.From
			vr.From = &t
		}
		if !ro.Until.IsZero() {
			t := ro.Until
			vr.Until = &t
		}
		r.Roles = append(r.Roles, vr)
	}
	return r, true
}
