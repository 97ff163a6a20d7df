package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// webFS holds the UI: index.html, app.js, style.css and the basemap. They
// are plain files, built by no tool, so `go build` needs nothing else;
// scripts/web/basemap.sh regenerates world.svg from npm's world-atlas.
//
//go:embed web
var webFS embed.FS

// asset is one embedded file, with its ETag computed once.
type asset struct {
	body  []byte
	gz    []byte // gzip of body, when smaller
	ctype string
	etag  string
}

type assets struct {
	files map[string]*asset // by name, e.g. "app.js"
}

func loadAssets() *assets {
	a := &assets{files: map[string]*asset{}}
	sub, err := fs.Sub(webFS, "web")
	if err != nil {
		panic(err)
	}
	_ = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".js":
			ct = "text/javascript; charset=utf-8"
		case ".svg":
			ct = "image/svg+xml"
		case ".html":
			ct = "text/html; charset=utf-8"
		case ".css":
			ct = "text/css; charset=utf-8"
		}
		as := &asset{body: b, ctype: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		if buf.Len() < len(b)*9/10 {
			as.gz = buf.Bytes()
		}
		a.files[p] = as
		return nil
	})
	return a
}

// uiPages are the paths of the single-page app; each answers index.html and
// the script renders the page from the API.
var uiPages = []string{"/{$}", "/story/{id}", "/storyline/{id}", "/actor/{key}", "/place/{key}", "/article/{id}", "/search", "/actors", "/places", "/watchlists"}

func (s *Server) registerWeb() {
	for _, p := range uiPages {
		s.handle("GET "+p, s.serveAsset("index.html"))
	}
	for name := range s.web.files {
		if name == "index.html" {
			continue
		}
		s.handle("GET /"+name, s.serveAsset(name))
	}
	s.handle("GET /", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte("404 page not found\n"))
	})
}

func (s *Server) serveAsset(name string) http.HandlerFunc {
	a := s.web.files[name]
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", a.ctype)
		h.Set("Cache-Control", "no-cache")
		body, etag := a.body, a.etag
		if a.gz != nil {
			h.Set("Vary", "Accept-Encoding")
			if acceptsGzip(r) {
				h.Set("Content-Encoding", "gzip")
				body, etag = a.gz, a.etag[:len(a.etag)-1]+`-gz"`
			}
		}
		h.Set("ETag", etag)
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(body))
	}
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.TrimSpace(q) != "q=0" {
			return true
		}
	}
	return false
}
