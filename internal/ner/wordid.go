package ner

// wordIDs numbers the distinct words (lower-cased hashes, tokInfo.l) of a
// document 0, 1, 2, ... in order of first occurrence, so the per-word
// document state (how a word is written elsewhere, what the first pass
// called it) lives in small slices indexed by number instead of maps:
// one probe per token instead of several map operations.
type wordIDs struct {
	slots []wordSlot
	n     int32
}

type wordSlot struct {
	key uint64
	id  int32 // id+1; 0: empty
}

// reset empties the table for a document of n tokens (at most half full).
func (w *wordIDs) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(w.slots) < size {
		w.slots = make([]wordSlot, size)
	} else {
		w.slots = w.slots[:size]
		clear(w.slots)
	}
	w.n = 0
}

// id returns the number of word k, giving it the next one when new.
func (w *wordIDs) id(k uint64) int32 {
	mask := uint64(len(w.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> 32 & mask; ; i = (i + 1) & mask {
		s := &w.slots[i]
		if s.id == 0 {
			w.n++
			*s = wordSlot{key: k, id: w.n}
			return w.n - 1
		}
		if s.key == k {
			return s.id - 1
		}
	}
}
