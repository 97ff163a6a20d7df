// Package fetch retrieves http(s) URLs for ingest without becoming an SSRF
// tool: every connection — the first and each redirect — is checked after DNS
// resolution, at dial time, and refused when it would reach a loopback,
// private, link-local, multicast or otherwise non-public address, unless the
// caller allows private addresses explicitly.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Options bounds a fetch.
type Options struct {
	Timeout      time.Duration // whole request, including the body; default 30s
	MaxBytes     int64         // body size cap; default 32 MiB
	MaxRedirects int           // default 5
	AllowPrivate bool          // permit loopback/private/link-local targets
	UserAgent    string
	// Header adds request headers (e.g. If-None-Match for polite polling).
	Header http.Header
}

// ErrForbiddenAddress is returned when a URL resolves to an address that
// the SSRF policy refuses.
var ErrForbiddenAddress = errors.New("address not allowed (loopback, private or link-local; use --allow-private to permit)")

// ErrTooLarge is returned when a body exceeds Options.MaxBytes.
var ErrTooLarge = errors.New("response too large")

// Response is a fetched body.
type Response struct {
	URL         string // final URL after redirects
	Status      int
	ContentType string
	Header      http.Header
	Body        []byte
	Fetched     time.Time
}

func (o *Options) defaults() {
	if o.Timeout == 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes == 0 {
		o.MaxBytes = 32 << 20
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = 5
	}
	if o.UserAgent == "" {
		o.UserAgent = "sitrep/0.1 (+news-intelligence; polite fetcher)"
	}
}

// Client returns an *http.Client enforcing the options' SSRF policy,
// timeouts and redirect limit. Its transport ignores proxy settings so the
// address check sees the real destination.
func Client(o Options) *http.Client {
	o.defaults()
	dialer := &net.Dialer{
		Timeout: 10 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			return checkDial(address, o.AllowPrivate)
		},
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       30 * time.Second,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects", o.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
}

// checkDial is the SSRF policy at dial time: address is the resolved
// host:port about to be connected to.
func checkDial(address string, allowPrivate bool) error {
	if allowPrivate {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrForbiddenAddress, host)
	}
	if !Public(ip) {
		return fmt.Errorf("%w: %s", ErrForbiddenAddress, ip)
	}
	return nil
}

// checkURL parses rawURL and refuses what is never fetched: schemes other
// than http and https, and credentials in the URL.
func checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported scheme %q", u.Scheme)
	}
	if u.User != nil {
		return nil, errors.New("URLs with credentials are not fetched")
	}
	if u.Host == "" {
		return nil, errors.New("URL without a host")
	}
	return u, nil
}

// Public reports whether ip is a globally routable unicast address.
func Public(ip netip.Addr) bool {
	// a zone does not change where a packet goes, but netip never matches a
	// zoned address to a prefix nor to "::": [::%eth0] reached this host
	ip = ip.Unmap().WithZone("")
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() ||
		ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// nonPublic lists special-purpose ranges the netip predicates do not cover.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // TEST-NET-1
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // TEST-NET-2
	netip.MustParsePrefix("203.0.113.0/24"),  // TEST-NET-3
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64 can reach private v4
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64 (RFC 8215), likewise
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
}

// Get fetches rawURL under the options.
func Get(ctx context.Context, rawURL string, o Options) (*Response, error) {
	o.defaults()
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	for k, vs := range o.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	req.Header.Set("User-Agent", o.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := Client(o).Do(req)
	if err != nil {
		return nil, simplify(err)
	}
	defer resp.Body.Close()
	r := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Header: resp.Header, Fetched: time.Now().UTC()}
	if resp.StatusCode == http.StatusNotModified {
		return r, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return r, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.ContentLength > o.MaxBytes {
		return r, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, resp.ContentLength, o.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, o.MaxBytes+1))
	if err != nil {
		return r, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(body)) > o.MaxBytes {
		return r, fmt.Errorf("%w: over %d bytes", ErrTooLarge, o.MaxBytes)
	}
	r.Body = body
	return r, nil
}

// simplify strips the url.Error wrapper's repetition of the URL, which the
// caller already names.
func simplify(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		msg := ue.Err.Error()
		if errors.Is(err, ErrForbiddenAddress) {
			return fmt.Errorf("%w", ue.Err)
		}
		if strings.Contains(msg, "Client.Timeout") {
			return errors.New("timed out")
		}
		return ue.Err
	}
	return err
}
