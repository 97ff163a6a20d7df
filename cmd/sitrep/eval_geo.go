package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/eval/toponyms"
	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/geo/geoeval"
)

func init() {
	registerEval(&evalStage{
		name:    "geo",
		summary: "toponym resolution on gold toponyms (LGL, TR-News, GeoWebNews, GeoVirus): acc@161, mean/median km, AUC",
		usage:   "[--set lgl|trnews|gwn|geovirus|all] [--split dev|test] [--json] [--errors] [--index FILE] [--pipeline] [--namesakes]",
		run:     runEvalGeo,
	})
}

func runEvalGeo(ctx context.Context, e *env, args []string) error {
	s := evalStages["geo"]
	fs := newFlags(e, s.command())
	set := fs.String("set", "all", "corpus: lgl, trnews, gwn (geowebnews), geovirus or all")
	split := fs.String("split", "dev", "half to score: dev or test")
	asJSON := fs.Bool("json", false, "print one JSON object per set")
	errs := fs.Bool("errors", false, "also print every scored toponym placed more than 161 km off (tab-separated)")
	index := fs.String("index", "", "a compiled base gazetteer index file to use instead of the embedded one (the embedded overlay is layered on it where built for the same record count)")
	pipeline := fs.Bool("pipeline", false, "score the whole place pipeline instead: recognition by the analysis stage, then resolution (end to end)")
	namesakes := fs.Bool("namesakes", false, "instead: list the places of the NewsWCL50 articles that landed on a town of under 100,000 people (where famous non-places and metonyms sent to namesake towns show; read by hand)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *namesakes {
		dir, err := sharedEvalDir()
		if err != nil {
			return err
		}
		r, err := toponyms.Namesakes(analyse.New(), filepath.Join(dir, "cluster-newswcl50", "docs.jsonl"))
		if err != nil {
			return err
		}
		for _, n := range r.Namesakes {
			fmt.Fprintf(e.stdout, "%s\t%s\t%s (%s %s, %d people)\n", n.DocID, n.Text, n.Place, n.Feature, n.Country, n.Population)
		}
		fmt.Fprintf(e.stdout, "newswcl50: %d articles, %d places, %d on a town of under 100,000 people\n", r.Docs, r.Places, len(r.Namesakes))
		return nil
	}
	if *split != "dev" && *split != "test" {
		return usageError{"--split must be dev or test"}
	}
	sets := geoeval.AllSets
	if *set != "all" {
		d, ok := geoeval.Sets[*set]
		if !ok {
			return usageError{fmt.Sprintf("unknown --set %q", *set)}
		}
		sets = []string{d}
	}
	dir, err := sharedEvalDir()
	if err != nil {
		return err
	}
	if *pipeline {
		return runEvalGeoPipeline(ctx, e, filepath.Join(dir, "geo"), sets, *split, *asJSON, *errs)
	}
	g, err := loadGeoIndex(*index)
	if err != nil {
		return err
	}
	if !*asJSON {
		fmt.Fprintf(e.stdout, "%-11s %-5s %5s %7s %7s %8s %6s %8s %8s %9s %9s %6s %11s\n",
			"set", "split", "docs", "scored", "no-cand", "fallback", "part", "extent", "acc@161", "mean km", "median km", "AUC", "toponyms/s")
	}
	enc := json.NewEncoder(e.stdout)
	for _, name := range sets {
		if err := ctx.Err(); err != nil {
			return err
		}
		docs, err := geoeval.ReadSplit(filepath.Join(dir, "geo"), name, *split)
		if err != nil {
			return err
		}
		t0 := time.Now()
		r, items := geoeval.Evaluate(g, geo.DefaultParams(), docs, *errs)
		el := time.Since(t0).Seconds()
		r.Set, r.Split = name, *split
		if n := geoeval.Mentions(docs); el > 0 {
			r.ToponymsPerS = float64(n) / el
		}
		if *asJSON {
			if err := enc.Encode(r); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(e.stdout, "%-11s %-5s %5d %7d %7d %8d %6d %8d %7.1f%% %9.0f %9.1f %6.3f %11.0f\n",
			r.Set, r.Split, r.Docs, r.Scored, r.NoCandidate, r.FallbackHits, r.PartHits, r.ExtentHits, 100*r.Acc161, r.MeanKm, r.MedianKm, r.AUC, r.ToponymsPerS)
		if *errs {
			for _, it := range geoeval.Misses(items, 161) {
				fmt.Fprintf(e.stdout, "  miss\t%s\t%s\t%s\t%s\n", name, it.DocID, it.Phrase, geoeval.FormatMiss(it))
			}
		}
	}
	return nil
}

// loadGeoIndex is the embedded gazetteer, or the base index file at path
// with the embedded overlay (physical features, landmarks) layered on it
// where the overlay fits that index, so that two builds of the base index
// compare with the same overlay.
func loadGeoIndex(path string) (*geo.Gazetteer, error) {
	if path == "" {
		return geo.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, err := geo.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := g.ApplyEmbeddedOverlay(); err != nil {
		fmt.Fprintf(os.Stderr, "eval geo: %s: without the overlay: %v\n", path, err)
	}
	return g, nil
}

// runEvalGeoPipeline scores recognition and resolution end to end, as
// articles go through the analysis stage (package toponyms).
func runEvalGeoPipeline(ctx context.Context, e *env, dir string, sets []string, split string, asJSON, errs bool) error {
	an := analyse.New()
	enc := json.NewEncoder(e.stdout)
	if !asJSON {
		fmt.Fprintf(e.stdout, "%-11s %-5s %5s %9s %7s %6s %6s %6s %12s %10s\n",
			"set", "split", "docs", "gold", "P exact", "P", "R", "F1", "acc@161 found", "acc@161 all")
	}
	for _, name := range sets {
		if err := ctx.Err(); err != nil {
			return err
		}
		docs, err := geoeval.ReadSplit(dir, name, split)
		if err != nil {
			return err
		}
		r, misses := toponyms.EvaluateMisses(an, docs)
		r.Set, r.Split = name, split
		if asJSON {
			if err := enc.Encode(r); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(e.stdout, "%-11s %-5s %5d %9d %7.1f %6.1f %6.1f %6.1f %12.1f%% %9.1f%%\n",
			name, split, r.Docs, r.Gold, 100*r.PExact, 100*r.P, 100*r.R, 100*r.F1, 100*r.AccFound, 100*r.AccAll)
		if errs {
			for _, m := range misses {
				if m.Found {
					fmt.Fprintf(e.stdout, "  wrong\t%s\t%s\t%s\t%s\t%.0f km\n", name, m.DocID, m.Phrase, m.Got, m.ErrKm)
				} else {
					fmt.Fprintf(e.stdout, "  notfound\t%s\t%s\t%s\n", name, m.DocID, m.Phrase)
				}
			}
		}
	}
	return nil
}
