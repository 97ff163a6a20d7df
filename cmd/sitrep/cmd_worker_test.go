package main

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store"
)

// TestOpenWorkerDBWaitsForServer: a worker whose database server cannot be
// reached tries again, saying so, until its wait is over, and then reports
// the server as unreachable (store.ErrUnavailable).
func TestOpenWorkerDBWaitsForServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now: connections are refused
	var logged []string
	start := time.Now()
	db, err := openWorkerDB(context.Background(), "postgres://postgres@"+addr+"/test?sslmode=disable&connect_timeout=2", 900*time.Millisecond,
		func(format string, args ...any) { logged = append(logged, format) })
	if err == nil {
		db.Close()
		t.Fatal("opened a database where no server listens")
	}
	if !errors.Is(err, store.ErrUnavailable) || !strings.Contains(err.Error(), addr) {
		t.Errorf("error %q: want store.ErrUnavailable naming %s", err, addr)
	}
	if len(logged) < 2 {
		t.Errorf("%d retries logged, want at least 2 within the wait", len(logged))
	}
	if d := time.Since(start); d < 500*time.Millisecond || d > 20*time.Second {
		t.Errorf("gave up after %v, want about the 900ms wait", d)
	}
}
