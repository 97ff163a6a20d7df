package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/sitrep/sitrep/internal/clean"
	evalextract "github.com/sitrep/sitrep/internal/eval/extract"
)

func init() {
	registerEval(&evalStage{
		name:    "extract",
		summary: "article-body extraction on the Zyte and trafilatura sets (P, R, F1, accuracy)",
		usage:   "[--set zyte|trafilatura|all] [--json] [--baseline]",
		run:     runEvalExtract,
	})
}

func runEvalExtract(ctx context.Context, e *env, args []string) error {
	s := evalStages["extract"]
	fs := newFlags(e, s.command())
	set := fs.String("set", "all", "gold set: zyte, trafilatura or all")
	asJSON := fs.Bool("json", false, "print one JSON object per set and system")
	baseline := fs.Bool("baseline", false, "also score go-trafilatura alone with its default options")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *set != "zyte" && *set != "trafilatura" && *set != "all" {
		return usageError{fmt.Sprintf("unknown --set %q", *set)}
	}
	dir, err := sharedEvalDir()
	if err != nil {
		return err
	}
	systems := []evalextract.System{{Name: "sitrep", Extract: func(page []byte, url string) (string, error) {
		ex, err := clean.ExtractHTML(page, url)
		return ex.Text, err
	}}}
	if *baseline {
		systems = append(systems, evalextract.System{Name: "go-trafilatura", Extract: evalextract.TrafilaturaDefault})
	}
	type evalFn func(context.Context, string, []evalextract.System, int) ([]evalextract.Scores, error)
	var runs []evalFn
	if *set == "zyte" || *set == "all" {
		runs = append(runs, evalextract.EvaluateZyte)
	}
	if *set == "trafilatura" || *set == "all" {
		runs = append(runs, evalextract.EvaluateTrafilatura)
	}
	enc := json.NewEncoder(e.stdout)
	for _, run := range runs {
		scores, err := run(ctx, dir, systems, 0)
		if err != nil {
			return err
		}
		for _, sc := range scores {
			if *asJSON {
				if err := enc.Encode(sc); err != nil {
					return err
				}
			} else {
				fmt.Fprintln(e.stdout, sc.String())
			}
		}
	}
	return nil
}
