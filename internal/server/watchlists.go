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

	"github.com/sitrep/sitrep/internal/event"
	safefetch "github.com/sitrep/sitrep/internal/ingest/fetch"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// Watchlist is a standing query: an actor, a place or a keyword. When an
// article event matches it, the server publishes an "alert" event. An
// actor or place watchlist with an EventType watches coded events instead
// (internal/event): it alerts on each new happening of that PLOVER type
// ("any": of every type) whose source, target or place is the watched
// actor or place, when the corpus stage has coded the story. Watchlists
// are kept by Options.Watchlists when set (sitrep serve: in the database),
// else in memory only.
type Watchlist struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"` // actor, place, keyword
	Value   string `json:"value"`
	Webhook string `json:"webhook,omitempty"` // receives each alert as a JSON POST
	// EventType (a PLOVER 2.0 type, or "any") makes an actor or place
	// watchlist watch coded events rather than articles.
	EventType string    `json:"event_type,omitempty"`
	Created   time.Time `json:"created"`
}

// Alert is the data of an "alert" event: an article, or for a watchlist
// of coded events, the happening (Event) and the story it belongs to.
type Alert struct {
	Watchlist Watchlist           `json:"watchlist"`
	Article   view.ArticleSummary `json:"article"`
	Event     *event.Record       `json:"event,omitempty"`
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
	// fresh holds the ids of the articles announced lately (oldest
	// first in order): a coded event is new when one of its mentions is
	// one of them.
	fresh    map[int64]bool
	order    []int64
	alerted  map[string]bool // watchlist id + happening key: alerted once
	alertOrd []string
}

// maxFresh bounds the remembered article ids and alerted happenings.
const maxFresh = 20000

func newWatchlists() *watchlists {
	return &watchlists{items: map[int64]Watchlist{}, fresh: map[int64]bool{}, alerted: map[string]bool{}}
}

// announced remembers article id as fresh.
func (wl *watchlists) announced(id int64) {
	wl.mu.Lock()
	defer wl.mu.Unlock()
	if wl.fresh[id] {
		return
	}
	wl.fresh[id] = true
	wl.order = append(wl.order, id)
	if len(wl.order) > maxFresh {
		delete(wl.fresh, wl.order[0])
		wl.order = wl.order[1:]
	}
}

// firstAlert reports whether the happening key has not yet been alerted
// for watchlist w, and marks it alerted. A story re-derived gives its
// happenings new ids; the key (story, type, parties, place, date) does not
// change, so one happening alerts once.
func (wl *watchlists) firstAlert(w Watchlist, key string) bool {
	k := strconv.FormatInt(w.ID, 10) + "|" + key
	wl.mu.Lock()
	defer wl.mu.Unlock()
	if wl.alerted[k] {
		return false
	}
	wl.alerted[k] = true
	wl.alertOrd = append(wl.alertOrd, k)
	if len(wl.alertOrd) > maxFresh {
		delete(wl.alerted, wl.alertOrd[0])
		wl.alertOrd = wl.alertOrd[1:]
	}
	return true
}

