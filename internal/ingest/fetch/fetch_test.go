package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestPublic(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true},
		{"2a00:1450:4001::1", true},
		{"127.0.0.1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"::1", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"::ffff:127.0.0.1", false},
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"224.0.0.1", false},
		{"::%eth0", false},               // zoned unspecified: this host
		{"64:ff9b::a00:1%eth0", false},   // zoned NAT64 of 10.0.0.1
		{"64:ff9b:1::a00:1", false},      // local-use NAT64
		{"2a00:1450:4001::1%eth0", true}, // a zone alone does not make it private
	}
	for _, tt := range tests {
		if got := Public(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("Public(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}

func TestLoopbackRefusedUnlessAllowed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>hi</p></body></html>"))
	}))
	defer srv.Close()
	_, err := Get(context.Background(), srv.URL, Options{})
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("loopback fetch: err = %v, want ErrForbiddenAddress", err)
	}
	r, err := Get(context.Background(), srv.URL, Options{AllowPrivate: true})
	if err != nil || !strings.Contains(string(r.Body), "hi") {
		t.Fatalf("allowed fetch: %v %q", err, r.Body)
	}
}

func TestLimits(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("a", 5000)))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	o := Options{AllowPrivate: true, MaxBytes: 1000, MaxRedirects: 3}
	if _, err := Get(context.Background(), srv.URL+"/big", o); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big: err = %v, want ErrTooLarge", err)
	}
	if _, err := Get(context.Background(), srv.URL+"/loop", o); err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("loop: err = %v, want redirect limit", err)
	}
	if _, err := Get(context.Background(), srv.URL+"/file", o); err == nil {
		t.Errorf("file redirect: want error")
	}
	if _, err := Get(context.Background(), "ftp://example.org/x", o); err == nil {
		t.Errorf("ftp: want error")
	}
}
