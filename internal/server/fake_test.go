package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/view"
)

// fakeReader is an in-memory view.Reader over an invented corpus: three
// stories of one storyline about an offensive on Mosul told by five invented
// outlets, and one story made of a single hostile article.
type fakeReader struct {
	articles   []*view.Article // by id order; id = index+1
	stories    []*view.Story
	storylines []view.Storyline
	actors     []view.Actor
	places     []view.Place
	quotes     []view.Quote
	hostileID  int64
}

var fakeOutlets = []string{"Northwind Wire", "The Daily Ledger", "Harbor Times", "Capital Post", "Meridian News"}

type fActor struct {
	name, typ, country, title, org string
	aliases                        []string
}

var fakeActors = []fActor{
	{"Ashton Carter", "person", "US", "Secretary of Defense", "Department of Defense", []string{"Carter", "Ash Carter"}},
	{"Haider al-Abadi", "person", "IQ", "Prime Minister", "Government of Iraq", []string{"al-Abadi", "Abadi"}},
	{"Islamic State", "armed group", "", "", "", []string{"ISIS", "IS", "Daesh"}},
	{"Peshmerga", "military", "IQ", "", "Kurdistan Regional Government", []string{"Kurdish forces"}},
	{"UNHCR", "IGO", "", "", "United Nations", []string{"UN refugee agency"}},
}

type fPlace struct {
	name     string
	lat, lon float64
	country  string
	geonames int64
}

var fakePlaces = []fPlace{
	{"Mosul", 36.335, 43.119, "IQ", 99072},
	{"Baghdad", 33.341, 44.401, "IQ", 98182},
	{"Erbil", 36.191, 44.009, "IQ", 95446},
	{"Qayyarah", 35.799, 43.292, "IQ", 7932211},
	{"Washington", 38.895, -77.036, "US", 4140963},
	{"Ankara", 39.920, 32.854, "TR", 323786},
}

// fSentence is one sentence template of a story; {IS} is replaced by each
// outlet's name for the Islamic State, {N} by its troop figure.
type fSentence struct {
	text   string
	date   string // TIMEX3 value, "" when undated
	expr   string
	actors []int
	places []int
	quote  string // the quoted words, when the sentence is a quote
	who    int    // speaker actor index for quote
}

var isNames = []string{"Islamic State", "ISIS", "Daesh", "IS", "Islamic State"}
var troopFigures = []string{"600", "about 600", "560", "600", "more than 500"}

var fakeStories = []struct {
	headline string
	start    time.Time
	sents    []fSentence
}{
	{"Coalition forces begin push toward Mosul", time.Date(2016, 10, 17, 6, 0, 0, 0, time.UTC), []fSentence{
		{text: "Iraqi and Kurdish forces began an offensive on Monday to retake Mosul from {IS}.", date: "2016-10-17", expr: "Monday", actors: []int{2, 3}, places: []int{0}},
		{text: "Prime Minister Haider al-Abadi announced the start of the operation in a televised address from Baghdad.", date: "2016-10-17", expr: "", actors: []int{1}, places: []int{1}},
		{text: "\"The hour of victory has come,\" al-Abadi said.", actors: []int{1}, quote: "The hour of victory has come", who: 1},
		{text: "Peshmerga units advanced from positions east of Erbil toward villages on the Mosul plain.", actors: []int{3}, places: []int{2, 0}},
		{text: "The United States will send {N} more troops to the Qayyarah air base, officials said.", date: "2016-09-28", expr: "last month", places: []int{3}},
		{text: "Defense Secretary Ashton Carter said in Washington that the battle would be long and difficult.", date: "2016-10-17", actors: []int{0}, places: []int{4}},
		{text: "\"This is a decisive moment in the campaign,\" Carter said.", actors: []int{0}, quote: "This is a decisive moment in the campaign", who: 0},
		{text: "The UN refugee agency warned that up to a million people could flee the city.", actors: []int{4}},
		{text: "Turkey said from Ankara that it wanted a role in the operation.", places: []int{5}},
	}},
	{"Militants fortify Mosul as offensive nears", time.Date(2016, 10, 5, 9, 0, 0, 0, time.UTC), []fSentence{
		{text: "{IS} fighters dug trenches and filled them with oil around Mosul, residents said.", date: "2016-10-04", expr: "Tuesday", actors: []int{2}, places: []int{0}},
		{text: "Residents described checkpoints on every road leading out of the city.", places: []int{0}},
		{text: "\"They are preparing for a siege,\" one resident told reporters.", quote: "They are preparing for a siege", who: -1},
		{text: "Iraqi commanders in Baghdad said the preparations would not stop the offensive.", places: []int{1}},
	}},
	{"Aid agencies prepare camps for families fleeing Mosul", time.Date(2016, 10, 12, 14, 0, 0, 0, time.UTC), []fSentence{
		{text: "The UN refugee agency said it was building camps near Erbil for up to 120,000 people.", date: "2016-10-12", expr: "Wednesday", actors: []int{4}, places: []int{2}},
		{text: "\"We are racing against time,\" a UNHCR spokesman said.", actors: []int{4}, quote: "We are racing against time", who: 4},
		{text: "Aid workers said supplies at Qayyarah were running low.", places: []int{3}},
	}},
}

