package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/view"
)

func newTestServer(t testing.TB, opts Options) (*httptest.Server, *fakeReader) {
	f := newFakeReader(t, 24)
	ts := httptest.NewServer(New(f, opts))
	t.Cleanup(ts.Close)
	return ts, f
}

func do(t testing.TB, method, u string, body io.Reader, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func TestAPIStatusAndErrors(t *testing.T) {
	ts, f := newTestServer(t, Options{})
	long := strings.Repeat("x", 5000)
	cases := []struct {
		name, method, path string
		status             int
		contains           string // in the body
	}{
		{"stories", "GET", "/api/v1/stories", 200, `"headline":"Coalition forces begin push toward Mosul"`},
		{"story", "GET", "/api/v1/stories/1", 200, `"summary":[`},
		{"story missing", "GET", "/api/v1/stories/999", 404, `"status":404`},
		{"story bad id", "GET", "/api/v1/stories/abc", 400, `positive integer`},
		{"story negative id", "GET", "/api/v1/stories/-3", 400, `positive integer`},
		{"story with query", "GET", "/api/v1/stories/1?x=1", 400, `no query parameters`},
		{"article", "GET", "/api/v1/articles/3", 200, `"sentences":[`},
		{"articles", "GET", "/api/v1/articles?limit=2", 200, `"limit":2`},
		{"storylines", "GET", "/api/v1/storylines", 200, `"The battle for Mosul"`},
		{"actors", "GET", "/api/v1/actors?q=carter", 200, `"Ashton Carter"`},
		{"actor by alias", "GET", "/api/v1/actors/Daesh", 200, `"name":"Islamic State"`},
		{"actor by id", "GET", "/api/v1/actors/2", 200, `"name":"Haider al-Abadi"`},
		{"actor missing", "GET", "/api/v1/actors/nobody", 404, `"message":"not found"`},
		{"places", "GET", "/api/v1/places", 200, `"Qayyarah"`},
		{"place by geonames", "GET", "/api/v1/places/99072", 200, `"name":"Mosul"`},
		{"quotes by speaker", "GET", "/api/v1/quotes?speaker=Carter", 200, `decisive moment`},
		{"timeline of story", "GET", "/api/v1/timeline?story=2", 200, `"date":"2016-10-04"`},
		{"search", "GET", "/api/v1/search?q=trenches", 200, `"facets":`},
		{"search without q", "GET", "/api/v1/search", 400, `needs q`},
		{"geojson", "GET", "/api/v1/export/places.geojson", 200, `"FeatureCollection"`},
		{"events off", "GET", "/api/v1/events", 503, `not enabled`},
		{"health", "GET", "/api/v1/health", 200, `"ok"`},
		{"openapi", "GET", "/api/v1/openapi.json", 200, `"openapi": "3.0.3"`},
		{"unknown param", "GET", "/api/v1/stories?colour=red", 400, `unknown parameter \"colour\"`},
		{"repeated param", "GET", "/api/v1/stories?limit=1&limit=2", 400, `given 2 times`},
		{"bad limit", "GET", "/api/v1/stories?limit=-1", 400, `limit must be`},
		{"bad offset", "GET", "/api/v1/stories?offset=99999999", 400, `offset must be`},
		{"bad sort", "GET", "/api/v1/stories?sort=random", 400, `sort must be`},
		{"bad date", "GET", "/api/v1/articles?from=yesterday", 400, `from must be a date`},
		{"reversed dates", "GET", "/api/v1/articles?from=2016-10-20&to=2016-10-01", 400, `before`},
		{"long q", "GET", "/api/v1/search?q=" + strings.Repeat("a", 600), 400, `longer than 512`},
		{"long query string", "GET", "/api/v1/search?q=" + long, 414, `"status":414`},
		{"no such endpoint", "GET", "/api/v1/nothing", 404, `no such endpoint`},
		{"method not allowed", "POST", "/api/v1/stories", 405, `not allowed`},
		{"write without token config", "POST", "/api/v1/watchlists", 403, `writes are disabled`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := do(t, c.method, ts.URL+c.path, nil)
			if resp.StatusCode != c.status {
				t.Fatalf("status %d, want %d; body %s", resp.StatusCode, c.status, body)
			}
			if !strings.Contains(string(body), c.contains) {
				t.Errorf("body lacks %s: %.300s", c.contains, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			if c.status >= 400 {
				var e apiError
				if err := json.Unmarshal(body, &e); err != nil || e.Error.Status != c.status || e.Error.Message == "" {
					t.Errorf("error body not {error:{status,message}}: %s", body)
				}
			}
			checkSecurityHeaders(t, resp)
		})
	}
	_ = f
}

func checkSecurityHeaders(t *testing.T, resp *http.Response) {
	t.Helper()
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	}
	for k, v := range want {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}

func getJSON[T any](t *testing.T, u string) T {
	t.Helper()
	resp, body := do(t, "GET", u, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, body)
	}
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestAPIFiltersAndPaging(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxLimit: 10, DefaultLimit: 4})
	base := ts.URL + "/api/v1"

	p := getJSON[view.Page[view.ArticleSummary]](t, base+"/articles")
	if len(p.Items) != 4 || p.Limit != 4 || p.Total != 33 {
		t.Errorf("default page: %d items, limit %d, total %d; want 4, 4, 33", len(p.Items), p.Limit, p.Total)
	}
	p = getJSON[view.Page[view.ArticleSummary]](t, base+"/articles?limit=1000")
	if len(p.Items) != 10 || p.Limit != 10 {
		t.Errorf("capped page: %d items, limit %d; want 10", len(p.Items), p.Limit)
	}
	p = getJSON[view.Page[view.ArticleSummary]](t, base+"/articles?outlet="+url.QueryEscape("Harbor Times")+"&limit=10")
	if p.Total == 0 {
		t.Fatal("no Harbor Times articles")
	}
	for _, a := range p.Items {
		if a.Outlet != "Harbor Times" {
			t.Errorf("outlet filter let through %q", a.Outlet)
		}
	}
	p2 := getJSON[view.Page[view.ArticleSummary]](t, base+"/articles?outlet="+url.QueryEscape("Harbor Times")+"&limit=2&offset=2")
	if len(p2.Items) != 2 || p2.Items[0].ID != p.Items[2].ID || p2.Offset != 2 {
		t.Errorf("offset 2 did not continue the listing: %+v", p2)
	}
	p = getJSON[view.Page[view.ArticleSummary]](t, base+"/articles?story=2&from=2016-10-05&to=2016-10-05")
	if p.Total != 5 {
		t.Errorf("story 2 on 2016-10-05: %d articles, want 5", p.Total)
	}
	p = getJSON[view.Page[view.ArticleSummary]](t, base+"/articles?story=2&from=2016-10-06")
	if p.Total != 0 {
		t.Errorf("story 2 from 2016-10-06: %d articles, want 0", p.Total)
	}

	s := getJSON[view.Page[view.StorySummary]](t, base+"/stories?sort=biggest")
	if len(s.Items) < 3 || len(s.Items[0].Articles) != 24 || len(s.Items[1].Articles) != 5 {
		t.Errorf("biggest first: got %+v", s.Items)
	}
	s = getJSON[view.Page[view.StorySummary]](t, base+"/stories?min_count=4&place=Erbil")
	if s.Total != 1 || s.Items[0].ID != 1 {
		t.Errorf("stories at Erbil with ≥4 articles: %+v, want story 1", s.Items)
	}
	s = getJSON[view.Page[view.StorySummary]](t, base+"/stories?min_count=3&place=Erbil")
	if s.Total != 2 {
		t.Errorf("stories at Erbil with ≥3 articles: %d, want 2", s.Total)
	}

	r := getJSON[view.SearchResult](t, base+"/search?q=oil&actor=Daesh")
	if r.Total != 0 {
		// Outlet 2 calls the group Daesh, but no article names the actor
		// alias in a sentence about oil: actor facet must still filter.
		for _, h := range r.Items {
			if h.Story != 2 {
				t.Errorf("search hit outside story 2: %+v", h)
			}
		}
	}
	r = getJSON[view.SearchResult](t, base+"/search?q=trenches&outlet="+url.QueryEscape("Meridian News"))
	if r.Total != 1 || len(r.Facets.Outlets) != 1 || r.Facets.Outlets[0].Value != "Meridian News" {
		t.Errorf("search with outlet facet: total %d facets %+v", r.Total, r.Facets.Outlets)
	}
}

