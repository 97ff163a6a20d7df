//go:build !unix

package quote

// processCPU is not measured here; the cpu-µs/article metric reads 0.
func processCPU() float64 { return 0 }
