package geo

import "testing"

// TestNewsRegions: the regions news name every day (the Midwest, New
// England, the Baltics, Southern California, Disney World) are those
// regions, not a namesake town or a whole continent.
func TestNewsRegions(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, mention, fcode, country string
	}{
		{"Drought spread from [Iowa] across the [Midwest] this summer.", "Midwest", "RGN", "US"},
		{"Lobster catches fell all over [New England] last year.", "New England", "RGN", "US"},
		{"Wildfires burned in [Southern California] near [Los Angeles].", "Southern California", "RGN", "US"},
		{"Families flew from [Toronto] to [Disney World] for the holidays.", "Disney World", "AMUS", "US"},
		{"NATO sent jets to the [Baltics] after the drills.", "Baltics", "RGN", "XX"},
		{"Farmers in [Central Africa] lost their harvest.", "Central Africa", "RGN", "XX"},
		{"Protests spread across [Anatolia] on Sunday.", "Anatolia", "RGN", "TR"},
		{"Storms battered the [West Coast] from [Seattle] to [San Diego].", "West Coast", "RGN", "US"},
		// a landmark named with a nation's adjective is not that nation
		{"Jazz bands marched through the [French Quarter] of [New Orleans].", "French Quarter", "PPLX", "US"},
		{"Pilgrims filled [St. Peter's Square] for the blessing.", "St. Peter's Square", "SQR", "VA"},
		{"The final was played at the [Stade de France] near [Paris].", "Stade de France", "STDM", "FR"},
		// the region's name inside a country's name is still the country
		{"Talks were held in [Bangui], [Central African Republic].", "Central African Republic", "PCLI", "CF"},
	}
	for _, tt := range tests {
		found := false
		for _, p := range g.Resolve(doc(tt.text)) {
			if p.Text != tt.mention {
				continue
			}
			found = true
			if !p.Resolved || p.FeatureCode != tt.fcode || p.Country != tt.country {
				t.Errorf("%q: %s → %s %s %s", tt.text, p.Text, p.Name, p.FeatureCode, p.Country)
			}
		}
		if !found {
			t.Errorf("%q: mention %q not in output", tt.text, tt.mention)
		}
	}
}

// TestCountryAbbreviations: the short forms news write for countries find
// the country first, not a village ("PNG" was Pong, Thailand).
func TestCountryAbbreviations(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"NZ": "NZ", "PRC": "CN", "ROK": "KR", "KSA": "SA", "PNG": "PG",
		"S. Korea": "KR", "N. Korea": "KP", "S. Africa": "ZA",
	} {
		cs := g.Lookup(name)
		if len(cs) == 0 || cs[0].FeatureCode != "PCLI" || cs[0].Country != want {
			t.Errorf("%s: %v, want the country %s first", name, cs, want)
		}
	}
	// an abbreviation three countries share is not made one of them
	for _, c := range g.Lookup("SA") {
		if c.FeatureCode == "PCLI" {
			t.Errorf("SA → %s: ambiguous abbreviation taken for a country", c.Name)
		}
	}
}
