package entity

import (
	"reflect"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"U.S.", "us"},
		{"US", "us"},
		{"Iraq's", "iraq"},
		{"Iraq’s", "iraq"},
		{"the Pentagon", "pentagon"},
		{"Da'esh", "daesh"},
		{"al-Qaeda", "al qaeda"},
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"François  Hollande", "francois hollande"},
		{"Workers' Party", "workers party"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPersonName(t *testing.T) {
	tests := []struct {
		key    string
		given  []string
		family string
	}{
		{"haider al abadi", []string{"haider"}, "abadi"},
		{"al abadi", nil, "abadi"},
		{"ashton carter", []string{"ashton"}, "carter"},
		// Jr. names another person: the suffix stays with the family
		// name so that no full-name rule joins son and father.
		{"martin luther king jr", []string{"martin", "luther"}, "king jr"},
		{"pat harlow iii", []string{"pat"}, "harlow"},
		{"pat harlow sr", []string{"pat"}, "harlow"},
		{"harlow jr", nil, "harlow jr"},
		{"carter", nil, "carter"},
	}
	for _, tc := range tests {
		g, f := personName(tc.key)
		if !reflect.DeepEqual(g, tc.given) || f != tc.family {
			t.Errorf("personName(%q) = %q, %q; want %q, %q", tc.key, g, f, tc.given, tc.family)
		}
	}
}

func TestGivenCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"ash", "ashton", true},
		{"bill", "william", true},
		{"haider", "haidar", true},
		{"j", "john", true},
		{"john", "mary", false},
		{"al", "alan", false}, // prefixes need three letters
		{"mohammed", "muhammad", true},
	}
	for _, tc := range tests {
		if got := givenCompatible(tc.a, tc.b); got != tc.want {
			t.Errorf("givenCompatible(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestInitialsMatch(t *testing.T) {
	tests := []struct {
		acr, name string
		want      bool
	}{
		{"KRG", "Kurdistan Regional Government", true},
		{"IS", "Islamic State", true},
		{"ISIL", "Islamic State of Iraq and the Levant", true},
		{"DoD", "Department of Defense", true},
		{"NFU", "Northern Farmers Union", true},
		{"NFU", "National Union", false},
		{"UN", "United Kingdom", false},
		{"IS", "Iraq", false},
	}
	for _, tc := range tests {
		if got := initialsMatch(tc.acr, tc.name); got != tc.want {
			t.Errorf("initialsMatch(%q, %q) = %v", tc.acr, tc.name, got)
		}
	}
}

func TestIsAcronym(t *testing.T) {
	for w, want := range map[string]bool{"KRG": true, "U.S.": true, "DoD": true, "IS": true, "Mosul": false, "A": false, "ISIS-held": false, "Peshmerga": false} {
		if got := isAcronym(w); got != want {
			t.Errorf("isAcronym(%q) = %v", w, got)
		}
	}
}

func TestGivensCompatibleInitials(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"george w", "george h w", false},
		{"george w", "george hw", false},
		{"george w", "george", true},
		{"george w", "george w", true},
		{"john r", "john", true},
		{"hillary rodham", "hillary diane rodham", true}, // middle names are not initials
		{"walter k", "walt k", true},
		{"walter k", "peter k", false}, // the first given name decides first
	}
	for _, tt := range tests {
		if got := givensCompatible(strings.Fields(tt.a), strings.Fields(tt.b)); got != tt.want {
			t.Errorf("givensCompatible(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
