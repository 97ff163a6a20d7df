package storetest

import (
	"bytes"
	"errors"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// The corpus stages' position and state: LastDerived, State, and the
// refusal of a run computed from a stale position.
func testCorpusState(t *testing.T, s store.Store) {
	if n, err := s.LastDerived(ctx); n != 0 || err != nil {
		t.Fatalf("LastDerived of an empty store = %d, %v", n, err)
	}
	if b, err := s.State(ctx, "clusterer"); b != nil || err != nil {
		t.Fatalf("State of a missing name = %q, %v; want nil", b, err)
	}
	res := put(t, s, item("a", "", "a", "T", "one"), item("b", "", "b", "T", "two"), item("c", "", "c", "T", "three"))
	blob := []byte{0, 1, 2, 0xff}
	putDerived(t, s, &store.Derived{State: map[string][]byte{"clusterer": blob, "registry": []byte("r1")}, LastArticle: res[1].ID})
	if n, _ := s.LastDerived(ctx); n != res[1].ID {
		t.Errorf("LastDerived = %d, want %d", n, res[1].ID)
	}
	if b, _ := s.State(ctx, "clusterer"); !bytes.Equal(b, blob) {
		t.Errorf("State = %v, want %v", b, blob)
	}
	// a run computed from position 0 while the stages are at res[1]
	err := s.PutDerived(ctx, &store.Derived{State: map[string][]byte{"registry": []byte("stale")}, LastArticle: res[2].ID, After: 0})
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale run: %v, want ErrConflict", err)
	}
	if b, _ := s.State(ctx, "registry"); string(b) != "r1" {
		t.Errorf("a refused run changed the state: %q", b)
	}
	putDerived(t, s, &store.Derived{State: map[string][]byte{"registry": []byte("r2")}, LastArticle: res[2].ID, After: res[1].ID})
	if n, _ := s.LastDerived(ctx); n != res[2].ID {
		t.Errorf("LastDerived = %d, want %d", n, res[2].ID)
	}
	// state alone (no articles taken in) is never refused
	putDerived(t, s, &store.Derived{State: map[string][]byte{"server.watchlists": []byte("{}")}})
	if b, _ := s.State(ctx, "registry"); string(b) != "r2" {
		t.Errorf("State = %q, want r2", b)
	}
	if n, _ := s.LastDerived(ctx); n != res[2].ID {
		t.Errorf("LastDerived after a state-only run = %d", n)
	}
}

