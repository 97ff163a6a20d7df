package ner

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/corpusgen"
	"github.com/sitrep/sitrep/internal/text"
)

// TestDumpTags writes every mention the tagger finds in all the texts of
// ../shared/eval it can read (PolNeAR and ECB+ through Tag, each
// CoNLL-2003 split through TagDocument) to the file named by
// SITREP_NER_DUMP, with exact confidences, so that two builds can be
// compared on a large corpus (speed work must not change a tag):
//
//	SITREP_NER_DUMP=/tmp/after.txt go test ./internal/ner -run TestDumpTags
func TestDumpTags(t *testing.T) {
	path := os.Getenv("SITREP_NER_DUMP")
	if path == "" {
		t.Skip("SITREP_NER_DUMP not set")
	}
	eval := corpusgen.FindEval()
	if eval == "" {
		t.Skip("no ../shared/eval")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	m := Default()
	nDocs, nMentions := 0, 0
	for _, load := range []func(string) ([]corpusgen.Source, error){corpusgen.LoadPolNeAR, corpusgen.LoadECBPlus} {
		srcs, err := load(eval)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range srcs {
			toks, sents := text.Split(s.Text, nil, nil)
			ms := m.Tag(s.Text, sents, toks)
			fmt.Fprintf(w, "doc %s %d\n", s.ID, len(ms))
			for _, l := range mentionLines(s.Text, ms) {
				fmt.Fprintln(w, l)
			}
			nDocs++
			nMentions += len(ms)
		}
	}
	for _, split := range []string{"train", "dev", "test"} {
		docs, err := LoadSplit(eval, split)
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range docs {
			sents := make([][]string, len(d.Sentences))
			for k, s := range d.Sentences {
				sents[k] = s.Tokens
			}
			fmt.Fprintf(w, "conll %s %d\n", split, i)
			for _, s := range m.TagDocument(sents) {
				fmt.Fprintln(w, strings.Join(s, " "))
			}
			nDocs++
		}
	}
	t.Logf("%d documents, %d mentions from Tag", nDocs, nMentions)
}
