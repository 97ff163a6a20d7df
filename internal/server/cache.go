package server

import (
	"bytes"
	"net/http"
	"sync"
	"time"
)

// respCache keeps the JSON answers of read endpoints for a short time, so
// that a popular story page is composed once, not once per reader. Identical
// requests that arrive while the answer is being computed wait for it
// instead of computing it again. Every story or article event empties the
// cache, so with a Notifier wired the answers are fresh; the TTL bounds
// their age when nothing notifies.
type respCache struct {
	ttl      time.Duration
	maxBytes int
	mu       sync.Mutex
	gen      uint64
	entries  map[string]*cacheEntry
	size     int
	flights  map[string]*flight
}

type cacheEntry struct {
	body    []byte
	expires time.Time
}

type flight struct {
	done chan struct{}
	body []byte // nil when the answer was not cacheable
}

func newRespCache(ttl time.Duration, maxBytes int) *respCache {
	return &respCache{ttl: ttl, maxBytes: maxBytes, entries: map[string]*cacheEntry{}, flights: map[string]*flight{}}
}

// invalidate drops every entry; answers being computed are not stored.
func (c *respCache) invalidate() {
	c.mu.Lock()
	c.gen++
	c.entries = map[string]*cacheEntry{}
	c.size = 0
	c.mu.Unlock()
}

// cached wraps a read handler with the cache.
func (s *Server) cached(h http.HandlerFunc) http.HandlerFunc {
	c := s.cache
	if c == nil {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			h(w, r)
			return
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		now := time.Now()
		c.mu.Lock()
		if e, ok := c.entries[key]; ok && now.Before(e.expires) {
			c.mu.Unlock()
			writeCached(w, e.body, "hit")
			return
		}
		if f, ok := c.flights[key]; ok {
			c.mu.Unlock()
			select {
			case <-f.done:
				if f.body != nil {
					writeCached(w, f.body, "shared")
					return
				}
			case <-r.Context().Done():
				return
			}
			h(w, r)
			return
		}
		f := &flight{done: make(chan struct{})}
		c.flights[key] = f
		gen := c.gen
		c.mu.Unlock()

		rec := &recorder{header: http.Header{}}
		func() {
			defer func() {
				c.mu.Lock()
				delete(c.flights, key)
				if rec.status == http.StatusOK && gen == c.gen && len(rec.body.Bytes()) <= c.maxBytes/8 {
					f.body = rec.body.Bytes()
					c.entries[key] = &cacheEntry{body: f.body, expires: time.Now().Add(c.ttl)}
					c.size += len(f.body)
					if c.size > c.maxBytes {
						c.evict(time.Now())
					}
				}
				c.mu.Unlock()
				close(f.done)
			}()
			h(rec, r)
		}()
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.Header().Set("X-Cache", "miss")
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		w.WriteHeader(rec.status)
		w.Write(rec.body.Bytes())
	}
}

// evict drops expired entries, then everything if still too big. Called
// with c.mu held.
func (c *respCache) evict(now time.Time) {
	for k, e := range c.entries {
		if !now.Before(e.expires) {
			c.size -= len(e.body)
			delete(c.entries, k)
		}
	}
	if c.size > c.maxBytes {
		c.entries = map[string]*cacheEntry{}
		c.size = 0
	}
}

func writeCached(w http.ResponseWriter, body []byte, how string) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Cache", how)
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// recorder buffers a handler's answer.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}
