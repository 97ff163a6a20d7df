package entity

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"sort"
	"testing"
)

// TestRegistryDeltaReplaysExactly: a registry fed documents in batches,
// its changes written after each batch and its whole state now and then,
// is restored from the last whole state and the changes after it to
// exactly the registry it is — merges (acronyms learned later, one name
// typed two ways), co-occurrences and roles included.
func TestRegistryDeltaReplaysExactly(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	givens := []string{"Ashton", "Ash", "Mary", "John", "Duncan", "Ellen"}
	families := []string{"Merrow", "Marsh", "Rait", "Raite", "Park", "Tanner"}
	orgs := []string{"Northern Farmers Union", "Southern Farmers Union", "Coastal Defence League", "Harbour Board"}
	acronym := map[string]string{"Northern Farmers Union": "NFU", "Coastal Defence League": "CDL"}
	kbs := []string{"ISIS", "Daesh", "U.S.", "America", "NATO", "Pentagon"}
	role := []Role{{Title: "Defense Secretary", Country: "USA"}, {Title: "striker", Org: "Leeds United"}, {}}
	local := func() Local {
		switch rng.Intn(5) {
		case 0, 1:
			name := givens[rng.Intn(len(givens))] + " " + families[rng.Intn(len(families))]
			if rng.Intn(6) == 0 {
				name = families[rng.Intn(len(families))] // bare family name
			}
			if ro := role[rng.Intn(len(role))]; ro.Title != "" {
				return person(name, ro)
			}
			return person(name)
		case 2:
			// a short name alone, later with its full form: one actor
			if k := rng.Intn(100); rng.Intn(2) == 0 {
				return org(fmt.Sprintf("Bureau %d", k))
			} else if rng.Intn(2) == 0 {
				return org(fmt.Sprintf("Regional Water Bureau %d", k), fmt.Sprintf("Bureau %d", k))
			}
			o := orgs[rng.Intn(len(orgs))]
			if a := acronym[o]; a != "" && rng.Intn(3) == 0 {
				if rng.Intn(2) == 0 {
					return org(a)
				}
				return org(o, a)
			}
			return org(o)
		case 3:
			return kbLocal(kbs[rng.Intn(len(kbs))])
		}
		return org(fmt.Sprintf("Local Council %d", rng.Intn(300)))
	}
	r := NewRegistry()
	base, err := r.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var deltas [][]byte
	doc := 0
	for batch := 0; batch < 60; batch++ {
		for range 1 + rng.Intn(30) {
			var ls []Local
			for range 1 + rng.Intn(6) {
				ls = append(ls, local())
			}
			key := fmt.Sprint(doc)
			if rng.Intn(20) == 0 && doc > 0 {
				key = fmt.Sprint(rng.Intn(doc)) // a document added again
			} else {
				doc++
			}
			r.Add(key, ls)
		}
		d, err := r.MarshalDelta()
		if err != nil {
			t.Fatal(err)
		}
		if rng.Intn(8) == 0 {
			if base, err = r.MarshalBinary(); err != nil {
				t.Fatal(err)
			}
			deltas = nil
		} else {
			deltas = append(deltas, d)
		}
		// what a registry restored from its whole state holds (a merged
		// actor's empty maps come back empty, not nil)
		whole, _ := r.MarshalBinary()
		if old := marshalAsStrings(t, r); !bytes.Equal(whole, old) {
			t.Fatalf("batch %d: the whole state (%d bytes) differs from json.Marshal of it with documents as strings (%d bytes)", batch, len(whole), len(old))
		}
		restored := NewRegistry()
		if err := restored.UnmarshalBinary(whole); err != nil {
			t.Fatal(err)
		}
		want, _ := restored.MarshalBinary()
		got := NewRegistry()
		if err := got.UnmarshalState(base, deltas); err != nil {
			t.Fatalf("batch %d: %v", batch, err)
		}
		b, _ := got.MarshalBinary()
		if !bytes.Equal(b, want) {
			i := 0
			for i < min(len(b), len(want)) && b[i] == want[i] {
				i++
			}
			t.Fatalf("batch %d: the replayed registry differs at byte %d:\n%.200s\n%.200s", batch, i, b[max(0, i-100):], want[max(0, i-100):])
		}
	}
	merged := 0
	for _, a := range r.actors {
		if a.Parent != 0 {
			merged++
		}
	}
	if merged == 0 {
		t.Error("no merge exercised")
	}
}

// TestRegistryDeltaRejectsBadChanges: changes that do not fit the state
// they are replayed on are errors.
func TestRegistryDeltaRejectsBadChanges(t *testing.T) {
	r := NewRegistry()
	base, _ := r.MarshalBinary()
	r.Add("a", []Local{person("Ashton Merrow")})
	d1, _ := r.MarshalDelta()
	r.Add("b", []Local{person("Ashton Merrow"), org("Harbour Board")})
	d2, _ := r.MarshalDelta()
	for name, ds := range map[string][][]byte{
		"not json":      {[]byte("{")},
		"a whole state": {base},
		"out of order":  {d2},
		"one missing":   {d1, d2, d1},
	} {
		if err := NewRegistry().UnmarshalState(base, ds); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := NewRegistry().UnmarshalState(base, [][]byte{d1, d2}); err != nil {
		t.Error(err)
	}
}

// TestMarshalBinaryAsJSONMarshal: the whole state is the bytes
// json.Marshal writes of it with each actor's documents as strings,
// whatever the buffer hint left by the last one: merged actors (no
// documents) and names to escape included.
func TestMarshalBinaryAsJSONMarshal(t *testing.T) {
	r := NewRegistry()
	for i, names := range [][]string{{"Jane Merrow", "Acme Corp"}, {"Merrow", "Acme Corp", "<Wire> & Co"}, {"Tom Park"}} {
		var locals []Local
		for _, n := range names {
			locals = append(locals, Local{Name: n, Kind: KindBusiness, Aliases: []string{n}, Mentions: []int{0}})
		}
		r.Add(string(rune('a'+i)), locals)
		got, err := r.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		want := marshalAsStrings(t, r)
		if !bytes.Equal(got, want) {
			t.Fatalf("after %d documents: MarshalBinary wrote\n%s\njson.Marshal\n%s", i+1, got, want)
		}
	}
}

// marshalAsStrings is the whole state of r as written when each actor's
// documents were strings in memory: json.Marshal of the registry file.
func marshalAsStrings(t *testing.T, r *Registry) []byte {
	t.Helper()
	f := registryFile{Version: registryVersion}
	for _, a := range r.actors {
		cp := *a
		if a.docIx != nil { // never given a document, or merged away: null
			cp.Docs = []string{}
			for _, x := range a.docIx {
				cp.Docs = append(cp.Docs, r.docKeys[x])
			}
		}
		f.Actors = append(f.Actors, &cp)
	}
	for i, d := range r.docKeys {
		if r.docAdded[i] {
			f.Docs = append(f.Docs, d)
		}
	}
	sort.Strings(f.Docs)
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
