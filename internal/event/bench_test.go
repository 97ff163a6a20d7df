package event

import "testing"

// benchSentences are news sentences of the kinds the coder meets (written
// for the benchmark), with their actors, places and times marked.
var benchSentences = []string{
	"{Iraqi troops:IRQMIL}, {Kurdish forces:KURMIL} and {Shiite militias:SHIIRG} attacked <Bashiqa> [on Sunday=2016-10-23], killing at least 12 militants.",
	"{U.S. Defense Secretary Ash Carter:USAGOV} met {Kurdish leader Massoud Barzani:IRQKURGOV} in <Erbil> [on Friday=2016-10-21] to discuss the offensive.",
	"{The Pentagon:USAMIL} said {Islamic State:IMGISI} had dug trenches and rigged roads with explosives ahead of the assault on <Mosul>.",
	"{Carter:USAGOV} urged {Turkey:TUR} and {Iraq:IRQ} to focus on the common enemy rather than their dispute.",
	"{Ankara:TUR} accused {Baghdad:IRQ} of ignoring the threat, while {Iraqi Prime Minister Haidar al-Abadi:IRQGOV} warned {Turkish troops:TURMIL} to stay out.",
	"The weather was mild and the roads were open for most of the day, officials said.",
	"{France:FRA} will host a meeting of ministers [next week=2016-W44] on the future of <Mosul> after the battle.",
	"{The United Nations:IGOUNO} appealed for $50 million in humanitarian aid for families fleeing the city.",
}

// BenchmarkCode codes one sentence per iteration (the set in turn): its
// sentences/s is b.N/s.
func BenchmarkCode(b *testing.B) {
	ss := make([]Sentence, len(benchSentences))
	for i, m := range benchSentences {
		ss[i] = sent(b, m)
	}
	c := NewCoder()
	var evs []Event
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		evs = c.Code(ss[i%len(ss)], evs[:0])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkMerge merges 200 mentions of 8 happenings.
func BenchmarkMerge(b *testing.B) {
	c := NewCoder()
	var ms []Mention
	for k := 0; len(ms) < 200; k++ {
		s := sent(b, benchSentences[k%len(benchSentences)])
		for _, e := range c.Code(s, nil) {
			ms = append(ms, Mention{Event: e, Article: int64(k), Outlet: string(rune('A' + k%5))})
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Merge(ms)
	}
}
