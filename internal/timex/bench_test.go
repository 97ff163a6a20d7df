package timex

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpusgen"
)

// benchText is ten news-style sentences with a typical density of time
// expressions.
var benchText = `The ministers said on Sunday that the talks, which began on Oct. 17, would resume next week. ` +
	`Prices rose 3 percent in the third quarter, compared with a year earlier, the company said Tuesday. ` +
	`The rebels, who have fought the government for two years, attacked the town early on Saturday morning. ` +
	`"We will not stop," the commander told reporters in a statement released late Friday night. ` +
	`The bank, founded in the 1990s, has cut 4,000 jobs since January 2015. ` +
	`Officials expect the bridge to reopen in July after repairs that will take three months. ` +
	`The city council meets every Friday at 10 a.m. to discuss the budget. ` +
	`Three days ago the storm hit the coast, killing at least 12 people and leaving thousands homeless. ` +
	`Earlier this month the court ruled that the election, held on 23 October 2016, was valid. ` +
	`Analysts say growth will slow next year as exports fall and investment remains weak.`

const benchSentences = 10

// BenchmarkFind measures sentences per second on one core.
func BenchmarkFind(b *testing.B) {
	dct := time.Date(2016, 10, 24, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(Find(benchText, dct)) == 0 {
			b.Fatal("no expressions")
		}
	}
	b.ReportMetric(float64(b.N*benchSentences)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkFindPolNeAR finds the expressions of every PolNeAR article
// (shared data; skipped without it), with the class matches of each
// sentence kept (memo) and without (nomemo); an op is an article, and
// cpu-µs/article is the process's CPU time (a shared machine's load
// inflates ns/op, far less the CPU time).
func BenchmarkFindPolNeAR(b *testing.B) {
	eval := corpusgen.FindEval()
	if eval == "" {
		b.Skip("no shared data")
	}
	arts, err := corpusgen.LoadPolNeAR(eval)
	if err != nil {
		b.Skip(err)
	}
	for _, v := range []struct {
		name string
		f    *Finder
	}{{"memo", NewFinder()}, {"nomemo", &Finder{Tokenizer: DefaultTokenizer{}, noMemo: true}}} {
		b.Run(v.name, func(b *testing.B) {
			cpu0 := cpuSeconds()
			for i := 0; i < b.N; i++ {
				a := arts[i%len(arts)]
				v.f.Find(a.Text, a.Published)
			}
			b.ReportMetric((cpuSeconds()-cpu0)*1e6/float64(b.N), "cpu-µs/article")
		})
	}
}
