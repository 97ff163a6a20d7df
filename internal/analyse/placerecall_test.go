package analyse

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/corpusgen"
)

// TestOrgPlaces: the place an organisation is named after, by a short name
// at its head or a name at its end (sentences written for the test).
func TestOrgPlaces(t *testing.T) {
	a := New()
	cases := []struct {
		text, name string
		want       string // the tentative place's text, "" for none
	}{
		{"The U.S. Department of Agriculture issued a recall.", "U.S. Department of Agriculture", "U.S."},
		{"The DPRK Foreign Ministry said so.", "DPRK Foreign Ministry", "DPRK"},
		{"The Central Bank of Norway held rates.", "Central Bank of Norway", "Norway"},
		{"The University of the Philippines reopened.", "University of the Philippines", "Philippines"},
		{"Flights by Air Canada resumed.", "Air Canada", "Canada"},
		{"A report by Statistics Canada came out.", "Statistics Canada", "Canada"},
		{"The Iraqi Army advanced.", "Iraqi Army", ""},            // a demonym is not the place
		{"The Bank of Zzyzzyva failed.", "Bank of Zzyzzyva", ""},  // unknown
		{"The Friends of Dorothy met.", "Friends of Dorothy", ""}, // not a country, state or city
		{"Shares of Acme Widgets fell.", "Acme Widgets", ""},      // no place at all
	}
	for _, c := range cases {
		at := strings.Index(c.text, c.name)
		m := Mention{Span: Span{Start: at, End: at + len(c.name)}, Type: "ORG"}
		sp, ok := a.tentativePlace(c.text, m, nil)
		got := ""
		if ok {
			got = c.text[sp.Start:sp.End]
		}
		if got != c.want {
			t.Errorf("%q in %q: got %q, want %q", c.name, c.text, got, c.want)
		}
	}
}

// TestPlaceOf: the name after "city of", "village of" … is a place when
// the gazetteer knows it at all, tagged by the recogniser or not.
func TestPlaceOf(t *testing.T) {
	a := New()
	cases := []struct {
		text string
		want []string
	}{
		{"Shelling hit the outskirts of the city of Aleppo on Monday.", []string{"Aleppo"}},
		{"Fighters entered the village of Zzyzzyva overnight.", nil},
		{"Rain fell on the island of Crete.", []string{"Crete"}},
		{"The city of light never sleeps.", nil},
	}
	for _, c := range cases {
		var got []string
		for _, sp := range a.placesAround(c.text, nil, nil) {
			got = append(got, c.text[sp.Start:sp.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestMayHavePlaceOf checks the prefilter of placeOfRe: it never says no
// where the expression matches (on the cases below and on every PolNeAR
// text), and does say no on text without the words.
func TestMayHavePlaceOf(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"fighting in the city of Douma", true},
		{"the Village of Bartella", true},
		{"Governorate of Anbar", true},
		{"the island of Lesbos", true},
		{"the town of the", true}, // the words, no name: may, does not
		{"the cities of Mosul and Tikrit", false},
		{"a city in Iraq", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := mayHavePlaceOf(tc.s); got != tc.want {
			t.Errorf("mayHavePlaceOf(%q) = %v, want %v", tc.s, got, tc.want)
		}
		if !tc.want && placeOfRe.MatchString(tc.s) {
			t.Errorf("%q: placeOfRe matches where the filter says no", tc.s)
		}
	}
	eval := corpusgen.FindEval()
	if eval == "" || testing.Short() {
		return
	}
	arts, err := corpusgen.LoadPolNeAR(eval)
	if err != nil {
		t.Skip(err)
	}
	matched := 0
	for _, a := range arts {
		if placeOfRe.MatchString(a.Text) {
			matched++
			if !mayHavePlaceOf(a.Text) {
				t.Errorf("%s: placeOfRe matches, the filter says no", a.ID)
			}
		}
	}
	if matched == 0 {
		t.Error("no PolNeAR text matches placeOfRe: the test checks nothing")
	}
	t.Logf("%d of %d PolNeAR texts match placeOfRe", matched, len(arts))
}

// TestAtDateline: texts written for this test. A name opening the text
// before a dash (in capitals) or before an agency and a dash is where the
// report was filed; a hyphenated company or a name later in a line is not.
func TestAtDateline(t *testing.T) {
	tests := []struct {
		text, name string
		want       bool
	}{
		{"TOLEDO - The council voted on Monday.", "TOLEDO", true},
		{"Title line.\n\nToledo (AP) – The council voted on Monday.", "Toledo", true},
		{"DOVER, Del. — Lawmakers met.", "DOVER", true},
		{"Toledo - The council voted on Monday.", "Toledo", false},
		{"Hewlett - Packard bought a rival.", "Hewlett", false},
		{"The council in TOLEDO - met again.", "TOLEDO", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.name)
		if got := atDateline(tt.text, Span{Start: i, End: i + len(tt.name)}); got != tt.want {
			t.Errorf("atDateline(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}
