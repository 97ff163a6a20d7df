package timeml

import (
	"os"
	"testing"
)

func TestParse(t *testing.T) {
	f, err := os.Open("testdata/mini.tml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := Parse(f, "mini.tml")
	if err != nil {
		t.Fatal(err)
	}
	if d.DCTValue != "2013-03-22" || d.DCT.Format("2006-01-02") != "2013-03-22" {
		t.Fatalf("DCT %q %v", d.DCTValue, d.DCT)
	}
	want := []Timex{
		{Text: "Thursday", Type: "DATE", Value: "2013-03-21"},
		{Text: "two years", Type: "DURATION", Value: "P2Y"},
		{Text: "next week", Type: "DATE", Value: "2013-W13"},
	}
	if len(d.Timexes) != len(want) {
		t.Fatalf("got %d timexes, want %d: %+v", len(d.Timexes), len(want), d.Timexes)
	}
	for i, w := range want {
		g := d.Timexes[i]
		if g.Text != w.Text || g.Type != w.Type || g.Value != w.Value || d.Text[g.Start:g.End] != w.Text {
			t.Errorf("timex %d: got %+v, want %+v", i, g, w)
		}
	}
	if want := "AT&T"; !contains(d.Text, want) {
		t.Errorf("entities not decoded in %q", d.Text)
	}
	if contains(d.Text, "Mini") {
		t.Errorf("TITLE leaked into TEXT: %q", d.Text)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestParseNoDCT(t *testing.T) {
	f, err := os.Open("testdata/no_dct.tml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := Parse(f, "no_dct.tml"); err == nil {
		t.Fatal("want an error for a document without creation time")
	}
}
