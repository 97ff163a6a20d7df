package server

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/view"
)

// TestBrowserHonestViews checks in Chromium that the UI shows no more
// than is known: only direct quotes in quotation marks, reported speech as
// such; article sentences without quotation marks; an undated story as
// undated and after the dated ones; an estimated date marked and with no
// time of day; search highlights as <mark>, not as [brackets].
func TestBrowserHonestViews(t *testing.T) {
	b, f, _ := startBrowser(t, 6)
	s := f.stories[0]
	art := f.articles[s.Articles[0]-1]
	cite := view.Citation{Article: art.ID, Outlet: art.Outlet, Sentence: 0, Span: art.Sentences[0]}
	s.Quotes = append(s.Quotes,
		view.Quote{Text: "its troops in Iraq will join the fight against Islamic State", Kind: "indirect", Cue: "said", Speaker: "Turkey",
			SpeakerResolved: true, Article: art.ID, Outlet: art.Outlet, Citation: cite},
		view.Quote{Text: "his so-called caliphate", Kind: "indirect", Cue: "declared", Speaker: "its leader", SpeakerResolved: true,
			Article: art.ID, Outlet: art.Outlet, Citation: cite},
		view.Quote{Text: "The city will be freed within weeks", Kind: "mixed", Cue: "said", Speaker: "Haider al-Abadi", SpeakerResolved: true,
			Article: art.ID, Outlet: art.Outlet, Citation: cite})
	s.Timeline[0].Estimated = true
	art.Published, art.PublishedEstimated = ptr(time.Date(2016, 10, 17, 0, 0, 0, 0, time.UTC)), true
	undated := &view.Story{StorySummary: view.StorySummary{ID: int64(len(f.stories) + 1), Headline: "Undated dispatch from the front",
		Articles: []int64{art.ID}, Outlets: []string{art.Outlet}}}
	f.stories = append(f.stories, undated)
	f.stories[1].SeenEstimated = true

	t.Run("quotes", func(t *testing.T) {
		doc := b.dom("/story/1")
		card := within(doc, "quotes-card")
		if card == nil {
			t.Fatal("no quotes card")
		}
		direct := sel(card, "blockquote", "direct")
		if len(direct) == 0 {
			t.Fatal("no direct quote shown")
		}
		for _, q := range direct {
			if p := text(sel(q, "p", "")[0]); !strings.HasPrefix(p, "“") || !strings.HasSuffix(p, "”") {
				t.Errorf("direct quote %q not in quotation marks", p)
			}
		}
		reported := sel(card, "div", "reported")
		if len(reported) != 3 {
			t.Fatalf("%d reported-speech items, want 3", len(reported))
		}
		want := []string{"said its troops in Iraq will join", "declared his so-called caliphate", "said that the city will be freed"}
		all := text(card)
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("quotes card lacks %q: %q", w, all)
			}
		}
		for _, r := range reported {
			p := text(sel(r, "p", "")[0])
			if strings.ContainsAny(p, "“”\"") || !strings.Contains(p, "reported") {
				t.Errorf("reported speech shown as a quotation: %q", p)
			}
		}
		for _, q := range sel(card, "blockquote", "") {
			if strings.Contains(text(q), "caliphate") || strings.Contains(text(q), "troops in Iraq") {
				t.Errorf("reported speech in a blockquote: %q", text(q))
			}
		}
		items := sel(doc, "li", "tl-item")
		if len(items) == 0 || !strings.HasPrefix(text(sel(items[0], "time", "")[0]), "≈") {
			t.Errorf("estimated timeline date not marked ≈")
		}
	})

	t.Run("sentences", func(t *testing.T) {
		for _, path := range []string{"/place/Mosul", "/actor/Carter"} {
			doc := b.dom(path)
			if qs := sel(doc, "q", ""); len(qs) > 0 {
				t.Errorf("%s: article sentences in <q> (shown in quotation marks): %q", path, text(qs[0]))
			}
			if len(sel(doc, "span", "sent-text")) == 0 {
				t.Errorf("%s: no article sentences shown", path)
			}
		}
	})

	t.Run("dates", func(t *testing.T) {
		doc := b.dom("/")
		stories := sel(doc, "li", "story")
		if len(stories) != len(f.stories) {
			t.Fatalf("%d stories listed, want %d", len(stories), len(f.stories))
		}
		last := stories[len(stories)-1]
		if !strings.Contains(text(last), undated.Headline) || !strings.Contains(text(last), "undated") {
			t.Errorf("the undated story is not last and labelled undated: last card %q", text(last))
		}
		for _, c := range stories[:len(stories)-1] {
			if strings.Contains(text(c), "undated") {
				t.Errorf("dated story labelled undated: %q", text(c))
			}
			if est := strings.Contains(text(c), "(estimated)"); est != strings.Contains(text(c), f.stories[1].Headline) {
				t.Errorf("story card %q: estimated dates marked %v", text(c), est)
			}
		}
		doc = b.dom("/article/" + strconv.FormatInt(art.ID, 10))
		k := text(sel(doc, "p", "kicker")[0])
		if !strings.Contains(k, "17 Oct 2016 (estimated)") || strings.Contains(k, "00:00") || strings.Contains(k, "UTC") {
			t.Errorf("estimated publication date shown as %q: want the day, marked estimated, no time of day", k)
		}
		doc = b.dom("/story/" + strconv.FormatInt(undated.ID, 10))
		if k := text(sel(doc, "p", "kicker")[0]); !strings.Contains(k, "undated") || strings.Contains(k, "1970") || strings.Contains(k, "Invalid") {
			t.Errorf("undated story page kicker %q", k)
		}
	})

	t.Run("search highlights", func(t *testing.T) {
		doc := b.dom("/search?q=trenches")
		snips := sel(doc, "p", "snippet")
		if len(snips) == 0 {
			t.Fatal("no snippets")
		}
		for _, sn := range snips {
			marks := sel(sn, "mark", "")
			if len(marks) != 1 || !strings.EqualFold(text(marks[0]), "trenches") || strings.Contains(text(sn), "[") {
				t.Errorf("snippet %q: want the match in <mark>, no brackets", text(sn))
			}
		}
	})
}
