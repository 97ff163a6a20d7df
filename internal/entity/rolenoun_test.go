package entity

import (
	"reflect"
	"strings"
	"testing"
)

// TestRoleNounEvidence: a definite role noun ("the president", "the
// Israeli prime minister") names a person only on evidence — an
// apposition, a title the text gives that person alone, a country the
// text gives them — and is left unattached otherwise. want maps each
// person to the role nouns they must hold; a person missing from want
// must hold none.
func TestRoleNounEvidence(t *testing.T) {
	tests := []struct {
		name, text string
		ms         []m
		want       map[string][]string
	}{
		{
			name: "a nationality that disagrees rules out the most recent holder",
			text: "Israeli Prime Minister Avram Dayani spoke on Monday. British Prime Minister Ada Whitcombe replied on Tuesday. " +
				"The Israeli prime minister said the talks would go on.",
			ms:   []m{{"DEM", "Israeli", 0}, {"PER", "Avram Dayani", 0}, {"DEM", "British", 0}, {"PER", "Ada Whitcombe", 0}},
			want: map[string][]string{"Avram Dayani": {"The Israeli prime minister"}},
		},
		{
			name: "a nationality the text does not give the person is no evidence",
			text: "Prime Minister Ada Whitcombe met the press on Tuesday. The Israeli prime minister was not there.",
			ms:   []m{{"PER", "Ada Whitcombe", 0}, {"DEM", "Israeli", 0}},
		},
		{
			name: "a title word is no evidence of whose title it is",
			text: "Prime Minister Ada Whitcombe and Prime Minister Avram Dayani met on Monday. The prime minister left early.",
			ms:   []m{{"PER", "Ada Whitcombe", 0}, {"PER", "Avram Dayani", 0}},
		},
		{
			name: "a predicate is no reference",
			text: "President Tomas Vidal opened the session. Lena Ortiz is the president of the student union.",
			ms:   []m{{"PER", "Tomas Vidal", 0}, {"PER", "Lena Ortiz", 0}},
		},
		{
			name: "an apposition names its holder",
			text: "Mayor Karl Dunne spoke first. Rita Holm, the former governor, spoke next.",
			ms:   []m{{"PER", "Karl Dunne", 0}, {"PER", "Rita Holm", 0}},
			want: map[string][]string{"Rita Holm": {"the former governor"}},
		},
		{
			name: "a longer title in apposition is the name's, not a reference",
			text: "President Tomas Vidal spoke. Lena Ortiz, the president of the student union, spoke next.",
			ms:   []m{{"PER", "Tomas Vidal", 0}, {"PER", "Lena Ortiz", 0}},
		},
		{
			name: "an official is not the president",
			text: "US President Tomas Vidal spoke on Monday. The US official, speaking on condition of anonymity, disagreed.",
			ms:   []m{{"LOC", "US", 0}, {"PER", "Tomas Vidal", 0}, {"LOC", "US", 1}},
		},
		{
			name: "a former holder is not the president of now",
			text: "Former President Tomas Vidal sent a letter. The president did not reply.",
			ms:   []m{{"PER", "Tomas Vidal", 0}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mkDoc(t, tc.text, tc.ms...)
			ls := Resolve(d)
			for _, l := range ls {
				if l.Type != "PER" {
					continue
				}
				got := refTexts(d, l, RefRole)
				if want := tc.want[l.Name]; !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
					t.Errorf("%s: role nouns %q, want %q", l.Name, got, want)
				}
			}
		})
	}
}

// TestNamesakeTitle: a bare family name under a title, with two people of
// that family name in the text, goes to the one the text names in full
// under that title, or — when nothing tells them apart — lends its title
// to neither.
func TestNamesakeTitle(t *testing.T) {
	t.Run("the title names one of them", func(t *testing.T) {
		src := "President Karl Brenner visited the farm. His brother, Otto Brenner, showed him the barn. " +
			"Later President Brenner spoke to the workers. The president thanked them."
		d := mkDoc(t, src, m{"PER", "Karl Brenner", 0}, m{"PER", "Otto Brenner", 0}, m{"PER", "Brenner", 2})
		ls := Resolve(d)
		karl, otto := byName(t, ls, "Karl Brenner"), byName(t, ls, "Otto Brenner")
		if got := refTexts(d, karl, RefRole); !reflect.DeepEqual(got, []string{"The president"}) {
			t.Errorf("Karl Brenner role nouns %q, want [The president]", got)
		}
		if len(otto.Roles) > 0 || len(refTexts(d, otto, RefRole)) > 0 {
			t.Errorf("Otto Brenner got roles %+v, role nouns %q", otto.Roles, refTexts(d, otto, RefRole))
		}
		if len(otto.Mentions) != 1 {
			t.Errorf("Otto Brenner has %d mentions, want 1 (the bare name is Karl's)", len(otto.Mentions))
		}
	})
	t.Run("nothing tells them apart", func(t *testing.T) {
		src := "Karl Brenner visited the farm with Otto Brenner. Later Governor Brenner spoke to the workers. " +
			"The governor thanked them."
		d := mkDoc(t, src, m{"PER", "Karl Brenner", 0}, m{"PER", "Otto Brenner", 0}, m{"PER", "Brenner", 2})
		for _, l := range Resolve(d) {
			for _, ro := range l.Roles {
				if strings.EqualFold(ro.Title, "governor") {
					t.Errorf("%s got the role %q of an ambiguous family name", l.Name, ro.Title)
				}
			}
			if got := refTexts(d, l, RefRole); len(got) > 0 {
				t.Errorf("%s got role nouns %q", l.Name, got)
			}
		}
	})
}
