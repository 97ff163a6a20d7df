package event

import "testing"

// TestCoderDenials: the clause a denial governs is denied; a denial with an
// object ("denied asylum") governs nothing. Sentences written for the test.
func TestCoderDenials(t *testing.T) {
	for _, tc := range []struct {
		text, verb, status string
	}{
		{"{Iraq:IRQ} denied that it had attacked {Syria:SYR}.", "attacked", Negated},
		{"{Iraq:IRQ} denies {its troops:IRQMIL} shelled {Syrian villages:SYRCVL}.", "shelled", Negated},
		{"{Hungary:HUN} denied asylum and deported {the man:HNDCVL}.", "deported", Asserted},
		{"{Iraq:IRQ} said that it had attacked {Syria:SYR}.", "attacked", Asserted},
	} {
		e := find(t, code(t, tc.text), tc.verb)
		if e.Status != tc.status {
			t.Errorf("%q: %s %s, want %s", tc.text, e.Verb, e.Status, tc.status)
		}
	}
}
