package entity

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// registryVersion is the version of the serialised registry format.
const registryVersion = 1

// registryFile is the serialised form of a Registry.
type registryFile struct {
	Version int      `json:"version"`
	Actors  []*actor `json:"actors"`
	Docs    []string `json:"docs"`
}

// MarshalBinary serialises the registry (as JSON) so a store can keep it
// between runs.
func (r *Registry) MarshalBinary() ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var docs []string
	for i, k := range r.docKeys {
		if r.docAdded[i] {
			docs = append(docs, k)
		}
	}
	sort.Strings(docs)
	// The bytes json.Marshal writes of a registryFile, actor by actor
	// (each with its documents as strings only while written), straight
	// into a buffer the size of the last state: the whole state grows
	// with the corpus (some 100 MB at 175,000 articles), and a copy of
	// every actor's documents, or of the buffer grown by doubling, would
	// raise the peak memory the collector allows. Encode writes what
	// Marshal returns and a newline.
	buf := bytes.NewBuffer(make([]byte, 0, r.wholeSize+r.wholeSize/8+4096))
	enc := json.NewEncoder(buf)
	put := func(v any) error {
		if err := enc.Encode(v); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1)
		return nil
	}
	fmt.Fprintf(buf, `{"version":%d,"actors":`, registryVersion)
	if r.actors == nil {
		buf.WriteString("null")
	} else {
		buf.WriteByte('[')
		for i, a := range r.actors {
			if i > 0 {
				buf.WriteByte(',')
			}
			var v *actor
			if a != nil {
				cp := *a
				cp.Docs = r.docStrs(a.docIx)
				v = &cp
			}
			if err := put(v); err != nil {
				return nil, err
			}
		}
		buf.WriteByte(']')
	}
	buf.WriteString(`,"docs":`)
	if err := put(docs); err != nil {
		return nil, err
	}
	buf.WriteByte('}')
	r.wholeSize = buf.Len()
	return buf.Bytes(), nil
}

// UnmarshalBinary restores a registry written by MarshalBinary, rebuilding
// its indexes.
func (r *Registry) UnmarshalBinary(b []byte) error {
	return r.UnmarshalState(b, nil)
}

// UnmarshalState restores a registry written by MarshalBinary (base)
// followed by the changes MarshalDelta wrote since, in order.
func (r *Registry) UnmarshalState(base []byte, deltas [][]byte) error {
	var f registryFile
	if err := json.Unmarshal(base, &f); err != nil {
		return fmt.Errorf("entity: registry: %w", err)
	}
	if f.Version != registryVersion {
		return fmt.Errorf("entity: registry format %d, want %d", f.Version, registryVersion)
	}
	for i, d := range deltas {
		if err := f.apply(d); err != nil {
			return fmt.Errorf("entity: registry change %d of %d: %w", i+1, len(deltas), err)
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.actors = f.Actors
	r.byKey, r.byFamily = map[string][]ActorID{}, map[string][]ActorID{}
	r.docIx, r.docKeys, r.docAdded = make(map[string]uint32, len(f.Docs)), make([]string, 0, len(f.Docs)), make([]bool, 0, len(f.Docs))
	r.chg = changes{}
	r.folded = nil
	for _, d := range f.Docs {
		r.docAdded[r.intern(d)] = true
	}
	for i, a := range r.actors {
		if a == nil || a.ID != ActorID(i+1) {
			return fmt.Errorf("entity: registry: actor %d out of place", i+1)
		}
		if a.Aliases == nil {
			a.Aliases = map[string]int{}
		}
		if a.Kinds == nil {
			a.Kinds = map[Kind]int{}
		}
		if a.Codes == nil {
			a.Codes = map[string]int{}
		}
		if a.Country == nil {
			a.Country = map[string]int{}
		}
		// the documents as indices (nil stays nil, empty empty)
		if a.Docs != nil {
			a.docIx = make([]uint32, len(a.Docs))
			for j, d := range a.Docs {
				a.docIx[j] = r.intern(d)
			}
			a.Docs = nil
		}
		r.chg.written = append(r.chg.written, len(a.docIx))
		if a.Parent != 0 {
			r.folded = append(r.folded, a.ID)
		}
	}
	for _, a := range r.actors {
		if a.Parent != 0 {
			continue
		}
		if a.KB != "" {
			r.byKey["kb:"+a.KB] = append(r.byKey["kb:"+a.KB], a.ID)
		}
		if a.Dict != "" {
			r.byKey["dict:"+a.Dict] = append(r.byKey["dict:"+a.Dict], a.ID)
		}
		if a.Person {
			r.byFamily[skeleton(a.Family)] = append(r.byFamily[skeleton(a.Family)], a.ID)
		}
		for n := range a.Aliases {
			r.index(Key(n), a.ID)
		}
		r.index(Key(a.bestName()), a.ID)
	}
	return nil
}
