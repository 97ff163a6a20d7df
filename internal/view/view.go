// Package view assembles what a person reads — story pages, actor and place
// pages, quotes, timelines, search results — from the store and the story
// stage. The CLI and the HTTP server both render these values, so a story
// looks the same in a terminal, in JSON and in the browser. The JSON field
// names here are the stable public names of sitrep's API.
package view

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned when the thing asked for does not exist.
var ErrNotFound = errors.New("not found")

// Reader is everything the CLI and the server read. Implementations: the
// store-backed reader in this package (New), and fakes in tests.
type Reader interface {
	Articles(ctx context.Context, q Query) (Page[ArticleSummary], error)
	Article(ctx context.Context, id int64) (*Article, error)
	Stories(ctx context.Context, q Query) (Page[StorySummary], error)
	Story(ctx context.Context, id int64) (*Story, error)
	Storylines(ctx context.Context, q Query) (Page[Storyline], error)
	Actors(ctx context.Context, q Query) (Page[Actor], error)
	// Actor finds one actor by id ("123") or by any of its names or aliases.
	Actor(ctx context.Context, key string) (*ActorPage, error)
	Places(ctx context.Context, q Query) (Page[Place], error)
	Place(ctx context.Context, key string) (*PlacePage, error)
	Quotes(ctx context.Context, q Query) (Page[Quote], error)
	// Timeline lists dated statements of one article (q.Article) or one
	// story (q.Story), or of everything, sorted by the date they speak of.
	Timeline(ctx context.Context, q Query) (Page[TimelineEntry], error)
	Search(ctx context.Context, q Query) (*SearchResult, error)
}

// Query selects and pages a listing. Zero fields do not filter.
type Query struct {
	Text    string    `json:"q,omitempty"`       // full-text query (Search) or name filter
	Outlet  string    `json:"outlet,omitempty"`  // outlet name
	Actor   string    `json:"actor,omitempty"`   // actor id or name/alias
	Place   string    `json:"place,omitempty"`   // place id, GeoNames id or name
	Speaker string    `json:"speaker,omitempty"` // quotes: speaker actor id or name/alias
	Story   int64     `json:"story,omitempty"`
	Article int64     `json:"article,omitempty"`
	From    time.Time `json:"from,omitempty"` // published at or after
	To      time.Time `json:"to,omitempty"`   // published before
	Limit   int       `json:"limit,omitempty"`
	// LimitRequested is the limit the caller asked for before a cap was
	// applied to Limit (0: not capped).
	LimitRequested int    `json:"-"`
	Offset         int    `json:"offset,omitempty"`
	Sort           string `json:"sort,omitempty"` // listing-specific: "newest", "biggest"
	MinCount       int    `json:"min_count,omitempty"`
	// MinConfidence drops quotes scored below it (speech cues score
	// ≥ 0.6; stance verbs and guessed verbs 0.45–0.55).
	MinConfidence float64 `json:"min_confidence,omitempty"`
}

// MaxPageSize is the most items one page of a listing holds, whatever
// the limit asked (the server may cap lower). A larger limit is capped and
// the caller told so (Page.LimitRequested, a note from the CLI).
const MaxPageSize = 1000

// Page is one page of a listing.
type Page[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
	// LimitRequested is the limit asked for when it was more than a page
	// holds and Limit is the cap applied; absent otherwise.
	LimitRequested int `json:"limit_requested,omitempty"`
}

// ArticleSummary is an article in a listing.
type ArticleSummary struct {
	ID                 int64      `json:"id"`
	URL                string     `json:"url"`
	Outlet             string     `json:"outlet"`
	Title              string     `json:"title"`
	Published          *time.Time `json:"published"`
	PublishedEstimated bool       `json:"published_estimated"`
	Story              int64      `json:"story,omitempty"`
	DuplicateOf        int64      `json:"duplicate_of,omitempty"`
}

// Article is an article with its text and analysis.
type Article struct {
	ArticleSummary
	Authors   []string        `json:"authors"`
	Language  string          `json:"language"`
	Text      string          `json:"text"`
	Sentences []Span          `json:"sentences"`
	Mentions  []Mention       `json:"mentions"`
	Places    []PlaceMention  `json:"places"`
	Times     []TimeMention   `json:"times"`
	Quotes    []Quote         `json:"quotes"`
	Actors    []ActorRef      `json:"actors"`
	Versions  []int64         `json:"versions,omitempty"` // ids of all versions of this URL, oldest first
	Similar   []ArticleSimRef `json:"similar,omitempty"`  // near-duplicates
	Analysis  Analysis        `json:"analysis"`
	Faults    []Fault         `json:"faults"` // stages that failed on this article (recovered; the article skipped by them)
}

// Analysis says how far an article was analysed.
type Analysis struct {
	// Status: "complete"; "incomplete" (the time budget ran out or a stage
	// failed: what was found is shown); "not_analysed" (a language the
	// models do not know: stored, searched and clustered by its words only);
	// "none" (ingested with --no-analyse).
	Status   string `json:"status"`
	Note     string `json:"note,omitempty"`     // why, in words: "not analysed: German"
	Language string `json:"language,omitempty"` // the language's name when known ("German")
}

