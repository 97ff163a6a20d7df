package corpus

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/store/sqlite"
	"github.com/sitrep/sitrep/internal/view"
)

// TestUpdateRecoversArticleFaults: a stage that panics on one article
// records the fault with it and skips it in that stage; the others are
// placed, and a re-run neither panics nor retries it.
func TestUpdateRecoversArticleFaults(t *testing.T) {
	tests := []struct {
		stage     string
		wantStage string // the stage the fault is recorded under
		inStory   bool   // the faulty article still reaches a story
	}{
		{"actors", "actors", true},
		{"stories", "stories", false},
		{"clusterer", "stories", false},
	}
	for _, tc := range tests {
		t.Run(tc.stage, func(t *testing.T) {
			ctx := context.Background()
			db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for i := range articles {
				put(t, db, i)
			}
			const bad = 2
			FaultHook = func(stage string, article int64) {
				if stage == tc.stage && article == bad {
					panic("injected fault")
				}
			}
			defer func() { FaultHook = nil }()
			st, err := Update(ctx, db, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if st.Faults != 1 {
				t.Errorf("stats %+v, want 1 fault", st)
			}
			fs, err := db.Faults(ctx, bad)
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != 1 || fs[0].Stage != tc.wantStage || !strings.Contains(fs[0].Message, "injected fault") {
				t.Fatalf("faults of article %d: %+v", bad, fs)
			}
			for id := int64(1); id <= int64(len(articles)); id++ {
				sums, err := db.Summaries(ctx, []int64{id})
				if err != nil || len(sums) != 1 {
					t.Fatalf("article %d: %v", id, err)
				}
				want := id != bad || tc.inStory
				if got := sums[0].Story != 0; got != want {
					t.Errorf("article %d in a story: %v, want %v", id, got, want)
				}
				acts, err := db.ActorList(ctx, view.Query{Article: id, Limit: 50})
				if err != nil {
					t.Fatal(err)
				}
				if id == bad && tc.stage == "actors" && len(acts.Items) != 0 {
					t.Errorf("article %d has actors %v after its actor stage failed", id, acts.Items)
				}
				if id != bad && len(acts.Items) == 0 {
					t.Errorf("article %d has no actors", id)
				}
			}
			// the corpus moved past it: a re-run takes in nothing
			if st, err := Update(ctx, db, Options{}); err != nil || st.Articles != 0 {
				t.Errorf("re-run: %+v %v", st, err)
			}
			h, err := db.Health(ctx)
			if err != nil || h.FaultyArticles != 1 || h.Faults[tc.wantStage] != 1 {
				t.Errorf("health %+v %v", h, err)
			}
		})
	}
}
