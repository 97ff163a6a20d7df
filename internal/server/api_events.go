package server

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// CodedEventSource lists coded events (internal/event): the store
// implements it (store.CodedEvents). The server finds it on its reader
// (see WithCodedEvents); a reader without it serves empty listings.
type CodedEventSource interface {
	CodedEventList(ctx context.Context, f store.EventFilter) ([]event.Record, int, error)
}

// WithCodedEvents returns r answering coded-event listings from src too.
func WithCodedEvents(r view.Reader, src CodedEventSource) view.Reader {
	return codedEventsReader{Reader: r, src: src}
}

type codedEventsReader struct {
	view.Reader
	src CodedEventSource
}

func (c codedEventsReader) CodedEventList(ctx context.Context, f store.EventFilter) ([]event.Record, int, error) {
	return c.src.CodedEventList(ctx, f)
}

// codedEventRoutes are the routes of the coded events. /api/v1/events is
// the live-update stream; the coded events live under
// /api/v1/coded-events.
func codedEventRoutes(s *Server) []route {
	q := []string{"story", "actor", "place", "type", "from", "to", "limit", "offset"}
	return []route{{"GET", "/api/v1/coded-events", q, s.codedEventList(q), true}}
}

// codedEventPage is one page of coded events.
type codedEventPage struct {
	Items  []event.Record `json:"items"`
	Total  int            `json:"total"`
	Offset int            `json:"offset"`
	Limit  int            `json:"limit"`
}

func (s *Server) codedEventList(allowed []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := s.parseQuery(r.URL.Query(), allowed)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		f := store.EventFilter{Story: q.Story, Actor: q.Actor, Place: q.Place, Limit: q.Limit, Offset: q.Offset,
			Type: strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("type")))}
		if f.Type != "" && !event.IsPloverType(f.Type) {
			s.fail(w, r, badRequest{"type " + f.Type + ": not a PLOVER 2.0 type (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT)"})
			return
		}
		if !q.From.IsZero() {
			f.From = q.From.UTC().Format("2006-01-02")
		}
		if !q.To.IsZero() {
			f.To = q.To.UTC().Add(-time.Nanosecond).Format("2006-01-02")
		}
		page := codedEventPage{Items: []event.Record{}, Offset: f.Offset, Limit: f.Limit}
		if src, ok := s.r.(CodedEventSource); ok {
			ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
			defer cancel()
			recs, total, err := src.CodedEventList(ctx, f)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			if recs != nil {
				page.Items = recs
			}
			page.Total = total
		}
		writeJSON(w, http.StatusOK, page)
	}
}
