package sqlite

import "sync"

// writeLock is the process's write lock (DB.wmu) with two ranks. The
// corpus stage's writes (its results, story pages, coded events) are
// urgent: while one waits, no ingest batch (Put) takes the lock. Every
// article passes through the corpus stage's one goroutine in turn, and a
// wait there holds up the whole pipeline, while the ingest writer runs
// ahead of it and can wait (BENCHMARKS.md, issue 15, h/overlap). An
// urgent writer still waits for a batch already being written; the
// corpus stage writes between computations, so the ingest writer is not
// shut out for long.
type writeLock struct {
	mu     sync.Mutex
	cond   *sync.Cond
	held   bool
	urgent int // urgent writers waiting
}

func (l *writeLock) lock(urgent bool) {
	l.mu.Lock()
	if l.cond == nil {
		l.cond = sync.NewCond(&l.mu)
	}
	if urgent {
		l.urgent++
	}
	for l.held || !urgent && l.urgent > 0 {
		l.cond.Wait()
	}
	if urgent {
		l.urgent--
	}
	l.held = true
	l.mu.Unlock()
}

func (l *writeLock) unlock() {
	l.mu.Lock()
	l.held = false
	l.cond.Broadcast()
	l.mu.Unlock()
}
