package story

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// partition describes an assignment as sorted groups of document ids, so
// that two runs can be compared whatever their event ids.
func partition(docs []Doc, as []Assignment) string {
	by := map[int64][]int64{}
	for i, a := range as {
		by[a.Event] = append(by[a.Event], docs[i].ID)
	}
	var groups []string
	for _, ids := range by {
		slices.Sort(ids)
		groups = append(groups, fmt.Sprint(ids))
	}
	slices.Sort(groups)
	return strings.Join(groups, " ")
}

func TestAddBatchGroupsEventsInAnyOrder(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	docs := inventedDocs(t0)
	want := ""
	for seed := uint64(1); seed <= 6; seed++ {
		in := slices.Clone(docs)
		rand.New(rand.NewPCG(seed, 7)).Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		c := NewClusterer(Config{})
		as := c.AddBatch(in)
		if len(as) != len(in) {
			t.Fatalf("%d assignments for %d docs", len(as), len(in))
		}
		got := partition(in, as)
		if want == "" {
			want = got
			// the interleaved invented events: ids k, k+3, k+6 belong together
			for e := int64(1); e <= 3; e++ {
				g := fmt.Sprint([]int64{e, e + 3, e + 6})
				if !strings.Contains(got, g) {
					t.Errorf("event %s not recovered: %s", g, got)
				}
			}
		} else if got != want {
			t.Errorf("order %d: %s, first order gave %s", seed, got, want)
		}
		for i, a := range as {
			if a.Event < 1 || a.Storyline < 1 {
				t.Errorf("doc %d: event %d storyline %d", in[i].ID, a.Event, a.Storyline)
			}
			if r := c.Resolve(a.Event); r != a.Event {
				t.Errorf("doc %d: assignment to merged event %d (now %d)", in[i].ID, a.Event, r)
			}
		}
	}
}

func TestAddBatchJoinsEarlierEvents(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	docs := inventedDocs(t0)
	c := NewClusterer(Config{})
	first := c.AddBatch(docs[:3]) // one article of each event
	second := c.AddBatch(docs[3:])
	for i, a := range second {
		want := c.Resolve(first[i%3].Event)
		if a.Event != want {
			t.Errorf("doc %d: event %d, want the earlier batch's %d", docs[3+i].ID, a.Event, want)
		}
		if a.NewEvent {
			t.Errorf("doc %d founded an event", docs[3+i].ID)
		}
	}
}

func TestAddBatchOfOneIsAdd(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	a, b := NewClusterer(Config{}), NewClusterer(Config{})
	for _, d := range inventedDocs(t0) {
		x, y := a.Add(d), b.AddBatch([]Doc{d})[0]
		if x != y {
			t.Errorf("doc %d: Add %+v, AddBatch %+v", d.ID, x, y)
		}
	}
}

func TestAddBatchTimeGap(t *testing.T) {
	ev := inventedEvents[0]
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	c := NewClusterer(Config{})
	as := c.AddBatch([]Doc{
		{ID: 1, Title: ev.title[0], Text: ev.body[0], Published: t0},
		{ID: 2, Title: ev.title[1], Text: ev.body[1], Published: t0.Add(10 * 24 * time.Hour)},
	})
	if as[0].Event == as[1].Event {
		t.Errorf("articles ten days apart share event %d", as[0].Event)
	}
}

func TestAverageLink(t *testing.T) {
	cases := []struct {
		name string
		sim  [][]float64
		th   float64
		want string
	}{
		{"two pairs", [][]float64{
			{0, .9, .1, .1},
			{.9, 0, .1, .1},
			{.1, .1, 0, .8},
			{.1, .1, .8, 0},
		}, .5, "[0 1] [2 3]"},
		{"chain broken by the average", [][]float64{
			{0, .9, .2},
			{.9, 0, .6},
			{.2, .6, 0},
		}, .5, "[0 1] [2]"},
		{"threshold above all", [][]float64{
			{0, .3},
			{.3, 0},
		}, .5, "[0] [1]"},
		{"one", [][]float64{{0}}, .5, "[0]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := averageLink(tc.sim, tc.th)
			var parts []string
			for _, g := range gs {
				slices.Sort(g)
				parts = append(parts, fmt.Sprint(g))
			}
			slices.Sort(parts)
			if got := strings.Join(parts, " "); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestAddBatchOfWireCopies(t *testing.T) {
	ev := inventedEvents[1]
	var docs []Doc
	for i := 0; i < 150; i++ {
		docs = append(docs, Doc{ID: int64(i + 1), Outlet: fmt.Sprintf("outlet%d", i),
			Title: ev.title[i%3], Text: ev.body[i%3]})
	}
	c := NewClusterer(Config{})
	as := c.AddBatch(docs)
	for i, a := range as {
		if a.Event != as[0].Event {
			t.Fatalf("copy %d in event %d, the first in %d", i+1, a.Event, as[0].Event)
		}
	}
	dups := 0
	for _, a := range as {
		if a.DuplicateOf != 0 {
			dups++
		}
	}
	if dups < 140 {
		t.Errorf("%d of 150 copies marked near-duplicates", dups)
	}
}
