package ner

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/corpusgen"
	"github.com/sitrep/sitrep/internal/text"
)

// updateGolden rewrites testdata/golden_*.txt from the current code:
//
//	go test ./internal/ner -run TestGolden -update-golden
//
// The files were made by the tagger before its speed work (commit 820a213)
// so that every later change must reproduce its output bit for bit:
// mention spans, types, sentence indices, demonym marks and the exact
// float32 confidence.
var updateGolden = flag.Bool("update-golden", false, "rewrite the golden tag files from the current code")

// goldenSentences are written for this test: news copy with names of every
// type, headlines in capitals, title case, lower-case text, typographic
// punctuation, numbers and long sentences.
var goldenSentences = []string{
	"U.S. Defense Secretary Ash Carter met Kurdish leader Massoud Barzani in Erbil on Sunday.",
	"Iraq's Prime Minister Haidar al-Abadi said the offensive on Mosul would begin soon.",
	"GERMAN CHANCELLOR VISITS PARIS AHEAD OF EU SUMMIT",
	"Apple Shares Fall After Tim Cook Warns On China Sales",
	"the mayor of springfield said the river would crest on tuesday.",
	"“We will not back down,” said Maria González, a spokeswoman for the Ministry of Health in Madrid.",
	"The International Monetary Fund cut its forecast to 2.9 % for 2027—its lowest since 2009…",
	"Shares of Toyota Motor Corp. rose 3.4 percent in Tokyo, while Honda's fell; the Nikkei 225 closed at 38,120.",
	"Lt. Col. John Dorrian, a spokesman for the coalition, said 30,000 troops were involved near Raqqa.",
	"Ursula von der Leyen spoke with Luiz Inacio Lula da Silva in Brussels about the Mercosur deal.",
	"Kim Jong Un met envoys from the UN in Pyongyang, KCNA reported on Saturday.",
	"The Boston Red Sox beat the New York Yankees 5-3 at Fenway Park on Friday night.",
	"A magnitude 6.1 earthquake struck off the coast of Sumatra, the U.S. Geological Survey said.",
	"O'Neill told the BBC that the Good Friday Agreement was \"not up for negotiation\".",
	"In a statement, Médecins Sans Frontières said its clinic in Khan Younis had been hit twice.",
	"Reuters could not independently verify the report.",
	"SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
	"Jean-Claude Juncker and Donald Tusk met in Strasbourg; McDonald's and eBay were not mentioned.",
	"",
	"...",
	"12 34 56",
}

// goldenDoc is one document: the fixed sentences together (so
// document-level features see them all), then each alone.
func goldenDocs() []string {
	docs := []string{strings.Join(goldenSentences, "\n\n")}
	docs = append(docs, goldenSentences...)
	return docs
}

func mentionLines(src string, ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%d %d %s %d %08x %v %q", m.Start, m.End, m.Type, m.Sentence,
			math.Float32bits(m.Confidence), m.Demonym, src[m.Start:m.End]))
	}
	return out
}

