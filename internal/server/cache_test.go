package server

import (
	"context"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/view"
)

// countingReader counts Story calls and can be slowed down.
type countingReader struct {
	*fakeReader
	stories atomic.Int64
	delay   time.Duration
}

func (c *countingReader) Story(ctx context.Context, id int64) (*view.Story, error) {
	c.stories.Add(1)
	time.Sleep(c.delay)
	return c.fakeReader.Story(ctx, id)
}

func TestResponseCache(t *testing.T) {
	cases := []struct {
		name  string
		steps func(t *testing.T, get func(path string) string, b *Broker)
		calls int64
	}{
		{"repeat is a hit", func(t *testing.T, get func(string) string, b *Broker) {
			if get("/api/v1/stories/1") != "miss" || get("/api/v1/stories/1") != "hit" {
				t.Error("second request not served from the cache")
			}
		}, 1},
		{"another story is a miss", func(t *testing.T, get func(string) string, b *Broker) {
			get("/api/v1/stories/1")
			get("/api/v1/stories/2")
		}, 2},
		{"errors are not kept", func(t *testing.T, get func(string) string, b *Broker) {
			get("/api/v1/stories/99")
			if get("/api/v1/stories/99") == "hit" {
				t.Error("404 served from the cache")
			}
		}, 2},
		{"an article event empties the cache", func(t *testing.T, get func(string) string, b *Broker) {
			get("/api/v1/stories/1")
			b.Publish(Event{Type: "article", ID: 1})
			get("/api/v1/stories/1")
		}, 2},
		{"an alert event does not", func(t *testing.T, get func(string) string, b *Broker) {
			get("/api/v1/stories/1")
			b.Publish(Event{Type: "alert", ID: 1})
			get("/api/v1/stories/1")
		}, 1},
		{"entries expire", func(t *testing.T, get func(string) string, b *Broker) {
			get("/api/v1/stories/1")
			time.Sleep(250 * time.Millisecond)
			get("/api/v1/stories/1")
		}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &countingReader{fakeReader: newFakeReader(t, 5)}
			b := NewBroker()
			defer b.Close()
			ts := httptest.NewServer(New(r, Options{CacheTTL: 200 * time.Millisecond, Notifier: b}))
			defer ts.Close()
			get := func(path string) string {
				resp, body := do(t, "GET", ts.URL+path, nil)
				if resp.StatusCode == 200 && len(body) < 100 {
					t.Errorf("%s: short body %q", path, body)
				}
				return resp.Header.Get("X-Cache")
			}
			c.steps(t, get, b)
			if got := r.stories.Load(); got != c.calls {
				t.Errorf("reader called %d times, want %d", got, c.calls)
			}
		})
	}
}

// TestResponseCacheSharesInFlight: concurrent identical requests compose
// the story once.
func TestResponseCacheSharesInFlight(t *testing.T) {
	r := &countingReader{fakeReader: newFakeReader(t, 5), delay: 100 * time.Millisecond}
	ts := httptest.NewServer(New(r, Options{CacheTTL: time.Minute}))
	defer ts.Close()
	var wg sync.WaitGroup
	bodies := make([]int, 8)
	for i := range bodies {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			resp, body := do(t, "GET", ts.URL+"/api/v1/stories/1", nil)
			if resp.StatusCode == 200 {
				bodies[i] = len(body)
			}
		}(i)
	}
	wg.Wait()
	if got := r.stories.Load(); got != 1 {
		t.Errorf("reader called %d times for 8 concurrent requests, want 1", got)
	}
	for i, n := range bodies {
		if n != bodies[0] || n == 0 {
			t.Errorf("request %d got %d bytes, request 0 %d", i, n, bodies[0])
		}
	}
}
