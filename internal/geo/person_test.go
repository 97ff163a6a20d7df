package geo

import (
	"strings"
	"testing"
)

// TestNotPlaceNames: sentences written for this test (from no corpus). A
// name the document writes as a person's, an acronym, a short title or a
// newspaper is not sent to the small town so named; the same names stay
// places where the text says so.
func TestNotPlaceNames(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, mention string
		wantCountry         string   // "" = must be left out: neither resolved nor at the focus
		persons             []string // family names of the people named in full
	}{
		{"surname after a full name", "Former President Richard Nixon resigned in 1974; the day [Nixon] left office, [Washington] was quiet.",
			"Nixon", "", []string{"Nixon"}},
		{"surname after an initial", "Voters chose Richard M. Nixon in 1972. Aides of [Nixon] met in [Florida].", "Nixon", "", []string{"Nixon"}},
		{"surname after a title", "Mr. Rubio campaigned in [Miami]; [Rubio] told voters in [Florida] he would win.", "Rubio", "", nil},
		{"possessive surname", "Senator Marco Rubio spoke. [Rubio]'s aides flew to [Tampa].", "Rubio", "", []string{"Rubio"}},
		{"county named after the person", "On Monday Hillary Clinton spoke in [Des Moines]; [Clinton] said Iowa would decide.", "Clinton", "", []string{"Clinton"}},
		{"short title", "[Sens]. Cruz and Rubio spoke in [Houston] on Monday.", "Sens", "", nil},
		{"acronym", "[NATO] leaders met in [Brussels] and [Warsaw].", "NATO", "", nil},
		{"acronym of small towns only", "The [UN] sent aid to [Mosul] in [Iraq].", "UN", "", nil},
		{"acronym of a provincial seat", "Shares of [ATI] rose after the chip maker's results in [Toronto].", "ATI", "", nil},
		{"a department by its short name", "Mayors of [Peoria] and [Joliet] wrote to the Justice Department; [Justice] did not reply.", "Justice", "", nil},
		{"newspaper", "A spokesman told the [Post] that [Ohio] would vote early.", "Post", "", nil},
		{"word, not a town", "Protesters in [Cairo] said [God] would judge them.", "God", "", nil},
		// the place itself stays
		{"town with its state", "Richard Nixon never lived in [Nixon], [Texas], a town near [San Antonio].", "Nixon", "US", []string{"Nixon"}},
		{"place after a possessive", "Aftershocks shook [Iran]'s [Qeshm] island; [Qeshm] Governor Ali spoke.", "Qeshm", "IR", nil},
		{"place inside a longer name", "Flights to the International [Qeshm] Airport resumed, officials in [Iran] said.", "Qeshm", "IR", nil},
		{"place after a place word", "Floods hit [Fort Smith] and [Little Rock] in [Arkansas].", "Little Rock", "US", nil},
		{"big city, person's namesake", "Jesse Jackson marched in [Jackson], [Mississippi], on Sunday.", "Jackson", "US", []string{"Jackson"}},
		{"country acronym", "The [UK] and [France] signed the treaty.", "UK", "GB", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := docText(tt.text)
			d.Persons = tt.persons
			for _, p := range g.Resolve(d) {
				if p.Text != tt.mention {
					continue
				}
				switch {
				case tt.wantCountry == "" && (p.Resolved || p.Focus):
					t.Errorf("%s → %s %s %s (%d people; resolved %v, focus %v), want no place", tt.mention, p.Name, p.Country, p.FeatureCode, p.Population, p.Resolved, p.Focus)
				case tt.wantCountry != "" && (!p.Resolved || p.Country != tt.wantCountry):
					t.Errorf("%s → %s %s %s (resolved %v), want a place in %s", tt.mention, p.Name, p.Country, p.FeatureCode, p.Resolved, tt.wantCountry)
				}
				return
			}
			t.Fatalf("mention %q not in output", tt.mention)
		})
	}
	// the rule off: the namesake town comes back
	p := DefaultParams()
	p.NotPlace = false
	for _, pl := range g.ResolveWith(Doc{Text: "Former President Richard Nixon resigned; the day Nixon left office.", Persons: []string{"Nixon"},
		Mentions: []Mention{{Text: "Nixon", Start: 47, End: 52}}}, p) {
		if pl.Text == "Nixon" && !pl.Resolved {
			t.Errorf("rule off: Nixon not resolved")
		}
	}
}

