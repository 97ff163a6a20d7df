package story

import (
	"fmt"
	"testing"
	"time"
)

// TestStorylineKeepsSalientEntities: a new event that shares its most
// mentioned actors and places with a storyline joins it, however many
// passing mentions it also has (a one-article event's profile must keep
// its salient entities, not an arbitrary few of equal weight).
func TestStorylineKeepsSalientEntities(t *testing.T) {
	c := NewClusterer(Config{})
	addBackground(c, 60)
	day := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	many := []int{0, 1, 2, 3, 4, 5}
	mk := func(id int64, at time.Time, title, text string, extra int) Doc {
		d := Doc{ID: id, Published: at, Title: title, Text: text,
			Actors: []Ref{{Key: "harbour authority", Sentences: many}, {Key: "ailsa brodie", Sentences: many}},
			Places: []Ref{{Key: "port ellen", Sentences: many}}}
		for i := 0; i < extra; i++ {
			d.Actors = append(d.Actors, Ref{Key: fmt.Sprintf("passer-by %d", id*100+int64(i)), Sentences: []int{i % 6}})
		}
		return d
	}
	a := c.Add(mk(1, day, "Harbour authority votes on night ferries", "The harbour authority of Port Ellen voted on a trial of night ferries. Its chair Ailsa Brodie said fishermen were heard.", 0))
	c.Add(mk(2, day.Add(2*time.Hour), "Night ferries approved", "Night ferries were approved by the harbour authority of Port Ellen, chair Ailsa Brodie said.", 0))
	// Ten days later, a different development of the same story, with
	// many one-off names.
	b := c.Add(mk(3, day.Add(240*time.Hour), "First night ferry sails amid protest", "The first night ferry left Port Ellen as fishermen protested on the quay. Ailsa Brodie of the harbour authority watched the departure with crew, councillors and residents.", 100))
	if b.Event == a.Event {
		t.Fatalf("ten days later should be a new event: %+v", b)
	}
	if c.Storyline(b.Event) != c.Storyline(a.Event) {
		t.Errorf("new event in storyline %d, want %d", c.Storyline(b.Event), c.Storyline(a.Event))
	}
}
