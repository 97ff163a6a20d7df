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
// pages for, until ctx ends. It holds one connection of its own
// (LISTEN), and when that connection is lost it connects again after a
// pause, so a database restart only delays updates.
func (s *DB) ListenStories(ctx context.Context, f func(ids []int64)) error {
	for {
		err := s.listen(ctx, f)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		_ = err // lost: retry
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

func (s *DB) listen(ctx context.Context, f func(ids []int64)) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// the connection has listened: it goes, not back to the pool
	defer func() { conn.Conn().Close(context.Background()); conn.Release() }()
	if _, err := conn.Exec(ctx, `LISTEN `+Channel); err != nil {
		return err
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
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
