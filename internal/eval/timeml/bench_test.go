package timeml

import (
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/timex"
)

// BenchmarkFindTBAQ runs the recogniser over the whole TBAQ-cleaned text
// (256 documents) and reports sentences per second, the sentences being
// those of the package tokenizer.
func BenchmarkFindTBAQ(b *testing.B) {
	docs, err := LoadSet(filepath.Join(sharedDir(b), "eval", "timex-tempeval3"), "train")
	if err != nil {
		b.Fatal(err)
	}
	sents := 0
	for _, d := range docs {
		_, s := timex.DefaultTokenizer{}.Tokenize(d.Text)
		sents += len(s)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			timex.Find(d.Text, d.DCT)
		}
	}
	b.ReportMetric(float64(b.N*sents)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(sents), "sentences")
}
