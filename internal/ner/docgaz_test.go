package ner

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

// Short articles written for this test (not taken from any corpus): a name
// that recurs in a document should come out with one type, the one a
// careful reader gives it (CoNLL conventions: groups such as Islamic State
// are ORG, nationalities and religious groups MISC). One type per name is
// asserted; a wrong type recorded as a known miss is logged.
func TestTagDocumentConsistency(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // sorted "text/TYPE", one entry per mention
		known    string   // logged, not failed: a documented miss of the shipped model
	}{
		{"city repeated",
			"Army units moved closer to Tikrit overnight. The assault on Tikrit began at dawn, officers said. " +
				"Families who fled Tikrit described fierce fighting.",
			[]string{"Tikrit/LOC", "Tikrit/LOC", "Tikrit/LOC"}, "Tikrit typed MISC (consistently)"},
		{"surname after full name",
			"Defence Minister Khalid al-Obeidi toured the front line on Saturday. " +
				"Speaking to soldiers, al-Obeidi promised more armoured vehicles.",
			[]string{"Khalid al-Obeidi/PER", "al-Obeidi/PER"}, "surname alone typed LOC"},
		{"militant group",
			"Islamic State claimed the bombing in a statement. Islamic State fighters have lost ground in recent weeks.",
			[]string{"Islamic State/ORG", "Islamic State/ORG"}, "Islamic State typed LOC"},
		{"religious groups",
			"Shiite militias and Sunni tribal fighters joined the push. Moreover, Kurdish units guarded the roads.",
			[]string{"Kurdish/MISC", "Shiite/MISC", "Sunni/MISC"}, "Shiite missed"},
		{"company repeated",
			"Shares of Halliburton rose 3 percent after the contract was announced. " +
				"Halliburton said the work would start next year.",
			[]string{"Halliburton/ORG", "Halliburton/ORG"}, ""},
	}
	m := Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := append([]string(nil), tc.want...)
			sort.Strings(want)
			got := tagStrings(m, tc.in)
			// whatever the types, one name has one type in a document
			typ := map[string]string{}
			for _, g := range got {
				i := strings.LastIndexByte(g, '/')
				if t0, ok := typ[g[:i]]; ok && t0 != g[i+1:] {
					t.Errorf("%q typed both %s and %s", g[:i], t0, g[i+1:])
				}
				typ[g[:i]] = g[i+1:]
			}
			switch {
			case reflect.DeepEqual(got, want) && tc.known != "":
				t.Logf("known miss %q now passes: update the test and the report", tc.known)
			case reflect.DeepEqual(got, want):
			case tc.known != "":
				t.Logf("known miss (%s): got %q want %q", tc.known, got, want)
			default:
				t.Errorf("%q\n got %q\nwant %q", tc.in, got, want)
			}
		})
	}
}

// TestDocGaz checks the document gazetteer's majority vote and marking.
func TestDocGaz(t *testing.T) {
	st := newDocState()
	strs := []string{"Mosul", "fell", ".", "In", "Mosul", ",", "Mosul", "residents", "fled", "."}
	bounds := []int32{0, 3, 10}
	m := &Model{gaz: gazetteer{}}
	m.load(st, strs, bounds)
	loc, org := uint8(1+4*typeIndex("LOC")+posU), uint8(1+4*typeIndex("ORG")+posU)
	// first pass: LOC twice, ORG once
	tags := []uint8{loc, 0, 0, 0, org, 0, loc, 0, 0, 0}
	st.setHistory(tags)
	want := uint16(1 << (typeIndex("LOC")*4 + gazU))
	for _, i := range []int{0, 4, 6} {
		if g := st.infos[i].dgaz; g != want {
			t.Errorf("token %d: dgaz %016b, want LOC/U %016b", i, g, want)
		}
	}
	if g := st.infos[1].dgaz; g != 0 {
		t.Errorf("token 1 (fell): dgaz %016b, want 0", g)
	}
	if got := majority([4]uint16{2, 2, 1, 0}); got != 0b11 {
		t.Errorf("majority tie: %04b, want 0011", got)
	}
	if got := majority([4]uint16{}); got != 0 {
		t.Errorf("majority of nothing: %04b", got)
	}
}
