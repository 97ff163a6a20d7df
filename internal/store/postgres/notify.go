package postgres

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
)

// Channel is the prefix of the LISTEN/NOTIFY channel on which a store
// tells that it has just written results of the corpus stage: story pages
// (the payload is their ids, comma-separated) or other derived results,
// the corpus stage's marks among them (an empty payload). A notification
// is sent when its transaction commits, so a listener reading then finds
// what was written. It is a wake-up, not a log: nothing is told while a
// listener is not connected, so a listener reads what it missed from the
// stored marks when it (re)connects (see ListenStories).
//
// Channels are per database, not per schema, so each schema has its own,
// the prefix and the MD5 of the schema's name (channelOf): stories
// written in one schema are not announced to listeners on another.
const Channel = "sitrep_stories_"

// channelOf is the SQL of the current schema's channel (47 bytes, within
// PostgreSQL's 63 for a name).
const channelOf = `'` + Channel + `' || md5(current_schema())`

// maxPayload keeps a notification under PostgreSQL's 8000-byte limit.
const maxPayload = 7000

// queueWake queues a notification with no stories on b: derived results
// changed.
func queueWake(b *pgx.Batch) {
	b.Queue(`SELECT pg_notify(` + channelOf + `, '')`)
}

// queueNotify queues notifications of the given stories on b, several
// when their ids do not fit one payload.
func queueNotify(b *pgx.Batch, ids []int64) {
	var p strings.Builder
	flush := func() {
		if p.Len() > 0 {
			b.Queue(`SELECT pg_notify(`+channelOf+`, $1)`, p.String())
			p.Reset()
		}
	}
	for _, id := range ids {
		if p.Len() > maxPayload {
			flush()
		}
		if p.Len() > 0 {
			p.WriteByte(',')
		}
		p.WriteString(strconv.FormatInt(id, 10))
	}
	flush()
}

// ListenStories calls f on each notification on the schema's channel — with the ids of
// the stories whose pages were stored, none when other derived results
// were — until ctx ends; ready (if not nil) is called each time the
// listening starts. It holds one connection of its own (LISTEN), and when
// that connection is lost it connects again after a pause. Nothing
// stored while it was not listening is told: ready is the caller's cue to
// read what it missed from the store.
func (s *DB) ListenStories(ctx context.Context, ready func(), f func(ids []int64)) error {
	// Close ends the listening too
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-s.done:
			cancel()
		case <-ctx.Done():
		}
	}()
	for {
		err := s.listen(ctx, ready, f)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		_ = err // the connection was lost: again, after a pause
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// listen listens on a connection of its own, outside the pool (it stays
// busy waiting as long as the listening lasts).
func (s *DB) listen(ctx context.Context, ready func(), f func(ids []int64)) error {
	cfg := s.pool.Config().ConnConfig.Copy()
	// nothing to cancel on the server while waiting: the end of ctx closes
	// the connection at once (pgx's default), not after cancelDeadline
	cfg.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.DeadlineContextWatcherHandler{Conn: c.Conn()}
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var channel string
	if err := conn.QueryRow(ctx, `SELECT `+channelOf).Scan(&channel); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, `LISTEN `+pgx.Identifier{channel}.Sanitize()); err != nil {
		return err
	}
	if ready != nil {
		ready()
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		var ids []int64
		for _, x := range strings.Split(n.Payload, ",") {
			if id, err := strconv.ParseInt(x, 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
		f(ids)
	}
}
