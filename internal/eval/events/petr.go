package events

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/event"
)

// PetrEvent is one expected event of a PETRARCH record.
type PetrEvent struct {
	Source string `json:"source_actor"`
	Target string `json:"target_actor"`
	Code   string `json:"event_code"`
}

// PetrRecord is one PETRARCH validation or unit-test sentence.
type PetrRecord struct {
	ID            string      `json:"id"`
	Category      string      `json:"category"`
	Date          string      `json:"date"`
	Text          string      `json:"text"`
	Events        []PetrEvent `json:"events"`
	NoEvents      bool        `json:"noevents"`
	ExpectedError *string     `json:"expected_error"`
}

// LoadPetr reads a PETRARCH gold file (gold/petrarch2_gsr_validation.jsonl
// or gold/petrarch2_unittest.jsonl).
func LoadPetr(dir, name string) ([]PetrRecord, error) {
	path := filepath.Join(dir, "gold", name)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []PetrRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var r PetrRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// PRF are precision, recall and F1.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

func prf(tp, pred, gold int) PRF {
	p, r := ratio(tp, pred), ratio(tp, gold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// Petr2Metrics are the PETRARCH-2 validation figures: triples of source
// country, target country and CAMEO root (actor codes compared on their
// first three letters), and of the full codes.
type Petr2Metrics struct {
	Records       int      `json:"records"`
	GoldEvents    int      `json:"gold_events"`
	PredEvents    int      `json:"pred_events"`
	Triples       PRF      `json:"triples"`
	F1            float64  `json:"f1"`
	Full          PRF      `json:"full_code"`
	NoEventRecs   int      `json:"no_event_records"`
	NoEventsEmpty int      `json:"no_event_records_left_empty"`
	Errors        []string `json:"-"`
}

// predicted returns the (source, target, code) triples the coder gives a
// text: the events not governed by another verb, with both actors coded.
func predicted(c *event.Coder, sents []event.Sentence) []PetrEvent {
	var evs []event.Event
	for _, s := range sents {
		evs = c.Code(s, evs)
	}
	var out []PetrEvent
	for _, e := range evs {
		if e.Embedded || e.Status == event.Negated || e.Status == event.Hypothetical {
			continue
		}
		srcs, tgts := e.AllSources, e.AllTargets
		if len(srcs) == 0 {
			srcs = []event.Party{e.Source}
		}
		if len(tgts) == 0 {
			tgts = []event.Party{e.Target}
		}
		for _, s := range srcs {
			for _, t := range tgts {
				if s.Code == "" || t.Code == "" {
					continue
				}
				out = append(out, PetrEvent{Source: s.Code, Target: t.Code, Code: e.Cameo})
			}
		}
	}
	return out
}

// match counts the predicted events that match a gold one (each gold
// event once) under eq.
func match(pred, gold []PetrEvent, eq func(p, g PetrEvent) bool) int {
	used := make([]bool, len(gold))
	n := 0
	for _, p := range pred {
		for i, g := range gold {
			if !used[i] && eq(p, g) {
				used[i] = true
				n++
				break
			}
		}
	}
	return n
}

func root3(code string) string { return strings.ToUpper(prefix(code, 3)) }

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func tripleEq(p, g PetrEvent) bool {
	return root3(p.Source) == root3(g.Source) && root3(p.Target) == root3(g.Target) && prefix(p.Code, 2) == prefix(g.Code, 2)
}

func fullEq(p, g PetrEvent) bool {
	return strings.EqualFold(p.Source, g.Source) && strings.EqualFold(p.Target, g.Target) && p.Code == g.Code
}

// EvaluatePetr2 codes the PETRARCH-2 validation records with the
// operational pipeline (sz: analysis and entity stages).
func EvaluatePetr2(recs []PetrRecord, sz Sentencer) Petr2Metrics {
	var m Petr2Metrics
	c := event.NewCoder()
	var tp, tpFull int
	for _, r := range recs {
		d, _ := time.Parse("20060102", r.Date)
		pred := predicted(c, sz.Sentences(r.Text, d))
		m.Records++
		m.PredEvents += len(pred)
		m.GoldEvents += len(r.Events)
		tp += match(pred, r.Events, tripleEq)
		tpFull += match(pred, r.Events, fullEq)
		if r.NoEvents {
			m.NoEventRecs++
			if len(pred) == 0 {
				m.NoEventsEmpty++
			}
		}
		m.Errors = append(m.Errors, fmt.Sprintf("%s\tgold=%v\tpred=%v\t%s", r.ID, r.Events, pred, r.Text))
	}
	m.Triples = prf(tp, m.PredEvents, m.GoldEvents)
	m.F1 = m.Triples.F1
	m.Full = prf(tpFull, m.PredEvents, m.GoldEvents)
	return m
}

// UnitMetrics are the PETRARCH unit-test figures.
type UnitMetrics struct {
	Records int            `json:"records"`
	Passed  float64        `json:"passed"`
	Passes  int            `json:"passes"`
	ByCat   map[string]int `json:"passed_by_category"`
	Errors  []string       `json:"-"`
}

// EvaluateUnit codes the PETRARCH unit tests with the validation suite's
// dictionaries (fictional actors; verb codes partly WEIS): a record passes
// when the coder's events equal the expected ones exactly (none for a "no
// event" record or one expected to be discarded).
func EvaluateUnit(recs []PetrRecord, dictDir string) (UnitMetrics, error) {
	m := UnitMetrics{ByCat: map[string]int{}}
	f, err := os.Open(filepath.Join(dictDir, "PETR.Validate.verbs.txt.gz"))
	if err != nil {
		return m, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return m, err
	}
	vd, err := event.ParseVerbs(zr)
	if err != nil {
		return m, err
	}
	actors, err := loadActorDict(filepath.Join(dictDir, "PETR.Validate.actors.txt.gz"))
	if err != nil {
		return m, err
	}
	c := event.NewCoderWith(vd)
	for _, r := range recs {
		d, _ := time.Parse("20060102", r.Date)
		s := event.Sentence{Text: r.Text, Span: event.Span{Start: 0, End: len(r.Text)}, Published: d, Actors: actors.find(r.Text)}
		pred := predicted(c, []event.Sentence{s})
		want := r.Events
		if r.NoEvents || r.ExpectedError != nil {
			want = nil
		}
		ok := len(pred) == len(want) && match(pred, want, fullEq) == len(want)
		m.Records++
		if ok {
			m.Passes++
			m.ByCat[r.Category]++
		} else {
			m.Errors = append(m.Errors, fmt.Sprintf("%s\t%s\tgold=%v\tpred=%v\t%s", r.ID, r.Category, want, pred, r.Text))
		}
	}
	m.Passed = ratio(m.Passes, m.Records)
	return m, nil
}
