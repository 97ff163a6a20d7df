package geo

import (
	"bytes"
	"compress/gzip"
	"testing"
)

func tinyIndex() *IndexData {
	return &IndexData{
		Records: []Record{
			{GeonameID: 1, LatE6: 48856613, LonE6: 2352222, Population: 2000000, Country: "FR", Admin1: "11", FeatureCode: "PPLC", Name: "Paris"},
			{GeonameID: 2, LatE6: 33660940, LonE6: -95555513, Population: 25000, Country: "US", Admin1: "TX", FeatureCode: "PPLA2", Name: "Paris"},
			{LatE6: 31000000, LonE6: -99000000, Population: 25000000, Country: "US", Admin1: "TX", FeatureCode: "ADM1", Name: "Texas"},
			{LatE6: 46000000, LonE6: 2000000, Population: 60000000, Country: "FR", FeatureCode: "PCLI", Name: "France"},
		},
		Names: map[string][]int32{"paris": {1, 0}, "texas": {2}, "france": {3}, "french": {3}},
	}
}

func TestIndexRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteIndex(&buf, tinyIndex()); err != nil {
		t.Fatal(err)
	}
	g, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 4 || g.NumKeys() != 4 {
		t.Fatalf("Len=%d NumKeys=%d, want 4 and 4", g.Len(), g.NumKeys())
	}
	c := g.Lookup("Paris")
	if len(c) != 2 || c[0].GeonameID != 1 || c[1].Country != "US" || c[1].Admin1 != "TX" {
		t.Fatalf("Lookup(Paris) = %+v", c)
	}
	if c[0].Lat != 48.856613 || c[0].Lon != 2.352222 {
		t.Errorf("Paris coordinates = %v,%v", c[0].Lat, c[0].Lon)
	}
	if fr, ok := g.Country("fr"); !ok || fr.Name != "France" {
		t.Errorf("Country(fr) = %+v, %v", fr, ok)
	}
	if got := g.Lookup("French"); len(got) != 1 || got[0].FeatureCode != "PCLI" {
		t.Errorf("Lookup(French) = %+v", got)
	}
	if got := g.Lookup("Lyon"); len(got) != 0 {
		t.Errorf("Lookup(Lyon) = %+v, want none", got)
	}
}

func TestWriteIndexRejectsBadCountry(t *testing.T) {
	d := tinyIndex()
	d.Records[0].Country = "FRA"
	if err := WriteIndex(&bytes.Buffer{}, d); err == nil {
		t.Fatal("WriteIndex accepted a 3-letter country code")
	}
}

func TestLoadCorrupt(t *testing.T) {
	var good bytes.Buffer
	if err := WriteIndex(&good, tinyIndex()); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(good.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer
	raw.ReadFrom(zr)
	gz := func(b []byte) *bytes.Buffer {
		var out bytes.Buffer
		w := gzip.NewWriter(&out)
		w.Write(b)
		w.Close()
		return &out
	}
	cases := map[string]*bytes.Buffer{
		"not gzip":  bytes.NewBufferString("hello"),
		"bad magic": gz([]byte("NOTANINDEX\x01\x00")),
		"truncated": gz(raw.Bytes()[:raw.Len()/2]),
		"empty":     gz(nil),
	}
	for name, in := range cases {
		if _, err := Load(in); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}
