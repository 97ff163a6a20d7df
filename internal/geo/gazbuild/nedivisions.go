package gazbuild

import (
	"path/filepath"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/geo"
)

// neDivisions adds the first-order divisions of Natural Earth's admin-1
// label points whose name the index does not know in their country: the
// divisions Natural Earth keeps and GeoNames' current codes do not (Kenya's
// eight former provinces, England's metropolitan counties such as the West
// Midlands, London's boroughs, Welsh and Northern Irish districts). Each
// becomes a region (ADMD) at its label point; a name the country already
// has (as a region, town or anything else) adds nothing, so no sense the
// index knew is taken away or outranked by a second copy.
func (b *overlayBuilder) neDivisions(dir string) error {
	fs, err := readNE(filepath.Join(dir, "ne_10m_admin_1_label_points.json.gz"))
	if err != nil {
		return err
	}
	done := map[string]bool{}
	for i := range fs {
		f := &fs[i]
		name, cc := neDisplayName(f.str("name")), strings.ToUpper(f.str("iso_a2"))
		if len(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || name == "" || strings.ContainsFunc(name, notNameRune) {
			continue
		}
		k := geo.Key(name)
		if len(k) < 4 || done[cc+"|"+k] || b.knownIn(k, cc) {
			continue
		}
		done[cc+"|"+k] = true
		// no admin-1 code: the division is itself first-order in Natural
		// Earth, and the GeoNames division its point falls in may be a
		// finer one of today's (a Kenyan county for a former province)
		lon, lat := f.lines[0][0][0], f.lines[0][0][1]
		rec := b.add(geo.Record{LatE6: e6(lat), LonE6: e6(lon), Country: cc, FeatureCode: "ADMD", Name: name},
			nil, "", "Natural Earth 10m admin_1_label_points")
		b.key(name, rec, false, 4)
		b.st.Divisions++
	}
	return nil
}

// knownIn reports whether the base index or the overlay built so far has a
// record in country cc under key k.
func (b *overlayBuilder) knownIn(k, cc string) bool {
	for _, r := range b.base.Postings(k) {
		if b.base.Record(r).Country == cc {
			return true
		}
	}
	for _, r := range b.names[k] {
		if r < b.nbase {
			if b.base.Record(r).Country == cc {
				return true
			}
		} else if b.o.Records[r-b.nbase].Country == cc {
			return true
		}
	}
	return false
}

// notNameRune reports characters no division's name has: digits and the
// brackets of Natural Earth's aggregation codes ("PFA-00 (Paracel Is.
// aggregation)").
func notNameRune(r rune) bool { return unicode.IsDigit(r) || r == '(' || r == ')' }
