package entity

import (
	"reflect"
	"strings"
	"testing"
)

// TestResolveDifferentPeopleKeptApart: names that share words with another
// person's name but name someone else (a son, a spouse, the holder of
// another post) never join that person.
func TestResolveDifferentPeopleKeptApart(t *testing.T) {
	t.Run("generational suffix", func(t *testing.T) {
		src := "Harlan Voss Jr. met the lawyers in June. Harlan Voss said he knew nothing of it."
		ls := Resolve(mkDoc(t, src, m{"PER", "Harlan Voss Jr.", 0}, m{"PER", "Harlan Voss", 1}))
		jr, sr := byName(t, ls, "Harlan Voss Jr."), byName(t, ls, "Harlan Voss")
		if len(jr.Mentions) != 1 || len(sr.Mentions) != 1 {
			t.Errorf("Jr. has %d mentions, father %d; want 1 and 1", len(jr.Mentions), len(sr.Mentions))
		}
	})
	t.Run("titled family name before a relative's full name", func(t *testing.T) {
		src := "President Voss and Greta Voss, the first lady, greeted the guests. Greta Voss wore blue. Voss said the visit mattered."
		ls := Resolve(mkDoc(t, src, m{"PER", "Voss", 0}, m{"PER", "Greta Voss", 0}, m{"PER", "Greta Voss", 1}, m{"PER", "Voss", 3}))
		g := byName(t, ls, "Greta Voss")
		if len(g.Mentions) != 2 {
			t.Errorf("Greta Voss has %d mentions, want 2 (aliases %q)", len(g.Mentions), g.Aliases)
		}
		for _, ro := range g.Roles {
			if strings.Contains(ro.Title, "President") {
				t.Errorf("Greta Voss got the role %q", ro.Title)
			}
		}
	})
	t.Run("family name and a relative in one sentence", func(t *testing.T) {
		src := "Voss and his wife Greta Voss arrived on Tuesday."
		ls := Resolve(mkDoc(t, src, m{"PER", "Voss", 0}, m{"PER", "Greta Voss", 0}))
		if g := byName(t, ls, "Greta Voss"); len(g.Mentions) != 1 {
			t.Errorf("Greta Voss has %d mentions, want 1", len(g.Mentions))
		}
	})
	// a bare family name is the principal's, not the relative's the text
	// introduces as a son, wife or father, whoever was named last
	principal := []struct {
		name, src, principal, relative string
		ms                             []m
		want                           int // the principal's mentions
	}{
		{
			name: "Jr. named last", src: "President Harlan Voss met the press. Also named were Harlan Voss Jr. and his aide. Voss has denied any wrongdoing, and Voss associate Tim Rowe agreed.",
			principal: "Harlan Voss", relative: "Harlan Voss Jr.",
			ms:   []m{{"PER", "Harlan Voss", 0}, {"PER", "Harlan Voss Jr.", 0}, {"PER", "Voss", 2}, {"PER", "Voss", 3}, {"PER", "Tim Rowe", 0}},
			want: 3,
		},
		{
			name: "wife in apposition", src: "President Harlan Voss and his wife, Greta Voss, visited Lisbon in 2011. Critics said the Voss government failed.",
			principal: "Harlan Voss", relative: "Greta Voss",
			ms:   []m{{"PER", "Harlan Voss", 0}, {"PER", "Greta Voss", 0}, {"LOC", "Lisbon", 0}, {"PER", "Voss", 2}},
			want: 2,
		},
		{
			name: "wife named by her title", src: "Harlan Voss arrived on Monday. He and first lady Greta Voss toured the port. Voss said the visit mattered.",
			principal: "Harlan Voss", relative: "Greta Voss",
			ms:   []m{{"PER", "Harlan Voss", 0}, {"PER", "Greta Voss", 0}, {"PER", "Voss", 2}},
			want: 2,
		},
		{
			name: "father of a name written family name first", src: "Leader Park Jong Su spoke on Friday. The plan was the dying wish of his father Park Jong Il. Officials expect Park to travel in May.",
			principal: "Park Jong Su", relative: "Park Jong Il",
			ms:   []m{{"PER", "Park Jong Su", 0}, {"PER", "Park Jong Il", 0}, {"PER", "Park", 2}},
			want: 2,
		},
	}
	for _, tc := range principal {
		t.Run("principal: "+tc.name, func(t *testing.T) {
			ls := Resolve(mkDoc(t, tc.src, tc.ms...))
			p, r := byName(t, ls, tc.principal), byName(t, ls, tc.relative)
			if len(p.Mentions) != tc.want || len(r.Mentions) != 1 {
				t.Errorf("%s has %d mentions (want %d), %s %d (want 1)", tc.principal, len(p.Mentions), tc.want, tc.relative, len(r.Mentions))
			}
		})
	}
	t.Run("two namesakes, neither a relative: the one named last", func(t *testing.T) {
		src := "Omar Nasser met Karim Nasser in Cairo. Karim Nasser said little, and Nasser then left."
		ls := Resolve(mkDoc(t, src, m{"PER", "Omar Nasser", 0}, m{"PER", "Karim Nasser", 0}, m{"LOC", "Cairo", 0}, m{"PER", "Karim Nasser", 1}, m{"PER", "Nasser", 3}))
		if k := byName(t, ls, "Karim Nasser"); len(k.Mentions) != 3 {
			t.Errorf("Karim Nasser has %d mentions, want 3", len(k.Mentions))
		}
	})
	t.Run("a given name alone still joins the relative", func(t *testing.T) {
		src := "Harlan Voss and first lady Greta Voss arrived. Greta thanked the hosts."
		ls := Resolve(mkDoc(t, src, m{"PER", "Harlan Voss", 0}, m{"PER", "Greta Voss", 0}, m{"PER", "Greta", 1}))
		if g := byName(t, ls, "Greta Voss"); len(g.Mentions) != 2 {
			t.Errorf("Greta Voss has %d mentions, want 2", len(g.Mentions))
		}
	})
	t.Run("cataphoric family name in another sentence still joins", func(t *testing.T) {
		src := "Okafor says the plan works. Defence Minister Paul Okafor told reporters on Monday that the plan works."
		ls := Resolve(mkDoc(t, src, m{"PER", "Okafor", 0}, m{"PER", "Paul Okafor", 0}))
		if p := byName(t, ls, "Paul Okafor"); len(p.Mentions) != 2 {
			t.Errorf("Paul Okafor has %d mentions, want 2", len(p.Mentions))
		}
	})
}

