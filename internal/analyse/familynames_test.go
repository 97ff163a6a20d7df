package analyse

import (
	"slices"
	"strings"
	"testing"
)

// TestFamilyNames: a text written for this test. A person named in full
// gives the resolver the family name and, for a name of two words, the
// given name; a given name the recogniser types LOC elsewhere in the text
// stays a possible place.
func TestFamilyNames(t *testing.T) {
	s := "Chelsea Morgan met Dr. Alan Reed in Dover. Dover Pier was closed. Chelsea said so."
	span := func(w string, from int) Span {
		i := strings.Index(s[from:], w) + from
		return Span{Start: i, End: i + len(w)}
	}
	an := &Annotation{Mentions: []Mention{
		{Span: span("Chelsea Morgan", 0), Type: "PER"},
		{Span: span("Alan Reed", 0), Type: "PER"},
		{Span: span("Dover", 0), Type: "LOC"},
		{Span: span("Dover Pier", 0), Type: "PER"}, // a recogniser's slip
	}}
	got := familyNames(s, an)
	for _, w := range []string{"Morgan", "Chelsea", "Reed", "Alan", "Pier"} {
		if !slices.Contains(got, w) {
			t.Errorf("familyNames = %v, want %q in it", got, w)
		}
	}
	if slices.Contains(got, "Dover") {
		t.Errorf("familyNames = %v: %q is typed LOC in the text, not a given name", got, "Dover")
	}
}
