package analyse

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/geo"
)

// Sentences written for these tests (not taken from any corpus): famous
// non-places and metonyms must never land on a namesake town.
func TestFamousNonPlaces(t *testing.T) {
	a := New()
	cases := []struct {
		text string
		// names that, where found as places, must be in this country and
		// not a populated place of under 100,000 people
		names   []string
		country map[string]string
	}{
		{"The White House said on Tuesday that the president would not meet the delegation.", []string{"White House"}, map[string]string{"White House": "US"}},
		{"Relations between Washington and Moscow have cooled since the summit in Helsinki.", []string{"Washington", "Moscow"}, map[string]string{"Washington": "US", "Moscow": "RU"}},
		{"Former President Barack Obama spoke in Chicago. Obama said the deal was fair.", []string{"Obama"}, nil},
		{"The Justice Department opened an inquiry into the contracts awarded in Ohio.", []string{"Justice"}, nil},
		{"Seoul hopes the North will stop its missile tests, officials in South Korea said.", []string{"North"}, nil},
		{"Google said its new data centre in Ireland would open next year.", []string{"Google"}, nil},
		{"Scientists said the asteroid will pass close to Earth next month.", []string{"Earth"}, nil},
	}
	for _, c := range cases {
		ann := a.Annotate(Input{Text: c.text})
		for _, p := range ann.Places {
			w := c.text[p.Start:p.End]
			for _, n := range c.names {
				if !strings.Contains(w, n) {
					continue
				}
				if p.Class == "city" && p.Feature != "PPLC" && p.Feature != "PPLA" && p.Population < 100000 {
					t.Errorf("%q: %q sent to the town %s (%s, %d people)", c.text, w, p.Name, p.Country, p.Population)
				}
				if want, ok := c.country[n]; ok && p.Country != want {
					t.Errorf("%q: %q placed in %s, want %s", c.text, w, p.Country, want)
				}
			}
		}
	}
}

func TestActorMentions(t *testing.T) {
	a := New()
	cases := []struct {
		text, name, actor string
	}{
		{"The Kremlin denied the report on Friday.", "Kremlin", "RU"},
		{"Moscow denied any role in the attack.", "Moscow", "RU"},
		{"Washington said the sanctions would stay.", "Washington", "US"},
		{"The White House announced new tariffs.", "White House", "US"},
		{"Tourists queued outside the White House in the rain.", "White House", ""},
		{"She grew up in Moscow before moving to Berlin.", "Moscow", ""},
	}
	for _, c := range cases {
		ann := a.Annotate(Input{Text: c.text})
		found := false
		for _, p := range ann.Places {
			if c.text[p.Start:p.End] != c.name {
				continue
			}
			found = true
			if p.Actor != c.actor {
				t.Errorf("%q: actor of %q = %q, want %q", c.text, c.name, p.Actor, c.actor)
			}
		}
		if !found {
			t.Errorf("%q: %q not found as a place (places %+v)", c.text, c.name, ann.Places)
		}
	}
}

func TestDemonymAndPhysicalPlaces(t *testing.T) {
	a := New()
	text := "Iraqi forces crossed the Tigris River near Mosul as Turkish jets flew over the Mediterranean Sea."
	ann := a.Annotate(Input{Text: text})
	got := map[string]Place{}
	for _, p := range ann.Places {
		got[text[p.Start:p.End]] = p
	}
	if p, ok := got["Iraqi"]; !ok || p.Country != "IQ" || !p.Demonym {
		t.Errorf("Iraqi: %+v (ok %v), want Iraq as a demonym place", p, ok)
	}
	if p, ok := got["Tigris River"]; !ok || p.Class != "water" || p.Feature != "STM" {
		t.Errorf("Tigris River: %+v (ok %v), want a river", p, ok)
	} else if d := geo.DistanceKm(p.Lat, p.Lon, 36.34, 43.13); d > 100 {
		t.Errorf("Tigris River placed %.0f km from Mosul; its course runs through the city", d)
	}
}

