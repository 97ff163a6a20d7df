package corpus

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
	"github.com/sitrep/sitrep/internal/view"
)

// Invented articles: two outlets on one ferry decision, one unrelated
// article on a mine in another country, and a later follow-up.
var articles = []struct{ outlet, date, title, text string }{
	{"Meridian Wire", "2025-03-05", "Harbour authority approves night ferry trial",
		"The harbour authority of Port Ellen approved a six-month trial of night ferries to Glasgow on Tuesday.\n\n\"We have listened to the fishermen,\" said harbour chair Ailsa Brodie. \"This is a trial, not a promise.\"\n\nBrodie said the first night ferry would sail on March 20."},
	{"Coastal Herald", "2025-03-05", "Night ferries approved for Port Ellen",
		"Night ferries will sail between Port Ellen and Glasgow in a six-month trial approved by the harbour authority on Tuesday.\n\nAilsa Brodie, who chairs the harbour authority, told reporters the first night ferry would sail on March 20. Fishermen had opposed the night ferries."},
	{"Andes Daily", "2025-03-06", "Copper mine strike enters third week in Antofagasta",
		"Workers at the Escondida copper mine near Antofagasta, Chile, extended their strike into a third week on Thursday.\n\nUnion leader Patricio Ruiz said the miners would not return without a wage agreement. The mining company declined to comment on the copper strike."},
}

func put(t *testing.T, db *sqlite.DB, i int) {
	t.Helper()
	a := articles[i]
	pub, _ := time.Parse("2006-01-02", a.date)
	art := clean.Article{Title: a.title, Text: a.text, Outlet: a.outlet, Published: pub, Language: "en"}
	an := analyse.New().Annotate(analyse.Input{Text: a.text, Published: pub})
	_, err := db.Put(context.Background(), []store.Item{{Raw: store.Raw{Origin: a.title, MediaType: "text/plain", Body: []byte(a.title + a.text)}, Article: art, Analysis: &an}})
	if err != nil {
		t.Fatal(err)
	}
}

func TestUpdate(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	put(t, db, 0)
	put(t, db, 1)
	st, err := Update(ctx, db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 {
		t.Fatalf("took in %d articles, want 2", st.Articles)
	}
	// Nothing new: nothing done.
	if st, err = Update(ctx, db, Options{}); err != nil || st.Articles != 0 {
		t.Fatalf("second update: %+v %v", st, err)
	}
	// A later run resumes from the stored state.
	put(t, db, 2)
	if st, err = Update(ctx, db, Options{}); err != nil || st.Articles != 1 {
		t.Fatalf("third update: %+v %v", st, err)
	}
	stories, err := db.StoryList(ctx, view.Query{Sort: "biggest"})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories.Items) != 2 || len(stories.Items[0].Articles) != 2 || len(stories.Items[0].Outlets) != 2 {
		t.Fatalf("want the two ferry articles in one story and the strike in another: %+v", stories.Items)
	}
	ferry := stories.Items[0]
	if !strings.Contains(strings.ToLower(ferry.Headline), "ferr") {
		t.Errorf("ferry story headline %q", ferry.Headline)
	}
	// "Ailsa Brodie" and "Brodie" are one actor, across both articles,
	// and her quotes point to her.
	a, err := db.FindActor(ctx, "Brodie")
	if err != nil {
		t.Fatalf("find Brodie: %v", err)
	}
	if a.Name != "Ailsa Brodie" || len(a.Articles) != 2 {
		t.Errorf("actor = %+v, want Ailsa Brodie in 2 articles", a)
	}
	qs, err := db.QuoteList(ctx, view.Query{Speaker: "Ailsa Brodie"})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs.Items) < 2 {
		t.Errorf("quotes by Ailsa Brodie: %+v", qs.Items)
	}
	for _, q := range qs.Items {
		if q.SpeakerActor != a.ID {
			t.Errorf("quote %q: speaker actor %d, want %d", q.Text, q.SpeakerActor, a.ID)
		}
	}
	// Its page was composed and stored when the story changed.
	if b, err := db.StoryPage(ctx, ferry.ID); err != nil || !strings.Contains(string(b), `"summary":[{`) {
		t.Errorf("stored page: %v %.200s", err, b)
	}
	if len(ferry.Actors) == 0 || len(ferry.Places) == 0 {
		t.Errorf("listing lacks the top actors and places: %+v", ferry)
	}
	// The story page is composed with citations that point into its
	// articles.
	s := &view.Story{StorySummary: ferry}
	if s.Members, err = db.Summaries(ctx, ferry.Articles); err != nil {
		t.Fatal(err)
	}
	if err := Compose(ctx, db, s); err != nil {
		t.Fatal(err)
	}
	if len(s.Summary) == 0 || s.Comparison == nil || len(s.Comparison.Outlets) != 2 {
		t.Fatalf("composed story: %+v", s)
	}
	for _, x := range s.Summary {
		if len(x.Citations) == 0 {
			t.Errorf("summary sentence without citation: %q", x.Text)
		}
		for _, c := range x.Citations {
			if c.Article != ferry.Articles[0] && c.Article != ferry.Articles[1] {
				t.Errorf("citation %+v outside the story", c)
			}
		}
	}
}

func TestNamesMonth(t *testing.T) {
	cases := map[string]bool{
		"October 20": true, "Oct. 20": true, "20 Sept": true, "on Sunday": false,
		"yesterday": false, "last week": false, "May 3": true, "2016-10-20": false,
	}
	for in, want := range cases {
		if got := namesMonth(in); got != want {
			t.Errorf("namesMonth(%q) = %v, want %v", in, got, want)
		}
	}
}
