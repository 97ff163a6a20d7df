package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/eval/cluster"
	"github.com/sitrep/sitrep/internal/eval/coref"
	"github.com/sitrep/sitrep/internal/eval/endtoend"
	"github.com/sitrep/sitrep/internal/eval/polnear"
	"github.com/sitrep/sitrep/internal/eval/timeml"
	"github.com/sitrep/sitrep/internal/eval/toponyms"
	"github.com/sitrep/sitrep/internal/geo/geoeval"
)

func init() {
	registerEval(&evalStage{
		name:    "pipeline",
		summary: "the whole ingest path on real corpora: stories, actors, places, dates and quotes as a user gets them",
		usage:   "[--json] [--sample] [--dev] [--only stories,actors,places,dates,quotes,headlines]",
		run:     runEvalPipeline,
	})
}

// pipelineReport is `sitrep eval pipeline --json`: one entry per fact
// type, each measured on what `sitrep ingest` stored.
type pipelineReport struct {
	Sample  bool              `json:"sample"`
	Dev     bool              `json:"dev,omitempty"`
	Stories []storiesResult   `json:"stories,omitempty"`
	Polls   []pollSpread      `json:"polls,omitempty"`
	Actors  []actorsResult    `json:"actors,omitempty"`
	Places  []toponyms.Result `json:"places,omitempty"`
	Dates   *datesResult      `json:"dates,omitempty"`
	Quotes  *polnear.Metrics  `json:"quotes,omitempty"`
}

// storiesResult scores events (B³ against gold events or sub-topics) and
// storylines (against gold events or topics) of one ingest.
type storiesResult struct {
	Set        string              `json:"set"`
	Part       string              `json:"part"` // all, or a split of the documents scored
	Docs       int                 `json:"docs"`
	Gold       int                 `json:"gold_events"`
	Stories    int                 `json:"stories"`
	B3P        float64             `json:"b3_p"`
	B3R        float64             `json:"b3_r"`
	B3F1       float64             `json:"b3_f1"`
	Storylines endtoend.Storylines `json:"storylines"`
	Seconds    float64             `json:"ingest_seconds,omitempty"`
	Rejected   int                 `json:"rejected,omitempty"` // inputs ingest rejected (scored as stories of their own)
}

// pollSpread is NewsWCL50 (dates) fed as a live feed without a story
// window: Poll articles per ingest run, in time order and in shuffled
// orders; the spread of B³ over the orders.
type pollSpread struct {
	Poll    int       `json:"poll"`
	Orders  int       `json:"orders"`
	B3F1    []float64 `json:"b3_f1"` // per order: time order first
	Stories []int     `json:"stories"`
}

type actorsResult struct {
	Set      string            `json:"set"`
	Docs     int               `json:"docs"`
	System   endtoend.Coref    `json:"system"`
	Baseline endtoend.Coref    `json:"same_name_baseline"`
	Merged   []endtoend.Merged `json:"people_merged,omitempty"`
	Split    []endtoend.Split  `json:"people_split,omitempty"`
	// Checked says whether the people checks ran (they need gold people).
	Checked bool `json:"people_checked"`
}

// datesResult is publication-date estimation with the creation date
// hidden, and the time expressions anchored on the estimate.
type datesResult struct {
	Docs      int     `json:"docs"`
	Dated     int     `json:"dated"` // with an estimated date
	Within1   float64 `json:"within_1d"`
	Within7   float64 `json:"within_7d"`
	WrongYear int     `json:"wrong_year"` // dated, but a year or more off
	None      int     `json:"none"`
	ValueF1   float64 `json:"timex_value_f1"`
	ValueP    float64 `json:"timex_value_p"`
	ValueR    float64 `json:"timex_value_r"`
	// Reference: the same expressions with the true creation date given.
	GoldDCTValueF1 float64 `json:"timex_value_f1_true_date"`
}

