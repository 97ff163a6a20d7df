package pipeline

import (
	"runtime"
	"sync"
	"time"
)

// Stages of the pipeline, for Timing.
const (
	Clean = iota
	Analyse
	Store
	Corpus
	stages
)

// StageNames name the stages in reports.
var StageNames = [stages]string{"clean", "analyse", "store", "corpus"}

// Timing adds up the CPU time each stage spent, over all its goroutines
// (on Linux each stage's goroutines are locked to their threads and read
// the thread's CPU clock; elsewhere it is wall time, which overcounts a
// stage that waits for a core). The runtime's own work (garbage
// collection, scheduling) is in no stage.
type Timing struct {
	mu   sync.Mutex
	cpu  [stages]time.Duration
	runs [stages]int // timed sections: a thread's CPU clock may tick too coarsely to see a short one
	// Compose is the CPU time the corpus stage spent composing story
	// pages (part of Corpus).
	Compose time.Duration
	// Follow is the CPU time the corpus stage spent on its second
	// goroutine (part of Corpus; corpus.Stats.Follow).
	Follow time.Duration
}

// CPU returns the time spent by a stage.
func (t *Timing) CPU(stage int) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.cpu[stage]
}

// Runs returns how many timed sections a stage ran.
func (t *Timing) Runs(stage int) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.runs[stage]
}

// Total is the sum of the stages' times.
func (t *Timing) Total() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	var s time.Duration
	for _, d := range t.cpu {
		s += d
	}
	return s
}

// lock pins the calling goroutine to its thread, so its thread's CPU
// clock is its own; it returns the unlock to defer. Nothing without a
// Timing.
func (t *Timing) lock() func() {
	if t == nil {
		return func() {}
	}
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}

// now reads the calling thread's clock (see Timing); zero without a Timing.
func (t *Timing) now() time.Duration {
	if t == nil {
		return 0
	}
	return threadCPU()
}

// add adds the time since t0 (a reading of now) to a stage and returns
// the new reading.
func (t *Timing) add(stage int, t0 time.Duration) time.Duration {
	if t == nil {
		return 0
	}
	now := threadCPU()
	t.mu.Lock()
	t.cpu[stage] += now - t0
	t.runs[stage]++
	t.mu.Unlock()
	return now
}