// newFakeReader builds the corpus; big is the article count of the first
// story (the others have 5 and 3).
func newFakeReader(t testing.TB, big int) *fakeReader {
	f := &fakeReader{}
	for i, a := range fakeActors {
		f.actors = append(f.actors, view.Actor{ID: int64(i + 1), Name: a.name, Aliases: a.aliases, Type: a.typ, Country: a.country, Outlets: []string{}, Articles: []int64{}, Roles: []view.Role{}})
		if a.title != "" || a.org != "" {
			d := time.Date(2016, 10, 17, 0, 0, 0, 0, time.UTC)
			f.actors[i].Roles = []view.Role{{Title: a.title, Organisation: a.org, Country: a.country, Date: &d}}
		}
	}
	for i, p := range fakePlaces {
		f.places = append(f.places, view.Place{ID: int64(i + 1), Name: p.name, GeonamesID: p.geonames, Lat: p.lat, Lon: p.lon, Country: p.country, Feature: "P.PPL", Articles: []int64{}, Names: []string{p.name}})
	}
	counts := []int{big, 5, 3}
	storyline := view.Storyline{ID: 1, Headline: "The battle for Mosul"}
	for si, st := range fakeStories {
		story := &view.Story{StorySummary: view.StorySummary{ID: int64(si + 1), Headline: st.headline, Storyline: 1, FirstSeen: ptr(st.start)}}
		for k := 0; k < counts[si]; k++ {
			a := f.addArticle(story, st.sents, k, st.start.Add(time.Duration(k)*47*time.Minute))
			story.Members = append(story.Members, a.ArticleSummary)
		}
		f.finishStory(story, st.sents)
		f.stories = append(f.stories, story)
		storyline.Stories = append(storyline.Stories, story.StorySummary)
	}
	storyline.FirstSeen, storyline.LastSeen = f.stories[1].FirstSeen, f.stories[0].LastSeen
	f.storylines = []view.Storyline{storyline}
	f.addHostile(t)
	return f
}

