package endtoend

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Mention is a gold mention: a byte span of WCLDoc.Text and its chain.
type Mention struct {
	Start, End int
	Chain      string // e.g. "0_USA_Trump_ACTOR" (chains are per event)
	Type       string // ACTOR, ACTOR-I, COUNTRY, GROUP, OBJECT, EVENT, ACTION, MISC
	Text       string
}

// Entity is the chain's name without its event prefix ("USA_Trump_ACTOR"),
// which is how one real entity is named in every event it appears in.
func (m Mention) Entity() string {
	_, rest, ok := strings.Cut(m.Chain, "_")
	if !ok {
		return m.Chain
	}
	return rest
}

// WCLDoc is one NewsWCL50 article rebuilt from its tokens.
type WCLDoc struct {
	ID        string
	Event     int
	Split     string // split_zhukova: train, val or test
	Outlet    string
	URL       string
	Published time.Time // the date in the URL, zero when it has none
	Title     string
	Text      string // the body: paragraphs one a line
	Mentions  []Mention
}

// LoadNewsWCL50 reads cluster-newswcl50: the texts are rebuilt from the
// tokens of NewsWCL50_cdcr.conll.gz (so the gold mentions have byte
// offsets), the first paragraph is the title where docs.jsonl has one,
// and the gold mentions of the body are kept (a title's are dropped: the
// stored article keeps its title apart from its text).
func LoadNewsWCL50(dir string) ([]WCLDoc, error) {
	type meta struct {
		ID     string `json:"id"`
		Event  int    `json:"event"`
		Outlet string `json:"outlet"`
		URL    string `json:"url"`
		Split  string `json:"split_zhukova"`
		Title  string `json:"title"`
	}
	metas := map[string]meta{}
	var order []string
	if err := eachLine(filepath.Join(dir, "docs.jsonl"), false, func(b []byte) error {
		var m meta
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		metas[m.ID] = m
		order = append(order, m.ID)
		return nil
	}); err != nil {
		return nil, err
	}
	toks, err := readWCLTokens(filepath.Join(dir, "NewsWCL50_cdcr.conll.gz"))
	if err != nil {
		return nil, err
	}
	type key struct {
		doc       string
		sent, tok int
	}
	var docs []WCLDoc
	spans := map[key][2]int{} // token -> byte span in Text (-1 for the title)
	for _, id := range order {
		m := metas[id]
		d := WCLDoc{ID: id, Event: m.Event, Split: m.Split, Outlet: m.Outlet, URL: m.URL, Published: URLDate(m.URL)}
		var b strings.Builder
		titleDone := m.Title == ""
		var title strings.Builder
		prev := ""
		quoteOpen := false
		for _, t := range toks[id] {
			if t.text == "\\n" || t.text == "\n" {
				if !titleDone {
					if title.Len() > 0 {
						titleDone = true
					}
				} else if b.Len() > 0 {
					b.WriteByte('\n')
				}
				prev = ""
				continue
			}
			w := &b
			if !titleDone {
				w = &title
			}
			if prev != "" && spaceBefore(prev, t.text, quoteOpen) {
				w.WriteByte(' ')
			}
			if t.text == "\"" {
				quoteOpen = !quoteOpen
			}
			start := w.Len()
			w.WriteString(t.text)
			if titleDone {
				spans[key{id, t.sent, t.tok}] = [2]int{start, w.Len()}
			} else {
				spans[key{id, t.sent, t.tok}] = [2]int{-1, -1}
			}
			prev = t.text
		}
		d.Title, d.Text = title.String(), strings.TrimRight(b.String(), "\n")
		docs = append(docs, d)
	}
	idx := map[string]int{}
	for i, d := range docs {
		idx[d.ID] = i
	}
	type mline struct {
		Doc        string `json:"doc"`
		Chain      string `json:"chain"`
		Type       string `json:"chain_type"`
		Sent       int    `json:"sent_id"`
		TokenStart int    `json:"token_start"`
		TokenEnd   int    `json:"token_end"`
		Text       string `json:"text"`
	}
	err = eachLine(filepath.Join(dir, "mentions.jsonl.gz"), true, func(b []byte) error {
		var ml mline
		if err := json.Unmarshal(b, &ml); err != nil {
			return err
		}
		i, ok := idx[ml.Doc]
		if !ok {
			return nil
		}
		s, ok1 := spans[key{ml.Doc, ml.Sent, ml.TokenStart}]
		e, ok2 := spans[key{ml.Doc, ml.Sent, ml.TokenEnd}]
		if !ok1 || !ok2 || s[0] < 0 || e[1] <= s[0] {
			return nil // in the title, or not on a token
		}
		docs[i].Mentions = append(docs[i].Mentions, Mention{Start: s[0], End: e[1], Chain: ml.Chain, Type: ml.Type, Text: docs[i].Text[s[0]:e[1]]})
		return nil
	})
	if err == nil && len(docs) == 0 {
		err = fmt.Errorf("newswcl50: no documents in %s", dir)
	}
	return docs, err
}

// spaceBefore decides whether a space goes between two tokens of the
// space-joined gold text, so that the rebuilt text reads like the article
// ("Kim Jong-un", "Trump's", "(AP)").
func spaceBefore(prev, tok string, quoteOpen bool) bool {
	switch tok {
	case ",", ".", ";", ":", "?", "!", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", ")", "]", "%", "’", "”", "'":
		return false
	case "-":
		return false
	case "\"":
		return !quoteOpen // an opening quote has a space before it
	}
	switch prev {
	case "(", "[", "$", "-", "“", "‘", "`", "``":
		return false
	case "\"":
		return !quoteOpen // after an opening quote: no space
	}
	return true
}

type wclToken struct {
	sent, tok int
	text      string
}

// readWCLTokens reads the CoNLL file: doc -> tokens in order.
func readWCLTokens(path string) (map[string][]wclToken, error) {
	out := map[string][]wclToken{}
	err := eachLine(path, true, func(b []byte) error {
		line := string(b)
		if line == "" || strings.HasPrefix(line, "#") {
			return nil
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return nil
		}
		parts := strings.Split(f[0], "/")
		doc := parts[len(parts)-1]
		s, err1 := strconv.Atoi(f[1])
		t, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad token line %q", line)
		}
		out[doc] = append(out[doc], wclToken{s, t, f[3]})
		return nil
	})
	return out, err
}

var urlDate = regexp.MustCompile(`/(20\d\d)/(\d\d)/(\d\d)/`)

// URLDate is the date a news URL carries ("/2018/04/17/"), or zero.
func URLDate(u string) time.Time {
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return time.Time{}
	}
	return t
}

// eachLine calls fn with each line of a (gzipped) file.
func eachLine(path string, gz bool, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var sc *bufio.Scanner
	if gz {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		sc = bufio.NewScanner(zr)
	} else {
		sc = bufio.NewScanner(f)
	}
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
