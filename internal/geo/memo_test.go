package geo

import (
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
