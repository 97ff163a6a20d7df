package server

import (
	"context"
	"net/http"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/view"
)

// route is one endpoint of the API. The mux is built from this table, and
// the OpenAPI test compares it with openapi.json.
type route struct {
	method  string
	path    string   // mux pattern path, e.g. /api/v1/stories/{id}
	query   []string // accepted query parameters (names in params)
	handler http.HandlerFunc
	cache   bool // answers may be kept by the response cache
}

// Parameter lists shared by several routes.
var (
	pageParams   = []string{"limit", "offset"}
	filterParams = []string{"outlet", "actor", "place", "from", "to"}
)

func join(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func apiRoutes(s *Server) []route {
	var (
		articlesQ   = join([]string{"q", "story", "sort"}, filterParams, pageParams)
		storiesQ    = join([]string{"q", "sort", "min_count"}, filterParams, pageParams)
		storylinesQ = join([]string{"q", "from", "to"}, pageParams)
		actorsQ     = join([]string{"q", "outlet", "story", "sort"}, pageParams)
		placesQ     = join([]string{"q", "outlet", "story", "sort"}, pageParams)
		quotesQ     = join([]string{"q", "speaker", "story", "article", "outlet", "from", "to", "min_confidence"}, pageParams)
		timelineQ   = join([]string{"story", "article", "from", "to"}, pageParams)
		searchQ     = join([]string{"q"}, filterParams, pageParams)
	)
	return append([]route{
		{"GET", "/api/v1/articles", articlesQ, listing(s, articlesQ, s.r.Articles), true},
		{"GET", "/api/v1/articles/{id}", nil, byID(s, s.r.Article), true},
		{"GET", "/api/v1/stories", storiesQ, listing(s, storiesQ, s.r.Stories), true},
		{"GET", "/api/v1/stories/{id}", nil, byID(s, s.r.Story), true},
		{"GET", "/api/v1/storylines", storylinesQ, listing(s, storylinesQ, s.r.Storylines), true},
		{"GET", "/api/v1/actors", actorsQ, listing(s, actorsQ, s.r.Actors), true},
		{"GET", "/api/v1/actors/{key}", nil, byKey(s, s.r.Actor), true},
		{"GET", "/api/v1/places", placesQ, listing(s, placesQ, s.r.Places), true},
		{"GET", "/api/v1/places/{key}", nil, byKey(s, s.r.Place), true},
		{"GET", "/api/v1/quotes", quotesQ, listing(s, quotesQ, s.r.Quotes), true},
		{"GET", "/api/v1/timeline", timelineQ, listing(s, timelineQ, s.r.Timeline), true},
		{"GET", "/api/v1/search", searchQ, s.search(searchQ), true},
		{"GET", "/api/v1/export/places.geojson", placesQ, s.exportGeoJSON(placesQ), false},
		{"GET", "/api/v1/events", nil, s.events, false},
		{"GET", "/api/v1/watchlists", nil, s.listWatchlists, false},
		{"POST", "/api/v1/watchlists", nil, s.createWatchlist, false},
		{"DELETE", "/api/v1/watchlists/{id}", nil, s.deleteWatchlist, false},
		{"POST", "/api/v1/ingest", []string{"name"}, s.ingest, false},
		{"GET", "/api/v1/health", nil, s.health, false},
		{"GET", "/api/v1/openapi.json", nil, s.openAPI, false},
	}, codedEventRoutes(s)...) // api_events.go
}

// listing serves a paged listing of the reader.
func listing[T any](s *Server, allowed []string, fn func(context.Context, view.Query) (view.Page[T], error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := s.parseQuery(r.URL.Query(), allowed)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		page, err := fn(ctx, q)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		fixPage(&page, q)
		writeJSON(w, http.StatusOK, page)
	}
}

// fixPage makes a page's shape independent of the reader: items is [] not
// null, and limit and offset echo the request when the reader left them out.
func fixPage[T any](p *view.Page[T], q view.Query) {
	if p.Items == nil {
		p.Items = []T{}
	}
	if p.Limit == 0 {
		p.Limit = q.Limit
	}
	if p.Offset == 0 {
		p.Offset = q.Offset
	}
	if q.LimitRequested > p.Limit {
		p.LimitRequested = q.LimitRequested
	}
}

// byID serves one thing named by a numeric id in the path.
func byID[T any](s *Server, fn func(context.Context, int64) (*T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.RawQuery) > 0 {
			s.fail(w, r, badRequest{"this endpoint takes no query parameters"})
			return
		}
		id, err := parseID("id", r.PathValue("id"))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		v, err := fn(ctx, id)
		if err == nil && v == nil {
			err = view.ErrNotFound
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// byKey serves one actor or place named by id or by name.
func byKey[T any](s *Server, fn func(context.Context, string) (*T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.RawQuery) > 0 {
			s.fail(w, r, badRequest{"this endpoint takes no query parameters"})
			return
		}
		key := r.PathValue("key")
		if key == "" || !utf8.ValidString(key) || utf8.RuneCountInString(key) > maxTextParam {
			s.fail(w, r, badRequest{"key must be an id or a name of at most 512 characters"})
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		v, err := fn(ctx, key)
		if err == nil && v == nil {
			err = view.ErrNotFound
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

func (s *Server) search(allowed []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := s.parseQuery(r.URL.Query(), allowed)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if q.Text == "" && q.Actor == "" && q.Place == "" && q.Outlet == "" {
			s.fail(w, r, badRequest{"search needs q or a facet (actor, place, outlet)"})
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		res, err := s.r.Search(ctx, q)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if res == nil {
			res = &view.SearchResult{}
		}
		fixPage(&res.Page, q)
		for _, f := range []*[]view.Facet{&res.Facets.Actors, &res.Facets.Places, &res.Facets.Outlets, &res.Facets.Days} {
			if *f == nil {
				*f = []view.Facet{}
			}
		}
		writeJSON(w, http.StatusOK, res)
	}
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
