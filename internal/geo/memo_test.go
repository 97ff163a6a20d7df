package geo

import (
	"math"
	"math/rand"
	"reflect"
	"testing"
)

// TestMemoSameAsWithout resolves documents with one Memo shared across
// them (the names recur, with variants, wrappers, possessives and dotted
// abbreviations) and without: the places are the same, and a Memo moved to
// another gazetteer starts afresh.
func TestMemoSameAsWithout(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Fighters left [Mosul] for [Raqqa] while [Erbil] braced; [Baghdad] and [Damascus] said [Iraq] and [Syria] would talk in [Geneva].",
		"Police in [Dallas] and [Sherman] said the suspect fled to [Paris] in [Lamar County], [Texas], then [Oklahoma City].",
		"[Springfield] officials met [Washington] lobbyists from [New York], [London] and [Paris] about [Georgia].",
		"[North Dallas] and [Greater Toronto Area] and [Oaxaca State] and the [Republic of Korea] and [W. Va.] and [the Philippines].",
		"[Paris] again, [Texas] again, [Kansas] and [Kansas City], [Georgia], [Washington state], [Mosul], [Raqqa].",
		"[Springfield], [Sherman] and [Nixon] in [Missouri]; [Colorado State University] and [Pearl Harbor] and [West Midlands].",
	}
	var docs []Doc
	for _, s := range texts {
		d := doc(s)
		d.Context = []string{"Iraqi", "Texan", "American", "Syrian"}
		docs = append(docs, d)
	}
	m := NewMemo()
	for round := 0; round < 2; round++ {
		for i, d := range docs {
			want := g.Resolve(d)
			d.Memo = m
			if got := g.Resolve(d); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d doc %d: with a memo\n%+v\nwithout\n%+v", round, i, got, want)
			}
		}
	}
	if len(m.loose) == 0 {
		t.Fatal("the memo kept nothing")
	}
	other := &Gazetteer{}
	if _, _ = m.lookupLoose(g, "Paris"); m.g != g {
		t.Fatal("memo not tied to its gazetteer")
	}
	m.loose["paris-test"] = memoPost{}
	m.g = other
	if p, _ := m.lookupLoose(g, "Paris"); len(p) == 0 || m.g != g {
		t.Fatal("a memo moved to another gazetteer kept its answers")
	}
	if _, ok := m.loose["paris-test"]; ok {
		t.Fatal("a memo moved to another gazetteer kept its answers")
	}
}

// TestNearSameAsDist checks near against the distance it stands for on
// random pairs of gazetteer records, pairs a few km apart, and pairs whose
// latitude gap is within a hair of the threshold, for several thresholds.
func TestNearSameAsDist(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := int32(g.Len())
	for i := int32(0); i < n; i++ {
		if g.lat[i] < -90e6 || g.lat[i] > 90e6 {
			t.Fatalf("record %d at latitude %d: the bound near uses needs latitudes in range", i, g.lat[i])
		}
	}
	r := rand.New(rand.NewSource(3))
	kms := []float64{0, 1, 25, 50, 100, 161, 250, 500, 2000, 20040, math.Inf(1)}
	check := func(a, b int32) {
		for _, km := range kms {
			if got, want := g.near(a, b, km), g.dist(a, b) <= km; got != want {
				t.Fatalf("near(%d, %d, %v) = %v, dist %v", a, b, km, got, g.dist(a, b))
			}
		}
	}
	for i := 0; i < 200000; i++ {
		check(r.Int31n(n), r.Int31n(n))
	}
	// neighbours in the record order are often in one country
	for i := int32(0); i+1 < n; i += 3 {
		check(i, i+1)
	}
	// a synthetic pair on one meridian at exactly a threshold's latitude gap
	h := &Gazetteer{lat: make([]int32, 2), lon: make([]int32, 2)}
	for _, km := range kms[1:9] { // latitudes kept in range: the bound needs a gap of at most 180°
		gap := km / EarthRadiusKm * 180 / math.Pi * 1e6
		for _, d := range []float64{-2, -1, 0, 1, 2} {
			h.lat[0], h.lat[1] = 10e6, 10e6+int32(gap+d)
			if got, want := h.near(0, 1, km), h.dist(0, 1) <= km; got != want {
				t.Fatalf("gap %v km %v: near %v, dist %v", gap+d, km, got, h.dist(0, 1))
			}
		}
	}
}
