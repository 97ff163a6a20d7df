// Package ingest is the first stage of sitrep's pipeline: it turns inputs
// (files, folders, standard input, http(s) URLs) in any supported format —
// plain text, HTML, RSS/Atom/RDF feeds, JSON Lines, WARC, and gzip of any of
// them — into Documents: raw article-bearing bytes with their origin, media
// type and whatever metadata the container carried.
//
// The format is sniffed from content (see detect.go); file names are only a
// tie-breaker. Each input is read as a stream, and a container (feed, JSON
// Lines, WARC) yields one Document per article, so memory stays bounded by
// the size of one article (Options.MaxDocBytes), not of the input.
//
// A bad input never stops the others: its problem is reported as an
// *InputError naming the input and what is wrong, and the walk goes on.
package ingest

import (
	"errors"
	"fmt"
	"time"
)

// Format is a detected input format.
type Format string

// The formats sitrep reads.
const (
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatFeed  Format = "feed"
	FormatJSONL Format = "jsonl"
	FormatWARC  Format = "warc"
)

// Media types a Document may carry.
const (
	MediaText = "text/plain"
	MediaHTML = "text/html"
)

// Document is one article-bearing document as it came in, before cleaning.
type Document struct {
	// Origin names where the bytes came from: a path, a URL or "stdin", with
	// "#N" appended for the Nth item of a container (feed item, JSONL line,
	// WARC record).
	Origin string
	// URL is the article's own URL where the input says it.
	URL string
	// MediaType is MediaText (Body is UTF-8 text) or MediaHTML (Body is an
	// HTML page in any charset; the cleaner detects it).
	MediaType string
	// Body holds the raw bytes. For text it is already decoded to UTF-8.
	Body []byte
	// Encoding names the source text encoding when it was converted
	// (e.g. "utf-16le", "windows-1252"); empty for UTF-8.
	Encoding string
	// Hints is metadata supplied by the container, trusted over what the
	// cleaner would guess.
	Hints Hints
	// Fetched is when a URL was fetched (zero for local inputs).
	Fetched time.Time
}

// Hints is article metadata a container supplies alongside the body.
type Hints struct {
	Title     string
	Outlet    string
	Authors   []string
	Published time.Time
	Language  string
	// Summary is a feed item's description when the body is its content.
	Summary string
}

// InputError reports a problem with one input (or one item of a container
// input); the walk continues with the rest.
type InputError struct {
	Origin string
	Err    error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Origin, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }

// Problems shared by several readers.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary data: not text, HTML, a feed, JSON Lines or WARC")
	ErrTooLarge = errors.New("document too large")
)
