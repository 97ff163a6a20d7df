package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is a news-style article of about 60 sentences built from
// quote patterns (direct, indirect, mixed, pronouns, unquoted narrative).
func benchText() string {
	paras := []string{
		"Senator Elizabeth Warren said on Monday that the bill would hurt working families. The vote is set for Thursday.",
		"“We will not back down,” Ms. Warren told reporters outside the Capitol. “This is a fight for the middle class.”",
		"The measure, which passed the House last month, would cut taxes for corporations by $1.5 trillion over a decade, according to the Congressional Budget Office.",
		"Republicans dismissed the criticism. Mitch McConnell, the majority leader, said the bill was “long overdue” and predicted it would pass.",
		"He added: “The American people want relief, and they want it now.”",
		"Analysts were divided. Some economists warned that deficits would balloon, while others argued growth would pay for the cuts, a view the Treasury has endorsed.",
		"The White House did not respond to a request for comment. The president is traveling in Asia this week and returns on Sunday.",
		"‘It is a disgrace,’ a Democratic aide said, speaking on condition of anonymity because the talks were private.",
	}
	return strings.Join(paras, "\n\n")
}

func BenchmarkExtract(b *testing.B) {
	text := strings.Repeat(benchText()+"\n\n", 8)
	n := len(SplitSentences(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		Extract(text, nil, nil)
	}
	b.ReportMetric((processCPU()-cpu)/float64(b.N), "cpu-µs/article")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkExtractPolNeAR runs on the PolNeAR dev texts (the .txt files are
// not unpacked, so the raw JSON lines are read; skipped when absent).
func BenchmarkExtractPolNeAR(b *testing.B) {
	texts := polnearTexts(b)
	n := 0
	size := 0
	for _, t := range texts {
		n += len(SplitSentences(t))
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Extract(t, nil, nil)
		}
	}
	// CPU of the whole process (GC included) per article, not wall time:
	// comparable on a loaded machine.
	b.ReportMetric((processCPU()-cpu)/float64(b.N*len(texts)), "cpu-µs/article")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// sharedDir finds ../shared above the working directory or $SITREP_SHARED.
func sharedDir() string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared")
		if st, err := os.Stat(filepath.Join(p, "eval")); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}
