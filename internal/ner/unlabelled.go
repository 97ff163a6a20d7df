package ner

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/json"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

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

// ExtraUnlabelledText gathers more news-like text for word clusters, again
// from non-test data only: the PLOVER silver (synthetic) stories, the dev
// articles of the geoparsing sets (LGL, GeoWebNews, GeoVirus, TR-News) and
// the TempEval-3 training documents (TimeBank and AQUAINT news, XML tags
// stripped). Missing files are skipped.
func ExtraUnlabelledText(evalDir string) ([][]string, error) {
	var texts []string
	for _, path := range []string{
		filepath.Join(evalDir, "events-plover", "silver", "ngec_synthetic_stories.jsonl.gz"),
		filepath.Join(evalDir, "geo", "lgl", "dev.jsonl"),
		filepath.Join(evalDir, "geo", "geowebnews", "dev.jsonl"),
		filepath.Join(evalDir, "geo", "geovirus", "dev.jsonl"),
		filepath.Join(evalDir, "geo", "tr-news", "dev.jsonl"),
	} {
		t, err := readJSONLField(path, "")
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return nil, err
		}
		texts = append(texts, t...)
	}
	tml, err := readTMLTexts(filepath.Join(evalDir, "timex-tempeval3", "train", "TBAQ-cleaned.tar.gz"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	texts = append(texts, tml...)
	var out [][]string
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
	return out, nil
}

// readJSONLField returns the "text" of every record (of split, when not
// empty), once per id.
func readJSONLField(path, split string) ([]string, error) {
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
		if split != "" && rec.Split != split || seen[rec.ID] {
			continue
		}
		seen[rec.ID] = true
		out = append(out, rec.Text)
	}
	return out, nil
}

// readTMLTexts returns the TEXT element of every .tml file of a tar.gz,
// tags removed, in archive order.
func readTMLTexts(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	defer gz.Close()
	tr := tar.NewReader(gz)
	var out []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if !strings.HasSuffix(h.Name, ".tml") {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		s := string(b)
		if i := strings.Index(s, "<TEXT>"); i >= 0 {
			s = s[i+len("<TEXT>"):]
		}
		if i := strings.Index(s, "</TEXT>"); i >= 0 {
			s = s[:i]
		}
		out = append(out, html.UnescapeString(tagRE.ReplaceAllString(s, "")))
	}
	return out, nil
}

var tagRE = regexp.MustCompile(`<[^>]*>`)
