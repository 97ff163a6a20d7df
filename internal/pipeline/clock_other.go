//go:build !linux

package pipeline

import "time"

var start = time.Now()

// threadCPU falls back to wall time where a thread's CPU clock is not
// read.
func threadCPU() time.Duration { return time.Since(start) }
