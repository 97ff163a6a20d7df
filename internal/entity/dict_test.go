package entity

import (
	"strings"
	"testing"
	"time"
)

// sampleDict is a small dictionary in the compiled format of
// scripts/actors, written for these tests.
const sampleDict = `# test dictionary
P	C	USAGOVMIL:20111006-20131203 USAGOVMIL:20150217-	ashton carter|ash carter
P	C	USAELI:19420101-19770120 USAGOV:19770120-19810120 USAELI	jimmy carter
P	C	NZLGOV:20030101-20080430 NZLGOVEDU:20080501-20081231	chris carter
P	C	NZLGOV:20090101-	christopher carter
P	C	FRAGOV:20120515- FRAELI	francois hollande
?	C	SYRREBMUS	abu mohammad al jawlani|abu mohammad al golani
O	M	PSEREBHMS	hamas|islamic resistance movement
O	I	IGOUNO	united nations|un
O	I	MNCUSA	northwind traders
broken line without tabs
P	C	BADCODE:2011-	bad range
`

func testDict(t testing.TB) *dictionary {
	t.Helper()
	d, err := parseDict(strings.NewReader(sampleDict), false)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func date(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseDictLookup(t *testing.T) {
	d := testDict(t)
	if len(d.entries) != 9 {
		t.Errorf("entries = %d, want 9 (malformed lines skipped)", len(d.entries))
	}
	tests := []struct{ name, want string }{
		{"Ashton Carter", "ashton carter"},
		{"ASH CARTER", "ashton carter"},
		{"Ash Carter's", "ashton carter"},
		{"François Hollande", "francois hollande"},
		{"Abu Mohammad al-Golani", "abu mohammad al jawlani"},
		{"the United Nations", "united nations"},
		{"U.N.", "united nations"},
		{"Carter", ""},
		{"Bad Range", ""},
	}
	for _, tc := range tests {
		got := ""
		if e := d.lookup(Key(tc.name)); e != nil {
			got = e.Key
		}
		if got != tc.want {
			t.Errorf("lookup(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestDictCodeAt(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		name, date, want string
		inRange          bool
	}{
		{"Ashton Carter", "2012-05-01", "USAGOVMIL", true},
		{"Ashton Carter", "2016-10-20", "USAGOVMIL", true},
		{"Ashton Carter", "2014-06-01", "", false}, // out of office, no default
		{"Ashton Carter", "", "USAGOVMIL", false},  // no date: the latest
		{"Jimmy Carter", "1978-01-01", "USAGOV", true},
		{"Jimmy Carter", "1977-01-20", "USAGOV", true}, // both ranges: the later start
		{"Jimmy Carter", "1960-01-01", "USAELI", true},
		{"Jimmy Carter", "1990-01-01", "USAELI", false}, // the default
		{"Chris Carter", "2008-06-01", "NZLGOVEDU", true},
		{"Francois Hollande", "2016-10-25", "FRAGOV", true},
		{"Francois Hollande", "2000-01-01", "FRAELI", false},
		{"Hamas", "2016-01-01", "PSEREBHMS", false},
	}
	for _, tc := range tests {
		e := d.lookup(Key(tc.name))
		got, in := e.codeAt(date(tc.date))
		if got != tc.want || in != tc.inRange {
			t.Errorf("%s at %q: %q, %v; want %q, %v", tc.name, tc.date, got, in, tc.want, tc.inRange)
		}
	}
}

func TestApplyDict(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		name    string
		l       Local
		date    string
		dict    string
		code    string
		kind    Kind
		country string
		roles   int // dictionary roles added
	}{
		{"person by alias", person("Ash Carter"), "2016-10-20", "ashton carter", "USAGOVMIL", KindPerson, "USA", 2},
		{"person, date out of range", person("Ashton Carter"), "2014-06-01", "ashton carter", "", KindPerson, "USA", 2},
		{"text code kept over a default", person("Francois Hollande", Role{Title: "President", Country: "FRA", Agent: "GOV"}), "2000-01-01", "francois hollande", "FRAGOV", KindPerson, "FRA", 1},
		{"namesake from another country", person("Chris Carter", Role{Title: "Senator", Country: "USA", Agent: "LEG"}), "2008-06-01", "", "USALEG", KindPerson, "USA", 0},
		{"surname alone never matches", person("Carter"), "2016-10-20", "", "", KindPerson, "", 0},
		{"armed group", org("Hamas"), "2016-01-01", "hamas", "PSEREBHMS", KindArmedGroup, "PSE", 0},
		{"IGO by acronym", org("UN"), "2016-01-01", "united nations", "IGOUNO", KindIGO, "", 0},
		{"business", org("Northwind Traders"), "2016-01-01", "northwind traders", "MNCUSA", KindBusiness, "", 0},
		{"organisation entry does not name a person", person("Islamic Resistance Movement"), "2016-01-01", "", "", KindPerson, "", 0},
		{"person entry does not name an organisation", org("Jimmy Carter"), "2016-01-01", "", "", KindOther, "", 0},
		{"knowledge base keeps precedence", Local{Name: "United Nations", Type: "ORG", Kind: KindIGO, Code: "IGOUNO", KB: "united nations", Aliases: []string{"United Nations", "Northwind Traders"}}, "2016-01-01", "", "IGOUNO", KindIGO, "", 0},
		{"two actors in the aliases: no guess", org("Hamas", "Northwind Traders"), "2016-01-01", "", "", KindOther, "", 0},
		{"places are left alone", Local{Name: "Hamas", Type: "LOC", Kind: KindLocation, Aliases: []string{"Hamas"}}, "2016-01-01", "", "", KindLocation, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := tc.l
			if len(l.Roles) > 0 {
				l.Country, l.Code = personCode(l.Roles)
			}
			before := len(l.Roles)
			applyDictFrom(d, &l, date(tc.date))
			if l.Dict != tc.dict || l.Code != tc.code || l.Kind != tc.kind || l.Country != tc.country {
				t.Errorf("dict %q code %q kind %q country %q; want %q %q %q %q", l.Dict, l.Code, l.Kind, l.Country, tc.dict, tc.code, tc.kind, tc.country)
			}
			if n := len(l.Roles) - before; n != tc.roles {
				t.Errorf("%d dictionary roles, want %d", n, tc.roles)
			}
			for _, ro := range l.Roles[before:] {
				if ro.Source != DictSource || ro.Code == "" || ro.From.IsZero() && ro.Until.IsZero() {
					t.Errorf("dictionary role without source, code or dates: %+v", ro)
				}
			}
		})
	}
}

func TestRegistryDictMerging(t *testing.T) {
	d := testDict(t)
	withDict := func(l Local) Local {
		applyDictFrom(d, &l, date("2016-10-20"))
		return l
	}
	tests := []struct {
		name string
		a, b Local
		same bool
	}{
		{"dictionary synonyms with different family names", withDict(person("Abu Mohammad al-Jawlani")), withDict(person("Abu Mohammad al-Golani")), true},
		{"dictionary synonyms with variant given names", withDict(person("Ashton Carter")), withDict(person("Ash Carter")), true},
		{"different people sharing a surname", withDict(person("Jimmy Carter")), withDict(person("Ash Carter")), false},
		{"compatible given names, two dictionary people", withDict(person("Chris Carter")), withDict(person("Christopher Carter")), false},
		{"dictionary org acronym", withDict(org("United Nations")), withDict(org("UN")), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRegistry()
			ia := r.Add("doc1", []Local{tc.a})
			ib := r.Add("doc2", []Local{tc.b})
			if same := r.Canonical(ia[0]) == r.Canonical(ib[0]); same != tc.same {
				t.Errorf("same actor = %v, want %v", same, tc.same)
			}
			// the dictionary link survives serialisation
			bin, err := r.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			r2 := NewRegistry()
			if err := r2.UnmarshalBinary(bin); err != nil {
				t.Fatal(err)
			}
			ic := r2.Add("doc3", []Local{tc.b})
			if r2.Canonical(ic[0]) != r2.Canonical(ib[0]) {
				t.Errorf("after a round trip, %q is a new actor", tc.b.Name)
			}
		})
	}
}

func TestDictRolesCountedOnce(t *testing.T) {
	d := testDict(t)
	r := NewRegistry()
	var id ActorID
	for i, doc := range []string{"a", "b", "c"} {
		l := person("Jimmy Carter", Role{Title: "President", Country: "USA", Agent: "GOV", Date: date("1978-01-0" + string(rune('1'+i)))})
		applyDictFrom(d, &l, date("1978-01-01"))
		id = r.Add(doc, []Local{l})[0]
	}
	a, _ := r.Actor(id)
	if a.Code != "USAGOV" {
		t.Errorf("code %q, want USAGOV", a.Code)
	}
	dictRoles := 0
	for _, ro := range a.Roles {
		if ro.Source == DictSource {
			dictRoles++
			if ro.Count != 0 {
				t.Errorf("dictionary role %q counted %d times", ro.Title, ro.Count)
			}
		}
	}
	if dictRoles != 2 || a.Roles[0].Title != "President" || a.Roles[0].Count != 3 {
		t.Errorf("roles %+v: want the text's role first (3 documents) and 2 dictionary roles", a.Roles)
	}
}

// TestEmbeddedDict checks the compiled Phoenix dictionary that the package
// embeds.
func TestEmbeddedDict(t *testing.T) {
	d := dict()
	if len(d.entries) < 10000 {
		t.Fatalf("embedded dictionary has %d entries", len(d.entries))
	}
	tests := []struct{ name, date, code string }{
		{"Ashton Carter", "2016-10-20", "USAGOVMIL"},
		{"Ash Carter", "2016-10-20", "USAGOVMIL"},
		{"Jimmy Carter", "1979-01-01", "USAGOV"},
		{"Ban Ki-moon", "2010-01-01", "IGOUNO"},
	}
	for _, tc := range tests {
		e := d.lookup(Key(tc.name))
		if e == nil {
			t.Errorf("%s not in the embedded dictionary", tc.name)
			continue
		}
		if c, _ := e.codeAt(date(tc.date)); c != tc.code {
			t.Errorf("%s at %s: %q, want %q", tc.name, tc.date, c, tc.code)
		}
	}
	for _, k := range []string{"carter", "john", "kabul", "afghanistan"} {
		if d.lookup(k) != nil {
			t.Errorf("%q (a name alone, a city or a country) is in the dictionary", k)
		}
	}
}

func BenchmarkDictLookup(b *testing.B) {
	d := dict()
	names := []string{"Ashton Carter", "François Hollande", "Northern Farmers Union", "United Nations", "Abu Bakr al-Baghdadi", "Jeff Davis"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.lookup(Key(names[i%len(names)]))
	}
}

func BenchmarkApplyDict(b *testing.B) {
	dict()
	pub := date("2016-10-20")
	ls := []Local{person("Ashton Carter"), person("Jeff Davis"), org("Islamic State", "ISIS"), org("Northern Farmers Union")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l := ls[i%len(ls)]
		l.Roles = nil
		applyDictFrom(dictData, &l, pub)
	}
}

func BenchmarkDictLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := parseDict(strings.NewReader(string(phoenixGz)), true); err != nil {
			b.Fatal(err)
		}
	}
}
