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
		{"pronoun of others", "“They are preparing an assault on <@Tartus>,” {Vela:ESPGOV} said.", "They are preparing an assault on Tartus", "Vela", []string{"preparing/MOBILIZE/asserted ->Tartus"}},
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

// TestMovesAndWarnings: an advance on a town is no meeting, liberating a
// town is fighting, and a warning of what may happen is a threat only
// when the warned clause holds a conflictual verb or a refusal. Only the
// events of the verb the case is about are compared.
func TestMovesAndWarnings(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"approached a town", "{Vela:ESPMIL} approached <@Tartus> on Monday.", nil},
		{"leave a town", "Crowds of people are leaving <@Tartus> as {the army:SYRMIL} nears.", nil},
		{"urged to leave", "{Norway:NOR} is appealing to residents, calling on them to leave.", nil},
		{"left for talks", "{Vela:ESPGOV} left for talks with {Chile:CHL}.", []string{"left/CONSULT/asserted Vela>Chile"}},
		{"push out", "{The army:SYRMIL} is working to push {the rebels:SYRREB} out of the country.", []string{"push/ASSAULT/asserted The army>the rebels"}},
		{"retake in a question", "The question remains: will {the coalition:IGOWST} do enough to help {the army:SYRMIL} retake <@Tartus>.", []string{"retake/ASSAULT/hypothetical the army>Tartus"}},
		{"retake in a question mark", "Can {the army:SYRMIL} retake <@Tartus> this year?", []string{"retake/ASSAULT/hypothetical the army>Tartus"}},
		{"retake told", "{The army:SYRMIL} will retake <@Tartus>, which is its goal.", []string{"retake/ASSAULT/future The army>Tartus"}},
		{"doing to retake", "What {the army:SYRMIL} is doing to retake <@Tartus> from {the rebels:SYRREB}", []string{"retake/ASSAULT/future the army>Tartus"}},
		{"command and control", "{The rebels:SYRREB} have a harder time exercising command and control over their units.", nil},
		{"verbs joined, the second: control", "{The rebels:SYRREB} vowed to attack and control <@Tartus>.", []string{"control/COOPERATE/future The rebels>Tartus"}},
		{"efforts to recapture", "{Vela:ESPGOV} said on Monday that efforts to recapture <@Tartus> were slow.", []string{"recapture/COERCE/asserted ->Tartus"}},
		{"an effort to recapture", "{Vela:ESPGOV} made an effort to recapture <@Tartus>.", []string{"recapture/COERCE/asserted Vela>Tartus"}},
		{"liberate a town", "{The army:SYRMIL} will liberate <@Tartus> from {the rebels:SYRREB}.", []string{"liberate/ASSAULT/future The army>Tartus"}},
		{"warned that, a statement", "{Vela:ESPGOV} warned that the winter would be hard.", nil},
		{"warned a clause, a statement", "{Vela:ESPGOV} warned {the rebels:SYRREB} could flow out of <@Tartus>, as he spoke.", nil},
		{"warned that, a refusal", "{Norway:NOR} warned that it will not tolerate the occupation.", []string{"warned/THREATEN/asserted Norway>-"}},
		{"warned that, an attack", "{Norway:NOR} warned {Chile:CHL} that it could invade the islands.", []string{"warned/THREATEN/asserted Norway>Chile"}},
		{"warned not to", "{Vela:ESPGOV} warned {the rebels:SYRREB} not to attack.", []string{"warned/THREATEN/asserted Vela>the rebels"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sent(t, tc.text)
			var got []string
			for _, e := range evList(s) {
				if v, _, _ := strings.Cut(e, "/"); strings.Contains(tc.name, v) {
					got = append(got, e)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("%s\n got  %q\n want %q", s.Text, got, tc.want)
			}
		})
	}
}
