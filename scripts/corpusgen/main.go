// Command corpusgen writes articles [from, to) of the generated real-text
// corpus that `sitrep bench` ingests (internal/corpusgen: the PolNeAR or
// ECB+ texts of ../shared/eval repeated with changed dates and titles) as
// JSON Lines on stdout, for benchmarks that run whole commands on it
// (scripts/queuebench.sh).
//
//	go run ./scripts/corpusgen [-source polnear|ecbplus] [-from N] -to N > corpus.jsonl
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sitrep/sitrep/internal/corpusgen"
)

func main() {
	source := flag.String("source", "polnear", "texts to repeat: polnear or ecbplus")
	from := flag.Int("from", 0, "first article")
	to := flag.Int("to", 2000, "one past the last article")
	flag.Parse()
	if err := run(*source, *from, *to); err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
}

func run(source string, from, to int) error {
	dir := corpusgen.FindEval()
	if dir == "" {
		return fmt.Errorf("no ../shared/eval above the working directory (set SITREP_SHARED)")
	}
	var srcs []corpusgen.Source
	var err error
	switch source {
	case "polnear":
		srcs, err = corpusgen.LoadPolNeAR(dir)
	case "ecbplus":
		srcs, err = corpusgen.LoadECBPlus(dir)
	default:
		return fmt.Errorf("unknown source %q (polnear or ecbplus)", source)
	}
	if err != nil {
		return err
	}
	return corpusgen.Write(os.Stdout, srcs, from, to)
}
