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
