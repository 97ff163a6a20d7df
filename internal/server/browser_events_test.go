package server

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

// fakeStoryEvents are coded events of the fake corpus's first story.
func fakeStoryEvents() []event.Record {
	ref := func(article int64, outlet string) event.MentionRef {
		return event.MentionRef{Article: article, Sentence: 0, Outlet: outlet, Text: "a sentence of article"}
	}
	// a headline mention: the title, coded as sentence -1
	headline := func(m event.MentionRef) event.MentionRef {
		m.Sentence, m.Text = event.HeadlineIndex, "Carter meets Abadi"
		return m
	}
	baghdad := &event.Place{Name: "Baghdad", GeonamesID: 98182, Lat: 33.341, Lon: 44.401, Country: "IQ", Stated: true}
	mosul := &event.Place{Name: "Mosul", GeonamesID: 99072, Lat: 36.335, Lon: 43.119, Country: "IQ", Stated: true}
	recs := []event.Record{
		{ID: 1, Story: 1, Type: "CONSULT", Mode: "visit", Cameo: "042", Verb: "met", Date: "2016-10-14", Precision: "day",
			Source: event.Party{Name: "Ashton Carter", Text: "Carter", Actor: 1}, Target: event.Party{Name: "Haider al-Abadi", Text: "Abadi", Actor: 2},
			Place: baghdad, Mentions: []event.MentionRef{ref(1, "Reuters"), headline(ref(2, "AP"))}, Articles: 2, Sources: 2, NumMentions: 2},
		{ID: 2, Story: 1, Type: "ASSAULT", Cameo: "190", Verb: "attacked", Date: "2016-10-16", Precision: "day",
			Source: event.Party{Name: "Peshmerga", Text: "Kurdish forces", Actor: 4}, Target: event.Party{Name: "Islamic State", Text: "IS", Actor: 3},
			Place: mosul, Mentions: []event.MentionRef{ref(3, "BBC")}, Articles: 1, Sources: 1, NumMentions: 1},
		{ID: 3, Story: 1, Type: "MOBILIZE", Cameo: "150", Verb: "dug", Date: "2016-10-12", Precision: "day",
			Source: event.Party{Name: "Islamic State", Text: "militants", Actor: 3}, Target: event.Party{Name: "Mosul", Text: "Mosul", GeonamesID: 99072},
			Place: mosul, Mentions: []event.MentionRef{ref(4, "Al Jazeera")}, Articles: 1, Sources: 1, NumMentions: 1},
	}
	for i := range recs {
		recs[i].FirstReport = recs[i].Mentions[0]
	}
	return recs
}

// TestBrowserCodedEvents checks that the coded events show where a user
// looks: on the story page's map, timeline and events list, on the actor
// and place pages, and that the type filter hides the other types.
func TestBrowserCodedEvents(t *testing.T) {
	bin := chromiumPath(t)
	broker := NewBroker()
	ts := httptest.NewServer(New(WithCodedEvents(newFakeReader(t, 1), fakeCoded{recs: fakeStoryEvents()}), Options{Notifier: broker}))
	t.Cleanup(ts.Close)
	t.Cleanup(broker.Close)
	c := startCDP(t, bin)
	c.viewport(1280, 900)
	b := &browser{t: t, cdp: c, base: ts.URL}

	t.Run("story page", func(t *testing.T) {
		doc := b.dom("/story/1")
		ev := within(doc, "events-card")
		if n := len(sel(ev, "li", "cevent")); n != 3 {
			t.Errorf("%d events listed, want 3", n)
		}
		// map: one diamond per event place (Baghdad; Mosul has two events)
		marks := sel(within(doc, "map-card"), "a", "ev-marker")
		if len(marks) != 2 {
			t.Fatalf("%d event markers on the map, want 2", len(marks))
		}
		for _, m := range marks {
			if p := attr(m, "data-place"); p == "Mosul" && attr(m, "data-events") != "2" || p != "Mosul" && p != "Baghdad" {
				t.Errorf("event marker %s with %s events", p, attr(m, "data-events"))
			}
		}
		// timeline: a square per event day, the events among the entries
		tl := within(doc, "timeline-card")
		if n := len(sel(tl, "rect", "ev")); n != 3 {
			t.Errorf("%d event days on the time strip, want 3", n)
		}
		items := sel(tl, "li", "tl-event")
		if len(items) != 3 {
			t.Fatalf("%d events in the timeline list, want 3", len(items))
		}
		if !strings.Contains(text(items[0]), "dug") || !strings.Contains(text(items[2]), "attacked") {
			t.Errorf("timeline events not in date order: %q … %q", text(items[0]), text(items[2]))
		}
		// a headline mention says so, and opens its article at the title
		hl := sel(ev, "a", "headline")
		if len(hl) != 1 || !strings.Contains(text(hl[0]), "(headline)") || !strings.HasSuffix(attr(hl[0], "href"), "#s-1") {
			t.Errorf("headline mentions: %d", len(hl))
		} else {
			art := b.dom(attr(hl[0], "href"))
			if h := sel(art, "h1", "hl"); len(h) != 1 || attr(h[0], "id") != "s-1" {
				t.Errorf("%s: the title is not the highlighted anchor", attr(hl[0], "href"))
			}
			b.dom("/story/1") // back to the story page: the filter below clicks in it
		}
		// the type filter: ASSAULT alone
		var hidden int
		if err := b.cdp.eval(`(() => { document.querySelector('.events-card .ev-filter button[data-type="ASSAULT"]').click();
			return [...document.querySelectorAll('.events-card li.cevent')].filter((li) => li.hidden).length; })()`, &hidden); err != nil {
			t.Fatal(err)
		}
		if hidden != 2 {
			t.Errorf("ASSAULT filter hides %d events, want 2", hidden)
		}
	})

	t.Run("actor page", func(t *testing.T) {
		doc := b.dom("/actor/3") // Islamic State: target of one, source of one
		ev := within(doc, "events-card")
		lis := sel(ev, "li", "cevent")
		if len(lis) != 2 {
			t.Fatalf("%d events on the actor page, want 2", len(lis))
		}
		if !strings.Contains(text(ev), "2 coded events") || len(sel(ev, "div", "ev-filter")) == 0 {
			t.Errorf("actor events section: %q", text(ev))
		}
		for _, li := range lis {
			if !strings.Contains(text(li), "the story") {
				t.Errorf("event %q does not link its story", text(li))
			}
		}
	})

	t.Run("place page", func(t *testing.T) {
		doc := b.dom("/place/98182") // Baghdad: the meeting only
		lis := sel(within(doc, "events-card"), "li", "cevent")
		if len(lis) != 1 || !strings.Contains(text(lis[0]), "met") {
			t.Fatalf("place events: %d", len(lis))
		}
		if n := len(sel(within(doc, "map-card"), "a", "ev-marker")); n != 1 {
			t.Errorf("%d event markers on the place map, want 1", n)
		}
		doc = b.dom("/place/Erbil")
		if !strings.Contains(text(within(doc, "events-card")), "No coded events") {
			t.Errorf("Erbil has no events: %q", text(within(doc, "events-card")))
		}
	})
}