// TestUnionPlace: a continent's union typed ORG ("the EU said", "EU
// ministers") is placed on its continent, as a country typed ORG is.
func TestUnionPlace(t *testing.T) {
	a := New()
	text := "The EU said on Monday that EU farm ministers would meet again after the talks in Brussels failed."
	ann := a.Annotate(Input{Text: text})
	n := 0
	for _, p := range ann.Places {
		if text[p.Start:p.End] == "EU" {
			n++
			if p.Feature != "CONT" {
				t.Errorf("EU placed on %s (%s), want the continent", p.Name, p.Feature)
			}
		}
	}
	if n == 0 {
		t.Errorf("EU not found as a place (places %+v)", ann.Places)
	}
}

// TestDemonymParts: demonyms inside a hyphenated name are places of their
// own, flagged as demonyms.
func TestDemonymParts(t *testing.T) {
	a := New()
	text := "Russian-backed militias shelled villages along the Syrian-Turkish border near Aleppo on Friday."
	ann := a.Annotate(Input{Text: text})
	got := map[string]Place{}
	for _, p := range ann.Places {
		got[text[p.Start:p.End]] = p
	}
	for name, cc := range map[string]string{"Russian": "RU", "Syrian": "SY", "Turkish": "TR"} {
		if p, ok := got[name]; !ok || p.Country != cc || !p.Demonym {
			t.Errorf("%s: %+v (found %v), want a demonym place in %s; places %v", name, p, ok, cc, got)
		}
	}
}

// TestNotThisPlaceTitle: a small town's name right after a person's title
// is the person ("Secretary Clinton", "Gov. Nixon"); after a preposition it
// stays the town.
func TestNotThisPlaceTitle(t *testing.T) {
	cases := []struct {
		text, name string
		want       bool
	}{
		{"Reporters asked whether Secretary Clinton had met the envoy.", "Clinton", true},
		{"Officials said Gov. Nixon would sign the bill.", "Nixon", true},
		{"The plant in Clinton will close next year.", "Clinton", false},
		// an office's people, an exclamation, a common noun's partner
		{"The files went to Justice special counsel Robert Mueller.", "Justice", true},
		{"He wrote about the leak. Nice! Then he left.", "Nice", true},
		{"When we say, 'Liberty and justice for all,' we mean it.", "Liberty", true},
		{"Police in Liberty and Kearney closed roads.", "Liberty", false},
		{"Nice and Cannes were hit by the storm.", "Nice", false},
	}
	for _, c := range cases {
		i := strings.Index(c.text, c.name)
		p := geo.Place{Mention: geo.Mention{Text: c.name, Start: i, End: i + len(c.name)}}
		p.Class, p.FeatureCode, p.Population = geo.ClassCity, "PPL", 30000
		if got := notThisPlace(c.text, p, nil); got != c.want {
			t.Errorf("%q: notThisPlace(%q) = %v, want %v", c.text, c.name, got, c.want)
		}
	}
}

// TestNotThisPlaceDirection: a direction or planet alone is never a town,
// stream or hill that bears the word ("In the North" is no creek called
// North); it may still be a region ("the Midwest").
func TestNotThisPlaceDirection(t *testing.T) {
	cases := []struct {
		text, name, class, feature string
		want                       bool
	}{
		{"In the North, turnout was low.", "North", geo.ClassWater, "STM", true},
		{"Voters in the South stayed home.", "South", geo.ClassCity, "PPL", true},
		{"The probe sent pictures back to Earth.", "Earth", geo.ClassLandform, "HLL", true},
		{"Storms swept across the Midwest on Sunday.", "Midwest", geo.ClassRegion, "RGN", false},
		{"Flooding hit the West of the country.", "West", geo.ClassArea, "RGN", false},
	}
	for _, c := range cases {
		i := strings.Index(c.text, c.name)
		p := geo.Place{Mention: geo.Mention{Text: c.name, Start: i, End: i + len(c.name)}}
		p.Class, p.FeatureCode = c.class, c.feature
		if got := notThisPlace(c.text, p, nil); got != c.want {
			t.Errorf("%q: notThisPlace(%q as %s) = %v, want %v", c.text, c.name, c.feature, got, c.want)
		}
	}
}
