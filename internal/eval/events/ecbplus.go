package events

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/eval/cluster"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/story"
)

// ECBMetrics are the cross-document event coreference figures on the gold
// event mentions of a split, with a same-head-lemma-within-story baseline.
type ECBMetrics struct {
	Docs     int            `json:"docs"`
	Mentions int            `json:"mentions"`
	Scores   cluster.Scores `json:"scores"`
	CoNLLF1  float64        `json:"conll_f1"`
	Baseline cluster.Scores `json:"baseline_same_lemma"`
	// Stories is the number of stories the story clusterer made of the
	// documents: events merge only inside a story.
	Stories int `json:"stories"`
}

type ecbMention struct {
	Doc          string `json:"doc"`
	Type         string `json:"type"`
	Sentence     int    `json:"sentence"`
	TokenNumbers []int  `json:"token_numbers"`
	Text         string `json:"text"`
	Cluster      string `json:"cluster"`
	InCoref      bool   `json:"in_coref_sentences"`
}

type ecbDoc struct {
	ID          string `json:"id"`
	Split       string `json:"split"`
	SentenceIDs []int  `json:"sentence_ids"`
	Text        string `json:"text"`
}

// EvaluateECB clusters the split's documents into stories with the story
// clusterer, codes each document's sentences, and merges the gold event
// mentions inside each story with event.Merge: a mention's type is the
// verb-dictionary class of its head word (or the word's stem), its roles
// (compound lists included, as the pipeline merges them),
// status, place and date those of the coded event at the mention, if any.
// Scores are over all gold event mentions of the split's annotated
// sentences, singletons included.
func EvaluateECB(dir, split string, sz Sentencer) (ECBMetrics, error) {
	var m ECBMetrics
	docs, err := cluster.LoadECBPlus(dir, split)
	if err != nil {
		return m, err
	}
	raw, err := loadECBRaw(dir, split)
	if err != nil {
		return m, err
	}
	c := story.NewClusterer(story.DefaultConfig())
	sd := make([]story.Doc, len(docs))
	for i, d := range docs {
		sd[i] = story.Doc{ID: int64(i + 1), Title: d.Title, Text: d.Text}
	}
	as := c.AddBatch(sd)
	storyOf := map[string]int64{}
	docIdx := map[string]int{}
	stories := map[int64]bool{}
	for i, a := range as {
		s := c.Resolve(a.Event)
		storyOf[docs[i].ID] = s
		docIdx[docs[i].ID] = i
		stories[s] = true
	}
	m.Docs, m.Stories = len(docs), len(stories)
	ms, err := loadECBMentions(dir, raw)
	if err != nil {
		return m, err
	}
	coder := event.NewCoder()
	byStory := map[int64][]event.Mention{}
	baseKey := make([]string, len(ms))
	gold := make([]string, len(ms))
	// code each document once
	byDoc := map[string][]int{}
	for i, x := range ms {
		byDoc[x.Doc] = append(byDoc[x.Doc], i)
	}
	for docID, idx := range byDoc {
		d := raw[docID]
		lines := strings.Split(d.Text, "\n")
		lineStart := make([]int, len(lines))
		off := 0
		for i, l := range lines {
			lineStart[i] = off
			off += len(l) + 1
		}
		lineOf := map[int]int{}
		for i, s := range d.SentenceIDs {
			lineOf[s] = i
		}
		var coded []event.Event
		for _, s := range sz.Sentences(d.Text, time.Time{}) {
			coded = coder.Code(s, coded)
		}
		for _, mi := range idx {
			x := ms[mi]
			gold[mi] = x.Cluster
			li, ok := lineOf[x.Sentence]
			if !ok || li >= len(lines) {
				baseKey[mi] = "?" + strconv.Itoa(mi)
				continue
			}
			toks := strings.Split(lines[li], " ")
			starts := make([]int, len(toks))
			p := lineStart[li]
			for k, t := range toks {
				starts[k] = p
				p += len(t) + 1
			}
			var words []string
			span := event.Span{Start: -1}
			for _, tn := range x.TokenNumbers {
				if tn < 0 || tn >= len(toks) {
					continue
				}
				words = append(words, toks[tn])
				if span.Start < 0 {
					span.Start = starts[tn]
				}
				span.End = starts[tn] + len(toks[tn])
			}
			key := headKey(words)
			baseKey[mi] = strconv.FormatInt(storyOf[docID], 10) + "/" + stem(lastWord(words))
			e := event.Event{Type: key, Status: event.Asserted}
			for _, ce := range coded {
				if ce.VerbAt.Start < span.End && span.Start < ce.VerbAt.End {
					e.Source, e.Target, e.Place, e.Status = ce.Source, ce.Target, ce.Place, ce.Status
					e.AllSources, e.AllTargets = ce.AllSources, ce.AllTargets
					e.Date, e.Precision, e.Estimated = ce.Date, ce.Precision, ce.Estimated
					break
				}
			}
			e.Sentence = x.Sentence
			e.VerbAt = span
			byStory[storyOf[docID]] = append(byStory[storyOf[docID]], event.Mention{Event: e, Article: int64(docIdx[docID] + 1), Ref: int64(mi)})
		}
	}
	pred := make([]string, len(ms))
	for s, mentions := range byStory {
		for hi, h := range event.Merge(mentions) {
			for _, x := range h.Mentions {
				pred[x.Ref] = strconv.FormatInt(s, 10) + "/" + strconv.Itoa(hi)
			}
		}
	}
	m.Mentions = len(ms)
	m.Scores = cluster.Score(gold, pred)
	m.CoNLLF1 = m.Scores.CoNLL
	m.Baseline = cluster.Score(gold, baseKey)
	return m, nil
}

// headKey is a mention's type for coreference: the verb class of its first
// word that has one, else the stem of its last word.
var useClass = os.Getenv("ECB_CLASS") != ""

func headKey(words []string) string {
	for _, w := range words {
		if c := event.VerbClass(w); c != "" && useClass {
			return "class:" + c
		}
	}
	return "stem:" + stem(lastWord(words))
}

func lastWord(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// stem strips common English inflections.
func stem(w string) string {
	w = strings.ToLower(w)
	for _, suf := range []string{"ings", "ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func loadECBRaw(dir, split string) (map[string]ecbDoc, error) {
	f, err := os.Open(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]ecbDoc{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		var d ecbDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, err
		}
		if d.Split == split {
			out[d.ID] = d
		}
	}
	return out, sc.Err()
}

// loadECBMentions reads the gold event mentions of the documents' annotated
// sentences.
func loadECBMentions(dir string, docs map[string]ecbDoc) ([]ecbMention, error) {
	f, err := os.Open(filepath.Join(dir, "mentions.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	var out []ecbMention
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for sc.Scan() {
		var x ecbMention
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			return nil, err
		}
		if x.Type != "event" || !x.InCoref {
			continue
		}
		if _, ok := docs[x.Doc]; ok {
			out = append(out, x)
		}
	}
	return out, sc.Err()
}
