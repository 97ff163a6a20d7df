package story

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// invented developments: each has its own names and vocabulary, written
// three ways by three outlets.
var inventedEvents = []struct {
	key   string
	title []string
	body  []string
}{
	{"quake", []string{
		"Earthquake of magnitude 7.1 strikes Valparaiso region",
		"Strong quake shakes Valparaiso, buildings collapse",
		"Valparaiso earthquake leaves dozens injured",
	}, []string{
		"A magnitude 7.1 earthquake struck the Valparaiso region of Chile on Monday, collapsing buildings in Vina del Mar. Rescue teams searched the rubble for survivors. The tremor was felt in Santiago.",
		"Buildings collapsed in Vina del Mar after a strong earthquake hit the Valparaiso coast. Rescuers dug through rubble as aftershocks rattled Santiago. The quake measured 7.1, seismologists said.",
		"Dozens were injured when the earthquake shook Valparaiso and Vina del Mar. Rescue crews pulled survivors from rubble while aftershocks continued across the region.",
	}},
	{"election", []string{
		"Norwegian Labour wins most seats in Storting election",
		"Stoltenberg's Labour ahead as Norway counts votes",
		"Norway election: Labour first, coalition talks loom",
	}, []string{
		"Norway's Labour party won the most seats in the Storting election, with Jonas Stoltenberg claiming victory in Oslo. Coalition talks with the Centre party are expected. Turnout reached 77 percent.",
		"Labour led the vote count in Norway's parliamentary election as Stoltenberg addressed supporters in Oslo. The Centre party and Socialist Left hold the key to a coalition majority in the Storting.",
		"Jonas Stoltenberg said Labour would open coalition talks after finishing first in the Storting vote. Oslo counted ballots late into the night as the Centre party weighed its options.",
	}},
	{"transfer", []string{
		"Ferreira joins Ajax in record transfer",
		"Ajax sign midfielder Ferreira for club-record fee",
		"Record fee brings Ferreira to Amsterdam",
	}, []string{
		"Midfielder Tiago Ferreira has joined Ajax from Porto for a club-record transfer fee. The Amsterdam club confirmed the five-year contract after a medical. Ferreira scored twelve goals last season.",
		"Ajax completed the signing of Porto midfielder Tiago Ferreira, paying a record fee. The player passed his medical in Amsterdam and signed a contract until 2030.",
		"Porto sold Tiago Ferreira to Ajax for the highest fee in the Amsterdam club's history. The midfielder signed after his medical and will wear the number eight shirt.",
	}},
}

func inventedDocs(start time.Time) []Doc {
	var docs []Doc
	id := int64(1)
	for k := 0; k < 3; k++ { // interleave the events
		for e, ev := range inventedEvents {
			docs = append(docs, Doc{ID: id, Outlet: fmt.Sprintf("outlet%d", k), Title: ev.title[k], Text: ev.body[k],
				Published: start.Add(time.Duration(k*6+e) * time.Hour)})
			id++
		}
	}
	return docs
}

func TestClustererGroupsEvents(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	for _, dated := range []bool{true, false} {
		t.Run(fmt.Sprintf("dated=%v", dated), func(t *testing.T) {
			c := NewClusterer(Config{})
			byEvent := map[string]int64{}
			for i, d := range inventedDocs(t0) {
				if !dated {
					d.Published = time.Time{}
				}
				a := c.Add(d)
				key := inventedEvents[i%3].key
				if want, ok := byEvent[key]; ok && a.Event != want {
					t.Errorf("doc %d (%s): event %d, want %d (score %.2f)", d.ID, key, a.Event, want, a.Similarity)
				}
				byEvent[key] = a.Event
			}
			if len(byEvent) != 3 || byEvent["quake"] == byEvent["election"] || byEvent["quake"] == byEvent["transfer"] || byEvent["election"] == byEvent["transfer"] {
				t.Errorf("events not distinct: %v", byEvent)
			}
		})
	}
}

