package event

import (
	"strings"
	"testing"
)

// evList codes s and lists its events as "verb/TYPE/status source>target".
func evList(s Sentence) []string {
	var got []string
	for _, e := range NewCoder().Code(s, nil) {
		src, tgt := e.Source.Text, e.Target.Text
		if src == "" {
			src = "-"
		}
		if tgt == "" {
			tgt = "-"
		}
		got = append(got, e.Verb+"/"+e.Type+"/"+e.Status+" "+src+">"+tgt)
	}
	return got
}

// TestQuoteOwnSubject: a quotation's speaker stands in for the source of
// a quoted verb only when the verb's clause names no doer of its own.
// quoted is the quotation's text; speaker the actor who says it.
func TestQuoteOwnSubject(t *testing.T) {
	tests := []struct {
		name, text, quoted, speaker string
		want                        []string
	}{
		{"pronoun of others", "“They are preparing an assault on <@Tartus>,” {Vela:ESPGOV} said.", "They are preparing an assault on Tartus", "Vela", []string{"preparing/AGREE/asserted ->Tartus"}},
		{"first person", "“We will attack {the rebels:SYRREB} soon,” {Vela:ESPGOV} said.", "We will attack the rebels soon", "Vela", []string{"attack/ASSAULT/future Vela>the rebels"}},
		{"noun subject", "“Crowds of people fleeing <@Tartus> will hide fighters,” {Vela:ESPGOV} said.", "Crowds of people fleeing Tartus will hide fighters", "Vela", nil},
		{"speaker's own aim", "“If we send more ships to attack {the rebels:SYRREB}, we win,” {Vela:ESPGOV} said.", "If we send more ships to attack the rebels, we win", "Vela", []string{"attack/ASSAULT/hypothetical Vela>the rebels"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sent(t, tc.text)
			q := strings.Index(s.Text, tc.quoted)
			if q < 0 {
				t.Fatalf("quotation %q not in %q", tc.quoted, s.Text)
			}
			s.Quote = Span{q, q + len(tc.quoted)}
			for i := range s.Actors {
				if s.Text[s.Actors[i].Start:s.Actors[i].End] == tc.speaker {
					s.Speaker = &s.Actors[i]
				}
			}
			if s.Speaker == nil {
				t.Fatalf("speaker %q not marked", tc.speaker)
			}
			got := evList(s)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("%s\n got  %q\n want %q", s.Text, got, tc.want)
			}
		})
	}
}

func TestScratch(t *testing.T) {
	for _, x := range []string{
		"{Vela:ESPGOV} said on Monday that efforts to recapture <@Tartus> were no different.",
		"{The army:SYRMIL} approached <@Tartus> as {the rebels:SYRREB} fled.",
		"{Norway:NOR} is appealing to residents in <@Tartus>, calling on them to leave.",
		"{Vela:ESPGOV} warned that it was necessary to rebuild the city.",
		"{Vela:ESPGOV} warned {the rebels:SYRREB} could flee to <@Tartus>.",
		"{Vela:ESPGOV} warned {the rebels:SYRREB} not to attack.",
		"{The army:SYRMIL} will liberate <@Tartus> from {the rebels:SYRREB}.",
		"{The army:SYRMIL} is working to push {the rebels:SYRREB} out of the country.",
		"{The rebels:SYRREB} have a harder time exercising command and control over their forces.",
		"{NATO:IGOWSTNAT} will offer training for IED removal.",
	} {
		t.Log(x, evList(sent(t, x)))
	}
}