func runEvalPipeline(ctx context.Context, e *env, args []string) error {
	s := evalStages["pipeline"]
	fs := newFlags(e, s.command())
	asJSON := fs.Bool("json", false, "print one JSON object")
	sample := fs.Bool("sample", false, "a small bounded sample of each corpus (seconds, for CI)")
	only := fs.String("only", "", "comma-separated fact types to run (default: all but headlines, the UCI test week, which runs only when named)")
	dev := fs.Bool("dev", false, "tuning run: stories on NewsWCL50's train+val events only and ECB+ train+dev; headlines on the headline dev sets (ECB+ train+dev and NewsWCL50 train+val titles, the UCI week's first two days); never a test part")
	polls := fs.String("polls", "5,20", "also feed NewsWCL50 (dates) as a live feed of this many articles per poll, without a story window (comma-separated; none with --sample)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	dir, err := sharedEvalDir()
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, k := range splitList(*only) {
		switch k {
		case "stories", "actors", "places", "dates", "quotes", "headlines":
			want[k] = true
		default:
			return usageError{fmt.Sprintf("--only: unknown fact type %q", k)}
		}
	}
	// the UCI headlines week is a test set: it runs only when named
	run := func(k string) bool { return want[k] || (len(want) == 0 && k != "headlines") }
	rep, err := evalPipeline(ctx, dir, *sample, *dev, run)
	if err != nil {
		return err
	}
	if run("stories") && !*sample && !*dev {
		for _, f := range splitList(*polls) {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 {
				return usageError{fmt.Sprintf("--polls: bad poll size %q", f)}
			}
			ps, err := evalPolls(ctx, dir, n, 3)
			if err != nil {
				return err
			}
			rep.Polls = append(rep.Polls, ps)
		}
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(rep)
	}
	printPipeline(e.stdout, rep)
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// evalPipeline runs the fact types run selects; sample bounds each corpus.
//
// dev tunes: NewsWCL50 without its test events and ECB+ train+dev in
// place of test, stories only.
func evalPipeline(ctx context.Context, dir string, sample, dev bool, run func(string) bool) (*pipelineReport, error) {
	rep := &pipelineReport{Sample: sample, Dev: dev}
	if dev {
		// dev sets only: headlines are the headline dev sets, never UCI
		if run("headlines") {
			hs, err := evalHeadlineDev(ctx, dir)
			if err != nil {
				return nil, err
			}
			rep.Stories = append(rep.Stories, hs...)
		}
		all := run
		run = func(k string) bool { return k == "stories" && all(k) }
	}
	if run("headlines") {
		docs, err := cluster.LoadHeadlines(filepath.Join(dir, "cluster-headlines"))
		if err != nil {
			return nil, err
		}
		devDays, test := splitUCIDays(docs)
		parts := []struct {
			name string
			docs []cluster.Doc
		}{{"uci headlines test days", test}, {"uci headlines week", docs}}
		if sample {
			// CI exercises the path on the dev days, never the test days
			parts = parts[:1]
			parts[0].name, parts[0].docs = "uci headlines dev days (sample)", devDays[:min(len(devDays), 400)]
		}
		for _, p := range parts {
			sr, err := ingestHeadlines(ctx, p.docs)
			if err != nil {
				return nil, err
			}
			sr.Set = p.name
			rep.Stories = append(rep.Stories, sr)
		}
	}
	if run("stories") || run("actors") {
		wcl, err := endtoend.LoadNewsWCL50(filepath.Join(dir, "cluster-newswcl50"))
		if err != nil {
			return nil, err
		}
		if dev {
			var keep []endtoend.WCLDoc
			for _, d := range wcl {
				if d.Split != "test" {
					keep = append(keep, d)
				}
			}
			wcl = keep
		}
		// without dates: title and text only, as from a folder of files
		var plain, dated []pipeRecord
		for _, d := range wcl {
			plain = append(plain, pipeRecord{Title: d.Title, Text: d.Text})
			dated = append(dated, pipeRecord{URL: d.URL, Title: d.Title, Text: d.Text, Published: d.Published})
		}
		gold := make([]string, len(wcl))
		split := make([]string, len(wcl))
		for i, d := range wcl {
			gold[i], split[i] = strconv.Itoa(d.Event), d.Split
		}
		var datedRun *ingestedRun
		for _, v := range []struct {
			name string
			recs []pipeRecord
		}{{"newswcl50 (no dates)", plain}, {"newswcl50 (dates)", dated}} {
			if sample && v.name == "newswcl50 (no dates)" && !run("stories") {
				continue
			}
			r, err := ingestThrough(ctx, v.recs)
			if err != nil {
				return nil, err
			}
			if v.name == "newswcl50 (dates)" {
				datedRun = r
			}
			if !run("stories") {
				continue
			}
			parts := []string{"all", "test", "train+val"}
			if dev {
				parts = []string{"train+val"}
			}
			for _, part := range parts {
				keep := func(i int) bool {
					switch part {
					case "test":
						return split[i] == "test"
					case "train+val":
						return split[i] != "test"
					}
					return true
				}
				sr := scoreStories(r, gold, gold, keep)
				sr.Set, sr.Part = v.name, part
				if part == "all" {
					sr.Seconds, sr.Rejected = r.seconds, r.failed
				}
				rep.Stories = append(rep.Stories, sr)
			}
		}
		if run("actors") {
			rep.Actors = append(rep.Actors, scoreWCLActors(wcl, datedRun))
		}
		ecbSplit := "test"
		if dev {
			ecbSplit = "traindev"
		}
		ecb, err := cluster.LoadECBPlus(filepath.Join(dir, "cluster-ecbplus"), ecbSplit)
		if err != nil {
			return nil, err
		}
		if sample {
			ecb = sampleTopics(ecb, 1)
		}
		recs := make([]pipeRecord, len(ecb))
		sub, top := make([]string, len(ecb)), make([]string, len(ecb))
		for i, d := range ecb {
			recs[i] = pipeRecord{Text: d.Text}
			sub[i], top[i] = d.Gold, d.Topic
		}
		r, err := ingestThrough(ctx, recs)
		if err != nil {
			return nil, err
		}
		if run("stories") {
			sr := scoreStories(r, sub, top, func(int) bool { return true })
			sr.Set, sr.Part, sr.Seconds, sr.Rejected = "ecb+ "+ecbSplit, "all", r.seconds, r.failed
			rep.Stories = append(rep.Stories, sr)
		}
		if run("actors") {
			ar, err := scoreECBActors(filepath.Join(dir, "cluster-ecbplus"), ecb, r)
			if err != nil {
				return nil, err
			}
			rep.Actors = append(rep.Actors, ar)
		}
	}
	if run("places") {
		an := analyse.New()
		sets := geoeval.AllSets
		for _, name := range sets {
			docs, err := geoeval.ReadSplit(filepath.Join(dir, "geo"), name, "test")
			if err != nil {
				return nil, err
			}
			if sample {
				docs = docs[:min(len(docs), 8)]
			}
			r := toponyms.Evaluate(an, docs)
			r.Set, r.Split = name, "test"
			rep.Places = append(rep.Places, r)
			if sample {
				break
			}
		}
	}
	if run("dates") {
		dr, err := evalPipelineDates(ctx, filepath.Join(dir, "timex-tempeval3"), sample)
		if err != nil {
			return nil, err
		}
		rep.Dates = dr
	}
	if run("quotes") {
		arts, err := polnear.Load(filepath.Join(dir, "quotes-polnear"), "test")
		if err != nil {
			return nil, err
		}
		if sample {
			arts = arts[:min(len(arts), 10)]
		}
		recs := make([]pipeRecord, len(arts))
		for i, a := range arts {
			recs[i] = pipeRecord{Text: a.Text}
		}
		r, err := ingestThrough(ctx, recs)
		if err != nil {
			return nil, err
		}
		var c polnear.Counts
		for i, a := range arts {
			var pred []polnear.Prediction
			if s := r.arts[i]; s != nil {
				al := endtoend.Align(a.Text, s.Text)
				for _, q := range s.Ann.Quotes {
					p := polnear.Prediction{}
					parts := q.Parts
					if len(parts) == 0 {
						parts = []analyse.Span{q.Span}
					}
					for _, sp := range parts {
						if gs, ge, ok := al.Span(sp.Start, sp.End); ok {
							p.Content = append(p.Content, polnear.Span{Start: gs, End: ge})
						}
					}
					if q.Source.Start >= 0 {
						if gs, ge, ok := al.Span(q.Source.Start, q.Source.End); ok {
							p.Source = []polnear.Span{{Start: gs, End: ge}}
						}
					}
					if len(p.Content) > 0 {
						pred = append(pred, p)
					}
				}
			}
			polnear.Score(&c, a.Text, a.Attributions, pred)
		}
		m := c.Metrics(len(arts))
		rep.Quotes = &m
	}
	return rep, nil
}

// evalHeadlineDev is the headline-only dev set: ECB+ train+dev (no
// dates) and NewsWCL50's train+val events (with their URL and date), each
// document reduced to its title (the first line where it has no title),
// fed as headline-only feed items.
func evalHeadlineDev(ctx context.Context, dir string) ([]storiesResult, error) {
	ecb, err := cluster.LoadECBPlus(filepath.Join(dir, "cluster-ecbplus"), "traindev")
	if err != nil {
		return nil, err
	}
	wcl, err := endtoend.LoadNewsWCL50(filepath.Join(dir, "cluster-newswcl50"))
	if err != nil {
		return nil, err
	}
	var wdocs []cluster.Doc
	for _, d := range wcl {
		if d.Split != "test" {
			wdocs = append(wdocs, cluster.Doc{ID: d.ID, URL: d.URL, Title: d.Title, Text: d.Text, Gold: strconv.Itoa(d.Event), Published: d.Published})
		}
	}
	var out []storiesResult
	for _, set := range []struct {
		name string
		docs []cluster.Doc
	}{{"ecb+ traindev titles", ecb}, {"newswcl50 t+v titles", wdocs}} {
		docs := make([]cluster.Doc, len(set.docs))
		for i, d := range set.docs {
			d.Title = headline(d)
			d.Text = ""
			docs[i] = d
		}
		sr, err := ingestHeadlines(ctx, docs)
		if err != nil {
			return nil, err
		}
		sr.Set = set.name
		out = append(out, sr)
	}
	uci, err := cluster.LoadHeadlines(filepath.Join(dir, "cluster-headlines"))
	if err != nil {
		return nil, err
	}
	devDays, _ := splitUCIDays(uci)
	sr, err := ingestHeadlines(ctx, devDays)
	if err != nil {
		return nil, err
	}
	sr.Set = "uci headlines dev days"
	return append(out, sr), nil
}

// uciTestFrom splits the UCI headlines week (2014-06-13..19) by day: the
// headlines timestamped before it (the first two days, 13 and 14 June,
// UTC) are a headline dev set, the five days from it the test set. Its
// stories are bursts within one day, so the split cuts none of them in
// two; each part is scored on its own rows.
var uciTestFrom = time.Date(2014, 6, 15, 0, 0, 0, 0, time.UTC)

// splitUCIDays returns the dev days and the test days of the UCI week.
func splitUCIDays(docs []cluster.Doc) (dev, test []cluster.Doc) {
	for _, d := range docs {
		if d.Published.Before(uciTestFrom) {
			dev = append(dev, d)
		} else {
			test = append(test, d)
		}
	}
	return dev, test
}

// headline is a document's title, or its first line when it has none.
func headline(d cluster.Doc) string {
	if t := strings.TrimSpace(d.Title); t != "" {
		return t
	}
	first, _, _ := strings.Cut(strings.TrimSpace(d.Text), "\n")
	return strings.TrimSpace(first)
}

// ingestHeadlines feeds docs (titles only) through ingest as a feed
// reader writes items without a body (the headline is the item's text)
// in time order, and scores the events against Gold.
func ingestHeadlines(ctx context.Context, docs []cluster.Doc) (storiesResult, error) {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return docs[order[a]].Published.Before(docs[order[b]].Published) })
	recs := make([]pipeRecord, len(docs))
	gold := make([]string, len(docs))
	for k, i := range order {
		d := docs[i]
		recs[k] = pipeRecord{URL: d.URL, Title: d.Title, Text: d.Title, Published: d.Published, Outlet: d.Outlet}
		gold[k] = d.Gold
	}
	r, err := ingestThrough(ctx, recs)
	if err != nil {
		return storiesResult{}, err
	}
	// Ingest stores one article per distinct text: a headline carried word
	// for word by a second outlet is a duplicate, not stored again. A
	// reader sees it in the story of the article it duplicates, and that
	// is where it is scored.
	twin := map[string]*stored{}
	for i, a := range r.arts {
		if a != nil && twin[recs[i].Text] == nil {
			twin[recs[i].Text] = a
		}
	}
	for i, a := range r.arts {
		if a == nil {
			r.arts[i] = twin[recs[i].Text]
		}
	}
	sr := scoreStories(r, gold, gold, func(int) bool { return true })
	sr.Part, sr.Seconds, sr.Rejected = "all", r.seconds, r.failed
	return sr, nil
}