// Fault is a stage's recovered failure on an article.
type Fault struct {
	Stage   string    `json:"stage"`
	Message string    `json:"message"`
	Where   string    `json:"where,omitempty"`
	At      time.Time `json:"at"`
}

// Span is a byte range [Start, End) of an article's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Mention is a named-entity mention.
type Mention struct {
	Span
	Text     string `json:"text"`
	Type     string `json:"type"`
	Sentence int    `json:"sentence"`
	Actor    int64  `json:"actor,omitempty"`
}

// PlaceMention is a toponym in an article resolved to a place.
type PlaceMention struct {
	Span
	Text       string  `json:"text"`
	Sentence   int     `json:"sentence"`
	Place      int64   `json:"place"`
	Name       string  `json:"name"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Country    string  `json:"country"`
	Confidence float64 `json:"confidence"`
	// Unresolved: a toponym no source of the gazetteer knows (a village,
	// a street); it has no point and is shown as unresolved, never placed
	// at a guess.
	Unresolved bool `json:"unresolved,omitempty"`
}

// TimeMention is a time expression normalised to TIMEX3.
type TimeMention struct {
	Span
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Type     string `json:"type"`  // DATE, TIME, DURATION, SET
	Value    string `json:"value"` // TIMEX3 value, e.g. 2016-10-23
}

// ActorRef names an actor.
type ActorRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// ArticleSimRef is a near-duplicate of an article.
type ArticleSimRef struct {
	ID         int64   `json:"id"`
	Outlet     string  `json:"outlet"`
	Similarity float64 `json:"similarity"`
}

// Citation points to the sentence that supports a claim.
type Citation struct {
	Article  int64  `json:"article"`
	Outlet   string `json:"outlet"`
	Sentence int    `json:"sentence"`
	Span
}

// StorySummary is a story (an event) in a listing.
type StorySummary struct {
	ID       int64    `json:"id"`
	Headline string   `json:"headline"`
	Articles []int64  `json:"articles"`
	Outlets  []string `json:"outlets"`
	// FirstSeen and LastSeen are the earliest and latest publication
	// dates of the members; nil (null) when no member is dated: an
	// undated story is never given its ingestion time as a date.
	FirstSeen *time.Time `json:"first_seen"`
	LastSeen  *time.Time `json:"last_seen"`
	// SeenEstimated: FirstSeen and LastSeen come from estimated
	// publication dates only (no member states its date).
	SeenEstimated bool     `json:"seen_estimated,omitempty"`
	Storyline     int64    `json:"storyline"`
	Actors        []string `json:"actors,omitempty"` // top actor names
	Places        []string `json:"places,omitempty"` // top place names
}

// Story is everything about one story.
type Story struct {
	StorySummary
	Summary    []SummarySentence `json:"summary"`
	Timeline   []TimelineEntry   `json:"timeline"`
	Actors     []StoryActor      `json:"actors"`
	Places     []Place           `json:"places"`
	Quotes     []Quote           `json:"quotes"`
	Comparison *Comparison       `json:"comparison"`
	Members    []ArticleSummary  `json:"members"`
}

// StoryActor is an actor as it appears in one story.
type StoryActor struct {
	Actor
	StoryMentions int `json:"story_mentions"`
}

// SummarySentence is one sentence of a cited summary.
type SummarySentence struct {
	Text      string     `json:"text"`
	Date      string     `json:"date,omitempty"`      // TIMEX3 value the sentence speaks of, if any
	Estimated bool       `json:"estimated,omitempty"` // Date is relative to an estimated publication date
	Citations []Citation `json:"citations"`
}

// TimelineEntry is a dated statement.
type TimelineEntry struct {
	Date       string   `json:"date"` // TIMEX3 value, e.g. 2016-10-23 or 2016-W42
	Expression string   `json:"expression"`
	Text       string   `json:"text"` // the sentence
	Citation   Citation `json:"citation"`
	// Estimated: the date was computed relative to an estimated
	// publication date ("on Sunday" in an undated article) and may be off.
	Estimated bool `json:"estimated,omitempty"`
}

// Comparison is the outlet matrix of a story.
type Comparison struct {
	Outlets     []string      `json:"outlets"`
	Claims      []Claim       `json:"claims"`
	WordChoices []WordChoice  `json:"word_choices"`
	Numbers     []NumberClaim `json:"numbers"`
}

// Claim is a sentence-level fact and the outlets carrying it.
type Claim struct {
	Text      string     `json:"text"`
	Outlets   []string   `json:"outlets"`
	Exclusive bool       `json:"exclusive"` // only one outlet reported it
	Citations []Citation `json:"citations"`
}

// WordChoice is how each outlet names the same referent.
type WordChoice struct {
	Referent string              `json:"referent"`
	ByOutlet map[string][]string `json:"by_outlet"`
}

// NumberClaim is a number (troop count, casualties) as each outlet gave it.
type NumberClaim struct {
	What     string              `json:"what"`
	ByOutlet map[string][]string `json:"by_outlet"`
}

// Storyline is a chain of stories linked over weeks or months.
type Storyline struct {
	ID        int64          `json:"id"`
	Headline  string         `json:"headline"`
	Stories   []StorySummary `json:"stories"`
	FirstSeen *time.Time     `json:"first_seen"` // nil when no story is dated
	LastSeen  *time.Time     `json:"last_seen"`
}

// Role is an actor's title or affiliation, with its date.
type Role struct {
	Title        string     `json:"title"`
	Organisation string     `json:"organisation,omitempty"`
	Country      string     `json:"country,omitempty"`
	Date         *time.Time `json:"date,omitempty"`
	Citation     *Citation  `json:"citation,omitempty"`
	// Roles from the actor dictionary (source "phoenix") carry a CAMEO
	// code and the dates it is valid between instead of a citation.
	Code   string     `json:"code,omitempty"`
	From   *time.Time `json:"from,omitempty"`
	Until  *time.Time `json:"until,omitempty"`
	Source string     `json:"source,omitempty"`
}

// Actor is a canonical actor with its aliases merged.
type Actor struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Type     string   `json:"type"` // person, government, military, armed group, IGO, NGO, media, business, location, other
	Code     string   `json:"code,omitempty"`
	Country  string   `json:"country,omitempty"`
	Roles    []Role   `json:"roles"`
	Mentions int      `json:"mentions"`
	Outlets  []string `json:"outlets"`
	Articles []int64  `json:"articles"`
}

// ActorPage is everything about one actor.
type ActorPage struct {
	Actor
	Stories   []StorySummary `json:"stories"`
	Quotes    []Quote        `json:"quotes"`    // said by the actor
	Sentences []Citation     `json:"sentences"` // supporting sentences, newest first
	Texts     []string       `json:"texts"`     // the text of each of Sentences
}

// Place is a resolved place.
type Place struct {
	ID         int64   `json:"id"`
	Name       string  `json:"name"`
	GeonamesID int64   `json:"geonames_id,omitempty"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Country    string  `json:"country"`
	Feature    string  `json:"feature,omitempty"` // GeoNames feature class/code
	Class      string  `json:"class,omitempty"`   // city, region, country, area, water, landform, landmark, transport, park (geo.FeatureClass)
	// Shape is the extent of a river, lake, range or sea as lines of
	// [lat, lon] points (simplified), absent for a point place.
	Shape    [][][2]float64 `json:"shape,omitempty"`
	Mentions int            `json:"mentions"`
	Articles []int64        `json:"articles"`
	Stories  []int64        `json:"stories,omitempty"`
	Names    []string       `json:"names,omitempty"` // surface forms seen
}

