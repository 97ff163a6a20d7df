// Package nats is sitrep's work queue on NATS JetStream.
//
// Work items go to the subject sitrep.work, kept by the stream SITREP_WORK
// with work-queue retention: an item stays stored (on the server's disk)
// until a worker acknowledges it, and is removed then, so the stream holds
// exactly the work not done. All workers share one durable pull consumer,
// sitrep-workers: each pulls only what it has room for, the consumer's
// MaxAckPending bounds the items in flight over all workers (back-pressure:
// the server stops handing out items past it), and an item not acked
// within AckWait (a worker killed, a machine gone) is delivered again.
// Workers ack after the database commit, so a crash loses nothing;
// redelivery after a commit but before the ack stores nothing twice (the
// store deduplicates by content hash).
//
// An item that cannot be stored goes to the subject sitrep.dead (stream
// SITREP_DEAD, limits retention, kept until purged) with its error and
// the item itself: at once when the input is at fault (the cleaner
// rejects it: the same bytes fail the same way every time), or on its
// MaxAttempts+1-th delivery when MaxAttempts workers took it and none
// acked it (each crashed or stalled on it). The consumer's MaxDeliver is
// MaxAttempts+1, so that last delivery always comes and the item is never
// dropped silently.
package nats

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/queue"
)

// Names on the server.
const (
	WorkStream   = "SITREP_WORK"
	WorkSubject  = "sitrep.work"
	DeadStream   = "SITREP_DEAD"
	DeadSubject  = "sitrep.dead"
	ConsumerName = "sitrep-workers"
)

// Options tune the queue. Zero values take the defaults.
type Options struct {
	// Name names the connection on the server (its monitoring shows it).
	Name string
	// AckWait is how long an item may be in flight without an ack or a
	// progress signal before it is delivered again (default 1m; workers
	// signal progress every AckWait/3 while they work on an item).
	AckWait time.Duration
	// MaxAttempts is how many deliveries an item gets before it goes to
	// the dead letters (default 5).
	MaxAttempts int
	// MaxAckPending bounds the items in flight over all workers
	// (default 1024).
	MaxAckPending int
	// Consumer, when set, creates or updates the workers' consumer with
	// these options (workers do; publishers and `sitrep queue` leave it).
	Consumer bool
}

// Queue is a connection to the work queue.
type Queue struct {
	nc   *nats.Conn
	js   jetstream.JetStream
	o    Options
	cons jetstream.Consumer // nil unless Options.Consumer
}

var _ queue.Queue = (*Queue)(nil)

// Open connects to the NATS server at url (nats://host:4222) and makes
// sure the streams exist (and, with Options.Consumer, the consumer). The
// connection reconnects by itself, with backoff, forever, when the server
// goes away.
func Open(ctx context.Context, url string, o Options) (*Queue, error) {
	if o.AckWait <= 0 {
		o.AckWait = time.Minute
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.MaxAckPending <= 0 {
		o.MaxAckPending = 1024
	}
	if o.Name == "" {
		o.Name = "sitrep"
	}
	nc, err := nats.Connect(url, nats.Name(o.Name), nats.MaxReconnects(-1),
		nats.ReconnectWait(500*time.Millisecond), nats.ReconnectJitter(250*time.Millisecond, time.Second),
		nats.Timeout(5*time.Second))
	if err != nil {
		return nil, fmt.Errorf("queue %s: cannot connect: %w (is nats-server -js running there?)", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", url, err)
	}
	q := &Queue{nc: nc, js: js, o: o}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", url, err)
	}
	return q, nil
}

func (q *Queue) setup(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if _, err := q.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: WorkStream, Subjects: []string{WorkSubject},
		Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage,
		Duplicates:  2 * time.Minute,
		Description: "sitrep work items: documents to clean, analyse and store",
	}); err != nil {
		return fmt.Errorf("stream %s: %w (is JetStream enabled: nats-server -js?)", WorkStream, err)
	}
	if _, err := q.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: DeadStream, Subjects: []string{DeadSubject},
		Retention: jetstream.LimitsPolicy, Storage: jetstream.FileStorage,
		Description: "sitrep dead letters: work items that could not be stored, with their errors",
	}); err != nil {
		return fmt.Errorf("stream %s: %w", DeadStream, err)
	}
	if !q.o.Consumer {
		return nil
	}
	c, err := q.js.CreateOrUpdateConsumer(ctx, WorkStream, jetstream.ConsumerConfig{
		Durable: ConsumerName, AckPolicy: jetstream.AckExplicitPolicy,
		AckWait: q.o.AckWait, MaxDeliver: q.o.MaxAttempts + 1, MaxAckPending: q.o.MaxAckPending,
		MaxWaiting:  512,
		Description: "sitrep workers",
	})
	if err != nil {
		return fmt.Errorf("consumer %s: %w", ConsumerName, err)
	}
	q.cons = c
	return nil
}

