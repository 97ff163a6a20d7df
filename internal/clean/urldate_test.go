package clean

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/ingest"
)

func TestURLDate(t *testing.T) {
	now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		url  string
		want string // "" for no date
	}{
		{"https://news.example.com/politics/2019/03/07/council-votes-on-budget.html", "2019-03-07"},
		{"http://example.org/world/2021/11/30/", "2021-11-30"},
		{"https://example.net/2020/2/9/story", "2020-02-09"},
		{"https://example.net/2020/02/", ""},                 // no day
		{"https://example.net/2020/02/30/story", ""},         // no such day
		{"https://example.net/2020/13/01/story", ""},         // no such month
		{"https://example.net/story-20200201", ""},           // a number in a slug
		{"https://example.net/2031/01/01/story", ""},         // after now
		{"https://example.net/x?date=/2020/01/02/", ""},      // the query is not the path
		{"not a url /2020/01/02/", ""},                       // no host
		{"https://example.net/archive/1898/01/02/story", ""}, // before the web's years
		{"https://example.net/a/2020/01/02/b/2021/03/04/", "2020-01-02"},
	}
	for _, tt := range tests {
		got, _, ok := urlDate(tt.url, now)
		if tt.want == "" {
			if ok {
				t.Errorf("urlDate(%q) = %s, want none", tt.url, got.Format("2006-01-02"))
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("urlDate(%q) = %v %v, want %s", tt.url, got, ok, tt.want)
		}
	}
}

// The URL's day fills the date only when the container and the page give
// none, and beats an estimate from the text.
func TestCleanDateFromURL(t *testing.T) {
	body := []byte("Council passes budget\n\nThe council voted on Tuesday to pass the budget it debated in March 2017.")
	a, err := Clean(ingest.Document{MediaType: ingest.MediaText, URL: "https://example.com/local/2019/03/07/budget", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published.Format("2006-01-02") != "2019-03-07" || a.PublishedSource != "url" || a.PublishedEstimated || a.PublishedEvidence != "/2019/03/07/" {
		t.Errorf("date from URL: %v %q estimated=%v %q", a.Published, a.PublishedSource, a.PublishedEstimated, a.PublishedEvidence)
	}
	pub := time.Date(2019, 3, 8, 9, 0, 0, 0, time.UTC)
	b, _ := Clean(ingest.Document{MediaType: ingest.MediaText, URL: "https://example.com/local/2019/03/07/budget", Body: body, Hints: ingest.Hints{Published: pub}})
	if !b.Published.Equal(pub) || b.PublishedSource != "metadata" {
		t.Errorf("metadata date lost to the URL: %v %q", b.Published, b.PublishedSource)
	}
}
