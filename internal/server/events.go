package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Event is one live update: a story formed or grew ("story"), an article was
// stored ("article"), or a watchlist matched ("alert"). Data is sent as the
// JSON of the SSE message; ID is the story's or article's id.
type Event struct {
	Type string `json:"type"`
	ID   int64  `json:"id"`
	Data any    `json:"data,omitempty"`
}

// Broker fans events out to the subscribers of /api/v1/events. Ingest or
// watch calls Publish; a slow subscriber loses events rather than slowing
// the publisher.
type Broker struct {
	mu      sync.Mutex
	subs    map[chan Event]struct{}
	hooks   []func(Event)
	seq     atomic.Int64
	dropped atomic.Int64
	closed  chan struct{}
	once    sync.Once
	// Heartbeat is how often an idle stream gets a comment line, so proxies
	// keep it open (default 20 s).
	Heartbeat time.Duration
}

// NewBroker returns an empty broker.
func NewBroker() *Broker {
	return &Broker{subs: map[chan Event]struct{}{}, Heartbeat: 20 * time.Second, closed: make(chan struct{})}
}

// Close ends every open event stream, so that a server can shut down (an
// http.Server waits for its streams otherwise): call it from
// http.Server.RegisterOnShutdown. Publish after Close does nothing.
func (b *Broker) Close() {
	b.once.Do(func() { close(b.closed) })
}

// Publish sends e to every subscriber without blocking.
func (b *Broker) Publish(e Event) {
	select {
	case <-b.closed:
		return
	default:
	}
	b.mu.Lock()
	hooks := b.hooks
	for ch := range b.subs {
		select {
		case ch <- e:
		default:
			b.dropped.Add(1)
		}
	}
	b.mu.Unlock()
	for _, h := range hooks {
		h(e)
	}
}

// Subscribe returns a channel of events and the function that ends the
// subscription.
func (b *Broker) Subscribe() (<-chan Event, func()) {
	ch := make(chan Event, 64)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.subs, ch)
		b.mu.Unlock()
	}
}

// Subscribers is the number of open subscriptions.
func (b *Broker) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// onPublish adds a function called after each Publish (watchlists use it).
func (b *Broker) onPublish(f func(Event)) {
	b.mu.Lock()
	b.hooks = append(b.hooks, f)
	b.mu.Unlock()
}

// events streams the broker's events as server-sent events.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	b := s.opts.Notifier
	if b == nil {
		writeError(w, http.StatusServiceUnavailable, "live updates are not enabled on this server")
		return
	}
	if len(r.URL.RawQuery) > 0 {
		s.fail(w, r, badRequest{"this endpoint takes no query parameters"})
		return
	}
	rc := http.NewResponseController(w)
	// A stream outlives the server's read and write timeouts (the Go server
	// would otherwise cancel it when ReadTimeout passes).
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	ch, stop := b.Subscribe()
	defer stop()
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: 5000\n: sitrep live updates\n\n")
	if err := rc.Flush(); err != nil {
		return
	}
	beat := b.Heartbeat
	if beat <= 0 {
		beat = 20 * time.Second
	}
	t := time.NewTicker(beat)
	defer t.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-b.closed:
			return
		case <-t.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
		case e := <-ch:
			data, err := json.Marshal(e)
			if err != nil {
				s.log.Error("server: event not encodable", "type", e.Type, "err", err)
				continue
			}
			// Event types are ours, but guard the framing all the same.
			typ := e.Type
			for i := 0; i < len(typ); i++ {
				if typ[i] == '\n' || typ[i] == '\r' {
					typ = "message"
					break
				}
			}
			if _, err := fmt.Fprintf(w, "id: %d\nevent: %s\ndata: %s\n\n", b.seq.Add(1), typ, data); err != nil {
				return
			}
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