// Close closes the connection, sending what is buffered first. Acks are
// fire-and-forget and Drain returns before the connection is closed, so a
// process that exits right after Close could lose the acks of the items
// it stored last (they would be delivered again, to no harm but counted as
// in flight): Flush waits until the server has read everything sent, and
// Close waits for the drain to end.
func (q *Queue) Close() error {
	ferr := q.nc.FlushTimeout(5 * time.Second)
	if err := q.nc.Drain(); err != nil {
		q.nc.Close()
		return err
	}
	for deadline := time.Now().Add(5 * time.Second); !q.nc.IsClosed(); {
		if time.Now().After(deadline) {
			q.nc.Close()
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if ferr != nil && !errors.Is(ferr, nats.ErrConnectionClosed) {
		return fmt.Errorf("queue: flush on close: %w", ferr)
	}
	return nil
}

// gzipOver is the size past which an item is gzipped.
const gzipOver = 32 << 10

// encode serialises an item: JSON of its document or of its range (a
// message with the header Sitrep-Range), gzipped when large.
func encode(it queue.Item) ([]byte, bool, error) {
	var b []byte
	var err error
	if it.Range != nil {
		b, err = json.Marshal(it.Range)
	} else {
		b, err = json.Marshal(it.Doc)
	}
	if err != nil {
		return nil, false, err
	}
	if len(b) <= gzipOver {
		return b, false, nil
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

func decode(data []byte, gz, isRange bool) (queue.Item, error) {
	var it queue.Item
	if gz {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return it, fmt.Errorf("work item: %w", err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			return it, fmt.Errorf("work item: %w", err)
		}
	}
	if isRange {
		it.Range = &ingest.WARCRange{}
		if err := json.Unmarshal(data, it.Range); err != nil {
			return it, fmt.Errorf("work item (WARC range): %w", err)
		}
		return it, nil
	}
	if err := json.Unmarshal(data, &it.Doc); err != nil {
		return it, fmt.Errorf("work item: %w", err)
	}
	return it, nil
}

const (
	hdrGzip  = "Sitrep-Gzip"
	hdrRange = "Sitrep-Range"
)

// itemMsg is the message of an item to subject.
func itemMsg(subject string, it queue.Item) (*nats.Msg, error) {
	data, gz, err := encode(it)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", it.Origin(), err)
	}
	m := nats.NewMsg(subject)
	m.Data = data
	sum := sha256.Sum256(data)
	m.Header.Set(jetstream.MsgIDHeader, hex.EncodeToString(sum[:16]))
	if gz {
		m.Header.Set(hdrGzip, "1")
	}
	if it.Range != nil {
		m.Header.Set(hdrRange, "1")
	}
	return m, nil
}

// Publish implements queue.Queue: items are sent asynchronously and the
// call waits for the server to have stored each. An item's message id is
// the hash of its content, so the server drops a repeat published within
// two minutes (a publisher retrying after a lost reply).
// An item over the server's max_payload is refused before any is sent,
// with an *ingest.InputError naming it.
func (q *Queue) Publish(ctx context.Context, items ...queue.Item) error {
	msgs := make([]*nats.Msg, len(items))
	for i, it := range items {
		m, err := itemMsg(WorkSubject, it)
		if err != nil {
			return err
		}
		if max := q.nc.MaxPayload(); int64(len(m.Data))+512 > max {
			return &ingest.InputError{Origin: it.Origin(), Err: fmt.Errorf("%w: %d bytes (compressed) over the NATS server's max_payload of %d: raise max_payload in its configuration, or ingest this input without --queue", queue.ErrTooLarge, len(m.Data), max)}
		}
		msgs[i] = m
	}
	futs := make([]jetstream.PubAckFuture, 0, len(items))
	for i, m := range msgs {
		it := items[i]
		f, err := q.js.PublishMsgAsync(m)
		if err != nil {
			return fmt.Errorf("%s: publish: %w", it.Origin(), err)
		}
		futs = append(futs, f)
	}
	for i, f := range futs {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			return fmt.Errorf("%s: publish: %w", items[i].Origin(), err)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// Fetch implements queue.Queue.
func (q *Queue) Fetch(ctx context.Context, max int, wait time.Duration) ([]queue.Delivery, error) {
	if q.cons == nil {
		return nil, errors.New("queue: opened without the consumer")
	}
	fctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	mb, err := q.cons.Fetch(max, jetstream.FetchContext(fctx))
	if err != nil {
		return nil, err
	}
	var out []queue.Delivery
	for m := range mb.Messages() {
		d := &delivery{q: q, m: m}
		if md, err := m.Metadata(); err == nil {
			d.attempt = int(md.NumDelivered)
		}
		d.item, d.err = decode(m.Data(), m.Headers().Get(hdrGzip) != "", m.Headers().Get(hdrRange) != "")
		out = append(out, d)
	}
	if err := mb.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) && len(out) == 0 {
		return nil, err
	}
	return out, nil
}

// delivery is one delivered message.
type delivery struct {
	q       *Queue
	m       jetstream.Msg
	item    queue.Item
	err     error // the item could not be decoded
	attempt int
}

func (d *delivery) Item() queue.Item { return d.item }
func (d *delivery) Attempt() int     { return d.attempt }
func (d *delivery) Ack() error       { return d.m.Ack() }
func (d *delivery) InProgress() error {
	return d.m.InProgress()
}

func (d *delivery) Err() error { return d.err }

func (d *delivery) Retry(delay time.Duration) error { return d.m.NakWithDelay(delay) }

// Dead implements queue.Delivery: the dead letter is stored first, and
// the item acked (removed from the work stream) only once it is.
func (d *delivery) Dead(why error) error {
	dl := deadLetter{Origin: d.item.Origin(), URL: d.item.Doc.URL, Error: why.Error(), Attempts: d.attempt, At: time.Now().UTC(),
		Data: d.m.Data(), Gzip: d.m.Headers().Get(hdrGzip) != "", Range: d.m.Headers().Get(hdrRange) != ""}
	b, err := json.Marshal(dl)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := d.q.js.Publish(ctx, DeadSubject, b); err != nil {
		return fmt.Errorf("dead letter for %s: %w", dl.Origin, err)
	}
	return d.m.Ack()
}

// DeadPart implements queue.Delivery. The dead letter's message id is the
// hash of the part and the error, so that a redelivered item's parts are
// not dead-lettered twice within the server's duplicate window.
func (d *delivery) DeadPart(part queue.Item, origin string, why error) error {
	pm, err := itemMsg(DeadSubject, part)
	if err != nil {
		return err
	}
	dl := deadLetter{Origin: origin, URL: part.Doc.URL, Error: why.Error(), Attempts: d.attempt, At: time.Now().UTC(),
		Data: pm.Data, Gzip: pm.Header.Get(hdrGzip) != "", Range: part.Range != nil}
	b, err := json.Marshal(dl)
	if err != nil {
		return err
	}
	m := nats.NewMsg(DeadSubject)
	m.Data = b
	sum := sha256.Sum256(append([]byte(origin+"\x00"+why.Error()+"\x00"), pm.Data...))
	m.Header.Set(jetstream.MsgIDHeader, hex.EncodeToString(sum[:16]))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := d.q.js.PublishMsg(ctx, m); err != nil {
		return fmt.Errorf("dead letter for %s: %w", origin, err)
	}
	return nil
}

// deadLetter is a message on the dead-letter subject.
type deadLetter struct {
	Origin   string    `json:"origin"`
	URL      string    `json:"url,omitempty"`
	Error    string    `json:"error"`
	Attempts int       `json:"attempts"`
	At       time.Time `json:"at"`
	Data     []byte    `json:"item"` // the work item's message
	Gzip     bool      `json:"gzip,omitempty"`
	Range    bool      `json:"range,omitempty"` // Data is a WARC range
}

// Stats implements queue.Queue.
func (q *Queue) Stats(ctx context.Context) (queue.Stats, error) {
	var s queue.Stats
	ws, err := q.js.Stream(ctx, WorkStream)
	if err != nil {
		return s, err
	}
	wi, err := ws.Info(ctx)
	if err != nil {
		return s, err
	}
	s.Pending = int64(wi.State.Msgs)
	s.Done = int64(wi.State.LastSeq) - int64(wi.State.Msgs)
	if c, err := q.js.Consumer(ctx, WorkStream, ConsumerName); err == nil {
		ci, err := c.Info(ctx)
		if err != nil {
			return s, err
		}
		s.Pending = int64(ci.NumPending)
		s.InFlight = int64(ci.NumAckPending)
		s.Redelivered = int64(ci.NumRedelivered)
	} else if !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return s, err
	}
	ds, err := q.js.Stream(ctx, DeadStream)
	if err != nil {
		return s, err
	}
	di, err := ds.Info(ctx)
	if err != nil {
		return s, err
	}
	s.Dead = int64(di.State.Msgs)
	return s, nil
}

// DeadLetters implements queue.Queue.
func (q *Queue) DeadLetters(ctx context.Context, limit int) ([]queue.DeadLetter, error) {
	ds, err := q.js.Stream(ctx, DeadStream)
	if err != nil {
		return nil, err
	}
	di, err := ds.Info(ctx)
	if err != nil {
		return nil, err
	}
	var out []queue.DeadLetter
	for seq := di.State.FirstSeq; seq <= di.State.LastSeq && seq > 0 && (limit <= 0 || len(out) < limit); seq++ {
		m, err := ds.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		} else if err != nil {
			return out, err
		}
		var dl deadLetter
		if err := json.Unmarshal(m.Data, &dl); err != nil {
			out = append(out, queue.DeadLetter{Seq: seq, Error: "unreadable dead letter: " + err.Error()})
			continue
		}
		d := queue.DeadLetter{Origin: dl.Origin, URL: dl.URL, Error: dl.Error, Attempts: dl.Attempts, At: dl.At, Seq: seq}
		if it, err := decode(dl.Data, dl.Gzip, dl.Range); err == nil {
			d.Item = &it
		}
		out = append(out, d)
	}
	return out, nil
}

// Requeue publishes the dead letters' items to the work subject again
// (after the cause is fixed: a worker upgraded, a limit raised) and
// removes each dead letter once its item is queued. It returns how many
// went back.
func (q *Queue) Requeue(ctx context.Context) (int, error) {
	ds, err := q.js.Stream(ctx, DeadStream)
	if err != nil {
		return 0, err
	}
	di, err := ds.Info(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for seq := di.State.FirstSeq; seq <= di.State.LastSeq && seq > 0; seq++ {
		m, err := ds.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		} else if err != nil {
			return n, err
		}
		var dl deadLetter
		if err := json.Unmarshal(m.Data, &dl); err != nil || len(dl.Data) == 0 {
			continue // nothing to send again: left for a look
		}
		w := nats.NewMsg(WorkSubject)
		w.Data = dl.Data
		// a new id: the first publication may be within the dedup window
		sum := sha256.Sum256(append([]byte(fmt.Sprintf("requeue %d %s ", seq, dl.At)), dl.Data...))
		w.Header.Set(jetstream.MsgIDHeader, hex.EncodeToString(sum[:16]))
		if dl.Gzip {
			w.Header.Set(hdrGzip, "1")
		}
		if dl.Range {
			w.Header.Set(hdrRange, "1")
		}
		if _, err := q.js.PublishMsg(ctx, w); err != nil {
			return n, fmt.Errorf("requeue %s: %w", dl.Origin, err)
		}
		if err := ds.DeleteMsg(ctx, seq); err != nil {
			return n, fmt.Errorf("requeue %s: queued again, but the dead letter stays: %w", dl.Origin, err)
		}
		n++
	}
	return n, nil
}
