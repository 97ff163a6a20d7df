// Package store keeps sitrep's documents, articles and (as later stages add
// them) analysis results. This file is the interface; implementations live
// in subfolders — sqlite/ is the embedded default — so the rest of sitrep
// never names a database.
package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/fault"
	"github.com/sitrep/sitrep/internal/view"
)

// Store is what sitrep needs from a database.
type Store interface {
	// Put stores a batch of cleaned articles with their raw documents in
	// one transaction: all of the batch goes in, or none of it.
	Put(ctx context.Context, items []Item) ([]PutResult, error)
	// Article returns one article by id, or ErrNotFound.
	Article(ctx context.Context, id int64) (*Article, error)
	// Articles lists articles, newest first.
	Articles(ctx context.Context, q Query) ([]*Article, error)
	// Annotation returns the analysis stored for an article (sentences
	// and entity mentions, with byte offsets into its text).
	Annotation(ctx context.Context, id int64) (*analyse.Annotation, error)
	// Count returns the number of stored articles and documents.
	Count(ctx context.Context) (articles, documents int64, err error)
	// Faults lists the faults recorded on an article, oldest first.
	Faults(ctx context.Context, article int64) ([]Fault, error)
	// PutFaults records faults outside a Put or PutDerived.
	PutFaults(ctx context.Context, fs []Fault) error
	// Health counts what the stages could not do: faults, incomplete
	// analyses, languages not analysed.
	Health(ctx context.Context) (Health, error)
	Queries
	Corpus
	Close() error
}

// Queries are the read queries behind the CLI and the API. They return
// the read model's types (internal/view) and page with view.Query.
type Queries interface {
	ArticleList(ctx context.Context, q view.Query) (view.Page[view.ArticleSummary], error)
	// Summaries returns the listing form of the given articles, in order.
	Summaries(ctx context.Context, ids []int64) ([]view.ArticleSummary, error)
	QuoteList(ctx context.Context, q view.Query) (view.Page[view.Quote], error)
	PlaceList(ctx context.Context, q view.Query) (view.Page[view.Place], error)
	TimeList(ctx context.Context, q view.Query) (view.Page[view.TimelineEntry], error)
	SearchArticles(ctx context.Context, q view.Query) (*view.SearchResult, error)
	ActorList(ctx context.Context, q view.Query) (view.Page[view.Actor], error)
	FindActor(ctx context.Context, key string) (*view.Actor, error)
	ActorCitations(ctx context.Context, actor int64, limit int) ([]view.Citation, []string, error)
	// PlaceCitations lists the sentences naming a place (view.Place.ID).
	PlaceCitations(ctx context.Context, place int64, limit int) ([]view.Citation, []string, error)
	StoryList(ctx context.Context, q view.Query) (view.Page[view.StorySummary], error)
	StoryByID(ctx context.Context, id int64) (*view.StorySummary, error)
	// StoryPage returns a story's composed page (the JSON of a
	// view.Story) as the corpus stage stored it; nil when none is stored.
	StoryPage(ctx context.Context, id int64) ([]byte, error)
}

// Corpus is the state of the corpus-level stages (actors across articles,
// stories): they take in articles in id order, after Put, and write their
// results with PutDerived. LastDerived says where they stopped, so an
// interrupted run resumes.
type Corpus interface {
	LastDerived(ctx context.Context) (int64, error)
	State(ctx context.Context, name string) ([]byte, error)
	// StateLog returns the changes appended to a named state's log since
	// its whole value was last written (Derived.StateLog), oldest first;
	// nil when none.
	StateLog(ctx context.Context, name string) ([][]byte, error)
	PutDerived(ctx context.Context, d *Derived) error
	// ArticleIDsAfter lists the ids of the latest versions of articles
	// stored after id, in order.
	ArticleIDsAfter(ctx context.Context, id int64) ([]int64, error)
	// PutStoryPages stores composed story pages.
	PutStoryPages(ctx context.Context, pages []StoryPage) error
}

// StoryPage is a story's page as composed when the story last changed:
// the JSON of a view.Story, and the names its listing shows. A nil Page
// stores the listing's names only and removes any page stored before:
// the page is composed when it is read (storeview.Reader.Page), for
// stories whose page costs little to compose on a read.
type StoryPage struct {
	ID                   int64
	Page                 []byte
	TopActors, TopPlaces []string
}

