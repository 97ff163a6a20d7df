package ner

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpusgen"
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
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		toks, sents = text.Split(src, toks, sents)
		_ = m.Tag(src, sents, toks)
	}
	reportCPU(b, c0, ntok)
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds tokens per CPU-second (process user+system time since
// start): on a box shared with other work this is steadier than the wall
// clock the benchmark's own figures use.
func reportCPU(b *testing.B, start time.Duration, ntok int) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(ntok)*float64(b.N)/d.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkPipelineLong runs the path on a 50-article document, so
// document-level maps are bigger.
func BenchmarkPipelineLong(b *testing.B) {
	src := strings.Repeat(benchArticle(b)+"\n\n", 50)
	m := Default()
	toks, sents := text.Split(src, nil, nil)
	ntok := len(toks)
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		toks, sents = text.Split(src, toks, sents)
		_ = m.Tag(src, sents, toks)
	}
	reportCPU(b, c0, ntok)
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagPolNeAR runs text -> tokens -> sentences -> mentions over
// 100 real news articles (PolNeAR, from ../shared/eval; skipped without
// it) and reports tokens per CPU-second and CPU-ms per article:
//
//	go test ./internal/ner -run '^$' -bench TagPolNeAR -count 6 -cpu 1
func BenchmarkTagPolNeAR(b *testing.B) {
	eval := corpusgen.FindEval()
	if eval == "" {
		b.Skip("no ../shared/eval")
	}
	arts, err := corpusgen.LoadPolNeAR(eval)
	if err != nil {
		b.Skip(err)
	}
	arts = arts[:min(100, len(arts))]
	m := Default()
	var toks []text.Token
	var sents []text.Sentence
	ntok := 0
	for _, a := range arts {
		toks, sents = text.Split(a.Text, toks, sents)
		ntok += len(toks)
	}
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			toks, sents = text.Split(a.Text, toks, sents)
			_ = m.Tag(a.Text, sents, toks)
		}
	}
	d := cpuTime() - c0
	reportCPU(b, c0, ntok)
	if d > 0 {
		b.ReportMetric(d.Seconds()*1e3/float64(b.N*len(arts)), "cpu-ms/article")
	}
	b.ReportMetric(float64(ntok)/float64(len(arts)), "tokens/article")
}