// evalPolls feeds NewsWCL50 with its dates poll articles per ingest run,
// in time order (undated last) and in orders-1 shuffled orders.
func evalPolls(ctx context.Context, dir string, poll, orders int) (pollSpread, error) {
	ps := pollSpread{Poll: poll, Orders: orders}
	wcl, err := endtoend.LoadNewsWCL50(filepath.Join(dir, "cluster-newswcl50"))
	if err != nil {
		return ps, err
	}
	recs := make([]pipeRecord, len(wcl))
	gold := make([]string, len(wcl))
	for i, d := range wcl {
		recs[i] = pipeRecord{URL: d.URL, Title: d.Title, Text: d.Text, Published: d.Published}
		gold[i] = strconv.Itoa(d.Event)
	}
	for o := 0; o < orders; o++ {
		order := make([]int, len(recs))
		for i := range order {
			order[i] = i
		}
		if o == 0 {
			sort.SliceStable(order, func(a, b int) bool {
				ta, tb := recs[order[a]].Published, recs[order[b]].Published
				if ta.IsZero() != tb.IsZero() {
					return !ta.IsZero()
				}
				return ta.Before(tb)
			})
		} else {
			rand.New(rand.NewPCG(uint64(o), 7)).Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		}
		r, err := ingestPolls(ctx, recs, order, poll)
		if err != nil {
			return ps, err
		}
		sr := scoreStories(r, gold, gold, func(int) bool { return true })
		ps.B3F1 = append(ps.B3F1, sr.B3F1)
		ps.Stories = append(ps.Stories, sr.Stories)
	}
	return ps, nil
}

