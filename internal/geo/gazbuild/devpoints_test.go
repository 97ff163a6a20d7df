package gazbuild

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/geo"
)

// devIndex is a miniature index: same-name regions of different kinds and
// countries, and towns with GeoNames ids.
func devIndex() *geo.IndexData {
	d := &geo.IndexData{Names: map[string][]int32{}}
	add := func(r geo.Record, extra ...string) {
		i := int32(len(d.Records))
		d.Records = append(d.Records, r)
		for _, n := range append([]string{r.Name}, extra...) {
			d.Names[geo.Key(n)] = append(d.Names[geo.Key(n)], i)
		}
	}
	add(geo.Record{Name: "Georgia", FeatureCode: "PCLI", Country: "GE", LatE6: 42e6, LonE6: 43500000, Population: 3e6}) // 0
	add(geo.Record{Name: "Georgia", FeatureCode: "ADM1", Country: "US", Admin1: "GA", LatE6: 32e6, LonE6: -83e6})       // 1
	add(geo.Record{Name: "Canada", FeatureCode: "PCLI", Country: "CA", LatE6: 60e6, LonE6: -95e6}, "Canadian")          // 2
	add(geo.Record{Name: "Springfield", FeatureCode: "PPLA", Country: "US", Admin1: "IL", GeonameID: 4250542, LatE6: 39801055, LonE6: -89643604})
	add(geo.Record{Name: "Washington County", FeatureCode: "ADM2", Country: "US", Admin1: "OR", LatE6: 45500000, LonE6: -123100000}, "Washington") // 4
	add(geo.Record{Name: "Washington County", FeatureCode: "ADM2", Country: "US", Admin1: "PA", LatE6: 40200000, LonE6: -80200000}, "Washington")  // 5
	add(geo.Record{Name: "Washington", FeatureCode: "ADM1", Country: "US", Admin1: "WA", LatE6: 47400000, LonE6: -120500000})                      // 6
	add(geo.Record{Name: "Ontario", FeatureCode: "ADM1", Country: "CA", Admin1: "08", LatE6: 45e6, LonE6: -79e6})                                  // 7
	add(geo.Record{Name: "Tbilisi", FeatureCode: "PPLC", Country: "GE", GeonameID: 611717, LatE6: 41694110, LonE6: 44833680})                      // 8
	add(geo.Record{Name: "Pennsylvania", FeatureCode: "ADM1", Country: "US", Admin1: "PA", LatE6: 40900000, LonE6: -77800000})                     // 9
	add(geo.Record{Name: "Toronto", FeatureCode: "PPLA", Country: "CA", Admin1: "08", GeonameID: 6167865, LatE6: 43700110, LonE6: -79416300})      // 10
	add(geo.Record{Name: "United States", FeatureCode: "PCLI", Country: "US", LatE6: 39833000, LonE6: -98583000})                                  // 11
	add(geo.Record{Name: "Europe", FeatureCode: "CONT", Country: "XX", LatE6: 50e6, LonE6: 15e6})                                                  // 12
	return d
}

