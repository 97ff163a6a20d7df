package ner

// Document-level bits: how the same word (lower-cased) is written in
// reliable positions elsewhere in the document (not sentence-initial, not in
// a headline). They let the model read capitalised headlines and sentence
// starts through the rest of the article.
const (
	docCapMid   = 1 << iota // seen capitalised mid-sentence
	docLowerMid             // seen lower-case mid-sentence
	docCapsMid              // seen all-caps mid-sentence (acronym)
	docSeen                 // seen at least once in a reliable position
	docRepeat               // occurs more than once in the document
	present     = 1 << 7    // scratch marker: word seen in the document
)

// docObserve records how token i of sentence s is written, in m indexed
// by word number (tokInfo.wid).
func docObserve(m []uint8, s []tokInfo, i int) {
	t := &s[i]
	if t.flags&fNoLetter != 0 {
		return
	}
	b := m[t.wid]
	if b&present != 0 {
		b |= docRepeat
	}
	b |= present
	if i > 0 && t.flags&(fCapsSent|fTitleSent) == 0 {
		switch {
		case t.flags&fAllCaps != 0:
			b |= docCapsMid | docSeen
		case t.flags&fInitCap != 0:
			b |= docCapMid | docSeen
		case t.flags&fLower != 0:
			b |= docLowerMid | docSeen
		}
	}
	m[t.wid] = b
}
