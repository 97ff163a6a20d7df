// Package jsonl reads articles from JSON Lines: one JSON object per line.
//
// Recognised fields (all optional except one of text/html/content):
//
//	url        the article's URL (also: link)
//	title      headline (also: headline)
//	text       plain-text body (also: body, content)
//	html       HTML page or fragment (used when text is absent)
//	published  publication time: RFC 3339, "2006-01-02", "2006-01-02 15:04:05",
//	           or Unix seconds (also: date, published_at, pubDate)
//	outlet     publisher name (also: source, site, site_name)
//	authors    array of names, or one string (also: author, byline)
//	language   ISO 639-1 code (also: lang)
//
// Unknown fields are ignored. A broken line is reported with its line number
// and the reader moves on to the next one.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Record is one article line.
type Record struct {
	Line      int
	URL       string
	Title     string
	Text      string
	HTML      string
	Published time.Time
	Outlet    string
	Authors   []string
	Language  string
	Raw       []byte // the line as read
}

// LineError is a problem with one line; reading can continue after it.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ErrLineTooLong is returned (inside a LineError) for a line over the limit.
var ErrLineTooLong = errors.New("line too long")

// Reader reads Records from JSON Lines.
type Reader struct {
	br   *bufio.Reader
	max  int
	line int
	buf  []byte
}

// NewReader returns a Reader whose lines may be at most maxLine bytes.
func NewReader(r io.Reader, maxLine int) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10), max: maxLine}
}

// Next returns the next record. Blank lines are skipped. At the end it
// returns io.EOF. A *LineError is recoverable: call Next again. Any other
// error comes from the underlying reader and ends the stream.
func (r *Reader) Next() (*Record, error) {
	for {
		line, err := r.readLine()
		if err != nil {
			return nil, err
		}
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) == 0 {
			continue
		}
		rec, perr := Parse(trimmed)
		if perr != nil {
			return nil, &LineError{Line: r.line, Err: perr}
		}
		rec.Line = r.line
		rec.Raw = append([]byte(nil), trimmed...)
		return rec, nil
	}
}

// readLine returns the next line without its newline. An overlong line is
// consumed to its end without being kept, and reported.
func (r *Reader) readLine() ([]byte, error) {
	r.buf = r.buf[:0]
	r.line++
	tooLong := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		if !tooLong {
			if len(r.buf)+len(chunk) > r.max+1 { // +1 for the newline
				tooLong = true
				r.buf = r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if tooLong {
				return nil, &LineError{Line: r.line, Err: fmt.Errorf("%w (over %d bytes)", ErrLineTooLong, r.max)}
			}
			if len(r.buf) == 0 {
				return nil, io.EOF
			}
			return r.buf, nil
		case err != nil:
			return nil, err
		}
		if tooLong {
			return nil, &LineError{Line: r.line, Err: fmt.Errorf("%w (over %d bytes)", ErrLineTooLong, r.max)}
		}
		return bytes.TrimRight(r.buf, "\r\n"), nil
	}
}

// Parse decodes one JSON object line into a Record.
func Parse(line []byte) (*Record, error) {
	if !utf8.Valid(line) {
		return nil, errors.New("invalid UTF-8")
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", err)
	}
	rec := &Record{
		URL:      str(m, "url", "link"),
		Title:    str(m, "title", "headline"),
		Text:     str(m, "text", "body", "content"),
		HTML:     str(m, "html"),
		Outlet:   str(m, "outlet", "source", "site", "site_name"),
		Language: str(m, "language", "lang"),
		Authors:  strs(m, "authors", "author", "byline"),
	}
	if rec.Text == "" && rec.HTML == "" {
		return nil, errors.New(`no "text" or "html" field`)
	}
	for _, k := range []string{"published", "date", "published_at", "pubDate"} {
		raw, ok := m[k]
		if !ok {
			continue
		}
		t, err := parseTime(raw)
		if err != nil {
			return nil, fmt.Errorf("field %q: %v", k, err)
		}
		rec.Published = t
		break
	}
	return rec, nil
}

func str(m map[string]json.RawMessage, keys ...string) string {
	for _, k := range keys {
		if raw, ok := m[k]; ok {
			var s string
			if json.Unmarshal(raw, &s) == nil && s != "" {
				return s
			}
		}
	}
	return ""
}

func strs(m map[string]json.RawMessage, keys ...string) []string {
	for _, k := range keys {
		raw, ok := m[k]
		if !ok {
			continue
		}
		var list []string
		if json.Unmarshal(raw, &list) == nil && len(list) > 0 && list[0] != "" {
			return list
		}
		var objs []struct {
			Name string `json:"name"`
		}
		if json.Unmarshal(raw, &objs) == nil && len(objs) > 0 {
			list = list[:0]
			for _, o := range objs {
				if o.Name != "" {
					list = append(list, o.Name)
				}
			}
			return list
		}
		var s string
		if json.Unmarshal(raw, &s) == nil && s != "" {
			return []string{s}
		}
	}
	return nil
}

var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04:05Z07:00",
	"2006-01-02", time.RFC1123Z, time.RFC1123,
}

func parseTime(raw json.RawMessage) (time.Time, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var n float64
		if err := json.Unmarshal(raw, &n); err != nil {
			return time.Time{}, errors.New("want a date string or Unix seconds")
		}
		return unixTime(n)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return unixTime(float64(n))
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", s)
}

// Unix seconds of the years RFC 3339 can write (0000-9999): outside them a
// date could not be stored and read back, and converting a float beyond
// int64 to an integer gives an arbitrary value.
const (
	minUnix = -62167219200 // 0000-01-01T00:00:00Z
	maxUnix = 253402300799 // 9999-12-31T23:59:59Z
)

func unixTime(n float64) (time.Time, error) {
	if !(n >= minUnix && n <= maxUnix) { // NaN included
		return time.Time{}, fmt.Errorf("time %v (Unix seconds) outside the years 0000-9999", n)
	}
	return time.Unix(int64(n), 0).UTC(), nil
}
