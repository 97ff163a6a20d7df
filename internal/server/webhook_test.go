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
// server allows private webhooks (the SSRF rule of ingest): at delivery,
// for a watchlist created while they were allowed, and at creation.
func TestWebhookDelivery(t *testing.T) {
	saved := &memWatchlists{}
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
		if allow {
			// Created here; the second server loads it with the hook's
			// address changed to the new hook's.
			ts := httptest.NewServer(New(f, Options{WriteToken: "w", AllowPrivateWebhooks: true, Watchlists: saved}))
			body := `{"kind":"keyword","value":"trenches","webhook":"` + hook.URL + `/hook"}`
			resp, out := do(t, "POST", ts.URL+"/api/v1/watchlists", strings.NewReader(body), "Authorization", "Bearer w", "Content-Type", "application/json")
			if resp.StatusCode != 201 || !strings.Contains(string(out), `"webhook"`) {
				t.Fatalf("create: %d %s", resp.StatusCode, out)
			}
			ts.Close()
		} else {
			var sv savedWatchlists
			if err := json.Unmarshal(saved.b, &sv); err != nil || len(sv.Items) != 1 {
				t.Fatalf("saved watchlists %s: %v", saved.b, err)
			}
			sv.Items[0].Webhook = hook.URL + "/hook"
			saved.b, _ = json.Marshal(sv)
		}
		ts := httptest.NewServer(New(f, Options{Notifier: b, WriteToken: "w", AllowPrivateWebhooks: allow, Watchlists: saved}))
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
}

// TestWebhookRefusedAtCreation: a webhook that is not an http(s) URL, or
// whose host is or resolves to a non-public address, is refused when the
// watchlist is created, with a message saying why.
func TestWebhookRefusedAtCreation(t *testing.T) {
	ts := httptest.NewServer(New(newFakeReader(t, 1), Options{WriteToken: "w"}))
	defer ts.Close()
	for _, hook := range []string{"file:///etc/passwd", "http://127.0.0.1:9/hook", "http://[::1]/x", "http://[::ffff:127.0.0.1]/x",
		"http://0.0.0.0/x", "http://10.1.2.3/x", "http://192.168.0.1/x", "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/x",
		"http://localhost:8080/x", "http://api.localhost/x"} {
		body := `{"kind":"keyword","value":"x","webhook":"` + hook + `"}`
		resp, out := do(t, "POST", ts.URL+"/api/v1/watchlists", strings.NewReader(body), "Authorization", "Bearer w", "Content-Type", "application/json")
		if resp.StatusCode != 400 || !strings.Contains(string(out), "webhook") {
			t.Errorf("webhook %s: %d %s, want 400", hook, resp.StatusCode, out)
		}
	}
	resp, out := do(t, "GET", ts.URL+"/api/v1/watchlists", nil)
	if resp.StatusCode != 200 || strings.Contains(string(out), "hook") {
		t.Errorf("refused webhooks were kept: %s", out)
	}
}