func TestDerivePoints(t *testing.T) {
	lgl := func(id uint32, phrase, name, fc, country, a1 string, lat, lon float64) GoldToponym {
		return GoldToponym{ID: id, Phrase: phrase, Name: name, FCode: fc, Country: country, Admin1: a1, Lat: lat, Lon: lon}
	}
	gwn := func(id uint32, phrase, name string, lat, lon float64) GoldToponym {
		return GoldToponym{ID: id, Phrase: phrase, Name: name, Lat: lat, Lon: lon}
	}
	cases := []struct {
		name string
		gold []GoldToponym
		want map[int32]uint32 // record → GeoNames id it gets; others keep 0
	}{
		{"state Georgia goes on the state, not the country",
			[]GoldToponym{lgl(4197000, "Georgia", "Georgia", "ADM1", "United States", "Georgia", 32.75, -83.5)},
			map[int32]uint32{1: 4197000}},
		{"country Georgia without feature code or country (GeoWebNews)",
			[]GoldToponym{gwn(614540, "Georgia", "Georgia", 42, 43.5)},
			map[int32]uint32{0: 614540}},
		{"demonym phrase and official name reach the country",
			[]GoldToponym{lgl(6251999, "Canadian", "Canada", "PCLI", "Canada", "", 60.10867, -113.64258)},
			map[int32]uint32{2: 6251999}},
		{"a town already in the index is skipped",
			[]GoldToponym{lgl(4250542, "Springfield", "Springfield", "PPLA", "United States", "Illinois", 39.8, -89.6)},
			map[int32]uint32{}},
		{"a town is never pinned on a region of its name",
			[]GoldToponym{lgl(4140963, "Washington", "Washington", "PPLC", "United States", "Washington, D.C.", 38.9, -77.0)},
			map[int32]uint32{}},
		{"admin-2 in the gold's admin-1 region, not its namesake",
			[]GoldToponym{lgl(5218000, "Washington County", "Washington County", "ADM2", "United States", "Pennsylvania", 40.19, -80.25)},
			map[int32]uint32{5: 5218000}},
		{"admin-2 too far from the record's point",
			[]GoldToponym{lgl(5218000, "Washington County", "Washington County", "ADM2", "United States", "Pennsylvania", 41.9, -80.25)},
			map[int32]uint32{}},
		{"admin-1 official name without feature code (GeoWebNews)",
			[]GoldToponym{gwn(6093943, "Ontario", "Province of Ontario", 49.25, -84.5)},
			map[int32]uint32{7: 6093943}},
		{"unknown feature code: an admin region needs the gold's own name",
			[]GoldToponym{gwn(5000001, "Ontario", "Ontario Place", 44.5, -79.5)},
			map[int32]uint32{}},
		{"admin-1 too far from the record's point",
			[]GoldToponym{lgl(6093943, "Ontario", "Ontario", "ADM1", "Canada", "Ontario", 30, -140)},
			map[int32]uint32{}},
		{"continent across countries",
			[]GoldToponym{lgl(6255148, "Europe", "Europe", "CONT", "", "", 48.69096, 9.14062)},
			map[int32]uint32{12: 6255148}},
		{"two ids for one record: most mentions wins",
			[]GoldToponym{
				lgl(1, "Canada", "Canada", "PCLI", "Canada", "", 60, -96),
				lgl(6251999, "Canada", "Canada", "PCLI", "Canada", "", 60.1, -113.6),
				lgl(6251999, "Canada", "Canada", "PCLI", "Canada", "", 60.1, -113.6)},
			map[int32]uint32{2: 6251999}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := devIndex()
			rows := DerivePoints(d, c.gold)
			before := devIndex()
			n, err := ApplyDevPoints(d, rows)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(rows) {
				t.Errorf("applied %d of %d rows", n, len(rows))
			}
			for i := range d.Records {
				got, was := d.Records[i], before.Records[i]
				want, ok := c.want[int32(i)]
				if !ok {
					want = was.GeonameID
				}
				if got.GeonameID != want {
					t.Errorf("record %d (%s %s): id %d, want %d", i, got.Name, got.FeatureCode, got.GeonameID, want)
				}
				// only the id and the point may change
				got.GeonameID, got.LatE6, got.LonE6 = was.GeonameID, was.LatE6, was.LonE6
				if got != was {
					t.Errorf("record %d changed beyond id and point: %+v", i, d.Records[i])
				}
			}
			if !reflect.DeepEqual(d.Names, before.Names) {
				t.Error("lookup keys changed")
			}
		})
	}
}

