package server

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// sseReader reads server-sent events from a response.
type sseReader struct {
	sc *bufio.Scanner
}

type sseEvent struct {
	id, event, data string
}

// next returns the next event, skipping comments.
func (r *sseReader) next(t *testing.T) sseEvent {
	t.Helper()
	var e sseEvent
	for r.sc.Scan() {
		line := r.sc.Text()
		switch {
		case line == "":
			if e.event != "" || e.data != "" {
				return e
			}
		case strings.HasPrefix(line, ":"), strings.HasPrefix(line, "retry:"):
		case strings.HasPrefix(line, "id: "):
			e.id = line[4:]
		case strings.HasPrefix(line, "event: "):
			e.event = line[7:]
		case strings.HasPrefix(line, "data: "):
			e.data = line[6:]
		default:
			t.Fatalf("unexpected SSE line %q", line)
		}
	}
	t.Fatalf("stream ended: %v", r.sc.Err())
	return e
}

func openStream(t *testing.T, ctx context.Context, u string, hdr ...string) (*http.Response, *sseReader) {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp, &sseReader{sc: bufio.NewScanner(resp.Body)}
}

func waitSubscribers(t *testing.T, b *Broker, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for b.Subscribers() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d subscribers, want %d", b.Subscribers(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestEventsStream(t *testing.T) {
	b := NewBroker()
	b.Heartbeat = 30 * time.Millisecond
	f := newFakeReader(t, 5)
	ts := httptest.NewServer(New(f, Options{Notifier: b}))
	defer ts.Close()
	defer b.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	resp, r := openStream(t, ctx, ts.URL+"/api/v1/events")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	waitSubscribers(t, b, 1)
	// A heartbeat comes and goes unseen; then the events, in order.
	time.Sleep(80 * time.Millisecond)
	b.Publish(Event{Type: "story", ID: 1, Data: f.stories[0].StorySummary})
	b.Publish(Event{Type: "article", ID: 3})
	b.Publish(Event{Type: "bad\ntype", ID: 4})
	for i, want := range []struct {
		event string
		id    int64
	}{{"story", 1}, {"article", 3}, {"message", 4}} {
		e := r.next(t)
		var got Event
		if err := json.Unmarshal([]byte(e.data), &got); err != nil {
			t.Fatalf("event %d data %q: %v", i, e.data, err)
		}
		if e.event != want.event || got.ID != want.id || e.id == "" {
			t.Errorf("event %d: %+v (data id %d), want %s %d", i, e, got.ID, want.event, want.id)
		}
	}
	// Close ends the stream, so that a server can shut down.
	b.Close()
	if r.sc.Scan() {
		for r.sc.Scan() {
		}
	}
	if r.sc.Err() != nil {
		t.Errorf("stream did not end cleanly: %v", r.sc.Err())
	}
}

func TestEventsNeedReadToken(t *testing.T) {
	b := NewBroker()
	defer b.Close()
	ts := httptest.NewServer(New(newFakeReader(t, 3), Options{Notifier: b, ReadToken: "r"}))
	defer ts.Close()
	resp, body := do(t, "GET", ts.URL+"/api/v1/events", nil)
	if resp.StatusCode != 401 {
		t.Errorf("events without token: %d %s", resp.StatusCode, body)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	resp, _ = openStream(t, ctx, ts.URL+"/api/v1/events", "Cookie", "sitrep_token=r")
	if resp.StatusCode != 200 {
		t.Errorf("events with the cookie: %d", resp.StatusCode)
	}
}

// TestWatchlistAlerts checks that an article event matching a watchlist
// raises an alert event, and that one matching none does not.
func TestWatchlistAlerts(t *testing.T) {
	b := NewBroker()
	defer b.Close()
	f := newFakeReader(t, 5)
	ts := httptest.NewServer(New(f, Options{Notifier: b, WriteToken: "w"}))
	defer ts.Close()
	for _, body := range []string{`{"kind":"actor","value":"ashton carter"}`, `{"kind":"keyword","value":"trenches"}`, `{"kind":"place","value":"Kabul"}`} {
		resp, out := do(t, "POST", ts.URL+"/api/v1/watchlists", strings.NewReader(body), "Authorization", "Bearer w", "Content-Type", "application/json")
		if resp.StatusCode != 201 {
			t.Fatalf("create %s: %d %s", body, resp.StatusCode, out)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, r := openStream(t, ctx, ts.URL+"/api/v1/events")
	waitSubscribers(t, b, 1)

	story2 := f.stories[1].Articles[0] // about trenches, no Carter
	b.Publish(Event{Type: "article", ID: story2})
	e := r.next(t)
	if e.event != "article" {
		t.Fatalf("first event %q", e.event)
	}
	e = r.next(t)
	var ev struct {
		Type string
		ID   int64
		Data Alert
	}
	if err := json.Unmarshal([]byte(e.data), &ev); err != nil {
		t.Fatal(err)
	}
	if e.event != "alert" || ev.ID != story2 || ev.Data.Watchlist.Kind != "keyword" || ev.Data.Article.ID != story2 {
		t.Errorf("alert: %s %s", e.event, e.data)
	}
	// Story 1's first article names Ashton Carter: one actor alert only
	// (Kabul matches nothing).
	b.Publish(Event{Type: "article", ID: f.stories[0].Articles[0]})
	if e = r.next(t); e.event != "article" {
		t.Fatalf("event %q", e.event)
	}
	if e = r.next(t); e.event != "alert" || !strings.Contains(e.data, `"kind":"actor"`) {
		t.Errorf("second alert: %s %s", e.event, e.data)
	}
	b.Publish(Event{Type: "story", ID: 99})
	if e = r.next(t); e.event != "story" {
		t.Errorf("expected the story event next (no third alert), got %s %s", e.event, e.data)
	}
}

// TestEventsOutliveServerTimeouts: a stream stays open past the server's
// ReadTimeout and WriteTimeout.
func TestEventsOutliveServerTimeouts(t *testing.T) {
	b := NewBroker()
	defer b.Close()
	ts := httptest.NewUnstartedServer(New(newFakeReader(t, 3), Options{Notifier: b}))
	ts.Config.ReadTimeout = 150 * time.Millisecond
	ts.Config.WriteTimeout = 150 * time.Millisecond
	ts.Start()
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, r := openStream(t, ctx, ts.URL+"/api/v1/events")
	waitSubscribers(t, b, 1)
	time.Sleep(500 * time.Millisecond)
	b.Publish(Event{Type: "story", ID: 7})
	if e := r.next(t); e.event != "story" {
		t.Errorf("after the timeouts: %+v", e)
	}
	b.Close()
}
