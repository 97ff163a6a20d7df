package ingest

import (
	"bytes"

	"github.com/sitrep/sitrep/internal/ingest/textenc"
)

// FormatBinary is what Sniff says of data that is no text format at all.
const FormatBinary Format = "binary"

// Sniff detects an input's format from its first bytes (up to a few KiB,
// after any gzip layer has been removed). The rules, in order:
//
//   - "WARC/" at the start: WARC;
//   - '{' or '[' as the first non-blank byte: JSON Lines (or a JSON array);
//   - an XML root of rss, feed or rdf:RDF: a feed;
//   - an HTML doctype, or html/head/body or common block tags early on: HTML;
//   - a NUL or other control byte (outside UTF-16): binary;
//   - anything else: plain text.
func Sniff(head []byte) Format {
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return FormatWARC
	}
	b := bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) > 0 && (b[0] == '{' || b[0] == '[') {
		return FormatJSONL
	}
	if len(b) > 0 && b[0] == '<' {
		lower := bytes.ToLower(b[:min(len(b), 2048)])
		switch {
		case bytes.Contains(lower, []byte("<rss")), bytes.Contains(lower, []byte("<rdf:rdf")),
			feedRoot(lower):
			return FormatFeed
		case bytes.HasPrefix(lower, []byte("<?xml")) && !bytes.Contains(lower, []byte("<html")):
			// XML that is neither a feed nor XHTML: give the feed parser
			// the chance to name the problem (malformed or unknown root).
			return FormatFeed
		}
		return FormatHTML
	}
	if textenc.IsBinary(head) {
		return FormatBinary
	}
	lower := bytes.ToLower(b[:min(len(b), 1024)])
	for _, tag := range [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<body"), []byte("<head>")} {
		if bytes.Contains(lower, tag) {
			return FormatHTML
		}
	}
	return FormatText
}

// feedRoot reports an Atom root element: "<feed" followed by a space or '>'.
func feedRoot(lower []byte) bool {
	i := bytes.Index(lower, []byte("<feed"))
	return i >= 0 && i+5 < len(lower) && (lower[i+5] == ' ' || lower[i+5] == '>' || lower[i+5] == '\n' || lower[i+5] == '\r' || lower[i+5] == '\t')
}
