package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/sitrep/sitrep/internal/eval/timeml"
)

func init() {
	registerEval(&evalStage{
		name:    "time",
		summary: "time expressions on TempEval-3 (TBAQ train, Platinum test): strict/relaxed extent F1, type accuracy, value F1",
		usage:   "[--set train|test] [--json] [--errors]",
		run:     runEvalTime,
	})
}

func runEvalTime(ctx context.Context, e *env, args []string) error {
	s := evalStages["time"]
	fs := newFlags(e, s.command())
	set := fs.String("set", "test", "split: train (TBAQ-cleaned, development) or test (TE3 Platinum)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	errs := fs.Bool("errors", false, "list every missed, spurious or mis-normalised expression")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *set != "train" && *set != "test" {
		return usageError{"--set must be train or test"}
	}
	dir, err := sharedEvalDir()
	if err != nil {
		return err
	}
	docs, err := timeml.LoadSet(filepath.Join(dir, "timex-tempeval3"), *set)
	if err != nil {
		return err
	}
	var mism []timeml.Mismatch
	var mp *[]timeml.Mismatch
	if *errs {
		mp = &mism
	}
	t0 := time.Now()
	m := timeml.Evaluate(docs, mp)
	el := time.Since(t0)
	dm := timeml.EvaluateDCT(docs)
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(map[string]any{
			"set": *set, "docs": m.Docs, "gold": m.Gold, "system": m.System,
			"strict_p": m.StrictP, "strict_r": m.StrictR, "strict_f1": m.StrictF1,
			"relaxed_p": m.RelaxedP, "relaxed_r": m.RelaxedR, "relaxed_f1": m.RelaxedF1,
			"type_accuracy": m.TypeAccuracy, "value_accuracy": m.ValueAccuracy,
			"type_f1": m.TypeF1, "value_p": m.ValueP, "value_r": m.ValueR, "value_f1": m.ValueF1,
			"seconds": el.Seconds(), "dct_estimate": dm,
		})
	}
	for _, x := range mism {
		fmt.Fprintf(e.stdout, "%-8s %-28s gold %-40s sys %-40s | %s\n", x.Kind, x.Doc, x.Gold, x.System, x.Context)
	}
	fmt.Fprintf(e.stdout, "TempEval-3 %s: %d documents, %d gold and %d system expressions (%.2fs)\n", *set, m.Docs, m.Gold, m.System, el.Seconds())
	fmt.Fprintf(e.stdout, "%-10s %7s %7s %7s\n", "", "P", "R", "F1")
	fmt.Fprintf(e.stdout, "%-10s %7.4f %7.4f %7.4f\n", "strict", m.StrictP, m.StrictR, m.StrictF1)
	fmt.Fprintf(e.stdout, "%-10s %7.4f %7.4f %7.4f\n", "relaxed", m.RelaxedP, m.RelaxedR, m.RelaxedF1)
	fmt.Fprintf(e.stdout, "%-10s %7.4f %7.4f %7.4f   (accuracy %.4f)\n", "type", m.RelaxedP*m.TypeAccuracy, m.RelaxedR*m.TypeAccuracy, m.TypeF1, m.TypeAccuracy)
	fmt.Fprintf(e.stdout, "%-10s %7.4f %7.4f %7.4f   (accuracy %.4f)\n", "value", m.ValueP, m.ValueR, m.ValueF1, m.ValueAccuracy)
	fmt.Fprintf(e.stdout, "publication date estimated from the text alone (DCT hidden): %d/%d documents, exact %.3f, within 1 day %.3f, within 7 days %.3f, right year %.3f, off by a year or more %d\n",
		dm.Estimated, dm.Docs, dm.Exact, dm.Within1, dm.Within7, dm.SameYear, dm.OffYear)
	return nil
}
