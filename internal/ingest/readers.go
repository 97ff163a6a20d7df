package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/sitrep/sitrep/internal/ingest/jsonl"
	"github.com/sitrep/sitrep/internal/ingest/textenc"
	"github.com/sitrep/sitrep/internal/ingest/warc"
)

// decodeText converts a plain-text body to UTF-8; enc is empty for UTF-8.
func decodeText(b []byte) (string, string, error) {
	s, enc, err := textenc.Decode(b)
	if err != nil {
		if errors.Is(err, textenc.ErrBinary) {
			return "", "", fmt.Errorf("%w (%v)", ErrBinary, err)
		}
		return "", "", err
	}
	if strings.TrimSpace(s) == "" {
		return "", "", ErrEmpty
	}
	if enc == textenc.UTF8 {
		enc = ""
	}
	return s, enc, nil
}

// readFeed turns each feed item into a document. A feed that does not parse
// is one error; an item without any content is reported and skipped.
func readFeed(origin string, body []byte, o Options, h Handler) error {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("malformed feed: %v", firstLine(err.Error()))
	}
	if len(feed.Items) == 0 {
		return errors.New("feed has no items")
	}
	for i, it := range feed.Items {
		itemOrigin := fmt.Sprintf("%s#item%d", origin, i+1)
		content := it.Content
		if len(strings.TrimSpace(stripTags(content))) < len(strings.TrimSpace(stripTags(it.Description))) {
			content = it.Description // some feeds put the full text in description
		}
		if strings.TrimSpace(content) == "" {
			h.Problem(&InputError{Origin: itemOrigin, Err: errors.New("feed item has no content (title and link only)")})
			continue
		}
		doc := Document{
			Origin:    itemOrigin,
			URL:       it.Link,
			MediaType: MediaHTML,
			Body:      []byte(wrapFragment(content)),
			Hints: Hints{
				Title:    strings.TrimSpace(it.Title),
				Outlet:   strings.TrimSpace(feed.Title),
				Language: feed.Language,
				Summary:  strings.TrimSpace(stripTags(it.Description)),
			},
		}
		switch {
		case it.PublishedParsed != nil:
			doc.Hints.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			doc.Hints.Published = it.UpdatedParsed.UTC()
		}
		for _, a := range it.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				doc.Hints.Authors = append(doc.Hints.Authors, strings.TrimSpace(a.Name))
			}
		}
		if len(doc.Hints.Authors) == 0 && it.DublinCoreExt != nil {
			doc.Hints.Authors = append(doc.Hints.Authors, it.DublinCoreExt.Creator...)
		}
		if int64(len(doc.Body)) > o.MaxDocBytes {
			h.Problem(&InputError{Origin: itemOrigin, Err: ErrTooLarge})
			continue
		}
		if err := h.Document(doc); err != nil {
			return stopError{err}
		}
	}
	return nil
}

// wrapFragment makes an HTML fragment from a feed a page the extractor
// accepts as a whole article.
func wrapFragment(s string) string {
	if strings.Contains(strings.ToLower(s[:min(len(s), 512)]), "<html") {
		return s
	}
	if !strings.Contains(s, "<") {
		// Plain text in a feed: keep its paragraphs.
		var b strings.Builder
		for _, p := range strings.Split(s, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				b.WriteString("<p>" + htmlEscape(p) + "</p>\n")
			}
		}
		s = b.String()
	}
	return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><article>" + s + "</article></body></html>"
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func htmlEscape(s string) string { return htmlEscaper.Replace(s) }

// stripTags is a rough tag remover for comparing feed fields' lengths.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// readJSONL streams JSON Lines (or a JSON array of article objects).
func readJSONL(ctx context.Context, origin string, br *bufio.Reader, o Options, h Handler, gz bool) error {
	first, _ := br.Peek(64)
	if t := bytes.TrimLeft(first, " \t\r\n\xef\xbb\xbf"); len(t) > 0 && t[0] == '[' {
		return readJSONArray(origin, br, o, h, gz)
	}
	r := jsonl.NewReader(br, int(o.MaxDocBytes))
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		var le *jsonl.LineError
		if errors.As(err, &le) {
			h.Problem(&InputError{Origin: fmt.Sprintf("%s#line%d", origin, le.Line), Err: le.Err})
			continue
		}
		if err != nil {
			if gz {
				err = fmt.Errorf("gzip: %v", gzipErr(err))
			}
			return err
		}
		n++
		if err := h.Document(recordDoc(fmt.Sprintf("%s#line%d", origin, rec.Line), rec)); err != nil {
			return stopError{err}
		}
	}
	return nil
}

