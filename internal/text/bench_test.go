package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is the news article under testdata, repeated to about 1 MB.
func benchText(b *testing.B) string {
	files, _ := filepath.Glob("testdata/*.txt")
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

func BenchmarkSplit(b *testing.B) {
	s := benchText(b)
	toks := make([]Token, 0, len(s)/3)
	sents := make([]Sentence, 0, len(s)/50)
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		toks, sents = Split(s, toks, sents)
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
