package polnear

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Span is a half-open byte range [Start, End) into an article's text.
type Span struct{ Start, End int }

// Attribution is one gold attribution relation. Content holds the content
// pieces (discontinuous spans and multiple content objects flattened, in
// text order). Source is empty when the attribution has no expressed source.
type Attribution struct {
	ID       string
	NoSource bool
	Source   []Span
	Cue      []Span
	Content  []Span
}

// Article is one primary-annotator article of a split.
type Article struct {
	ID           string
	Split        string
	Publisher    string
	Date         string
	Text         string
	Attributions []Attribution
}

type rawSpans struct {
	Spans [][2]int `json:"spans"`
	Text  string   `json:"text"`
}

type rawAttr struct {
	ID       string      `json:"id"`
	NoSource bool        `json:"no_source"`
	Source   *rawSpans   `json:"source"`
	Cue      *rawSpans   `json:"cue"`
	Content  []*rawSpans `json:"content"`
}

type rawDoc struct {
	ID           string    `json:"id"`
	Split        string    `json:"split"`
	Primary      bool      `json:"primary"`
	Publisher    string    `json:"publisher"`
	Date         string    `json:"date"`
	Text         string    `json:"text"`
	Attributions []rawAttr `json:"attributions"`
}

// Splits are the corpus's own splits.
var Splits = []string{"train", "dev", "test"}

// Load reads SPLIT.jsonl.gz from dir (the quotes-polnear folder) and returns
// the primary-annotator articles, with spans converted to byte offsets.
func Load(dir, split string) ([]Article, error) {
	ok := false
	for _, s := range Splits {
		ok = ok || s == split
	}
	if !ok {
		return nil, fmt.Errorf("polnear: unknown split %q (want train, dev or test)", split)
	}
	f, err := os.Open(filepath.Join(dir, split+".jsonl.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("polnear: %s: %w", split, err)
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []Article
	for line := 1; sc.Scan(); line++ {
		var d rawDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("polnear: %s line %d: %w", split, line, err)
		}
		if !d.Primary {
			continue
		}
		a, err := convert(&d)
		if err != nil {
			return nil, fmt.Errorf("polnear: %s %s: %w", split, d.ID, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("polnear: %s: %w", split, err)
	}
	return out, nil
}

// convert maps code-point offsets to byte offsets.
func convert(d *rawDoc) (Article, error) {
	// cp2b[i] is the byte offset of code point i; cp2b[n] = len(text).
	cp2b := make([]int, 0, len(d.Text)+1)
	for i := range d.Text {
		cp2b = append(cp2b, i)
	}
	cp2b = append(cp2b, len(d.Text))
	conv := func(r *rawSpans) ([]Span, error) {
		if r == nil {
			return nil, nil
		}
		var out []Span
		for _, p := range r.Spans {
			if p[0] < 0 || p[1] < p[0] || p[1] >= len(cp2b) {
				return nil, fmt.Errorf("span %v out of range", p)
			}
			out = append(out, Span{cp2b[p[0]], cp2b[p[1]]})
		}
		return out, nil
	}
	a := Article{ID: d.ID, Split: d.Split, Publisher: d.Publisher, Date: d.Date, Text: d.Text}
	for _, ra := range d.Attributions {
		g := Attribution{ID: ra.ID, NoSource: ra.NoSource}
		var err error
		if g.Source, err = conv(ra.Source); err != nil {
			return a, err
		}
		if g.Cue, err = conv(ra.Cue); err != nil {
			return a, err
		}
		for _, c := range ra.Content {
			s, err := conv(c)
			if err != nil {
				return a, err
			}
			g.Content = append(g.Content, s...)
		}
		sortSpans(g.Content)
		a.Attributions = append(a.Attributions, g)
	}
	return a, nil
}

func sortSpans(s []Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
