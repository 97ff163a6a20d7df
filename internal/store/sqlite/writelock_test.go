package sqlite

import (
	"testing"
	"time"
)

// TestWriteLockUrgentFirst: with an ingest batch and a corpus-stage write
// both waiting, the corpus stage's goes first; and the ingest batch gets
// the lock once no urgent writer waits.
func TestWriteLockUrgentFirst(t *testing.T) {
	var l writeLock
	l.lock(false)
	order := make(chan string, 2)
	go func() { l.lock(false); order <- "ingest"; l.unlock() }()
	time.Sleep(20 * time.Millisecond) // the ingest batch waits first
	go func() { l.lock(true); order <- "corpus"; l.unlock() }()
	for {
		l.mu.Lock()
		u := l.urgent
		l.mu.Unlock()
		if u == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	l.unlock()
	if a, b := <-order, <-order; a != "corpus" || b != "ingest" {
		t.Fatalf("order %s, %s; want corpus, ingest", a, b)
	}
}
