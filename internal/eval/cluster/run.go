package cluster

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/sitrep/sitrep/internal/story"
)

// Run is the result of clustering the documents in one order.
type Run struct {
	Seed       uint64  `json:"seed"`
	Scores     Scores  `json:"scores"`
	Seconds    float64 `json:"seconds"`
	Storylines Scores  `json:"storylines"` // storylines scored against Topic (ECB+ only)
}

// Spread is min/mean/max of one figure over the runs.
type Spread struct{ Min, Mean, Max float64 }

// Result is the evaluation over several shuffled orders.
type Result struct {
	Docs   int    `json:"docs"`
	Gold   int    `json:"gold_clusters"`
	Runs   []Run  `json:"runs"`
	B3F1   Spread `json:"b3_f1"`
	B3P    Spread `json:"b3_p"`
	B3R    Spread `json:"b3_r"`
	CoNLL  Spread `json:"conll"`
	Pred   Spread `json:"pred_clusters"`
	Batch  int    `json:"batch"`
	Config story.Config
}

// Evaluate feeds docs to a fresh clusterer in `orders` shuffled orders
// (seeds 1..orders) and scores the event assignment against Gold.
//
// Documents go in batches of batch articles (story.Clusterer.AddBatch, as
// the corpus stage does); batch 1 is pure online clustering (Add).
//
// background documents, if any, only prime the document frequencies.
func Evaluate(docs []Doc, cfg story.Config, orders, batch int, background ...Doc) (Result, error) {
	if len(docs) == 0 {
		return Result{}, fmt.Errorf("cluster: no documents")
	}
	if orders < 1 {
		orders = 1
	}
	if batch < 1 {
		batch = 1
	}
	res := Result{Docs: len(docs), Config: cfg, Batch: batch}
	gold := make([]string, len(docs))
	topics := make([]string, len(docs))
	for i, d := range docs {
		gold[i], topics[i] = d.Gold, d.Topic
	}
	res.Gold = len(groups(gold))
	dated := true
	for _, d := range docs {
		if d.Published.IsZero() {
			dated = false
			break
		}
	}
	for o := 1; o <= orders; o++ {
		r := rand.New(rand.NewPCG(uint64(o), 0x5173))
		perm := r.Perm(len(docs))
		if dated {
			// a stream: arrival in time order, ties in shuffled order
			slices.SortStableFunc(perm, func(a, b int) int { return docs[a].Published.Compare(docs[b].Published) })
		}
		c := story.NewClusterer(cfg)
		for _, d := range background {
			c.Observe(story.Doc{Title: d.Title, Text: d.Text})
		}
		ev := make([]int64, len(docs))
		t0 := time.Now()
		for start := 0; start < len(perm); start += batch {
			part := perm[start:min(start+batch, len(perm))]
			sd := make([]story.Doc, len(part))
			for k, i := range part {
				d := docs[i]
				sd[k] = story.Doc{ID: int64(i + 1), Outlet: d.Outlet, Title: d.Title, Text: d.Text, Published: d.Published}
			}
			if batch == 1 {
				ev[part[0]] = c.Add(sd[0]).Event
				continue
			}
			for k, a := range c.AddBatch(sd) {
				ev[part[k]] = a.Event
			}
		}
		el := time.Since(t0)
		pred := make([]string, len(docs))
		sl := make([]string, len(docs))
		for i, e := range ev {
			e = c.Resolve(e)
			pred[i] = fmt.Sprint(e)
			sl[i] = fmt.Sprint(c.Storyline(e))
		}
		run := Run{Seed: uint64(o), Scores: Score(gold, pred), Seconds: el.Seconds()}
		if topics[0] != "" {
			run.Storylines = Score(topics, sl)
		}
		res.Runs = append(res.Runs, run)
	}
	res.B3F1 = spread(res.Runs, func(r Run) float64 { return r.Scores.B3F1 })
	res.B3P = spread(res.Runs, func(r Run) float64 { return r.Scores.B3P })
	res.B3R = spread(res.Runs, func(r Run) float64 { return r.Scores.B3R })
	res.CoNLL = spread(res.Runs, func(r Run) float64 { return r.Scores.CoNLL })
	res.Pred = spread(res.Runs, func(r Run) float64 { return float64(r.Scores.PredClusters) })
	return res, nil
}

func spread(rs []Run, f func(Run) float64) Spread {
	s := Spread{Min: f(rs[0]), Max: f(rs[0])}
	for _, r := range rs {
		v := f(r)
		s.Mean += v
		if v < s.Min {
			s.Min = v
		}
		if v > s.Max {
			s.Max = v
		}
	}
	s.Mean /= float64(len(rs))
	return s
}
