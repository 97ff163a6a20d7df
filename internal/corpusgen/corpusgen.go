// Package corpusgen writes a real-text news corpus of any size as JSON
// Lines, for throughput benchmarks: the PolNeAR articles (or the ECB+
// documents) from the shared evaluation data, repeated as often as needed
// with shifted dates, changed titles and their own URLs, so every line is
// a distinct article to the store and later copies fall on later days, as
// a long crawl's would.
package corpusgen

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Source is one real article the corpus repeats.
type Source struct {
	ID, Outlet, Title, Text string
	Published               time.Time
}

// LoadPolNeAR reads the PolNeAR articles under evalDir
// (quotes-polnear/*.jsonl.gz), each once (the primary annotation), in a
// fixed order.
func LoadPolNeAR(evalDir string) ([]Source, error) {
	files, _ := filepath.Glob(filepath.Join(evalDir, "quotes-polnear", "*.jsonl.gz"))
	if len(files) == 0 {
		return nil, fmt.Errorf("corpusgen: no PolNeAR files under %s", evalDir)
	}
	var out []Source
	seen := map[string]bool{}
	for _, f := range files {
		err := eachLine(f, func(b []byte) error {
			var r struct {
				ID, Publisher, Date, Title, Text string
			}
			if err := json.Unmarshal(b, &r); err != nil {
				return err
			}
			if seen[r.ID] || strings.TrimSpace(r.Text) == "" {
				return nil
			}
			seen[r.ID] = true
			t, _ := time.Parse("2006-01-02", r.Date)
			out = append(out, Source{ID: r.ID, Outlet: r.Publisher, Title: r.Title, Text: r.Text, Published: t})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("corpusgen: %s: %w", f, err)
		}
	}
	return out, nil
}

// LoadECBPlus reads the ECB+ documents (cluster-ecbplus/docs.jsonl). They
// carry no dates or outlets: each gets the day of its topic.
func LoadECBPlus(evalDir string) ([]Source, error) {
	f := filepath.Join(evalDir, "cluster-ecbplus", "docs.jsonl")
	var out []Source
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	err := eachLine(f, func(b []byte) error {
		var r struct {
			DocName string `json:"doc_name"`
			Topic   int
			Text    string
		}
		if err := json.Unmarshal(b, &r); err != nil {
			return err
		}
		title, _, _ := strings.Cut(strings.TrimSpace(r.Text), "\n")
		out = append(out, Source{ID: r.DocName, Outlet: "ecbplus", Title: title, Text: r.Text, Published: base.AddDate(0, 0, 3*r.Topic)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpusgen: %s: %w", f, err)
	}
	return out, nil
}

func eachLine(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}

// Shift is how far each repetition of the sources moves in time: far
// enough that a copy is a new story, not a late member of the original's.
const Shift = 45 * 24 * time.Hour

// titleMarks vary the headline of each repetition.
var titleMarks = []string{"", "Update: ", "Analysis: ", "Explainer: ", "What we know: ", "Live: ", "Opinion: ", "Briefing: "}

// UpdateMark starts the line that makes a repetition's text differ from
// its source's.
const UpdateMark = "\n\nUpdated "

// BaseText is the source text of a generated article's text (after
// cleaning, which keeps paragraphs): its text without the update line.
func BaseText(text string) string {
	if i := strings.LastIndex(text, UpdateMark); i >= 0 && strings.Count(text[i+len(UpdateMark):], "\n") == 0 {
		return text[:i]
	}
	return text
}

// Line is the JSON Lines record Write emits.
type Line struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Outlet    string `json:"outlet"`
}

// Article returns the i-th article of the generated corpus: source
// i mod len(srcs), in repetition i / len(srcs).
func Article(srcs []Source, i int) Line {
	s := srcs[i%len(srcs)]
	rep := i / len(srcs)
	title := s.Title
	if rep > 0 {
		title = titleMarks[rep%len(titleMarks)] + title
		if rep >= len(titleMarks) {
			title += fmt.Sprintf(" (%d)", rep/len(titleMarks)+1)
		}
	}
	pub := s.Published.Add(time.Duration(rep) * Shift)
	text := s.Text
	if rep > 0 {
		// a different text, or the store keeps one copy; at the end, so
		// the source's analysis still fits it (see BaseText)
		text += UpdateMark + pub.Format("January 2, 2006") + "."
	}
	return Line{
		URL:       fmt.Sprintf("https://%s.example/%d/%s", slug(s.Outlet), rep, slug(s.ID)),
		Title:     title,
		Text:      text,
		Published: pub.UTC().Format(time.RFC3339),
		Outlet:    s.Outlet,
	}
}

// Write writes articles [from, to) of the generated corpus to w.
func Write(w io.Writer, srcs []Source, from, to int) error {
	if len(srcs) == 0 {
		return fmt.Errorf("corpusgen: no source articles")
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	for i := from; i < to; i++ {
		if err := enc.Encode(Article(srcs, i)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// FindEval locates the shared evaluation data: $SITREP_SHARED/eval, else
// ../shared/eval above the working directory. "" when there is none.
func FindEval() string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return filepath.Join(d, "eval")
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared", "eval")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return filepath.Clean(p)
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}