// isFresh reports whether one of the record's mentions is a fresh article.
func (wl *watchlists) isFresh(r *event.Record) bool {
	wl.mu.Lock()
	defer wl.mu.Unlock()
	for _, m := range r.Mentions {
		if wl.fresh[m.Article] {
			return true
		}
	}
	return false
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
		if e.Type == "article" && e.ID != 0 {
			s.watch.announced(e.ID)
		}
		if e.Type == "story" && e.ID != 0 {
			s.eventAlerts(b, e.ID)
			return
		}
		if e.Type != "article" || e.ID == 0 {
			return
		}
		var ws []Watchlist
		for _, w := range s.watch.list() {
			if w.EventType == "" {
				ws = append(ws, w)
			}
		}
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

// eventAlerts checks the coded events of a story the corpus stage has just
// changed against the watchlists of coded events: an alert for each new
// happening of the watched type that involves the watched actor or place.
func (s *Server) eventAlerts(b *Broker, story int64) {
	var ws []Watchlist
	for _, w := range s.watch.list() {
		if w.EventType != "" {
			ws = append(ws, w)
		}
	}
	src, ok := s.r.(CodedEventSource)
	if len(ws) == 0 || !ok {
		return
	}
	looks := eventAlertLooks
	go func() {
		// sitrep serve announces a story once its page and coded events
		// are written (corpus.Announced), so the first look normally finds
		// them; other announcers (a PostgreSQL notification, an article
		// poll) may come before the events: look again a little later
		// (each happening alerts once whatever the look that finds it).
		for _, wait := range looks {
			time.Sleep(wait)
			if !s.eventAlertsOnce(b, src, ws, story) {
				return
			}
		}
	}()
}

// eventAlertLooks are the delays of the looks at a story's coded events
// after its announcement.
var eventAlertLooks = []time.Duration{0, 2 * time.Second, 10 * time.Second}

// eventAlertsOnce alerts on the story's new coded events that match ws;
// false when the events cannot be read.
func (s *Server) eventAlertsOnce(b *Broker, src CodedEventSource, ws []Watchlist, story int64) bool {
	ctx, cancel := context.WithTimeout(context.Background(), s.opts.Timeout)
	defer cancel()
	recs, _, err := src.CodedEventList(ctx, store.EventFilter{Story: story, Limit: 1000})
	if err != nil {
		s.log.Warn("watchlists: coded events", "story", story, "err", err)
		return false
	}
	for i := range recs {
		r := &recs[i]
		if !s.watch.isFresh(r) {
			continue
		}
		for _, w := range ws {
			if !eventMatches(w, r) || !s.watch.firstAlert(w, happeningKey(r)) {
				continue
			}
			al := Alert{Watchlist: w, Event: r, Article: view.ArticleSummary{ID: r.FirstReport.Article, Story: story, Outlet: r.FirstReport.Outlet}}
			b.Publish(Event{Type: "alert", ID: story, Data: al})
			if w.Webhook != "" {
				s.deliver(ctx, w.Webhook, al)
			}
		}
	}
	return true
}

// happeningKey names a happening independently of its id.
func happeningKey(r *event.Record) string {
	place := ""
	if r.Place != nil {
		place = r.Place.Name
	}
	return strings.Join([]string{strconv.FormatInt(r.Story, 10), r.Type, r.Source.Name, r.Target.Name, place, r.Date, r.Status}, "|")
}

// eventMatches reports whether coded event r satisfies watchlist w: its
// type, and the watched actor among its sources and targets or the
// watched place as its place or target. Names compare case-insensitively;
// an actor matches by id too, a place by GeoNames id.
func eventMatches(w Watchlist, r *event.Record) bool {
	if w.EventType != "any" && !strings.EqualFold(w.EventType, r.Type) {
		return false
	}
	v := strings.ToLower(w.Value)
	parties := append([]event.Party{r.Source, r.Target}, r.AllSources...)
	parties = append(parties, r.AllTargets...)
	switch w.Kind {
	case "actor":
		for _, p := range parties {
			if p.Actor != 0 && (strings.ToLower(p.Name) == v || strconv.FormatInt(p.Actor, 10) == v) {
				return true
			}
		}
	case "place":
		if r.Place != nil && (strings.ToLower(r.Place.Name) == v || r.Place.GeonamesID != 0 && strconv.FormatUint(uint64(r.Place.GeonamesID), 10) == v) {
			return true
		}
		for _, p := range parties {
			if p.GeonamesID != 0 && (strings.ToLower(p.Name) == v || strings.ToLower(p.Text) == v || strconv.FormatUint(uint64(p.GeonamesID), 10) == v) {
				return true
			}
		}
	}
	return false
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
		Kind      string `json:"kind"`
		Value     string `json:"value"`
		Webhook   string `json:"webhook"`
		EventType string `json:"event_type"`
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body larger than 1 MiB")
			return
		}
		writeError(w, http.StatusBadRequest, "body must be {\"kind\": \"actor|place|keyword\", \"value\": \"...\"} (optional: \"webhook\", \"event_type\")")
		return
	}
	in.Value = strings.TrimSpace(in.Value)
	switch in.Kind {
	case "actor", "place", "keyword":
	default:
		writeError(w, http.StatusBadRequest, "kind must be actor, place or keyword")
		return
	}
	if in.EventType = strings.TrimSpace(in.EventType); in.EventType != "" {
		if in.Kind == "keyword" {
			writeError(w, http.StatusBadRequest, "event_type needs kind actor or place: coded events have actors and places, not keywords")
			return
		}
		if in.EventType = strings.ToUpper(in.EventType); in.EventType == "ANY" {
			in.EventType = "any"
		} else if !event.IsPloverType(in.EventType) {
			writeError(w, http.StatusBadRequest, "event_type "+in.EventType+": want any or a PLOVER 2.0 type ("+strings.Join(event.PloverTypes, ", ")+")")
			return
		}
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
	item := Watchlist{ID: wl.next, Kind: in.Kind, Value: in.Value, Webhook: in.Webhook, EventType: in.EventType, Created: time.Now().UTC()}
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
