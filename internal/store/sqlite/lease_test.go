package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestLeases checks the single-holder rule across two connections to one
// file (as two processes share it): the second holder waits until the
// first lets the lease lapse or gives it up; renewing keeps it.
func TestLeases(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "l.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const ttl = 300 * time.Millisecond
	steps := []struct {
		db     *DB
		holder string
		sleep  time.Duration // before the step
		want   bool
	}{
		{a, "w1", 0, true},        // free: taken
		{b, "w2", 0, false},       // held by w1
		{a, "w1", 0, true},        // renewed
		{b, "w2", ttl / 2, false}, // still within w1's renewed ttl
		{b, "w2", ttl, true},      // w1 lapsed: taken over
		{a, "w1", 0, false},       // w1 lost it
		{b, "w2", 0, true},        // w2 renews
	}
	for i, s := range steps {
		time.Sleep(s.sleep)
		got, err := s.db.AcquireLease(ctx, "corpus", s.holder, ttl)
		if err != nil {
			t.Fatal(err)
		}
		if got != s.want {
			t.Fatalf("step %d: %s got the lease: %v, want %v", i, s.holder, got, s.want)
		}
	}
	// another name is independent
	if ok, _ := a.AcquireLease(ctx, "other", "w1", time.Minute); !ok {
		t.Error("w1 did not get a free lease of another name")
	}
	// releasing by a non-holder does nothing; by the holder frees it
	if err := a.ReleaseLease(ctx, "corpus", "w1"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := a.AcquireLease(ctx, "corpus", "w1", time.Minute); ok {
		t.Error("w1 took the lease w2 holds after releasing a lease it did not hold")
	}
	if err := b.ReleaseLease(ctx, "corpus", "w2"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := a.AcquireLease(ctx, "corpus", "w1", time.Minute); !ok {
		t.Error("w1 did not get the lease w2 released")
	}
}
