//go:build !unix

package timex

import "time"

var started = time.Now()

// cpuSeconds falls back to wall time where there is no getrusage.
func cpuSeconds() float64 { return time.Since(started).Seconds() }
