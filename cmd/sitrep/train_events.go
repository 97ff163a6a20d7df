package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	evev "github.com/sitrep/sitrep/internal/eval/events"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/event/eventdoc"
)

// trainEvents trains the event coder's sentence-type classifier on the
// PLOVER gold records' dev half and the PETRARCH-2 validation records
// (never the PLOVER test half), or cross-validates it on the dev half.
func trainEvents(e *env, args []string) error {
	c := &command{name: "train events", summary: "train the event coder's sentence-type classifier (averaged perceptron) " +
		"on the PLOVER dev half (even lines) and the PETRARCH-2 validation records; --cv N: N-fold cross-validation on the dev half instead",
		usage: "[--out FILE] [--seed N] [--epochs N] [--cv N] [--silver-step N]"}
	fs := newFlags(e, c)
	out := fs.String("out", "internal/event/data/classifier.tsv", "write the weights to `FILE`")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	epochs := fs.Int("epochs", 10, "training passes")
	cv := fs.Int("cv", 0, "N-fold cross-validation on the PLOVER dev half (writes nothing)")
	noPetr := fs.Bool("no-petr", false, "leave the PETRARCH-2 validation records out of training")
	words := fs.Bool("words-only", false, "leave the pattern coder's features out (experiments)")
	silver := fs.Int("silver-step", 0, "cv: also score a classifier trained on all of dev on every N-th silver story (measure only)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	dir, err := sharedEvalDir()
	if err != nil {
		return err
	}
	pdir := filepath.Join(dir, "events-plover")
	dev, err := evev.LoadPlover(pdir, "dev")
	if err != nil {
		return err
	}
	sz := eventdoc.NewAnalyser()
	cs := evev.CodeRecords(dev, sz)
	var keep func(string) bool
	if *words {
		keep = func(f string) bool { return strings.HasPrefix(f, "w:") || strings.HasPrefix(f, "b:") || f == "bias" }
	}
	var extra []event.Example
	if !*noPetr {
		pr, err := evev.LoadPetr(pdir, "petrarch2_gsr_validation.jsonl")
		if err != nil {
			return err
		}
		extra = evev.Examples(evev.CodeRecords(evev.PetrTrainingRecords(pr), sz), keep)
	}
	overrides := []float32{1, 2, 3, 5, 8, 12}
	if *cv > 1 {
		fmt.Fprintf(e.stdout, "%d-fold cross-validation on PLOVER dev (%d records, +%d PETRARCH-2 training records), %d epochs, seed %d\n",
			*cv, len(cs), len(extra), *epochs, *seed)
		for _, r := range evev.CrossValidate(cs, extra, *cv, *epochs, *seed, keep, overrides) {
			fmt.Fprintf(e.stdout, "  %-40s %.3f\n", r.Setting, r.Accuracy)
		}
		if *silver > 0 {
			sv, err := evev.LoadSilver(pdir, *silver)
			if err != nil {
				return err
			}
			k := event.TrainClassifier(append(evev.Examples(cs, keep), extra...), *epochs, *seed)
			scs := evev.CodeRecords(sv, sz)
			fmt.Fprintf(e.stdout, "silver (%d lead paragraphs), classifier trained on all of dev:\n", len(scs))
			for _, r := range evev.ScoreOn(k, scs, keep, overrides) {
				fmt.Fprintf(e.stdout, "  %-40s %.3f\n", r.Setting, r.Accuracy)
			}
		}
		return nil
	}
	k := event.TrainClassifier(append(evev.Examples(cs, keep), extra...), *epochs, *seed)
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if _, err := k.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s (%d + %d training records)\n", *out, len(cs), len(extra))
	return nil
}
