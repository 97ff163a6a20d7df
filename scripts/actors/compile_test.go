package main

import (
	"strings"
	"testing"
)

// sample is a small actors file in TABARI format, written for this test.
const sample = `# comment line
NORTHLAND_  [NLD]
+NORTHLAND_CITY_
+NORTH_REPUBLIC

JOHN_MARROW_  # CountryInfo.txt
+PRESIDENT_MARROW
+U.S._PRESIDENT_JOHN_MARROW
+SECRETARY_OF_STATE_JOHN_Q._MARROW
	[USAELI 420101-770120]
	[USAGOV 20110101-20131203]
	[USAGOV >150217]
	[USAELI]
JANE_MARROW_ [USAGOV 2004017-20061201] [USALEG <991231]
UNTESTED_NO_CODE_
FREEDOM_BRIGADE_(FB)_ [XYZREB] # kkl
+FB_ALLIANCE+_FREE_BRIGADES_
NWTO_	[IGOUNO]# acronym
SMITHSON	[IGOUNO 530410-610918] [ELI]
ALPHA_GROUP_	[---]
`

func TestParseActors(t *testing.T) {
	es, err := parseActors(strings.NewReader(sample), "I")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Names[0])
	}
	want := []string{"NORTHLAND_", "JOHN_MARROW_", "JANE_MARROW_", "FREEDOM_BRIGADE_(FB)_", "NWTO_", "SMITHSON"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("entries %q, want %q (entries without a readable code dropped)", names, want)
	}
	tests := []struct {
		entry int
		codes string
		names int
	}{
		{1, "USAELI:19420101-19770120 USAGOV:20110101-20131203 USAGOV:20150217- USAELI", 4},
		{2, "USALEG:-19991231", 1}, // the malformed 7-digit date drops its code
		{3, "XYZREB", 3},           // "+A+_B" is two synonyms
		{5, "IGOUNO:19530410-19610918 ELI", 1},
	}
	for _, tc := range tests {
		e := es[tc.entry]
		if got := codeSig(e.Codes); got != tc.codes {
			t.Errorf("%s codes %q, want %q", e.Names[0], got, tc.codes)
		}
		if len(e.Names) != tc.names {
			t.Errorf("%s names %q, want %d", e.Names[0], e.Names, tc.names)
		}
	}
}

func TestCompileEntry(t *testing.T) {
	es, err := parseActors(strings.NewReader(sample), "I")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		entry int
		ok    bool
		kind  string
		names string
	}{
		{0, false, "", ""}, // a country and its cities: left to the knowledge base
		{1, true, kindPerson, "john marrow|john q marrow"},                 // titles stripped, "President Marrow" dropped
		{2, true, kindPerson, "jane marrow"},                               // dated: a person
		{3, true, kindOrg, "freedom brigade|fb|fb alliance|free brigades"}, // org word; acronym kept
		{4, true, kindOrg, "nwto"},                                         // an organisation's acronym
		{5, false, "", ""},                                                 // a surname alone, dated: never kept
	}
	for _, tc := range tests {
		c, ok := compileEntry(&es[tc.entry])
		if ok != tc.ok || ok && (c.Kind != tc.kind || strings.Join(c.Names, "|") != tc.names) {
			t.Errorf("%s: %v %q %q; want %v %q %q", es[tc.entry].Names[0], ok, c.Kind, c.Names, tc.ok, tc.kind, tc.names)
		}
	}
}

func TestCompileAllConflicts(t *testing.T) {
	src := []rawEntry{
		{File: "C", Names: []string{"DAVID_CARTER_"}, Codes: []code{{Code: "NZLGOV"}}, Comment: "CountryInfo.txt"},
		{File: "C", Names: []string{"DAVID_CARTER_", "DAVE_CARTER_"}, Codes: []code{{Code: "AUSGOV"}}, Comment: "CountryInfo.txt"},
		{File: "C", Names: []string{"BAN_KI_MOON_"}, Codes: []code{{Code: "KORGOV"}}, Comment: "CountryInfo.txt"},
		{File: "I", Names: []string{"BAN_KI-MOON_"}, Codes: []code{{Code: "IGOUNO"}, {Code: "ELI"}}},
		{File: "I", Names: []string{"UN_"}, Codes: []code{{Code: "IGOUNO"}}},
		{File: "I", Names: []string{"THE_UN_", "UNITED_NATIONS_"}, Codes: []code{{Code: "IGOUNO"}}},
	}
	got := map[string]string{}
	for _, c := range compileAll(src) {
		got[strings.Join(c.Names, "|")] = codeSig(c.Codes)
	}
	want := map[string]string{
		"dave carter":    "AUSGOV",            // "david carter" names two people: dropped
		"ban ki moon":    "KORGOV IGOUNO ELI", // one person in two files: codes joined
		"un":             "IGOUNO",
		"united nations": "IGOUNO",
	}
	if len(got) != len(want) {
		t.Errorf("compiled %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q: codes %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}
