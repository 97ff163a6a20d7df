package ner

// docState is the scratch space for tagging one document. Reusing it keeps
// the per-document work free of allocations once the slices have grown.
type docState struct {
	infos   []tokInfo
	bounds  []int32 // sentence k covers infos[bounds[k]:bounds[k+1]]
	words   wordIDs
	docBits []uint8 // per word (tokInfo.wid): docObserve's bits
	histW   []uint8 // per word: setHistory's bits
	feats   []uint32
	roffs   []int32 // where each token's gathered rows end (weights.gather)
	sink    float32 // what weights.gather touched, kept so its loads stay
	offs    []int32
	em      []float32
	em2     []float32 // joint models: second-pass sums of firstFeatures, per token of the document
	back    []uint8
	score   []float32
	tags    []uint8 // final tag per token
	first   []uint8 // first-pass tag per token
	dgaz    docGaz
	conf    []float32 // per-token confidence of the final pass (when wanted)
	cands   []gazCand // hashTab.markDoc's n-grams
	slotIdx []uint32  // and their slots
	// gazOver, when set (training only), overrides gazetteer entries so a
	// training document does not see its own labelled names.
	gazOver map[uint64]uint8
}

func newDocState() *docState {
	return &docState{score: make([]float32, 2*nTags)}
}

// sentence returns the infos of sentence k.
func (st *docState) sentence(k int) []tokInfo { return st.infos[st.bounds[k]:st.bounds[k+1]] }

// load fills the lexical, sentence, gazetteer, cluster and document features
// for a document given as normalized token strings and sentence bounds.
func (m *Model) load(st *docState, toks []string, bounds []int32) {
	if cap(st.infos) < len(toks) {
		st.infos = make([]tokInfo, len(toks), len(toks)+len(toks)/2)
	}
	st.infos = st.infos[:len(toks)]
	st.bounds = append(st.bounds[:0], bounds...)
	for i, s := range toks {
		ti := &st.infos[i]
		*ti = tokInfo{}
		computeInfo(ti, s)
		if m.clus != nil && m.clusT == nil {
			ti.clus = m.clus[ti.l]
		}
	}
	if t := m.clusT; t != nil && len(st.infos) > 0 {
		// the slots of all the document's words prefetched first,
		// so that their cache misses overlap
		idx := st.slotIdx[:0]
		for i := range st.infos {
			idx = append(idx, t.slotOf(st.infos[i].l))
		}
		st.slotIdx = idx
		prefetchSlots(&t.slots[0], idx)
		for i := range st.infos {
			st.infos[i].clus, _ = t.get(st.infos[i].l)
		}
	}
	st.words.reset(len(st.infos))
	for i := range st.infos {
		st.infos[i].wid = st.words.id(st.infos[i].l)
	}
	gf := m.gazFilter()
	for k := 0; k+1 < len(bounds); k++ {
		sentenceFlags(st.sentence(k))
	}
	if m.gazT != nil && st.gazOver == nil {
		m.gazT.markDoc(st, gf)
	} else {
		for k := 0; k+1 < len(bounds); k++ {
			m.gaz.mark(st.sentence(k), st.gazOver, gf)
		}
	}
	docBitsFlat(st)
	if cap(st.tags) < len(toks) {
		st.tags = make([]uint8, len(toks), len(toks)+len(toks)/2)
		st.first = make([]uint8, len(toks), len(toks)+len(toks)/2)
	}
	st.tags = st.tags[:len(toks)]
	st.first = st.first[:len(toks)]
}

// docBitsFlat runs docBits over the sentences of st.
func docBitsFlat(st *docState) {
	m := resize(st.docBits, int(st.words.n))
	st.docBits = m
	for k := 0; k+1 < len(st.bounds); k++ {
		s := st.sentence(k)
		for i := range s {
			docObserve(m, s, i)
		}
	}
	for i := range st.infos {
		if st.infos[i].flags&fNoLetter == 0 {
			st.infos[i].doc = m[st.infos[i].wid] &^ present
		}
	}
}

// sentFeatures computes the feature offsets of sentence k into st.feats/offs.
func (st *docState) sentFeatures(fz featurizer, k int) {
	s := st.sentence(k)
	st.feats = st.feats[:0]
	st.offs = append(st.offs[:0], 0)
	for i := range s {
		st.feats = fz.features(st.feats, s, i)
		st.offs = append(st.offs, int32(len(st.feats)))
	}
}

