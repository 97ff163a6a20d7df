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
