package corpus

import (
	"cmp"
	"slices"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// knownActors is the actor mentions of a batch's articles, as the store
// gives them back (store.ArticlesActors) once the batch is stored and
// before the next one is: the coding of the batch's stories takes them
// from here instead of reading them (issue 15: the read was 0.13 CPU-ms
// an article, and nearly every member the coding reads is new in its
// batch). An article absent from it is read.
type knownActors map[int64][]event.ActorMention

// batchActors makes the actor mentions of the batch's articles from
// what the batch stores (d): its references, each to its actor as the
// merges of d leave it, with the actor's record as d writes it, less
// the places without a code (as ArticlesActors leaves them out), in
// text order. An article whose mentions d does not tell for sure is
// left out: one referring to an actor d writes no record of (its row
// may be older), or with two differing mentions at one start (the
// stores order those differently: SQLite by actor, PostgreSQL as
// written).
func batchActors(d *store.Derived, batch []int64) knownActors {
	recs := make(map[int64]*store.ActorRecord, len(d.Actors))
	for i := range d.Actors {
		recs[d.Actors[i].ID] = &d.Actors[i]
	}
	out := make(knownActors, len(batch))
	for _, id := range batch {
		out[id] = nil
	}
	unsure := map[int64]bool{}
	for _, r := range d.Refs {
		if _, ok := out[r.Article]; !ok || unsure[r.Article] {
			continue
		}
		actor := r.Actor
		if to, ok := d.ActorMerges[actor]; ok {
			actor = to
		}
		rec := recs[actor]
		if rec == nil {
			unsure[r.Article] = true
			continue
		}
		if rec.Type == "location" && rec.Code == "" && rec.Country == "" {
			continue
		}
		code := rec.Code
		if code == "" {
			code = rec.Country
		}
		out[r.Article] = append(out[r.Article], event.ActorMention{Span: event.Span{Start: r.Start, End: r.End}, ID: actor, Name: rec.Name, Code: code})
	}
	for id, ms := range out {
		if unsure[id] {
			delete(out, id)
			continue
		}
		slices.SortStableFunc(ms, func(a, b event.ActorMention) int { return cmp.Compare(a.Start, b.Start) })
		for i := 1; i < len(ms); i++ {
			if ms[i].Start == ms[i-1].Start && ms[i] != ms[i-1] {
				delete(out, id)
				break
			}
		}
	}
	return out
}
