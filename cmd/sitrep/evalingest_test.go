package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/eval/extract"
	"github.com/sitrep/sitrep/internal/eval/polnear"
	"github.com/sitrep/sitrep/internal/eval/timeml"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
	"github.com/sitrep/sitrep/internal/view"
)

// TestIngestEvalTexts runs the real texts of ../shared/eval (ECB+,
// NewsWCL50, PolNeAR, TempEval, the four geo sets, the two extraction
// page sets) through `sitrep ingest`: no stage may fail on any of them
// (a recovered fault fails the test too, naming the article), no English
// text may be left unanalysed, and the German pages must get no English
// analysis. CI runs a sample (about 20 documents a set); the whole set:
//
//	SITREP_EVAL_INGEST=all go test ./cmd/sitrep -run TestIngestEvalTexts -v -timeout 60m
func TestIngestEvalTexts(t *testing.T) {
	dir, err := sharedEvalDir()
	if err != nil {
		t.Skipf("shared eval data not found: %v", err)
	}
	all := os.Getenv("SITREP_EVAL_INGEST") == "all"
	perSet := 20
	if all {
		perSet = 1 << 30
	} else if testing.Short() {
		t.Skip("-short")
	}
	in := t.TempDir()
	counts := map[string]int{}
	only := map[string]bool{} // SITREP_EVAL_SETS=trafilatura,zyte runs those sets alone
	for _, k := range strings.Split(os.Getenv("SITREP_EVAL_SETS"), ",") {
		if k != "" {
			only[k] = true
		}
	}
	for _, s := range evalSets(t, dir) {
		if len(only) > 0 && !only[s.name] {
			continue
		}
		n := s.write(t, filepath.Join(in, s.name), perSet)
		counts[s.name] = n
	}
	db := filepath.Join(t.TempDir(), "eval.db")
	t0 := time.Now()
	code, _, stderr := run(t, "", "ingest", "--db", db, "--quiet", in)
	t.Logf("ingest of %v documents: exit %d in %v", counts, code, time.Since(t0).Round(time.Second))
	if code != 0 && code != 3 {
		t.Fatalf("ingest exit %d: %s", code, tail(stderr, 2000))
	}
	if code == 3 {
		t.Logf("input problems:\n%s", tail(stderr, 3000))
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h, err := st.Health(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("status: %d articles, %d with faults %v, %d incomplete, not analysed %v, %d not in stories",
		h.Articles, h.FaultyArticles, h.Faults, h.Incomplete, h.NotAnalysed, h.Unplaced)
	for _, id := range h.FaultyIDs {
		fs, _ := st.Faults(ctx, id)
		a, _ := st.Article(ctx, id)
		t.Errorf("article %d (%s): faults %+v", id, a.Origin, fs)
	}
	arts, err := st.Articles(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ articles, notAnalysed, incomplete int }
	bySet := map[string]*tally{}
	langs := map[string]map[string]int{}
	for _, a := range arts {
		set := setOf(in, a.Origin)
		if bySet[set] == nil {
			bySet[set], langs[set] = &tally{}, map[string]int{}
		}
		ta := bySet[set]
		ta.articles++
		langs[set][a.Language]++
		switch a.Analysis {
		case "not_analysed":
			ta.notAnalysed++
			an, err := st.Annotation(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			acts, err := st.ActorList(ctx, view.Query{Article: a.ID, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(an.Mentions) + len(an.Places) + len(an.Quotes) + len(an.Times) + len(acts.Items); n > 0 || len(an.Sentences) == 0 {
				t.Errorf("article %d (%s, %s) not analysed, yet has %d findings (mentions %d, places %d, quotes %d, times %d, actors %+v) and %d sentences", a.ID, a.Origin, a.Language, n, len(an.Mentions), len(an.Places), len(an.Quotes), len(an.Times), acts.Items, len(an.Sentences))
			}
			if a.AnalysisNote != "not analysed: "+clean.LanguageName(a.Language) {
				t.Errorf("article %d: note %q for language %q", a.ID, a.AnalysisNote, a.Language)
			}
			if set != "trafilatura" && set != "zyte" {
				t.Errorf("English article %d (%s) not analysed: detected %q", a.ID, a.Origin, a.Language)
			}
		case "incomplete":
			ta.incomplete++
		}
		if a.Language == "de" && a.Analysis != "not_analysed" {
			t.Errorf("German article %d (%s) analysed by English models", a.ID, a.Origin)
		}
	}
	var names []string
	for k := range bySet {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		ta := bySet[k]
		t.Logf("%-12s %4d documents, %4d articles, %4d not analysed, %d incomplete; languages %v", k, counts[k], ta.articles, ta.notAnalysed, ta.incomplete, langs[k])
	}
}

// evalSet is one set's texts, written for ingest as JSON Lines or files.
type evalSet struct {
	name  string
	lines []string // JSON Lines records
	pages []extract.Page
}

// write writes every k-th document so that about n are written, and
// returns how many.
func (s evalSet) write(t *testing.T, dir string, n int) int {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	total := len(s.lines) + len(s.pages)
	step := max(1, total/max(1, min(n, total)))
	written := 0
	var b strings.Builder
	for i := 0; i < len(s.lines); i += step {
		b.WriteString(s.lines[i])
		b.WriteByte('\n')
		written++
	}
	if b.Len() > 0 {
		if err := os.WriteFile(filepath.Join(dir, s.name+".jsonl"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < len(s.pages); i += step {
		p := s.pages[i]
		name := fmt.Sprintf("%04d.html", i)
		if err := os.WriteFile(filepath.Join(dir, name), p.HTML, 0o644); err != nil {
			t.Fatal(err)
		}
		written++
	}
	return written
}

// evalSets loads every set with real texts; a set that is missing is
// skipped with a message.
func evalSets(t *testing.T, dir string) []evalSet {
	var out []evalSet
	raw := func(name string, files ...string) {
		s := evalSet{name: name}
		for _, f := range files {
			s.lines = append(s.lines, readLines(t, filepath.Join(dir, f))...)
		}
		if len(s.lines) > 0 {
			out = append(out, s)
		}
	}
	raw("ecbplus", "cluster-ecbplus/docs.jsonl")
	raw("newswcl50", "cluster-newswcl50/docs.jsonl")
	for _, g := range []string{"geovirus", "geowebnews", "lgl", "tr-news"} {
		raw(g, "geo/"+g+"/dev.jsonl", "geo/"+g+"/test.jsonl")
	}
	rec := func(m map[string]any) string {
		b, _ := json.Marshal(m)
		return string(b)
	}
	pn := evalSet{name: "polnear"}
	for _, split := range polnear.Splits {
		arts, err := polnear.Load(filepath.Join(dir, "quotes-polnear"), split)
		if err != nil {
			t.Logf("polnear %s: %v", split, err)
			continue
		}
		for _, a := range arts {
			pn.lines = append(pn.lines, rec(map[string]any{"text": a.Text, "outlet": a.Publisher}))
		}
	}
	out = append(out, pn)
	te := evalSet{name: "tempeval"}
	for _, set := range []string{"train", "test"} {
		docs, err := timeml.LoadSet(filepath.Join(dir, "timex-tempeval3"), set)
		if err != nil {
			t.Logf("tempeval %s: %v", set, err)
			continue
		}
		for _, d := range docs {
			m := map[string]any{"text": d.Text}
			if !d.DCT.IsZero() {
				m["published"] = d.DCT.Format(time.RFC3339)
			}
			te.lines = append(te.lines, rec(m))
		}
	}
	out = append(out, te)
	if items, err := extract.LoadTrafilatura(filepath.Join(dir, "extract-trafilatura")); err == nil {
		out = append(out, evalSet{name: "trafilatura", pages: extract.TrafPages(items)})
	} else {
		t.Logf("trafilatura: %v", err)
	}
	if items, err := extract.LoadZyte(filepath.Join(dir, "extract-scrapinghub")); err == nil {
		out = append(out, evalSet{name: "zyte", pages: extract.ZytePages(items)})
	} else {
		t.Logf("zyte: %v", err)
	}
	return out
}

func readLines(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Logf("%v", err)
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// setOf names the set an article came from: the first folder of its
// origin under root.
func setOf(root, origin string) string {
	rel := strings.TrimPrefix(origin, root+string(filepath.Separator))
	if i := strings.IndexAny(rel, `/\`); i > 0 {
		return rel[:i]
	}
	return rel
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
