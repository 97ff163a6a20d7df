package entity

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// person builds a person local.
func person(name string, roles ...Role) Local {
	return Local{Name: name, Type: "PER", Kind: KindPerson, Aliases: []string{name}, Mentions: []int{0}, Roles: roles}
}

// org builds an organisation local with aliases.
func org(name string, aliases ...string) Local {
	return Local{Name: name, Type: "ORG", Kind: KindOther, Aliases: append([]string{name}, aliases...), Mentions: []int{0}}
}

func TestRegistryMerging(t *testing.T) {
	secretary := Role{Title: "Defense Secretary", Country: "USA", Agent: "GOV"}
	tests := []struct {
		name string
		docs [][]Local // one list per document
		same bool      // do the first locals of the first and last documents end in one actor?
	}{
		{"given-name variant", [][]Local{{person("Ashton Merrow")}, {person("Ash Merrow")}}, true},
		{"nickname from the knowledge base", [][]Local{{person("William Tanner")}, {person("Bill Tanner")}}, true},
		{"transliteration of given name", [][]Local{{person("Haidar al-Obeidi")}, {person("Haider al-Obeidi")}}, true},
		{"different given names stay apart", [][]Local{{person("John Marsh")}, {person("Mary Marsh")}}, false},
		{"bare surname without context stays apart", [][]Local{{person("John Marsh")}, {person("Marsh")}}, false},
		{"bare surname with the same role joins", [][]Local{{person("Ashton Merrow", secretary)}, {person("Merrow", secretary)}}, true},
		{"bare surname with another role stays apart", [][]Local{{person("Ashton Merrow", secretary)}, {person("Merrow", Role{Title: "striker", Org: "Leeds United"})}}, false},
		{"knowledge-base aliases", [][]Local{{kbLocal("ISIS")}, {kbLocal("Daesh")}}, true},
		{"country aliases", [][]Local{{kbLocal("U.S.")}, {kbLocal("America")}}, true},
		{"knowledge-base org", [][]Local{{kbLocal("Pentagon")}, {kbLocal("Department of Defense")}}, true},
		{"same name", [][]Local{{org("Northern Farmers Union")}, {org("Northern Farmers Union")}}, true},
		{"acronym learned later merges", [][]Local{{org("NFU")}, {org("Northern Farmers Union", "NFU")}}, true},
		{"different orgs", [][]Local{{org("Northern Farmers Union")}, {org("Southern Farmers Union")}}, false},
		{"same full name typed as organisation, then person", [][]Local{{org("Ellen Park")}, {person("Ellen Park")}}, true},
		{"same full name typed as person, then organisation", [][]Local{{person("Ellen Park")}, {org("Ellen Park")}}, true},
		{"short family name spelt two ways, same given name", [][]Local{{person("Duncan Rait")}, {person("Duncan Raite")}}, true},
		{"short family name spelt two ways, other given name", [][]Local{{person("Duncan Rait")}, {person("Donald Raite")}}, false},
		{"other middle initials stay apart", [][]Local{{person("Walter K. Brennan")}, {person("Walter R. T. Brennan")}}, false},
		{"other middle initials stay apart, after a plain form joined", [][]Local{{person("Walter K. Brennan")}, {person("Walter Brennan")}, {person("Walter R.T. Brennan")}}, false},
		{"same middle initial joins", [][]Local{{person("Walter K. Brennan")}, {person("Walter K Brennan")}}, true},
		{"no middle initial joins one with", [][]Local{{person("Walter K. Brennan")}, {person("Walter Brennan")}}, true},
		{"a middle name is no initial", [][]Local{{person("Nora Lindgren Walsh")}, {person("Nora Ellen Lindgren Walsh")}}, true},
		{"place the recogniser took for a person", [][]Local{{{Name: "Qaryat", Type: "LOC", Kind: KindLocation, Aliases: []string{"Qaryat"}, Mentions: []int{0, 1}}}, {person("Qaryat")}}, true},
		{"person first, then the place", [][]Local{{person("Qaryat")}, {{Name: "Qaryat", Type: "LOC", Kind: KindLocation, Aliases: []string{"Qaryat"}, Mentions: []int{0}}}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRegistry()
			var first, last ActorID
			for i, d := range tc.docs {
				ids := r.Add(fmt.Sprintf("doc%d", i), d)
				if len(ids) != len(d) {
					t.Fatalf("%d ids for %d locals", len(ids), len(d))
				}
				if i == 0 {
					first = ids[0]
				}
				last = ids[0]
			}
			same := r.Canonical(first) == r.Canonical(last)
			if same != tc.same {
				t.Errorf("same actor = %v, want %v (actors %+v)", same, tc.same, r.Actors())
			}
		})
	}
}

