// Package server is sitrep's HTTP face: a JSON API under /api/v1/ described
// by an OpenAPI 3 document, server-sent events for live updates, and a small
// web UI whose assets are embedded in the binary. It reads everything through
// view.Reader, so it renders exactly what the CLI renders.
//
// All article content is untrusted. The API returns it as JSON only; the UI
// builds its DOM with textContent and createElement, never from markup, and
// every response carries a strict Content-Security-Policy that forbids inline
// script.
package server

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/view"
)

// Options configures the server. The zero value serves open reads, refuses
// writes and has no live events.
type Options struct {
	// ReadToken, when set, closes the read endpoints of the API: each request
	// needs "Authorization: Bearer TOKEN" or the cookie sitrep_token=TOKEN.
	// The web UI's static pages stay open; it asks the user for the token.
	ReadToken string
	// WriteToken (SITREP_TOKEN) is needed, as a bearer token, by every write
	// endpoint. When empty, writes are refused (403).
	WriteToken string
	// Notifier feeds /api/v1/events. When nil, that endpoint answers 503.
	Notifier *Broker
	// MaxLimit caps the page size of listings (default 200).
	MaxLimit int
	// DefaultLimit is the page size when the request names none (default 50).
	DefaultLimit int
	// Timeout bounds each API call to the reader (default 10 s).
	Timeout time.Duration
	// CacheTTL, when positive, keeps the answers of the read endpoints that
	// long (the Notifier's story and article events empty the cache).
	CacheTTL time.Duration
	// CacheBytes caps the cache (default 64 MiB).
	CacheBytes int
	// Logger receives internal errors; default slog.Default().
	Logger *slog.Logger
	// AllowPrivateWebhooks lets watchlist webhooks reach loopback, private
	// and link-local addresses (refused by default, as ingest's fetches are).
	AllowPrivateWebhooks bool
	// Ingest, when set, serves POST /api/v1/ingest (a write: it needs the
	// write token). MaxIngestBytes caps its body (default 16 MiB).
	Ingest         IngestFunc
	MaxIngestBytes int64
	// Watchlists, when set, keeps the watchlists across restarts: they are
	// loaded by New and saved after every change. Without it they live in
	// memory only.
	Watchlists WatchlistStore
}

// Limits on what a client may send.
const (
	maxQueryBytes = 4096    // raw query string
	maxTextParam  = 512     // the q parameter and names
	maxOffset     = 1000000 // deepest page offset
	maxBodyBytes  = 1 << 20 // request bodies of write endpoints
)

// Server holds the handler's state; New returns it as an http.Handler.
type Server struct {
	r    view.Reader
	opts Options
	mux  *http.ServeMux
	log  *slog.Logger
	web  *assets
	// patterns lists every pattern registered on mux, for the OpenAPI test.
	patterns []string
	watch    *watchlists
	cache    *respCache
}

// New returns the HTTP handler serving r.
func New(r view.Reader, opts Options) http.Handler {
	return newServer(r, opts)
}

func newServer(r view.Reader, opts Options) *Server {
	if opts.MaxLimit <= 0 {
		opts.MaxLimit = 200
	}
	if opts.DefaultLimit <= 0 {
		opts.DefaultLimit = 50
	}
	if opts.DefaultLimit > opts.MaxLimit {
		opts.DefaultLimit = opts.MaxLimit
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	s := &Server{r: r, opts: opts, mux: http.NewServeMux(), log: opts.Logger, web: loadAssets()}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.watch = newWatchlists()
	s.loadWatchlists()
	s.startAlerts()
	if opts.CacheTTL > 0 {
		if opts.CacheBytes <= 0 {
			opts.CacheBytes = 64 << 20
		}
		s.cache = newRespCache(opts.CacheTTL, opts.CacheBytes)
		if opts.Notifier != nil {
			opts.Notifier.onPublish(func(e Event) {
				if e.Type == "story" || e.Type == "article" {
					s.cache.invalidate()
				}
			})
		}
	}
	for _, rt := range apiRoutes(s) {
		h := rt.handler
		if rt.cache {
			h = s.cached(h)
		}
		s.handle(rt.method+" "+rt.path, h)
	}
	s.registerWeb()
	return s
}

func (s *Server) handle(pattern string, h http.HandlerFunc) {
	s.patterns = append(s.patterns, pattern)
	s.mux.HandleFunc(pattern, h)
}

// ServeHTTP adds the security headers, applies the request limits, and turns
// the mux's own plain-text 404 and 405 answers on API paths into JSON errors.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	api := strings.HasPrefix(r.URL.Path, "/api/")
	if len(r.URL.RawQuery) > maxQueryBytes {
		writeError(w, http.StatusRequestURITooLong, "query string longer than 4096 bytes")
		return
	}
	if r.Body != nil {
		limit := int64(maxBodyBytes)
		if r.URL.Path == "/api/v1/ingest" {
			limit = s.ingestLimit()
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
	}
	handler, pattern := s.mux.Handler(r)
	if api && (pattern == "" || pattern == "GET /") {
		// Not found or method not allowed: let the mux decide which, then
		// answer in JSON.
		cw := &captureWriter{header: http.Header{}}
		handler.ServeHTTP(cw, r)
		if allow := cw.header.Get("Allow"); allow != "" {
			h.Set("Allow", allow)
		}
		switch cw.status {
		case http.StatusMethodNotAllowed:
			writeError(w, cw.status, "method "+r.Method+" not allowed on "+r.URL.Path)
		default:
			writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
		}
		return
	}
	if api && !strings.HasPrefix(pattern, "GET /api/v1/openapi.json") && isRead(r.Method) && s.opts.ReadToken != "" {
		if !tokenOK(r, s.opts.ReadToken, true) {
			h.Set("WWW-Authenticate", `Bearer realm="sitrep"`)
			writeError(w, http.StatusUnauthorized, "this server needs a token to read (Authorization: Bearer TOKEN)")
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

func isRead(method string) bool {
	return method == http.MethodGet || method == http.MethodHead
}

// captureWriter records what the mux would answer, discarding the body.
type captureWriter struct {
	header http.Header
	status int
}

func (c *captureWriter) Header() http.Header { return c.header }
func (c *captureWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return len(b), nil
}
func (c *captureWriter) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
}