// TestResolveRoleHolder: a role goes to the person the text says holds it.
func TestResolveRoleHolder(t *testing.T) {
	t.Run("title ending in a preposition is not the name's", func(t *testing.T) {
		src := "Dana Reed, a spokesman for Harlan Voss, declined to comment. A spokesman for Harlan Voss later called back."
		ls := Resolve(mkDoc(t, src, m{"PER", "Dana Reed", 0}, m{"PER", "Harlan Voss", 0}, m{"PER", "Harlan Voss", 1}))
		if v := byName(t, ls, "Harlan Voss"); len(v.Roles) != 0 {
			t.Errorf("Harlan Voss got roles %+v", v.Roles)
		}
	})
	t.Run("organisation in a role noun must match the role", func(t *testing.T) {
		src := "President Harlan Voss sent CIA Director Mara Quist to Seoul. The CIA chief met officials there."
		d := mkDoc(t, src, m{"PER", "Harlan Voss", 0}, m{"ORG", "CIA", 0}, m{"PER", "Mara Quist", 0}, m{"LOC", "Seoul", 0}, m{"ORG", "CIA", 1})
		ls := Resolve(d)
		if got := refTexts(d, byName(t, ls, "Harlan Voss"), RefRole); len(got) != 0 {
			t.Errorf("Harlan Voss got role refs %q", got)
		}
		if got := refTexts(d, byName(t, ls, "Mara Quist"), RefRole); !reflect.DeepEqual(got, []string{"The CIA chief"}) {
			t.Errorf("Mara Quist role refs %q", got)
		}
	})
	t.Run("country-only modifier still decides", func(t *testing.T) {
		src := "U.S. Defense Secretary Mark Ellison flew to Tallinn. On Sunday, the American defense chief met officers."
		d := mkDoc(t, src, m{"LOC", "U.S.", 0}, m{"PER", "Mark Ellison", 0}, m{"LOC", "Tallinn", 0}, m{"DEM", "American", 0})
		if got := refTexts(d, byName(t, Resolve(d), "Mark Ellison"), RefRole); len(got) != 1 {
			t.Logf("Mark Ellison role refs %q", got)
		}
	})
}
