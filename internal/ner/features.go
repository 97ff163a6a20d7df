package ner

// Feature templates. Each feature is mix(template, value) reduced to a
// bucket of the weight table. Some templates are unused (tried and dropped
// on dev); they keep their slot so that the ids, and so the shipped weights,
// stay valid. Append new templates at the end.
const (
	tBias uint64 = iota + 1
	tW0
	tL0
	tLm1
	tLp1
	tLm2
	tLp2
	tWm1
	tWp1
	tSh0
	tShm1
	tShp1
	tShs2
	tShs2b
	tShs3
	tPre
	tSuf
	tBiL
	tBiR
	tFlags0
	tFlagsm1
	tFlagsp1
	tCapsL0
	tFirstL0
	tGaz
	tGazm1
	tGazp1
	tGazCap
	tDoc
	tDocSh
	tDocFl
	tClus
	tClusm1
	tClusp1
	tHist
	tHistFl
	tTitleL0
	tPairGaz
	tLm1Sh0
	tSh0Lp1
	tLm2Sh0
	tSh0Lp2
	tRun
	tSufSh
	tWm1W0
	tParticle
	tGazx
	tGazxCap
	tGazxm1
	tGazxp1
	tDgaz
	tDgazCap
	tDgazm1
	tDgazp1
)

var padInfo = tokInfo{w: 0x51, l: 0x51, shape: 0x51, short: 0x51, flags: fNoLetter}

const lexFlags = fInitCap | fAllCaps | fLower | fHasDigit | fAllDigit | fHyphen | fPeriod | fApos | fNoLetter | fMixed

// nLexical is the number of word-identity features after the bias.
const nLexical = 4

// featurizer appends bucket offsets (bucket*nTags) for one token.
type featurizer struct {
	mask  uint64
	nTags uint32
}

func (fz featurizer) f(dst []uint32, tpl, v uint64) []uint32 {
	return append(dst, uint32(mix(tpl, v)&fz.mask)*fz.nTags)
}

func (fz featurizer) features(dst []uint32, s []tokInfo, i int) []uint32 {
	return fz.secondFeatures(fz.firstFeatures(dst, s, i), s, i)
}

// at returns token k of s, or the padding outside it.
func at(s []tokInfo, k int) *tokInfo {
	if k < 0 || k >= len(s) {
		return &padInfo
	}
	return &s[k]
}

