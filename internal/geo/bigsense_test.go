package geo

import "testing"

// TestBigSense: sentences written for this test. A big city's bare name in
// a national story stays the city, though the story also names the state
// of a village so called; named among the towns around it, the village
// stays the village; an old name of a small town gives way to the city
// called so today.
func TestBigSense(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, mention, wantA1 string
	}{
		{"city beside another state's name", "Voters in [North Carolina] were courted all week; on Friday the candidate flew to [Denver] for a rally.",
			"Denver", "CO"},
		{"village among its neighbours", "Volunteers from [Lincolnton] and [Mooresville] reached [Denver] by noon, and the lake road in [North Carolina] reopened.",
			"Denver", "NC"},
		{"village with its state", "The county fair in [Denver], [North Carolina], drew a crowd.", "Denver", "NC"},
		{"old name of a small town", "The convention opened in [Cleveland], [Ohio]; the other party meets in [Philadelphia] next week.",
			"Philadelphia", "PA"},
		{"landmark before its namesake town", "Farmers in [Tennessee] and [Kentucky] wrote to the [White House] about the drought.",
			"White House", "DC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range g.Resolve(docText(tt.text)) {
				if p.Text == tt.mention {
					if p.Admin1 != tt.wantA1 || p.Country != "US" {
						t.Errorf("%s → %s %s.%s %s, want in US.%s", tt.mention, p.Name, p.Country, p.Admin1, p.FeatureCode, tt.wantA1)
					}
					return
				}
			}
			t.Fatalf("mention %q not in output", tt.mention)
		})
	}
	p := DefaultParams()
	p.BigSense = false
	for _, i := range []int{0, 3, 4} {
		for _, pl := range g.ResolveWith(docText(tests[i].text), p) {
			if pl.Text == tests[i].mention && pl.Admin1 == tests[i].wantA1 {
				t.Errorf("rule off: %s still in %s (the test no longer shows the rule)", pl.Text, pl.Admin1)
			}
		}
	}
}

// TestBigSenseAbroad: sentences written for this test. A national capital
// keeps its name against a village of the story's own country; a big city
// abroad keeps it where the story names its country.
func TestBigSenseAbroad(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, mention, wantCC string
	}{
		{"world capital", "Governors of [Texas] and [Kentucky] said the climate deal signed in [Paris] would cost jobs.", "Paris", "FR"},
		{"city of a country the story names", "Mayors from [Syracuse], [Albany] and [New York] flew to [Germany] on Monday; the port talks in [Hamburg] ran late.", "Hamburg", "DE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range g.Resolve(docText(tt.text)) {
				if p.Text == tt.mention {
					if p.Country != tt.wantCC {
						t.Errorf("%s → %s %s.%s %s, want in %s", tt.mention, p.Name, p.Country, p.Admin1, p.FeatureCode, tt.wantCC)
					}
					return
				}
			}
			t.Fatalf("mention %q not in output", tt.mention)
		})
	}
	p := DefaultParams()
	p.BigSense = false
	for _, tt := range tests {
		for _, pl := range g.ResolveWith(docText(tt.text), p) {
			if pl.Text == tt.mention && pl.Country == tt.wantCC {
				t.Errorf("rule off: %s still in %s (the test no longer shows the rule)", pl.Text, pl.Country)
			}
		}
	}
}
