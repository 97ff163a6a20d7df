package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"time"

	"github.com/sitrep/sitrep/internal/eval/endtoend"
	"github.com/sitrep/sitrep/internal/eval/timeml"
)

func init() {
	registerEval(&evalStage{
		name:    "time",
		summary: "time expressions on TempEval-3 (TBAQ train, Platinum test): strict/relaxed extent F1, type accuracy, value F1",
		usage:   "[--set train|test] [--json] [--errors] [--wcl] [--dates-only]",
		run:     runEvalTime,
	})
}

func runEvalTime(ctx context.Context, e *env, args []string) error {
	s := evalStages["time"]
	fs := newFlags(e, s.command())
	set := fs.String("set", "test", "split: train (TBAQ-cleaned, development) or test (TE3 Platinum)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	errs := fs.Bool("errors", false, "list every missed, spurious or mis-normalised expression")
	wcl := fs.Bool("wcl", false, "also ingest NewsWCL50 without dates (train+val events with --set train, test events with --set test) and score the estimated publication dates against the dates in the URLs")
	datesOnly := fs.Bool("dates-only", false, "with --errors: list each document's estimated and true publication date only")
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
	var wm *wclDates
	if *wcl {
		if wm, err = evalWCLDates(ctx, filepath.Join(dir, "cluster-newswcl50"), *set); err != nil {
			return err
		}
	}
	if *errs && *datesOnly {
		for _, l := range timeml.DCTErrors(docs) {
			fmt.Fprintln(e.stdout, l)
		}
		if wm != nil {
			for _, l := range wm.Lines {
				fmt.Fprintln(e.stdout, l)
			}
		}
		mism = nil
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(map[string]any{
			"set": *set, "docs": m.Docs, "gold": m.Gold, "system": m.System,
			"strict_p": m.StrictP, "strict_r": m.StrictR, "strict_f1": m.StrictF1,
			"relaxed_p": m.RelaxedP, "relaxed_r": m.RelaxedR, "relaxed_f1": m.RelaxedF1,
			"type_accuracy": m.TypeAccuracy, "value_accuracy": m.ValueAccuracy,
			"type_f1": m.TypeF1, "value_p": m.ValueP, "value_r": m.ValueR, "value_f1": m.ValueF1,
			"seconds": el.Seconds(), "dct_estimate": dm, "newswcl50_dates": wm,
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
	fmt.Fprintf(e.stdout, "  in range %.3f, within 31 days %.3f, ranges given %d, mean confidence %.2f\n", dm.InRange, dm.Within31, dm.Ranges, dm.MeanConf)
	if wm != nil {
		fmt.Fprintf(e.stdout, "NewsWCL50 %s through ingest, dates hidden: %d documents with a date in the URL (%d without), estimated %d (%d as a range): within 1 day %d, 7 days %d, 31 days %d, in range %d, off by a year or more %d\n",
			wm.Part, wm.Docs, wm.NoGold, wm.Estimated, wm.Ranges, wm.Within1, wm.Within7, wm.Within31, wm.InRange, wm.OffYear)
	}
	return nil
}

// wclDates scores the publication dates ingest estimates for NewsWCL50's
// texts given without their dates, against the dates in their URLs.
type wclDates struct {
	Part      string   `json:"part"`
	Docs      int      `json:"docs"`    // with a date in the URL
	NoGold    int      `json:"no_gold"` // without one (not scored)
	Estimated int      `json:"estimated"`
	Ranges    int      `json:"ranges"` // estimates with an upper bound
	Within1   int      `json:"within_1d"`
	Within7   int      `json:"within_7d"`
	Within31  int      `json:"within_31d"`
	InRange   int      `json:"in_range"`
	OffYear   int      `json:"off_by_a_year_or_more"`
	Lines     []string `json:"-"`
}

func evalWCLDates(ctx context.Context, dir, set string) (*wclDates, error) {
	all, err := endtoend.LoadNewsWCL50(dir)
	if err != nil {
		return nil, err
	}
	part := "train+val"
	if set == "test" {
		part = "test"
	}
	var docs []endtoend.WCLDoc
	var recs []pipeRecord
	for _, d := range all {
		if (d.Split == "test") != (set == "test") {
			continue
		}
		docs = append(docs, d)
		recs = append(recs, pipeRecord{Title: d.Title, Text: d.Text})
	}
	r, err := ingestThrough(ctx, recs)
	if err != nil {
		return nil, err
	}
	w := &wclDates{Part: part}
	for i, d := range docs {
		s := r.arts[i]
		if d.Published.IsZero() {
			w.NoGold++
			continue
		}
		w.Docs++
		if s == nil || s.Published.IsZero() {
			w.Lines = append(w.Lines, fmt.Sprintf("wcl %-6s gold %s  none", d.ID, d.Published.Format("2006-01-02")))
			continue
		}
		w.Estimated++
		days := math.Abs(s.Published.Sub(d.Published).Hours() / 24)
		if days <= 1.5 {
			w.Within1++
		}
		if days <= 7.5 {
			w.Within7++
		}
		if days <= 31.5 {
			w.Within31++
		}
		if days >= 365 {
			w.OffYear++
		}
		lo, hi := s.Published, evidenceLatest(s.PublishedEvidence)
		if !hi.IsZero() {
			w.Ranges++
		}
		if !d.Published.Before(lo.AddDate(0, 0, -1)) && (hi.IsZero() || !d.Published.After(hi.AddDate(0, 0, 1))) {
			w.InRange++
		}
		w.Lines = append(w.Lines, fmt.Sprintf("wcl %-6s gold %s  est %s..%s  %s", d.ID, d.Published.Format("2006-01-02"),
			lo.Format("2006-01-02"), fmtDayOrOpen(hi), s.PublishedEvidence))
	}
	return w, nil
}

func fmtDayOrOpen(t time.Time) string {
	if t.IsZero() {
		return "open"
	}
	return t.Format("2006-01-02")
}

var reBetween = regexp.MustCompile(`between \d{4}-\d\d-\d\d and (\d{4}-\d\d-\d\d)`)

// evidenceLatest reads the upper bound of an estimated date's range from
// its evidence line ("between 2018-04-17 and 2018-04-23, from …").
func evidenceLatest(ev string) time.Time {
	if m := reBetween.FindStringSubmatch(ev); m != nil {
		t, _ := time.Parse("2006-01-02", m[1])
		return t
	}
	return time.Time{}
}