func digest(lines []string) string {
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// checkGolden compares lines with testdata/name, or rewrites it.
func checkGolden(t *testing.T, name string, lines []string) {
	t.Helper()
	path := "testdata/" + name
	if *updateGolden {
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		want = append(want, sc.Text())
	}
	if len(want) != len(lines) {
		t.Errorf("%s: %d lines, golden has %d", name, len(lines), len(want))
	}
	bad := 0
	for i := 0; i < len(want) && i < len(lines); i++ {
		if want[i] != lines[i] {
			t.Errorf("%s line %d:\n got  %s\n want %s", name, i+1, lines[i], want[i])
			if bad++; bad > 10 {
				t.FailNow()
			}
		}
	}
}

// TestGoldenSentences tags the fixed sentences and compares every mention
// (span, type, sentence, exact confidence, demonym) with the golden file.
func TestGoldenSentences(t *testing.T) {
	testGoldenSentences(t, Default())
}

// widenedModel reads the shipped model with its weights widened at load
// and summed by the Go loops, the path of processors without AVX2, so the
// golden tests hold both paths to the same output on this one.
func widenedModel(t *testing.T) *Model {
	t.Helper()
	defer func(q bool) { quantRows = q }(quantRows)
	quantRows = false
	m, err := ReadModel(bytes.NewReader(modelBytes))
	if err != nil {
		t.Fatal(err)
	}
	if m.first.q != nil || m.first.rows == nil {
		t.Fatal("model not widened")
	}
	return m
}

// TestDefaultKeeps16Bit checks which path the shipped model takes here:
// 16-bit rows and the assembly exactly where AVX2 is.
func TestDefaultKeeps16Bit(t *testing.T) {
	m := Default()
	if got := m.first.q != nil; got != hasAVX2 {
		t.Errorf("16-bit rows %v, AVX2 %v", got, hasAVX2)
	}
	if !m.joint {
		t.Error("shipped model's layers not joined")
	}
}

// TestGoldenSentencesWidened is TestGoldenSentences on the other path
// (see widenedModel): Go loops over float32 rows.
func TestGoldenSentencesWidened(t *testing.T) {
	testGoldenSentences(t, widenedModel(t))
}

func testGoldenSentences(t *testing.T, m *Model) {
	var lines []string
	for i, src := range goldenDocs() {
		toks, sents := text.Split(src, nil, nil)
		lines = append(lines, fmt.Sprintf("doc %d", i))
		lines = append(lines, mentionLines(src, m.Tag(src, sents, toks))...)
	}
	checkGolden(t, "golden_sentences.txt", lines)
}

// TestGoldenShared tags real texts from ../shared/eval: the first 200
// PolNeAR articles through Tag, and every CoNLL-2003 dev document through
// TagDocument, and compares a digest of each document's output with the
// golden file (the texts themselves stay in ../shared).
func TestGoldenShared(t *testing.T) {
	eval := corpusgen.FindEval()
	if eval == "" {
		t.Skip("no ../shared/eval")
	}
	if testing.Short() {
		t.Skip("short")
	}
	testGoldenShared(t, eval, Default())
}

// TestGoldenSharedWidened is TestGoldenShared on the Go path (see
// widenedModel).
func TestGoldenSharedWidened(t *testing.T) {
	eval := corpusgen.FindEval()
	if eval == "" {
		t.Skip("no ../shared/eval")
	}
	if testing.Short() {
		t.Skip("short")
	}
	testGoldenShared(t, eval, widenedModel(t))
}

func testGoldenShared(t *testing.T, eval string, m *Model) {
	var lines []string
	arts, err := corpusgen.LoadPolNeAR(eval)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts[:min(200, len(arts))] {
		toks, sents := text.Split(a.Text, nil, nil)
		ms := m.Tag(a.Text, sents, toks)
		lines = append(lines, fmt.Sprintf("polnear %s %d %s", a.ID, len(ms), digest(mentionLines(a.Text, ms))))
	}
	docs, err := LoadSplit(eval, "dev")
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for k, s := range d.Sentences {
			sents[k] = s.Tokens
		}
		var tags []string
		for _, s := range m.TagDocument(sents) {
			tags = append(tags, strings.Join(s, " "))
		}
		lines = append(lines, fmt.Sprintf("conll-dev %d %s", i, digest(tags)))
	}
	checkGolden(t, "golden_shared.txt", lines)
}

// TestFirstLayerAloneBothPaths tags the CoNLL-2003 dev documents with the
// shipped model's first layer alone (the decode path of one-layer models:
// sparseEmissions, one layer's rows), on the 16-bit rows and on rows
// widened at load, and requires the same tags: the one-layer kernels are
// held to each other as the joint ones are by the golden tests.
func TestFirstLayerAloneBothPaths(t *testing.T) {
	eval := corpusgen.FindEval()
	if eval == "" {
		t.Skip("no ../shared/eval")
	}
	if testing.Short() {
		t.Skip("short")
	}
	docs, err := LoadSplit(eval, "dev")
	if err != nil {
		t.Fatal(err)
	}
	q, wide := Default(), widenedModel(t)
	if q.first.q == nil && hasAVX2 {
		t.Fatal("shipped model not on 16-bit rows")
	}
	one := func(m *Model) *Model {
		return &Model{first: m.first, gaz: m.gaz, clus: m.clus, clusT: m.clusT, gazT: m.gazT}
	}
	a, b := one(q), one(wide)
	for i, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for k, s := range d.Sentences {
			sents[k] = s.Tokens
		}
		if x, y := a.TagDocument(sents), b.TagDocument(sents); !reflect.DeepEqual(x, y) {
			t.Fatalf("dev document %d: one-layer tags differ between 16-bit and widened rows", i)
		}
	}
}
