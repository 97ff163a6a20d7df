//go:build !linux

package main

import (
	"runtime"
	"time"
)

// peakRSS approximates the peak resident memory by the memory the Go
// runtime holds from the system now, where the peak is not reported.
func peakRSS() int64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys)
}

var started = time.Now()

// processCPU falls back to wall time where the process's CPU time is not
// read.
func processCPU() time.Duration { return time.Since(started) }
