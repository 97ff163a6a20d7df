//go:build unix

package timex

import "syscall"

// cpuSeconds is the user+system CPU time of this process so far: on a
// shared machine it measures the work done, whatever else is running.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