// decode tags every sentence of the loaded document with w into out, and
// fills st.conf when conf is set.
func (st *docState) decode(w *weights, out []uint8, conf bool) {
	fz := w.featurizer()
	for k := 0; k+1 < len(st.bounds); k++ {
		n := int(st.bounds[k+1] - st.bounds[k])
		if n == 0 {
			continue
		}
		st.sentFeatures(fz, k)
		st.grow(n)
		if w.idx != nil {
			st.sparseEmissions(w)
		} else {
			w.emissions(st.em, st.feats, st.offs)
		}
		st.finish(w, k, out, conf)
	}
}

// sparseEmissions fills st.em with the emission scores of the sentence
// whose features are in st.feats/offs, from the non-zero rows of a loaded
// model (their rows gathered in place first, as in decodeFirstJoint). The
// rows are the widened 16-bit weights added in feature order, so scores
// are bit-identical to summing float32(q)*scale over every feature: an
// all-zero row adds +0, which leaves a sum that starts at +0 unchanged
// (such a sum is never -0), so gather leaves it out.
func (st *docState) sparseEmissions(w *weights) {
	var touch float32
	w.prefetchIndex(st.feats)
	st.roffs, touch = w.gather(st.feats, st.offs, st.roffs[:0])
	st.sink += touch
	for i := 0; i+1 < len(st.offs); i++ {
		acc := (*[nTags]float32)(st.em[i*nTags:])
		*acc = [nTags]float32{}
		w.sum(acc, st.feats[st.offs[i]:st.roffs[i+1]])
	}
}

// finish decodes sentence k from its emissions in st.em into out, with
// the confidences when conf is set.
func (st *docState) finish(w *weights, k int, out []uint8, conf bool) {
	n := int(st.bounds[k+1] - st.bounds[k])
	o := out[st.bounds[k]:st.bounds[k+1]]
	w.viterbi(st.em, n, o, st.back, st.score)
	if !conf {
		return
	}
	c := st.conf[st.bounds[k]:st.bounds[k+1]]
	for i := range o {
		if o[i] == 0 {
			c[i] = 1
			continue
		}
		prev := 0
		if i > 0 {
			prev = int(o[i-1])
		}
		c[i] = w.confidence(st.em, i, prev, int(o[i]))
	}
}

// decodeFirstJoint is the first pass of a model whose layers share their
// rows (joinRows): each token's firstFeatures are made and looked up once,
// for both layers, and the second layer's sums over them are kept in
// st.em2 for decodeSecondJoint. First-pass tags go to st.first.
//
// A sentence is done in three sweeps: its features, then their rows
// (w1.gather, after their index entries were prefetched), then the sums
// (sumJoint). The row lookups miss the cache more often than not (13 MB
// of 16-bit weights, a 4 MiB index); asked for in a loop of their own,
// free of the sums, many of them are in flight at once instead of a few.
// (Staggering the sweeps a sentence apart, so that a sentence's misses
// overlap the next one's sums, was measured: no gain.)
func (st *docState) decodeFirstJoint(w1, w2 *weights) {
	fz := w1.featurizer()
	total := len(st.infos) * nTags
	if cap(st.em2) < total {
		st.em2 = make([]float32, total, total+total/2)
	}
	st.em2 = st.em2[:total]
	for k := 0; k+1 < len(st.bounds); k++ {
		n := int(st.bounds[k+1] - st.bounds[k])
		if n == 0 {
			continue
		}
		s := st.sentence(k)
		st.grow(n)
		st.feats = st.feats[:0]
		st.offs = append(st.offs[:0], 0)
		for i := range s {
			st.feats = fz.firstFeatures(st.feats, s, i)
			st.offs = append(st.offs, int32(len(st.feats)))
		}
		// gathered in place: token i's rows end up in
		// st.feats[st.offs[i]:st.roffs[i+1]]
		var touch float32
		w1.prefetchIndex(st.feats)
		st.roffs, touch = w1.gather(st.feats, st.offs, st.roffs[:0])
		st.sink += touch
		em2 := st.em2[int(st.bounds[k])*nTags:]
		for i := range s {
			rs := st.feats[st.offs[i]:st.roffs[i+1]]
			acc, acc2 := (*[nTags]float32)(st.em[i*nTags:]), (*[nTags]float32)(em2[i*nTags:])
			*acc, *acc2 = [nTags]float32{}, [nTags]float32{}
			sumJoint(w1, w2, acc, acc2, rs)
		}
		st.finish(w1, k, st.first, false)
	}
}

