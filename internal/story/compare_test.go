package story

import (
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	docs := briefingDocs()
	docs[0].Text += " “We will not stop until every district is free,” the minister said."
	docs[1].Text += " The minister said: “We will not stop until every district is free.”"
	c := Compare(docs)
	if strings.Join(c.Outlets, ",") != "Alpha,Beta,Gamma" {
		t.Fatalf("outlets %v", c.Outlets)
	}
	if len(c.Claims) == 0 || len(c.Claims[0].Outlets) != 3 || c.Claims[0].Unique {
		t.Errorf("first claim should be carried by all: %+v", c.Claims[0])
	}
	uniques := map[string]bool{}
	for _, cl := range c.Claims {
		if cl.Unique {
			uniques[cl.Outlets[0]] = true
		}
	}
	for _, o := range c.Outlets {
		if !uniques[o] {
			t.Errorf("no claim only %s reported", o)
		}
	}
	var troops *NumberRow
	for i := range c.Numbers {
		if c.Numbers[i].Unit == "troop" {
			troops = &c.Numbers[i]
		}
	}
	if troops == nil || !troops.Differ || troops.Values["Alpha"][0] != "5,000" || troops.Values["Beta"][0] != "4,000" {
		t.Errorf("troop figures: %+v", troops)
	}
	qa := c.Quotes["Alpha"]
	if len(qa) != 1 || len(qa[0].AlsoIn) != 1 || qa[0].AlsoIn[0] != "Beta" {
		t.Errorf("Alpha quotes %+v", qa)
	}
	tab := c.Table()
	for _, want := range []string{"only Gamma", "5,000", "(differ)", "●"} {
		if !strings.Contains(tab, want) {
			t.Errorf("table lacks %q:\n%s", want, tab)
		}
	}
}

func TestWordChoice(t *testing.T) {
	mk := func(id int64, outlet, label string) Doc {
		return Doc{ID: id, Outlet: outlet, Text: "Islamic State " + label + " attacked the convoy near Kirkuk. " +
			"Officials said Islamic State " + label + " fled toward Hawija. The " + label + " retreated quickly."}
	}
	docs := []Doc{mk(1, "A", "militants"), mk(2, "B", "terrorists"), mk(3, "C", "militants")}
	wc := wordChoices(docs)
	found := false
	for _, w := range wc {
		if len(w.Words["A"]) == 1 && w.Words["A"][0] == "militant" && len(w.Words["B"]) == 1 && w.Words["B"][0] == "terrorist" {
			found = true
		}
	}
	if !found {
		t.Errorf("militants/terrorists not found: %+v", wc)
	}
	same := []Doc{mk(1, "A", "militants"), mk(2, "B", "militants")}
	if wc := wordChoices(same); len(wc) != 0 {
		t.Errorf("outlets agree, yet word choices %+v", wc)
	}
	one := []Doc{mk(1, "A", "militants"), mk(2, "A", "terrorists"), mk(3, "A", "militants")}
	if wc := wordChoices(one); len(wc) != 0 {
		t.Errorf("one outlet, yet word choices %+v", wc)
	}
}

func TestNumbersIn(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"About 5,000 U.S. troops arrived.", []string{"5,000 troop"}},
		{"It happened on October 17, 2016 near Mosul.", nil},
		{"Unemployment rose 5 percent.", nil},
		{"Some 3.5 million people fled and five villages burned.", []string{"3.5 million people", "five village"}},
	}
	for _, c := range cases {
		var got []string
		for _, n := range numbersIn(c.in) {
			got = append(got, n.value+" "+n.unit)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}
