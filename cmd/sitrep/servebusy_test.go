package main

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// busyCorpus writes n articles about many invented stories (each with its
// own invented names, so that stories stay apart) as JSON Lines.
func busyCorpus(t testing.TB, path string, n, first int) {
	t.Helper()
	rng := rand.New(rand.NewSource(int64(first) + 11))
	syl := []string{"ka", "lo", "mi", "ra", "ven", "tor", "sel", "du", "mar", "qui", "zan", "bel", "fo", "nes", "gri", "pa"}
	name := func(seed int) string {
		r := rand.New(rand.NewSource(int64(seed)))
		w := ""
		for k := 0; k < 3; k++ {
			w += syl[r.Intn(len(syl))]
		}
		return strings.ToUpper(w[:1]) + w[1:]
	}
	const stories = 600
	var b strings.Builder
	t0 := time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
	for i := first; i < first+n; i++ {
		st := rng.Intn(stories)
		tp := faultTopics[st%len(faultTopics)]
		place, person, group := name(st*3+1), name(st*3+2)+" "+name(st*3+3), name(st*7+5)+" Council"
		words := strings.Fields(tp.what)
		var text strings.Builder
		for s := 0; s < 8; s++ {
			w1, w2 := words[rng.Intn(len(words))], words[rng.Intn(len(words))]
			fmt.Fprintf(&text, "In %s, %s of the %s said the %s and the %s mattered most. ", place, person, group, w1, w2)
		}
		fmt.Fprintf(&text, "\"We will report again on %s,\" %s said.", time.Weekday(i%7), person)
		rec := map[string]any{
			"url":       fmt.Sprintf("https://busy%d.example.org/%d", i%5, i),
			"title":     fmt.Sprintf("%s: %s %s", place, words[i%len(words)], words[(i+3)%len(words)]),
			"text":      text.String(),
			"outlet":    fmt.Sprintf("Busy Outlet %d", i%5),
			"published": t0.Add(time.Duration(st)*3*time.Hour + time.Duration(i%40)*time.Minute).Format(time.RFC3339),
		}
		line, _ := json.Marshal(rec)
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeDuringIngest measures the story page (GET /api/v1/stories/{id},
// what the UI's story page loads; response cache off) while a separate
// ingest process takes in SITREP_BUSY_ARTICLES (default 10,000) articles
// into the database being served. It is a measurement, too slow for CI:
//
//	SITREP_BUSY=1 go test -run TestServeDuringIngest -v -timeout 30m ./cmd/sitrep/
//
// SITREP_BUSY_CLIENTS (default 4) clients ask in turn for the stories the
// database held before the ingest began. It fails when the p99 is 100 ms
// or more, or any request fails.
func TestServeDuringIngest(t *testing.T) {
	if os.Getenv("SITREP_BUSY") == "" {
		t.Skip("measurement: set SITREP_BUSY=1 to run it")
	}
	n, clients := 10000, 4
	if v, err := strconv.Atoi(os.Getenv("SITREP_BUSY_ARTICLES")); err == nil {
		n = v
	}
	if v, err := strconv.Atoi(os.Getenv("SITREP_BUSY_CLIENTS")); err == nil {
		clients = v
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "busy.db")
	base, more := filepath.Join(dir, "base.jsonl"), filepath.Join(dir, "more.jsonl")
	busyCorpus(t, base, 1000, 0)
	busyCorpus(t, more, n, 1000)
	start := time.Now()
	if out, err := sitrepProcess(t, "ingest", "--db", db, "--quiet", base).CombinedOutput(); err != nil {
		t.Fatalf("base ingest: %v: %s", err, out)
	}
	t.Logf("base: 1000 articles in %v", time.Since(start).Round(time.Millisecond))

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	srv := sitrepProcess(t, "serve", "--db", db, "--addr", addr, "--cache", "0")
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Process.Kill(); srv.Wait() }()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var list struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		resp, err := client.Get("http://" + addr + "/api/v1/stories?limit=100")
		if err == nil {
			err = json.NewDecoder(resp.Body).Decode(&list)
			resp.Body.Close()
			if err == nil {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not answer: %v", err)
		}
	}
	if len(list.Items) == 0 {
		t.Fatal("no stories to ask for")
	}

	ing := sitrepProcess(t, "ingest", "--db", db, "--quiet", more)
	out := &strings.Builder{}
	ing.Stdout, ing.Stderr = out, out
	start = time.Now()
	if err := ing.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- ing.Wait() }()
	stop := make(chan struct{})
	var mu sync.Mutex
	var lat []time.Duration
	var errs int
	var firstErr string
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var mine []time.Duration
			for i := c; ; i += clients {
				select {
				case <-stop:
					mu.Lock()
					lat = append(lat, mine...)
					mu.Unlock()
					return
				default:
				}
				id := list.Items[i%len(list.Items)].ID
				t0 := time.Now()
				resp, err := client.Get(fmt.Sprintf("http://%s/api/v1/stories/%d", addr, id))
				if err == nil {
					var body map[string]any
					err = json.NewDecoder(resp.Body).Decode(&body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != 200 {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				mine = append(mine, time.Since(t0))
				if err != nil {
					mu.Lock()
					if errs++; firstErr == "" {
						firstErr = err.Error()
					}
					mu.Unlock()
				}
			}
		}(c)
	}
	ingErr := <-done
	ingTime := time.Since(start)
	close(stop)
	wg.Wait()
	if ingErr != nil {
		t.Fatalf("ingest: %v: %s", ingErr, out)
	}
	slices.Sort(lat)
	q := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	t.Logf("ingest of %d articles: %v (%.0f articles/s) while serving", n, ingTime.Round(time.Millisecond), float64(n)/ingTime.Seconds())
	t.Logf("story page, %d clients, %d stories: %d requests (%.0f req/s), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d",
		clients, len(list.Items), len(lat), float64(len(lat))/ingTime.Seconds(),
		ms(q(0.5)), ms(q(0.9)), ms(q(0.99)), ms(lat[len(lat)-1]), errs)
	if errs > 0 {
		t.Errorf("%d requests failed, first: %s", errs, firstErr)
	}
	if q(0.99) >= 100*time.Millisecond {
		t.Errorf("p99 %.1f ms, want < 100 ms", ms(q(0.99)))
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
