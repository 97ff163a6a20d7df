package geo

import "testing"

// TestLooseAndAliasSupport: a place found only without a direction or
// facility word of the mention, or a small town named only by one of its
// alternate names, stands only where the document's other places support
// it; otherwise the mention is left unknown (placed at the focus) rather
// than sent abroad.
func TestLooseAndAliasSupport(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, mention string
		notCountry          string // the mention must not land in this country
		wantCountry         string // "" = any; else the mention's country
		wantResolved        bool
	}{
		{"direction word, unsupported", "Rain swept [Leeds], [York] and [North Gweru].",
			"North Gweru", "ZW", "", false},
		{"direction word, supported", "Drought hit [Harare], [Zimbabwe], and [North Gweru].",
			"North Gweru", "", "ZW", true},
		{"facility word, unsupported", "Ships left [Sydney] and [Melbourne] for [Jackson Harbour].",
			"Jackson Harbour", "US", "", false},
		{"alternate name, unsupported", "Ships sailed from [Antium] to [Lagos], [Nigeria].",
			"Antium", "IT", "", false},
		{"wrapper before direction word", "Rain fell on [Mombasa] and across [Kenya]'s [Coast Province].",
			"Coast Province", "", "KE", true},
		{"alternate name, supported", "Ships sailed from [Antium] to [Naples] and [Rome].",
			"Antium", "", "IT", true},
		// a bare direction word names divisions of many countries: it
		// needs the document's support, and two weak choices in one far
		// country do not support each other
		{"direction word alone, unsupported", "Floods cut roads from [Kisumu] and [Homa Bay] to [Migori] in [Kenya]'s [Western] region; [Suba] was cut off.",
			"Western", "FJ", "", false},
		{"small capital by an alternate name, unsupported", "Floods cut roads from [Kisumu] and [Homa Bay] to [Migori] in [Kenya]'s [Western] region; [Suba] was cut off.",
			"Suba", "FJ", "", false},
		{"direction word alone, supported", "Cocoa from [Takoradi] in [Ghana]'s [Western] region reached [Accra].",
			"Western", "", "GH", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range g.Resolve(doc(tt.text)) {
				if p.Text != tt.mention {
					continue
				}
				if p.Resolved != tt.wantResolved || tt.notCountry != "" && p.Country == tt.notCountry ||
					tt.wantCountry != "" && p.Country != tt.wantCountry {
					t.Errorf("%s → %s %s %s (resolved %v, focus %v)", tt.mention, p.Name, p.Country, p.FeatureCode, p.Resolved, p.Focus)
				}
				return
			}
			t.Fatalf("mention %q not in output", tt.mention)
		})
	}
	// both rules off: the loose and alias senses come back
	p := DefaultParams()
	p.LooseSupport, p.AliasSupport = false, false
	for _, pl := range g.ResolveWith(doc("Rain swept [Leeds], [York] and [North Gweru]; ships sailed from [Antium]."), p) {
		if (pl.Text == "North Gweru" || pl.Text == "Antium") && !pl.Resolved {
			t.Errorf("rules off: %s not resolved", pl.Text)
		}
	}
}

func TestCompassOnly(t *testing.T) {
	for k, want := range map[string]bool{
		"western": true, "north eastern": true, "central": true,
		"western cape": false, "new york": false, "": false,
	} {
		if got := compassOnly(k); got != want {
			t.Errorf("compassOnly(%q) = %v, want %v", k, got, want)
		}
	}
}