// firstFeatures appends the features of token i that do not depend on the
// first pass's results: all the first pass has, and the head of the
// second pass's list.
func (fz featurizer) firstFeatures(dst []uint32, s []tokInfo, i int) []uint32 {
	t0, m1, p1, m2, p2 := &s[i], at(s, i-1), at(s, i+1), at(s, i-2), at(s, i+2)
	dst = fz.f(dst, tBias, 0)
	// The word's own identity first (positions 1 to nLexical): training
	// may drop them (see TrainOptions.WordDropout).
	dst = fz.f(dst, tW0, t0.w)
	dst = fz.f(dst, tL0, t0.l)
	dst = fz.f(dst, tBiL, mix(m1.l, t0.l))
	dst = fz.f(dst, tBiR, mix(t0.l, p1.l))
	dst = fz.f(dst, tLm1, m1.l)
	dst = fz.f(dst, tLp1, p1.l)
	dst = fz.f(dst, tLm2, m2.l)
	dst = fz.f(dst, tLp2, p2.l)
	dst = fz.f(dst, tWm1, m1.w)
	dst = fz.f(dst, tWp1, p1.w)
	dst = fz.f(dst, tSh0, t0.shape)
	dst = fz.f(dst, tShm1, m1.shape)
	dst = fz.f(dst, tShp1, p1.shape)
	dst = fz.f(dst, tShs2, mix(m1.short, t0.short))
	dst = fz.f(dst, tShs2b, mix(t0.short, p1.short))
	dst = fz.f(dst, tShs3, mix(mix(m1.short, t0.short), p1.short))
	for k := 0; k < 4; k++ {
		if t0.pre[k] != 0 {
			dst = fz.f(dst, tPre+uint64(k)<<32, t0.pre[k])
			dst = fz.f(dst, tSuf+uint64(k)<<32, t0.suf[k])
		}
	}
	fl := uint64(t0.flags)
	dst = fz.f(dst, tFlags0, fl)
	dst = fz.f(dst, tFlagsm1, uint64(m1.flags&lexFlags))
	dst = fz.f(dst, tFlagsp1, uint64(p1.flags&lexFlags))
	if t0.flags&fCapsSent != 0 {
		dst = fz.f(dst, tCapsL0, t0.l)
	}
	if t0.flags&fFirst != 0 {
		dst = fz.f(dst, tFirstL0, t0.l)
	}
	if t0.flags&fTitleSent != 0 {
		dst = fz.f(dst, tTitleL0, t0.l)
	}
	for g := t0.gaz; g != 0; g &= g - 1 {
		b := uint64(trailingZeros16(g))
		dst = fz.f(dst, tGaz, b)
		dst = fz.f(dst, tGazCap, b<<16|uint64(t0.flags&(fInitCap|fAllCaps|fLower|fFirst|fCapsSent)))
	}
	dst = fz.f(dst, tGazm1, uint64(m1.gaz))
	dst = fz.f(dst, tGazp1, uint64(p1.gaz))
	if t0.gazx != 0 {
		for g := t0.gazx; g != 0; g &= g - 1 {
			b := uint64(trailingZeros16(g))
			dst = fz.f(dst, tGazx, b)
			dst = fz.f(dst, tGazxCap, b<<16|uint64(t0.flags&(fInitCap|fAllCaps|fLower|fFirst|fCapsSent)))
		}
	}
	if m1.gazx != 0 {
		dst = fz.f(dst, tGazxm1, uint64(m1.gazx))
	}
	if p1.gazx != 0 {
		dst = fz.f(dst, tGazxp1, uint64(p1.gazx))
	}
	if t0.flags&fNoLetter == 0 {
		dst = fz.f(dst, tDoc, uint64(t0.doc))
		dst = fz.f(dst, tDocSh, mix(uint64(t0.doc), t0.short))
		dst = fz.f(dst, tDocFl, uint64(t0.doc)<<16|fl)
	}
	if t0.clus != 0 {
		for _, p := range [...]uint32{4, 8, 12, 16} {
			dst = fz.f(dst, tClus+uint64(p)<<32, uint64(t0.clus>>(32-p)))
		}
	}
	if m1.clus != 0 {
		dst = fz.f(dst, tClusm1, uint64(m1.clus>>24))
	}
	if p1.clus != 0 {
		dst = fz.f(dst, tClusp1, uint64(p1.clus>>24))
	}
	if (t0.flags|m1.flags|p1.flags)&fParticle != 0 {
		dst = fz.f(dst, tParticle, uint64(t0.flags&fParticle)|uint64(m1.flags&fParticle)<<1|uint64(p1.flags&fParticle)<<2|uint64(t0.flags&(fInitCap|fLower)))
	}
	return dst
}

// secondFeatures appends the features of token i made of the first pass's
// results (document gazetteer and prediction history; none before the
// first pass has run), which end the list.
func (fz featurizer) secondFeatures(dst []uint32, s []tokInfo, i int) []uint32 {
	t0, m1, p1 := &s[i], at(s, i-1), at(s, i+1)
	fl := uint64(t0.flags)
	if t0.dgaz != 0 {
		for g := t0.dgaz; g != 0; g &= g - 1 {
			b := uint64(trailingZeros16(g))
			dst = fz.f(dst, tDgaz, b)
			dst = fz.f(dst, tDgazCap, b<<16|uint64(t0.flags&(fInitCap|fAllCaps|fLower|fFirst|fCapsSent|fTitleSent)))
		}
	}
	if m1.dgaz != 0 {
		dst = fz.f(dst, tDgazm1, uint64(m1.dgaz))
	}
	if p1.dgaz != 0 {
		dst = fz.f(dst, tDgazp1, uint64(p1.dgaz))
	}
	if t0.hist != 0 {
		dst = fz.f(dst, tHist, uint64(t0.hist))
		dst = fz.f(dst, tHistFl, uint64(t0.hist)<<16|fl)
	}
	return dst
}

func trailingZeros16(x uint16) int {
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}
