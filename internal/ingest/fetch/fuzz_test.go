package fetch

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/fuzzcorpus"
)

// urlSeeds seed FuzzURL: URLs fetched, URLs refused before any lookup,
// and address literals the dial check must refuse however they are
// written.
var urlSeeds = map[string]string{
	"valid-http":           "http://example.org/a?b=c#d",
	"valid-https-port":     "https://example.org:8443/x",
	"valid-ipv4-public":    "http://8.8.8.8/",
	"valid-ipv6-public":    "http://[2a00:1450:4001::1]:80/",
	"valid-idna":           "https://xn--bcher-kva.example/",
	"edge-percent-host":    "http://exa%6Dple.org/",
	"edge-upper-scheme":    "HTTP://EXAMPLE.ORG/",
	"edge-no-path":         "http://example.org",
	"refused-loopback":     "http://127.0.0.1:8080/",
	"refused-loopback-v6":  "http://[::1]/",
	"refused-mapped":       "http://[::ffff:127.0.0.1]/",
	"refused-mapped-hex":   "http://[::ffff:7f00:1]/",
	"refused-unspecified":  "http://0.0.0.0/",
	"refused-metadata":     "http://169.254.169.254/latest/meta-data/",
	"refused-private":      "http://10.0.0.1/",
	"refused-zone":         "http://[fe80::1%25eth0]/",
	"refused-nat64":        "http://[64:ff9b::a00:1]/",
	"refused-nat64-local":  "http://[64:ff9b:1::a00:1]/",
	"refused-cgnat":        "http://100.64.0.1/",
	"bad-scheme-file":      "file:///etc/passwd",
	"bad-scheme-gopher":    "gopher://example.org/",
	"bad-credentials":      "http://user:pass@example.org/",
	"bad-no-host":          "http:///path",
	"bad-opaque":           "http:example.org",
	"bad-control-char":     "http://example.org/\x7f\x00",
	"bad-port":             "http://example.org:99999999/",
	"bad-ipv6-unclosed":    "http://[::1/",
	"bad-percent":          "http://example.org/%zz",
	"bad-space-host":       "http://exa mple.org/",
	"bad-decimal-host-int": "http://2130706433/",
	"bad-octal-host":       "http://0177.0.0.1/",
}

func TestFuzzCorpus(t *testing.T) {
	seeds := map[string][]any{}
	for name, u := range urlSeeds {
		seeds[name] = []any{u}
	}
	fuzzcorpus.Sync(t, "FuzzURL", seeds)
}

// oraclePublic is an independent statement of the policy, through the net
// package's IP type rather than netip's: false for any address a request
// must not reach.
func oraclePublic(host string) bool {
	host, _, _ = strings.Cut(host, "%") // a zone does not change where it goes
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		_, n, err := net.ParseCIDR(p.String())
		if err != nil || n.Contains(ip) {
			return false
		}
	}
	return true
}

// FuzzURL: any string is refused or accepted without a panic and without
// network access; an accepted URL is http(s) with a host and no
// credentials, and when its host is an address literal the dial check
// lets it through only if it is public — in every spelling (plain,
// IPv4-mapped IPv6, with a zone). Seeds: testdata/fuzz/FuzzURL.
func FuzzURL(f *testing.F) {
	// Get on a cancelled context exercises URL checks and request building
	// and returns before any DNS lookup or connection
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	f.Fuzz(func(t *testing.T, raw string) {
		if _, err := Get(cancelled, raw, Options{}); err == nil {
			t.Fatalf("Get(%q) on a cancelled context succeeded", raw)
		}
		u, err := checkURL(raw)
		if err != nil {
			return
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.Host == "" {
			t.Fatalf("checkURL accepted %q: %+v", raw, u)
		}
		host := u.Hostname()
		if _, err := netip.ParseAddr(host); err != nil {
			return // a name: checked on each address it resolves to
		}
		dialHost(t, host)
	})
}

// dialHost checks the dial-time verdict on one address literal and on its
// other spellings.
func dialHost(t *testing.T, host string) {
	t.Helper()
	verdict := func(h string) bool {
		addr := net.JoinHostPort(h, "80")
		err := checkDial(addr, false)
		if _, _, serr := net.SplitHostPort(addr); err != nil && serr == nil && !errors.Is(err, ErrForbiddenAddress) {
			// (a zone holding "]" makes an address that does not split:
			// refused with the parser's error)
			t.Fatalf("checkDial(%q): %v is not ErrForbiddenAddress", h, err)
		}
		return err == nil
	}
	ok := verdict(host)
	if _, err := netip.ParseAddr(host); err != nil {
		// not an address as the dialer writes one ("::a%" with an empty
		// zone): refused whatever it might mean
		if ok {
			t.Fatalf("checkDial(%q) allowed what is not an address", host)
		}
		return
	}
	if ok != oraclePublic(host) {
		t.Fatalf("checkDial(%q) allows=%v, the net package says public=%v", host, ok, !ok)
	}
	if checkDial(net.JoinHostPort(host, "80"), true) != nil {
		t.Fatalf("checkDial(%q) refused with private addresses allowed", host)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return
	}
	if ip.Is4() {
		mapped := netip.AddrFrom16(ip.As16()).String()
		if verdict(mapped) != ok {
			t.Fatalf("%s and its mapped form %s differ", host, mapped)
		}
	}
	if ip.Is6() && ip.Zone() == "" {
		if verdict(ip.WithZone("eth0").String()) != ok {
			t.Fatalf("%s with a zone is judged differently", host)
		}
	}
}

// FuzzDialCheck: the dial-time check on any host string (what a resolver
// might hand back) agrees with the independent statement of the policy.
// Seeds: testdata/fuzz/FuzzDialCheck.
func FuzzDialCheck(f *testing.F) {
	f.Fuzz(func(t *testing.T, host string) {
		if strings.ContainsAny(host, "[]") {
			return // JoinHostPort would build something that is not host:port
		}
		dialHost(t, host)
	})
}

func TestFuzzCorpusDial(t *testing.T) {
	seeds := map[string][]any{}
	for name, h := range map[string]string{
		"public-v4":      "8.8.8.8",
		"public-v6":      "2a00:1450:4001::1",
		"loopback":       "127.0.0.2",
		"loopback-v6":    "::1",
		"mapped-private": "::ffff:192.168.1.1",
		"mapped-public":  "::ffff:8.8.8.8",
		"unspecified-v6": "::",
		"metadata":       "169.254.169.254",
		"linklocal-zone": "fe80::1%eth0",
		"public-v6-zone": "2a00:1450:4001::1%1",
		"multicast":      "239.1.2.3",
		"broadcast":      "255.255.255.255",
		"test-net":       "198.51.100.7",
		"nat64":          "64:ff9b::808:808",
		"unique-local":   "fd00::1",
		"v4-compatible":  "::127.0.0.1",
		"name":           "example.org",
		"empty":          "",
		"leading-zeros":  "127.000.000.001",
	} {
		seeds[name] = []any{h}
	}
	fuzzcorpus.Sync(t, "FuzzDialCheck", seeds)
}