func TestReadToken(t *testing.T) {
	ts, _ := newTestServer(t, Options{ReadToken: "s3cret"})
	cases := []struct {
		name, path string
		hdr        []string
		status     int
	}{
		{"no token", "/api/v1/stories", nil, 401},
		{"wrong token", "/api/v1/stories", []string{"Authorization", "Bearer nope"}, 401},
		{"bearer", "/api/v1/stories", []string{"Authorization", "Bearer s3cret"}, 200},
		{"cookie", "/api/v1/stories", []string{"Cookie", "sitrep_token=s3cret"}, 200},
		{"openapi stays open", "/api/v1/openapi.json", nil, 200},
		{"ui stays open", "/story/1", nil, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := do(t, "GET", ts.URL+c.path, nil, c.hdr...)
			if resp.StatusCode != c.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, c.status, body)
			}
		})
	}
}

func TestWatchlistWrites(t *testing.T) {
	ts, _ := newTestServer(t, Options{WriteToken: "w"})
	u := ts.URL + "/api/v1/watchlists"
	body := `{"kind":"actor","value":"Ashton Carter"}`
	cases := []struct {
		name, method, path, body string
		hdr                      []string
		status                   int
	}{
		{"no token", "POST", u, body, []string{"Content-Type", "application/json"}, 401},
		{"cookie is not enough", "POST", u, body, []string{"Content-Type", "application/json", "Cookie", "sitrep_token=w"}, 401},
		{"wrong type", "POST", u, body, []string{"Authorization", "Bearer w", "Content-Type", "text/plain"}, 415},
		{"bad kind", "POST", u, `{"kind":"mood","value":"x"}`, []string{"Authorization", "Bearer w", "Content-Type", "application/json"}, 400},
		{"unknown field", "POST", u, `{"kind":"actor","value":"x","admin":true}`, []string{"Authorization", "Bearer w", "Content-Type", "application/json"}, 400},
		{"too large", "POST", u, `{"kind":"keyword","value":"` + strings.Repeat("a", 2<<20) + `"}`, []string{"Authorization", "Bearer w", "Content-Type", "application/json"}, 413},
		{"created", "POST", u, body, []string{"Authorization", "Bearer w", "Content-Type", "application/json"}, 201},
		{"listed", "GET", u, "", nil, 200},
		{"delete without token", "DELETE", u + "/1", "", nil, 401},
		{"deleted", "DELETE", u + "/1", "", []string{"Authorization", "Bearer w"}, 204},
		{"deleted again", "DELETE", u + "/1", "", []string{"Authorization", "Bearer w"}, 404},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, b := do(t, c.method, c.path, strings.NewReader(c.body), c.hdr...)
			if resp.StatusCode != c.status {
				t.Errorf("status %d, want %d: %.200s", resp.StatusCode, c.status, b)
			}
		})
	}
}

