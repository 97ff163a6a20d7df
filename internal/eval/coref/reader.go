package coref

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Span is a byte range [Start, End) of Doc.Text.
type Span struct{ Start, End int }

// Mention is a gold entity mention.
type Mention struct {
	Span
	Sentence int    // index into Doc.Sentences
	Tag      string // ECB+ tag: HUMAN_PART_PER, LOC_GEO, ...
	Cluster  string // gold chain (cross-document ids are shared by documents)
	Text     string
}

// Doc is one ECB+ document: its tokens joined by spaces, one sentence a
// line, and its named entity mentions in the annotated sentences.
type Doc struct {
	ID        string
	Topic     int
	Subtopic  string
	Text      string
	Sentences []Span
	Mentions  []Mention
}

type docLine struct {
	ID             string `json:"id"`
	Topic          int    `json:"topic"`
	Subtopic       string `json:"subtopic"`
	Split          string `json:"split"`
	SentenceIDs    []int  `json:"sentence_ids"`
	CorefSentences []int  `json:"coref_sentences"`
	Text           string `json:"text"`
}

type mentionLine struct {
	Doc          string `json:"doc"`
	Type         string `json:"type"`
	Tag          string `json:"tag"`
	Sentence     int    `json:"sentence"`
	TokenNumbers []int  `json:"token_numbers"`
	Text         string `json:"text"`
	Cluster      string `json:"cluster"`
	InCoref      bool   `json:"in_coref_sentences"`
}

// LoadECBPlus reads the documents of a split (train, dev or test, the
// standard setup) from the cluster-ecbplus folder, keeping the named
// entity mentions (see Named) of the annotated sentences.
func LoadECBPlus(dir, split string) ([]Doc, error) {
	var docs []Doc
	index := map[string]int{}
	tokens := map[string][][]Span{} // doc -> line -> token spans
	lineOf := map[string]map[int]int{}
	err := readJSONL(filepath.Join(dir, "docs.jsonl"), func(b []byte) error {
		var d docLine
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		if d.Split != split {
			return nil
		}
		doc := Doc{ID: d.ID, Topic: d.Topic, Subtopic: d.Subtopic, Text: d.Text}
		lines := strings.Split(d.Text, "\n")
		off := 0
		var toks [][]Span
		lineOf[d.ID] = map[int]int{}
		for i, l := range lines {
			doc.Sentences = append(doc.Sentences, Span{off, off + len(l)})
			var ts []Span
			p := off
			for _, w := range strings.Split(l, " ") {
				ts = append(ts, Span{p, p + len(w)})
				p += len(w) + 1
			}
			toks = append(toks, ts)
			if i < len(d.SentenceIDs) {
				lineOf[d.ID][d.SentenceIDs[i]] = i
			}
			off += len(l) + 1
		}
		index[d.ID] = len(docs)
		tokens[d.ID] = toks
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("coref: no %s documents in %s", split, dir)
	}
	err = readJSONL(filepath.Join(dir, "mentions.jsonl.gz"), func(b []byte) error {
		var m mentionLine
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		di, ok := index[m.Doc]
		if !ok || m.Type != "entity" || !m.InCoref || strings.HasPrefix(m.Tag, "TIME") || len(m.TokenNumbers) == 0 {
			return nil
		}
		line, ok := lineOf[m.Doc][m.Sentence]
		if !ok {
			return nil
		}
		toks := tokens[m.Doc][line]
		first, last := m.TokenNumbers[0], m.TokenNumbers[len(m.TokenNumbers)-1]
		if first < 0 || last >= len(toks) || last < first {
			return nil
		}
		d := &docs[di]
		var words []string
		for _, t := range toks[first : last+1] {
			words = append(words, d.Text[t.Start:t.End])
		}
		if !Named(words) {
			return nil
		}
		d.Mentions = append(d.Mentions, Mention{Span: Span{toks[first].Start, toks[last].End}, Sentence: line,
			Tag: m.Tag, Cluster: m.Cluster, Text: d.Text[toks[first].Start:toks[last].End]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// connectors may appear in lower case inside a name.
var connectors = map[string]bool{"of": true, "the": true, "and": true, "de": true, "al": true, "for": true,
	"'s": true, "&": true, "-": true, "du": true, "von": true, "van": true, "der": true, "la": true, "on": true, "in": true}

// notNames are capitalised words that begin mentions without naming.
var notNames = map[string]bool{"He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"His": true, "Her": true, "Their": true, "Its": true, "The": true, "A": true, "An": true, "This": true,
	"That": true, "These": true, "Those": true, "You": true, "Our": true, "My": true}

// Named reports whether a mention's words make a proper name: every word
// capitalised (or a connector such as "of" or "al") and at least one
// capitalised word that is not a pronoun or determiner.
func Named(words []string) bool {
	named := false
	for i, w := range words {
		if w == "" {
			return false
		}
		c := w[0]
		switch {
		case c >= 'A' && c <= 'Z':
			if !notNames[w] {
				named = true
			} else if i > 0 {
				return false
			}
		case c >= '0' && c <= '9':
		case connectors[w] || connectors[strings.ToLower(w)] && i > 0:
		case strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-"):
			named = true
		default:
			return false
		}
	}
	return named
}

func readJSONL(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		defer gz.Close()
		r = gz
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return sc.Err()
}
