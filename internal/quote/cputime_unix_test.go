//go:build unix

package quote

import "syscall"

// processCPU returns the CPU time (user + system) the process has used, in
// microseconds, so that benchmarks can report CPU per article on a loaded
// machine where wall time is noise.
func processCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e3
}