// Derived is what the corpus stages computed for a run of articles.
type Derived struct {
	Actors         []ActorRecord // inserted or replaced by ID
	Refs           []ActorRef
	Speakers       []SpeakerRef
	Assignments    []Assignment
	Events         []EventRecord   // inserted or replaced by ID; counts, outlets and dates are recomputed from the members
	EventMerges    map[int64]int64 // merged event -> surviving event: members move, the merged event goes
	StorylineMoves map[int64]int64 // event -> its new storyline
	ActorMerges    map[int64]int64 // actor folded into another -> the survivor: references move, the folded actor goes
	// State replaces named states whole, and empties their logs.
	State map[string][]byte
	// StateLog appends a change to each named state's log, after State is
	// written: a state is its whole value followed by its log, so that a
	// run writes only what changed (the corpus stage's clusterer and
	// actor registry) and compacts now and then by writing it whole.
	StateLog    map[string][]byte
	LastArticle int64
	Faults      []Fault // articles a corpus stage failed on (and skipped)
	// After is the last article the stages had taken in when they computed
	// this run: the store refuses the run with ErrConflict when another
	// process has moved the position meanwhile.
	After int64
}

// Fault is a stage's failure on one article, recovered and kept.
type Fault struct {
	Article int64
	fault.Fault
	At time.Time
}

// Health is the state of a database as `sitrep status` shows it.
type Health struct {
	Articles, Documents int64
	Faults              map[string]int64 // by stage
	FaultyArticles      int64            // articles with at least one fault
	FaultyIDs           []int64          // the first of them (at most 20), by id
	Incomplete          int64            // analysis stopped early (time budget or fault)
	NotAnalysed         map[string]int64 // by language (ISO 639-1)
	NoAnalysis          int64            // ingested with --no-analyse
	Unplaced            int64            // articles not (yet) in a story
}

// ActorRecord is a canonical actor.
type ActorRecord struct {
	ID               int64
	Name, Type, Code string
	Country          string
	Aliases          []string
	Roles            []view.Role
	Mentions         int
}

// ActorRef is one reference to an actor in an article (a name, alias,
// pronoun or role noun).
type ActorRef struct {
	Article, Actor int64
	Sentence       int
	Start, End     int
	Kind           string
}

// SpeakerRef links the quote starting at Start in Article to its speaker.
type SpeakerRef struct {
	Article, Actor int64
	Start          int
}

// Assignment places an article in an event and a storyline.
type Assignment struct {
	Article, Event, Storyline int64
	DuplicateOf               int64
	Similarity                float64
}

// EventRecord is a story (event) as the clusterer sees it.
type EventRecord struct {
	ID, Storyline       int64
	Headline            string
	FirstSeen, LastSeen time.Time
	Articles            int
	Outlets             []string
}

// Item is one document and the article cleaned from it.
type Item struct {
	Raw      Raw
	Article  clean.Article
	Analysis *analyse.Annotation // nil when the article was not analysed
	// Digest is the store's Prepare of this item (Preparer), made by the
	// caller ahead of Put; nil and Put works it out itself. It must be
	// remade if Raw or Article change.
	Digest *Digest
}

// Preparer is implemented by stores that can do part of Put's work on an
// item ahead of it, without the database: hashing, compressing. A store
// has one writer at a time, and a pipeline that prepares its items on its
// parallel workers keeps that work off the writer. Prepare may be called
// from several goroutines at once.
type Preparer interface {
	Prepare(it *Item)
}

// Digest is an item's content hashes (the keys of deduplication) and its
// raw bytes as the store that prepared it keeps them.
type Digest struct {
	RawHash  [32]byte // sha256 of Raw.Body
	TextHash [32]byte // sha256 of Article.Title, a NUL byte and Article.Text
	// Packed: Stored and Compression are Raw.Body as the preparing store
	// keeps it and how ("" as it is); a store that does not pack raw
	// bytes leaves them unset.
	Packed      bool
	Stored      []byte
	Compression string
}

// Digested returns the item's hashes: its Digest's, or worked out now.
func (it *Item) Digested() *Digest {
	if it.Digest != nil {
		return it.Digest
	}
	return &Digest{RawHash: sha256.Sum256(it.Raw.Body), TextHash: TextHash(it.Article.Title, it.Article.Text)}
}

// TextHash is the sha256 of title, a NUL byte and text: what makes two
// articles the same article.
func TextHash(title, text string) [32]byte {
	b := make([]byte, 0, len(title)+1+len(text))
	b = append(append(append(b, title...), 0), text...)
	return sha256.Sum256(b)
}

// Raw is an input document as ingested: its bytes and where they came from.
type Raw struct {
	Origin    string
	URL       string
	MediaType string
	Encoding  string
	Body      []byte
	Fetched   time.Time
}