// kbLocal resolves a one-mention document naming s.
func kbLocal(s string) Local {
	d := Doc{Text: s, Sentences: []Span{{0, len(s)}}, Mentions: []Mention{{Span: Span{0, len(s)}, Type: "ORG"}}}
	return Resolve(d)[0]
}

func TestRegistryActorFields(t *testing.T) {
	r := NewRegistry()
	day1 := time.Date(2016, 10, 23, 0, 0, 0, 0, time.UTC)
	day2 := day1.AddDate(0, 0, 2)
	ro := func(d time.Time) Role { return Role{Title: "Defense Secretary", Country: "USA", Agent: "GOV", Date: d} }
	r.Add("a", []Local{person("Ashton Merrow", ro(day1)), kbLocal("ISIL")})
	r.Add("b", []Local{person("Ash Merrow", ro(day2)), kbLocal("Islamic State")})
	r.Add("c", []Local{person("Ash Merrow")})
	as := r.Actors()
	if len(as) != 2 {
		t.Fatalf("%d actors, want 2: %+v", len(as), as)
	}
	var p Actor
	for _, a := range as {
		if a.Kind == KindPerson {
			p = a
		}
	}
	if p.Name != "Ash Merrow" || len(p.Aliases) != 2 || p.Aliases[0] != (Alias{"Ash Merrow", 2}) {
		t.Errorf("person %q aliases %+v", p.Name, p.Aliases)
	}
	if len(p.Roles) != 1 || !p.Roles[0].First.Equal(day1) || !p.Roles[0].Last.Equal(day2) || p.Roles[0].Count != 2 {
		t.Errorf("roles %+v", p.Roles)
	}
	if !reflect.DeepEqual(p.Docs, []string{"a", "b", "c"}) || p.Mentions != 3 {
		t.Errorf("docs %q mentions %d", p.Docs, p.Mentions)
	}
	if p.Code != "USAGOV" && p.Code != "" {
		t.Errorf("code %q", p.Code)
	}
	ids := r.Lookup("Daesh")
	if len(ids) != 1 {
		t.Fatalf("lookup Daesh: %v", ids)
	}
	is, _ := r.Actor(ids[0])
	if is.Name != "Islamic State" || is.Kind != KindArmedGroup || is.Code == "" {
		t.Errorf("IS actor %+v", is)
	}
	if got := r.Lookup("Merrow"); len(got) != 1 || got[0] != p.ID {
		t.Errorf("lookup by surname: %v", got)
	}
	// a document added twice is not counted twice
	r.Add("c", []Local{person("Ash Merrow")})
	if a, _ := r.Actor(p.ID); a.Mentions != 3 {
		t.Errorf("re-adding counted again: %d mentions", a.Mentions)
	}
}

func TestRegistryRoundTrip(t *testing.T) {
	r := NewRegistry()
	r.Add("a", []Local{person("Ashton Merrow"), org("Northern Farmers Union", "NFU"), kbLocal("ISIS")})
	b, err := r.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	r2 := NewRegistry()
	if err := r2.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Actors(), r2.Actors()) {
		t.Fatalf("actors differ after round trip:\n%+v\n%+v", r.Actors(), r2.Actors())
	}
	ids1 := r.Add("b", []Local{person("Ash Merrow"), org("NFU"), kbLocal("Daesh")})
	ids2 := r2.Add("b", []Local{person("Ash Merrow"), org("NFU"), kbLocal("Daesh")})
	if !reflect.DeepEqual(ids1, ids2) {
		t.Errorf("ids after round trip %v, want %v", ids2, ids1)
	}
	if err := r2.UnmarshalBinary([]byte("{")); err == nil {
		t.Error("bad input accepted")
	}
	if err := r2.UnmarshalBinary([]byte(`{"version":99}`)); err == nil {
		t.Error("unknown version accepted")
	}
}

