package ner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/eval/conll"
)

// TrainOptions configures Train. Training is deterministic for a given
// Seed and input files.
type TrainOptions struct {
	Train    []conll.Document // labelled training documents
	Dev      []conll.Document // development documents (epoch selection only)
	Gazettes []conll.Document // silver documents whose mentions form the gazetteer
	// Lists are extra name lists (at most 4, e.g. GeoNames places), each
	// its own gazetteer feature rather than an entity type.
	Lists    [][][]string
	Clusters map[string]uint32
	Bits     uint // log2 of the number of weight buckets
	Epochs   int  // maximum epochs per layer (the exact count when Dev is empty)
	// SecondEpochs, when > 0, is the epoch count of the second pass
	// (otherwise Epochs). Used when training without Dev, with the counts
	// that dev selected in a run on train alone.
	SecondEpochs int
	Folds        int    // jackknife folds for the second pass (0: single pass)
	Seed         uint64 // shuffling seed
	// Members, when > 1, trains each layer as the mean of that many
	// perceptrons with different shuffling seeds (see trainLayer).
	Members int
	// WordDropout is the share of tokens whose word-identity features
	// (the word, its lower-cased form and the two word bigrams) are left
	// out in a training step, so the model also learns to tag from context,
	// shape, clusters and gazetteers: names unseen in training are tagged
	// that way.
	WordDropout float64
	// CaseAugment, when > 0, adds an upper-cased copy of every
	// CaseAugment-th training document and a lower-cased copy of another
	// such share, so headlines in capitals or in lower case are not lost.
	CaseAugment int
	// GazetteTrain adds the names of the Train documents to the gazetteer,
	// hidden from each training document's own features (see
	// labelledGazetteer).
	GazetteTrain bool
	Log          io.Writer
	// Notes describe the inputs (file checksums, list sizes); Train logs them.
	Notes []string
}

// corpus is a featurized training set.
type corpus struct {
	feats []uint32
	offs  []int32 // token i: feats[offs[i]:offs[i+1]]
	sents []int32 // sentence k: tokens [sents[k], sents[k+1])
	gold  []uint8
}

func docTokens(d conll.Document) ([]string, []int32) {
	var strs []string
	bounds := []int32{0}
	for _, s := range d.Sentences {
		for _, t := range s.Tokens {
			strs = append(strs, normalize(t))
		}
		bounds = append(bounds, int32(len(strs)))
	}
	return strs, bounds
}

// buildCorpus featurizes docs; hist, when set, holds first-pass tags per doc.
// lg, when set, hides each document's own labelled names from the gazetteer.
func (m *Model) buildCorpus(docs []conll.Document, bits uint, hist [][]uint8, lg *labelledGazetteer) *corpus {
	c := &corpus{offs: []int32{0}, sents: []int32{0}}
	st := newDocState()
	fz := featurizer{mask: 1<<bits - 1, nTags: uint32(nTags)}
	for di, d := range docs {
		strs, bounds := docTokens(d)
		st.gazOver = nil
		if lg != nil {
			st.gazOver = lg.overlay(d)
		}
		m.load(st, strs, bounds)
		if hist != nil {
			st.setHistory(hist[di])
		}
		for k, s := range d.Sentences {
			infos := st.sentence(k)
			for i := range infos {
				c.feats = fz.features(c.feats, infos, i)
				c.offs = append(c.offs, int32(len(c.feats)))
			}
			c.gold = append(c.gold, encodeBILOU(s.Tags, nil)...)
			c.sents = append(c.sents, int32(len(c.gold)))
		}
	}
	if minFeatureCount > 1 {
		c.prune(minFeatureCount)
	}
	return c
}

// minFeatureCount drops features seen fewer times in training: they are
// memorised rather than learnt, and dropping them shrinks the model.
var minFeatureCount = 1

// prune removes features whose bucket occurs fewer than min times.
func (c *corpus) prune(min int) {
	cnt := map[uint32]int32{}
	for _, f := range c.feats {
		cnt[f]++
	}
	out := c.feats[:0]
	start := int32(0)
	for i := 0; i+1 < len(c.offs); i++ {
		a, b := start, c.offs[i+1]
		start = b
		for _, f := range c.feats[a:b] {
			if cnt[f] >= int32(min) {
				out = append(out, f)
			}
		}
		c.offs[i+1] = int32(len(out))
	}
	c.feats = out
}

