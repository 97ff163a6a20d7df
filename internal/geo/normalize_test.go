package geo

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Paris", "paris"},
		{"  São   Paulo ", "sao paulo"},
		{"Sant Julià de Lòria", "sant julia de loria"},
		{"U.S.", "us"},
		{"W. Va.", "w va"},
		{"Wilkes-Barre", "wilkes barre"},
		{"Côte d’Ivoire", "cote divoire"},
		{"Kraków", "krakow"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"Москва", ""},
		{"北京", ""},
		{"", ""},
		{"---", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeyIs(t *testing.T) {
	names := []string{"", " ", "a", "A", "St. Paul", "Saint  Paul", "  New-York ", "O'Hare", "D.C.", "x`y", "Zürich",
		"São Paulo", "Łódź", "Москва", "a--b", "a b", "ab", "-", ".a.", "1st Ave"}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// every name of the gazetteer against its own key, its neighbour's and
	// a key one character short
	for i := 0; i < g.Len(); i += 7 {
		names = append(names, g.names[i])
	}
	keys := []string{"", "a", "st paul", "new york", "ohare", "dc", "xy", "zurich", "sao paulo", "lodz", "a b", "ab"}
	for i, n := range names {
		k := Key(n)
		prev := Key(names[max(0, i-1)])
		for _, c := range append([]string{k, prev, k + " ", " " + k, k[:max(0, len(k)-1)]}, keys...) {
			if got, want := keyIs(n, c), Key(n) == c; got != want {
				t.Fatalf("keyIs(%q, %q) = %v, want %v", n, c, got, want)
			}
		}
	}
}
