package worker

import (
	"context"
	"errors"
	"os"
	"sync"

	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/queue"
)

// Publisher is an ingest.Handler that sends the documents ingest reads to
// the work queue instead of analysing them: `sitrep ingest --queue` and
// `sitrep watch --queue` walk their inputs into it.
type Publisher struct {
	ctx context.Context
	q   queue.Queue
	// Outlet names the outlet of documents that do not name one.
	Outlet string
	// OnProblem and OnInputDone are called as ingest reports (may be nil).
	OnProblem   func(*ingest.InputError)
	OnInputDone func(origin string)
	// RangeBytes and RangeRecords cut a local WARC file larger than
	// RangeBytes into byte ranges (see Ranges) of about RangeBytes and at
	// most RangeRecords records (0: no cap). RangeBytes 0: never.
	RangeBytes   int64
	RangeRecords int

	mu       sync.Mutex
	buf      []queue.Item
	sent     int
	ranges   int
	failed   int
	fatalErr error
}

// publishBatch is how many documents go out before the publisher waits
// for the server to have stored them.
const publishBatch = 64

// NewPublisher returns a publisher to q.
func NewPublisher(ctx context.Context, q queue.Queue) *Publisher {
	return &Publisher{ctx: ctx, q: q}
}

// Document implements ingest.Handler.
func (p *Publisher) Document(d ingest.Document) error {
	if p.Outlet != "" && d.Hints.Outlet == "" {
		d.Hints.Outlet = p.Outlet
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fatalErr != nil {
		return p.fatalErr
	}
	p.buf = append(p.buf, queue.Item{Doc: d})
	if len(p.buf) >= publishBatch {
		return p.flush()
	}
	return nil
}

// Ranges publishes each of the inputs that is a local WARC file larger
// than RangeBytes as byte ranges of whole records, so that its records
// spread over the workers, which read the file themselves: it must be on
// a path every worker can open (a shared file system). It returns the
// other inputs, for ingest.Walk: everything else, and WARC files that
// cannot be cut (one gzipped whole), go out one document each.
func (p *Publisher) Ranges(inputs []string) ([]string, error) {
	if p.RangeBytes <= 0 {
		return inputs, nil
	}
	var rest []string
	for _, in := range inputs {
		st, err := os.Stat(in)
		if in == "-" || err != nil || !st.Mode().IsRegular() || st.Size() <= p.RangeBytes || !ingest.IsWARC(in) {
			rest = append(rest, in)
			continue
		}
		rs, err := ingest.SplitWARC(in, p.RangeBytes, p.RangeRecords)
		if errors.Is(err, ingest.ErrNotSplittable) {
			rest = append(rest, in)
			continue
		}
		p.mu.Lock()
		if err != nil {
			p.problem(&ingest.InputError{Origin: in, Err: err})
		}
		for i := range rs {
			rs[i].Outlet = p.Outlet
			p.buf = append(p.buf, queue.Item{Range: &rs[i]})
			p.ranges++
			if len(p.buf) >= publishBatch {
				if err := p.flush(); err != nil {
					p.mu.Unlock()
					return nil, err
				}
			}
		}
		p.mu.Unlock()
		p.InputDone(in)
	}
	return rest, nil
}

// flush publishes the buffer; a document too large for the queue is a
// problem of its input, reported, and the others go.
func (p *Publisher) flush() error {
	for len(p.buf) > 0 {
		err := p.q.Publish(p.ctx, p.buf...)
		var ie *ingest.InputError
		if errors.As(err, &ie) {
			p.problem(ie)
			for i, it := range p.buf {
				if it.Origin() == ie.Origin {
					p.buf = append(p.buf[:i], p.buf[i+1:]...)
					break
				}
			}
			continue
		}
		if err != nil {
			p.fatalErr = err
			return err
		}
		p.sent += len(p.buf)
		p.buf = p.buf[:0]
	}
	return nil
}

func (p *Publisher) problem(ie *ingest.InputError) {
	p.failed++
	if p.OnProblem != nil {
		p.OnProblem(ie)
	}
}

// Problem implements ingest.Handler.
func (p *Publisher) Problem(ie *ingest.InputError) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problem(ie)
}

// InputDone implements ingest.Handler.
func (p *Publisher) InputDone(origin string) {
	if p.OnInputDone != nil {
		p.OnInputDone(origin)
	}
}

// Close publishes what is buffered and returns the documents sent and
// the problems reported.
func (p *Publisher) Close() (sent, problems int, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fatalErr == nil {
		p.flush()
	}
	return p.sent, p.failed, p.fatalErr
}

// RangesSent returns the WARC ranges among the items published.
func (p *Publisher) RangesSent() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ranges
}

// Sent returns the documents published so far.
func (p *Publisher) Sent() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sent
}
