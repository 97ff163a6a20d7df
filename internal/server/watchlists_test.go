package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/internal/view"
)

// memWatchlists is a WatchlistStore in memory; fail makes Save fail.
type memWatchlists struct {
	mu   sync.Mutex
	b    []byte
	fail bool
}

func (m *memWatchlists) Load(context.Context) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.b, nil
}

func (m *memWatchlists) Save(_ context.Context, b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail {
		return errors.New("disk full")
	}
	m.b = append([]byte(nil), b...)
	return nil
}

func TestWatchlistsSurviveRestart(t *testing.T) {
	st := &memWatchlists{}
	start := func() *httptest.Server {
		return httptest.NewServer(New(newFakeReader(t, 1), Options{WriteToken: "w", Watchlists: st}))
	}
	create := func(ts *httptest.Server, body string) (int, Watchlist) {
		resp, out := do(t, "POST", ts.URL+"/api/v1/watchlists", strings.NewReader(body), "Authorization", "Bearer w", "Content-Type", "application/json")
		var w Watchlist
		json.Unmarshal(out, &w)
		return resp.StatusCode, w
	}
	list := func(ts *httptest.Server) []Watchlist {
		_, out := do(t, "GET", ts.URL+"/api/v1/watchlists", nil)
		var p view.Page[Watchlist]
		if err := json.Unmarshal(out, &p); err != nil {
			t.Fatal(err)
		}
		return p.Items
	}

	ts := start()
	create(ts, `{"kind":"actor","value":"Islamic State"}`)
	_, second := create(ts, `{"kind":"keyword","value":"ferry"}`)
	create(ts, `{"kind":"place","value":"Mosul"}`)
	if resp, _ := do(t, "DELETE", ts.URL+"/api/v1/watchlists/"+jsonID(second.ID), nil, "Authorization", "Bearer w"); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("delete: %d", resp.StatusCode)
	}
	ts.Close()

	ts = start() // a restart over the same store
	defer ts.Close()
	got := list(ts)
	if len(got) != 2 || got[0].Value != "Islamic State" || got[1].Value != "Mosul" {
		t.Fatalf("after restart: %+v", got)
	}
	if code, w := create(ts, `{"kind":"keyword","value":"drought"}`); code != http.StatusCreated || w.ID != 4 {
		t.Errorf("new watchlist after restart: %d, id %d (want 4: ids are not reused)", code, w.ID)
	}

	st.mu.Lock()
	st.fail = true
	st.mu.Unlock()
	if code, _ := create(ts, `{"kind":"keyword","value":"flood"}`); code != http.StatusInternalServerError {
		t.Errorf("create with a failing store: %d, want 500", code)
	}
	if n := len(list(ts)); n != 3 {
		t.Errorf("%d watchlists after a failed create, want 3", n)
	}
}

func TestWatchlistsUnreadableBlob(t *testing.T) {
	st := &memWatchlists{b: []byte("{not json")}
	ts := httptest.NewServer(New(newFakeReader(t, 1), Options{WriteToken: "w", Watchlists: st}))
	defer ts.Close()
	resp, out := do(t, "GET", ts.URL+"/api/v1/watchlists", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(out), `"items":[]`) {
		t.Errorf("unreadable stored watchlists: %d %s", resp.StatusCode, out)
	}
}

func jsonID(id int64) string { b, _ := json.Marshal(id); return string(b) }
