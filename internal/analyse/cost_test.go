package analyse

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpusgen"
)

func TestLocativeBefore(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"police in ", true},
		{"police in", true},
		{"Police IN\n\t ", true},
		{"troops from  ", true},
		{"spread throughout ", true},
		{"begin", false},
		{"within ", false},
		{"", false},
		{"   ", false},
		{"xin ", false},
		{"the café près ", false},
		{strings.Repeat("a", 1<<20) + "in ", false},
		{"in" + strings.Repeat(" ", 1000), true},
	}
	for _, tc := range tests {
		if got := locativeBefore(tc.before); got != tc.want {
			t.Errorf("locativeBefore(%.20q) = %v, want %v", tc.before, got, tc.want)
		}
	}
}

// englishText returns about n bytes of English news text: the ECB+ and
// NewsWCL50 documents of ../shared/eval, repeated as needed.
func englishText(tb testing.TB, n int) string {
	tb.Helper()
	dir := evalDir(tb)
	var docs []string
	for _, f := range []string{"cluster-ecbplus/docs.jsonl", "cluster-newswcl50/docs.jsonl"} {
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var d struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &d) == nil && d.Text != "" {
				docs = append(docs, d.Text)
			}
		}
		fh.Close()
	}
	if len(docs) == 0 {
		tb.Skip("no English documents under ../shared/eval")
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(docs[i%len(docs)])
		b.WriteString("\n\n")
	}
	return b.String()[:n]
}

func evalDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return filepath.Join(d, "eval")
	}
	wd, _ := os.Getwd()
	for d := wd; filepath.Dir(d) != d; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			e := filepath.Join(filepath.Dir(d), "shared", "eval")
			if _, err := os.Stat(e); err == nil {
				return e
			}
			break
		}
	}
	tb.Skip("shared data not found: set SITREP_SHARED")
	return ""
}

// BenchmarkAnnotateSize reports analysis time per MB of English news text
// at growing document sizes: it must stay flat (linear cost).
//
//	go test ./internal/analyse -run '^$' -bench AnnotateSize -benchtime 1x -count 3
func BenchmarkAnnotateSize(b *testing.B) {
	a := New()
	a.Budget = 0
	for _, n := range []int{10 << 10, 100 << 10, 1 << 20, 10 << 20} {
		s := englishText(b, n)
		b.Run(sizeName(n), func(b *testing.B) {
			// a small document is analysed many times per iteration so
			// that every size measures about a megabyte of work or more
			reps := max(1, (1<<20)/len(s))
			pub := time.Date(2016, 10, 17, 0, 0, 0, 0, time.UTC)
			b.ResetTimer()
			cpu0 := cpuSeconds()
			for i := 0; i < b.N; i++ {
				for r := 0; r < reps; r++ {
					a.Annotate(Input{Text: s, Published: pub})
				}
			}
			mb := float64(b.N*reps) * float64(len(s)) / (1 << 20)
			b.ReportMetric(b.Elapsed().Seconds()/mb, "s/MB")
			// CPU time is what the machine's other work does not inflate
			b.ReportMetric((cpuSeconds()-cpu0)/mb, "cpu-s/MB")
		})
	}
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%dMB", n>>20)
	}
	return fmt.Sprintf("%dKB", n>>10)
}

// BenchmarkAnnotatePolNeAR runs the whole analysis (sentences, NER, time
// expressions, quotes, places) over 100 real news articles (PolNeAR, from
// ../shared/eval) and reports CPU-ms per article and tokens per
// CPU-second:
//
//	go test ./internal/analyse -run '^$' -bench AnnotatePolNeAR -count 6 -cpu 1
func BenchmarkAnnotatePolNeAR(b *testing.B) {
	eval := corpusgen.FindEval()
	if eval == "" {
		b.Skip("no ../shared/eval")
	}
	arts, err := corpusgen.LoadPolNeAR(eval)
	if err != nil {
		b.Skip(err)
	}
	arts = arts[:min(100, len(arts))]
	a := New()
	a.Budget = 0
	pub := time.Date(2016, 10, 17, 0, 0, 0, 0, time.UTC)
	ntok := 0
	for _, art := range arts {
		ntok += a.Annotate(Input{Text: art.Text, Published: pub}).Tokens
	}
	b.ResetTimer()
	c0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		for _, art := range arts {
			a.Annotate(Input{Text: art.Text, Published: pub})
		}
	}
	d := cpuSeconds() - c0
	if d > 0 {
		b.ReportMetric(d*1e3/float64(b.N*len(arts)), "cpu-ms/article")
		b.ReportMetric(float64(ntok*b.N)/d, "tokens/cpu-s")
	}
	b.ReportMetric(float64(ntok)/float64(len(arts)), "tokens/article")
}
