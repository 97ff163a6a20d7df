package postgres

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// TestSpeakers: the speakers of one PutDerived go in as one statement;
// a quote named twice keeps the last speaker named, quotes not named
// keep theirs, and a speaker folded into another by the same run ends
// up as the survivor.
func TestSpeakers(t *testing.T) {
	ctx := context.Background()
	db := openFresh(t)
	text := `The minister said the bridge would reopen. A spokesman said the road was closed. Officials said nothing.`
	quote := func(content string) analyse.Quote {
		i := strings.Index(text, content)
		return analyse.Quote{Span: analyse.Span{Start: i, End: i + len(content)}, Kind: "indirect", Confidence: 0.9}
	}
	an := &analyse.Annotation{Status: "full", Sentences: []analyse.Span{{Start: 0, End: len(text)}},
		Quotes: []analyse.Quote{quote("the bridge would reopen"), quote("the road was closed"), quote("nothing")}}
	res, err := db.Put(ctx, []store.Item{{Raw: store.Raw{Origin: "speakers", MediaType: "text/plain", Body: []byte(text)},
		Article: clean.Article{Title: "Bridge", Text: text}, Analysis: an}})
	if err != nil {
		t.Fatal(err)
	}
	id := res[0].ID
	q := an.Quotes
	tx := func(d *store.Derived) {
		t.Helper()
		if err := db.PutDerived(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	tx(&store.Derived{Speakers: []store.SpeakerRef{{Article: id, Actor: 7, Start: q[2].Start}}})
	tx(&store.Derived{Speakers: []store.SpeakerRef{
		{Article: id, Actor: 1, Start: q[0].Start},
		{Article: id, Actor: 2, Start: q[0].Start}, // named again: the last wins
		{Article: id, Actor: 3, Start: q[1].Start},
	}, ActorMerges: map[int64]int64{3: 4}})
	p, err := db.QuoteList(ctx, view.Query{Article: id})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]int64{q[0].Start: 2, q[1].Start: 4, q[2].Start: 7}
	if len(p.Items) != len(want) {
		t.Fatalf("%d quotes, want %d", len(p.Items), len(want))
	}
	for _, x := range p.Items {
		if x.SpeakerActor != want[x.Span.Start] {
			t.Errorf("quote at %d: speaker %d, want %d", x.Span.Start, x.SpeakerActor, want[x.Span.Start])
		}
	}
}
