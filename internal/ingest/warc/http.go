package warc

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"
)

// HTTPResponse parses the HTTP response held in an
// "application/http; msgtype=response" record block. It returns the status
// code, the response header, and the payload as a stream, undoing
// Transfer-Encoding: chunked and Content-Encoding gzip, x-gzip and deflate.
// When it undoes a Content-Encoding it removes Content-Encoding and
// Content-Length from the returned header, as net/http's transport does;
// encodings it cannot undo (such as br) are left in place, with the body as
// stored.
//
// Archived responses are often inconsistent, so parsing is lenient: the
// end of the block, not the HTTP Content-Length, ends the body; a body
// labelled chunked or gzip that is not is returned as stored; header lines
// without a colon are skipped.
func HTTPResponse(block io.Reader) (status int, header http.Header, body io.Reader, err error) {
	br := bufio.NewReaderSize(block, 16<<10)
	budget := MaxHeaderBytes
	line, err := readHTTPLine(br, &budget)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("warc: http: reading status line: %w", err)
	}
	status, err = parseStatusLine(line)
	if err != nil {
		return 0, nil, nil, err
	}
	header = make(http.Header)
	var last string
	for {
		line, err := readHTTPLine(br, &budget)
		if err == io.EOF && len(line) == 0 {
			break // block ends after the header, with no blank line
		}
		if err != nil && err != io.EOF {
			return 0, nil, nil, fmt.Errorf("warc: http: reading header: %w", err)
		}
		if len(line) == 0 {
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			vs := header[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		i := strings.IndexByte(line, ':')
		if i <= 0 {
			continue
		}
		last = http.CanonicalHeaderKey(strings.TrimSpace(line[:i]))
		header[last] = append(header[last], strings.TrimSpace(line[i+1:]))
		if err == io.EOF {
			break
		}
	}

	body = br
	if hasToken(header.Values("Transfer-Encoding"), "chunked") && looksChunked(br) {
		body = httputil.NewChunkedReader(br)
	}
	body, err = decode(body, header)
	if err != nil {
		return 0, nil, nil, err
	}
	return status, header, body, nil
}

// readHTTPLine reads a line without its terminator. It returns io.EOF with
// the partial line when the block ends without one.
func readHTTPLine(br *bufio.Reader, budget *int) (string, error) {
	var long []byte
	for {
		frag, err := br.ReadSlice('\n')
		*budget -= len(frag)
		if *budget < 0 {
			return "", fmt.Errorf("%w: HTTP header more than %d bytes", ErrHeaderTooLarge, MaxHeaderBytes)
		}
		if err == bufio.ErrBufferFull {
			long = append(long, frag...)
			continue
		}
		if long != nil {
			frag = append(long, frag...)
		}
		return string(trimEOL(frag)), err
	}
}

func parseStatusLine(line string) (int, error) {
	proto, rest, _ := strings.Cut(line, " ")
	if !strings.HasPrefix(proto, "HTTP/") {
		return 0, fmt.Errorf("warc: http: malformed status line %q", clip([]byte(line)))
	}
	code, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	n, err := strconv.Atoi(code)
	if err != nil || len(code) != 3 || n < 100 {
		return 0, fmt.Errorf("warc: http: malformed status code in %q", clip([]byte(line)))
	}
	return n, nil
}

func hasToken(values []string, token string) bool {
	for _, v := range values {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}

// looksChunked reports whether the body starts with a chunk-size line (hex
// digits, optionally an extension, then a line end). Some crawlers store
// the de-chunked body but keep the Transfer-Encoding header.
func looksChunked(br *bufio.Reader) bool {
	b, _ := br.Peek(64)
	i := 0
	for i < len(b) && isHex(b[i]) {
		i++
	}
	if i == 0 || i == len(b) {
		return false
	}
	switch b[i] {
	case '\r', '\n', ';', ' ', '\t':
		return true
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// decode undoes the Content-Encodings it knows, last applied first, and
// stops at the first it does not.
func decode(body io.Reader, header http.Header) (io.Reader, error) {
	var codings []string
	for _, v := range header.Values("Content-Encoding") {
		for _, t := range strings.Split(v, ",") {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
				codings = append(codings, t)
			}
		}
	}
	undone := 0
	for i := len(codings) - 1; i >= 0; i-- {
		br := bufio.NewReader(body)
		magic, _ := br.Peek(2)
		switch codings[i] {
		case "identity":
		case "gzip", "x-gzip":
			if !isGzip(magic) {
				return br, nil // stored decoded despite the header
			}
			zr, err := gzip.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("warc: http: gzip body: %w", err)
			}
			body = zr
		case "deflate":
			if isZlib(magic) {
				zr, err := zlib.NewReader(br)
				if err != nil {
					return nil, fmt.Errorf("warc: http: deflate body: %w", err)
				}
				body = zr
			} else {
				body = flate.NewReader(br) // raw deflate, as some servers send
			}
		default:
			header["Content-Encoding"] = codings[:i+1]
			if undone > 0 {
				header.Del("Content-Length")
			}
			return br, nil
		}
		undone++
	}
	if undone > 0 {
		header.Del("Content-Encoding")
		header.Del("Content-Length")
	}
	return body, nil
}

// isZlib reports whether b starts with a zlib header (RFC 1950).
func isZlib(b []byte) bool {
	return len(b) >= 2 && b[0]&0x0f == 8 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0
}