func TestClustererTimeGap(t *testing.T) {
	ev := inventedEvents[0]
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		gap  time.Duration
		same bool
	}{
		{"hours apart", 5 * time.Hour, true},
		{"two days apart", 48 * time.Hour, true},
		{"ten days apart", 240 * time.Hour, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClusterer(Config{})
			// bodies of over maxHeadlineWords: articles, not headlines
			// (headline.go has its own gap)
			da := Doc{ID: 1, Title: ev.title[0], Text: ev.body[0] + " " + ev.body[2], Published: t0}
			db := Doc{ID: 2, Title: ev.title[1], Text: ev.body[1] + " " + ev.body[2], Published: t0.Add(tc.gap)}
			if isHeadline(&da) || isHeadline(&db) {
				t.Fatal("test documents are headlines, not articles")
			}
			a, b := c.Add(da), c.Add(db)
			if (a.Event == b.Event) != tc.same {
				t.Errorf("same event = %v, want %v (score %.2f)", a.Event == b.Event, tc.same, b.Similarity)
			}
		})
	}
}

func TestClustererNearDuplicates(t *testing.T) {
	body := inventedEvents[1].body[0] + " " + inventedEvents[1].body[1]
	cases := []struct {
		name string
		text string
		dup  bool
	}{
		{"wire copy", body, true},
		{"updated version", body + " Final results are due on Tuesday morning.", true},
		{"rewrite", inventedEvents[1].body[2], false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClusterer(Config{})
			first := c.Add(Doc{ID: 10, Text: body})
			a := c.Add(Doc{ID: 11, Text: tc.text})
			if (a.DuplicateOf == 10) != tc.dup {
				t.Errorf("DuplicateOf = %d (sim %.2f), want dup=%v", a.DuplicateOf, a.Similarity, tc.dup)
			}
			if tc.dup && a.Event != first.Event {
				t.Errorf("duplicate placed in event %d, original in %d", a.Event, first.Event)
			}
		})
	}
}

func TestStorylineLinksEventsWeeksApart(t *testing.T) {
	actors := []Ref{{Key: "Islamic State"}, {Key: "Ash Carter"}}
	places := []Ref{{Key: "99072"}} // a place id
	t0 := time.Date(2016, 7, 20, 9, 0, 0, 0, time.UTC)
	docs := []Doc{
		{ID: 1, Title: "Coalition ministers plan Mosul campaign", Text: "Defence ministers of the coalition met in Washington to plan the campaign to retake Mosul from Islamic State. Carter hosted the meeting.", Published: t0, Actors: actors, Places: places},
		{ID: 2, Title: "Militants dig trenches around Mosul", Text: "Islamic State fighters dug trenches and rigged buildings with explosives in Mosul ahead of an expected assault, officials said. Carter called the fight difficult.", Published: t0.Add(80 * 24 * time.Hour), Actors: actors, Places: places},
		{ID: 3, Title: "Cyclone hits Bangladesh coast", Text: "A cyclone made landfall in Bangladesh, forcing the evacuation of fishing villages near Chittagong.", Published: t0.Add(81 * 24 * time.Hour), Actors: []Ref{{Key: "Bangladesh Meteorological Department"}}, Places: []Ref{{Key: "1205733"}}},
	}
	c := NewClusterer(Config{})
	addBackground(c, 40)
	var as []Assignment
	for _, d := range docs {
		as = append(as, c.Add(d))
	}
	if as[0].Event == as[1].Event {
		t.Fatalf("July and October articles share event %d", as[0].Event)
	}
	if c.Storyline(as[0].Event) != c.Storyline(as[1].Event) {
		t.Errorf("Mosul events in storylines %d and %d, want one", c.Storyline(as[0].Event), c.Storyline(as[1].Event))
	}
	if c.Storyline(as[2].Event) == c.Storyline(as[0].Event) {
		t.Errorf("cyclone joined the Mosul storyline")
	}
}

