package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// IngestFunc stores the documents of one request body (any format sitrep
// ingests: text, HTML, a feed, JSON Lines, WARC, gzip of any) and runs the
// analysis and story stages over them.
type IngestFunc func(ctx context.Context, name string, body io.Reader) (*IngestResult, error)

// IngestResult reports one POST /api/v1/ingest.
type IngestResult struct {
	Documents   int `json:"documents"`
	Added       int `json:"added"`
	NewVersions int `json:"new_versions"`
	Duplicates  int `json:"duplicates"`
	NewStories  int `json:"new_stories"`
	// StoriesAfter is set when the articles wait for the story window
	// (the server's --story-window) before they are clustered: how long
	// at most.
	StoriesAfter string   `json:"stories_after,omitempty"`
	Problems     []string `json:"problems"`
}

// ingest serves POST /api/v1/ingest: the body is read as one input.
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	if !s.requireWrite(w, r) {
		return
	}
	if s.opts.Ingest == nil {
		writeError(w, http.StatusNotImplemented, "this server does not ingest")
		return
	}
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if name == "" {
		name = "http-upload"
	}
	// The body is read whole before anything is stored, so a body over the
	// cap is refused (413, as the OpenAPI document says) with nothing of it
	// ingested, rather than cut and half-stored with a problem line. The
	// request's MaxBytesReader (ServeHTTP) bounds what is held.
	limit := s.ingestLimit()
	if r.ContentLength > limit {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: at most %d bytes", limit))
		return
	}
	body, err := io.ReadAll(r.Body)
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: at most %d bytes", limit))
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, "reading the request body: "+err.Error())
		return
	}
	res, err := s.opts.Ingest(r.Context(), name, bytes.NewReader(body))
	switch {
	case err != nil:
		s.log.Error("ingest", "err", err)
		writeError(w, http.StatusInternalServerError, "ingest failed")
		return
	}
	if res.Problems == nil {
		res.Problems = []string{}
	}
	status := http.StatusOK
	if res.Added+res.NewVersions > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}

// ingestLimit is the largest body POST /api/v1/ingest takes.
func (s *Server) ingestLimit() int64 {
	if s.opts.MaxIngestBytes > 0 {
		return s.opts.MaxIngestBytes
	}
	return 16 << 20
}
