// Command evtype measures how the event coder's sentence types generalise
// beyond the PLOVER dev half they were written on, and cross-validates a
// learned type classifier over them (issue #16; EVALUATION.md, events,
// "Event types that generalise").
//
//	go run ./scripts/evtype -dump F.jsonl -silver
//
// codes every record of PLOVER dev, the PETRARCH-2 validation and unit-test
// sets and (-silver) the NGEC silver lead paragraphs with the whole
// analysis and the coder, and writes each with its label, the coder's
// events and the analysed sentences (never the PLOVER test half).
//
//	go run ./scripts/evtype -cv F.jsonl [-votes CV.jsonl] [-feats words,dict,rules] [-extra petr2,silver]
//
// trains an averaged perceptron on 4 of 5 folds of PLOVER dev (record i in
// fold i mod 5) plus the -extra sets and scores the fifth: the classifier
// alone, the rules with the classifier where they code nothing, and the
// rules overridden where the classifier's margin is at least θ. With
// -votes (TestAblateCV's output, internal/event/ablate_test.go) the held-out
// fold carries the coder's votes without the word-table entries only that
// fold supports, the training folds the nested votes. scripts/evtype/cv.sh
// runs the whole chain. Nothing here writes a model the coder loads.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	dir := flag.String("dir", "../shared/eval/events-plover", "events-plover folder")
	dumpTo := flag.String("dump", "", "code every record and write them here (JSON lines)")
	silver := flag.Bool("silver", false, "dump: the silver lead paragraphs too")
	cvFrom := flag.String("cv", "", "cross-validate on the dev records of this dump")
	extra := flag.String("extra", "petr2,unit", "training sets besides dev")
	fo := flag.String("feats", "words,dict,rules", "feature groups")
	epochs := flag.Int("epochs", 10, "epochs")
	wt := flag.Float64("wt", 1, "weight of the extra sets")
	votes := flag.String("votes", "", "cv: held-out rule votes (TestAblateCV's output)")
	nested := flag.Bool("nested", true, "cv -votes: training folds with nested held-out votes")
	flag.Parse()
	if *dumpTo != "" {
		if err := dump(*dir, *dumpTo, *silver); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if *cvFrom != "" {
		o := featOpts{words: strings.Contains(*fo, "words"), dict: strings.Contains(*fo, "dict"), rules: strings.Contains(*fo, "rules")}
		var ex []string
		if *extra != "" {
			ex = strings.Split(*extra, ",")
		}
		run := func() error { return cv(*cvFrom, 5, o, ex, *epochs, *wt) }
		if *votes != "" {
			run = func() error { return cv2(*cvFrom, *votes, 5, o, ex, *epochs, *wt, *nested) }
		}
		if err := run(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
