package sqlite

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store"
)

// BenchmarkPutDerivedRefs measures PutDerived writing the actor
// references of analysed articles, in batches of 200 as the corpus stage
// writes: 69 references an article to 25 actors (a PolNeAR article has
// about as many), each actor's mostly consecutive as the corpus stage
// gives them, actors drawn with a skew from 8,000. The articles are
// stored before the timer starts; writer-cpu-µs/article counts
// PutDerived alone.
func BenchmarkPutDerivedRefs(b *testing.B) {
	ctx := context.Background()
	db, _ := openTemp(b)
	const batch = 200
	var ids []int64
	for i := 0; i < b.N; i += 256 {
		res, err := db.Put(ctx, benchItems(i, min(i+256, b.N)))
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			ids = append(ids, r.ID)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 4, 7999)
	b.ResetTimer()
	var writer time.Duration
	for i := 0; i < len(ids); i += batch {
		var d store.Derived
		for _, id := range ids[i:min(i+batch, len(ids))] {
			for k := range 69 {
				// a new actor every third reference (or so)
				actor := int64(zipf.Uint64()) + 1
				if k%3 != 0 && rng.IntN(8) != 0 {
					actor = d.Refs[len(d.Refs)-1].Actor
				}
				start := 40 * k
				d.Refs = append(d.Refs, store.ActorRef{Article: id, Actor: actor, Sentence: k / 2, Start: start, End: start + 5 + k%7, Kind: []string{"name", "name", "pronoun", "role"}[k%4]})
			}
		}
		t0 := threadCPU()
		if err := db.PutDerived(ctx, &d); err != nil {
			b.Fatal(err)
		}
		writer += threadCPU() - t0
	}
	b.ReportMetric(float64(writer.Microseconds())/float64(b.N), "writer-cpu-µs/article")
}
