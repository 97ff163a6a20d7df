package extract

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// TrafItem is one page of the trafilatura evaluation set with its segments.
type TrafItem struct {
	Page
	With    []string // segments that must appear in the main text
	Without []string // boilerplate segments that must not appear
}

// LoadTrafilatura reads dir (…/eval/extract-trafilatura): gold.json and the
// pages it names, straight from pages.tar.gz. Items are sorted by path.
func LoadTrafilatura(dir string) ([]TrafItem, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return nil, err
	}
	var gold map[string]struct {
		Key     string   `json:"key"`
		With    []string `json:"with"`
		Without []string `json:"without"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		return nil, fmt.Errorf("gold.json: %w", err)
	}
	f, err := os.Open(filepath.Join(dir, "pages.tar.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("pages.tar.gz: %w", err)
	}
	defer zr.Close()
	tr := tar.NewReader(zr)
	items := make([]TrafItem, 0, len(gold))
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("pages.tar.gz: %w", err)
		}
		if hdr.Typeflag != tar.TypeReg {
			continue
		}
		name := strings.TrimPrefix(hdr.Name, "./")
		g, ok := gold[name]
		if !ok {
			continue
		}
		page, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("pages.tar.gz %s: %w", name, err)
		}
		url := g.Key
		if strings.HasPrefix(url, "hard::") {
			url = ""
		}
		items = append(items, TrafItem{Page: Page{ID: name, URL: url, HTML: page}, With: g.With, Without: g.Without})
	}
	if len(items) != len(gold) {
		return nil, fmt.Errorf("pages.tar.gz holds %d of the %d pages gold.json names", len(items), len(gold))
	}
	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
	return items, nil
}

// TrafPages returns the pages of items.
func TrafPages(items []TrafItem) []Page {
	pages := make([]Page, len(items))
	for i, it := range items {
		pages[i] = it.Page
	}
	return pages
}

// ScoreTrafilatura applies the set's metric: output and segments are
// whitespace-normalised; a `with` segment found as a substring is a TP (else
// FN), a `without` segment found is an FP (else TN). A page in failed (or
// missing from pred) counts every `with` as FN and every `without` as TN.
// Counts are summed over pages: P = TP/(TP+FP), R = TP/(TP+FN),
// accuracy = (TP+TN)/all, F1 = 2TP/(2TP+FP+FN).
func ScoreTrafilatura(items []TrafItem, pred Predictions) Scores {
	var tp, fp, fn, tn int
	for _, it := range items {
		text, ok := pred.Text[it.ID]
		if _, bad := pred.Failed[it.ID]; bad || !ok {
			fn += len(it.With)
			tn += len(it.Without)
			continue
		}
		norm := trafNormalize(text)
		for _, s := range it.With {
			if strings.Contains(norm, trafNormalize(s)) {
				tp++
			} else {
				fn++
			}
		}
		for _, s := range it.Without {
			if strings.Contains(norm, trafNormalize(s)) {
				fp++
			} else {
				tn++
			}
		}
	}
	s := Scores{Set: "trafilatura", Pages: len(items)}
	if tp+fp > 0 {
		s.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.Recall = float64(tp) / float64(tp+fn)
	}
	if d := 2*tp + fp + fn; d > 0 {
		s.F1 = float64(2*tp) / float64(d)
	}
	if all := tp + fp + fn + tn; all > 0 {
		s.Accuracy = float64(tp+tn) / float64(all)
	}
	return s
}

// trafNormalize collapses runs of whitespace to one space and trims.
func trafNormalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