// trainLayer runs the averaged structured perceptron over c. When eval is
// set it is called with the averaged weights after each epoch and the best
// epoch's weights are returned. With members > 1 it trains that many
// perceptrons side by side, each with its own shuffling seed, and the
// weights of an epoch are the mean of their averaged weights (a small
// ensemble that costs nothing at tagging time).
func trainLayer(c *corpus, bits uint, epochs int, seed uint64, members int, drop float64, eval func(*weights) float64, log io.Writer) (*weights, int) {
	members = max(members, 1)
	ps := make([]*perceptron, members)
	for j := range ps {
		ps[j] = newPerceptron(c, bits)
		ps[j].drop = drop
	}
	var best *weights
	bestF, bestEpoch := -1.0, 0
	for ep := 1; ep <= epochs; ep++ {
		errs := 0
		for j, p := range ps {
			s := seed
			if j > 0 {
				s = seed + uint64(j)*0x9e3779b9
			}
			errs += p.epoch(rand.New(rand.NewPCG(s, uint64(ep))))
		}
		avg := ps[0].averaged()
		for _, p := range ps[1:] {
			o := p.averaged()
			for i := range avg.w {
				avg.w[i] += o.w[i]
			}
			for a := range avg.trans {
				for b := range avg.trans[a] {
					avg.trans[a][b] += o.trans[a][b]
				}
			}
		}
		if members > 1 {
			inv := 1 / float32(members)
			for i := range avg.w {
				avg.w[i] *= inv
			}
			for a := range avg.trans {
				for b := range avg.trans[a] {
					avg.trans[a][b] *= inv
				}
			}
		}
		if eval == nil {
			best, bestEpoch = avg, ep
			logf(log, "  epoch %d: %d token errors", ep, errs)
			continue
		}
		f := eval(avg)
		logf(log, "  epoch %d: %d token errors, dev F1 %.4f", ep, errs, f)
		if f > bestF {
			best, bestF, bestEpoch = avg, f, ep
		}
	}
	return best, bestEpoch
}

// perceptron is the state of one averaged structured perceptron.
type perceptron struct {
	c     *corpus
	bits  uint
	w     *weights
	u     []float32
	ut    [nTags + 1][nTags]float32
	order []int
	cnt   float32
	em    []float32
	back  []uint8
	pred  []uint8
	score []float32
	drop  float64 // word dropout rate
	mask  []bool  // tokens of the current sentence whose word features are dropped
}

func newPerceptron(c *corpus, bits uint) *perceptron {
	w := newWeights(bits)
	p := &perceptron{c: c, bits: bits, w: w, u: make([]float32, len(w.w)), cnt: 1, score: make([]float32, 2*nTags)}
	p.order = make([]int, len(c.sents)-1)
	for i := range p.order {
		p.order[i] = i
	}
	return p
}

// epoch runs one shuffled pass and returns the number of token errors.
func (p *perceptron) epoch(rng *rand.Rand) int {
	c, w, u := p.c, p.w, p.u
	order := p.order
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	errs := 0
	for _, k := range order {
		a, b := int(c.sents[k]), int(c.sents[k+1])
		n := b - a
		if n == 0 {
			continue
		}
		if cap(p.em) < n*nTags {
			p.em = make([]float32, 2*n*nTags)
			p.back = make([]uint8, 2*n*nTags)
			p.pred = make([]uint8, 2*n)
		}
		em, back, pred := p.em[:n*nTags], p.back[:n*nTags], p.pred[:n]
		if p.drop > 0 {
			p.mask = p.mask[:0]
			for i := 0; i < n; i++ {
				p.mask = append(p.mask, rng.Float64() < p.drop)
			}
			w.emissionsDrop(em, c.feats, c.offs[a:b+1], p.mask)
		} else {
			w.emissions(em, c.feats, c.offs[a:b+1])
		}
		w.viterbi(em, n, pred, back, p.score)
		gold := c.gold[a:b]
		cnt := p.cnt
		for i := 0; i < n; i++ {
			g, pr := int(gold[i]), int(pred[i])
			gp, pp := nTags, nTags
			if i > 0 {
				gp, pp = int(gold[i-1]), int(pred[i-1])
			}
			if g != pr {
				errs++
				dropped := p.drop > 0 && p.mask[i]
				for k, f := range c.feats[c.offs[a+i]:c.offs[a+i+1]] {
					if dropped && k >= 1 && k <= nLexical {
						continue
					}
					w.w[int(f)+g]++
					u[int(f)+g] += cnt
					w.w[int(f)+pr]--
					u[int(f)+pr] -= cnt
				}
			}
			if g != pr || gp != pp {
				w.trans[gp][g]++
				p.ut[gp][g] += cnt
				w.trans[pp][pr]--
				p.ut[pp][pr] -= cnt
			}
		}
		p.cnt++
	}
	return errs
}

// averaged returns the averaged weights so far.
func (p *perceptron) averaged() *weights {
	avg := newWeights(p.bits)
	for i := range avg.w {
		avg.w[i] = p.w.w[i] - p.u[i]/p.cnt
	}
	for a := range avg.trans {
		for b := range avg.trans[a] {
			avg.trans[a][b] = p.w.trans[a][b] - p.ut[a][b]/p.cnt
		}
	}
	return avg
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format+"\n", args...)
	}
}

// Evaluate scores m on docs with conlleval semantics.
func (m *Model) Evaluate(docs []conll.Document) *conll.Scorer {
	sc := conll.NewScorer()
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Tokens
		}
		pred := m.TagDocument(sents)
		for i, s := range d.Sentences {
			sc.Add(s.Tags, pred[i])
		}
	}
	return sc
}

