package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/sitrep/sitrep/internal/query"
	"github.com/sitrep/sitrep/internal/view"
)

// apiError is the body of every error answer:
// {"error": {"status": 404, "message": "..."}}.
type apiError struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	var e apiError
	e.Error.Status = status
	e.Error.Message = msg
	writeJSON(w, status, e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	// The default HTML escaping of <, > and & stays on: a JSON answer opened
	// directly in a browser can then never be read as markup.
	_ = enc.Encode(v)
}

// badRequest is an error in the request itself (400).
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

// fail maps an error from a handler or the reader to an HTTP answer. The
// reader's internal errors are logged, not shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var br badRequest
	var qe *query.Error
	switch {
	case errors.As(err, &br):
		writeError(w, http.StatusBadRequest, br.msg)
	case errors.As(err, &qe):
		// A search the user typed that cannot be parsed: say where and how
		// to fix it.
		writeError(w, http.StatusBadRequest, qe.Error())
	case errors.Is(err, view.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "the query took too long")
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
		writeError(w, http.StatusServiceUnavailable, "request cancelled")
	default:
		s.log.Error("server: internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}
