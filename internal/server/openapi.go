package server

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the OpenAPI 3 description of the API, written by hand;
// openapi_test.go checks it against the routes, their parameters and the
// JSON fields of the view types.
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.Write(openAPIDoc)
}
