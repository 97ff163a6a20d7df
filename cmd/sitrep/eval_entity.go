package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/eval/coref"
)

func init() {
	registerEval(&evalStage{
		name:    "entity",
		summary: "coreference of named entity mentions on ECB+ (gold mentions): within documents (MUC, B³, CEAF-e, CoNLL F1) and across documents (B³, pairwise F1)",
		usage:   "[--split train|dev|test] [--json]",
		run: func(ctx context.Context, e *env, args []string) error {
			s := evalStages["entity"]
			fs := newFlags(e, s.command())
			split := fs.String("split", "dev", "ECB+ split (standard setup): train, dev or test (test: final report only)")
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
			docs, err := coref.LoadECBPlus(filepath.Join(dir, "cluster-ecbplus"), *split)
			if err != nil {
				return err
			}
			r := coref.Evaluate(docs)
			if *asJSON {
				b, err := json.Marshal(struct {
					Split string `json:"split"`
					coref.Result
				}{*split, r})
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, string(b))
				return nil
			}
			w := e.stdout
			fmt.Fprintf(w, "ECB+ %s: %d documents, %d named entity mentions (gold spans, types from the recogniser)\n\n", *split, r.Docs, r.Mentions)
			fmt.Fprintf(w, "within documents\n  entity.Resolve     %s\n  same-name baseline %s\n", r.Within, r.WithinBaseline)
			fmt.Fprintf(w, "across documents (one registry for the split)\n  entity.Registry    %s\n  same-name baseline %s\n", r.Cross.CrossString(), r.CrossBaseline.CrossString())
			return nil
		},
	})
	// "eval alias" is the same evaluation under the name of what it
	// measures: alias merging.
	alias := *evalStages["entity"]
	alias.name = "alias"
	registerEval(&alias)
}
