package geo

import (
	"math"
	"strings"
	"testing"
)

func TestReadSenses(t *testing.T) {
	s, err := ReadSenses(strings.NewReader("# comment\n\nalexandria\t4314550\t2\nalexandria\t361058\t1\nparis\t2988507\t3\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key  string
		id   uint32
		want float64
	}{
		{"alexandria", 4314550, 2.0 / 4}, // smoothed: docs/(all docs + 1)
		{"alexandria", 361058, 1.0 / 4},
		{"alexandria", 7, 0},
		{"paris", 2988507, 3.0 / 4},
		{"nowhere", 1, 0},
		{"paris", 0, 0},
	} {
		if got := s.share(c.key, c.id); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("share(%q, %d) = %v, want %v", c.key, c.id, got, c.want)
		}
	}
	if s.Len() != 2 {
		t.Errorf("Len = %d, want 2", s.Len())
	}
	var none *Senses
	if none.share("paris", 2988507) != 0 || none.Len() != 0 {
		t.Error("nil Senses must be empty")
	}
	for _, bad := range []string{"paris\t2988507\n", "paris\t0\t3\n", "paris\tx\t3\n", "paris\t2988507\t0\n", "\t2988507\t1\n"} {
		if _, err := ReadSenses(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadSenses(%q): no error", bad)
		}
	}
}

func TestDefaultSenses(t *testing.T) {
	s := DefaultSenses()
	if s.Len() < 50 {
		t.Fatalf("embedded sense table has %d names, want a few hundred", s.Len())
	}
	if DefaultParams().Senses != s {
		t.Error("DefaultParams does not use the embedded sense table")
	}
}

// TestSensePriorChangesRanking: a sense prior that strongly favours the
// smaller Alexandria (Louisiana) wins with a high weight and not at 0.
func TestSensePriorChangesRanking(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := ReadSenses(strings.NewReader("alexandria\t4314550\t50\n"))
	if err != nil {
		t.Fatal(err)
	}
	doc := Doc{Mentions: []Mention{{Text: "Alexandria", Start: 0, End: 10}}}
	for _, c := range []struct {
		weight float64
		want   string
	}{{0, "EG"}, {10, "US"}} {
		p := DefaultParams()
		p.Senses, p.SenseWeight = s, c.weight
		got := g.ResolveWith(doc, p)
		if len(got) != 1 || got[0].Country != c.want {
			t.Errorf("weight %v: %+v, want country %s", c.weight, got, c.want)
		}
	}
}
