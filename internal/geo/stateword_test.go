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

func TestStateBefore(t *testing.T) {
	tests := []struct {
		text  string
		start int
		want  bool
	}{
		{"in the state of Washington", 16, true},
		{"the State of New York", 13, true},
		{"state of Texas", 9, true},
		{"the estate of Washington", 14, false},
		{"the state ofWashington", 12, false},
		{"in the capital of Washington", 18, false},
		{"Texas", 9, false}, // offset past the text
	}
	for _, tt := range tests {
		if got := stateBefore(tt.text, tt.start); got != tt.want {
			t.Errorf("stateBefore(%q, %d) = %v, want %v", tt.text, tt.start, got, tt.want)
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
	d = build("The case was found in the state of [Washington], said officials in [Tokyo].")
	for _, p := range g.Resolve(d) {
		if p.Text == "Washington" && (p.FeatureCode != "ADM1" || p.Admin1 != "WA") {
			t.Errorf("the state of Washington → %s %s %s", p.Name, p.FeatureCode, p.Admin1)
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

func TestGovernorAfter(t *testing.T) {
	tests := []struct {
		text string
		end  int
		want bool
	}{
		{"Former New York Gov. Mario Cuomo spoke", 15, true},
		{"the Washington Governor signed it", 14, true},
		{"a Texas governor said", 7, true},
		{"the Ohio Legislature passed it", 8, true},
		{"the Florida Lt. Gov. said", 11, true},
		{"the Ohio governorship race", 8, false},
		{"New York Governors Island ferry", 8, false},
		{"New York City Hall", 8, false},
		{"New York", 12, false}, // offset past the text
	}
	for _, tt := range tests {
		if got := governorAfter(tt.text, tt.end); got != tt.want {
			t.Errorf("governorAfter(%q, %d) = %v, want %v", tt.text, tt.end, got, tt.want)
		}
	}
}

// TestGovernorWord: "New York Gov." is the state even where the document
// also names the city and its boroughs.
func TestGovernorWord(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "[New York] Gov. Kathy Hochul toured [Queens] after the storm flooded [New York City] subways."
	d := doc(text)
	d.Text = strings.NewReplacer("[", "", "]", "").Replace(text)
	for _, p := range g.Resolve(d) {
		if p.Text == "New York" && (p.FeatureCode != "ADM1" || p.Admin1 != "NY") {
			t.Errorf("New York Gov. → %s %s %s", p.Name, p.FeatureCode, p.Admin1)
		}
	}
}
