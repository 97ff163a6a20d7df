package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// ZyteItem is one page of the Zyte benchmark with its annotated body.
type ZyteItem struct {
	Page
	Body string // human-annotated article body
}

// LoadZyte reads dir (…/eval/extract-scrapinghub): ground-truth.json and the
// gzip-compressed pages html/<id>.html.gz. Items are sorted by id.
func LoadZyte(dir string) ([]ZyteItem, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return nil, fmt.Errorf("ground-truth.json: %w", err)
	}
	items := make([]ZyteItem, 0, len(gt))
	for id, g := range gt {
		page, err := readGzipFile(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		items = append(items, ZyteItem{Page: Page{ID: id, URL: g.URL, HTML: page}, Body: g.ArticleBody})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
	return items, nil
}

// ZytePages returns the pages of items.
func ZytePages(items []ZyteItem) []Page {
	pages := make([]Page, len(items))
	for i, it := range items {
		pages[i] = it.Page
	}
	return pages
}

// LoadZyteOutputs reads a published system output (reference-outputs/<name>.json.gz,
// or an uncompressed .json): either {id: {"articleBody": ...}} or the same map
// wrapped as {"version": ..., "output": {...}}.
func LoadZyteOutputs(path string) (map[string]string, error) {
	var raw []byte
	var err error
	if strings.HasSuffix(path, ".gz") {
		raw, err = readGzipFile(path)
	} else {
		raw, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	type body struct {
		ArticleBody string `json:"articleBody"`
	}
	var wrapped struct {
		Output map[string]body `json:"output"`
	}
	m := map[string]body{}
	if err := json.Unmarshal(raw, &wrapped); err == nil && wrapped.Output != nil {
		m = wrapped.Output
	} else if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]string, len(m))
	for id, b := range m {
		out[id] = b.ArticleBody
	}
	return out, nil
}

// ScoreZyte applies the benchmark's metric to predictions (a missing id
// counts as an empty prediction): per page, TP/FP/FN are multiset overlaps
// of 4-token \w+ shingles normalised to sum to 1; precision and recall are
// means over pages (pages with TP+FP = 0 are left out of precision, pages
// with TP+FN = 0 out of recall), F1 is the harmonic mean of those means, and
// accuracy is the share of pages whose \w+ token sequence equals the gold one.
func ScoreZyte(items []ZyteItem, pred map[string]string) Scores {
	var sumP, sumR float64
	var nP, nR, exact int
	for _, it := range items {
		p := pred[it.ID]
		tp, fp, fn := ZyteShingleMatch(it.Body, p)
		if pr, ok := zytePrecision(tp, fp, fn); ok {
			sumP += pr
			nP++
		}
		if rc, ok := zyteRecall(tp, fp, fn); ok {
			sumR += rc
			nR++
		}
		if zyteTokensEqual(it.Body, p) {
			exact++
		}
	}
	s := Scores{Set: "zyte", Pages: len(items)}
	if nP > 0 {
		s.Precision = sumP / float64(nP)
	}
	if nR > 0 {
		s.Recall = sumR / float64(nR)
	}
	s.F1 = f1(s.Precision, s.Recall)
	if len(items) > 0 {
		s.Accuracy = float64(exact) / float64(len(items))
	}
	return s
}

// zytePrecision is TP/(TP+FP) with the benchmark's conventions; ok is false
// when the page is left out of the mean (TP+FP = 0).
func zytePrecision(tp, fp, fn float64) (float64, bool) {
	if fp == 0 && fn == 0 {
		return 1, true
	}
	if tp+fp == 0 {
		return 0, false
	}
	return tp / (tp + fp), true
}

// zyteRecall is TP/(TP+FN); ok is false when TP+FN = 0.
func zyteRecall(tp, fp, fn float64) (float64, bool) {
	if fp == 0 && fn == 0 {
		return 1, true
	}
	if tp+fn == 0 {
		return 0, false
	}
	return tp / (tp + fn), true
}

// ZyteShingleMatch returns the normalised (TP, FP, FN) of 4-token shingle
// multisets of gold and pred; all three are 0 when both texts have no token.
func ZyteShingleMatch(gold, pred string) (tp, fp, fn float64) {
	g := zyteShingles(gold)
	p := zyteShingles(pred)
	var itp, ifp, ifn int
	for k, gc := range g {
		pc := p[k]
		itp += min(gc, pc)
		ifn += max(0, gc-pc)
	}
	for k, pc := range p {
		ifp += max(0, pc-g[k])
	}
	sum := float64(itp + ifp + ifn)
	if sum == 0 {
		return 0, 0, 0
	}
	return float64(itp) / sum, float64(ifp) / sum, float64(ifn) / sum
}

// zyteShingles counts the 4-token shingles of text (one shorter shingle when
// it has 1-3 tokens, none when it has no token).
func zyteShingles(text string) map[string]int {
	const n = 4
	toks := ZyteTokens(text)
	out := map[string]int{}
	if len(toks) == 0 {
		return out
	}
	if len(toks) < n {
		out[strings.Join(toks, "\x00")]++
		return out
	}
	for i := 0; i+n <= len(toks); i++ {
		out[strings.Join(toks[i:i+n], "\x00")]++
	}
	return out
}

// ZyteTokens splits text into maximal runs of Python-3 `\w` characters:
// Unicode letters, numbers and the underscore.
func ZyteTokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r))
	})
}

func zyteTokensEqual(a, b string) bool {
	ta, tb := ZyteTokens(a), ZyteTokens(b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return false
		}
	}
	return true
}

func readGzipFile(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
