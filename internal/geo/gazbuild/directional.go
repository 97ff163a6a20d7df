package gazbuild

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/geo"
)

// directionalRegions adds the historical or informal region that two or
// more divisions of one country are named after with a direction word:
// "Darfur" for Northern, Southern, Western, Central and Eastern Darfur,
// "Kordofan", "Waziristan" (North and South Waziristan). News name the
// region bare; the index knows only its parts. A region is added only when
// no record anywhere bears its name (so "Holland", "Carolina" and
// "Dakota", which name towns, add nothing), as a division (ADMD) of the
// country at the mean of its parts' points, with their summed population.
func (b *overlayBuilder) directionalRegions() {
	type part struct {
		name     string
		lat, lon float64
		pop      uint64
	}
	groups := map[string][]part{} // country|level|admin-1 (for ADM2)|key
	for i := int32(0); i < b.nbase; i++ {
		r := b.base.Record(i)
		if r.FeatureCode != "ADM1" && r.FeatureCode != "ADM2" {
			continue
		}
		bare, ok := stripDirection(r.Name)
		if !ok {
			continue
		}
		k := geo.Key(bare)
		if len(k) < 4 || strings.ContainsFunc(bare, notNameRune) || genericBare(bare) {
			continue
		}
		g := r.Country + "|" + r.FeatureCode + "|"
		if r.FeatureCode == "ADM2" {
			g += r.Admin1
		}
		g += "|" + k
		groups[g] = append(groups[g], part{bare, float64(r.LatE6) / 1e6, float64(r.LonE6) / 1e6, uint64(r.Population)})
	}
	keys := make([]string, 0, len(groups))
	for g := range groups {
		keys = append(keys, g)
	}
	sort.Strings(keys)
	for _, g := range keys {
		ps := groups[g]
		f := strings.Split(g, "|")
		cc, k := f[0], f[3]
		if len(ps) < 2 || len(b.base.Postings(k)) > 0 || len(b.names[k]) > 0 {
			continue
		}
		var lat, lon float64
		var pop uint64
		for _, p := range ps {
			lat += p.lat / float64(len(ps))
			lon += p.lon / float64(len(ps))
			pop += p.pop
		}
		rec := b.add(geo.Record{LatE6: e6(lat), LonE6: e6(lon), Population: uint32(min(pop, 1<<32-1)), Country: cc,
			FeatureCode: "ADMD", Name: ps[0].name}, nil, "", "GeoNames divisions named after it (North/South ...)")
		b.key(ps[0].name, rec, false, 4)
		b.st.Directional++
	}
}

// directionWords head (or end) a division's name without being part of the
// region's own name.
var directionWords = []string{"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
	"upper", "lower", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest"}

// divisionWords end a division's name as its generic word ("North Waziristan
// District").
var divisionWords = []string{"district", "province", "region", "state", "governorate", "agency", "division"}

// genericBare reports a stripped name that is no region's own: one that
// still begins or ends with a direction, generic or division word ("Cape"
// of Western Cape, "River" of Upper River, "Akoko North" of Akoko North
// East, "Baton Rouge Parish").
func genericBare(bare string) bool {
	w := strings.Fields(strings.ToLower(bare))
	generic := []string{"cape", "river", "coast", "city", "parish", "county", "aimak", "island", "islands", "area", "municipality"}
	for _, x := range [][]string{directionWords, divisionWords, generic} {
		for _, g := range x {
			if w[0] == g || w[len(w)-1] == g {
				return true
			}
		}
	}
	return false
}

// stripDirection returns a division's name without its direction word and
// generic word ("Northern Darfur" → "Darfur"; "North Wazīristān District"
// → "Wazīristān"); false when it has no direction word.
func stripDirection(name string) (string, bool) {
	w := strings.Fields(name)
	if len(w) < 2 {
		return "", false
	}
	if len(w) > 2 {
		for _, a := range divisionWords {
			if strings.EqualFold(w[len(w)-1], a) {
				w = w[:len(w)-1]
				break
			}
		}
	}
	for _, d := range directionWords {
		if strings.EqualFold(w[0], d) {
			return strings.Join(w[1:], " "), true
		}
		if strings.EqualFold(w[len(w)-1], d) {
			return strings.Join(w[:len(w)-1], " "), true
		}
	}
	return "", false
}
