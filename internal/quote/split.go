package quote

import "strings"

// splitTokens is the fallback sentence splitter. It returns, for each
// sentence, the index of its first token; sentences end where the next one
// begins. A paragraph break always ends a sentence; ".", "!", "?" and "…"
// (optionally followed by closing quotation marks or brackets) end one when
// the next token starts with a capital, a digit or an opening mark.
// Abbreviation periods are part of their word token and never split.
func splitTokens(toks []tok) []int {
	if len(toks) == 0 {
		return nil
	}
	starts := []int{0}
	for i := 1; i < len(toks); i++ {
		if toks[i].nlBef {
			starts = append(starts, i)
			continue
		}
		if p := toks[i-1]; p.kind == tWord && len(p.low) > 2 && strings.HasSuffix(p.low, ".") && strings.Contains(p.low[:len(p.low)-1], ".") && toks[i].cap && toks[i].lex.has(bAfterAbbrev) {
			// "… in the U.S. He says …": an abbreviation's period also ends
			// the sentence when a pronoun or article opens the next
			starts = append(starts, i)
			continue
		}
		j := i - 1
		// skip closing marks after the terminator
		for j > starts[len(starts)-1] && (toks[j].kind == tQuote || toks[j].low == ")" || toks[j].low == "]") {
			j--
		}
		t := toks[j]
		if t.kind != tPunct || !(t.low == "." || t.low == "!" || t.low == "?" || t.low == "..." || t.low == "…") {
			continue
		}
		n := toks[i]
		if j == i-1 && n.s == t.e && n.kind == tWord && j > 0 && toks[j-1].e == t.s {
			continue // a period inside an abbreviation: "R-S.D."
		}
		if n.cap || n.kind == tQuote || (n.kind == tWord && n.low[0] >= '0' && n.low[0] <= '9') || n.low == "(" {
			// a quotation mark right after the terminator may close the
			// quote rather than open the next sentence: "... done." he said
			if n.kind == tQuote && j == i-1 && isCloser(n.low) {
				continue
			}
			starts = append(starts, i)
		}
	}
	return starts
}

// afterAbbrev are capitalised words that open a sentence rather than
// continue a name after an abbreviation such as "U.S." or "p.m.".
var afterAbbrev = setOf(`he she they we it the but this that his her their its there`)

func isCloser(q string) bool { return q == "”" || q == "»" || q == "’" }

// SplitSentences is the package's fallback sentence splitter, exposed for
// callers that have no sentence stage.
func SplitSentences(text string) []Sentence {
	toks, release := pooledToks(text)
	defer release()
	starts := splitTokens(toks)
	out := make([]Sentence, len(starts))
	for k, s := range starts {
		e := len(toks)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		out[k] = Sentence{toks[s].s, toks[e-1].e}
	}
	return out
}
