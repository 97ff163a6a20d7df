package ner

import (
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/text"
)

// benchArticle is testdata/news_article.txt; each benchmark iteration runs
// the whole text -> tokens -> sentences -> mentions path on it.
func benchArticle(b *testing.B) string {
	data, err := os.ReadFile("testdata/news_article.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func BenchmarkPipeline(b *testing.B) {
	src := benchArticle(b)
	m := Default()
	var toks []text.Token
	var sents []text.Sentence
	toks, sents = text.Split(src, toks, sents)
	ntok := len(toks)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		toks, sents = text.Split(src, toks, sents)
		_ = m.Tag(src, sents, toks)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkPipelineLong runs the path on a 50-article document, so
// document-level maps are bigger.
func BenchmarkPipelineLong(b *testing.B) {
	src := strings.Repeat(benchArticle(b)+"\n\n", 50)
	m := Default()
	toks, sents := text.Split(src, nil, nil)
	ntok := len(toks)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		toks, sents = text.Split(src, toks, sents)
		_ = m.Tag(src, sents, toks)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
