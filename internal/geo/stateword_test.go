package geo

import (
	"strings"
	"testing"
)

func TestStateAfter(t *testing.T) {
	tests := []struct {
		text string
		end  int
		want bool
	}{
		{"a Washington state farm", 12, true},
		{"in New York state.", 11, true},
		{"Washington state", 10, true},
		{"Malta stated that", 5, false},
		{"Russian statement", 7, false},
		{"Ohio State won", 4, false},
		{"Texas", 5, false},
		{"Texas", 9, false}, // offset past the text
	}
	for _, tt := range tests {
		if got := stateAfter(tt.text, tt.end); got != tt.want {
			t.Errorf("stateAfter(%q, %d) = %v, want %v", tt.text, tt.end, got, tt.want)
		}
	}
}

// TestStateWord: a name followed by "state" means the admin-1 region; the
// same name without it keeps its usual sense, and without Doc.Text nothing
// changes.
func TestStateWord(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	build := func(marked string) Doc {
		d := doc(marked)
		// doc() drops the brackets: the text the offsets point into
		d.Text = strings.NewReplacer("[", "", "]", "").Replace(marked)
		return d
	}
	d := build("Apples from a [Spokane] orchard in [Washington] state reached [Tokyo].")
	for _, p := range g.Resolve(d) {
		if p.Text == "Washington" && (p.FeatureCode != "ADM1" || p.Admin1 != "WA") {
			t.Errorf("Washington state → %s %s %s", p.Name, p.FeatureCode, p.Admin1)
		}
	}
	d = build("Officials in [Washington] stated that [Tokyo] agreed.")
	for _, p := range g.Resolve(d) {
		if p.Text == "Washington" && p.FeatureCode != "PPLC" {
			t.Errorf("Washington stated → %s %s", p.Name, p.FeatureCode)
		}
	}
	d = build("Officials in [Washington] state that [Tokyo] agreed.")
	d.Text = ""
	for _, p := range g.Resolve(d) {
		if p.Text == "Washington" && p.FeatureCode != "PPLC" {
			t.Errorf("no text: Washington → %s %s", p.Name, p.FeatureCode)
		}
	}
}
