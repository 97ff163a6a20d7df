package event

import (
	"testing"
	"unicode/utf8"
)

// FuzzCode codes arbitrary text with actor, place and time spans cut from
// it at arbitrary offsets: no panic, and every event lies inside its
// sentence with a verb.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Iraqi troops attacked Bashiqa on Sunday, killing 12.",
		"IRAQ ATTACKS", "", "\xff\xfe attacked", "Carter urged Iraq to attack Mosul; Turkey refused.",
		"Die Armee griff an.", "a , , , attacked attacked attacked by by by",
		"Minister: Army To Attack Rebels", ": to to : attacks",
	} {
		f.Add(s, uint16(0), uint16(5), uint16(10), uint16(20))
	}
	c := NewCoder()
	f.Fuzz(func(t *testing.T, text string, a, b, p, q uint16) {
		n := len(text)
		span := func(x, y uint16) Span {
			if n == 0 {
				return Span{}
			}
			s, e := int(x)%(n+1), int(y)%(n+1)
			if s > e {
				s, e = e, s
			}
			return Span{s, e}
		}
		s := Sentence{Text: text, Span: Span{0, n},
			Actors: []ActorMention{{Span: span(a, b), ID: 1, Code: "IRQ"}, {Span: span(p, q), ID: 2}},
			Places: []PlaceMention{{Span: span(b, p), Name: "X", GeonamesID: 1}},
			Times:  []TimeMention{{Span: span(a, q), Value: "2016-10-23"}}}
		for _, e := range c.Code(s, nil) {
			if e.VerbAt.Start < 0 || e.VerbAt.End > n || e.VerbAt.Start >= e.VerbAt.End || e.Verb == "" {
				t.Fatalf("bad verb span %v in %d bytes", e.VerbAt, n)
			}
			if !utf8.ValidString(text) {
				continue
			}
			if e.Type == "" || e.Cameo == "" || e.Status == "" {
				t.Fatalf("incomplete event %+v", e)
			}
		}
		// read as a headline: the same guarantees
		s.Headline = true
		for _, e := range c.Code(s, nil) {
			if e.VerbAt.Start < 0 || e.VerbAt.End > n || e.VerbAt.Start >= e.VerbAt.End || e.Verb == "" {
				t.Fatalf("headline: bad verb span %v in %d bytes", e.VerbAt, n)
			}
		}
		s.Headline = false
		// a sentence span outside the text codes nothing
		s.Span = Span{n, n + 5}
		if evs := c.Code(s, nil); len(evs) != 0 {
			t.Fatalf("events from a span outside the text")
		}
	})
}
