package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/corpusgen"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
	"github.com/sitrep/sitrep/internal/view"
	"github.com/sitrep/sitrep/internal/view/storeview"
)

// readModelOnly hides a store's story-scoped reads, so pages are composed
// with the read API's list queries, as before those reads existed.
type readModelOnly struct{ store.Store }

// polnearDB stores n PolNeAR articles, each three times a day apart under
// different outlets (so stories have several members and outlets), and
// runs the corpus stage over them.
func polnearDB(t testing.TB, n int) *sqlite.DB {
	t.Helper()
	dir := corpusgen.FindEval()
	srcs, err := corpusgen.LoadPolNeAR(dir)
	if dir == "" || err != nil {
		t.Skipf("no PolNeAR texts in ../shared/eval: %v", err)
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	an := analyse.New()
	var items []store.Item
	for rep := 0; rep < 3; rep++ {
		for i, s := range srcs[:n] {
			if rep == 2 && i%3 == 0 {
				continue // stories of different sizes
			}
			pub := s.Published.Add(time.Duration(rep) * 24 * time.Hour)
			a := clean.Article{Title: s.Title, Text: s.Text, Outlet: []string{s.Outlet, "Wire A", "Wire B, Agency C"}[rep], Published: pub, Language: "en",
				URL: "https://example.com/" + s.ID + "/" + string(rune('a'+rep))}
			x := an.Annotate(analyse.Input{Text: a.Text, Published: pub})
			items = append(items, store.Item{Raw: store.Raw{Origin: a.URL, URL: a.URL, MediaType: "text/plain", Body: []byte(a.URL + a.Text)}, Article: a, Analysis: &x})
		}
	}
	if _, err := db.Put(ctx, items); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(ctx, db, Options{Batch: 25}); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestComposeScopedEqualsReadModel composes every story both ways — with
// the store's story-scoped reads and with the read API's lists — and
// checks the pages agree, except for what the scoped page leaves out on
// purpose: actors' articles and outlets outside the story, role nouns used
// for an actor only outside it, and the stories naming each place.
func TestComposeScopedEqualsReadModel(t *testing.T) {
	db := polnearDB(t, 24)
	ctx := context.Background()
	stories, err := db.StoryList(ctx, view.Query{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if stories.Total < 10 {
		t.Fatalf("only %d stories", stories.Total)
	}
	r := storeview.New(readModelOnly{db})
	r.Compose = Compose
	multi, withActors := 0, 0
	for _, sum := range stories.Items {
		want, err := r.Live(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := composeStory(ctx, db, db, newDocCache(), sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Articles) > 1 {
			multi++
		}
		if len(got.Actors) > 0 {
			withActors++
		}
		members := map[int64]string{}
		for _, m := range want.Members {
			members[m.ID] = m.Outlet
		}
		for i := range want.Actors {
			a := &want.Actors[i].Actor
			var arts []int64
			var outlets []string
			for _, id := range a.Articles {
				if o, ok := members[id]; ok {
					arts = append(arts, id)
					outlets = append(outlets, o)
				}
			}
			a.Articles = arts
			if i < len(got.Actors) {
				g := got.Actors[i]
				if g.StoryMentions <= 0 {
					t.Errorf("story %d actor %s: %d story mentions", sum.ID, g.Name, g.StoryMentions)
				}
				// outlets in article order, each once
				seen := map[string]bool{}
				a.Outlets = []string{}
				for _, o := range g.Outlets {
					seen[o] = true
				}
				for _, o := range outlets {
					for _, x := range splitOutlets(o) {
						if seen[x] && !contains(a.Outlets, x) {
							a.Outlets = append(a.Outlets, x)
						}
					}
				}
				for _, x := range g.Aliases {
					if !contains(a.Aliases, x) {
						t.Errorf("story %d actor %s: alias %q not among the read model's %q", sum.ID, g.Name, x, a.Aliases)
					}
				}
				a.Aliases = g.Aliases
				got.Actors[i].StoryMentions = 0
			}
		}
		for i := range want.Places {
			want.Places[i].Stories = nil
		}
		wj, _ := json.MarshalIndent(want, "", " ")
		gj, _ := json.MarshalIndent(got, "", " ")
		if !reflect.DeepEqual(wj, gj) {
			t.Fatalf("story %d: scoped page differs from the read model's:\nwant %s\ngot  %s", sum.ID, wj, gj)
		}
	}
	t.Logf("%d stories compared, %d with several members, %d with actors", len(stories.Items), multi, withActors)
	if multi == 0 || withActors == 0 {
		t.Fatalf("nothing compared: %d stories with several members, %d with actors", multi, withActors)
	}
}

func splitOutlets(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// TestLazyPagesEqualComposed checks the pages left to be composed when read
// (stories of at most lazyMembers articles): none is stored, the story's
// listing names the actors and places its page names first, and the page a
// reader gets (storeview.Reader with Page = ComposeStory) is byte for byte
// the page the corpus stage composes — for every story, stored or not.
func TestLazyPagesEqualComposed(t *testing.T) {
	db := polnearDB(t, 24)
	ctx := context.Background()
	// a few stories of one article: texts of their own, stored after
	srcs, _ := corpusgen.LoadPolNeAR(corpusgen.FindEval())
	an := analyse.New()
	var items []store.Item
	for _, s := range srcs[40:46] {
		pub := s.Published.Add(400 * 24 * time.Hour)
		a := clean.Article{Title: s.Title, Text: s.Text, Outlet: s.Outlet, Published: pub, Language: "en", URL: "https://example.com/" + s.ID + "/solo"}
		x := an.Annotate(analyse.Input{Text: a.Text, Published: pub})
		items = append(items, store.Item{Raw: store.Raw{Origin: a.URL, URL: a.URL, MediaType: "text/plain", Body: []byte(a.URL + a.Text)}, Article: a, Analysis: &x})
	}
	if _, err := db.Put(ctx, items); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(ctx, db, Options{Batch: 4}); err != nil {
		t.Fatal(err)
	}
	stories, err := db.StoryList(ctx, view.Query{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// A page is composed as of the corpus when its story last changed
	// (actors' corpus-wide mentions, aliases and roles move on): compose
	// every story again, so that stored and read pages are of one corpus.
	var ids []int64
	for _, sum := range stories.Items {
		ids = append(ids, sum.ID)
	}
	if err := composePages(ctx, db, newDocCache(), ids); err != nil {
		t.Fatal(err)
	}
	if stories, err = db.StoryList(ctx, view.Query{Limit: 1000}); err != nil {
		t.Fatal(err)
	}
	r := storeview.New(db)
	r.Compose = Compose
	r.Page = func(ctx context.Context, id int64) (*view.Story, error) { return ComposeStory(ctx, db, id) }
	lazy, stored := 0, 0
	for _, sum := range stories.Items {
		b, err := db.StoryPage(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		if (b == nil) != (len(sum.Articles) <= lazyMembers) {
			t.Errorf("story %d of %d articles: page stored %v", sum.ID, len(sum.Articles), b != nil)
		}
		want, err := composeStory(ctx, db, db, newDocCache(), sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Story(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		wj, _ := json.Marshal(want)
		gj, _ := json.Marshal(got)
		if string(wj) != string(gj) {
			t.Fatalf("story %d (%d articles, stored %v): the reader's page differs from the composed one:\nwant %s\ngot  %s", sum.ID, len(sum.Articles), b != nil, wj, gj)
		}
		// the listing names the page's first five actors and places
		wantActors, wantPlaces := []string{}, []string{}
		for i := 0; i < len(want.Actors) && i < 5; i++ {
			wantActors = append(wantActors, want.Actors[i].Name)
		}
		for i := 0; i < len(want.Places) && i < 5; i++ {
			wantPlaces = append(wantPlaces, want.Places[i].Name)
		}
		if !reflect.DeepEqual(sum.Actors, wantActors) || !reflect.DeepEqual(sum.Places, wantPlaces) {
			t.Errorf("story %d (stored %v): listing names actors %q places %q, its page %q %q", sum.ID, b != nil, sum.Actors, sum.Places, wantActors, wantPlaces)
		}
		if b == nil {
			lazy++
		} else {
			stored++
		}
	}
	t.Logf("%d stories: %d composed when read, %d stored", len(stories.Items), lazy, stored)
	if lazy == 0 || stored == 0 {
		t.Fatalf("nothing compared: %d pages composed when read, %d stored", lazy, stored)
	}
	// a missing story is not found, as with a stored page
	if _, err := r.Story(ctx, 1<<40); !errors.Is(err, view.ErrNotFound) {
		t.Errorf("a missing story: %v, want view.ErrNotFound", err)
	}
}
