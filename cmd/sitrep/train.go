package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/sitrep/sitrep/internal/ner"
)

func init() {
	register(&command{
		name:    "train",
		summary: "train a model from the gold data in ../shared/eval (ner)",
		usage:   "ner [--out FILE] [--seed N] [--recipe final|tune]",
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) == 0 || args[0] != "ner" {
				return usageError{"only 'sitrep train ner' exists"}
			}
			c := &command{name: "train ner", summary: "train the named-entity model: by default the shipped recipe, " +
				"CoNLL-2003 train+dev with the epoch counts fixed from a dev-tuned run (--recipe tune: train only, epochs chosen on dev)",
				usage: "[--out FILE] [--seed N] [--recipe final|tune]"}
			fs := newFlags(e, c)
			out := fs.String("out", "internal/ner/model.bin", "write the model to `FILE`")
			seed := fs.Uint64("seed", 1, "shuffling seed")
			folds := fs.Int("folds", -1, "override the jackknife folds of the second pass (experiments)")
			bits := fs.Uint("bits", 0, "override log2 weight buckets (experiments)")
			epochs := fs.Int("epochs", 0, "override the maximum epochs (experiments)")
			recipe := fs.String("recipe", "final", "final: train+dev, fixed epochs (the shipped model); tune: train only, epochs chosen on dev")
			gazConll := fs.Bool("gaz-conll", false, "add the training documents' names to the gazetteer, each hidden from its own document (experiments)")
			if _, err := parseFlags(fs, args[1:]); err != nil {
				return err
			}
			dir, err := sharedEvalDir()
			if err != nil {
				return err
			}
			var opts ner.TrainOptions
			switch *recipe {
			case "final":
				opts, err = ner.DefaultTrainOptions(dir, *seed)
			case "tune":
				opts, err = ner.TuneTrainOptions(dir, *seed)
			default:
				return usageError{fmt.Sprintf("unknown recipe %q", *recipe)}
			}
			if err != nil {
				return err
			}
			if *gazConll {
				opts.GazetteTrain = true
			}
			opts.Log = e.stderr
			if *folds >= 0 {
				opts.Folds = *folds
			}
			if *bits > 0 {
				opts.Bits = *bits
			}
			if *epochs > 0 {
				opts.Epochs = *epochs
			}
			start := time.Now()
			m, err := ner.Train(opts)
			if err != nil {
				return err
			}
			f, err := os.Create(*out)
			if err != nil {
				return err
			}
			n, err := m.WriteTo(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "wrote %s (%d bytes) in %s\n", *out, n, time.Since(start).Round(time.Second))
			return nil
		},
	})
}
