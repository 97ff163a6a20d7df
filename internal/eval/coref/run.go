package coref

import (
	"fmt"
	"strconv"

	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/eval/cluster"
	"github.com/sitrep/sitrep/internal/ner"
	"github.com/sitrep/sitrep/internal/text"
)

// Scores are coreference scores (0..1), micro-averaged over documents for
// within-document chains.
type Scores struct {
	MUCP, MUCR, MUCF1       float64
	B3P, B3R, B3F1          float64
	CEAFeP, CEAFeR, CEAFeF1 float64
	CoNLL                   float64
	PairP, PairR, PairF1    float64
	Gold, Pred              int // entities
}

// Result is the evaluation of one split.
type Result struct {
	Docs     int
	Mentions int
	// Within-document chains: the system (entity.Resolve) and a baseline
	// that links mentions with the same normalised name.
	Within, WithinBaseline Scores
	// Across documents (every mention of the split in one registry): the
	// system (entity.Registry) and the same-name baseline.
	Cross, CrossBaseline Scores
}

// Evaluate tags each document with the recogniser, gives the gold named
// mentions (typed by the overlapping recognised mention, else MISC) to
// entity.Resolve, and scores the chains.
func Evaluate(docs []Doc) Result {
	res := Result{Docs: len(docs)}
	var within, withinBase acc
	reg := entity.NewRegistry()
	var goldAll, predAll, baseAll []string
	for di := range docs {
		d := &docs[di]
		if len(d.Mentions) == 0 {
			continue
		}
		res.Mentions += len(d.Mentions)
		ed := toEntityDoc(d)
		locals := entity.Resolve(ed)
		ids := reg.Add(d.ID, locals)
		pred := make([]string, len(d.Mentions))
		cross := make([]string, len(d.Mentions))
		for li, l := range locals {
			for _, mi := range l.Mentions {
				pred[mi] = strconv.Itoa(li)
				cross[mi] = "a" + strconv.Itoa(int(ids[li]))
			}
		}
		gold := make([]string, len(d.Mentions))
		base := make([]string, len(d.Mentions))
		for i, m := range d.Mentions {
			gold[i] = m.Cluster
			base[i] = entity.Key(m.Text)
			if pred[i] == "" {
				pred[i] = "s" + strconv.Itoa(i)
				cross[i] = d.ID + "/s" + strconv.Itoa(i)
			}
			goldAll = append(goldAll, m.Cluster)
			predAll = append(predAll, cross[i])
			baseAll = append(baseAll, base[i])
		}
		within.add(gold, pred)
		withinBase.add(gold, base)
	}
	// cross-document ids must be resolved after all merges
	for i, p := range predAll {
		if len(p) > 1 && p[0] == 'a' {
			id, err := strconv.Atoi(p[1:])
			if err == nil {
				predAll[i] = "a" + strconv.Itoa(int(reg.Canonical(entity.ActorID(id))))
			}
		}
	}
	res.Within, res.WithinBaseline = within.scores(), withinBase.scores()
	res.Cross, res.CrossBaseline = crossScores(goldAll, predAll), crossScores(goldAll, baseAll)
	return res
}

// toEntityDoc builds the input of entity.Resolve from a gold document.
func toEntityDoc(d *Doc) entity.Doc {
	toks, sents := text.Split(d.Text, nil, nil)
	rec := ner.Default().Tag(d.Text, sents, toks)
	ed := entity.Doc{Key: d.ID, Text: d.Text}
	for _, s := range d.Sentences {
		ed.Sentences = append(ed.Sentences, entity.Span{Start: s.Start, End: s.End})
	}
	for _, m := range d.Mentions {
		typ, dem := "MISC", false
		for _, r := range rec {
			if r.Start < m.End && m.Start < r.End {
				typ, dem = r.Type, r.Demonym && r.Start == m.Start && r.End == m.End
				break
			}
		}
		ed.Mentions = append(ed.Mentions, entity.Mention{Span: entity.Span{Start: m.Start, End: m.End}, Type: typ, Sentence: m.Sentence, Demonym: dem})
	}
	return ed
}

// acc sums the numerators and denominators of the metrics over documents.
type acc struct {
	n                          int
	mucRN, mucRD               float64
	mucPN, mucPD               float64
	b3P, b3R                   float64
	ceafSim, gold, pred        float64
	pairTP, pairGold, pairPred float64
}

