package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	safefetch "github.com/sitrep/sitrep/internal/ingest/fetch"
	"github.com/sitrep/sitrep/internal/view"
)

// Watchlist is a standing query: an actor, a place or a keyword. When an
// article event matches it, the server publishes an "alert" event. Watchlists
// are kept by Options.Watchlists when set (sitrep serve: in the database),
// else in memory only.
type Watchlist struct {
	ID      int64     `json:"id"`
	Kind    string    `json:"kind"` // actor, place, keyword
	Value   string    `json:"value"`
	Webhook string    `json:"webhook,omitempty"` // receives each alert as a JSON POST
	Created time.Time `json:"created"`
}

// Alert is the data of an "alert" event.
type Alert struct {
	Watchlist Watchlist           `json:"watchlist"`
	Article   view.ArticleSummary `json:"article"`
}

const maxWatchlists = 1000

// WatchlistStore keeps the watchlists as one blob (JSON written by the
// server); Load returns nil when none was saved.
type WatchlistStore interface {
	Load(ctx context.Context) ([]byte, error)
	Save(ctx context.Context, b []byte) error
}

// savedWatchlists is the stored form.
type savedWatchlists struct {
	Next  int64       `json:"next"`
	Items []Watchlist `json:"items"`
}

// loadWatchlists reads the stored watchlists, if any; a blob that cannot be
// read is logged and left alone (the next change overwrites it).
func (s *Server) loadWatchlists() {
	st := s.opts.Watchlists
	if st == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.opts.Timeout)
	defer cancel()
	b, err := st.Load(ctx)
	if err != nil || len(b) == 0 {
		if err != nil {
			s.log.Error("watchlists: load", "err", err)
		}
		return
	}
	var sv savedWatchlists
	if err := json.Unmarshal(b, &sv); err != nil {
		s.log.Error("watchlists: stored blob unreadable", "err", err)
		return
	}
	wl := s.watch
	wl.mu.Lock()
	defer wl.mu.Unlock()
	wl.next = sv.Next
	for _, w := range sv.Items {
		wl.items[w.ID] = w
		wl.next = max(wl.next, w.ID)
	}
}

// saveWatchlists stores the watchlists after a change; called with wl.mu
// held so that saves keep the order of changes.
func (s *Server) saveWatchlists(ctx context.Context) error {
	st := s.opts.Watchlists
	if st == nil {
		return nil
	}
	wl := s.watch
	sv := savedWatchlists{Next: wl.next, Items: make([]Watchlist, 0, len(wl.items))}
	for _, w := range wl.items {
		sv.Items = append(sv.Items, w)
	}
	sort.Slice(sv.Items, func(i, j int) bool { return sv.Items[i].ID < sv.Items[j].ID })
	b, err := json.Marshal(sv)
	if err != nil {
		return err
	}
	return st.Save(ctx, b)
}

type watchlists struct {
	mu    sync.Mutex
	next  int64
	items map[int64]Watchlist
}

func newWatchlists() *watchlists {
	return &watchlists{items: map[int64]Watchlist{}}
}

func (wl *watchlists) list() []Watchlist {
	wl.mu.Lock()
	defer wl.mu.Unlock()
	out := make([]Watchlist, 0, len(wl.items))
	for _, w := range wl.items {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// startAlerts hooks the watchlists to the broker: every article event is
// read back and checked against each watchlist.
func (s *Server) startAlerts() {
	b := s.opts.Notifier
	if b == nil {
		return
	}
	b.onPublish(func(e Event) {
		if e.Type != "article" || e.ID == 0 {
			return
		}
		ws := s.watch.list()
		if len(ws) == 0 {
			return
		}
		// Reading the article back must not hold up the publisher.
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), s.opts.Timeout)
			defer cancel()
			a, err := s.r.Article(ctx, e.ID)
			if err != nil || a == nil {
				return
			}
			for _, w := range ws {
				if matches(w, a) {
					al := Alert{Watchlist: w, Article: a.ArticleSummary}
					b.Publish(Event{Type: "alert", ID: a.ID, Data: al})
					if w.Webhook != "" {
						s.deliver(ctx, w.Webhook, al)
					}
				}
			}
		}()
	})
}

// matches reports whether article a satisfies watchlist w. Names compare
// case-insensitively; an actor or place matches by id or by name.
func matches(w Watchlist, a *view.Article) bool {
	v := strings.ToLower(w.Value)
	switch w.Kind {
	case "actor":
		for _, ac := range a.Actors {
			if strings.ToLower(ac.Name) == v || strconv.FormatInt(ac.ID, 10) == v {
				return true
			}
		}
	case "place":
		for _, p := range a.Places {
			if strings.ToLower(p.Name) == v || strings.ToLower(p.Text) == v || strconv.FormatInt(p.Place, 10) == v {
				return true
			}
		}
	case "keyword":
		return strings.Contains(strings.ToLower(a.Title), v) || strings.Contains(strings.ToLower(a.Text), v)
	}
	return false
}

func (s *Server) listWatchlists(w http.ResponseWriter, r *http.Request) {
	items := s.watch.list()
	writeJSON(w, http.StatusOK, view.Page[Watchlist]{Items: items, Total: len(items), Limit: len(items)})
}

