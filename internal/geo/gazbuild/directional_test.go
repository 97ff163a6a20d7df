package gazbuild

import "testing"

func TestStripDirection(t *testing.T) {
	for _, tc := range []struct {
		in, want    string
		ok, generic bool
	}{
		{"Northern Darfur", "Darfur", true, false},
		{"North Wazīristān District", "Wazīristān", true, false},
		{"Western Cape", "Cape", true, true},
		{"Upper East", "Upper", true, true},
		{"Akoko North East", "Akoko North", true, true},
		{"East Baton Rouge Parish", "Baton Rouge Parish", true, true},
		{"Western Province", "Province", true, true},
		{"Ontario", "", false, false},
		{"Northumberland", "", false, false},
	} {
		got, ok := stripDirection(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("stripDirection(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			continue
		}
		if ok && genericBare(got) != tc.generic {
			t.Errorf("genericBare(%q) = %v, want %v", got, !tc.generic, tc.generic)
		}
	}
}
