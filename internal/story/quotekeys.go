package story

import "strings"

// Two outlets often carry the same quotation in sentences that otherwise
// differ ("…,” Carter told reporters when asked …" / "…,” Carter said
// during a visit …), and a speaker's words are translated or trimmed
// slightly differently. Sentences whose quoted words mostly coincide are
// one fact, whatever surrounds the quotation.

// quoteOverlap is the least share of the shorter quotation's content words
// found in the other for two sentences to carry the same quote.
const quoteOverlap = 0.6

// minQuoteWords is the least number of content words a quotation needs to
// count: short quoted phrases ("simultaneously") are common to unrelated
// sentences.
const minQuoteWords = 4

// quotePairs pairs the opening and closing quotation marks news text uses.
var quotePairs = map[rune]rune{'“': '”', '"': '"', '«': '»', '„': '“'}

// quoteWords returns the set of content words (stemmed, longer than three
// letters) inside the quotation marks of s; nil when fewer than
// minQuoteWords.
func quoteWords(s string) map[string]bool {
	var set map[string]bool
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		cl, ok := quotePairs[rs[i]]
		if !ok {
			continue
		}
		j := i + 1
		for j < len(rs) && rs[j] != cl {
			j++
		}
		for _, t := range tokenize(string(rs[i+1 : min(j, len(rs))])) {
			if len(t.norm) > 3 && !t.number {
				if set == nil {
					set = map[string]bool{}
				}
				set[t.norm] = true
			}
		}
		i = j
	}
	if len(set) < minQuoteWords {
		return nil
	}
	return set
}

// sameQuoteWords reports whether two quotation word sets mostly coincide.
func sameQuoteWords(a, b map[string]bool) bool {
	if a == nil || b == nil {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) >= quoteOverlap*float64(len(a))
}

// hasQuote reports whether s holds a quotation mark at all (a cheap test
// before quoteWords).
func hasQuote(s string) bool { return strings.ContainsAny(s, "“\"«„") }
