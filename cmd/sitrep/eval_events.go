package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"

	evev "github.com/sitrep/sitrep/internal/eval/events"
	"github.com/sitrep/sitrep/internal/event/eventdoc"
)

func init() {
	registerEval(&evalStage{
		name:    "events",
		summary: "event coding: PLOVER type accuracy, PETRARCH-2 triples and unit tests, ECB+ event coreference",
		usage:   "--set plover|silver|petr2|petr-unit|ecbplus [--split dev|test] [--step N] [--json] [--errors]",
		run:     runEvalEvents,
	})
}

func runEvalEvents(ctx context.Context, e *env, args []string) error {
	s := evalStages["events"]
	fs := newFlags(e, s.command())
	set := fs.String("set", "plover", "gold set: plover, petr2, petr-unit or ecbplus; silver: the lead paragraphs of the NGEC synthetic stories (measure only)")
	split := fs.String("split", "dev", "plover: dev (even lines) or test (odd lines; final report only); ecbplus: dev or test topics")
	step := fs.Int("step", 1, "silver: every step-th story")
	asJSON := fs.Bool("json", false, "print one JSON object")
	showErrors := fs.Bool("errors", false, "list the records coded wrong (dev only)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *split != "dev" && *split != "test" {
		return usageError{fmt.Sprintf("--split %q: want dev or test", *split)}
	}
	dir, err := sharedEvalDir()
	if err != nil {
		return err
	}
	var out any
	var errs []string
	switch *set {
	case "plover", "silver":
		all, err := evev.LoadPlover(filepath.Join(dir, "events-plover"), "dev")
		if err != nil {
			return err
		}
		recs := all
		if *set == "silver" {
			if recs, err = evev.LoadSilver(filepath.Join(dir, "events-plover"), *step); err != nil {
				return err
			}
		} else if *split == "test" {
			if recs, err = evev.LoadPlover(filepath.Join(dir, "events-plover"), "test"); err != nil {
				return err
			}
		}
		m := evev.EvaluatePlover(recs, eventdoc.NewAnalyser(), evev.Majority(all))
		errs = m.Errors
		if !*asJSON {
			w := e.stdout
			fmt.Fprintf(w, "%s %s: %d sentences\n\n", *set, *split, m.Sentences)
			fmt.Fprintf(w, "%-26s %7s %9s\n", "", "coder", "majority")
			fmt.Fprintf(w, "%-26s %7.3f %9.3f  (%s)\n", "type accuracy", m.TypeAccuracy, m.Baseline.TypeAccuracy, m.Baseline.Type)
			fmt.Fprintf(w, "%-26s %7.3f %9.3f\n", "macro-F1 (16 types)", m.MacroF1, m.Baseline.MacroF1)
			fmt.Fprintf(w, "%-26s %7.3f\n", "coded share", m.CodedShare)
			fmt.Fprintf(w, "%-26s %7.3f\n", "source country accuracy", m.SourceAccuracy)
			fmt.Fprintf(w, "%-26s %7.3f\n", "target country accuracy", m.TargetAccuracy)
			fmt.Fprintf(w, "%-26s %7.3f\n", "source sector accuracy", m.SectorAccuracy)
			fmt.Fprintf(w, "%-26s %7.3f\n", "mode accuracy", m.ModeAccuracy)
			fmt.Fprintf(w, "%-26s %7.3f\n", "context accuracy", m.ContextAccuracy)
			types := make([]string, 0, len(m.PerType))
			for t := range m.PerType {
				types = append(types, t)
			}
			sort.Strings(types)
			fmt.Fprintln(w, "\nper-type F1:")
			for _, t := range types {
				fmt.Fprintf(w, "  %-10s %.3f\n", t, m.PerType[t])
			}
		}
		out = struct {
			Set   string `json:"set"`
			Split string `json:"split"`
			evev.PloverMetrics
		}{*set, *split, m}
	case "petr2":
		recs, err := evev.LoadPetr(filepath.Join(dir, "events-plover"), "petrarch2_gsr_validation.jsonl")
		if err != nil {
			return err
		}
		m := evev.EvaluatePetr2(recs, eventdoc.NewAnalyser())
		errs = m.Errors
		if !*asJSON {
			w := e.stdout
			fmt.Fprintf(w, "PETRARCH-2 validation: %d records, %d gold events, %d coded\n\n", m.Records, m.GoldEvents, m.PredEvents)
			fmt.Fprintf(w, "%-34s %6s %6s %6s\n", "", "P", "R", "F1")
			fmt.Fprintf(w, "%-34s %6.3f %6.3f %6.3f\n", "(source, target, CAMEO root)", m.Triples.P, m.Triples.R, m.Triples.F1)
			fmt.Fprintf(w, "%-34s %6.3f %6.3f %6.3f\n", "full codes", m.Full.P, m.Full.R, m.Full.F1)
			fmt.Fprintf(w, "\"no event\" records left empty: %d of %d\n", m.NoEventsEmpty, m.NoEventRecs)
		}
		out = struct {
			Set string `json:"set"`
			evev.Petr2Metrics
		}{"petr2", m}
	case "petr-unit":
		recs, err := evev.LoadPetr(filepath.Join(dir, "events-plover"), "petrarch2_unittest.jsonl")
		if err != nil {
			return err
		}
		m, err := evev.EvaluateUnit(recs, filepath.Join(dir, "events-plover", "dictionaries", "petrarch2"))
		if err != nil {
			return err
		}
		errs = m.Errors
		if !*asJSON {
			fmt.Fprintf(e.stdout, "PETRARCH unit tests: %d of %d passed (%.3f)\n", m.Passes, m.Records, m.Passed)
		}
		out = struct {
			Set string `json:"set"`
			evev.UnitMetrics
		}{"petr-unit", m}
	case "ecbplus":
		m, err := evev.EvaluateECB(filepath.Join(dir, "cluster-ecbplus"), *split, eventdoc.NewAnalyser())
		if err != nil {
			return err
		}
		if !*asJSON {
			w := e.stdout
			fmt.Fprintf(w, "ECB+ %s: %d documents in %d stories, %d gold event mentions\n\n", *split, m.Docs, m.Stories, m.Mentions)
			fmt.Fprintf(w, "%-26s %6s %6s %6s %6s\n", "", "MUC", "B3", "CEAFe", "CoNLL")
			fmt.Fprintf(w, "%-26s %6.1f %6.1f %6.1f %6.1f\n", "event.Merge", 100*m.Scores.MUCF1, 100*m.Scores.B3F1, 100*m.Scores.CEAFeF1, 100*m.Scores.CoNLL)
			fmt.Fprintf(w, "%-26s %6.1f %6.1f %6.1f %6.1f\n", "same lemma in story", 100*m.Baseline.MUCF1, 100*m.Baseline.B3F1, 100*m.Baseline.CEAFeF1, 100*m.Baseline.CoNLL)
			if eventdoc.Panics > 0 {
				fmt.Fprintf(w, "(the entity stage panicked on %d documents: coded without actors)\n", eventdoc.Panics)
			}
		}
		out = struct {
			Set   string `json:"set"`
			Split string `json:"split"`
			evev.ECBMetrics
		}{"ecbplus", *split, m}
	default:
		return usageError{fmt.Sprintf("--set %q: want plover, petr2, petr-unit or ecbplus", *set)}
	}
	if *showErrors && *split == "dev" {
		for _, l := range errs {
			fmt.Fprintln(e.stdout, l)
		}
	}
	if *asJSON {
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, string(b))
	}
	return nil
}
