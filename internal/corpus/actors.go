package corpus

import (
	"encoding/json"
	"sort"
	"strconv"

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
	// folded are actors the registry merged that merges has not reported
	// yet: those above maxID wait until maxID reaches them
	folded []entity.ActorID
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

// add resolves one article (or takes pre's resolution of it, made from
// the same input) and returns its actors with the sentences that mention
// them.
func (s *actorStage) add(a *store.Article, an *analyse.Annotation, pre *Prepared, d *store.Derived, touched map[int64]bool, stats *Stats) map[int64][]int {
	if a.Analysis == "not_analysed" {
		// a language the models do not know: no actors from its words
		// (text-level look-ups such as acronyms included)
		return nil
	}
	out := map[int64][]int{}
	// spans of each local's references, to find quote speakers
	var refs []ref
	parts := entityDocs(a, an)
	if pre != nil && len(pre.parts) != len(parts) {
		pre = nil
	}
	taken := pre != nil
	for i, part := range parts {
		doc, off, soff := part.doc, part.off, part.sent
		locals, ok := pre.resolved(i, &doc)
		if !ok {
			locals, taken = entity.Resolve(doc), false
		}
		ids := s.reg.Add(doc.Key, locals)
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
				d.Refs = append(d.Refs, store.ActorRef{Article: a.ID, Actor: id, Sentence: m.Sentence + soff, Start: m.Start + off, End: m.End + off, Kind: "name"})
				out[id] = append(out[id], m.Sentence+soff)
				refs = append(refs, ref{start: m.Start + off, end: m.End + off, actor: id})
			}
			for _, r := range l.Refs {
				d.Refs = append(d.Refs, store.ActorRef{Article: a.ID, Actor: id, Sentence: r.Sentence + soff, Start: r.Start + off, End: r.End + off, Kind: r.Kind})
				out[id] = append(out[id], r.Sentence+soff)
				refs = append(refs, ref{start: r.Start + off, end: r.End + off, actor: id})
			}
		}
	}
	if taken {
		stats.Resolved++
	}
	// A quote's speaker is the actor whose reference overlaps the
	// speaker's span (or, failing that, the source's: "he", "the minister").
	// The first such reference in the order they were found; refs are
	// searched by position (sorted, with each reference's rank), so a long
	// article with many quotes does not cost quotes × references.
	for i := range refs {
		refs[i].rank = i
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].start < refs[j].start })
	for _, q := range an.Quotes {
		if !q.Resolved {
			continue
		}
		var best int64
		for _, sp := range []analyse.Span{q.Speaker, q.Source} {
			if sp.Start < 0 || best != 0 {
				continue
			}
			// overlapping: start < sp.End and end > sp.Start; references
			// are names and phrases, never longer than maxRefBytes
			rank := -1
			for k := sort.Search(len(refs), func(k int) bool { return refs[k].start >= sp.End }) - 1; k >= 0 && refs[k].start > sp.Start-maxRefBytes; k-- {
				if r := refs[k]; r.end > sp.Start && (rank < 0 || r.rank < rank) {
					best, rank = r.actor, r.rank
				}
			}
		}
		if best != 0 {
			d.Speakers = append(d.Speakers, store.SpeakerRef{Article: a.ID, Actor: best, Start: q.Start})
		}
	}
	return out
}

type ref struct {
	start, end int
	actor      int64
	rank       int
}

// maxRefBytes bounds the length of a reference for the speaker search; a
// longer one (never a name) is not found as a speaker.
const maxRefBytes = 512

// entityChunk bounds the text the entity stage resolves at once: matching
// names within a document costs more than linear time, so a very long
// article is resolved in parts (its actors still merge across the parts,
// as across articles). News articles are resolved whole.
const entityChunk = 64 << 10

// entityPart is one part of an article for the entity stage, with the
// byte and sentence offsets of its text in the article.
type entityPart struct {
	doc       entity.Doc
	off, sent int
}

// entityDocs converts an article's analysis for the entity stage: one
// document, or consecutive parts of about entityChunk bytes cut at
// sentence ends.
func entityDocs(a *store.Article, an *analyse.Annotation) []entityPart {
	if len(a.Text) <= entityChunk || len(an.Sentences) < 2 {
		return []entityPart{{doc: entityDoc(a, an)}}
	}
	var parts []entityPart
	mi := 0
	for s0 := 0; s0 < len(an.Sentences); {
		s1 := s0 + 1
		lo := an.Sentences[s0].Start
		if s0 == 0 {
			lo = 0
		}
		for s1 < len(an.Sentences) && an.Sentences[s1].End-lo <= entityChunk {
			s1++
		}
		hi := an.Sentences[s1-1].End
		if s1 == len(an.Sentences) {
			hi = len(a.Text)
		}
		key := strconv.FormatInt(a.ID, 10)
		if s0 > 0 {
			key += "#" + strconv.Itoa(len(parts))
		}
		d := entity.Doc{Key: key, Text: a.Text[lo:hi], Outlet: a.Outlet, Published: a.Published}
		for _, se := range an.Sentences[s0:s1] {
			d.Sentences = append(d.Sentences, entity.Span{Start: se.Start - lo, End: se.End - lo})
		}
		for ; mi < len(an.Mentions) && an.Mentions[mi].Sentence < s1; mi++ {
			m := an.Mentions[mi]
			if m.Sentence < s0 || m.Start < lo || m.End > hi {
				continue
			}
			d.Mentions = append(d.Mentions, entity.Mention{Span: entity.Span{Start: m.Start - lo, End: m.End - lo}, Type: m.Type, Sentence: m.Sentence - s0, Demonym: m.Demonym})
		}
		parts = append(parts, entityPart{doc: d, off: lo, sent: s0})
		s0 = s1
	}
	return parts
}

// merges reports the actors folded into others since the last call, and
// marks the survivors touched: every id up to maxID merged and not
// reported before, as a walk over 1..maxID would find them, from the
// registry's list of merges rather than that walk (which grows with the
// actors ever made).
func (s *actorStage) merges(touched map[int64]bool) map[int64]int64 {
	out := map[int64]int64{}
	s.folded = append(s.folded, s.reg.TakeMerged()...)
	wait := s.folded[:0]
	for _, id := range s.folded {
		if s.merged[id] {
			continue
		}
		if id > s.maxID {
			wait = append(wait, id)
			continue
		}
		if c := s.reg.Canonical(id); c != id {
			s.merged[id] = true
			out[int64(id)] = int64(c)
			delete(touched, int64(id))
			touched[int64(c)] = true
		}
	}
	s.folded = wait
	return out
}

// record is the stored form of an actor.
func (s *actorStage) record(id int64) (store.ActorRecord, bool) {
	a, ok := s.reg.ActorSummary(entity.ActorID(id))
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
