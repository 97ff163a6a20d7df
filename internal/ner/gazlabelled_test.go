package ner

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/eval/conll"
)

func TestLabelledGazetteerOverlay(t *testing.T) {
	docs, err := conll.Parse(strings.NewReader(tinyCorpus))
	if err != nil {
		t.Fatal(err)
	}
	// doc 0: John Smith/PER, Paris/LOC, Acme Corp/ORG, Mary/PER
	// doc 1: Mary/PER, Paris/LOC, French/MISC
	g := gazetteer{}
	g.add([]string{"Smith"}, typeIndex("ORG")) // a silver entry
	lg := newLabelledGazetteer(g, docs)
	key := func(s string) uint64 { h, _ := nameHash(strings.Fields(s)); return h }
	bit := func(typ string) uint8 { return 1 << typeIndex(typ) }
	for _, tc := range []struct {
		name, key string
		doc       int
		full, own uint8 // full gazetteer; overlay while featurizing doc
		inOverlay bool
	}{
		{"shared name stays", "Paris", 0, bit("LOC"), bit("LOC"), true},
		{"own-only name hidden", "John Smith", 0, bit("PER"), 0, true},
		{"own-only name of other doc", "French", 0, bit("MISC"), 0, false},
		{"hidden in its own doc", "French", 1, bit("MISC"), 0, true},
		{"silver entry untouched", "Smith", 0, bit("ORG"), 0, false},
		{"case-insensitive", "PARIS", 1, bit("LOC"), bit("LOC"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := g[key(tc.key)]; got != tc.full {
				t.Errorf("full gazetteer %q = %04b, want %04b", tc.key, got, tc.full)
			}
			ov := lg.overlay(docs[tc.doc])
			got, ok := ov[key(tc.key)]
			if ok != tc.inOverlay || got != tc.own {
				t.Errorf("overlay %q = %04b (present %v), want %04b (present %v)", tc.key, got, ok, tc.own, tc.inOverlay)
			}
		})
	}
	// mark honours the overlay: "John Smith" is hidden, the silver "Smith" is not.
	infos := make([]tokInfo, 2)
	for i, s := range []string{"John", "Smith"} {
		computeInfo(&infos[i], s)
	}
	g.mark(infos, lg.overlay(docs[0]), newGazFilter(g))
	if infos[0].gaz != 0 || infos[1].gaz != 1<<(typeIndex("ORG")*4+gazU) {
		t.Errorf("mark with overlay: gaz bits %b %b", infos[0].gaz, infos[1].gaz)
	}
}