// Outcome says what Put did with an item.
type Outcome string

// Outcomes of Put.
const (
	Added      Outcome = "added"       // a new article
	NewVersion Outcome = "new_version" // an updated version of an article already stored under the same URL
	Duplicate  Outcome = "duplicate"   // identical content already stored; nothing added
)

// PutResult reports one item of a Put.
type PutResult struct {
	Outcome Outcome
	ID      int64 // the article's id (the existing one for a duplicate)
	// PreviousID is the version this one replaces (NewVersion only).
	PreviousID int64
}

// Article is a stored article.
type Article struct {
	clean.Article
	ID         int64
	DocumentID int64
	Origin     string
	MediaType  string
	Version    int
	PreviousID int64 // 0 for a first version
	Ingested   time.Time
	// Analysis is the analysis status: "" complete, "incomplete",
	// "not_analysed" (language), "none" (ingested without analysis);
	// AnalysisNote says why.
	Analysis, AnalysisNote string
}

// Query selects articles.
type Query struct {
	Limit  int // 0 means no limit
	Offset int
	Outlet string
}

// ErrNotFound is returned for an id that does not exist.
var ErrNotFound = errors.New("not found")

// ErrUnavailable is wrapped by errors that say the database server could
// not be reached (down, restarting, still starting up): trying again later
// may succeed, unlike a refused password or a damaged schema.
var ErrUnavailable = errors.New("cannot reach the database server")

// StoryPages is implemented by stores that read what a story page lists
// scoped to the story itself, with indexed reads whose cost follows the
// story's size, not the corpus's. The corpus stage composes pages with it
// when the store has it, and with the read queries (Queries) otherwise.
type StoryPages interface {
	// StoryActors lists the actors the story's articles refer to, the
	// most mentioned (in the corpus) first, at most limit of them. Each
	// actor's Articles and Outlets are those of the story that refer to
	// it, its Aliases its stored aliases and the role nouns and acronyms
	// the story uses for it, and StoryMentions counts its references in
	// the story.
	StoryActors(ctx context.Context, story int64, limit int) ([]view.StoryActor, error)
	// StoryTopActors lists the actors StoryActors lists, in its order, at
	// most limit, with only their ID, Name, Type and Mentions: what a
	// story's listing names, without the story's references gathered per
	// actor.
	StoryTopActors(ctx context.Context, story int64, limit int) ([]view.Actor, error)
	// StoryPlaces lists the places the story's articles name, most
	// mentioned in the story first, as PlaceList with q.Story does, less
	// the corpus-wide list of stories naming each place.
	StoryPlaces(ctx context.Context, story int64, limit int) ([]view.Place, error)
	// StoryQuotes lists the story's quotes of at least minConfidence, at
	// most limit, as QuoteList's Items with q.Story does, without its
	// Total (a count of every match a page does not show).
	StoryQuotes(ctx context.Context, story int64, limit int, minConfidence float64) ([]view.Quote, error)
	// ActorNames returns, for each of the given articles, the names of
	// the actors it refers to, the most mentioned first, at most limit.
	ActorNames(ctx context.Context, articles []int64, limit int) (map[int64][]string, error)
}

// StoryTops is what the listing of a story of one article names (its
// page is composed when read): StoryTopActors and StoryPlaces of the story.
type StoryTops struct {
	Actors []view.Actor
	Places []view.Place
}

// BatchReads is implemented by stores whose every read is a round trip to
// a server and a statement there (PostgreSQL): the corpus stage reads what
// a batch needs of many articles and stories with one call each instead of
// one call per article or story. A store without it (SQLite, where a read
// is a function call) is read an article or a story at a time.
type BatchReads interface {
	// ArticlesByID returns the given articles that exist, each as Article
	// returns it.
	ArticlesByID(ctx context.Context, ids []int64) (map[int64]*Article, error)
	// StoriesByID returns the listings of the given stories that exist,
	// each as StoryByID returns it.
	StoriesByID(ctx context.Context, ids []int64) (map[int64]*view.StorySummary, error)
	// StoriesTops returns, for each of the given stories, its
	// StoryTopActors(actorLimit) and StoryPlaces(placeLimit).
	StoriesTops(ctx context.Context, ids []int64, actorLimit, placeLimit int) (map[int64]StoryTops, error)
}

// ErrConflict is returned by PutDerived when another process stored the
// corpus stages' results for the same articles first; the caller reloads
// the stages' state and goes on from there.
var ErrConflict = errors.New("another process updated the stories first")
