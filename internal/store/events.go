package store

import (
	"context"

	"github.com/sitrep/sitrep/internal/event"
)

// CodedEvents keeps the coded events (who did what to whom, where, when)
// of each story. It is a separate interface from Store: a store that
// does not implement it simply has no events (callers type-assert).
type CodedEvents interface {
	// ReplaceStoryEvents replaces the coded events of the given stories
	// (all of them: a story missing from recs loses its events) and
	// drops the events of stories that no longer exist. It fills recs' ids.
	ReplaceStoryEvents(ctx context.Context, stories []int64, recs []event.Record) error
	// CodedEventList lists coded events, newest date first.
	CodedEventList(ctx context.Context, f EventFilter) ([]event.Record, int, error)
	// StoryArticles lists the ids of a story's articles, oldest first.
	StoryArticles(ctx context.Context, story int64) ([]int64, error)
	// ArticleActors returns the actor references of an article with the
	// actors' names and codes.
	ArticleActors(ctx context.Context, article int64) ([]event.ActorMention, error)
}

// ArticlesActors is implemented by stores that read the actor references
// of many articles in one go: the corpus stage codes the events of a
// batch's stories with it instead of one read per article.
type ArticlesActors interface {
	// ArticlesActors returns, for each of the given articles that has
	// any, what ArticleActors returns for it.
	ArticlesActors(ctx context.Context, articles []int64) (map[int64][]event.ActorMention, error)
}

// EventFilter selects coded events. Empty fields do not filter.
type EventFilter struct {
	Story    int64
	Actor    string // an actor's id, name or alias; else words of a source or target as written
	Place    string // a GeoNames id, or a place's name
	Type     string // PLOVER type
	From, To string // dates, YYYY-MM-DD (inclusive)
	After    int64  // only events with a larger id (watchlists)
	Limit    int
	Offset   int
}