// Train builds a model from labelled documents.
func Train(o TrainOptions) (*Model, error) {
	if len(o.Train) == 0 {
		return nil, fmt.Errorf("ner: no training documents")
	}
	if o.Bits == 0 {
		o.Bits = 20
	}
	if o.Epochs == 0 {
		o.Epochs = 10
	}
	start := time.Now()
	for _, n := range o.Notes {
		logf(o.Log, "%s", n)
	}
	labelled := o.Train
	o.Train = caseAugment(o.Train, o.CaseAugment)
	m := &Model{gaz: gazetteer{}}
	for _, d := range o.Gazettes {
		for _, s := range d.Sentences {
			for _, sp := range conll.Spans(s.Tags) {
				if t := typeIndex(sp.Type); t >= 0 {
					m.gaz.add(s.Tokens[sp.Start:sp.End], t)
				}
			}
		}
	}
	if len(o.Lists) > 4 {
		return nil, fmt.Errorf("ner: %d name lists, at most 4", len(o.Lists))
	}
	for src, names := range o.Lists {
		for _, toks := range names {
			m.gaz.addList(toks, src)
		}
	}
	var lg *labelledGazetteer
	if o.GazetteTrain {
		lg = newLabelledGazetteer(m.gaz, labelled)
	}
	if len(o.Clusters) > 0 {
		m.clus = make(map[uint64]uint32, len(o.Clusters))
		for w, p := range o.Clusters {
			m.clus[hashLowerNorm(w)] = p
		}
	}
	logf(o.Log, "gazetteer: %d names; clusters: %d words", len(m.gaz), len(m.clus))
	devF1 := func(mm *Model) float64 {
		if len(o.Dev) == 0 {
			return 0
		}
		return mm.Evaluate(o.Dev).Total.F1()
	}
	var evalFirst func(*weights) float64
	if len(o.Dev) > 0 {
		evalFirst = func(w *weights) float64 { return devF1(&Model{first: w, gaz: m.gaz, clus: m.clus}) }
	}
	c := m.buildCorpus(o.Train, o.Bits, nil, lg)
	logf(o.Log, "first pass: %d tokens, %d features (%.1fs)", len(c.gold), len(c.feats), time.Since(start).Seconds())
	first, ep1 := trainLayer(c, o.Bits, o.Epochs, o.Seed, o.Members, o.WordDropout, evalFirst, o.Log)
	m.first = first
	logf(o.Log, "first pass: best epoch %d (%.1fs)", ep1, time.Since(start).Seconds())
	if o.Folds < 2 {
		return m, nil
	}
	// Jackknife first-pass tags for the training documents.
	hist := make([][]uint8, len(o.Train))
	for f := 0; f < o.Folds; f++ {
		var in []conll.Document
		var outIdx []int
		for i, d := range o.Train {
			if i%o.Folds == f {
				outIdx = append(outIdx, i)
			} else {
				in = append(in, d)
			}
		}
		fc := m.buildCorpus(in, o.Bits, nil, lg)
		fw, _ := trainLayer(fc, o.Bits, ep1, o.Seed+uint64(f)+1, 1, o.WordDropout, nil, nil)
		fm := &Model{first: fw, gaz: m.gaz, clus: m.clus}
		st := newDocState()
		for _, i := range outIdx {
			strs, bounds := docTokens(o.Train[i])
			st.gazOver = nil
			if lg != nil {
				st.gazOver = lg.overlay(o.Train[i])
			}
			fm.load(st, strs, bounds)
			fm.run(st, false)
			hist[i] = append([]uint8(nil), st.tags...)
		}
		logf(o.Log, "fold %d/%d done (%.1fs)", f+1, o.Folds, time.Since(start).Seconds())
	}
	c2 := m.buildCorpus(o.Train, o.Bits, hist, lg)
	var evalSecond func(*weights) float64
	if len(o.Dev) > 0 {
		evalSecond = func(w *weights) float64 { return devF1(&Model{first: m.first, second: w, gaz: m.gaz, clus: m.clus}) }
	}
	e2 := o.Epochs
	if o.SecondEpochs > 0 {
		e2 = o.SecondEpochs
	}
	second, ep2 := trainLayer(c2, o.Bits, e2, o.Seed+100, o.Members, o.WordDropout, evalSecond, o.Log)
	m.second = second
	logf(o.Log, "second pass: best epoch %d (%.1fs)", ep2, time.Since(start).Seconds())
	return m, nil
}

// caseAugment returns docs plus upper- and lower-cased copies of every n-th
// document (offsets n/2 and n-1), or docs itself when n <= 0.
func caseAugment(docs []conll.Document, n int) []conll.Document {
	if n <= 0 {
		return docs
	}
	out := append([]conll.Document(nil), docs...)
	for i, d := range docs {
		var f func(string) string
		switch i % n {
		case n / 2:
			f = strings.ToUpper
		case n - 1:
			f = strings.ToLower
		default:
			continue
		}
		nd := conll.Document{Sentences: make([]conll.Sentence, len(d.Sentences))}
		for k, s := range d.Sentences {
			toks := make([]string, len(s.Tokens))
			for j, t := range s.Tokens {
				toks[j] = f(t)
			}
			nd.Sentences[k] = conll.Sentence{Tokens: toks, Tags: s.Tags}
		}
		out = append(out, nd)
	}
	return out
}
