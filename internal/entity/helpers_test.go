package entity

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/ner"
	"github.com/sitrep/sitrep/internal/text"
)

// tagDoc runs the project's sentence splitter and recogniser over s.
func tagDoc(key, s string) Doc {
	toks, sents := text.Split(s, nil, nil)
	d := Doc{Key: key, Text: s}
	for _, se := range sents {
		d.Sentences = append(d.Sentences, Span{int(se.Start), int(se.End)})
	}
	for _, m := range ner.Default().Tag(s, sents, toks) {
		d.Mentions = append(d.Mentions, Mention{Span: Span{m.Start, m.End}, Type: m.Type, Sentence: m.Sentence, Demonym: m.Demonym})
	}
	return d
}

// sharedDir finds the shared folder (with eval/ and seeds/): $SITREP_SHARED,
// or ../shared above the repository root, found by walking up.
func sharedDir(t testing.TB) string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Skip("no working directory")
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			if _, err := os.Stat(filepath.Join(s, "seeds")); err == nil {
				return s
			}
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	t.Skip("shared data not found: set SITREP_SHARED to the folder holding eval/ and seeds/")
	return ""
}

// m is a hand-made mention: the n-th (from 0) occurrence of text s, typed t.
type m struct {
	t, s string
	n    int
}

// mkDoc builds a document with hand-made mentions (the recogniser is not
// involved, so the test checks this package alone). A mention of type
// "DEM" is a MISC demonym.
func mkDoc(t testing.TB, src string, ms ...m) Doc {
	t.Helper()
	_, sents := text.Split(src, nil, nil)
	d := Doc{Key: "test", Text: src}
	for _, se := range sents {
		d.Sentences = append(d.Sentences, Span{int(se.Start), int(se.End)})
	}
	for _, x := range ms {
		off := 0
		pos := -1
		for k := 0; k <= x.n; k++ {
			i := strings.Index(src[off:], x.s)
			if i < 0 {
				t.Fatalf("mention %q #%d not in text", x.s, x.n)
			}
			pos = off + i
			off = pos + len(x.s)
		}
		mt := Mention{Span: Span{pos, pos + len(x.s)}, Type: x.t}
		if x.t == "DEM" {
			mt.Type, mt.Demonym = "MISC", true
		}
		for i, se := range d.Sentences {
			if se.Start <= pos && pos < se.End {
				mt.Sentence = i
			}
		}
		d.Mentions = append(d.Mentions, mt)
	}
	sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	return d
}

// byName returns the local called name, or fails.
func byName(t testing.TB, ls []Local, name string) Local {
	t.Helper()
	for _, l := range ls {
		if l.Name == name {
			return l
		}
	}
	var names []string
	for _, l := range ls {
		names = append(names, l.Name)
	}
	t.Fatalf("no local %q in %q", name, names)
	return Local{}
}

// refTexts returns the text of a local's references of kind k.
func refTexts(d Doc, l Local, k string) []string {
	var out []string
	for _, r := range l.Refs {
		if r.Kind == k {
			out = append(out, d.Text[r.Start:r.End])
		}
	}
	return out
}
