package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad is a loopback load test of the story and search endpoints,
// bounded in count and time. It runs only when SITREP_LOAD is set:
//
//	SITREP_LOAD=1 go test -run TestLoad -v ./internal/server/
//
// By default it serves the fake corpus (a 100-article story) from an
// in-process server; SITREP_LOAD_URL=http://127.0.0.1:8080 measures a
// running `sitrep serve` instead (loopback addresses only). Knobs:
// SITREP_LOAD_REQUESTS (default 20000), SITREP_LOAD_SECONDS (default 20),
// SITREP_LOAD_CONCURRENCY (default 16), SITREP_LOAD_QUERY (search queries,
// comma-separated, taken in turn; default "Mosul"), SITREP_LOAD_STORY
// (story ids, comma-separated, taken in turn; default 1), SITREP_LOAD_ONLY
// (endpoints to run, comma-separated: story, stories, search; default all).
func TestLoad(t *testing.T) {
	if os.Getenv("SITREP_LOAD") == "" {
		t.Skip("load test: set SITREP_LOAD=1 to run it")
	}
	base := os.Getenv("SITREP_LOAD_URL")
	if base == "" {
		ts := httptest.NewServer(New(newFakeReader(t, 100), Options{}))
		defer ts.Close()
		base = ts.URL
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		t.Fatalf("SITREP_LOAD_URL must be a loopback address, not %s", u.Host)
	}
	n := envInt("SITREP_LOAD_REQUESTS", 20000)
	secs := envInt("SITREP_LOAD_SECONDS", 20)
	conc := envInt("SITREP_LOAD_CONCURRENCY", 16)
	q := os.Getenv("SITREP_LOAD_QUERY")
	if q == "" {
		q = "Mosul"
	}
	story := os.Getenv("SITREP_LOAD_STORY")
	if story == "" {
		story = "1"
	}
	var storyPaths, searchPaths []string
	for _, id := range strings.Split(story, ",") {
		storyPaths = append(storyPaths, base+"/api/v1/stories/"+strings.TrimSpace(id))
	}
	for _, w := range strings.Split(q, ",") {
		searchPaths = append(searchPaths, base+"/api/v1/search?limit=20&q="+url.QueryEscape(strings.TrimSpace(w)))
	}
	endpoints := []struct {
		name  string
		paths []string
	}{
		{"story", storyPaths},
		{"stories", []string{base + "/api/v1/stories?limit=20"}},
		{"search", searchPaths},
	}
	only := os.Getenv("SITREP_LOAD_ONLY")
	for _, ep := range endpoints {
		if only != "" && !slices.Contains(strings.Split(only, ","), ep.name) {
			continue
		}
		res := loadRun(t, ep.paths, n, time.Duration(secs)*time.Second, conc)
		t.Logf("%-8s %6d requests in %5.2fs: %7.0f req/s, p50 %6.2f ms, p99 %6.2f ms, max %6.2f ms, errors %d (concurrency %d, %d distinct URLs)",
			ep.name, res.count, res.elapsed.Seconds(), float64(res.count)/res.elapsed.Seconds(),
			ms(res.p50), ms(res.p99), ms(res.max), res.errors, conc, len(ep.paths))
		if res.errors > 0 {
			t.Errorf("%s: %d errors, first: %v", ep.name, res.errors, res.firstErr)
		}
	}
}

type loadResult struct {
	count         int
	errors        int64
	firstErr      error
	elapsed       time.Duration
	p50, p99, max time.Duration
}

func loadRun(t *testing.T, targets []string, n int, limit time.Duration, conc int) loadResult {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc}, Timeout: 10 * time.Second}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	var next atomic.Int64
	var errs atomic.Int64
	var mu sync.Mutex
	var firstErr error
	lat := make([][]time.Duration, conc)
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for ctx.Err() == nil {
				i := next.Add(1)
				if i > int64(n) {
					return
				}
				t0 := time.Now()
				err := fetch(ctx, client, targets[int(i)%len(targets)])
				if ctx.Err() != nil {
					return // the time limit, not the server
				}
				lat[w] = append(lat[w], time.Since(t0))
				if err != nil {
					errs.Add(1)
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}(w)
	}
	wg.Wait()
	res := loadResult{elapsed: time.Since(start), errors: errs.Load(), firstErr: firstErr}
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	res.count = len(all)
	if len(all) > 0 {
		res.p50 = all[len(all)/2]
		res.p99 = all[min(len(all)-1, len(all)*99/100)]
		res.max = all[len(all)-1]
	}
	return res
}

func fetch(ctx context.Context, c *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkStoryHandler measures the handler alone (no network) on the
// 100-article story: JSON encoding and routing cost per request.
func BenchmarkStoryHandler(b *testing.B) {
	h := New(newFakeReader(b, 100), Options{})
	req := httptest.NewRequest("GET", "/api/v1/stories/1", nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkSearchHandler measures the search handler over the fake reader.
func BenchmarkSearchHandler(b *testing.B) {
	h := New(newFakeReader(b, 100), Options{})
	req := httptest.NewRequest("GET", "/api/v1/search?q=Mosul&limit=20", nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
