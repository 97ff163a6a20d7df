package ner

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/geo"
)

func TestLoadGeoNames(t *testing.T) {
	d := &geo.IndexData{
		Records: []geo.Record{
			{Country: "RU", FeatureCode: "PCLI", Name: "Ruritania"},
			{Country: "RU", FeatureCode: "PPLC", Population: 900, Name: "Strelsau"},
			{Country: "RU", FeatureCode: "PPL", Population: 250000, Name: "Port Zenda"},
			{Country: "RU", FeatureCode: "PPL", Population: 40000, Name: "Tarlenheim"},
			{Country: "RU", FeatureCode: "PPL", Population: 200, Name: "Hentzau"},
		},
		Names: map[string][]int32{
			"ruritania": {0}, "strelsau": {1}, "port zenda": {2}, "zenda": {2},
			"tarlenheim": {3}, "tarlen": {3}, "hentzau": {4},
		},
	}
	p := filepath.Join(t.TempDir(), "gaz.bin.gz")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := geo.WriteIndex(f, d); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := LoadGeoNames(p, GeoNameOptions{MinPop: 10000, AltMinPop: 100000})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, toks := range got {
		names = append(names, strings.ToLower(strings.Join(toks, " ")))
	}
	sort.Strings(names)
	// Hentzau is too small; Tarlenheim's alternate name "tarlen" needs
	// AltMinPop; the country and the capital count at any size.
	want := []string{"port zenda", "ruritania", "strelsau", "tarlenheim", "zenda"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("got %q, want %q", names, want)
	}
	if err := os.WriteFile(p, []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadGeoNames(p, GeoNameOptions{}); err == nil {
		t.Error("no error for a corrupt index")
	}
}
