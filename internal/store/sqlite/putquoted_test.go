package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
)

// BenchmarkPutQuoted is BenchmarkPutAnalysed with as many quotes as a
// PolNeAR article has (22 of its 30 sentences quoted, ~100 bytes each;
// 66,638 quotes in 2,999 articles of sitrep bench's corpus).
func BenchmarkPutQuoted(b *testing.B) {
	ctx := context.Background()
	db, _ := openTemp(b)
	const batch = 256
	b.ResetTimer()
	cpu0 := cpuTime()
	var writer time.Duration
	for i := 0; i < b.N; i += batch {
		items := benchItems(i, min(i+batch, b.N))
		for k := range items {
			an := benchAnnotation(items[k].Article.Text)
			an.Quotes = an.Quotes[:0]
			for s, sp := range an.Sentences[:22] {
				an.Quotes = append(an.Quotes, analyse.Quote{Span: sp, Parts: []analyse.Span{sp}, Kind: "direct", Sentence: s,
					Speaker: analyse.Span{Start: sp.Start, End: sp.Start + 7}, SpeakerText: "Islamic"})
			}
			items[k].Analysis = an
		}
		t0 := threadCPU()
		if _, err := db.Put(ctx, items); err != nil {
			b.Fatal(err)
		}
		writer += threadCPU() - t0
	}
	reportPut(b, cpu0, writer)
}
