package postgres

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Channel is the LISTEN/NOTIFY channel on which a store announces the
// stories whose pages it has just stored: the payload is their ids,
// comma-separated. The notification is sent when the transaction
// commits, so a listener reading the story then finds the new page.
const Channel = "sitrep_stories"

// maxPayload keeps a notification under PostgreSQL's 8000-byte limit.
const maxPayload = 7000

// queueNotify queues notifications of the given stories on b, several
// when their ids do not fit one payload.
func queueNotify(b *pgx.Batch, ids []int64) {
	var p strings.Builder
	flush := func() {
		if p.Len() > 0 {
			b.Queue(`SELECT pg_notify($1, $2)`, Channel, p.String())
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

// ListenStories calls f with the ids of the stories any process stores
// pages for, until ctx ends; ready (if not nil) is called each time the
// listening starts. It holds one connection of its own (LISTEN), and when
// that connection is lost it connects again after a pause, so a database
// restart only delays updates (stories stored meanwhile are not told).
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
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, `LISTEN `+Channel); err != nil {
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
		if len(ids) > 0 {
			f(ids)
		}
	}
}
