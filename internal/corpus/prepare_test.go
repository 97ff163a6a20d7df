package corpus

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// TestPreparedOnlyForItsInput: a resolution prepared before storing is
// taken only for the article it was made from. Prepared with a
// publication time a second off, or for another text, the stage resolves
// the article again, and the actors are those of resolving it in the
// stage.
func TestPreparedOnlyForItsInput(t *testing.T) {
	ctx := context.Background()
	a := articles[0]
	pub := time.Date(2025, 3, 5, 9, 30, 15, 500_000_000, time.FixedZone("CET", 3600))
	art := clean.Article{Title: a.title, Text: a.text, Outlet: a.outlet, Published: pub, Language: "en"}
	an := analyse.New().Annotate(analyse.Input{Text: a.text, Published: pub})
	other := art
	other.Text = articles[1].text
	otherAn := analyse.New().Annotate(analyse.Input{Text: other.Text, Published: pub})
	later := art
	later.Published = pub.Add(time.Second)
	var want []event.ActorMention // of the article resolved in the stage
	for _, c := range []struct {
		name     string
		pre      *Prepared
		resolved int
	}{
		{"none", nil, 0},
		{"same", Prepare(&art, &an), 1},
		{"a second later", Prepare(&later, &an), 0},
		{"another text", &Prepared{an: store.AsStored(&an), parts: Prepare(&other, &otherAn).parts}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			res, err := db.Put(ctx, []store.Item{{Raw: store.Raw{Origin: a.title, MediaType: "text/plain", Body: []byte(a.text)}, Article: art, Analysis: &an}})
			if err != nil {
				t.Fatal(err)
			}
			sg, err := Open(ctx, db, Options{})
			if err != nil {
				t.Fatal(err)
			}
			sg.Offer(res[0].ID, c.pre)
			st, err := sg.Run(ctx, true)
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != 1 || st.Resolved != c.resolved {
				t.Fatalf("stats %+v, want %d resolved before", st, c.resolved)
			}
			acts, err := db.ArticleActors(ctx, res[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(acts) == 0 {
				t.Fatal("no actors")
			}
			if c.name == "none" {
				want = acts
			} else if !reflect.DeepEqual(acts, want) {
				t.Errorf("actors %+v, want %+v", acts, want)
			}
		})
	}
}