func (f *fakeReader) addArticle(story *view.Story, sents []fSentence, k int, pub time.Time) *view.Article {
	id := int64(len(f.articles) + 1)
	oi := k % len(fakeOutlets)
	outlet := fakeOutlets[oi]
	p := pub
	a := &view.Article{
		ArticleSummary: view.ArticleSummary{ID: id, URL: fmt.Sprintf("https://example.org/%s/%d", strings.ToLower(strings.ReplaceAll(outlet, " ", "-")), id),
			Outlet: outlet, Title: fmt.Sprintf("%s (%s report %d)", story.Headline, outlet, k+1), Published: &p, Story: story.ID},
		Authors: []string{"Staff reporter"}, Language: "en",
	}
	var b strings.Builder
	for si, s := range sents {
		// Every outlet carries every sentence except that the last one of
		// each story is exclusive to the first outlet.
		if si == len(sents)-1 && oi != 0 {
			continue
		}
		text := strings.ReplaceAll(strings.ReplaceAll(s.text, "{IS}", isNames[oi]), "{N}", troopFigures[oi])
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(text)
		n := len(a.Sentences)
		a.Sentences = append(a.Sentences, view.Span{Start: start, End: b.Len()})
		for _, ai := range s.actors {
			act := &f.actors[ai]
			if at := strings.Index(text, act.Name); at >= 0 {
				a.Mentions = append(a.Mentions, view.Mention{Span: view.Span{Start: start + at, End: start + at + len(act.Name)}, Text: act.Name, Type: "PER", Sentence: n, Actor: act.ID})
			}
			a.Actors = appendActorRef(a.Actors, view.ActorRef{ID: act.ID, Name: act.Name, Type: act.Type})
			act.Mentions++
		}
		for _, pi := range s.places {
			pl := &f.places[pi]
			at := strings.Index(text, pl.Name)
			a.Places = append(a.Places, view.PlaceMention{Span: view.Span{Start: start + max(at, 0), End: start + max(at, 0) + len(pl.Name)}, Text: pl.Name, Sentence: n, Place: pl.ID, Name: pl.Name, Lat: pl.Lat, Lon: pl.Lon, Country: pl.Country, Confidence: 0.9})
			pl.Mentions++
		}
		if s.date != "" {
			a.Times = append(a.Times, view.TimeMention{Span: view.Span{Start: start, End: start}, Text: s.expr, Sentence: n, Type: "DATE", Value: s.date})
		}
		if s.quote != "" {
			q := view.Quote{Text: s.quote, Kind: "direct", Cue: "said", Article: id, Outlet: outlet, Sentence: n,
				Span: view.Span{Start: start + 1, End: start + 1 + len(s.quote)}, Citation: view.Citation{Article: id, Outlet: outlet, Sentence: n, Span: a.Sentences[n]}}
			if s.who >= 0 {
				q.Speaker, q.SpeakerActor, q.SpeakerResolved, q.SpeakerText = f.actors[s.who].Name, f.actors[s.who].ID, true, f.actors[s.who].Name
			} else {
				q.SpeakerText = "one resident"
			}
			a.Quotes = append(a.Quotes, q)
			f.quotes = append(f.quotes, q)
		}
	}
	a.Text = b.String()
	for _, ref := range a.Actors {
		act := &f.actors[ref.ID-1]
		act.Articles = append(act.Articles, id)
		act.Outlets = appendUniq(act.Outlets, outlet)
	}
	for _, pm := range a.Places {
		pl := &f.places[pm.Place-1]
		if len(pl.Articles) == 0 || pl.Articles[len(pl.Articles)-1] != id {
			pl.Articles = append(pl.Articles, id)
		}
		pl.Stories = appendUniqID(pl.Stories, story.ID)
	}
	if k > 0 && k%7 == 0 {
		a.DuplicateOf = id - 5
		a.Similar = []view.ArticleSimRef{{ID: id - 5, Outlet: outlet, Similarity: 0.93}}
	}
	f.articles = append(f.articles, a)
	story.Articles = append(story.Articles, id)
	story.Outlets = appendUniq(story.Outlets, outlet)
	if story.LastSeen == nil || pub.After(*story.LastSeen) {
		story.LastSeen = ptr(pub)
	}
	return a
}

func appendActorRef(refs []view.ActorRef, r view.ActorRef) []view.ActorRef {
	for _, x := range refs {
		if x.ID == r.ID {
			return refs
		}
	}
	return append(refs, r)
}