// BenchmarkRegistryAdd measures adding a document's locals to a registry
// that already holds many actors: the cost should not grow with its size.
func BenchmarkRegistryAdd(b *testing.B) {
	for _, size := range []int{1000, 100000} {
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			r := NewRegistry()
			for i := 0; i < size; i++ {
				r.Add(fmt.Sprint("d", i), []Local{person(fmt.Sprintf("Given%d Family%d", i%97, i)), org(fmt.Sprintf("Union %d", i))})
			}
			locals := []Local{person("Ash Merrow"), org("Northern Farmers Union", "NFU"), kbLocal("ISIS"), person("Merrow")}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r.Add(fmt.Sprint("x", i), locals)
			}
		})
	}
}

func TestRegistryBareFamilyByContext(t *testing.T) {
	ctx := []Local{org("Northern Farmers Union"), kbLocal("NATO"), org("Coastal Defence League")}
	tests := []struct {
		name  string
		first []Local // first document
		later []Local // a later document naming the person by family name only
		same  bool
	}{
		{"two shared actors", append([]Local{person("Ashton Merrow")}, ctx...), append([]Local{person("Merrow")}, ctx[:2]...), true},
		{"one shared actor is not enough", append([]Local{person("Ashton Merrow")}, ctx...), []Local{person("Merrow"), ctx[0]}, false},
		{"countries do not count", append([]Local{person("Ashton Merrow"), kbLocal("Iraq"), kbLocal("Syria")}, ctx[0]), []Local{person("Merrow"), kbLocal("Iraq"), kbLocal("Syria")}, false},
		{"two people of the family: no guess", append([]Local{person("Ashton Merrow"), person("Jane Merrow")}, ctx...), append([]Local{person("Merrow")}, ctx...), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRegistry()
			a := r.Add("first", tc.first)[0]
			b := r.Add("later", tc.later)[0]
			if got := r.Canonical(a) == r.Canonical(b); got != tc.same {
				t.Errorf("same = %v, want %v", got, tc.same)
			}
		})
	}
}

// TestRegistryBareFamilyNamesakes: with several people of one family known,
// a bare family name goes to the one whose company the document keeps
// clearly most, never to one it names in full itself.
func TestRegistryBareFamilyNamesakes(t *testing.T) {
	ctx := []Local{org("Northern Farmers Union"), kbLocal("NATO"), org("Coastal Defence League")}
	tests := []struct {
		name string
		docs [][]Local // earlier documents
		bare []Local   // the document naming a person by family name alone (first local)
		want string    // "" for no guess
	}{
		{"the company kept clearly most", [][]Local{append([]Local{person("Ashton Merrow")}, ctx...), {person("Jane Merrow"), ctx[0]}},
			append([]Local{person("Merrow")}, ctx...), "Ashton Merrow"},
		{"company kept alike: no guess", [][]Local{append([]Local{person("Ashton Merrow")}, ctx...), append([]Local{person("Jane Merrow")}, ctx[:2]...)},
			append([]Local{person("Merrow")}, ctx...), ""},
		{"a namesake named in full here is out", [][]Local{append([]Local{person("Ashton Merrow"), person("Jane Merrow")}, ctx...)},
			append([]Local{person("Merrow"), person("Jane Merrow")}, ctx...), "Ashton Merrow"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRegistry()
			byName := map[ActorID]string{}
			for i, d := range tc.docs {
				for k, id := range r.Add(fmt.Sprint("doc", i), d) {
					byName[r.Canonical(id)] = d[k].Name
				}
			}
			got := byName[r.Canonical(r.Add("bare", tc.bare)[0])]
			if got != tc.want {
				t.Errorf("bare family name joined %q, want %q", got, tc.want)
			}
		})
	}
}

// TestBestNameDeterministic: equal counts never leave the name to map
// order, and a form written all in capitals loses to the mixed-case one.
func TestBestNameDeterministic(t *testing.T) {
	for i := 0; i < 50; i++ {
		a := &actor{Aliases: map[string]int{"LOS ANGELES": 1, "Los Angeles": 1}}
		if got := a.bestName(); got != "Los Angeles" {
			t.Fatalf("bestName = %q, want Los Angeles", got)
		}
		b := &actor{Aliases: map[string]int{"Tyne Bridge": 2, "Tees Bridge": 2}}
		if got := b.bestName(); got != "Tees Bridge" {
			t.Fatalf("bestName = %q, want the first in byte order", got)
		}
	}
}
