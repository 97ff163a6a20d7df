package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/eval/polnear"
)

func init() {
	registerEval(&evalStage{
		name:    "quotes",
		summary: "quote span F1 (exact, partial) and speaker accuracy on PolNeAR",
		usage:   "[--split train|dev|test] [--json]",
		run: func(ctx context.Context, e *env, args []string) error {
			s := evalStages["quotes"]
			fs := newFlags(e, s.command())
			split := fs.String("split", "dev", "PolNeAR split: train, dev or test (test: final report only)")
			asJSON := fs.Bool("json", false, "print one JSON object")
			if _, err := parseFlags(fs, args); err != nil {
				return err
			}
			switch *split {
			case "train", "dev", "test":
			default:
				return usageError{fmt.Sprintf("--split %q: want train, dev or test", *split)}
			}
			dir, err := sharedEvalDir()
			if err != nil {
				return err
			}
			arts, err := polnear.Load(filepath.Join(dir, "quotes-polnear"), *split)
			if err != nil {
				return err
			}
			m := polnear.Evaluate(arts)
			if *asJSON {
				out := struct {
					Split string `json:"split"`
					polnear.Metrics
				}{*split, m}
				b, err := json.Marshal(out)
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, string(b))
				return nil
			}
			w := e.stdout
			fmt.Fprintf(w, "PolNeAR %s: %d articles, %d gold attributions, %d predicted quotes\n\n", *split, m.Articles, m.Gold, m.Pred)
			fmt.Fprintf(w, "%-22s %7s %7s %7s\n", "content span", "P", "R", "F1")
			fmt.Fprintf(w, "%-22s %7.3f %7.3f %7.3f\n", "exact", m.ExactP, m.ExactR, m.ExactF1)
			fmt.Fprintf(w, "%-22s %7.3f %7.3f %7.3f\n", "partial overlap", m.PartialP, m.PartialR, m.PartialF1)
			fmt.Fprintf(w, "\n%-22s %7.3f  (n=%d matched quotes with a gold source)\n", "speaker accuracy", m.SpeakerAccuracy, m.SpeakerN)
			fmt.Fprintf(w, "%-22s %7.3f\n", "speaker exact span", m.SpeakerExactAccuracy)
			fmt.Fprintf(w, "%-22s %7.3f  (n=%d gold contents with quotation marks)\n", "quoted-content recall", m.QuotedRecall, m.QuotedGold)
			return nil
		},
	})
}
