package event

import "testing"

func TestZZDbg(t *testing.T) {
	c := NewCoder()
	s := sent(t, "At least 11 people were killed and 30 others wounded.")
	c.toks = tokenize(s.Text, s.Start, s.End, c.toks[:0])
	c.mark(s)
	for _, f := range c.d.forms["killed"] {
		t.Logf("form %v base=%v code=%s match=%v verbal=%v", f.words, f.base, f.code, matchForm(c.toks, 5, f.words), c.verbal(5, f))
	}
	t.Logf("%+v", c.findVerbs(nil))
}