// decodeSecondJoint is the second pass after decodeFirstJoint: each
// token's sums go on from st.em2 with its secondFeatures, in the order
// features lists them, so the scores are those of decode. Their rows are
// gathered for the sentence first, as in decodeFirstJoint.
func (st *docState) decodeSecondJoint(w2 *weights, out []uint8, conf bool) {
	fz := w2.featurizer()
	for k := 0; k+1 < len(st.bounds); k++ {
		n := int(st.bounds[k+1] - st.bounds[k])
		if n == 0 {
			continue
		}
		s := st.sentence(k)
		st.grow(n)
		copy(st.em, st.em2[int(st.bounds[k])*nTags:int(st.bounds[k+1])*nTags])
		st.feats = st.feats[:0]
		st.offs = append(st.offs[:0], 0)
		for i := range s {
			st.feats = fz.secondFeatures(st.feats, s, i)
			st.offs = append(st.offs, int32(len(st.feats)))
		}
		var touch float32
		w2.prefetchIndex(st.feats)
		st.roffs, touch = w2.gather(st.feats, st.offs, st.roffs[:0])
		st.sink += touch
		for i := range s {
			w2.sum((*[nTags]float32)(st.em[i*nTags:]), st.feats[st.offs[i]:st.roffs[i+1]])
		}
		st.finish(w2, k, out, conf)
	}
}

// resize returns b with length n, zeroed, reusing its memory.
func resize(b []uint8, n int) []uint8 {
	if cap(b) < n {
		return make([]uint8, n, n+n/2)
	}
	b = b[:n]
	clear(b)
	return b
}

func (st *docState) grow(n int) {
	if cap(st.em) < n*nTags {
		st.em = make([]float32, n*nTags*2)
		st.back = make([]uint8, n*nTags*2)
	}
	st.em = st.em[:n*nTags]
	st.back = st.back[:n*nTags]
}

// History bits: which types the first pass gave the same word anywhere in
// the document.
const histO = 1 << 4

// setHistory fills tokInfo.hist from first-pass tags.
func (st *docState) setHistory(tags []uint8) {
	hist := resize(st.histW, int(st.words.n))
	st.histW = hist
	for i := range st.infos {
		t := &st.infos[i]
		if t.flags&fNoLetter != 0 || t.flags&(fInitCap|fAllCaps) == 0 {
			continue
		}
		b := uint8(histO)
		if tg := tags[i]; tg != 0 {
			b = 1 << tagType(int(tg))
		}
		hist[t.wid] |= b
	}
	for i := range st.infos {
		t := &st.infos[i]
		if t.flags&fNoLetter != 0 || t.flags&(fInitCap|fAllCaps) == 0 {
			t.hist = 0
			continue
		}
		t.hist = hist[t.wid] | 1<<5
	}
	st.dgaz.reset()
	for k := 0; k+1 < len(st.bounds); k++ {
		st.dgaz.collect(st.sentence(k), tags[st.bounds[k]:st.bounds[k+1]])
	}
	for k := 0; k+1 < len(st.bounds); k++ {
		st.dgaz.mark(st.sentence(k))
	}
}

// run tags the loaded document: first pass, and a second pass with the
// prediction history when the model has one. Tags end up in st.tags.
func (m *Model) run(st *docState, conf bool) {
	if conf {
		if cap(st.conf) < len(st.infos) {
			st.conf = make([]float32, len(st.infos), len(st.infos)+len(st.infos)/2)
		}
		st.conf = st.conf[:len(st.infos)]
	}
	if m.second == nil {
		st.decode(m.first, st.tags, conf)
		return
	}
	if m.joint {
		st.decodeFirstJoint(m.first, m.second)
		st.setHistory(st.first)
		st.decodeSecondJoint(m.second, st.tags, conf)
		return
	}
	st.decode(m.first, st.first, false)
	st.setHistory(st.first)
	st.decode(m.second, st.tags, conf)
}