func readJSONArray(origin string, br *bufio.Reader, o Options, h Handler, gz bool) error {
	body, err := readAllCapped(br, o.MaxDocBytes, gz)
	if err != nil {
		return err
	}
	var items []json.RawMessage
	if err := json.Unmarshal(body, &items); err != nil {
		return fmt.Errorf("not JSON Lines, nor a JSON array of articles: %v", err)
	}
	for i, raw := range items {
		itemOrigin := fmt.Sprintf("%s#item%d", origin, i+1)
		rec, err := jsonl.Parse(raw)
		if err != nil {
			h.Problem(&InputError{Origin: itemOrigin, Err: err})
			continue
		}
		rec.Raw = raw
		if err := h.Document(recordDoc(itemOrigin, rec)); err != nil {
			return stopError{err}
		}
	}
	return nil
}

func recordDoc(origin string, rec *jsonl.Record) Document {
	doc := Document{
		Origin: origin,
		URL:    rec.URL,
		Hints: Hints{
			Title: rec.Title, Outlet: rec.Outlet, Authors: rec.Authors,
			Published: rec.Published, Language: rec.Language,
		},
	}
	if rec.Text != "" {
		doc.MediaType, doc.Body = MediaText, []byte(rec.Text)
	} else {
		doc.MediaType, doc.Body = MediaHTML, []byte(rec.HTML)
	}
	return doc
}

// readWARC streams a WARC file: response records with an HTML payload and
// resource records holding HTML or text become documents; the rest is
// skipped. Damage ends the file, after what was read before it.
func readWARC(ctx context.Context, origin string, r io.Reader, o Options, h Handler) error {
	wr, err := warc.NewReader(r)
	if err != nil {
		return err
	}
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := wr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		doc, err := warcRecordDoc(rec, fmt.Sprintf("%s#record%d", origin, n), o, h)
		if err != nil {
			return err
		}
		if doc == nil {
			continue
		}
		if err := h.Document(*doc); err != nil {
			return stopError{err}
		}
	}
}

// warcRecordDoc turns one WARC record into its document: nil for a
// record that holds no article (or whose problem it reported to h), an
// error (a *warc.Error) when the file is damaged from this record on.
func warcRecordDoc(rec *warc.Record, recOrigin string, o Options, h Handler) (*Document, error) {
	var payload io.Reader
	var ctype string
	switch rec.Type {
	case "response":
		if !strings.HasPrefix(strings.ToLower(rec.ContentType), "application/http") {
			return nil, nil
		}
		status, hdr, body, err := warc.HTTPResponse(rec.Body)
		if err != nil {
			h.Problem(&InputError{Origin: recOrigin, Err: err})
			return nil, nil
		}
		if status < 200 || status > 299 {
			return nil, nil
		}
		payload, ctype = body, hdr.Get("Content-Type")
	case "resource":
		payload, ctype = rec.Body, rec.ContentType
	default:
		return nil, nil
	}
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" && mt != "text/plain" {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(payload, o.MaxDocBytes+1))
	if err != nil {
		// A payload decoding problem spoils this record only, but a
		// truncated block means the file is damaged from here on.
		var we *warc.Error
		if errors.As(err, &we) {
			return nil, err
		}
		h.Problem(&InputError{Origin: recOrigin, Err: err})
		return nil, nil
	}
	if int64(len(b)) > o.MaxDocBytes {
		h.Problem(&InputError{Origin: recOrigin, Err: fmt.Errorf("%w: over %s", ErrTooLarge, human(o.MaxDocBytes))})
		return nil, nil
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, nil
	}
	doc := &Document{Origin: recOrigin, URL: rec.TargetURI, Fetched: rec.Date}
	switch {
	case mt == "text/plain" || (mt == "" && Sniff(b) == FormatText):
		s, enc, err := decodeText(b)
		if err != nil {
			h.Problem(&InputError{Origin: recOrigin, Err: err})
			return nil, nil
		}
		doc.MediaType, doc.Body, doc.Encoding = MediaText, []byte(s), enc
	default:
		doc.MediaType, doc.Body = MediaHTML, b
	}
	return doc, nil
}
