package quote

import "testing"

// TestSpeakerAfterTheQuote covers quotes whose speaker comes after them:
// in a speech-act phrase after the cue ("in a televised speech", "on
// Twitter") or in the next sentence that points back at the quote.
func TestSpeakerAfterTheQuote(t *testing.T) {
	cases := []struct {
		name string
		text string
		want got
	}{
		{"speech-act phrase after the cue",
			"“We will not retreat from this agreement,” Transport Minister Anna Kessler said in a televised speech, referring to the unions.",
			got{"“We will not retreat from this agreement,”", "said", "Transport Minister Anna Kessler"}},
		{"reply on a social network",
			"The union objected.\n\n“Nobody asked the workers what they wanted,” Tomas Brenner replied on Twitter.",
			got{"“Nobody asked the workers what they wanted,”", "replied", "Tomas Brenner"}},
		{"next sentence says who put it so",
			"The port deal divided the cabinet.\n\n“The deal is a disgrace and it will cost jobs.” That was how opposition leader Petra Lind put it in a statement on Tuesday.",
			got{"“The deal is a disgrace and it will cost jobs.”", "put", "opposition leader Petra Lind"}},
		{"so said",
			"Ferries will run all night.\n\n“Nobody will be stranded again.” So said Harbour Master Ivo Rand.",
			got{"“Nobody will be stranded again.”", "said", "Harbour Master Ivo Rand"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var have []got
			for _, q := range Extract(c.text, nil, nil) {
				h := got{q.Text, q.Cue, q.Source}
				if h == c.want {
					return
				}
				have = append(have, h)
			}
			t.Errorf("missing %q\nhave %q", c.want, have)
		})
	}
	// A demonstrative sentence that is a new statement keeps the quote
	// with the speaker before it.
	src := "“We start on Monday,” said the mayor, Lea Holt.\n\n“The cranes are ready.” That is a first for the city, officials said."
	for _, q := range Extract(src, nil, nil) {
		if q.Text == "“The cranes are ready.”" && q.Source == "officials" {
			t.Errorf("quote given to the next sentence's speaker: %+v", q)
		}
	}
}