func (s *Server) createWatchlist(w http.ResponseWriter, r *http.Request) {
	if !s.requireWrite(w, r) {
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		writeError(w, http.StatusUnsupportedMediaType, "send the watchlist as application/json")
		return
	}
	var in struct {
		Kind    string `json:"kind"`
		Value   string `json:"value"`
		Webhook string `json:"webhook"`
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body larger than 1 MiB")
			return
		}
		writeError(w, http.StatusBadRequest, "body must be {\"kind\": \"actor|place|keyword\", \"value\": \"...\"}")
		return
	}
	in.Value = strings.TrimSpace(in.Value)
	switch in.Kind {
	case "actor", "place", "keyword":
	default:
		writeError(w, http.StatusBadRequest, "kind must be actor, place or keyword")
		return
	}
	if in.Value == "" || !utf8.ValidString(in.Value) || utf8.RuneCountInString(in.Value) > maxTextParam {
		writeError(w, http.StatusBadRequest, "value must be 1 to 512 characters")
		return
	}
	if in.Webhook != "" {
		u, err := url.Parse(in.Webhook)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(in.Webhook) > 2048 {
			writeError(w, http.StatusBadRequest, "webhook must be an http(s) URL")
			return
		}
		if !s.opts.AllowPrivateWebhooks {
			if err := publicHost(r.Context(), u.Hostname()); err != nil {
				writeError(w, http.StatusBadRequest, "webhook: "+err.Error())
				return
			}
		}
	}
	wl := s.watch
	wl.mu.Lock()
	if len(wl.items) >= maxWatchlists {
		wl.mu.Unlock()
		writeError(w, http.StatusConflict, "too many watchlists (1000)")
		return
	}
	wl.next++
	item := Watchlist{ID: wl.next, Kind: in.Kind, Value: in.Value, Webhook: in.Webhook, Created: time.Now().UTC()}
	wl.items[item.ID] = item
	if err := s.saveWatchlists(r.Context()); err != nil {
		delete(wl.items, item.ID)
		wl.next--
		wl.mu.Unlock()
		s.log.Error("watchlists: save", "err", err)
		writeError(w, http.StatusInternalServerError, "the watchlist could not be stored")
		return
	}
	wl.mu.Unlock()
	w.Header().Set("Location", "/api/v1/watchlists/"+strconv.FormatInt(item.ID, 10))
	writeJSON(w, http.StatusCreated, item)
}

func (s *Server) deleteWatchlist(w http.ResponseWriter, r *http.Request) {
	if !s.requireWrite(w, r) {
		return
	}
	id, err := parseID("id", r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	wl := s.watch
	wl.mu.Lock()
	old, ok := wl.items[id]
	delete(wl.items, id)
	if ok {
		if err := s.saveWatchlists(r.Context()); err != nil {
			wl.items[id] = old
			wl.mu.Unlock()
			s.log.Error("watchlists: save", "err", err)
			writeError(w, http.StatusInternalServerError, "the change could not be stored")
			return
		}
	}
	wl.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "no watchlist "+strconv.FormatInt(id, 10))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// deliver POSTs an alert to a watchlist's webhook. The client is the one
// ingest fetches with: it refuses loopback, private and link-local
// addresses after DNS resolution (unless Options.AllowPrivateWebhooks), so
// a watchlist cannot turn the server against its own network.
func (s *Server) deliver(ctx context.Context, hook string, al Alert) {
	body, err := json.Marshal(Event{Type: "alert", ID: al.Article.ID, Data: al})
	if err != nil {
		return
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook, bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "sitrep-webhook")
	c := safefetch.Client(safefetch.Options{AllowPrivate: s.opts.AllowPrivateWebhooks, Timeout: 10 * time.Second, MaxRedirects: 0})
	resp, err := c.Do(req)
	if err != nil {
		s.log.Warn("webhook", "url", hook, "err", err)
		return
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		s.log.Warn("webhook", "url", hook, "status", resp.Status)
	}
}

// publicHost refuses, when a watchlist is created, a webhook host that is
// or resolves to a loopback, private, link-local (cloud metadata) or other
// non-public address: the SSRF rule that deliver applies again at each
// delivery (the answer may change), said to the user at once rather than
// found later in the server's log.
func publicHost(ctx context.Context, host string) error {
	if ip, err := netip.ParseAddr(host); err == nil {
		if !safefetch.Public(ip) {
			return fmt.Errorf("%s is not a public address (loopback, private, link-local and metadata addresses are refused; sitrep serve --allow-private-webhooks allows them)", host)
		}
		return nil
	}
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return fmt.Errorf("%s is a loopback name (sitrep serve --allow-private-webhooks allows it)", host)
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", h)
	if err != nil || len(ips) == 0 {
		return fmt.Errorf("host %s does not resolve", host)
	}
	for _, ip := range ips {
		if !safefetch.Public(ip) {
			return fmt.Errorf("%s resolves to %s, not a public address (sitrep serve --allow-private-webhooks allows it)", host, ip)
		}
	}
	return nil
}
