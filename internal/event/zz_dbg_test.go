package event

import "testing"

func TestZZDbg(t *testing.T) {
	c := NewCoder()
	for _, txt := range []string{"{Lebanon:LBN} lifted the curfew.", "{Lebanon:LBN} is lifting the curfew.", "{Lebanon:LBN} is lifting the city's curfew.", "{Lebanon:LBN} lifts the city curfew."} {
		s := sent(t, txt)
		evs := c.Code(s, nil)
		t.Logf("%s cand %+v", txt, c.cand)
		for _, e := range evs {
			t.Logf("%s %s %s %s %v %q %q", e.Verb, e.Type, e.Cameo, e.Status, e.Embedded, e.Source.Text, e.Target.Text)
		}
	}
	t.Logf("%v", len(c.d.forms["lifting"]))
}
