package server

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// tokenCookie is the cookie the web UI sets when a server closes its reads.
const tokenCookie = "sitrep_token"

// tokenOK reports whether r carries want as a bearer token, or, when
// cookieOK (reads only: a cookie is sent by the browser on its own, so it
// must never authorise a write), as the sitrep_token cookie.
func tokenOK(r *http.Request, want string, cookieOK bool) bool {
	if want == "" {
		return false
	}
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, tok, ok := strings.Cut(auth, " ")
		if ok && strings.EqualFold(scheme, "Bearer") && equalConst(strings.TrimSpace(tok), want) {
			return true
		}
	}
	if cookieOK {
		if c, err := r.Cookie(tokenCookie); err == nil && equalConst(c.Value, want) {
			return true
		}
	}
	return false
}

func equalConst(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// requireWrite checks the write token and answers 401/403 when it is
// missing or wrong. It reports whether the request may go on.
func (s *Server) requireWrite(w http.ResponseWriter, r *http.Request) bool {
	if s.opts.WriteToken == "" {
		writeError(w, http.StatusForbidden, "writes are disabled: start the server with SITREP_TOKEN set")
		return false
	}
	if !tokenOK(r, s.opts.WriteToken, false) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
		writeError(w, http.StatusUnauthorized, "a write needs Authorization: Bearer $SITREP_TOKEN")
		return false
	}
	return true
}