func TestDevPointsPointAndRoundTrip(t *testing.T) {
	d := devIndex()
	gold := []GoldToponym{
		{ID: 6251999, Phrase: "Canada", Name: "Canada", FCode: "PCLI", Country: "Canada", Lat: 60, Lon: -96},
		{ID: 6251999, Phrase: "Canada", Name: "Canada", FCode: "PCLI", Country: "Canada", Lat: 60.10867, Lon: -113.64258},
		{ID: 6251999, Phrase: "Canadian", Lat: 60.10867, Lon: -113.64258},
	}
	rows := DerivePoints(d, gold)
	if len(rows) != 1 || rows[0].Mentions != 3 || rows[0].Lat != 60.10867 || rows[0].Lon != -113.64258 {
		t.Fatalf("rows = %+v, want Canada at its most frequent gold point with 3 mentions", rows)
	}
	var buf bytes.Buffer
	if err := WriteDevPoints(&buf, rows); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), DevPointsFile)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := ReadDevPoints(path)
	if err != nil {
		t.Fatal(err)
	}
	rows[0].ShiftKm = 0
	if !reflect.DeepEqual(back, rows) {
		t.Errorf("round trip: %+v, want %+v", back, rows)
	}
	if _, err := ApplyDevPoints(d, back); err != nil {
		t.Fatal(err)
	}
	if r := d.Records[2]; r.GeonameID != 6251999 || r.LatE6 != 60108670 || r.LonE6 != -113642580 {
		t.Errorf("Canada after apply: %+v", r)
	}
}

func TestApplyDevPointsUnmatchedRow(t *testing.T) {
	for _, row := range []DevPoint{
		{GeonameID: 7, Name: "Atlantis", FCode: "PCLI", Country: "XA", Lat: 1, Lon: 1},
		{GeonameID: 8, Name: "Georgia", FCode: "PCLI", Country: "GE", Lat: 32.7, Lon: -83.4}, // far from the country's point
		{GeonameID: 9, Name: "Georgia", FCode: "ADM1", Country: "US", Admin1: "FL", Lat: 32.7, Lon: -83.4},
	} {
		if _, err := ApplyDevPoints(devIndex(), []DevPoint{row}); err == nil || !strings.Contains(err.Error(), "no matching record") {
			t.Errorf("row %+v: err = %v, want no matching record", row, err)
		}
	}
}

func TestReadGold(t *testing.T) {
	in := `{"toponyms":[{"phrase":"Turkish","geonameid":"298795","name":"Turkey","fcode":"PCLI","country":"Turkey","lat":39.0,"lon":35.0},` +
		`{"phrase":"area","geonameid":null,"lat":null,"lon":null},` +
		`{"phrase":"Pandi","geonameid":null,"lat":14.87,"lon":120.95},` +
		`{"phrase":"Louisiana","normalised_name":"Louisiana","geonameid":4331987,"lat":31.0,"lon":-92.0}]}` + "\n\n"
	got, err := readGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []GoldToponym{
		{Doc: "1", ID: 298795, Phrase: "Turkish", Name: "Turkey", FCode: "PCLI", Country: "Turkey", Lat: 39, Lon: 35},
		{Doc: "1", ID: 4331987, Phrase: "Louisiana", Name: "Louisiana", Lat: 31, Lon: -92},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("readGold = %+v, want %+v", got, want)
	}
}

func TestDeriveSenses(t *testing.T) {
	d := devIndex()
	d.Records[5].GeonameID = 5218000 // Washington County, PA, as after ApplyDevPoints
	d.Records[2].GeonameID = 6251999 // Canada: one record by its key, not ambiguous
	gold := []GoldToponym{
		{Doc: "lgl/1", ID: 5218000, Phrase: "Washington"},
		{Doc: "lgl/1", ID: 5218000, Phrase: "Washington"}, // same document counts once
		{Doc: "lgl/2", ID: 5218000, Phrase: "Washington"},
		{Doc: "lgl/2", ID: 5218000, Phrase: "Washington County"},
		{Doc: "lgl/3", ID: 4140963, Phrase: "Washington"}, // a place the index lacks
		{Doc: "tr-news/1", ID: 6251999, Phrase: "Canada"},
	}
	got := DeriveSenses(d, gold)
	want := []Sense{{"washington", 5218000, 2}, {"washington county", 5218000, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DeriveSenses = %+v, want %+v", got, want)
	}
	var buf bytes.Buffer
	if err := WriteSenses(&buf, got); err != nil {
		t.Fatal(err)
	}
	s, err := geo.ReadSenses(&buf)
	if err != nil || s.Len() != 2 {
		t.Fatalf("ReadSenses of WriteSenses: %v, %d names", err, s.Len())
	}
}
