package text

import (
	"reflect"
	"strings"
	"testing"
)

func words(s string, toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text(s)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string // want: tokens separated by " | "
	}{
		{"abbrev", "U.S. Defense Secretary Ash Carter met Gen. Joseph Votel.", "U.S. | Defense | Secretary | Ash | Carter | met | Gen. | Joseph | Votel | ."},
		{"ranks", "Lt. Col. John Dorrian said on Oct. 17 that", "Lt. | Col. | John | Dorrian | said | on | Oct. | 17 | that"},
		{"initials", "J. R. R. Tolkien and George W. Bush", "J. | R. | R. | Tolkien | and | George | W. | Bush"},
		{"possessive", "Iraq's Prime Minister Haidar al-Abadi", "Iraq | 's | Prime | Minister | Haidar | al-Abadi"},
		{"curly possessive", "Iraq’s army", "Iraq | ’s | army"},
		{"apostrophe name", "Sean O'Brien and Ba'ath party", "Sean | O'Brien | and | Ba'ath | party"},
		{"contractions", "We don't know, they're sure", "We | do | n't | know | , | they | 're | sure"},
		{"numbers", "30,000 troops, 3.5 percent, 1996-08-22 at 10:30", "30,000 | troops | , | 3.5 | percent | , | 1996-08-22 | at | 10:30"},
		{"number at end", "rose 3.5.", "rose | 3.5 | ."},
		{"dateline", "MOSUL, Iraq (Reuters) — Islamic State", "MOSUL | , | Iraq | ( | Reuters | ) | — | Islamic | State"},
		{"quotes", "“We’re ready,” he said.", "“ | We | ’re | ready | , | ” | he | said | ."},
		{"led", "a U.S.-led coalition", "a | U.S.-led | coalition"},
		{"ampersand", "AT&T and S&P 500", "AT&T | and | S&P | 500"},
		{"ellipsis dashes", "wait... no -- yes", "wait | ... | no | -- | yes"},
		{"plural possessive", "the soldiers' families", "the | soldiers | ' | families"},
		{"unicode", "Recep Tayyip Erdoğan in Şanlıurfa", "Recep | Tayyip | Erdoğan | in | Şanlıurfa"},
		{"sentence end word", "He left. She stayed", "He | left | . | She | stayed"},
		{"comma not thousands", "1,2,3 and 12,34", "1 | , | 2 | , | 3 | and | 12 | , | 34"},
		{"empty", "  \n ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(nil, tc.in)
			got := strings.Join(words(tc.in, toks), " | ")
			if got != tc.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
			for i, tk := range toks {
				if tk.Start >= tk.End || i > 0 && tk.Start < toks[i-1].End {
					t.Errorf("bad offsets %v", tk)
				}
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	s := "Iraq's 30,000 ."
	toks := Tokenize(nil, s)
	var kinds []Kind
	for _, tk := range toks {
		kinds = append(kinds, tk.Kind)
	}
	if want := []Kind{Word, Clitic, Number, Punct}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
}

func TestTokenizeNoAlloc(t *testing.T) {
	s := "MOSUL, Iraq (Reuters) — U.S. Defense Secretary Ash Carter met Iraq's Prime Minister. “We’re ready,” he said."
	buf := make([]Token, 0, 256)
	sb := make([]Sentence, 0, 16)
	allocs := testing.AllocsPerRun(100, func() {
		toks, sents := Split(s, buf, sb)
		_, _ = toks, sents
	})
	if allocs != 0 {
		t.Errorf("Split allocates %v times per run", allocs)
	}
}
