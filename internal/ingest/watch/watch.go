// Package watch polls inputs for new material: folders and files are
// re-read when a file is new or has changed (size or modification time),
// and http(s) feeds and pages are fetched politely, with If-None-Match /
// If-Modified-Since from the last answer, so an unchanged feed costs one
// 304. What changed is handed to an ingest.Handler, as ingest.Walk does.
package watch

import (
	"context"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/ingest/fetch"
)

// stamp is what tells that a file changed.
type stamp struct {
	size  int64
	mtime time.Time
}

// validators are a URL's cache validators from its last 200 answer.
type validators struct {
	etag, lastModified string
}

// Watcher remembers what it has seen of its inputs. It is not safe for
// concurrent use.
type Watcher struct {
	inputs []string
	opts   ingest.Options
	files  map[string]stamp
	urls   map[string]validators
}

// New returns a Watcher of inputs (files, folders, http(s) URLs).
func New(inputs []string, o ingest.Options) *Watcher {
	return &Watcher{inputs: inputs, opts: o, files: map[string]stamp{}, urls: map[string]validators{}}
}

// Round is what one Poll found.
type Round struct {
	Files       int // new or changed files read
	Fetched     int // URLs answered with new content
	Unchanged   int // URLs answered 304 Not Modified
	FetchErrors int
}

// Poll reads every new or changed input once and hands its documents to h.
// Problems (unreadable files, failed fetches) go to h.Problem; Poll
// returns an error only when ctx ends or h.Document fails.
func (w *Watcher) Poll(ctx context.Context, h ingest.Handler) (Round, error) {
	var r Round
	var local, remote []string
	for _, in := range w.inputs {
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			remote = append(remote, in)
		} else {
			local = append(local, in)
		}
	}
	var changed []string
	for _, f := range ingest.Expand(local, h) {
		st, err := os.Stat(f)
		if err != nil {
			h.Problem(&ingest.InputError{Origin: f, Err: err})
			continue
		}
		s := stamp{st.Size(), st.ModTime()}
		if old, ok := w.files[f]; ok && old == s {
			continue
		}
		w.files[f] = s
		changed = append(changed, f)
	}
	if len(changed) > 0 {
		r.Files = len(changed)
		if err := ingest.Walk(ctx, changed, w.opts, h); err != nil {
			return r, err
		}
	}
	for _, u := range remote {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		o := w.opts.Fetch
		o.Header = http.Header{}
		for k, vs := range w.opts.Fetch.Header {
			o.Header[k] = vs
		}
		if v, ok := w.urls[u]; ok {
			if v.etag != "" {
				o.Header.Set("If-None-Match", v.etag)
			}
			if v.lastModified != "" {
				o.Header.Set("If-Modified-Since", v.lastModified)
			}
		}
		resp, err := fetch.Get(ctx, u, o)
		switch {
		case err != nil:
			r.FetchErrors++
			h.Problem(&ingest.InputError{Origin: u, Err: err})
			h.InputDone(u)
			continue
		case resp.Status == http.StatusNotModified:
			r.Unchanged++
			h.InputDone(u)
			continue
		}
		w.urls[u] = validators{etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}
		r.Fetched++
		if err := ingest.ReadFetched(ctx, u, resp, w.opts, h); err != nil {
			return r, err
		}
	}
	return r, nil
}
