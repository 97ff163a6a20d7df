package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestWebhookDelivery checks that an alert is POSTed to the watchlist's
// webhook, and that a webhook on a loopback address is refused unless the
// server allows private webhooks (the SSRF rule of ingest).
func TestWebhookDelivery(t *testing.T) {
	for _, allow := range []bool{true, false} {
		got := make(chan Alert, 4)
		hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var ev struct{ Data Alert }
			b, _ := io.ReadAll(r.Body)
			if r.Method == http.MethodPost && json.Unmarshal(b, &ev) == nil {
				got <- ev.Data
			}
		}))
		b := NewBroker()
		f := newFakeReader(t, 5)
		ts := httptest.NewServer(New(f, Options{Notifier: b, WriteToken: "w", AllowPrivateWebhooks: allow}))
		body := `{"kind":"keyword","value":"trenches","webhook":"` + hook.URL + `/hook"}`
		resp, out := do(t, "POST", ts.URL+"/api/v1/watchlists", strings.NewReader(body), "Authorization", "Bearer w", "Content-Type", "application/json")
		if resp.StatusCode != 201 || !strings.Contains(string(out), `"webhook"`) {
			t.Fatalf("create: %d %s", resp.StatusCode, out)
		}
		b.Publish(Event{Type: "article", ID: f.stories[1].Articles[0]})
		select {
		case a := <-got:
			if !allow {
				t.Errorf("webhook on loopback delivered without AllowPrivateWebhooks")
			} else if a.Watchlist.Value != "trenches" || a.Article.ID != f.stories[1].Articles[0] {
				t.Errorf("alert = %+v", a)
			}
		case <-time.After(3 * time.Second):
			if allow {
				t.Errorf("no webhook delivery")
			}
		}
		ts.Close()
		b.Close()
		hook.Close()
	}
	// Not an http(s) URL: refused at creation.
	ts := httptest.NewServer(New(newFakeReader(t, 1), Options{WriteToken: "w"}))
	defer ts.Close()
	resp, _ := do(t, "POST", ts.URL+"/api/v1/watchlists", strings.NewReader(`{"kind":"keyword","value":"x","webhook":"file:///etc/passwd"}`), "Authorization", "Bearer w", "Content-Type", "application/json")
	if resp.StatusCode != 400 {
		t.Errorf("file: webhook: %d, want 400", resp.StatusCode)
	}
}
