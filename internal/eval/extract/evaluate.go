package extract

import (
	"context"
	"path/filepath"
)

// System is a named extractor to evaluate.
type System struct {
	Name    string
	Extract Extractor
}

// EvaluateZyte loads the Zyte set from evalDir/extract-scrapinghub and scores
// each system on it, running workers extractions at a time.
func EvaluateZyte(ctx context.Context, evalDir string, systems []System, workers int) ([]Scores, error) {
	items, err := LoadZyte(filepath.Join(evalDir, "extract-scrapinghub"))
	if err != nil {
		return nil, err
	}
	pages := ZytePages(items)
	var out []Scores
	for _, sys := range systems {
		pred, err := Run(ctx, pages, sys.Extract, workers)
		if err != nil {
			return out, err
		}
		s := ScoreZyte(items, pred.Text)
		s.System, s.Errors = sys.Name, len(pred.Failed)
		out = append(out, s)
	}
	return out, nil
}

// EvaluateTrafilatura loads the trafilatura set from
// evalDir/extract-trafilatura and scores each system on it.
func EvaluateTrafilatura(ctx context.Context, evalDir string, systems []System, workers int) ([]Scores, error) {
	items, err := LoadTrafilatura(filepath.Join(evalDir, "extract-trafilatura"))
	if err != nil {
		return nil, err
	}
	pages := TrafPages(items)
	var out []Scores
	for _, sys := range systems {
		pred, err := Run(ctx, pages, sys.Extract, workers)
		if err != nil {
			return out, err
		}
		s := ScoreTrafilatura(items, pred)
		s.System, s.Errors = sys.Name, len(pred.Failed)
		out = append(out, s)
	}
	return out, nil
}
