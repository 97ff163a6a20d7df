package ner

import (
	"math/rand/v2"
	"testing"
)

// TestHashTabSameAsMap checks the tables of the shipped model against its
// maps (their entries, read back from the slots the model file put them
// in): every key is found by probing from its first slot and gives its
// value, and keys not in a map (random ones) give what the map's
// two-value index gives.
func TestHashTabSameAsMap(t *testing.T) {
	m := Default()
	if m.clusT == nil || m.gazT == nil {
		t.Fatal("loaded model without lookup tables")
	}
	clus, gaz := m.clusMap(), m.gazMap()
	if len(clus) < 1000 || len(gaz) < 1000 {
		t.Fatalf("%d clusters, %d gazetteer entries", len(clus), len(gaz))
	}
	check := func(name string, tab *hashTab, get func(uint64) (uint32, bool), keys func(func(uint64))) {
		n := 0
		keys(func(k uint64) {
			v, ok := tab.get(k)
			wv, wok := get(k)
			if v != wv || ok != wok {
				t.Fatalf("%s key %#x: table (%d, %v), map (%d, %v)", name, k, v, ok, wv, wok)
			}
			n++
		})
		t.Logf("%s: %d keys agree", name, n)
	}
	clusGet := func(k uint64) (uint32, bool) { v, ok := clus[k]; return v, ok }
	gazGet := func(k uint64) (uint32, bool) { v, ok := gaz[k]; return uint32(v), ok }
	rng := rand.New(rand.NewPCG(7, 8))
	random := func(yield func(uint64)) {
		yield(0)
		for i := 0; i < 200000; i++ {
			yield(rng.Uint64())
		}
	}
	check("clus (its keys)", m.clusT, clusGet, func(yield func(uint64)) {
		for k := range clus {
			yield(k)
		}
	})
	check("gaz (its keys)", m.gazT, gazGet, func(yield func(uint64)) {
		for k := range gaz {
			yield(k)
		}
	})
	check("clus (random)", m.clusT, clusGet, random)
	check("gaz (random)", m.gazT, gazGet, random)
}

// TestHashTabZeroKey covers the key 0, kept outside the slots, the empty
// table and keys at the extremes of the hash range.
func TestHashTabZeroKey(t *testing.T) {
	for _, m := range []map[uint64]uint32{
		{},
		{0: 7},
		{0: 0, 1: 1},
		{^uint64(0): 3, 1 << 63: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10},
	} {
		tab := newHashTab(m)
		for k, want := range m {
			if v, ok := tab.get(k); !ok || v != want {
				t.Errorf("%v: key %d gives (%d, %v)", m, k, v, ok)
			}
		}
		for _, k := range []uint64{0, 2, 3, 11, 1 << 62} {
			if _, in := m[k]; in {
				continue
			}
			if v, ok := tab.get(k); ok || v != 0 {
				t.Errorf("%v: absent key %d gives (%d, %v)", m, k, v, ok)
			}
		}
	}
}
