package analyse

import (
	"strings"
	"testing"
)

func TestAnnotateOffsets(t *testing.T) {
	s := "U.S. Defense Secretary Ash Carter met Kurdish leader Massoud Barzani in Erbil on Sunday. He then flew to Baghdad."
	ann := New().Annotate(Input{Text: s})
	if len(ann.Sentences) != 2 {
		t.Fatalf("sentences = %d, want 2: %+v", len(ann.Sentences), ann.Sentences)
	}
	found := map[string]string{}
	for _, m := range ann.Mentions {
		if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
			t.Fatalf("bad span %+v", m)
		}
		sent := ann.Sentences[m.Sentence]
		if m.Start < sent.Start || m.End > sent.End {
			t.Errorf("mention %q outside its sentence", s[m.Start:m.End])
		}
		found[s[m.Start:m.End]] = m.Type
	}
	for name, typ := range map[string]string{"Ash Carter": "PER", "Massoud Barzani": "PER", "Erbil": "LOC", "Baghdad": "LOC"} {
		if found[name] != typ {
			t.Errorf("%s: got %q, want %s (all: %v)", name, found[name], typ, found)
		}
	}
}

func TestNamesVessel(t *testing.T) {
	cases := []struct {
		after string
		want  bool
	}{
		{" aircraft carrier late last week", true},
		{" carrier.", true},
		{" Aircraft Carrier", true},
		{" frigate, which", true},
		{" carriers' union", false},
		{" airport", false},
		{" attack", false},
		{", Texas", false},
		{"", false},
	}
	for _, c := range cases {
		if got := namesVessel(c.after); got != c.want {
			t.Errorf("namesVessel(%q) = %v, want %v", c.after, got, c.want)
		}
	}
}

func TestPlaceIn(t *testing.T) {
	a := New()
	cases := []struct {
		text, name, typ string
		demonym         bool
		want            string // the place span's text, "" for none
	}{
		{"The Shreveport Police Department said on Monday.", "Shreveport Police Department", "ORG", false, "Shreveport"},
		{"The Minnesota Department of Health issued a warning.", "Minnesota Department of Health", "ORG", false, "Minnesota"},
		{"Officers in Mansfield arrested two men.", "Mansfield", "ORG", false, "Mansfield"},
		{"Mansfield arrested two men.", "Mansfield", "ORG", false, ""},
		{"The Acme Widget Department closed.", "Acme Widget Department", "ORG", false, ""},
		{"Talks in Jordan resumed.", "Jordan", "PER", false, "Jordan"},
		{"He met officials in Sudanese towns.", "Sudanese", "MISC", true, ""},
		{"A London-based charity said so.", "London-based", "MISC", false, "London"},
		{"A Zzyzzyva-based firm said so.", "Zzyzzyva-based", "MISC", false, ""},
	}
	for _, c := range cases {
		at := strings.Index(c.text, c.name)
		m := Mention{Span: Span{Start: at, End: at + len(c.name)}, Type: c.typ, Demonym: c.demonym}
		sp, ok := a.placeIn(c.text, m)
		got := ""
		if ok {
			got = c.text[sp.Start:sp.End]
		}
		if got != c.want {
			t.Errorf("%q in %q: got %q, want %q", c.name, c.text, got, c.want)
		}
	}
}

// TestPlacesOneSensePerDocument: a name typed LOC once is a place wherever
// it occurs in the document, whatever type the recogniser gave it there.
func TestPlacesOneSensePerDocument(t *testing.T) {
	a := New()
	s := "Flooding closed roads in Mosul on Monday. Mosul officials said the water was receding."
	var ms []Mention
	for i, typ := range []string{"LOC", "ORG"} {
		at := strings.Index(s, "Mosul")
		if i == 1 {
			at = strings.LastIndex(s, "Mosul")
		}
		ms = append(ms, Mention{Span: Span{Start: at, End: at + 5}, Type: typ, Sentence: i})
	}
	an := Annotation{Mentions: ms}
	ps := a.places(s, &an, "")
	if len(ps) != 2 || ps[0].Name != "Mosul" || ps[1].Name != "Mosul" || ps[1].Sentence != 1 {
		t.Fatalf("places %+v, want Mosul twice", ps)
	}
}

func TestPlaceParts(t *testing.T) {
	a := New()
	cases := []struct {
		text, name string
		want       []string
	}{
		{"Flights from Fargo-Moorhead resumed.", "Fargo-Moorhead", []string{"Fargo", "Moorhead"}},
		{"said Rep. Joe Smith, D-Charleston, on Monday", "D-Charleston", []string{"Charleston"}},
		{"Ships reached Mosul on Monday.", "Mosul", nil},
		{"The Xqzzy-Wprrt line closed.", "Xqzzy-Wprrt", nil},
	}
	for _, c := range cases {
		at := strings.Index(c.text, c.name)
		var got []string
		for _, sp := range a.placeParts(c.text, Span{Start: at, End: at + len(c.name)}) {
			got = append(got, c.text[sp.Start:sp.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestNameLike(t *testing.T) {
	cases := []struct {
		name, main string
		want       bool
	}{
		{"St. Paul", "Saint Paul", true},
		{"Mosul", "Mosul", true},
		{"Google", "Topeka", false},
		{"Tor", "El-Tor", false},
		{"New York City", "New York", true},
	}
	for _, c := range cases {
		if got := nameLike(c.name, c.main); got != c.want {
			t.Errorf("nameLike(%q, %q) = %v, want %v", c.name, c.main, got, c.want)
		}
	}
}

// TestUndatedKeepsOwnDates: an article with no date and no estimate still
// gets the time expressions that carry their own year; relative ones,
// which nothing anchors, are left out.
func TestUndatedKeepsOwnDates(t *testing.T) {
	a := New()
	an := a.Annotate(Input{Text: "The ferry line opened on June 2, 1998, its owner said. Its new ship sailed on Friday."})
	var vals []string
	for _, x := range an.Times {
		vals = append(vals, x.Value)
	}
	if len(vals) != 1 || vals[0] != "1998-06-02" {
		t.Errorf("times %v, want only 1998-06-02", vals)
	}
}
