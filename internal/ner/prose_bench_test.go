package ner

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

// BenchmarkProse runs jdkato/prose/v2 (tokenizer, segmenter, tagger and
// NER, its default pipeline) on the same article as BenchmarkPipeline, so
// the two tokens/s figures can be compared in one run. Token counts are
// prose's own.
func BenchmarkProse(b *testing.B) {
	src := benchArticle(b)
	doc, err := prose.NewDocument(src)
	if err != nil {
		b.Fatal(err)
	}
	ntok := len(doc.Tokens())
	if len(doc.Entities()) == 0 {
		b.Fatal("prose found no entities")
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := prose.NewDocument(src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
