package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestIngestEndpoint(t *testing.T) {
	var got string
	fn := func(ctx context.Context, name string, body io.Reader) (*IngestResult, error) {
		b, err := io.ReadAll(body)
		if err != nil {
			return nil, err
		}
		got = name + ":" + string(b)
		return &IngestResult{Documents: 1, Added: 1}, nil
	}
	ts := httptest.NewServer(New(newFakeReader(t, 1), Options{WriteToken: "w", Ingest: fn, MaxIngestBytes: 64}))
	defer ts.Close()
	cases := []struct {
		name, auth, body string
		status           int
	}{
		{"no token", "", "Ferry trial approved.", http.StatusUnauthorized},
		{"wrong token", "Bearer x", "Ferry trial approved.", http.StatusUnauthorized},
		{"ok", "Bearer w", "Ferry trial approved.", http.StatusCreated},
		{"too large", "Bearer w", strings.Repeat("x", 100), http.StatusRequestEntityTooLarge},
	}
	for _, c := range cases {
		resp, body := do(t, "POST", ts.URL+"/api/v1/ingest?name=note.txt", strings.NewReader(c.body), "Authorization", c.auth)
		if resp.StatusCode != c.status {
			t.Errorf("%s: %d %s, want %d", c.name, resp.StatusCode, body, c.status)
		}
		if c.status == http.StatusCreated {
			var r IngestResult
			if json.Unmarshal(body, &r) != nil || r.Added != 1 || r.Problems == nil {
				t.Errorf("%s: result %s", c.name, body)
			}
			if got != "note.txt:Ferry trial approved." {
				t.Errorf("ingest saw %q", got)
			}
		}
	}
	// A server without an ingest function says so.
	ts2 := httptest.NewServer(New(newFakeReader(t, 1), Options{WriteToken: "w"}))
	defer ts2.Close()
	if resp, body := do(t, "POST", ts2.URL+"/api/v1/ingest", strings.NewReader("x"), "Authorization", "Bearer w"); resp.StatusCode != http.StatusNotImplemented {
		t.Errorf("no ingest: %d %s", resp.StatusCode, body)
	}
}

// TestIngestTooLarge: a body over the cap answers 413 with nothing of it
// ingested, whether its length is announced or not (chunked), even though
// the pipeline itself reports a cut input as a problem and carries on.
func TestIngestTooLarge(t *testing.T) {
	calls := 0
	fn := func(ctx context.Context, name string, body io.Reader) (*IngestResult, error) {
		calls++
		// As the real pipeline does: a read error is one input's problem.
		res := &IngestResult{Documents: 1}
		if _, err := io.ReadAll(body); err != nil {
			res.Problems = append(res.Problems, name+": "+err.Error())
		}
		return res, nil
	}
	ts := httptest.NewServer(New(newFakeReader(t, 1), Options{WriteToken: "w", Ingest: fn, MaxIngestBytes: 1 << 10}))
	defer ts.Close()
	for _, chunked := range []bool{false, true} {
		var body io.Reader = strings.NewReader(strings.Repeat("x", 100<<10))
		if chunked {
			body = io.MultiReader(body) // no length: sent chunked
		}
		resp, out := do(t, "POST", ts.URL+"/api/v1/ingest", body, "Authorization", "Bearer w")
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(out), "too large") {
			t.Errorf("chunked=%v: %d %s, want 413", chunked, resp.StatusCode, out)
		}
	}
	if calls != 0 {
		t.Errorf("the pipeline ran %d times on bodies over the cap", calls)
	}
}
