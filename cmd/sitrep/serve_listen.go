package main

import (
	"context"

	"github.com/sitrep/sitrep/internal/server"
)

// storyListener is implemented by stores that tell, as soon as any
// process (a worker on another machine) has stored story pages, which
// stories changed: PostgreSQL, by LISTEN/NOTIFY.
type storyListener interface {
	ListenStories(ctx context.Context, ready func(), f func(ids []int64)) error
}

// listenStories publishes a "story" event on b for each story another
// process announces, until ctx ends, when the store can listen (a SQLite
// file cannot: serve then finds new stories by polling, see announce).
// ready, if not nil, is called once listening has begun.
func listenStories(ctx context.Context, db any, b *server.Broker, ready func()) bool {
	l, ok := db.(storyListener)
	if !ok {
		return false
	}
	go l.ListenStories(ctx, ready, func(ids []int64) {
		for _, id := range ids {
			b.Publish(server.Event{Type: "story", ID: id})
		}
	})
	return true
}
