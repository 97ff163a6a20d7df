package geo

import "testing"

// TestResolvePart: a facility or part the gazetteer does not know whole is
// placed at the place it is named after, where the document supports that
// place; a single unknown word, a street named after a person and a small
// namesake the document does not speak of stay unresolved.
func TestResolvePart(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, mention string
		resolved            bool
		country, admin1     string
	}{
		{"hospital named after its town", "Patients were moved from [Ipswich] to [Colchester General Hospital] in [Essex].",
			"Colchester General Hospital", true, "GB", ""},
		{"bank of a country", "Traders in [London] waited for the [Bank of Japan].",
			"Bank of Japan", true, "JP", ""},
		{"university of a province", "Researchers at the [University of Alberta] in [Edmonton] said.",
			"University of Alberta", true, "CA", ""},
		{"old town", "Crowds filled [Old Town Manassas] as [Fairfax] and [Virginia] officials watched.",
			"Old Town Manassas", true, "US", "VA"},
		{"local government area", "Cases rose in [Guma Local Government Area] of [Benue State], [Nigeria].",
			"Guma Local Government Area", true, "NG", ""},
		{"an embassy is not in its country", "Protesters gathered outside the [Embassy of Armenia] in [Rome].",
			"Embassy of Armenia", false, "", ""},
		{"one unknown word stays unknown", "Militants held [Qwxzzyville] near [Mosul].",
			"Qwxzzyville", false, "", ""},
		{"direction word alone is no place", "Staff of the [Central Mental Hospital] in [Dublin] said.",
			"Central Mental Hospital", false, "", ""},
		{"city hall is not a town called City", "Crowds marched to [City Hall] in [Calamba], [Philippines].",
			"City Hall", false, "", ""},
		{"a nation's central bank", "Markets in [London] waited for the [US Federal Reserve].",
			"US Federal Reserve", true, "US", ""},
		{"a nation's adjective before its ministry", "The [Russian Foreign Ministry] said on Tuesday.",
			"Russian Foreign Ministry", true, "RU", ""},
		{"a continent's adjective", "The [European Commission] in [Brussels] said.",
			"European Commission", true, "XX", ""},
		{"a province's chamber of commerce", "The [Manitoba Chambers of Commerce] met in [Winnipeg].",
			"Manitoba Chambers of Commerce", true, "CA", ""},
		{"council of a continent", "The [Council of Europe] met in [Strasbourg].",
			"Council of Europe", true, "XX", ""},
		{"an embassy named by its nation stands abroad", "Protesters gathered outside the [Russian Embassy] in [Washington].",
			"Russian Embassy", false, "", ""},
		{"a school named by a nation stands abroad", "Pupils of the [British International School] in [Cairo] said.",
			"British International School", false, "", ""},
		{"a person's name before an organisation word is no nation", "The [Obama administration] said on Monday.",
			"Obama administration", false, "", ""},
		{"a nation's name before a common noun is no organisation", "The [Canadian Shield Trail] runs north of [Sudbury].",
			"Canadian Shield Trail", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p *Place
			got := g.Resolve(doc(tt.text))
			for i := range got {
				if got[i].Text == tt.mention {
					p = &got[i]
				}
			}
			if p == nil {
				t.Fatalf("%q not in output", tt.mention)
			}
			if p.Resolved != tt.resolved || tt.resolved && (!p.Part || p.Country != tt.country || tt.admin1 != "" && p.Admin1 != tt.admin1) {
				t.Errorf("%s → %s %s/%s %s (resolved %v, part %v), want resolved %v %s/%s",
					tt.mention, p.Name, p.Country, p.Admin1, p.FeatureCode, p.Resolved, p.Part, tt.resolved, tt.country, tt.admin1)
			}
		})
	}
}

// TestResolveLowerCase: a mention written in lower case means a country,
// region or big city by its main name, never a small place or an alternate
// name that is a common word.
func TestResolveLowerCase(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got := g.Resolve(doc("the [markets] fell while [iraq] and [style] and the [community] of [Mosul] waited."))
	want := map[string]bool{"markets": false, "iraq": true, "style": false, "community": false, "Mosul": true}
	for _, p := range got {
		if p.Resolved != want[p.Text] {
			t.Errorf("%q: resolved %v (%s %s), want %v", p.Text, p.Resolved, p.Name, p.Country, want[p.Text])
		}
	}
}

// TestFocusSupport: the focus (where unknown names go) is the town the
// document's other places support, not a town named more often alone in
// another country.
func TestFocusSupport(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got := g.Resolve(doc("The [Norbury] model, the [Norbury] and the [Norbury] again; homes in [Centreville], [Manassas] and [Gainesville], [Virginia], near [Qwxzzy Lane]."))
	last := got[len(got)-1]
	if !last.Focus || last.Country != "US" || last.Admin1 != "VA" {
		t.Errorf("focus %s %s/%s (focus %v), want a Virginia town", last.Name, last.Country, last.Admin1, last.Focus)
	}
}

// TestResolveWrapped: news name an area or city without the generic word
// its gazetteer name carries ("Laguna" for the Province of Laguna, "Taoyuan"
// for Taoyuan City); a state keeps its own name ("Kansas" is not Kansas
// City); an island is named bare ("Java").
func TestResolveWrapped(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, mention, country, fcode string }{
		{"Floods hit [Calamba] and the rest of [Laguna] in the [Philippines].", "Laguna", "PH", ""},
		{"Flights from [Taoyuan] to [Taipei] resumed as [Taiwan] reopened.", "Taoyuan", "TW", ""},
		{"Farmers across [Kansas] and [Nebraska] waited for rain.", "Kansas", "US", "ADM1"},
		{"A quake shook [Java] and [Jakarta], [Indonesia].", "Java", "ID", "ISL"},
		// a region ten times as populous as its seat is what its name means
		{"Voters in [Quebec] and [Ontario] went to the polls.", "Quebec", "CA", "ADM1"},
		// a governorate named like its capital means the city
		{"Car bombs hit [Baghdad] and [Basra] on Sunday.", "Baghdad", "IQ", "PPLC"},
	}
	for _, tt := range tests {
		var p *Place
		got := g.Resolve(doc(tt.text))
		for i := range got {
			if got[i].Text == tt.mention {
				p = &got[i]
			}
		}
		if p == nil || !p.Resolved || p.Country != tt.country || tt.fcode != "" && p.FeatureCode != tt.fcode {
			t.Errorf("%s: got %+v, want %s %s", tt.mention, p, tt.country, tt.fcode)
		}
	}
}

// TestLocalFocus: an unknown name is placed at the town written next to it
// when that town is near the document's focus, else at the focus.
func TestLocalFocus(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got := g.Resolve(doc("Protests in [Cairo] spread. In [Cairo] police waited. Later [Cairo] was calm. " +
		"Worshippers gathered at [Qwxzzy Church] in [Alexandria] on Sunday."))
	var p Place
	for _, q := range got {
		if q.Text == "Qwxzzy Church" {
			p = q
		}
	}
	if !p.Focus || p.Name != "Alexandria" || p.Country != "EG" {
		t.Errorf("Qwxzzy Church → %s %s (focus %v), want the focus fallback at Alexandria, Egypt", p.Name, p.Country, p.Focus)
	}
}
