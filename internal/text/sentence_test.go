package text

import (
	"os"
	"strings"
	"testing"
)

func sentenceTexts(s string) []string {
	toks, sents := Split(s, nil, nil)
	out := make([]string, len(sents))
	for i, se := range sents {
		if toks[se.TokStart].Start != se.Start || toks[se.TokEnd-1].End != se.End {
			panic("sentence offsets disagree with tokens")
		}
		out[i] = s[se.Start:se.End]
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"titles", "Lt. Col. John Dorrian spoke. Gen. Votel agreed.", []string{"Lt. Col. John Dorrian spoke.", "Gen. Votel agreed."}},
		{"abbrev mid", "The U.S. Army said so. It was Oct. 17.", []string{"The U.S. Army said so.", "It was Oct. 17."}},
		{"abbrev end", "Troops returned to the U.S. They arrived Sunday.", []string{"Troops returned to the U.S.", "They arrived Sunday."}},
		{"initials", "George W. Bush met J. Smith. Then he left.", []string{"George W. Bush met J. Smith.", "Then he left."}},
		{"quote close", "“We are ready.” He said so.", []string{"“We are ready.”", "He said so."}},
		{"quote spans", "“It is hard. It is long,” he said.", []string{"“It is hard.", "It is long,” he said."}},
		{"straight quotes", `He said "go." Then "stop."`, []string{`He said "go."`, `Then "stop."`}},
		{"lowercase after period", "He left at 3 p.m. and slept.", []string{"He left at 3 p.m. and slept."}},
		{"question", "Why? Because.", []string{"Why?", "Because."}},
		{"headline", "ISLAMIC STATE HOLDS MOSUL\n\nMOSUL, Iraq (Reuters) — Fighting raged.", []string{"ISLAMIC STATE HOLDS MOSUL", "MOSUL, Iraq (Reuters) — Fighting raged."}},
		{"bullets", "Pentagon says\n  • Militant group rigged city\n  • U.S. calls on Turkey", []string{"Pentagon says", "• Militant group rigged city", "• U.S. calls on Turkey"}},
		{"wrapped line", "Iraqi forces fought Islamic State militants near the city of\nMosul on Sunday, officials said.", []string{"Iraqi forces fought Islamic State militants near the city of\nMosul on Sunday, officials said."}},
		{"no terminal", "just words", []string{"just words"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentenceTexts(tc.in)
			if strings.Join(got, "\n|") != strings.Join(tc.want, "\n|") {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSeedFiles(t *testing.T) {
	ents, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile("testdata/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		toks, sents := Split(s, nil, nil)
		// Every non-space byte is covered by exactly one token, tokens are
		// ordered, and sentences tile the tokens.
		covered := make([]bool, len(s))
		for _, tk := range toks {
			for k := tk.Start; k < tk.End; k++ {
				covered[k] = true
			}
		}
		for k := 0; k < len(s); k++ {
			if !covered[k] && !strings.ContainsAny(s[k:k+1], " \t\r\n") && s[k] < 0x80 {
				t.Errorf("%s: byte %d %q not in any token", e.Name(), k, s[k])
			}
		}
		next := int32(0)
		for _, se := range sents {
			if se.TokStart != next || se.TokEnd <= se.TokStart {
				t.Fatalf("%s: sentences do not tile tokens", e.Name())
			}
			next = se.TokEnd
		}
		if int(next) != len(toks) {
			t.Errorf("%s: sentences cover %d of %d tokens", e.Name(), next, len(toks))
		}
	}
}
