package gazbuild

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sitrep/sitrep/internal/geo"
)

func TestAirportOwnName(t *testing.T) {
	tests := []struct{ name, town, want string }{
		{"London Heathrow Airport", "London", "Heathrow"},
		{"Amsterdam Airport Schiphol", "Amsterdam", "Schiphol"},
		{"Chicago O'Hare International Airport", "Chicago", "O'Hare"},
		{"Ramstein Air Base", "Ramstein-Miesenbach", "Ramstein"},
		{"Paris Airport", "Paris", ""}, // nothing of its own
		{"Heathrow", "London", ""},     // nothing stripped
		{"Ube Airport", "Ube", ""},     // too short once stripped
		{"Erbil International Airport", "", "Erbil"},
		{"Augusta State Airport", "Augusta", ""},                  // "State" names nothing
		{"Monterey Peninsula Airport", "Monterey", ""},            // nor "Peninsula"
		{"Havre City County Airport", "Havre", ""},                // nor "City"
		{"Tulcea Danube Delta Airport", "Tulcea", "Danube Delta"}, // kept: "Danube"
	}
	for _, tt := range tests {
		if got := airportOwnName(tt.name, tt.town); got != tt.want {
			t.Errorf("airportOwnName(%q, %q) = %q, want %q", tt.name, tt.town, got, tt.want)
		}
	}
}

func TestAddAirports(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "airports.json")
	data := `[
 {"type":"large_airport","name":"London Heathrow Airport","latitude_deg":"51.4706","longitude_deg":"-0.461941","iso_country":"GB","municipality":"London"},
 {"type":"large_airport","name":"Washington Dulles International Airport","latitude_deg":"38.9445","longitude_deg":"-77.4558","iso_country":"US","municipality":"Dulles"},
 {"type":"medium_airport","name":"Broken","latitude_deg":"x","longitude_deg":"1","iso_country":"US","municipality":""}
]`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	b := &builder{d: geo.IndexData{Names: map[string][]int32{}}, seen: map[string]map[int32]bool{}}
	dc := b.add(geo.Record{Population: 700000, FeatureCode: "PPLC", Country: "US", Name: "Washington"})
	b.addName("Washington", dc)
	if err := b.addAirports(path); err != nil {
		t.Fatal(err)
	}
	if err := b.addAirports(filepath.Join(dir, "missing.json")); err != nil {
		t.Errorf("missing optional file: %v", err)
	}
	if got := len(b.d.Records); got != 3 {
		t.Fatalf("records = %d, want 3 (two airports, bad row skipped)", got)
	}
	for _, k := range []string{"heathrow", "heathrow airport", "london heathrow airport", "washington dulles international airport"} {
		if len(b.d.Names[k]) != 1 {
			t.Errorf("key %q: %d records, want 1", k, len(b.d.Names[k]))
		}
	}
	if got := len(b.d.Names["washington"]); got != 1 {
		t.Errorf("Washington: %d records, want only the city (a big place keeps its name)", got)
	}
	if r := b.d.Records[b.d.Names["heathrow"][0]]; r.FeatureCode != "AIRP" || r.Country != "GB" || r.LatE6 != 51470600 {
		t.Errorf("Heathrow record = %+v", r)
	}
}

func TestAirportShortNames(t *testing.T) {
	// "Lester" stands for a given name that is also a big place's alias
	big := func(s string) bool { return s == "Washington" || s == "New York" || s == "Lester" }
	for _, c := range []struct {
		name, town string
		want       []string
	}{
		{"Washington Dulles International Airport", "Dulles", []string{"Dulles International Airport", "Dulles Airport"}},
		{"Lester B. Pearson International Airport", "Toronto", []string{"Pearson International Airport", "Pearson Airport"}},
		{"John F Kennedy International Airport", "New York", []string{"Kennedy International Airport", "Kennedy Airport"}},
		{"London Heathrow Airport", "London", []string{"Heathrow Airport"}},
		{"Augusta State Airport", "Augusta", nil},       // "State Airport" names nothing
		{"Dulles International Airport", "Dulles", nil}, // the town is the own name
		{"Amsterdam Airport Schiphol", "Amsterdam", nil},
		{"Charles de Gaulle International Airport", "Paris", nil}, // no initial, no town: kept whole
	} {
		got := airportShortNames(c.name, c.town, big)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