func (a *acc) add(gold, pred []string) {
	s := cluster.Score(gold, pred)
	n := float64(len(gold))
	a.n += len(gold)
	a.mucRD += n - float64(s.GoldClusters)
	a.mucRN += s.MUCR * (n - float64(s.GoldClusters))
	a.mucPD += n - float64(s.PredClusters)
	a.mucPN += s.MUCP * (n - float64(s.PredClusters))
	a.b3P += s.B3P * n
	a.b3R += s.B3R * n
	a.ceafSim += s.CEAFeR * float64(s.GoldClusters)
	a.gold += float64(s.GoldClusters)
	a.pred += float64(s.PredClusters)
	tp, g, p := pairs(gold, pred)
	a.pairTP += tp
	a.pairGold += g
	a.pairPred += p
}

func (a *acc) scores() Scores {
	var s Scores
	s.MUCR, s.MUCP = ratio(a.mucRN, a.mucRD), ratio(a.mucPN, a.mucPD)
	s.B3P, s.B3R = ratio(a.b3P, float64(a.n)), ratio(a.b3R, float64(a.n))
	s.CEAFeP, s.CEAFeR = ratio(a.ceafSim, a.pred), ratio(a.ceafSim, a.gold)
	s.MUCF1, s.B3F1, s.CEAFeF1 = f1(s.MUCP, s.MUCR), f1(s.B3P, s.B3R), f1(s.CEAFeP, s.CEAFeR)
	s.CoNLL = (s.MUCF1 + s.B3F1 + s.CEAFeF1) / 3
	s.PairP, s.PairR = ratio(a.pairTP, a.pairPred), ratio(a.pairTP, a.pairGold)
	s.PairF1 = f1(s.PairP, s.PairR)
	s.Gold, s.Pred = int(a.gold), int(a.pred)
	return s
}

// crossScores scores one labelling of all mentions: B³, MUC and pairwise
// (CEAF-e is left out: its alignment is cubic in the number of entities).
func crossScores(gold, pred []string) Scores {
	var a acc
	a.add2(gold, pred)
	s := a.scores()
	s.CEAFeP, s.CEAFeR, s.CEAFeF1, s.CoNLL = 0, 0, 0, 0
	return s
}

// add2 is add without CEAF-e.
func (a *acc) add2(gold, pred []string) {
	n := float64(len(gold))
	a.n += len(gold)
	g, p := groups(gold), groups(pred)
	a.gold += float64(len(g))
	a.pred += float64(len(p))
	// B³
	type cell struct{ g, p string }
	inter := map[cell]int{}
	for i := range gold {
		inter[cell{gold[i], pred[i]}]++
	}
	for i := range gold {
		c := float64(inter[cell{gold[i], pred[i]}])
		a.b3P += c / float64(p[pred[i]])
		a.b3R += c / float64(g[gold[i]])
	}
	// MUC: a chain of size k split into m parts by the other side scores k-m
	gParts, pParts := map[string]int{}, map[string]int{}
	for c := range inter {
		gParts[c.g]++
		pParts[c.p]++
	}
	for k, size := range g {
		a.mucRN += float64(size - gParts[k])
	}
	a.mucRD += n - float64(len(g))
	for k, size := range p {
		a.mucPN += float64(size - pParts[k])
	}
	a.mucPD += n - float64(len(p))
	tp, gp, pp := pairs(gold, pred)
	a.pairTP += tp
	a.pairGold += gp
	a.pairPred += pp
}

func groups(lab []string) map[string]int {
	m := map[string]int{}
	for _, l := range lab {
		m[l]++
	}
	return m
}

// pairs counts mention pairs linked in both labellings, in gold and in pred.
func pairs(gold, pred []string) (tp, g, p float64) {
	type cell struct{ g, p string }
	inter := map[cell]int{}
	for i := range gold {
		inter[cell{gold[i], pred[i]}]++
	}
	for _, c := range inter {
		tp += float64(c * (c - 1) / 2)
	}
	for _, c := range groups(gold) {
		g += float64(c * (c - 1) / 2)
	}
	for _, c := range groups(pred) {
		p += float64(c * (c - 1) / 2)
	}
	return tp, g, p
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// String formats the scores on one line.
func (s Scores) String() string {
	return fmt.Sprintf("MUC %5.1f  B3 %5.1f/%5.1f/%5.1f  CEAF-e %5.1f  CoNLL %5.1f  pairwise %5.1f/%5.1f/%5.1f",
		100*s.MUCF1, 100*s.B3P, 100*s.B3R, 100*s.B3F1, 100*s.CEAFeF1, 100*s.CoNLL, 100*s.PairP, 100*s.PairR, 100*s.PairF1)
}

// CrossString formats the scores computed across documents (no CEAF-e).
func (s Scores) CrossString() string {
	return fmt.Sprintf("MUC %5.1f  B3 %5.1f/%5.1f/%5.1f  pairwise %5.1f/%5.1f/%5.1f",
		100*s.MUCF1, 100*s.B3P, 100*s.B3R, 100*s.B3F1, 100*s.PairP, 100*s.PairR, 100*s.PairF1)
}
