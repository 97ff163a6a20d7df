package geo

import (
	"strings"
	"testing"
)

// doc builds a Doc from text in which toponyms are written [like this].
func doc(marked string) Doc {
	var d Doc
	var b strings.Builder
	for {
		i := strings.IndexByte(marked, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(marked[i:], ']') + i
		b.WriteString(marked[:i])
		start := b.Len()
		b.WriteString(marked[i+1 : j])
		d.Mentions = append(d.Mentions, Mention{Text: marked[i+1 : j], Start: start, End: b.Len()})
		marked = marked[j+1:]
	}
	return d
}

func TestResolve(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		mention, country, admin1 string // admin1 "" = any
	}
	tests := []struct {
		name    string
		text    string
		context []string
		outlet  string
		want    []want
	}{
		{"Iraq and Syria cities", "Fighters left [Mosul] for [Raqqa] while [Erbil] braced.", nil, "",
			[]want{{"Mosul", "IQ", ""}, {"Raqqa", "SY", ""}, {"Erbil", "IQ", ""}}},
		{"Paris alone is France", "Talks resumed in [Paris] on Monday.", nil, "",
			[]want{{"Paris", "FR", ""}}},
		{"Paris, Texas", "A storm hit [Paris], [Texas], overnight.", nil, "",
			[]want{{"Paris", "US", "TX"}, {"Texas", "US", "TX"}}},
		{"Paris in a Texas story", "Police in [Dallas] and [Sherman] said the suspect fled to [Paris] in [Lamar County], [Texas].", nil, "",
			[]want{{"Paris", "US", "TX"}, {"Dallas", "US", "TX"}}},
		{"Georgia the state", "Flights from [Atlanta] to [Savannah] were cancelled across [Georgia].", nil, "",
			[]want{{"Georgia", "US", "GA"}}},
		{"Georgia the country", "[Russia] massed troops near [Tbilisi], the capital of [Georgia].", nil, "",
			[]want{{"Georgia", "GE", ""}}},
		{"Tripoli by demonym (Lebanon)", "Clashes in [Tripoli] left two dead.", []string{"Lebanese"}, "",
			[]want{{"Tripoli", "LB", ""}}},
		{"Tripoli by demonym (Libya)", "Clashes in [Tripoli] left two dead.", []string{"Libyan"}, "",
			[]want{{"Tripoli", "LY", ""}}},
		{"Kurdistan in an Iraq story", "[Peshmerga] units from [Kurdistan] moved on [Mosul] as [Baghdad] and [Iraq] watched.", nil, "",
			[]want{{"Kurdistan", "IQ", ""}}},
		{"Kurdistan in an Iran story", "Protests spread from [Sanandaj] in [Kurdistan] to [Tehran], [Iran].", nil, "",
			[]want{{"Kurdistan", "IR", ""}}},
		{"demonym mention", "[Iraqi] forces entered [Tikrit].", nil, "",
			[]want{{"Iraqi", "IQ", ""}, {"Tikrit", "IQ", ""}}},
		{"county short name", "Schools in [Barrow] and [Jackson] closed, officials in [Winder], [Georgia] said.", nil, "",
			[]want{{"Barrow", "US", "GA"}, {"Jackson", "US", "GA"}}},
		// a suburb (Melbourne's Flemington, PPLX) ranks below a county seat
		// of the same name when nothing else is said
		{"county seat over a suburb", "A jury in [Flemington] heard the case.", nil, "",
			[]want{{"Flemington", "US", "NJ"}}},
		// "X district": the whole name is a district of Pakistan, the bare
		// name a governorate of Jordan; the document's places choose
		{"district of the document's country", "Tourists left [Amman] for the castle in [Karak district], [Jordan].", nil, "",
			[]want{{"Karak district", "JO", ""}}},
		{"district named whole", "Troops moved from [Peshawar] into [Karak district] of [Pakistan].", nil, "",
			[]want{{"Karak district", "PK", ""}}},
		// a county and its seat named together: Huntsville, Texas, is
		// Walker County's seat; Huntsville, Alabama, is the bigger city
		{"county and its seat", "Deputies from [Walker County] took the inmate to the prison in [Huntsville].", nil, "",
			[]want{{"Huntsville", "US", "TX"}, {"Walker County", "US", "TX"}}},
		{"a state's name stays the state", "Growers in [Florida] and [Warwick] met in [Goshen].", nil, "",
			[]want{{"Florida", "US", "FL"}}},
		{"the state of", "The first case was found in the state of [Washington].", nil, "",
			[]want{{"Washington", "US", "WA"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.text)
			d.Context, d.OutletCountry = tt.context, tt.outlet
			d.Text = strings.NewReplacer("[", "", "]", "").Replace(tt.text)
			got := g.Resolve(d)
			if len(got) != len(d.Mentions) {
				t.Fatalf("%d places for %d mentions", len(got), len(d.Mentions))
			}
			for _, w := range tt.want {
				found := false
				for _, p := range got {
					if p.Text != w.mention {
						continue
					}
					found = true
					if !p.Resolved || p.Country != w.country || w.admin1 != "" && p.Admin1 != w.admin1 {
						t.Errorf("%s → %s %s/%s %s (resolved %v), want %s/%s", w.mention, p.Name, p.Country, p.Admin1, p.FeatureCode, p.Resolved, w.country, w.admin1)
					}
					if p.Confidence <= 0 || p.Confidence > 1 {
						t.Errorf("%s: confidence %v outside (0,1]", w.mention, p.Confidence)
					}
				}
				if !found {
					t.Errorf("mention %q not in output", w.mention)
				}
			}
		})
	}
}

