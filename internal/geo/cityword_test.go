package geo

import (
	"strings"
	"testing"
)

func TestCityAfterBefore(t *testing.T) {
	after := []struct {
		text string
		end  int
		want bool
	}{
		{"New York Mayor Eric Adams said", 8, true},
		{"the New York subway flooded", 12, true},
		{"the New York Police Department said", 12, true},
		{"a New York mayoral race", 10, false},
		{"New York Gov. Kathy Hochul", 8, false},
		{"New York", 12, false}, // offset past the text
	}
	for _, tt := range after {
		if got := cityAfter(tt.text, tt.end); got != tt.want {
			t.Errorf("cityAfter(%q, %d) = %v, want %v", tt.text, tt.end, got, tt.want)
		}
	}
	before := []struct {
		text  string
		start int
		want  bool
	}{
		{"in the city of New York", 15, true},
		{"City of Washington", 8, true},
		{"the ethnicity of Washington", 17, false},
		{"the capital city of Georgia", 20, true},
		{"New York", 12, false},
	}
	for _, tt := range before {
		if got := cityBefore(tt.text, tt.start); got != tt.want {
			t.Errorf("cityBefore(%q, %d) = %v, want %v", tt.text, tt.start, got, tt.want)
		}
	}
}

// TestCityWord: "New York Mayor" and "the city of New York" are the city;
// the bare name in a sentence that says neither keeps the state.
func TestCityWord(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, fcode string
	}{
		{"[New York] Mayor Eric Adams met bus drivers on Monday.", "PPL"},
		{"Rents in the city of [New York] rose again.", "PPL"},
		{"Farmers across [New York] lost apples to frost.", "ADM1"},
	}
	for _, tt := range tests {
		d := doc(tt.text)
		d.Text = strings.NewReplacer("[", "", "]", "").Replace(tt.text)
		for _, p := range g.Resolve(d) {
			if p.Text == "New York" && p.FeatureCode != tt.fcode {
				t.Errorf("%q: New York → %s %s", tt.text, p.Name, p.FeatureCode)
			}
		}
	}
}