// scoreStories scores the stored events against gold (B³) and the
// storylines against slGold over the documents keep selects; a document
// ingest did not keep counts as a story of its own.
func scoreStories(r *ingestedRun, gold, slGold []string, keep func(int) bool) storiesResult {
	var g, p, sg, sp []string
	for i, s := range r.arts {
		if !keep(i) {
			continue
		}
		ev, sl := "missing"+strconv.Itoa(i), "missing"+strconv.Itoa(i)
		if s != nil && s.Event != 0 {
			ev, sl = strconv.FormatInt(s.Event, 10), strconv.FormatInt(s.Storyline, 10)
		}
		g, p, sg, sp = append(g, gold[i]), append(p, ev), append(sg, slGold[i]), append(sp, sl)
	}
	sc := cluster.Score(g, p)
	return storiesResult{Docs: len(g), Gold: sc.GoldClusters, Stories: sc.PredClusters,
		B3P: sc.B3P, B3R: sc.B3R, B3F1: sc.B3F1, Storylines: endtoend.ScoreStorylines(sg, sp)}
}

// entityChains are the NewsWCL50 chain types that name entities (people,
// countries, groups); events, actions and objects are not actors.
var entityChains = map[string]bool{"ACTOR": true, "ACTOR-I": true, "COUNTRY": true, "GROUP": true}