func TestResolveEdgeCases(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Resolve(Doc{}); len(got) != 0 {
		t.Errorf("empty doc: %d places", len(got))
	}
	d := doc("[Qwxzzyplace] is near [Mosul]; [Mosul] again.")
	got := g.Resolve(d)
	if got[0].Resolved || !got[0].Focus || got[0].Country != "IQ" || got[0].Confidence >= 0.5 {
		t.Errorf("unknown name not placed at the document's focus with low confidence: %+v", got[0])
	}
	p := DefaultParams()
	p.FocusConfidence = 0
	if nf := g.ResolveWith(d, p)[0]; nf.Resolved || nf.Focus || nf.Confidence != 0 || nf.Name != "" {
		t.Errorf("focus off: unknown name got a place: %+v", nf)
	}
	if got[0].Start != d.Mentions[0].Start || got[0].End != d.Mentions[0].End {
		t.Errorf("offsets not kept: %+v", got[0].Mention)
	}
	if got[1].GeonameID == 0 || got[1].GeonameID != got[2].GeonameID {
		t.Errorf("repeated mention resolved differently: %d vs %d", got[1].GeonameID, got[2].GeonameID)
	}
	// outlet country as the only evidence
	d = doc("The council of [Birmingham] met.")
	d.OutletCountry = "GB"
	if p := g.Resolve(d)[0]; p.Country != "GB" {
		t.Errorf("Birmingham with a British outlet → %s", p.Country)
	}
}

func BenchmarkResolve(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := []Doc{
		doc("Fighters left [Mosul] for [Raqqa] while [Erbil] braced; [Baghdad] and [Damascus] said [Iraq] and [Syria] would talk in [Geneva]."),
		doc("Police in [Dallas] and [Sherman] said the suspect fled to [Paris] in [Lamar County], [Texas], then [Oklahoma City]."),
		doc("[Springfield] officials met [Washington] lobbyists from [New York], [London] and [Paris] about [Georgia]."),
	}
	n := 0
	for _, d := range docs {
		n += len(d.Mentions)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			g.Resolve(d)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "toponyms/s")
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// TestArea: continents and world regions are areas that say nothing about
// a country; a region inside one country ("Kurdistan Region", IQ) is not.
func TestArea(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, fcode, country string
		area                 bool
	}{
		{"Middle East", "RGN", "XX", true},
		{"Europe", "CONT", "XX", true},
		{"Kurdistan Region", "RGN", "IQ", false},
		{"Iraq", "PCLI", "IQ", false},
	}
	for _, tt := range tests {
		var found bool
		for _, c := range g.Lookup(tt.name) {
			if c.FeatureCode != tt.fcode || c.Country != tt.country {
				continue
			}
			found = true
			if got := g.area(c.rec); got != tt.area {
				t.Errorf("area(%s) = %v, want %v", tt.name, got, tt.area)
			}
		}
		if !found {
			t.Errorf("Lookup(%q): no %s in %s", tt.name, tt.fcode, tt.country)
		}
	}
}

// TestLoneTown: a small town that nothing in the document speaks for, in a
// story whose places gather in another state of its country, is left
// unresolved (placed at the focus); named beside its own state, or in a
// story without such a state, it stays; a big city is always itself.
func TestLoneTown(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, mention string
		resolved            bool
		admin1              string
	}{
		{"namesake far from an Ohio story", "Shoppers in [Cincinnati] and [Dayton], [Ohio], said the new store in [West Chester] opened.",
			"West Chester", false, ""},
		{"the town beside its own state", "Shoppers in [Cincinnati], [Ohio], and [West Chester], [Pennsylvania], said.",
			"West Chester", true, "PA"},
		{"no other state gathers votes", "The new store in [West Chester] opened on Monday.",
			"West Chester", true, "PA"},
		{"a big city stands for itself", "Shoppers in [Cincinnati] and [Dayton], [Ohio], flew to [Pittsburgh].",
			"Pittsburgh", true, "PA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range g.Resolve(doc(tt.text)) {
				if p.Text != tt.mention {
					continue
				}
				if p.Resolved != tt.resolved || tt.resolved && p.Admin1 != tt.admin1 {
					t.Errorf("%s → %s %s/%s (resolved %v, focus %v), want resolved %v %s", p.Text, p.Name, p.Country, p.Admin1, p.Resolved, p.Focus, tt.resolved, tt.admin1)
				}
				if !p.Resolved && (!p.Focus || p.Admin1 != "OH") {
					t.Errorf("%s unresolved but not at the Ohio focus: %+v", p.Text, p)
				}
				return
			}
			t.Fatalf("%q not in output", tt.mention)
		})
	}
	p := DefaultParams()
	p.LoneTown = 0
	for _, pl := range g.ResolveWith(doc(tests[0].text), p) {
		if pl.Text == "West Chester" && (!pl.Resolved || pl.Admin1 != "PA") {
			t.Errorf("LoneTown 0: %+v, want the Pennsylvania town", pl)
		}
	}
}
