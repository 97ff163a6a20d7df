package main

import (
	"os"
	"runtime/debug"
)

// ingestGCPercent is the garbage collector's target for an ingest (and a
// worker, which runs the same pipeline and corpus stage): the
// heap may grow to three times what is live after a collection (Go's
// default: twice). An ingest keeps some 250 MB live (gazetteer, NER
// weights, the corpus stages' state) and allocates per article, so at the
// default it collects every few hundred articles, each time marking all
// that is live; at 200 it collects half as often: the collector's share
// of the CPU falls from about 7 % to about 4 % (BENCHMARKS.md, session
// 10), at the price of a peak memory some 250 MB larger at 2,000
// articles and 350 MB at 10,000. GOGC=100 restores Go's default.
const ingestGCPercent = 200

// setIngestGC sets ingestGCPercent unless the user chose with GOGC.
func setIngestGC() {
	if _, ok := os.LookupEnv("GOGC"); ok {
		return
	}
	debug.SetGCPercent(ingestGCPercent)
}
