package corpus

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
	"github.com/sitrep/sitrep/internal/view"
	"github.com/sitrep/sitrep/internal/view/storeview"
)

// BenchmarkComposeStory composes story pages two ways on the same
// database: with the read API's list queries ("readmodel", how pages were
// composed before store.StoryPages) and with the story-scoped reads
// ("scoped"). The database is a copy of $SITREP_BENCH_DB (a database
// `sitrep ingest` or `sitrep bench` filled, so the corpus is large) or,
// without it, a small one built from PolNeAR texts. Each iteration
// composes the 20 most recently changed stories.
func BenchmarkComposeStory(b *testing.B) {
	ctx := context.Background()
	var db *sqlite.DB
	if src := os.Getenv("SITREP_BENCH_DB"); src != "" {
		dst := filepath.Join(b.TempDir(), "bench.db")
		if err := copyFile(src, dst); err != nil {
			b.Fatal(err)
		}
		var err error
		if db, err = sqlite.Open(ctx, dst); err != nil {
			b.Fatal(err)
		}
		defer db.Close()
	} else {
		db = polnearDB(b, 30)
	}
	stories, err := db.StoryList(ctx, view.Query{Limit: 20})
	if err != nil || len(stories.Items) == 0 {
		b.Fatalf("no stories: %v", err)
	}
	n, _, _ := db.Count(ctx)
	b.Logf("%d articles stored, composing %d stories", n, len(stories.Items))
	r := storeview.New(readModelOnly{db})
	r.Compose = Compose
	b.Run("readmodel", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, s := range stories.Items {
				if _, err := r.Live(ctx, s.ID); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(stories.Items)), "ms/story")
	})
	b.Run("scoped", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, s := range stories.Items {
				if _, err := composeStory(ctx, db, db, nil, s.ID); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(stories.Items)), "ms/story")
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// BenchmarkStateSave measures what the corpus stage pays after every
// batch to keep its state: serialising the clusterer and the actor
// registry whole, and writing both blobs, for the state stored in a copy
// of $SITREP_BENCH_DB (skipped without it).
func BenchmarkStateSave(b *testing.B) {
	src := os.Getenv("SITREP_BENCH_DB")
	if src == "" {
		b.Skip("set SITREP_BENCH_DB to a database with corpus state")
	}
	ctx := context.Background()
	dst := filepath.Join(b.TempDir(), "bench.db")
	if err := copyFile(src, dst); err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(ctx, dst)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	sg, err := Open(ctx, db, Options{})
	if err != nil {
		b.Fatal(err)
	}
	var size int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := &store.Derived{State: map[string][]byte{}}
		if d.State[clustererState], err = sg.cl.MarshalBinary(); err != nil {
			b.Fatal(err)
		}
		if d.State[registryState], err = sg.acts.reg.MarshalBinary(); err != nil {
			b.Fatal(err)
		}
		size = len(d.State[clustererState]) + len(d.State[registryState])
		if err := db.PutDerived(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB/save")
}

// BenchmarkStoryRead measures what a reader pays for a story page of one
// article: read back as stored ("stored": the row, unpacked and decoded)
// against composed on the read ("composed": ComposeStory, what
// storeview.Reader.Page does for a page left to be composed when read).
// On a copy of $SITREP_BENCH_DB built by a binary that stored every page
// (skipped without it); each iteration reads the 50 newest one-article
// stories.
func BenchmarkStoryRead(b *testing.B) {
	src := os.Getenv("SITREP_BENCH_DB")
	if src == "" {
		b.Skip("set SITREP_BENCH_DB to a database whose pages were all stored")
	}
	ctx := context.Background()
	dst := filepath.Join(b.TempDir(), "bench.db")
	if err := copyFile(src, dst); err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(ctx, dst)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	list, err := db.StoryList(ctx, view.Query{Limit: 500})
	if err != nil {
		b.Fatal(err)
	}
	var ids []int64
	for _, s := range list.Items {
		if p, _ := db.StoryPage(ctx, s.ID); len(s.Articles) == 1 && p != nil && len(ids) < 50 {
			ids = append(ids, s.ID)
		}
	}
	if len(ids) == 0 {
		b.Fatal("no one-article story with a stored page")
	}
	r := storeview.New(db)
	for _, c := range []struct {
		name string
		read func(id int64) (*view.Story, error)
	}{
		{"stored", func(id int64) (*view.Story, error) { return r.Story(ctx, id) }},
		{"composed", func(id int64) (*view.Story, error) { return ComposeStory(ctx, db, id) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			cpu0 := cpuSeconds()
			for i := 0; i < b.N; i++ {
				for _, id := range ids {
					if _, err := c.read(id); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(ids)), "ms/story")
			// the process's CPU: on a loaded machine the wall time is
			// mostly waiting
			b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(b.N*len(ids)), "cpu-ms/story")
		})
	}
}

// BenchmarkCodeStoryTouched codes the events of the stories of several
// articles of a small PolNeAR database: "cold" with nothing kept, as
// for a story's first coding; "touched" again after the articles
// themselves left the cache (maxCachedDocs others read since), as for a
// story that grows over days. Coding cost per change would make
// "touched" cost a fraction of "cold".
func BenchmarkCodeStoryTouched(b *testing.B) {
	ctx := context.Background()
	db := polnearDB(b, 30)
	p, err := db.StoryList(ctx, view.Query{Limit: 500})
	if err != nil {
		b.Fatal(err)
	}
	var stories []int64
	members := 0
	for _, s := range p.Items {
		if len(s.Articles) > 1 {
			stories = append(stories, s.ID)
			members += len(s.Articles)
		}
	}
	if len(stories) == 0 {
		b.Fatal("no story of several articles")
	}
	code := func(dc *docCache) {
		if _, err := codeStoryEvents(ctx, db, dc, stories, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			code(newDocCache())
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*members), "µs/member")
	})
	b.Run("touched", func(b *testing.B) {
		dc := newDocCache()
		code(dc)
		other := &store.Article{}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			for k := int64(1); k <= maxCachedDocs; k++ {
				dc.put(-k-int64(i)*maxCachedDocs, other, nil)
			}
			b.StartTimer()
			code(dc)
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*members), "µs/member")
	})
}