var namedText = endtoend.NamedText(coref.Named)

func scoreWCLActors(wcl []endtoend.WCLDoc, r *ingestedRun) actorsResult {
	res := actorsResult{Set: "newswcl50 (dates)", Checked: true}
	var docs []endtoend.CorefDoc
	var all []endtoend.Mention
	for i, d := range wcl {
		s := r.arts[i]
		cd := endtoend.CorefDoc{Group: strconv.Itoa(d.Event)}
		for _, m := range d.Mentions {
			if entityChains[m.Type] && namedText(m.Text) {
				cd.Gold = append(cd.Gold, m)
			}
		}
		all = append(all, cd.Gold...)
		if s != nil {
			cd.Sys = sysMentions(s, d.Text)
		}
		docs = append(docs, cd)
		res.Docs++
	}
	res.System, res.Baseline = endtoend.ScoreCoref(docs, entity.Key)
	res.Merged = endtoend.MergedPeople(all, r.actors, entity.Key, namedText)
	res.Split = endtoend.SplitPeople(docs, namedText)
	return res
}

// scoreECBActors scores the actors of the ECB+ test ingest against the
// gold entity chains of the annotated sentences (named mentions).
func scoreECBActors(dir string, ecb []cluster.Doc, r *ingestedRun) (actorsResult, error) {
	res := actorsResult{Set: "ecb+ test"}
	gdocs, err := coref.LoadECBPlus(dir, "test")
	if err != nil {
		return res, err
	}
	byID := map[string]*coref.Doc{}
	for i := range gdocs {
		byID[gdocs[i].ID] = &gdocs[i]
	}
	var docs []endtoend.CorefDoc
	for i, d := range ecb {
		g := byID[d.ID]
		if g == nil || len(g.Mentions) == 0 {
			continue
		}
		cd := endtoend.CorefDoc{Group: d.Topic}
		for _, m := range g.Mentions {
			cd.Gold = append(cd.Gold, endtoend.Mention{Start: m.Start, End: m.End, Chain: m.Cluster, Type: m.Tag, Text: m.Text})
		}
		if s := r.arts[i]; s != nil {
			cd.Sys = sysMentions(s, g.Text)
		}
		docs = append(docs, cd)
		res.Docs++
	}
	res.System, res.Baseline = endtoend.ScoreCoref(docs, entity.Key)
	return res, nil
}

