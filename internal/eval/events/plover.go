// Package events scores the event coder (internal/event) on the PLOVER and
// PETRARCH gold records in ../shared/eval/events-plover and cross-document
// event coreference on ECB+ (../shared/eval/cluster-ecbplus).
package events

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/event"
)

// PloverTypes are the 16 PLOVER 2.0 event types.
var PloverTypes = event.PloverTypes

// ploverActor is one gold actor.
type ploverActor struct {
	Text   string  `json:"text"`
	Code   string  `json:"code"`
	Sector *string `json:"sector"`
}

// PloverRecord is one gold sentence of the PLOVER GSR.
type PloverRecord struct {
	ID      string        `json:"id"`
	Text    string        `json:"text"`
	Date    string        `json:"date"`
	Source  []ploverActor `json:"source_actor"`
	Target  []ploverActor `json:"target_actor"`
	Type    string        `json:"event_type_plover2"`
	Mode    *string       `json:"mode"`
	Context []string      `json:"context"`
}

// LoadPlover reads the PLOVER gold records of a split: "dev" keeps the
// even lines (0-based), "test" the odd ones, "all" every line.
func LoadPlover(dir, split string) ([]PloverRecord, error) {
	path := filepath.Join(dir, "gold", "plover_gsr_cameo.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []PloverRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for line := 0; sc.Scan(); line++ {
		if split == "dev" && line%2 != 0 || split == "test" && line%2 != 1 {
			continue
		}
		var r PloverRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line+1, err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// Sentencer turns a text into the coder's sentences (the analysis stages
// and the entity stage: eventdoc.Analyser).
type Sentencer interface {
	Sentences(text string, published time.Time) []event.Sentence
}

// PloverMetrics are the PLOVER figures.
type PloverMetrics struct {
	Sentences      int     `json:"sentences"`
	TypeAccuracy   float64 `json:"type_accuracy"`
	MacroF1        float64 `json:"macro_f1"`
	CodedShare     float64 `json:"coded_share"`
	SourceAccuracy float64 `json:"source_country_accuracy"` // over records with a gold source
	TargetAccuracy float64 `json:"target_country_accuracy"` // over records with a gold target
	SectorAccuracy float64 `json:"source_sector_accuracy"`  // over gold sources with a sector
	// ModeAccuracy is over records with a gold mode (the GSR's modes are
	// PLOVER 0.5's, the coder's the 2021 table's: the names only partly
	// agree); ContextAccuracy over records with a gold context, right when
	// the coder's context is one of the gold list.
	ModeAccuracy    float64            `json:"mode_accuracy"`
	ContextAccuracy float64            `json:"context_accuracy"`
	PerType         map[string]float64 `json:"per_type_f1"`
	Baseline        Baseline           `json:"baseline"`
	Errors          []string           `json:"-"`
}

// Baseline is the majority-class baseline: the most frequent dev type
// predicted for every sentence.
type Baseline struct {
	Type         string  `json:"type"`
	TypeAccuracy float64 `json:"type_accuracy"`
	MacroF1      float64 `json:"macro_f1"`
}

// Main returns the sentence's main event, the one a coder of one event per
// sentence keeps: the first event not governed by another verb, else the
// first event; events of subordinate clauses come last; nil for none.
func Main(evs []event.Event) *event.Event {
	for i := range evs {
		if !evs[i].Embedded && !evs[i].Subordinate {
			return &evs[i]
		}
	}
	for i := range evs {
		if !evs[i].Embedded {
			return &evs[i]
		}
	}
	if len(evs) > 0 {
		return &evs[0]
	}
	return nil
}

// EvaluatePlover codes every record and scores the main event; majority
// is the baseline's class (from the dev split).
func EvaluatePlover(recs []PloverRecord, sz Sentencer, majority string) PloverMetrics {
	var m PloverMetrics
	c := event.NewCoder()
	gold := make([]string, len(recs))
	pred := make([]string, len(recs))
	base := make([]string, len(recs))
	var srcN, srcOK, tgtN, tgtOK, secN, secOK, modeN, modeOK, ctxN, ctxOK, coded int
	for i, r := range recs {
		gold[i], base[i] = r.Type, majority
		d, _ := time.Parse("2006-01-02", r.Date)
		var evs []event.Event
		for _, s := range sz.Sentences(r.Text, d) {
			evs = c.Code(s, evs)
		}
		e := Main(evs)
		if r.Mode != nil && *r.Mode != "" {
			modeN++
			if e != nil && strings.EqualFold(e.Mode, *r.Mode) {
				modeOK++
			}
		}
		if len(r.Context) > 0 {
			ctxN++
			for _, c := range r.Context {
				if e != nil && e.Context != "" && strings.EqualFold(e.Context, c) {
					ctxOK++
					break
				}
			}
		}
		if e == nil {
			m.Errors = append(m.Errors, fmt.Sprintf("%s\tgold=%s\tpred=-\t%s", r.ID, r.Type, r.Text))
			continue
		}
		coded++
		pred[i] = e.SentenceType()
		if e.SentenceType() != r.Type {
			m.Errors = append(m.Errors, fmt.Sprintf("%s\tgold=%s\tpred=%s(%s %q %s)\t%s", r.ID, r.Type, e.SentenceType(), e.Cameo, e.Verb, e.Status, r.Text))
		}
		if len(r.Source) > 0 {
			srcN++
			if actorMatch(e.Source.Code, r.Source) {
				srcOK++
			}
			if sec := goldSector(r.Source); sec != "" {
				secN++
				if len(e.Source.Code) >= 6 && strings.Contains(e.Source.Code[3:], sec) {
					secOK++
				}
			}
		}
		if len(r.Target) > 0 {
			tgtN++
			if actorMatch(e.Target.Code, r.Target) {
				tgtOK++
			}
		}
	}
	m.Sentences = len(recs)
	m.TypeAccuracy, m.MacroF1, m.PerType = score(gold, pred)
	m.CodedShare = ratio(coded, len(recs))
	m.SourceAccuracy, m.TargetAccuracy, m.SectorAccuracy = ratio(srcOK, srcN), ratio(tgtOK, tgtN), ratio(secOK, secN)
	m.ModeAccuracy, m.ContextAccuracy = ratio(modeOK, modeN), ratio(ctxOK, ctxN)
	m.Baseline.Type = majority
	m.Baseline.TypeAccuracy, m.Baseline.MacroF1, _ = score(gold, base)
	return m
}

// Majority returns the most frequent type of recs (ties: alphabetical).
func Majority(recs []PloverRecord) string {
	n := map[string]int{}
	for _, r := range recs {
		n[r.Type]++
	}
	best := ""
	for t, c := range n {
		if best == "" || c > n[best] || c == n[best] && t < best {
			best = t
		}
	}
	return best
}

func actorMatch(code string, gold []ploverActor) bool {
	if len(code) < 3 {
		return false
	}
	for _, g := range gold {
		if strings.EqualFold(code[:3], g.Code) {
			return true
		}
	}
	return false
}

func goldSector(g []ploverActor) string {
	if len(g) > 0 && g[0].Sector != nil {
		return *g[0].Sector
	}
	return ""
}

// score returns accuracy and macro-F1 over the PLOVER types ("" is no
// prediction: a miss).
func score(gold, pred []string) (acc, macro float64, per map[string]float64) {
	per = map[string]float64{}
	ok := 0
	for i := range gold {
		if gold[i] == pred[i] {
			ok++
		}
	}
	var sum float64
	types := append([]string(nil), PloverTypes...)
	sort.Strings(types)
	for _, t := range types {
		var tp, fp, fn int
		for i := range gold {
			switch {
			case gold[i] == t && pred[i] == t:
				tp++
			case pred[i] == t:
				fp++
			case gold[i] == t:
				fn++
			}
		}
		p, r := ratio(tp, tp+fp), ratio(tp, tp+fn)
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		per[t] = f
		sum += f
	}
	return ratio(ok, len(gold)), sum / float64(len(types)), per
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
