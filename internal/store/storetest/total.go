package storetest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// The story list's total of every story (kept by the stores, not
// counted per request) stays the number of stories listed: after stories
// are created, re-written by a corpus stage resumed over a run it had
// stored, merged away (again, when a resumed run repeats a merge), and
// not changed by a run the store refuses.
func testStoryTotal(t *testing.T, s store.Store) {
	check := func(when string, want int) {
		t.Helper()
		p, err := s.StoryList(ctx, view.Query{})
		if err != nil {
			t.Fatal(err)
		}
		// the stories themselves, page by page
		var listed int
		for off := 0; ; off += 2 {
			q, err := s.StoryList(ctx, view.Query{Limit: 2, Offset: off, Sort: "biggest"})
			if err != nil {
				t.Fatal(err)
			}
			listed += len(q.Items)
			if len(q.Items) < 2 {
				break
			}
		}
		// a filtered list still counts: every story has a member
		f, err := s.StoryList(ctx, view.Query{MinCount: 1})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != want || listed != want || f.Total != want {
			t.Errorf("%s: total %d, %d listed, %d counted with a filter; want %d", when, p.Total, listed, f.Total, want)
		}
	}
	check("empty store", 0)
	var items []store.Item
	for i := range 8 {
		items = append(items, item(fmt.Sprint("t", i), "", fmt.Sprint("raw ", i), fmt.Sprint("Title ", i), fmt.Sprint("text number ", i)))
	}
	res := put(t, s, items...)
	a := func(i int) int64 { return res[i].ID }
	story := func(ev int64, arts ...int) ([]store.Assignment, store.EventRecord) {
		var as []store.Assignment
		for _, i := range arts {
			as = append(as, store.Assignment{Article: a(i), Event: ev, Storyline: ev})
		}
		return as, store.EventRecord{ID: ev, Storyline: ev}
	}
	run := func(after, last int64, merges map[int64]int64, stories ...[]int) *store.Derived {
		d := &store.Derived{EventMerges: merges, After: after, LastArticle: last}
		for _, st := range stories {
			as, ev := story(int64(st[0]), st[1:]...)
			d.Assignments = append(d.Assignments, as...)
			d.Events = append(d.Events, ev)
		}
		return d
	}
	// stories 1, 2, 3 from articles 0-3
	first := run(0, a(3), nil, []int{1, 0}, []int{2, 1, 2}, []int{3, 3})
	putDerived(t, s, first)
	check("three stories", 3)
	// the next run: article 4 joins story 2 (re-written), 5 starts story 4
	second := run(a(3), a(5), nil, []int{2, 1, 2, 4}, []int{4, 5})
	putDerived(t, s, second)
	check("a story re-written and one created", 4)
	// a run computed from a stale position is refused and counts nothing
	stale := run(a(3), a(7), nil, []int{5, 6}, []int{6, 7})
	if err := s.PutDerived(ctx, stale); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale run: %v, want ErrConflict", err)
	}
	check("a refused run", 4)
	// a corpus stage resumed after its last run was stored (it crashed
	// before hearing so) computes it again from the stored position:
	// the same stories, written again with no article taken in
	again := run(a(5), a(5), nil, []int{2, 1, 2, 4}, []int{4, 5})
	putDerived(t, s, again)
	check("a resumed run re-writing its stories", 4)
	// merges: 3 into 1, 4 into 2, and a new story 5 in the same run
	merge := run(a(5), a(6), map[int64]int64{3: 1, 4: 2}, []int{1, 0, 3}, []int{2, 1, 2, 4, 5}, []int{5, 6})
	putDerived(t, s, merge)
	check("two stories merged away, one created", 3)
	// the merge repeated by a resumed run: the stories merged away are
	// gone already
	repeat := run(a(6), a(6), map[int64]int64{3: 1, 4: 2}, []int{1, 0, 3}, []int{2, 1, 2, 4, 5})
	putDerived(t, s, repeat)
	check("a merge repeated", 3)
	// a story merged away, and its id used again by the next run (ids
	// are the clusterer's: a merged id may come back)
	putDerived(t, s, run(a(6), a(6), map[int64]int64{5: 1}, []int{1, 0, 3, 6}))
	check("a third story merged away", 2)
	putDerived(t, s, run(a(6), a(7), nil, []int{5, 7}))
	check("a merged id used again", 3)
}
