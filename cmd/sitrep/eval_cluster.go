package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/eval/cluster"
	"github.com/sitrep/sitrep/internal/story"
)

func init() {
	registerEval(&evalStage{
		name:    "cluster",
		summary: "event clustering on ECB+ sub-topics or NewsWCL50 events: B³, MUC, CEAF-e, CoNLL over shuffled orders",
		usage:   "[--set ecbplus|newswcl50|headlines] [--split train|dev|traindev|test] [--orders 5] [--batch 200] [--lead-only] [--threshold T] [--group-threshold T] [--storyline-threshold T] [--sweep T1,T2,...] [--json]",
		run:     runEvalCluster,
	})
}

func runEvalCluster(ctx context.Context, e *env, args []string) error {
	s := evalStages["cluster"]
	fs := newFlags(e, s.command())
	set := fs.String("set", "ecbplus", "gold set: ecbplus (sub-topics), newswcl50 (events) or headlines (UCI News Aggregator stories, a dated stream fed in time order)")
	split := fs.String("split", "test", "ECB+ split: train, dev, traindev or test (topics 36-45)")
	orders := fs.Int("orders", 5, "number of shuffled orders")
	thr := fs.Float64("threshold", 0, "event threshold (0: the default)")
	sweep := fs.String("sweep", "", "comma-separated event thresholds to compare (not allowed on the test split)")
	asJSON := fs.Bool("json", false, "print JSON")
	group := fs.Float64("group-threshold", 0, "average-link threshold for grouping a batch's articles (0: the default)")
	slth := fs.Float64("storyline-threshold", 0, "storyline threshold (0: the default)")
	lead := fs.Bool("lead-only", false, "keep only each document's first line, as its title (a stand-in for headline-only feeds)")
	batch := fs.Int("batch", 200, "articles per batch, as the corpus stage clusters them (1: one at a time, purely online)")
	bg := fs.String("background", "", "prime document frequencies with an ECB+ split (train, dev, traindev) before clustering")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	dir, err := sharedEvalDir()
	if err != nil {
		return err
	}
	var docs []cluster.Doc
	label := *set
	switch *set {
	case "ecbplus":
		switch *split {
		case "train", "dev", "traindev", "test":
		default:
			return usageError{"--split must be train, dev, traindev or test"}
		}
		docs, err = cluster.LoadECBPlus(filepath.Join(dir, "cluster-ecbplus"), *split)
		label += " " + *split
	case "newswcl50":
		docs, err = cluster.LoadNewsWCL50(filepath.Join(dir, "cluster-newswcl50"))
	case "headlines":
		docs, err = cluster.LoadHeadlines(filepath.Join(dir, "cluster-headlines"))
	default:
		return usageError{"--set must be ecbplus, newswcl50 or headlines"}
	}
	if err != nil {
		return err
	}
	if *lead {
		for i := range docs {
			first, _, _ := strings.Cut(strings.TrimSpace(docs[i].Title+"\n"+docs[i].Text), "\n")
			docs[i].Title, docs[i].Text = first, ""
		}
		label += " (first lines only)"
	}
	var back []cluster.Doc
	if *bg != "" {
		if *bg == "test" {
			return usageError{"--background test is not allowed"}
		}
		if back, err = cluster.LoadECBPlus(filepath.Join(dir, "cluster-ecbplus"), *bg); err != nil {
			return err
		}
	}
	ths := []float64{*thr}
	if *sweep != "" {
		if *set == "ecbplus" && *split == "test" || *set != "ecbplus" {
			return usageError{"--sweep tunes thresholds: use ECB+ train, dev or traindev, never a test set"}
		}
		ths = nil
		for _, f := range strings.Split(*sweep, ",") {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil {
				return usageError{"--sweep: " + err.Error()}
			}
			ths = append(ths, v)
		}
	}
	var results []cluster.Result
	for _, t := range ths {
		cfg := story.DefaultConfig()
		if t != 0 {
			cfg.EventThreshold = t
		}
		if *group != 0 {
			cfg.GroupThreshold = *group
		}
		if *slth != 0 {
			cfg.StorylineThreshold = *slth
		}
		r, err := cluster.Evaluate(docs, cfg, *orders, *batch, back...)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if *asJSON {
		if len(results) == 1 {
			return json.NewEncoder(e.stdout).Encode(results[0])
		}
		return json.NewEncoder(e.stdout).Encode(results)
	}
	for _, r := range results {
		fmt.Fprintf(e.stdout, "%s: %d documents, %d gold clusters, event threshold %.3f, %d shuffled orders, batches of %d\n",
			label, r.Docs, r.Gold, r.Config.EventThreshold, len(r.Runs), r.Batch)
		fmt.Fprintf(e.stdout, "  %-6s %7s %7s %7s %7s %7s %7s\n", "order", "B3 P", "B3 R", "B3 F1", "MUC F1", "CEAFe", "CoNLL")
		for _, x := range r.Runs {
			sc := x.Scores
			fmt.Fprintf(e.stdout, "  %-6d %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f   %d clusters, %.2fs\n", x.Seed,
				100*sc.B3P, 100*sc.B3R, 100*sc.B3F1, 100*sc.MUCF1, 100*sc.CEAFeF1, 100*sc.CoNLL, sc.PredClusters, x.Seconds)
		}
		fmt.Fprintf(e.stdout, "  B3 F1 min/mean/max %.1f / %.1f / %.1f   CoNLL mean %.1f   clusters %.0f..%.0f\n",
			100*r.B3F1.Min, 100*r.B3F1.Mean, 100*r.B3F1.Max, 100*r.CoNLL.Mean, r.Pred.Min, r.Pred.Max)
		if *set == "ecbplus" {
			st := r.Runs[0].Storylines
			fmt.Fprintf(e.stdout, "  storylines vs gold topics (order 1): B3 P/R/F1 %.1f / %.1f / %.1f, %d storylines\n",
				100*st.B3P, 100*st.B3R, 100*st.B3F1, st.PredClusters)
			if *split == "test" {
				fmt.Fprintln(e.stdout, "  reference: Barhom et al. 2019 K-means (offline, cluster count tuned), sub-topics B3 P/R/F1 97.1 / 96.5 / 96.8")
			}
		}
	}
	return nil
}
