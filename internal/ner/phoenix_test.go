package ner

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeGz writes s gzip-compressed to dir/name and returns the path.
func writeGz(t *testing.T, dir, name, s string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// Entries in TABARI actor format, made up for the test.
const testCountries = `# comment line
RURITANIA_  [RUR]
+RURITANIAN_REPUBLIC_
+STRELSAU_

RURITANIAN_ARMY_ [RURMIL]

RUDOLF_RASSENDYLL_  # CountryInfo.txt
+KING_RUDOLF_
	[RURGOV 940101-961231]
	[RURELI]

THE_BLACK_STATE
+BLACK_BRIGADE_
+TBS_
+MICHAEL_ELPHBERG_
	[IMGRUR >19990101]
`

const testInternational = `UNITED_FEDERATION_OF_PLANETS_ [IGOUFP] # NGO_Actors
JEAN_LUC_PICARD_	[IGOUFP 240101-250101]	# UFP
`

func TestLoadPhoenixActors(t *testing.T) {
	dir := t.TempDir()
	c := writeGz(t, dir, "Test.Countries.actors.txt.gz", testCountries)
	i := writeGz(t, dir, "Test.International.actors.txt.gz", testInternational)
	got, err := LoadPhoenixActors(c, i)
	if err != nil {
		t.Fatal(err)
	}
	join := func(ls [][]string) []string {
		var out []string
		for _, l := range ls {
			out = append(out, strings.Join(l, " "))
		}
		return out
	}
	want := map[int][]string{
		PhoenixLOC: {"RURITANIA", "RURITANIAN REPUBLIC", "STRELSAU"},
		PhoenixORG: {"RURITANIAN ARMY", "THE BLACK STATE", "BLACK BRIGADE", "TBS", "UNITED FEDERATION OF PLANETS"},
		PhoenixPER: {"RUDOLF RASSENDYLL", "KING RUDOLF", "JEAN LUC PICARD"},
	}
	for k, w := range want {
		if g := join(got[k]); !reflect.DeepEqual(g, w) {
			t.Errorf("kind %d: got %q, want %q", k, g, w)
		}
	}
	if _, err := LoadPhoenixActors(filepath.Join(dir, "missing.gz")); err == nil {
		t.Error("no error for a missing file")
	}
}
