package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/sitrep/sitrep/internal/ner"
)

func init() {
	registerEval(&evalStage{
		name:    "ner",
		summary: "named entities: entity-level P/R/F1 (conlleval) on CoNLL-2003",
		usage:   "[--split dev|test] [--json] [--model FILE]",
		run: func(ctx context.Context, e *env, args []string) error {
			s := evalStages["ner"]
			fs := newFlags(e, s.command())
			split := fs.String("split", "dev", "CoNLL-2003 split: dev, test (CoNLL++) or test_original")
			asJSON := fs.Bool("json", false, "print one JSON object")
			modelPath := fs.String("model", "", "score the model in `FILE` instead of the embedded one")
			if _, err := parseFlags(fs, args); err != nil {
				return err
			}
			switch *split {
			case "dev", "test", "test_original", "train":
			default:
				return usageError{fmt.Sprintf("unknown split %q", *split)}
			}
			dir, err := sharedEvalDir()
			if err != nil {
				return err
			}
			docs, err := ner.LoadSplit(dir, *split)
			if err != nil {
				return err
			}
			var m *ner.Model
			if *modelPath == "" {
				m = ner.Default()
			} else {
				f, err := os.Open(*modelPath)
				if err != nil {
					return err
				}
				m, err = ner.ReadModel(f)
				f.Close()
				if err != nil {
					return err
				}
			}
			start := time.Now()
			sc := m.Evaluate(docs)
			el := time.Since(start)
			type prf struct {
				Precision float64 `json:"precision"`
				Recall    float64 `json:"recall"`
				F1        float64 `json:"f1"`
				Gold      int     `json:"gold"`
				Predicted int     `json:"predicted"`
				Correct   int     `json:"correct"`
			}
			out := struct {
				Split string `json:"split"`
				prf
				PerType map[string]prf `json:"per_type"`
				Seconds float64        `json:"seconds"`
			}{Split: *split, PerType: map[string]prf{}, Seconds: el.Seconds()}
			mk := func(c interface {
				Precision() float64
				Recall() float64
				F1() float64
			}, g, p, k int) prf {
				return prf{c.Precision(), c.Recall(), c.F1(), g, p, k}
			}
			out.prf = mk(sc.Total, sc.Total.Gold, sc.Total.Pred, sc.Total.Correct)
			for _, t := range sc.Types() {
				c := sc.PerType[t]
				out.PerType[t] = mk(*c, c.Gold, c.Pred, c.Correct)
			}
			if *asJSON {
				enc := json.NewEncoder(e.stdout)
				return enc.Encode(out)
			}
			fmt.Fprintf(e.stdout, "NER on CoNLL-2003 %s (entity-level, exact span and type)\n", *split)
			fmt.Fprintf(e.stdout, "%-8s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "pred", "correct")
			for _, t := range sc.Types() {
				c := out.PerType[t]
				fmt.Fprintf(e.stdout, "%-8s %9.4f %9.4f %9.4f %7d %7d %7d\n", t, c.Precision, c.Recall, c.F1, c.Gold, c.Predicted, c.Correct)
			}
			c := out.prf
			fmt.Fprintf(e.stdout, "%-8s %9.4f %9.4f %9.4f %7d %7d %7d\n", "overall", c.Precision, c.Recall, c.F1, c.Gold, c.Predicted, c.Correct)
			return nil
		},
	})
}