func TestClustererStateRoundTrip(t *testing.T) {
	docs := inventedDocs(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
	whole := NewClusterer(Config{})
	var want []Assignment
	for _, d := range docs {
		want = append(want, whole.Add(d))
	}
	half := NewClusterer(Config{})
	for _, d := range docs[:4] {
		half.Add(d)
	}
	b, err := half.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	resumed := NewClusterer(Config{})
	if err := resumed.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	for i, d := range docs[4:] {
		if got := resumed.Add(d); got != want[4+i] {
			t.Errorf("doc %d after resume: %+v, want %+v", d.ID, got, want[4+i])
		}
	}
	if err := resumed.UnmarshalBinary([]byte("garbage")); err == nil {
		t.Error("garbage state accepted")
	}
}

func TestClustererBoundsLiveEvents(t *testing.T) {
	c := NewClusterer(Config{ActiveWindow: 100, DuplicateWindow: 50})
	for i := 0; i < 5000; i++ {
		c.Add(Doc{ID: int64(i + 1), Text: fmt.Sprintf("Report %d about topic%d alpha%d and beta%d in the region of zone%d.", i, i, i%97, i%89, i)})
	}
	st := c.Stats()
	if st.LiveEvents > 100+4096 {
		t.Errorf("live events %d not bounded", st.LiveEvents)
	}
	if st.DuplicateWindow > 50 {
		t.Errorf("duplicate window %d > 50", st.DuplicateWindow)
	}
	if st.Articles != 5000 {
		t.Errorf("articles = %d", st.Articles)
	}
}

func TestMergeAndStorylineReports(t *testing.T) {
	c := NewClusterer(Config{})
	docs := inventedDocs(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
	// the same developments again, reworded by shuffling sentences, so that
	// events grow and storylines get re-linked
	for _, d := range inventedDocs(time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)) {
		parts := strings.Split(d.Text, ". ")
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
		d.ID += 100
		d.Text = strings.Join(parts, ". ")
		docs = append(docs, d)
	}
	for _, d := range docs {
		c.Add(d)
	}
	for from, to := range c.EventMerges() {
		if c.Resolve(from) != to || c.Resolve(to) != to {
			t.Errorf("merge %d -> %d, but Resolve gives %d, %d", from, to, c.Resolve(from), c.Resolve(to))
		}
	}
	if len(c.EventMerges()) != 0 {
		t.Error("EventMerges did not forget what it reported")
	}
	for ev, sl := range c.StorylineChanges() {
		if c.Storyline(ev) != sl {
			t.Errorf("event %d: change says storyline %d, Storyline says %d", ev, sl, c.Storyline(ev))
		}
	}
	st := c.Stats()
	if st.Articles != int64(len(docs)) || st.Events < 3 {
		t.Errorf("stats %+v", st)
	}
	info, ok := c.Event(1)
	if !ok || info.Articles < 2 || info.First.IsZero() {
		t.Errorf("event 1: %+v %v", info, ok)
	}
	if _, ok := c.Event(999); ok {
		t.Error("unknown event reported")
	}
}

func TestSweepShedsRetiredPostings(t *testing.T) {
	c := NewClusterer(Config{ActiveWindow: 100})
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	for i := 0; i < 9000; i++ {
		// each development has its own words, so events keep retiring
		w := fmt.Sprintf("w%dx w%dy w%dz", i/3, i/3, i/3)
		c.Add(Doc{ID: int64(i + 1), Title: "Story " + w, Text: fmt.Sprintf("Report on %s and more %s, once u%d.", w, w, i), Published: t0.Add(time.Duration(i) * time.Minute)})
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, p := range c.post {
		for _, i := range p {
			if e := c.evs[i]; e.Terms == nil || e.MergedInto != 0 {
				t.Fatalf("term %x still posts retired event %d", k, e.ID)
			}
		}
	}
	if n := len(c.post); n > 20*len(c.live)+100 {
		t.Errorf("%d posting lists for %d live events", n, len(c.live))
	}
	before := len(c.df)
	c.dfShed = 0 // the table is due
	c.shed()
	if len(c.df) >= before {
		t.Errorf("df table not shed: %d terms before, %d after", before, len(c.df))
	}
	for k, n := range c.df {
		if n <= 1 {
			t.Fatalf("term %x seen once still counted after a shed", k)
		}
	}
	// an absent term weighs as a term seen once
	if a, b := c.idf(1), math.Log(1+float64(c.n)); a != b {
		t.Errorf("idf of an absent term %v, want %v", a, b)
	}
}

// addBackground adds n undated articles on unrelated subjects, each with
// an actor and a place of its own: whether an actor is specific enough to
// link a storyline is judged against the articles seen, and in a corpus
// of three every actor is in most of them.
func addBackground(c *Clusterer, n int) {
	words := strings.Fields("harvest bridge orchestra glacier vaccine tariff marathon library satellite volcano museum election drought festival")
	for i := 0; i < n; i++ {
		w1, w2 := words[i%len(words)], words[(i/len(words)+i+3)%len(words)]
		c.Add(Doc{ID: int64(10000 + i),
			Title:  fmt.Sprintf("Report %d on the %s and the %s", i, w1, w2),
			Text:   fmt.Sprintf("Officials in district %d discussed the %s and the %s at length on item %d.", i, w1, w2, i*7),
			Actors: []Ref{{Key: fmt.Sprintf("official %d", i)}}, Places: []Ref{{Key: fmt.Sprintf("district %d", i)}}})
	}
}

// TestStorylineIgnoresGenericActors: two unrelated events that share only
// an actor most articles name (a president in a politics feed) and words
// of the beat stay in separate storylines.
func TestStorylineIgnoresGenericActors(t *testing.T) {
	c := NewClusterer(Config{})
	president := Ref{Key: "the president", Sentences: []int{0, 1}}
	for i := 0; i < 40; i++ {
		c.Add(Doc{ID: int64(500 + i), Title: fmt.Sprintf("The president speaks on item %d", i),
			Text:   fmt.Sprintf("The president said the administration would act on item %d, officials said.", i),
			Actors: []Ref{president, {Key: fmt.Sprintf("aide %d", i)}}})
	}
	t0 := time.Date(2018, 4, 17, 9, 0, 0, 0, time.UTC)
	a := c.Add(Doc{ID: 1, Published: t0, Title: "The president's envoy met the northern leader in secret",
		Text:   "The president's envoy travelled to the northern capital to meet its leader in secret, the administration said, to prepare a summit.",
		Actors: []Ref{president, {Key: "envoy", Sentences: []int{0}}, {Key: "northern leader", Sentences: []int{0}}}})
	b := c.Add(Doc{ID: 2, Published: t0.Add(10 * 24 * time.Hour), Title: "The president delays steel tariffs on allies",
		Text:   "The president delayed tariffs on steel and aluminium from allies for a month, the administration said, to allow talks.",
		Actors: []Ref{president, {Key: "trade office", Sentences: []int{0}}}})
	if a.Event == b.Event {
		t.Fatalf("unrelated events share event %d", a.Event)
	}
	if c.Storyline(a.Event) == c.Storyline(b.Event) {
		t.Errorf("envoy trip and tariff delay share storyline %d through a generic actor", c.Storyline(a.Event))
	}
}

// TestStorylineInASmallCorpus: with only a handful of articles, document
// frequencies cannot tell a generic name from a specific one; a place and
// actors shared by two developments weeks apart still link them.
func TestStorylineInASmallCorpus(t *testing.T) {
	actors := []Ref{{Key: "Islamic State"}, {Key: "Ash Carter"}}
	places := []Ref{{Key: "99072"}}
	t0 := time.Date(2016, 7, 20, 9, 0, 0, 0, time.UTC)
	c := NewClusterer(Config{})
	a := c.Add(Doc{ID: 1, Title: "Coalition ministers plan Mosul campaign", Text: "Defence ministers of the coalition met in Washington to plan the campaign to retake Mosul from Islamic State. Carter hosted the meeting.", Published: t0, Actors: actors, Places: places})
	b := c.Add(Doc{ID: 2, Title: "Militants dig trenches around Mosul", Text: "Islamic State fighters dug trenches and rigged buildings with explosives in Mosul ahead of an expected assault, officials said. Carter called the fight difficult.", Published: t0.Add(80 * 24 * time.Hour), Actors: actors, Places: places})
	if a.Event == b.Event {
		t.Fatalf("July and October articles share event %d", a.Event)
	}
	if c.Storyline(a.Event) != c.Storyline(b.Event) {
		t.Errorf("Mosul events in storylines %d and %d, want one", c.Storyline(a.Event), c.Storyline(b.Event))
	}
}
