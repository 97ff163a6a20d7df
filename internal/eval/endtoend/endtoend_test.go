package endtoend

import (
	"strings"
	"testing"
	"time"
)

func TestAlign(t *testing.T) {
	tests := []struct {
		name, gold, stored, span, want string
	}{
		{"same", "Kim met Trump.", "Kim met Trump.", "Trump", "Trump"},
		{"dateline dropped", "WASHINGTON — Kim met Trump.\nLater he left.", "Kim met Trump.\n\nLater he left.", "Later", "Later"},
		{"spacing", "Kim , who met Trump .", "Kim, who met Trump.", "Trump", "Trump"},
		{"text added", "Kim met Trump.", "Advertisement Kim met Trump.", "Trump", "Trump"},
		{"multibyte", "Café “Zürich” opened.", "Café “Zürich” opened.", "Zürich", "Zürich"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Align(tt.gold, tt.stored)
			i := strings.Index(tt.stored, tt.span)
			gs, ge, ok := a.Span(i, i+len(tt.span))
			if !ok || tt.gold[gs:ge] != tt.want {
				t.Fatalf("span %q -> [%d,%d) ok=%v", tt.span, gs, ge, ok)
			}
		})
	}
	if _, _, ok := Align("abc", "xyz").Span(0, 3); ok {
		t.Error("unrelated text aligned")
	}
}

func TestScoreStorylines(t *testing.T) {
	tests := []struct {
		name       string
		gold, sl   []string
		purity     float64
		linked, sn int
	}{
		{"separate", []string{"a", "a", "b"}, []string{"1", "1", "2"}, 1, 0, 2},
		{"one for all", []string{"a", "a", "b"}, []string{"1", "1", "1"}, 1.0 / 3, 1, 1},
		{"singletons", []string{"a", "b"}, []string{"1", "2"}, 1, 0, 2},
	}
	for _, tt := range tests {
		s := ScoreStorylines(tt.gold, tt.sl)
		if s.Purity != tt.purity || s.LinkedGold != tt.linked || s.Storylines != tt.sn {
			t.Errorf("%s: %+v", tt.name, s)
		}
	}
}

func TestScoreCoref(t *testing.T) {
	m := func(s, e int, chain string) Mention { return Mention{Start: s, End: e, Chain: chain, Type: "ACTOR"} }
	docs := []CorefDoc{{
		Group: "0",
		Gold:  []Mention{m(0, 5, "kim"), m(10, 15, "kim"), m(20, 25, "trump")},
		Sys:   []SysMention{{0, 5, 1, "name", "Kim"}, {10, 15, 1, "name", "Mr Kim"}, {20, 25, 2, "name", "Trump"}},
	}}
	sys, base := ScoreCoref(docs, strings.ToLower)
	if sys.CoNLL < 0.999 || sys.Found != 1 {
		t.Errorf("perfect system scored %+v", sys)
	}
	if base.CoNLL >= sys.CoNLL {
		t.Errorf("same-name baseline (Kim / Mr Kim apart) %+v not below system %+v", base, sys)
	}
	docs[0].Sys = docs[0].Sys[:1]
	if sys, _ := ScoreCoref(docs, strings.ToLower); sys.Found > 0.34 {
		t.Errorf("found %.2f with one of three mentions", sys.Found)
	}
}

func TestMergedPeople(t *testing.T) {
	gold := []Mention{
		{Chain: "0_Trump_ACTOR", Type: "ACTOR", Text: "Donald Trump"},
		{Chain: "0_Trump_Jr_ACTOR", Type: "ACTOR", Text: "Donald Trump Jr."},
		{Chain: "1_Trump_ACTOR", Type: "ACTOR", Text: "Trump"},
		{Chain: "1_Trump_Jr_ACTOR", Type: "ACTOR", Text: "Trump"}, // ambiguous: skipped
	}
	named := func(string) bool { return true }
	actors := []ActorNames{
		{ID: 1, Type: "person", Names: []string{"Donald Trump", "Donald Trump Jr.", "Trump"}},
		{ID: 2, Type: "person", Names: []string{"Donald Trump", "Trump"}},
		{ID: 3, Type: "organisation", Names: []string{"Donald Trump", "Donald Trump Jr."}},
	}
	got := MergedPeople(gold, actors, strings.ToLower, named)
	if len(got) != 1 || got[0].Actor != 1 || len(got[0].People) != 2 {
		t.Fatalf("merged = %+v", got)
	}
}

func TestURLDate(t *testing.T) {
	for u, want := range map[string]string{
		"https://www.nytimes.com/2018/04/17/world/asia/x.html": "2018-04-17",
		"http://www.breitbart.com/news/mueller-hints/":         "",
		"https://example.com/2018/13/40/x":                     "",
	} {
		got := URLDate(u)
		if (want == "" && !got.IsZero()) || (want != "" && got.Format(time.DateOnly) != want) {
			t.Errorf("URLDate(%q) = %v, want %q", u, got, want)
		}
	}
}
