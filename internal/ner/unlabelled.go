package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/eval/conll"
	"github.com/sitrep/sitrep/internal/text"
)

// UnlabelledText gathers tokenized sentences for word clusters from
// non-test data only: the given CoNLL documents (train and dev), the
// WikiANN train split, PolNeAR's train articles and ECB+'s train documents.
// Missing optional files are skipped.
func UnlabelledText(evalDir string, docs ...[]conll.Document) ([][]string, error) {
	var out [][]string
	for _, ds := range docs {
		for _, d := range ds {
			for _, s := range d.Sentences {
				out = append(out, s.Tokens)
			}
		}
	}
	for _, src := range []struct{ path, textField string }{
		{filepath.Join(evalDir, "quotes-polnear", "train.jsonl.gz"), "text"},
		{filepath.Join(evalDir, "cluster-ecbplus", "docs.jsonl"), "text"},
	} {
		texts, err := readJSONLTexts(src.path)
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return nil, err
		}
		var toks []text.Token
		var sents []text.Sentence
		for _, t := range texts {
			toks, sents = text.Split(t, toks, sents)
			for _, s := range sents {
				ws := make([]string, 0, s.TokEnd-s.TokStart)
				for _, tk := range toks[s.TokStart:s.TokEnd] {
					ws = append(ws, tk.Text(t))
				}
				out = append(out, ws)
			}
		}
	}
	return out, nil
}

// readJSONLTexts returns the "text" of each train-split record, once per id.
func readJSONLTexts(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if filepath.Ext(path) == ".gz" {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		defer gz.Close()
		r = gz
	}
	dec := json.NewDecoder(bufio.NewReader(r))
	seen := map[string]bool{}
	var out []string
	for {
		var rec struct {
			ID    string `json:"id"`
			Split string `json:"split"`
			Text  string `json:"text"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if rec.Split != "train" || seen[rec.ID] {
			continue
		}
		seen[rec.ID] = true
		out = append(out, rec.Text)
	}
	return out, nil
}
