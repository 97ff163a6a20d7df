package sqlite

import (
	"context"
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// TestElidedCopies: a quote of one part, its span, is stored without its
// parts, and a time expression without its text; both read back as they
// were given (Annotation, TimeList), as do the rows written before that
// kept them.
func TestElidedCopies(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	text := "On Monday Carter said: we will win. Barzani said on 3 May 2016 that they would, and later that they would not."
	it := item("o", "", "raw", "T", text)
	sp := func(s string) analyse.Span {
		for i := range len(text) - len(s) + 1 {
			if text[i:i+len(s)] == s {
				return analyse.Span{Start: i, End: i + len(s)}
			}
		}
		t.Fatalf("%q not in the text", s)
		return analyse.Span{}
	}
	win, would, not := sp("we will win"), sp("they would"), sp("they would not")
	quotes := []analyse.Quote{
		{Span: win, Parts: []analyse.Span{win}, Kind: "direct", Sentence: 0, Speaker: sp("Carter"), SpeakerText: "Carter", Resolved: true, Confidence: 0.5},
		{Span: analyse.Span{Start: would.Start, End: not.End}, Parts: []analyse.Span{would, not}, Kind: "indirect", Sentence: 1, Confidence: 0.25},
		{Span: not, Parts: []analyse.Span{would}, Kind: "indirect", Sentence: 1, Confidence: 0.25}, // one part, not the span
		{Span: sp("later"), Parts: []analyse.Span{}, Kind: "mixed", Sentence: 1},
		{Span: sp("Barzani"), Kind: "mixed", Sentence: 1}, // no parts
	}
	times := []analyse.Time{
		{Span: sp("Monday"), Sentence: 0, Type: "DATE", Value: "2016-05-02"},
		{Span: sp("3 May 2016"), Sentence: 1, Type: "DATE", Value: "2016-05-03", Anchored: true},
	}
	it.Analysis = &analyse.Annotation{Sentences: []analyse.Span{sp("On Monday Carter said: we will win."), sp("Barzani said on 3 May 2016 that they would, and later that they would not.")},
		Quotes: quotes, Times: times}
	res, err := db.Put(ctx, []store.Item{it})
	if err != nil {
		t.Fatal(err)
	}
	id := res[0].ID
	var elided, kept int
	db.db.QueryRowContext(ctx, `SELECT COUNT(*) FILTER (WHERE parts = ''), COUNT(*) FILTER (WHERE parts != '') FROM quotes`).Scan(&elided, &kept)
	if elided != 1 || kept != 4 {
		t.Errorf("quotes stored with parts elided %d, kept %d; want 1, 4", elided, kept)
	}
	an, err := db.Annotation(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	byStart := func(qs []analyse.Quote) map[int]analyse.Quote {
		m := map[int]analyse.Quote{}
		for _, q := range qs {
			m[q.Start] = q
		}
		return m
	}
	wantQ := byStart(quotes)
	wantQ[sp("Barzani").Start] = analyse.Quote{Span: sp("Barzani"), Kind: "mixed", Sentence: 1} // nil parts stay nil
	if got := byStart(an.Quotes); !reflect.DeepEqual(got, wantQ) {
		t.Errorf("quotes read back\n%+v\nwant\n%+v", got, wantQ)
	}
	// the timeline: expressions cut from the text, and a row written
	// before with its copy kept reads that copy
	if _, err := db.db.ExecContext(ctx, `UPDATE times SET text = 'the third of May' WHERE value = '2016-05-03'`); err != nil {
		t.Fatal(err)
	}
	p, err := db.TimeList(ctx, view.Query{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var exprs []string
	for _, x := range p.Items {
		exprs = append(exprs, x.Expression)
	}
	if !reflect.DeepEqual(exprs, []string{"Monday", "the third of May"}) {
		t.Errorf("timeline expressions %q", exprs)
	}
}
