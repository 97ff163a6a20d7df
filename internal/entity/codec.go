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
	f := registryFile{Version: registryVersion, Actors: r.actors}
	for d := range r.docs {
		f.Docs = append(f.Docs, d)
	}
	sort.Strings(f.Docs)
	// Encoded straight into a buffer the size of the last state, not
	// grown by doubling and then copied (json.Marshal): the whole state
	// grows with the corpus (some 100 MB at 175,000 articles), and each
	// transient copy raises the peak memory the collector allows.
	// Encode writes what Marshal returns and a newline.
	buf := bytes.NewBuffer(make([]byte, 0, r.wholeSize+r.wholeSize/8+4096))
	if err := json.NewEncoder(buf).Encode(f); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	b = b[:len(b)-1]
	r.wholeSize = len(b)
	return b, nil
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
	r.byKey, r.byFamily, r.docs = map[string][]ActorID{}, map[string][]ActorID{}, map[string]bool{}
	r.chg = changes{}
	r.folded = nil
	for _, d := range f.Docs {
		r.docs[d] = true
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
		r.chg.written = append(r.chg.written, len(a.Docs))
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