// A state's change log: changes appended with the results of a run come
// back in order after the whole value, a refused run appends nothing,
// and writing the whole value again empties the log (of that name only).
func testCorpusStateLog(t *testing.T, s store.Store) {
	log := func(name string) [][]byte {
		t.Helper()
		l, err := s.StateLog(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	if l := log("clusterer"); l != nil {
		t.Fatalf("log of a missing name = %q, want nil", l)
	}
	res := put(t, s, item("a", "", "a", "T", "one"), item("b", "", "b", "T", "two"), item("c", "", "c", "T", "three"))
	putDerived(t, s, &store.Derived{State: map[string][]byte{"clusterer": []byte("base"), "registry": []byte("r")},
		StateLog: map[string][]byte{"registry": {0, 1, 0xff}}, LastArticle: res[0].ID})
	putDerived(t, s, &store.Derived{StateLog: map[string][]byte{"clusterer": []byte("c1"), "registry": []byte("r2")},
		LastArticle: res[1].ID, After: res[0].ID})
	putDerived(t, s, &store.Derived{StateLog: map[string][]byte{"clusterer": {}}, LastArticle: res[1].ID, After: res[1].ID})
	if l := log("clusterer"); len(l) != 2 || string(l[0]) != "c1" || len(l[1]) != 0 {
		t.Errorf("clusterer log = %q, want c1 and an empty change", l)
	}
	if l := log("registry"); len(l) != 2 || !bytes.Equal(l[0], []byte{0, 1, 0xff}) || string(l[1]) != "r2" {
		t.Errorf("registry log = %q", l)
	}
	err := s.PutDerived(ctx, &store.Derived{StateLog: map[string][]byte{"clusterer": []byte("stale")}, LastArticle: res[2].ID, After: 0})
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale run: %v, want ErrConflict", err)
	}
	if l := log("clusterer"); len(l) != 2 {
		t.Errorf("a refused run changed the log: %q", l)
	}
	// compaction: the whole value, and a change after it in the same run
	putDerived(t, s, &store.Derived{State: map[string][]byte{"clusterer": []byte("whole")}, StateLog: map[string][]byte{"clusterer": []byte("c3")},
		LastArticle: res[2].ID, After: res[1].ID})
	if b, _ := s.State(ctx, "clusterer"); string(b) != "whole" {
		t.Errorf("State = %q, want whole", b)
	}
	if l := log("clusterer"); len(l) != 1 || string(l[0]) != "c3" {
		t.Errorf("clusterer log after compaction = %q, want c3", l)
	}
	if l := log("registry"); len(l) != 2 {
		t.Errorf("compacting another state emptied the registry's log: %q", l)
	}
}

// Merges and moves: events merged away hand their members over, storylines
// move, actors folded into others hand over their references; counts,
// outlets and dates follow the members.
func testCorpusMerges(t *testing.T, s store.Store) {
	w := newWorld(t, s)
	st, err := s.StoryByID(ctx, ferryStory)
	if err != nil {
		t.Fatal(err)
	}
	if !eq(st.Articles, []int64{w.a[1], w.a[2], w.a[5]}) || st.Headline != "Ferries face a stormy week" || st.Storyline != ferryLine {
		t.Errorf("ferry story = %+v", st)
	}
	if !eq(st.Outlets, []string{"Wire A", "Wire B", "Wire C"}) && !sameSet(st.Outlets, []string{"Wire A", "Wire B", "Wire C"}) {
		t.Errorf("ferry story outlets = %v", st.Outlets)
	}
	if st.FirstSeen == nil || !st.FirstSeen.Equal(w5Pub) || st.LastSeen == nil || !st.LastSeen.Equal(day(2)) {
		t.Errorf("ferry story seen %v – %v", st.FirstSeen, st.LastSeen)
	}
	// merge the storm story into the ferry story, in a new storyline
	putDerived(t, s, &store.Derived{
		EventMerges:    map[int64]int64{stormStory: ferryStory},
		StorylineMoves: map[int64]int64{ferryStory: 300},
		Events:         []store.EventRecord{{ID: ferryStory, Storyline: 300, Headline: "Ferries and storms"}},
		ActorMerges:    map[int64]int64{authority: brodie},
		After:          w.a[5], LastArticle: w.a[5],
	})
	if _, err := s.StoryByID(ctx, stormStory); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("merged story: %v, want ErrNotFound", err)
	}
	st, _ = s.StoryByID(ctx, ferryStory)
	if !eq(st.Articles, []int64{w.a[1], w.a[2], w.a[3], w.a[4], w.a[5]}) || st.Headline != "Ferries and storms" || st.Storyline != 300 {
		t.Errorf("merged story = %+v", st)
	}
	if st.LastSeen == nil || !st.LastSeen.Equal(day(5)) {
		t.Errorf("merged story last seen %v, want %v", st.LastSeen, day(5))
	}
	if p, _ := s.StoryList(ctx, view.Query{}); p.Total != 1 {
		t.Errorf("stories after the merge: %d", p.Total)
	}
	if list, _ := s.ArticleList(ctx, view.Query{Story: ferryStory}); list.Total != 5 {
		t.Errorf("articles of the merged story: %d", list.Total)
	}
	if _, err := s.FindActor(ctx, str(authority)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("folded actor: %v, want ErrNotFound", err)
	}
	a, err := s.FindActor(ctx, "Ailsa Brodie")
	if err != nil {
		t.Fatal(err)
	}
	if !eq(a.Articles, []int64{w.a[1], w.a[2]}) {
		t.Errorf("surviving actor's articles %v", a.Articles)
	}
	if p, _ := s.ActorList(ctx, view.Query{}); p.Total != 1 {
		t.Errorf("actors after the merge: %d", p.Total)
	}
}

