package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/view"
)

// param is one query parameter of the API: its OpenAPI type and how it sets
// a field of view.Query. The OpenAPI test checks that each route's list of
// params matches the document.
type param struct {
	name string
	typ  string // OpenAPI schema type: string, integer
	set  func(q *view.Query, v string, s *Server) error
}

var params = map[string]param{
	"q":       {"q", "string", func(q *view.Query, v string, _ *Server) error { q.Text = v; return nil }},
	"outlet":  {"outlet", "string", func(q *view.Query, v string, _ *Server) error { q.Outlet = v; return nil }},
	"actor":   {"actor", "string", func(q *view.Query, v string, _ *Server) error { q.Actor = v; return nil }},
	"place":   {"place", "string", func(q *view.Query, v string, _ *Server) error { q.Place = v; return nil }},
	"speaker": {"speaker", "string", func(q *view.Query, v string, _ *Server) error { q.Speaker = v; return nil }},
	"story":   {"story", "integer", func(q *view.Query, v string, _ *Server) (err error) { q.Story, err = parseID("story", v); return }},
	"article": {"article", "integer", func(q *view.Query, v string, _ *Server) (err error) { q.Article, err = parseID("article", v); return }},
	"from": {"from", "string", func(q *view.Query, v string, _ *Server) (err error) {
		q.From, err = parseTime("from", v, false)
		return
	}},
	"to":             {"to", "string", func(q *view.Query, v string, _ *Server) (err error) { q.To, err = parseTime("to", v, true); return }},
	"limit":          {"limit", "integer", setLimit},
	"offset":         {"offset", "integer", setOffset},
	"sort":           {"sort", "string", setSort},
	"min_count":      {"min_count", "integer", setMinCount},
	"min_confidence": {"min_confidence", "number", setMinConfidence},
	// type is the PLOVER type of coded events (api_events.go reads it).
	"type": {"type", "string", func(*view.Query, string, *Server) error { return nil }},
	// name labels an ingested body (POST /api/v1/ingest reads it itself).
	"name": {"name", "string", func(*view.Query, string, *Server) error { return nil }},
}

// sorts are the values of the sort parameter.
var sorts = []string{"newest", "biggest", "oldest", "mentions", "relevance"}

// parseQuery turns the URL query into a view.Query, accepting only the
// parameters the route declares: an unknown or repeated parameter is a 400,
// so a typo is never silently ignored.
func (s *Server) parseQuery(vals url.Values, allowed []string) (view.Query, error) {
	q := view.Query{Limit: s.opts.DefaultLimit}
	for name, vs := range vals {
		ok := false
		for _, a := range allowed {
			if a == name {
				ok = true
				break
			}
		}
		if !ok {
			return q, badRequest{fmt.Sprintf("unknown parameter %q (this endpoint takes: %s)", name, strings.Join(allowed, ", "))}
		}
		if len(vs) != 1 {
			return q, badRequest{fmt.Sprintf("parameter %q given %d times", name, len(vs))}
		}
		v := strings.TrimSpace(vs[0])
		if !utf8.ValidString(v) {
			return q, badRequest{fmt.Sprintf("parameter %q is not UTF-8", name)}
		}
		if utf8.RuneCountInString(v) > maxTextParam {
			return q, badRequest{fmt.Sprintf("parameter %q longer than %d characters", name, maxTextParam)}
		}
		if v == "" {
			continue
		}
		if err := params[name].set(&q, v, s); err != nil {
			return q, err
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return q, badRequest{"from must be before to"}
	}
	return q, nil
}

func parseID(name, v string) (int64, error) {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return 0, badRequest{fmt.Sprintf("%s must be a positive integer, not %q", name, v)}
	}
	return n, nil
}

// parseTime accepts RFC 3339 or a day (2016-10-23). A day as the upper bound
// means the end of that day, so from=2016-10-23&to=2016-10-23 is that day.
func parseTime(name, v string, upper bool) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		if upper {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	return time.Time{}, badRequest{fmt.Sprintf("%s must be a date (2016-10-23) or an RFC 3339 time, not %q", name, v)}
}

func setLimit(q *view.Query, v string, s *Server) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return badRequest{fmt.Sprintf("limit must be a positive integer, not %q", v)}
	}
	q.Limit = min(n, s.opts.MaxLimit)
	if n > q.Limit {
		// Said in the answer (limit_requested), never capped silently.
		q.LimitRequested = n
	}
	return nil
}

func setOffset(q *view.Query, v string, _ *Server) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > maxOffset {
		return badRequest{fmt.Sprintf("offset must be an integer from 0 to %d, not %q", maxOffset, v)}
	}
	q.Offset = n
	return nil
}

func setMinCount(q *view.Query, v string, _ *Server) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return badRequest{fmt.Sprintf("min_count must be a non-negative integer, not %q", v)}
	}
	q.MinCount = n
	return nil
}

func setSort(q *view.Query, v string, _ *Server) error {
	for _, s := range sorts {
		if s == v {
			q.Sort = v
			return nil
		}
	}
	return badRequest{fmt.Sprintf("sort must be one of %s, not %q", strings.Join(sorts, ", "), v)}
}

func setMinConfidence(q *view.Query, v string, _ *Server) error {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x < 0 || x > 1 {
		return badRequest{fmt.Sprintf("min_confidence must be a number from 0 to 1, not %q", v)}
	}
	q.MinConfidence = x
	return nil
}
