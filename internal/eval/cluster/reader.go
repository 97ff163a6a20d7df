package cluster

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Doc is one gold document: its text and its gold cluster label.
type Doc struct {
	ID     string
	Title  string
	Text   string
	Outlet string
	URL    string // headlines only
	Gold   string // the cluster the document belongs to
	Topic  string // coarser grouping (ECB+ topic), "" when none
	// Published is the time the document appeared (headlines only); when
	// every document has one, they are fed in time order.
	Published time.Time
}

// LoadECBPlus reads cluster-ecbplus/docs.jsonl and keeps the documents of
// the standard split ("train", "dev", "test"; "traindev" for both of the
// first two). Gold is the sub-topic ("36_ecb"/"36_ecbplus"), Topic the topic.
func LoadECBPlus(dir, split string) ([]Doc, error) {
	type rec struct {
		ID       string  `json:"id"`
		Topic    int     `json:"topic"`
		Subtopic string  `json:"subtopic"`
		Split    string  `json:"split"`
		URL      *string `json:"url"`
		Text     string  `json:"text"`
	}
	var out []Doc
	err := readJSONL(filepath.Join(dir, "docs.jsonl"), func(line []byte) error {
		var r rec
		if err := json.Unmarshal(line, &r); err != nil {
			return err
		}
		if !(r.Split == split || (split == "traindev" && (r.Split == "train" || r.Split == "dev"))) {
			return nil
		}
		out = append(out, Doc{ID: r.ID, Text: detokenize(r.Text), Gold: r.Subtopic, Topic: fmt.Sprint(r.Topic)})
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("ecbplus: no documents in split %q", split)
	}
	return out, err
}

// LoadNewsWCL50 reads cluster-newswcl50/docs.jsonl: 50 articles, Gold is
// the event number.
func LoadNewsWCL50(dir string) ([]Doc, error) {
	type rec struct {
		ID     string `json:"id"`
		Event  int    `json:"event"`
		Outlet string `json:"outlet"`
		Title  string `json:"title"`
		Text   string `json:"text"`
	}
	var out []Doc
	err := readJSONL(filepath.Join(dir, "docs.jsonl"), func(line []byte) error {
		var r rec
		if err := json.Unmarshal(line, &r); err != nil {
			return err
		}
		out = append(out, Doc{ID: r.ID, Title: detokenize(r.Title), Text: detokenize(r.Text), Outlet: r.Outlet, Gold: fmt.Sprint(r.Event)})
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("newswcl50: no documents")
	}
	return out, err
}

func readJSONL(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// detokenize undoes the space-joined tokenisation of the gold files well
// enough for capitalisation and sentence cues ("word , word" -> "word, word").
func detokenize(s string) string {
	r := strings.NewReplacer(" ,", ",", " .", ".", " ;", ";", " :", ":", " ?", "?", " !", "!",
		" 's", "'s", " n't", "n't", "( ", "(", " )", ")", "`` ", "\"", " ''", "\"")
	return r.Replace(s)
}

// LoadHeadlines reads the UCI News Aggregator sample of cluster-headlines:
// headlines with their publisher, time and the aggregator's story (Gold).
func LoadHeadlines(dir string) ([]Doc, error) {
	f, err := os.Open(filepath.Join(dir, "headlines_2014-06-13_to_19.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	type rec struct {
		ID        int64     `json:"id"`
		Title     string    `json:"title"`
		URL       string    `json:"url"`
		Publisher string    `json:"publisher"`
		Category  string    `json:"category"`
		Story     string    `json:"story"`
		Time      time.Time `json:"time"`
	}
	var out []Doc
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var r rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", f.Name(), n, err)
		}
		out = append(out, Doc{ID: fmt.Sprint(r.ID), Title: r.Title, URL: r.URL, Outlet: r.Publisher, Gold: r.Story, Topic: r.Category, Published: r.Time})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("headlines: no documents")
	}
	return out, nil
}
