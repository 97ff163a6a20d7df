package story

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"two", "The army moved. The city fell.", []string{"The army moved.", "The city fell."}},
		{"title abbreviation", "Mr. Carter spoke. He left.", []string{"Mr. Carter spoke.", "He left."}},
		{"lower-case continuation", "It rose 3.5 percent. vs. expectations", []string{"It rose 3.5 percent. vs. expectations"}},
		{"line breaks", "Headline\n\nFirst line here.", []string{"Headline", "First line here."}},
		{"closing quote", "He said “We will win.” Then he left.", []string{"He said “We will win.”", "Then he left."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, sp := range splitSentences(c.in) {
				got = append(got, c.in[sp.Start:sp.End])
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in      string
		norms   []string
		capital []bool
	}{
		{"Troops said 1,500 fighters", []string{"troop", "said", "1,500", "fighter"}, []bool{false, false, false, false}},
		{"They met Carter's aides.", []string{"they", "met", "carter", "aide"}, []bool{false, false, true, false}},
		{"a well-known U.S. envoy", []string{"a", "well-known", "u.s", "envoy"}, []bool{false, false, true, false}},
	}
	for _, c := range cases {
		ts := tokenize(c.in)
		var n []string
		var cp []bool
		for _, x := range ts {
			n = append(n, x.norm)
			cp = append(cp, x.capital)
		}
		if !reflect.DeepEqual(n, c.norms) || !reflect.DeepEqual(cp, c.capital) {
			t.Errorf("%q: got %q %v, want %q %v", c.in, n, cp, c.norms, c.capital)
		}
	}
}
