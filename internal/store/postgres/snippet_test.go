package postgres

import (
	"fmt"
	"strings"
	"testing"
)

func TestQueryLexemes(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"mosul", "[{mosul false}]"},
		{"Mosul raqqa", "[{mosul false} {raqqa false}]"},
		{`"ferry sailed"`, "[{ferry false} {sailed false}]"},
		{"harb*", "[{harb true}]"},
		{"mosul NOT raqqa", "[{mosul false}]"},
		{"mosul AND NOT (raqqa OR basra) ferry", "[{mosul false} {ferry false}]"},
		{"(ferry OR harbour) NOT \"old town\"", "[{ferry false} {harbour false}]"},
		{"Çatalhöyük", "[{catalhoyuk false}]"},
	} {
		tsq, err := TSQuery(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(queryLexemes(tsq)); got != tc.want {
			t.Errorf("%q (%s): %s, want %s", tc.q, tsq, got, tc.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("filler word ", 30)
	for _, tc := range []struct {
		name, text, q string
		want          string // the snippet with [marks] around the highlights
	}{
		{"short text, whole", "The ferry sailed at dawn.", "ferry", "The [ferry] sailed at dawn"},
		{"case and diacritics folded", "Officials in MOSUL and Mosul’s north met in Çatalhöyük.", "mosul catalhoyuk",
			"Officials in [MOSUL] and [Mosul]’s north met in [Çatalhöyük]"},
		{"prefix", "Harbours and harbour masters; a harp.", "harb*", "[Harbours] and [harbour] masters; a harp"},
		{"negated words not marked", "Mosul and Raqqa and Basra.", "mosul NOT raqqa", "[Mosul] and Raqqa and Basra"},
		{"window on the most distinct words", long + "ferry " + long + "ferry harbour " + long, "ferry harbour",
			"…word filler word filler word filler word filler word filler word [ferry] [harbour] filler word filler word filler word filler word filler word filler…"},
		{"no match: the first words", "Title only matched. " + long, "nothing",
			"Title only matched. filler word filler word filler word filler word filler word filler word filler word filler word filler word filler word filler…"},
		{"empty", "", "x", ""},
	} {
		tsq, err := TSQuery(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		s, spans := snippet(tc.text, queryLexemes(tsq))
		var b strings.Builder
		at := 0
		for _, sp := range spans {
			b.WriteString(s[at:sp.Start] + "[" + s[sp.Start:sp.End] + "]")
			at = sp.End
		}
		b.WriteString(s[at:])
		if b.String() != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, b.String(), tc.want)
		}
	}
}

func BenchmarkSnippet(b *testing.B) {
	text := strings.Repeat("Officials said the election campaign in Mosul went on. ", 90)
	lex := queryLexemes("'clinton' & 'campaign'")
	for b.Loop() {
		snippet(text, lex)
	}
}
