package conll

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one sentence: parallel token and tag slices.
type Sentence struct {
	Tokens []string
	Tags   []string // IOB2 tags such as B-PER, I-ORG, O
}

// Document is a run of sentences between -DOCSTART- markers.
type Document struct {
	Sentences []Sentence
}

// Read parses a CoNLL file. The token is the first column and the NER tag the
// last; columns may be separated by spaces or tabs. A "lang:" prefix on the
// token (as in WikiANN, "en:Paris") is stripped. Files ending in .gz are
// decompressed. Files without -DOCSTART- lines yield a single document.
func Read(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	docs, err := Parse(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// Parse reads CoNLL columns from r; see Read.
func Parse(r io.Reader) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var docs []Document
	var cur Document
	var sent Sentence
	flushSent := func() {
		if len(sent.Tokens) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
			sent = Sentence{}
		}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
			cur = Document{}
		}
	}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flushSent()
			continue
		}
		if strings.HasPrefix(s, "-DOCSTART-") {
			flushDoc()
			continue
		}
		fields := strings.Fields(s)
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want at least 2 columns, got %q", line, s)
		}
		tok := fields[0]
		if len(tok) > 3 && tok[2] == ':' && tok[0] >= 'a' && tok[0] <= 'z' && tok[1] >= 'a' && tok[1] <= 'z' {
			tok = tok[3:]
		}
		tag := fields[len(fields)-1]
		if tag != "O" && !(len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
			return nil, fmt.Errorf("line %d: bad tag %q", line, tag)
		}
		sent.Tokens = append(sent.Tokens, tok)
		sent.Tags = append(sent.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}
