package storetest

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
)

// world is a small analysed corpus with its corpus-stage results: two
// stories about ferries on the Scottish west coast.
type world struct {
	a [6]int64 // a[1]..a[5]
}

// Place and actor ids of the world.
const (
	glasgow     = 2648579
	oban        = 2641108
	brodie      = 1 // actor "Ailsa Brodie", alias "Brodie"
	authority   = 2 // actor "Port Authority"
	ferryStory  = 10
	stormStory  = 20
	ferryLine   = 100
	stormLine   = 200
	brodieCount = 10
)

type doc struct {
	outlet string
	pub    time.Time
	title  string
	text   string
	build  func(t *testing.T, text string, an *analyse.Annotation)
}

func place(t *testing.T, text, name string, n int, id uint32, country string, an *analyse.Annotation) {
	sp := at(t, text, name, n)
	an.Places = append(an.Places, analyse.Place{Span: sp, Sentence: sentenceOf(an.Sentences, sp.Start), Name: name, GeonamesID: id,
		Lat: 56, Lon: -5, Country: country, Feature: "PPL", Population: 1000, Confidence: 0.9})
}

// newWorld stores the corpus:
//
//	a1 Wire A, 1 March: Brodie (quoted; "the harbour chair" for her), Glasgow, a date
//	a2 Wire B, 2 March: Port Authority, Glasgow, Brodie
//	a3 Wire A, 5 March: Oban twice (story 20)
//	a4 no outlet, undated: Oban, "Tuesday" (story 20)
//	a5 Wire C, 28 February: the ferry story's first report
func newWorld(t *testing.T, s store.Store) *world {
	t.Helper()
	docs := []doc{
		{"Wire A", day(1), "Ferry to Glasgow cancelled", "Ailsa Brodie said the ferry to Glasgow was cancelled. The harbour chair agreed on 2 March 2024.",
			func(t *testing.T, text string, an *analyse.Annotation) {
				an.Mentions = append(an.Mentions, analyse.Mention{Span: at(t, text, "Ailsa Brodie", 0), Type: "PER", Confidence: 0.9})
				place(t, text, "Glasgow", 0, glasgow, "GB", an)
				an.Quotes = append(an.Quotes, analyse.Quote{Span: at(t, text, "the ferry to Glasgow was cancelled", 0), Kind: "indirect",
					Cue: at(t, text, "said", 0), Source: at(t, text, "Ailsa Brodie", 0), Speaker: at(t, text, "Ailsa Brodie", 0),
					SpeakerText: "Ailsa Brodie", Resolved: true, Confidence: 0.8})
				an.Times = append(an.Times, analyse.Time{Span: at(t, text, "2 March 2024", 0), Sentence: 1, Type: "DATE", Value: "2024-03-02"})
			}},
		{"Wire B", day(2), "Harbour closed", "Port Authority officials in Glasgow closed the harbour. Ailsa Brodie said the ferry would return.",
			func(t *testing.T, text string, an *analyse.Annotation) {
				place(t, text, "Glasgow", 0, glasgow, "GB", an)
			}},
		{"Wire A", day(5), "Storms hit Oban", "Storms hit Oban. The ferry from Oban sailed late.",
			func(t *testing.T, text string, an *analyse.Annotation) {
				place(t, text, "Oban", 0, oban, "GB", an)
				place(t, text, "Oban", 1, oban, "GB", an)
			}},
		{"", time.Time{}, "Council meets", "The council in Oban met on Tuesday.",
			func(t *testing.T, text string, an *analyse.Annotation) {
				place(t, text, "Oban", 0, oban, "GB", an)
				an.Times = append(an.Times, analyse.Time{Span: at(t, text, "Tuesday", 0), Type: "DATE", Value: "2024-03-05", Anchored: true})
			}},
		{"Wire C", w5Pub, "Ferries face a stormy week", "Ferries face a stormy week. Glasgow waits.",
			func(t *testing.T, text string, an *analyse.Annotation) {}},
	}
	var items []store.Item
	for i, d := range docs {
		it := item(d.title, "https://news.example/"+str(i+1), "raw "+d.text, d.title, d.text)
		it.Article.Outlet, it.Article.Published = d.outlet, d.pub
		an := &analyse.Annotation{Sentences: sentences(d.text)}
		d.build(t, d.text, an)
		it.Analysis = an
		items = append(items, it)
	}
	res := put(t, s, items...)
	w := &world{}
	for i, r := range res {
		w.a[i+1] = r.ID
	}
	t1, t2 := docs[0].text, docs[1].text
	ref := func(a int, text, name string, n int, actor int64, kind string) store.ActorRef {
		sp := at(t, text, name, n)
		return store.ActorRef{Article: w.a[a], Actor: actor, Sentence: sentenceOf(sentences(text), sp.Start), Start: sp.Start, End: sp.End, Kind: kind}
	}
	putDerived(t, s, &store.Derived{
		Actors: []store.ActorRecord{
			{ID: brodie, Name: "Ailsa Brodie", Type: "person", Country: "GB", Aliases: []string{"Brodie"}, Mentions: brodieCount},
			{ID: authority, Name: "Port Authority", Type: "government", Code: "GBRGOV", Mentions: 3},
		},
		Refs: []store.ActorRef{
			ref(1, t1, "Ailsa Brodie", 0, brodie, "name"),
			ref(1, t1, "The harbour chair", 0, brodie, "role"),
			ref(2, t2, "Port Authority", 0, authority, "name"),
			ref(2, t2, "Ailsa Brodie", 0, brodie, "name"),
		},
		Speakers: []store.SpeakerRef{{Article: w.a[1], Actor: brodie, Start: at(t, t1, "the ferry to Glasgow was cancelled", 0).Start}},
		Assignments: []store.Assignment{
			{Article: w.a[1], Event: ferryStory, Storyline: ferryLine},
			{Article: w.a[2], Event: ferryStory, Storyline: ferryLine, Similarity: 0.7},
			{Article: w.a[3], Event: stormStory, Storyline: stormLine},
			{Article: w.a[4], Event: stormStory, Storyline: stormLine},
			{Article: w.a[5], Event: ferryStory, Storyline: ferryLine},
		},
		Events:      []store.EventRecord{{ID: ferryStory, Storyline: ferryLine}, {ID: stormStory, Storyline: stormLine}},
		LastArticle: w.a[5],
	})
	return w
}

// w5Pub is a5's publication time.
var w5Pub = time.Date(2024, 2, 28, 8, 0, 0, 0, time.UTC)