// sampleTopics keeps the documents of the first n topics.
func sampleTopics(docs []cluster.Doc, n int) []cluster.Doc {
	var topics []string
	seen := map[string]bool{}
	for _, d := range docs {
		if !seen[d.Topic] {
			seen[d.Topic] = true
			topics = append(topics, d.Topic)
		}
	}
	sort.Strings(topics)
	keep := map[string]bool{}
	for _, t := range topics[:min(n, len(topics))] {
		keep[t] = true
	}
	var out []cluster.Doc
	for _, d := range docs {
		if keep[d.Topic] {
			out = append(out, d)
		}
	}
	return out
}

// evalPipelineDates ingests the TempEval-3 test documents without their
// creation date and scores the publication date ingest estimated and the
// time expressions anchored on it.
func evalPipelineDates(ctx context.Context, dir string, sample bool) (*datesResult, error) {
	docs, err := timeml.LoadSet(dir, "test")
	if err != nil {
		return nil, err
	}
	if sample {
		docs = docs[:min(len(docs), 6)]
	}
	recs := make([]pipeRecord, len(docs))
	for i, d := range docs {
		recs[i] = pipeRecord{Text: d.Text}
	}
	r, err := ingestThrough(ctx, recs)
	if err != nil {
		return nil, err
	}
	res := &datesResult{Docs: len(docs)}
	var c timeml.Counts
	w1, w7 := 0, 0
	for i, d := range docs {
		s := r.arts[i]
		var sys []timeml.Span
		if s != nil {
			if !s.Published.IsZero() {
				res.Dated++
				days := math.Abs(s.Published.Sub(d.DCT).Hours() / 24)
				if days <= 1.5 {
					w1++
				}
				if days <= 7.5 {
					w7++
				}
				if days >= 365 {
					res.WrongYear++
				}
			} else {
				res.None++
			}
			al := endtoend.Align(d.Text, s.Text)
			for _, t := range s.Ann.Times {
				if gs, ge, ok := al.Span(t.Start, t.End); ok {
					sys = append(sys, timeml.Span{Start: gs, End: ge, Type: t.Type, Value: t.Value})
				}
			}
		} else {
			res.None++
		}
		c.Add(d, sys, nil)
	}
	m := c.Metrics()
	res.ValueF1, res.ValueP, res.ValueR = m.ValueF1, m.ValueP, m.ValueR
	res.Within1, res.Within7 = float64(w1)/float64(len(docs)), float64(w7)/float64(len(docs))
	res.GoldDCTValueF1 = timeml.Evaluate(docs, nil).ValueF1
	return res, nil
}