func TestPersonUse(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		persons    []string
		want       bool
	}{
		{"The day Nixon left office.", "Nixon", []string{"Nixon"}, true},
		{"They met Gov. Palin in Juneau.", "Palin", nil, true},
		{"the Democratic candidate Clinton spoke", "Clinton", nil, true},
		{"Mr. Nixon's aides", "Nixon", nil, true},
		{"Nixon resigned. Later Nixon wrote.", "Nixon", nil, false},            // no person named in full, no title
		{"Rodeo Gainesville opens in Historic Dublin.", "Dublin", nil, false},  // capitalised words are not titles
		{"the President Kennedy Airport", "Kennedy", nil, false},               // inside a longer name
		{"Nixonville and Nixon-era papers, Mr. Nixonson", "Nixon", nil, false}, // not a whole word
	} {
		if got := personUse(tt.text, tt.name, tt.persons); got != tt.want {
			t.Errorf("personUse(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}

// docText is doc with the whole text kept (the rules read the words
// around and elsewhere).
func docText(marked string) Doc {
	d := doc(marked)
	var b strings.Builder
	for _, r := range marked {
		if r != '[' && r != ']' {
			b.WriteRune(r)
		}
	}
	d.Text = b.String()
	return d
}

// TestFamousSense: sentences written for this test. A state's name in a
// document that speaks much of another state stays the state; written
// with its state, the village of that name stays the village.
func TestFamousSense(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, mention, wantFC string
	}{
		{"state among another state's towns", "He held rallies in [Albany], [Buffalo], [Syracuse], [Rochester], [Utica] and [Binghamton], then flew to [Florida].",
			"Florida", "ADM1"},
		{"capital before the state", "Rallies in [Albany], [Buffalo], [Syracuse] and [Rochester]; lobbyists in [Washington] were worried.",
			"Washington", "PPLC"},
		{"village with its state", "The fair in [Florida], [New York], opened near [Goshen] and [Warwick].", "Florida", "PPL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range g.Resolve(docText(tt.text)) {
				if p.Text == tt.mention {
					if p.FeatureCode != tt.wantFC || p.Country != "US" {
						t.Errorf("%s → %s %s %s, want %s in US", tt.mention, p.Name, p.Country, p.FeatureCode, tt.wantFC)
					}
					return
				}
			}
			t.Fatalf("mention %q not in output", tt.mention)
		})
	}
	p := DefaultParams()
	p.FamousSense = false
	for _, pl := range g.ResolveWith(docText(tests[0].text), p) {
		if pl.Text == "Florida" && pl.FeatureCode == "ADM1" {
			t.Errorf("rule off: Florida still the state (the test no longer shows the rule)")
		}
	}
}

// TestLanguageUse: sentences written for this test. A name written as a
// language ("English-language ads") is not the small town so named; the
// people its adjective names may still be meant.
func TestLanguageUse(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Campaigns in [Indianapolis], [Evansville] and [Bloomington] bought [English]-language ads."
	for _, p := range g.Resolve(docText(text)) {
		if p.Text == "English" && (p.Resolved || p.Focus) && p.Country == "US" {
			t.Errorf("English → %s %s %s, want no US town", p.Name, p.Country, p.FeatureCode)
		}
	}
	p := DefaultParams()
	p.NotPlace = false
	off := false
	for _, pl := range g.ResolveWith(docText(text), p) {
		off = off || pl.Text == "English" && pl.Country == "US"
	}
	if !off {
		t.Errorf("rule off: English not on a US town (the test no longer shows the rule)")
	}
}

// TestDepartmentUse: a name is a department where the document writes
// "Department of NAME" or "the NAME Department" (not "the NAME Department
// of …", a town's own department); all-capital names never are.
func TestDepartmentUse(t *testing.T) {
	cases := []struct {
		doc, name string
		want      bool
	}{
		{"The Department of Justice said on Monday it would appeal.", "Justice", true},
		{"Officials at the Justice Department declined to comment.", "Justice", true},
		{"Officials at the Justice Departments declined.", "Justice", false},
		{"The Department of Justiceship is no thing.", "Justice", false},
		{"the Grovetown Department of Public Safety said", "Grovetown", false},
		{"He moved to Justice, Illinois, last year.", "Justice", false},
		{"the Mansfield Police Department said", "Mansfield", false},
		{"the Department of State and later the Interior Department", "Interior", true},
		{"the Department of State and later the Interior Department", "State", true},
		{"the ATI Department said", "ATI", false},
		{"Department", "Justice", false},
		{" Department of ", "Justice", false},
	}
	for _, c := range cases {
		if got := departmentUse(c.doc, c.name); got != c.want {
			t.Errorf("departmentUse(%q, %q) = %v, want %v", c.doc, c.name, got, c.want)
		}
	}
}
