package main

import (
	"context"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
)

// storyListener is implemented by stores that tell at once when any
// process (a worker on another machine) has written results of the
// corpus stage: PostgreSQL, by LISTEN/NOTIFY.
type storyListener interface {
	ListenStories(ctx context.Context, ready func(), f func(ids []int64)) error
}

// startAnnouncing announces on b the articles the corpus stage has taken
// in and the stories they joined, each once, read from the stored mark
// (announce): every poll, and — on a store that tells of writes — as soon
// as another process has written, and each time the listening (re)starts,
// since nothing written while its connection was down is told. A
// notification only wakes the announcer; what it announces always comes
// from the mark, so a lost notification delays nothing past the next
// (re)connect and a repeated one announces nothing twice. ready, if not
// nil, is called each time listening has begun.
func startAnnouncing(ctx context.Context, db store.DB, b *server.Broker, poll time.Duration, ready func()) {
	// the mark as the server starts: what it covers is not news
	last, err := corpus.Announced(ctx, db)
	a := &announcer{db: db, b: b, last: last, known: err == nil, wake: make(chan struct{}, 1)}
	listenStories(ctx, db, a.nudge, ready)
	go a.run(ctx, poll)
}

// listenStories wakes the announcer (nudge) on each notification and
// each (re)connect, when the store can listen (a SQLite file cannot:
// serve then finds new stories by polling). ready, if not nil, is called
// each time listening has begun.
func listenStories(ctx context.Context, db any, nudge func(), ready func()) bool {
	l, ok := db.(storyListener)
	if !ok {
		return false
	}
	go l.ListenStories(ctx, func() {
		nudge()
		if ready != nil {
			ready()
		}
	}, func([]int64) { nudge() })
	return true
}
