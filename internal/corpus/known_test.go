package corpus

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// TestMain runs the package's tests with every batch's actor mentions
// made from the batch (batchActors) checked against the store's
// (verifyKnown): each test that codes events fails where they differ.
func TestMain(m *testing.M) {
	verifyKnown = true
	os.Exit(m.Run())
}

func TestBatchActors(t *testing.T) {
	ref := func(article, actor int64, start, end int) store.ActorRef {
		return store.ActorRef{Article: article, Actor: actor, Start: start, End: end, Kind: "name"}
	}
	m := func(actor int64, start, end int, name, code string) event.ActorMention {
		return event.ActorMention{Span: event.Span{Start: start, End: end}, ID: actor, Name: name, Code: code}
	}
	actors := []store.ActorRecord{
		{ID: 1, Name: "Iraq", Type: "location", Code: "IRQ"},
		{ID: 2, Name: "Mosul", Type: "location"}, // a city: left to the place stage
		{ID: 3, Name: "Ash Carter", Type: "person", Country: "USA"},
		{ID: 5, Name: "Iraqi army", Type: "organisation", Code: "IRQMIL"},
	}
	tests := []struct {
		name   string
		refs   []store.ActorRef
		merges map[int64]int64
		want   knownActors
	}{
		{"no references", nil, nil, knownActors{10: nil}},
		{"text order, cities left out, country for a code",
			[]store.ActorRef{ref(10, 3, 40, 46), ref(10, 1, 0, 4), ref(10, 2, 20, 25)}, nil,
			knownActors{10: {m(1, 0, 4, "Iraq", "IRQ"), m(3, 40, 46, "Ash Carter", "USA")}}},
		{"a merged actor's references go to its survivor",
			[]store.ActorRef{ref(10, 4, 0, 4)}, map[int64]int64{4: 5},
			knownActors{10: {m(5, 0, 4, "Iraqi army", "IRQMIL")}}},
		{"an actor with no record in the batch: read",
			[]store.ActorRef{ref(10, 1, 0, 4), ref(10, 9, 10, 14)}, nil, knownActors{}},
		{"two mentions at one start: read",
			[]store.ActorRef{ref(10, 5, 0, 10), ref(10, 1, 0, 5)}, nil, knownActors{}},
		{"the same mention twice: kept",
			[]store.ActorRef{ref(10, 1, 0, 4), ref(10, 1, 0, 4)}, nil,
			knownActors{10: {m(1, 0, 4, "Iraq", "IRQ"), m(1, 0, 4, "Iraq", "IRQ")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &store.Derived{Refs: tt.refs, Actors: actors, ActorMerges: tt.merges}
			got := batchActors(d, []int64{10})
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for id, w := range tt.want {
				g, ok := got[id]
				if !ok || len(g) != len(w) {
					t.Fatalf("article %d: got %v, want %v", id, g, w)
				}
				for i := range w {
					if g[i] != w[i] {
						t.Errorf("article %d mention %d: got %v, want %v", id, i, g[i], w[i])
					}
				}
			}
		})
	}
}