func TestUIPagesAndAssets(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, p := range []string{"/", "/story/1", "/article/3", "/actor/Ashton%20Carter", "/place/Mosul", "/search", "/app.js", "/style.css", "/world.svg"} {
		resp, body := do(t, "GET", ts.URL+p, nil)
		if resp.StatusCode != 200 || len(body) == 0 {
			t.Errorf("%s: status %d, %d bytes", p, resp.StatusCode, len(body))
		}
		checkSecurityHeaders(t, resp)
		if strings.HasSuffix(p, ".js") && !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
			t.Errorf("%s content type %q", p, resp.Header.Get("Content-Type"))
		}
		if etag := resp.Header.Get("ETag"); etag != "" {
			r2, _ := do(t, "GET", ts.URL+p, nil, "If-None-Match", etag)
			if r2.StatusCode != http.StatusNotModified {
				t.Errorf("%s with its ETag: %d, want 304", p, r2.StatusCode)
			}
		} else {
			t.Errorf("%s has no ETag", p)
		}
	}
	resp, _ := do(t, "GET", ts.URL+"/nothing-here", nil)
	if resp.StatusCode != 404 {
		t.Errorf("/nothing-here: %d", resp.StatusCode)
	}
	_, body := do(t, "GET", ts.URL+"/", nil)
	if strings.Contains(string(body), "<script>") || strings.Contains(string(body), " style=") || strings.Contains(string(body), "http") {
		t.Errorf("index.html has inline script or style, or an outside URL")
	}
}

// TestAppScriptBuildsDOMSafely guards the rule that the UI never turns data
// into markup: no innerHTML, outerHTML, insertAdjacentHTML, document.write,
// eval or Function in app.js.
func TestAppScriptBuildsDOMSafely(t *testing.T) {
	src, err := webFS.ReadFile("web/app.js")
	if err != nil {
		t.Fatal(err)
	}
	bad := regexp.MustCompile(`\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*["'` + "`" + `]`)
	for i, line := range strings.Split(string(src), "\n") {
		if m := bad.FindString(line); m != "" {
			t.Errorf("app.js:%d: %s", i+1, strings.TrimSpace(line))
		}
	}
}

func TestAssetsGzip(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, name := range []string{"app.js", "world.svg", "style.css"} {
		want, _ := webFS.ReadFile("web/" + name)
		req, _ := http.NewRequest("GET", ts.URL+"/"+name, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req) // no transparent decoding
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: not gzipped", name)
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(zr)
		if !bytes.Equal(got, want) || len(body) >= len(want) {
			t.Errorf("%s: gzip body %d bytes decodes to %d, want %d", name, len(body), len(got), len(want))
		}
	}
}
