package sqlite

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// pagesDB stores n articles of one story (5), each naming "Ailsa Brodie"
// (actor 1) and, from the third on, "the harbour chair" (a role noun for
// her) and Glasgow; article 1 also names actor 2, and an article of
// another story (6) names actor 1 too.
func pagesDB(t *testing.T, n int) (*DB, []int64) {
	t.Helper()
	ctx := context.Background()
	db, _ := openTemp(t)
	const text = "Ailsa Brodie spoke. The harbour chair said Glasgow agreed."
	var items []store.Item
	for i := 0; i <= n; i++ {
		it := item(fmt.Sprint("d", i), fmt.Sprint("https://example.org/", i), fmt.Sprint("raw", i), "T", fmt.Sprint(text, " ", i))
		it.Article.Outlet = []string{"Wire A", "Wire B, Agency C", "Wire A"}[i%3]
		it.Analysis = &analyse.Annotation{
			Sentences: []analyse.Span{{Start: 0, End: 19}, {Start: 20, End: 58}},
			Places:    []analyse.Place{{Span: analyse.Span{Start: 43, End: 50}, Sentence: 1, Name: "Glasgow", GeonamesID: 2648579, Country: "GB"}},
		}
		items = append(items, it)
	}
	res, err := db.Put(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	d := &store.Derived{
		Actors: []store.ActorRecord{{ID: 1, Name: "Ailsa Brodie", Type: "person", Aliases: []string{"Brodie"}, Mentions: 40}, {ID: 2, Name: "Port Authority", Type: "government", Mentions: 3}},
	}
	for i, r := range res {
		ev := int64(5)
		if i == n {
			ev = 6
		} else {
			ids = append(ids, r.ID)
		}
		d.Assignments = append(d.Assignments, store.Assignment{Article: r.ID, Event: ev, Storyline: ev})
		d.Refs = append(d.Refs, store.ActorRef{Article: r.ID, Actor: 1, Sentence: 0, Start: 0, End: 12, Kind: "name"})
		if i >= 2 {
			d.Refs = append(d.Refs, store.ActorRef{Article: r.ID, Actor: 1, Sentence: 1, Start: 20, End: 37, Kind: "role"})
		}
		if i == 0 {
			d.Refs = append(d.Refs, store.ActorRef{Article: r.ID, Actor: 2, Sentence: 1, Start: 20, End: 37, Kind: "name"})
		}
	}
	d.Events = []store.EventRecord{{ID: 5, Storyline: 5}, {ID: 6, Storyline: 6}}
	if err := db.PutDerived(ctx, d); err != nil {
		t.Fatal(err)
	}
	return db, ids
}

func TestStoryActorsScoped(t *testing.T) {
	ctx := context.Background()
	db, ids := pagesDB(t, 4)
	acts, err := db.StoryActors(ctx, 5, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(acts) != 2 || acts[0].ID != 1 || acts[1].ID != 2 {
		t.Fatalf("actors %+v", acts)
	}
	a := acts[0]
	// only the story's articles, not the other story's; refs counted in the story
	if !reflect.DeepEqual(a.Articles, ids) || a.StoryMentions != 4+2 {
		t.Errorf("articles %v (want %v), story mentions %d", a.Articles, ids, a.StoryMentions)
	}
	if want := []string{"Wire A", "Wire B", "Agency C"}; !reflect.DeepEqual(a.Outlets, want) {
		t.Errorf("outlets %q, want %q", a.Outlets, want)
	}
	if want := []string{"Brodie", "The harbour chair"}; !reflect.DeepEqual(a.Aliases, want) {
		t.Errorf("aliases %q, want %q", a.Aliases, want)
	}
	// the read API's listing, for the same story, agrees on who and in what order
	list, err := db.ActorList(ctx, viewQueryStory(5))
	if err != nil || len(list.Items) != 2 || list.Items[0].ID != 1 || list.Items[1].ID != 2 {
		t.Fatalf("ActorList %+v %v", list.Items, err)
	}
	names, err := db.ActorNames(ctx, ids[:2], 10)
	if err != nil || !reflect.DeepEqual(names[ids[0]], []string{"Ailsa Brodie", "Port Authority"}) || !reflect.DeepEqual(names[ids[1]], []string{"Ailsa Brodie"}) {
		t.Fatalf("ActorNames %v %v", names, err)
	}
	pl, err := db.StoryPlaces(ctx, 5, 10)
	if err != nil || len(pl) != 1 || pl[0].Mentions != 4 || !reflect.DeepEqual(pl[0].Articles, ids) || pl[0].Stories != nil {
		t.Fatalf("places %+v %v", pl, err)
	}
}

// TestStoryListsCapped: a story's lists are drawn from its newest
// maxScoped members.
func TestStoryListsCapped(t *testing.T) {
	ctx := context.Background()
	db, ids := pagesDB(t, 6)
	defer func(n int) { maxScoped = n }(maxScoped)
	maxScoped = 3
	acts, err := db.StoryActors(ctx, 5, 10)
	if err != nil || len(acts) != 1 || !reflect.DeepEqual(acts[0].Articles, ids[3:]) || acts[0].StoryMentions != 6 {
		t.Fatalf("actors %+v %v", acts, err)
	}
	pl, err := db.StoryPlaces(ctx, 5, 10)
	if err != nil || len(pl) != 1 || pl[0].Mentions != 3 {
		t.Fatalf("places %+v %v", pl, err)
	}
}

// TestPageQueriesUseIndexes: every read behind composing a story page
// reaches its rows through an index, never by scanning a table whose size
// is the corpus's.
func TestPageQueriesUseIndexes(t *testing.T) {
	ctx := context.Background()
	db, _ := pagesDB(t, 4)
	queries := map[string][]any{
		storyRefsQuery:      {5, 10},
		storyPlacesQuery:    {5, 10, 10},
		storyTopActorsQuery: {5, 10},
		actorNamesQuery(3):  {1, 2, 3},
		actorRowsQuery(2):   {1, 2},
		"SELECT " + storyCols + " FROM events e WHERE e.id = ?": {5},
	}
	for q, args := range queries {
		rows, err := db.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, step := range plan {
			// SCAN of a subquery's result (st: a story's members; ar: a
			// few articles' actors) is fine; of a table, not
			if f := strings.Fields(step); len(f) >= 2 && f[0] == "SCAN" && f[1] != "st" && f[1] != "ar" && !strings.HasPrefix(f[1], "(subquery") {
				t.Errorf("query scans a table (%s):\n%s\nplan: %q", step, q, plan)
			}
		}
	}
}

func viewQueryStory(id int64) view.Query { return view.Query{Story: id, Limit: 10} }