func appendUniq(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

func appendUniqID(xs []int64, v int64) []int64 {
	for _, x := range xs {
		if x == v {
			return xs
		}
	}
	return append(xs, v)
}

// finishStory fills the summary, timeline, actors, places, quotes and the
// outlet matrix of a story from its member articles.
func (f *fakeReader) finishStory(story *view.Story, sents []fSentence) {
	members := story.Articles
	cite := func(k, sent int) view.Citation {
		a := f.articles[members[k%len(members)]-1]
		return view.Citation{Article: a.ID, Outlet: a.Outlet, Sentence: sent, Span: a.Sentences[sent]}
	}
	first := f.articles[members[0]-1]
	for si := 0; si < min(4, len(sents)-1); si++ {
		text := first.Text[first.Sentences[si].Start:first.Sentences[si].End]
		cs := []view.Citation{cite(0, si)}
		if len(members) > 1 {
			cs = append(cs, cite(1, si))
		}
		story.Summary = append(story.Summary, view.SummarySentence{Text: text, Date: sents[si].date, Citations: cs})
	}
	actorSet, placeSet := map[int]int{}, map[int]bool{}
	for si, s := range sents {
		if s.date != "" {
			story.Timeline = append(story.Timeline, view.TimelineEntry{Date: s.date, Expression: s.expr, Text: first.Text[first.Sentences[si].Start:first.Sentences[si].End], Citation: cite(0, si)})
		}
		for _, ai := range s.actors {
			actorSet[ai] += len(members)
		}
		for _, pi := range s.places {
			placeSet[pi] = true
		}
	}
	sort.Slice(story.Timeline, func(i, j int) bool { return story.Timeline[i].Date < story.Timeline[j].Date })
	for ai, n := range actorSet {
		story.Actors = append(story.Actors, view.StoryActor{Actor: f.actors[ai], StoryMentions: n})
		story.StorySummary.Actors = append(story.StorySummary.Actors, f.actors[ai].Name)
	}
	sort.Slice(story.Actors, func(i, j int) bool {
		return story.Actors[i].StoryMentions > story.Actors[j].StoryMentions || story.Actors[i].StoryMentions == story.Actors[j].StoryMentions && story.Actors[i].ID < story.Actors[j].ID
	})
	for pi := range fakePlaces {
		if placeSet[pi] {
			story.Places = append(story.Places, f.places[pi])
			story.StorySummary.Places = append(story.StorySummary.Places, f.places[pi].Name)
		}
	}
	for _, id := range members {
		story.Quotes = append(story.Quotes, f.articles[id-1].Quotes...)
	}
	cmp := &view.Comparison{Outlets: story.Outlets}
	for si := range sents {
		c := view.Claim{Text: first.Text[first.Sentences[si].Start:first.Sentences[si].End], Citations: []view.Citation{cite(0, si)}}
		if si == len(sents)-1 {
			c.Outlets, c.Exclusive = []string{first.Outlet}, true
		} else {
			c.Outlets = story.Outlets
		}
		cmp.Claims = append(cmp.Claims, c)
	}
	wc := view.WordChoice{Referent: "Islamic State", ByOutlet: map[string][]string{}}
	nc := view.NumberClaim{What: "additional US troops", ByOutlet: map[string][]string{}}
	for i, o := range story.Outlets {
		wc.ByOutlet[o] = []string{isNames[i]}
		nc.ByOutlet[o] = []string{troopFigures[i]}
	}
	cmp.WordChoices = []view.WordChoice{wc}
	cmp.Numbers = []view.NumberClaim{nc}
	story.Comparison = cmp
}

// addHostile adds testdata/hostile_article.json as a story of its own.
func (f *fakeReader) addHostile(t testing.TB) {
	var h struct {
		URL, Outlet, Title, Text string
		Authors                  []string
		Place                    struct {
			Name, Country string
			Lat, Lon      float64
		}
		Actor struct{ Name, Type, Role string }
	}
	b, err := os.ReadFile("testdata/hostile_article.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &h); err != nil {
		t.Fatal(err)
	}
	id := int64(len(f.articles) + 1)
	pub := time.Date(2016, 10, 18, 8, 0, 0, 0, time.UTC)
	actor := view.Actor{ID: int64(len(f.actors) + 1), Name: h.Actor.Name, Type: h.Actor.Type, Aliases: []string{h.Actor.Name}, Roles: []view.Role{{Title: h.Actor.Role}}, Mentions: 1, Outlets: []string{h.Outlet}, Articles: []int64{id}}
	f.actors = append(f.actors, actor)
	place := view.Place{ID: int64(len(f.places) + 1), Name: h.Place.Name, Lat: h.Place.Lat, Lon: h.Place.Lon, Country: h.Place.Country, Mentions: 1, Articles: []int64{id}, Stories: []int64{int64(len(f.stories) + 1)}}
	f.places = append(f.places, place)
	a := &view.Article{ArticleSummary: view.ArticleSummary{ID: id, URL: h.URL, Outlet: h.Outlet, Title: h.Title, Published: &pub, Story: int64(len(f.stories) + 1)},
		Authors: h.Authors, Language: "en", Text: h.Text}
	// Sentences: split on ". ".
	start := 0
	for i := 0; i < len(h.Text); i++ {
		if i == len(h.Text)-1 || (h.Text[i] == '.' && i+1 < len(h.Text) && h.Text[i+1] == ' ') {
			a.Sentences = append(a.Sentences, view.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	last := len(a.Sentences) - 1
	a.Actors = []view.ActorRef{{ID: actor.ID, Name: actor.Name, Type: actor.Type}}
	a.Places = []view.PlaceMention{{Text: place.Name, Sentence: 0, Place: place.ID, Name: place.Name, Lat: place.Lat, Lon: place.Lon, Country: place.Country}}
	q := view.Quote{Text: "<img src=x onerror=alert(1)>", Speaker: actor.Name, SpeakerActor: actor.ID, SpeakerResolved: true, Kind: "direct", Article: id, Outlet: h.Outlet, Sentence: last,
		Citation: view.Citation{Article: id, Outlet: h.Outlet, Sentence: last, Span: a.Sentences[last]}}
	a.Quotes = []view.Quote{q}
	f.quotes = append(f.quotes, q)
	f.articles = append(f.articles, a)
	cite := view.Citation{Article: id, Outlet: h.Outlet, Sentence: 0, Span: a.Sentences[0]}
	story := &view.Story{
		StorySummary: view.StorySummary{ID: int64(len(f.stories) + 1), Headline: h.Title, Articles: []int64{id}, Outlets: []string{h.Outlet}, FirstSeen: ptr(pub), LastSeen: ptr(pub), Actors: []string{actor.Name}, Places: []string{place.Name}},
		Summary:      []view.SummarySentence{{Text: h.Text[a.Sentences[1].Start:a.Sentences[1].End], Date: "2016-10-18", Citations: []view.Citation{cite}}},
		Timeline:     []view.TimelineEntry{{Date: "2016-10-18", Expression: "<b>today</b>", Text: h.Title, Citation: cite}},
		Actors:       []view.StoryActor{{Actor: actor, StoryMentions: 1}},
		Places:       []view.Place{place},
		Quotes:       []view.Quote{q},
		Members:      []view.ArticleSummary{a.ArticleSummary},
		Comparison: &view.Comparison{Outlets: []string{h.Outlet}, Claims: []view.Claim{{Text: h.Title, Outlets: []string{h.Outlet}, Exclusive: true, Citations: []view.Citation{cite}}},
			WordChoices: []view.WordChoice{{Referent: h.Actor.Name, ByOutlet: map[string][]string{h.Outlet: {h.Title}}}}},
	}
	f.stories = append(f.stories, story)
	f.hostileID = id
}

// page cuts a listing to q's window.
func page[T any](items []T, q view.Query) view.Page[T] {
	p := view.Page[T]{Total: len(items), Offset: q.Offset, Limit: q.Limit}
	lo := min(q.Offset, len(items))
	hi := len(items)
	if q.Limit > 0 {
		hi = min(lo+q.Limit, len(items))
	}
	p.Items = items[lo:hi]
	return p
}

func (f *fakeReader) actorMatches(a *view.Article, key string) bool {
	for _, r := range a.Actors {
		if f.actorKey(r.ID, key) {
			return true
		}
	}
	return false
}

func (f *fakeReader) actorKey(id int64, key string) bool {
	if strconv.FormatInt(id, 10) == key {
		return true
	}
	ac := f.actors[id-1]
	if strings.EqualFold(ac.Name, key) {
		return true
	}
	for _, al := range ac.Aliases {
		if strings.EqualFold(al, key) {
			return true
		}
	}
	return false
}

func placeMatches(a *view.Article, key string) bool {
	for _, p := range a.Places {
		if strings.EqualFold(p.Name, key) || strconv.FormatInt(p.Place, 10) == key {
			return true
		}
	}
	return false
}

func (f *fakeReader) articleOK(a *view.Article, q view.Query) bool {
	switch {
	case q.Outlet != "" && a.Outlet != q.Outlet,
		q.Story != 0 && a.Story != q.Story,
		q.Actor != "" && !f.actorMatches(a, q.Actor),
		q.Place != "" && !placeMatches(a, q.Place),
		!q.From.IsZero() && a.Published.Before(q.From),
		!q.To.IsZero() && !a.Published.Before(q.To):
		return false
	}
	return true
}

func (f *fakeReader) Articles(ctx context.Context, q view.Query) (view.Page[view.ArticleSummary], error) {
	var out []view.ArticleSummary
	for i := len(f.articles) - 1; i >= 0; i-- {
		a := f.articles[i]
		if f.articleOK(a, q) && (q.Text == "" || strings.Contains(strings.ToLower(a.Title), strings.ToLower(q.Text))) {
			out = append(out, a.ArticleSummary)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.After(*out[j].Published) })
	return page(out, q), nil
}

func (f *fakeReader) Article(ctx context.Context, id int64) (*view.Article, error) {
	if id < 1 || id > int64(len(f.articles)) {
		return nil, view.ErrNotFound
	}
	return f.articles[id-1], nil
}

func (f *fakeReader) Stories(ctx context.Context, q view.Query) (view.Page[view.StorySummary], error) {
	var out []view.StorySummary
	for _, s := range f.stories {
		ok := len(s.Articles) >= q.MinCount
		if q.Outlet != "" || q.Actor != "" || q.Place != "" || !q.From.IsZero() || !q.To.IsZero() {
			any := false
			for _, id := range s.Articles {
				any = any || f.articleOK(f.articles[id-1], view.Query{Outlet: q.Outlet, Actor: q.Actor, Place: q.Place, From: q.From, To: q.To})
			}
			ok = ok && any
		}
		if ok && (q.Text == "" || strings.Contains(strings.ToLower(s.Headline), strings.ToLower(q.Text))) {
			out = append(out, s.StorySummary)
		}
	}
	switch q.Sort {
	case "biggest":
		sort.SliceStable(out, func(i, j int) bool { return len(out[i].Articles) > len(out[j].Articles) })
	default:
		// Newest first; undated stories after every dated one.
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i].LastSeen, out[j].LastSeen
			return a != nil && (b == nil || a.After(*b))
		})
	}
	return page(out, q), nil
}

func (f *fakeReader) Story(ctx context.Context, id int64) (*view.Story, error) {
	if id < 1 || id > int64(len(f.stories)) {
		return nil, view.ErrNotFound
	}
	return f.stories[id-1], nil
}

func (f *fakeReader) Storylines(ctx context.Context, q view.Query) (view.Page[view.Storyline], error) {
	return page(f.storylines, q), nil
}

func (f *fakeReader) Actors(ctx context.Context, q view.Query) (view.Page[view.Actor], error) {
	var out []view.Actor
	for _, a := range f.actors {
		if q.Text == "" || strings.Contains(strings.ToLower(a.Name), strings.ToLower(q.Text)) {
			out = append(out, a)
		}
	}
	return page(out, q), nil
}

func (f *fakeReader) Actor(ctx context.Context, key string) (*view.ActorPage, error) {
	for _, a := range f.actors {
		if !f.actorKey(a.ID, key) {
			continue
		}
		p := &view.ActorPage{Actor: a}
		for _, s := range f.stories {
			for _, sa := range s.Actors {
				if sa.ID == a.ID {
					p.Stories = append(p.Stories, s.StorySummary)
				}
			}
		}
		for _, q := range f.quotes {
			if q.SpeakerActor == a.ID {
				p.Quotes = append(p.Quotes, q)
			}
		}
		for _, id := range a.Articles {
			ar := f.articles[id-1]
			for _, m := range ar.Mentions {
				if m.Actor == a.ID && len(p.Sentences) < 20 {
					sp := ar.Sentences[m.Sentence]
					p.Sentences = append(p.Sentences, view.Citation{Article: id, Outlet: ar.Outlet, Sentence: m.Sentence, Span: sp})
					p.Texts = append(p.Texts, ar.Text[sp.Start:sp.End])
				}
			}
		}
		return p, nil
	}
	return nil, view.ErrNotFound
}

func (f *fakeReader) Places(ctx context.Context, q view.Query) (view.Page[view.Place], error) {
	var out []view.Place
	for _, p := range f.places {
		if q.Text == "" || strings.Contains(strings.ToLower(p.Name), strings.ToLower(q.Text)) {
			out = append(out, p)
		}
	}
	return page(out, q), nil
}

func (f *fakeReader) Place(ctx context.Context, key string) (*view.PlacePage, error) {
	for _, p := range f.places {
		if !strings.EqualFold(p.Name, key) && strconv.FormatInt(p.ID, 10) != key && strconv.FormatInt(p.GeonamesID, 10) != key {
			continue
		}
		pp := &view.PlacePage{Place: p}
		for _, sid := range p.Stories {
			pp.StoryList = append(pp.StoryList, f.stories[sid-1].StorySummary)
		}
		for _, id := range p.Articles {
			ar := f.articles[id-1]
			for _, m := range ar.Places {
				if m.Place == p.ID && len(pp.Sentences) < 20 {
					sp := ar.Sentences[m.Sentence]
					pp.Sentences = append(pp.Sentences, view.Citation{Article: id, Outlet: ar.Outlet, Sentence: m.Sentence, Span: sp})
					pp.Texts = append(pp.Texts, ar.Text[sp.Start:sp.End])
				}
			}
		}
		return pp, nil
	}
	return nil, view.ErrNotFound
}

func (f *fakeReader) Quotes(ctx context.Context, q view.Query) (view.Page[view.Quote], error) {
	var out []view.Quote
	for _, qu := range f.quotes {
		a := f.articles[qu.Article-1]
		if (q.Speaker == "" || qu.SpeakerActor != 0 && f.actorKey(qu.SpeakerActor, q.Speaker)) &&
			(q.Article == 0 || qu.Article == q.Article) && f.articleOK(a, view.Query{Story: q.Story, Outlet: q.Outlet, From: q.From, To: q.To}) {
			out = append(out, qu)
		}
	}
	return page(out, q), nil
}

func (f *fakeReader) Timeline(ctx context.Context, q view.Query) (view.Page[view.TimelineEntry], error) {
	var out []view.TimelineEntry
	for _, s := range f.stories {
		if q.Story == 0 || s.ID == q.Story {
			out = append(out, s.Timeline...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return page(out, q), nil
}

func (f *fakeReader) Search(ctx context.Context, q view.Query) (*view.SearchResult, error) {
	var hits []view.ArticleHit
	res := &view.SearchResult{}
	actors, places, outlets, days := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	needle := strings.ToLower(q.Text)
	for _, a := range f.articles {
		if !f.articleOK(a, q) {
			continue
		}
		text := strings.ToLower(a.Text)
		at := strings.Index(text, needle)
		if needle != "" && at < 0 && !strings.Contains(strings.ToLower(a.Title), needle) {
			continue
		}
		snip := a.Text[max(at, 0):min(max(at, 0)+120, len(a.Text))]
		h := view.ArticleHit{ArticleSummary: a.ArticleSummary, Snippet: snip}
		if needle != "" && at >= 0 {
			h.Highlights = []view.Span{{Start: 0, End: min(len(needle), len(snip))}}
		}
		hits = append(hits, h)
		for _, r := range a.Actors {
			actors[r.Name]++
		}
		for _, p := range a.Places {
			places[p.Name]++
		}
		outlets[a.Outlet]++
		days[a.Published.Format("2006-01-02")]++
	}
	res.Page = page(hits, q)
	res.Facets = view.Facets{Actors: facets(actors), Places: facets(places), Outlets: facets(outlets), Days: facets(days)}
	return res, nil
}

func facets(m map[string]int) []view.Facet {
	out := []view.Facet{}
	for v, n := range m {
		out = append(out, view.Facet{Value: v, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Count > out[j].Count || out[i].Count == out[j].Count && out[i].Value < out[j].Value
	})
	return out
}

func ptr[T any](v T) *T { return &v }
