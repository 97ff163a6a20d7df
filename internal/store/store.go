// Package store keeps sitrep's documents, articles and (as later stages add
// them) analysis results. This file is the interface; implementations live
// in subfolders — sqlite/ is the embedded default — so the rest of sitrep
// never names a database.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/clean"
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
	Close() error
}

// Item is one document and the article cleaned from it.
type Item struct {
	Raw      Raw
	Article  clean.Article
	Analysis *analyse.Annotation // nil when the article was not analysed
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
}

// Query selects articles.
type Query struct {
	Limit  int // 0 means no limit
	Offset int
	Outlet string
}

// ErrNotFound is returned for an id that does not exist.
var ErrNotFound = errors.New("not found")