// PlacePage is everything about one place.
type PlacePage struct {
	Place
	StoryList []StorySummary `json:"story_list"`
	Sentences []Citation     `json:"sentences"`
	Texts     []string       `json:"texts"`
}

// Quote is a quotation or reported statement with its speaker.
type Quote struct {
	Text            string   `json:"text"`
	Speaker         string   `json:"speaker"` // canonical name; "" when unresolved
	SpeakerText     string   `json:"speaker_text,omitempty"`
	SpeakerActor    int64    `json:"speaker_actor,omitempty"`
	SpeakerResolved bool     `json:"speaker_resolved"`
	Cue             string   `json:"cue,omitempty"`
	Kind            string   `json:"kind"` // direct, indirect, mixed
	Confidence      float64  `json:"confidence"`
	Article         int64    `json:"article"`
	Outlet          string   `json:"outlet"`
	Sentence        int      `json:"sentence"`
	Span            Span     `json:"span"`
	Citation        Citation `json:"citation"`
}

// SearchResult is a page of matching articles with facets.
type SearchResult struct {
	Page[ArticleHit]
	Facets Facets `json:"facets"`
	// FacetsApproximate is true when the facets were counted over only
	// the newest FacetsSample matches, not all Total of them (a search with
	// many matches).
	FacetsApproximate bool `json:"facets_approximate"`
	FacetsSample      int  `json:"facets_sample,omitempty"`
	// RankWindow, when set, says the matches are listed in two tiers: the
	// newest RankWindow matches by relevance, then the older ones by
	// relevance. Zero when every match was ranked together.
	RankWindow int `json:"rank_window,omitempty"`
}

// ArticleHit is an article matching a search, with a snippet.
type ArticleHit struct {
	ArticleSummary
	// Snippet is plain text around the matches (no markup); Highlights
	// are the byte spans of Snippet that matched the query.
	Snippet    string `json:"snippet"`
	Highlights []Span `json:"highlights,omitempty"`
}

// Facets count the matches by actor, place, outlet and day.
type Facets struct {
	Actors  []Facet `json:"actors"`
	Places  []Facet `json:"places"`
	Outlets []Facet `json:"outlets"`
	Days    []Facet `json:"days"`
}

// Facet is one value of a facet and its count.
type Facet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}