// Story pages are stored and read back; a story's listing has its top
// actors and places once composed (nil before).
func testStoryPageStore(t *testing.T, s store.Store) {
	newWorld(t, s)
	if b, err := s.StoryPage(ctx, ferryStory); b != nil || err != nil {
		t.Errorf("page of an uncomposed story = %q, %v; want nil", b, err)
	}
	if _, err := s.StoryPage(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("page of a missing story: %v, want ErrNotFound", err)
	}
	st, _ := s.StoryByID(ctx, ferryStory)
	if st.Actors != nil || st.Places != nil {
		t.Errorf("uncomposed story lists actors %v places %v", st.Actors, st.Places)
	}
	page := []byte(`{"id":10,"headline":"Ferry"}`)
	if err := s.PutStoryPages(ctx, []store.StoryPage{{ID: ferryStory, Page: page, TopActors: []string{"Ailsa Brodie"}, TopPlaces: nil}}); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.StoryPage(ctx, ferryStory); !bytes.Equal(b, page) {
		t.Errorf("StoryPage = %s", b)
	}
	st, _ = s.StoryByID(ctx, ferryStory)
	if !eq(st.Actors, []string{"Ailsa Brodie"}) || st.Places == nil || len(st.Places) != 0 {
		t.Errorf("composed story lists actors %v places %v", st.Actors, st.Places)
	}
	page2 := []byte(`{"id":10,"headline":"Ferry again"}`)
	if err := s.PutStoryPages(ctx, []store.StoryPage{{ID: ferryStory, Page: page2}}); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.StoryPage(ctx, ferryStory); !bytes.Equal(b, page2) {
		t.Errorf("StoryPage after replacing = %s", b)
	}
	// a page left to be composed when read: the listing's names are
	// stored, the page stored before is gone (not left stale)
	if err := s.PutStoryPages(ctx, []store.StoryPage{{ID: ferryStory, TopActors: []string{"Ailsa Brodie", "Calum Reid"}, TopPlaces: []string{"Oban"}}}); err != nil {
		t.Fatal(err)
	}
	if b, err := s.StoryPage(ctx, ferryStory); b != nil || err != nil {
		t.Errorf("page left to be composed when read = %q, %v; want nil", b, err)
	}
	st, _ = s.StoryByID(ctx, ferryStory)
	if !eq(st.Actors, []string{"Ailsa Brodie", "Calum Reid"}) || !eq(st.Places, []string{"Oban"}) {
		t.Errorf("story left to be composed when read lists actors %v places %v", st.Actors, st.Places)
	}
	if err := s.PutStoryPages(ctx, []store.StoryPage{{ID: ferryStory, Page: page2}}); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.StoryPage(ctx, ferryStory); !bytes.Equal(b, page2) {
		t.Errorf("StoryPage stored again = %s", b)
	}
	// several stories in one call, each given twice: the last of each is
	// stored, as when the pages are written in turn
	if err := s.PutStoryPages(ctx, []store.StoryPage{{ID: stormStory, Page: page}, {ID: ferryStory, TopActors: []string{"Ailsa Brodie"}},
		{ID: stormStory, TopActors: []string{"Storm Desk"}, TopPlaces: []string{"Oban"}}, {ID: ferryStory, Page: page2, TopActors: []string{"Calum Reid"}}}); err != nil {
		t.Fatal(err)
	}
	if b, err := s.StoryPage(ctx, stormStory); b != nil || err != nil {
		t.Errorf("storm page given last without one = %q, %v; want nil", b, err)
	}
	if b, _ := s.StoryPage(ctx, ferryStory); !bytes.Equal(b, page2) {
		t.Errorf("ferry page given last = %s", b)
	}
	if st, _ := s.StoryByID(ctx, stormStory); !eq(st.Actors, []string{"Storm Desk"}) || !eq(st.Places, []string{"Oban"}) {
		t.Errorf("storm listing given last lists actors %v places %v", st.Actors, st.Places)
	}
	if st, _ := s.StoryByID(ctx, ferryStory); !eq(st.Actors, []string{"Calum Reid"}) || st.Places == nil || len(st.Places) != 0 {
		t.Errorf("ferry listing given last lists actors %v places %v", st.Actors, st.Places)
	}
	// a merged story's page goes with it
	if err := s.PutStoryPages(ctx, []store.StoryPage{{ID: stormStory, Page: page}}); err != nil {
		t.Fatal(err)
	}
	last, _ := s.LastDerived(ctx)
	putDerived(t, s, &store.Derived{EventMerges: map[int64]int64{stormStory: ferryStory}, Events: []store.EventRecord{{ID: ferryStory, Storyline: ferryLine}}, After: last, LastArticle: last})
	if _, err := s.StoryPage(ctx, stormStory); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("page of a merged story: %v", err)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}