func printPipeline(w io.Writer, r *pipelineReport) {
	if r.Sample {
		fmt.Fprintln(w, "SAMPLE run (bounded subsets; not the reported figures)")
	}
	if r.Dev {
		fmt.Fprintln(w, "DEV run (NewsWCL50 train+val events, ECB+ train+dev: for tuning)")
	}
	if len(r.Stories) > 0 {
		fmt.Fprintf(w, "stories  %-22s %-9s %5s %5s %7s %7s %7s %7s %10s %8s %6s\n", "set", "part", "docs", "gold", "stories", "B3 P", "B3 R", "B3 F1", "storylines", "purity", "linked")
		for _, s := range r.Stories {
			fmt.Fprintf(w, "stories  %-22s %-9s %5d %5d %7d %7.1f %7.1f %7.1f %10d %8.1f %6d\n", s.Set, s.Part, s.Docs, s.Gold, s.Stories,
				100*s.B3P, 100*s.B3R, 100*s.B3F1, s.Storylines.Storylines, 100*s.Storylines.Purity, s.Storylines.LinkedGold)
		}
	}
	for _, p := range r.Polls {
		fmt.Fprintf(w, "stories  %-22s polls of %d articles, no story window: B3 F1 time order %.1f, shuffled", "newswcl50 (dates)", p.Poll, 100*p.B3F1[0])
		for _, b := range p.B3F1[1:] {
			fmt.Fprintf(w, " %.1f", 100*b)
		}
		fmt.Fprintf(w, "; stories %v\n", p.Stories)
	}
	for _, a := range r.Actors {
		fmt.Fprintf(w, "actors   %-22s %d docs, %d gold named mentions, %.1f%% found; CoNLL F1 %.1f (MUC %.1f B3 %.1f CEAF-e %.1f); same-name baseline CoNLL F1 %.1f\n",
			a.Set, a.Docs, a.System.Gold, 100*a.System.Found, 100*a.System.CoNLL, 100*a.System.MUC, 100*a.System.B3, 100*a.System.CEAFe, 100*a.Baseline.CoNLL)
		if a.Checked {
			fmt.Fprintf(w, "actors   %-22s %d person actors holding names of two gold people; %d gold people spread over several actors\n", a.Set, len(a.Merged), len(a.Split))
			for _, m := range a.Merged {
				fmt.Fprintf(w, "           merged: actor %d %q = %v\n", m.Actor, m.Names, m.People)
			}
			for i, s := range a.Split {
				if i == 10 {
					fmt.Fprintf(w, "           ... %d more\n", len(a.Split)-10)
					break
				}
				fmt.Fprintf(w, "           split:  %s over %d actors\n", s.Person, s.Actors)
			}
		}
	}
	for _, p := range r.Places {
		fmt.Fprintf(w, "places   %-22s %d docs, recognition P/R/F1 %.1f / %.1f / %.1f, acc@161 of found %.1f%%, of all gold %.1f%%\n",
			p.Set+" "+p.Split, p.Docs, 100*p.P, 100*p.R, 100*p.F1, 100*p.AccFound, 100*p.AccAll)
	}
	if d := r.Dates; d != nil {
		fmt.Fprintf(w, "dates    %-22s %d docs: publication date within 1 day %.1f%%, within 7 days %.1f%%, a year or more off %d, none %d; time values F1 %.1f (P %.1f R %.1f; %.1f with the true date)\n",
			"tempeval-3 test", d.Docs, 100*d.Within1, 100*d.Within7, d.WrongYear, d.None, 100*d.ValueF1, 100*d.ValueP, 100*d.ValueR, 100*d.GoldDCTValueF1)
	}
	if q := r.Quotes; q != nil {
		fmt.Fprintf(w, "quotes   %-22s %d articles: exact P/R/F1 %.1f / %.1f / %.1f, partial %.1f / %.1f / %.1f, speaker accuracy %.1f%%\n",
			"polnear test", q.Articles, 100*q.ExactP, 100*q.ExactR, 100*q.ExactF1, 100*q.PartialP, 100*q.PartialR, 100*q.PartialF1, 100*q.SpeakerAccuracy)
	}
}
