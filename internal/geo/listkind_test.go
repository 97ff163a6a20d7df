package geo

import (
	"strings"
	"testing"
)

func TestListJoin(t *testing.T) {
	tests := []struct {
		between       string
		joined, comma bool
	}{
		{" and ", true, false},
		{" or ", true, false},
		{", and ", true, false},
		{" & ", true, false},
		{", ", true, true},
		{" to ", false, false},
		{" and the ", false, false},
	}
	for _, tt := range tests {
		text := "A" + tt.between + "B"
		j, c := listJoin(text, 1, 1+len(tt.between))
		if j != tt.joined || c != tt.comma {
			t.Errorf("listJoin(%q) = %v, %v; want %v, %v", tt.between, j, c, tt.joined, tt.comma)
		}
	}
	if j, _ := listJoin("A and B", 1, 99); j {
		t.Error("offset past the text joined")
	}
}

// TestListKind: a name listed with states is a state, with countries a
// country, with cities a city; a pair where both names have both senses,
// or a town and its state after a comma, are left to the other rules.
func TestListKind(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ mention, country, fcode, admin1 string }
	tests := []struct {
		name, text string
		want       want
	}{
		{"state listed with a state", "Tech jobs are leaving [California] or [Washington] for cheaper places.",
			want{"Washington", "US", "ADM1", "WA"}},
		{"state in a list of three", "Growers in [Oregon], [Washington] and [Idaho] lost their crop.",
			want{"Washington", "US", "ADM1", "WA"}},
		{"capital listed with a capital", "Talks between [Washington] and [Moscow] stalled.",
			want{"Washington", "US", "PPLC", ""}},
		{"country listed with a country", "Leaders of [Georgia] and [Armenia] met on Monday.",
			want{"Georgia", "GE", "PCLI", ""}},
		{"state listed with a state (Georgia)", "Storms hit [Alabama] and [Georgia] overnight.",
			want{"Georgia", "US", "ADM1", "GA"}},
		{"city listed with a city", "The show opens in [London] and [New York] next spring.",
			want{"New York", "US", "PPL", "NY"}},
		{"both names have both senses", "Fares between [Washington] and [New York] rose.",
			want{"Washington", "US", "PPLC", ""}},
		{"a town and its state", "A storm hit [Paris], [Texas], overnight.",
			want{"Paris", "US", "", "TX"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.text)
			d.Text = strings.NewReplacer("[", "", "]", "").Replace(tt.text)
			for _, p := range g.Resolve(d) {
				if p.Text != tt.want.mention {
					continue
				}
				if p.Country != tt.want.country || tt.want.fcode != "" && p.FeatureCode != tt.want.fcode || tt.want.admin1 != "" && p.Admin1 != tt.want.admin1 {
					t.Errorf("%s → %s %s %s %s", p.Text, p.Name, p.Country, p.FeatureCode, p.Admin1)
				}
				return
			}
			t.Fatalf("mention %q not in output", tt.want.mention)
		})
	}
	// the rule off: Washington beside California is the capital again
	p := DefaultParams()
	p.ListKind = 0
	d := doc("Tech jobs are leaving [California] or [Washington] for cheaper places.")
	d.Text = "Tech jobs are leaving California or Washington for cheaper places."
	for _, pl := range g.ResolveWith(d, p) {
		if pl.Text == "Washington" && pl.FeatureCode == "ADM1" {
			t.Errorf("rule off: Washington → %s %s", pl.Name, pl.FeatureCode)
		}
	}
}
