package polnear

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Prediction is one predicted quotation: its content pieces and the surface
// span of its source (the words naming the speaker in the text, as PolNeAR
// annotates them: "he", "Mr. Trump", "a spokesman"). Source is empty when
// no speaker was found.
type Prediction struct {
	Content []Span
	Source  []Span
}

// Counts accumulates match counts over articles.
type Counts struct {
	Gold, Pred             int // attributions / predictions
	ExactMatch             int // one-to-one exact content matches
	PartialMatch           int // one-to-one overlapping content matches
	SpeakerGold            int // partial matches whose gold attribution has a source span
	SpeakerOverlap         int // … of which the predicted source overlaps the gold source
	SpeakerExact           int // … of which the predicted source equals the gold source
	GoldQuoted, QuotedHits int // gold contents holding a quotation mark, and how many are partially matched
}

// Metrics are the figures derived from Counts.
type Metrics struct {
	Articles             int     `json:"articles"`
	Gold                 int     `json:"gold"`
	Pred                 int     `json:"pred"`
	ExactP               float64 `json:"exact_p"`
	ExactR               float64 `json:"exact_r"`
	ExactF1              float64 `json:"exact_f1"`
	PartialP             float64 `json:"partial_p"`
	PartialR             float64 `json:"partial_r"`
	PartialF1            float64 `json:"partial_f1"`
	SpeakerAccuracy      float64 `json:"speaker_accuracy"`
	SpeakerExactAccuracy float64 `json:"speaker_exact_accuracy"`
	SpeakerN             int     `json:"speaker_n"`
	QuotedRecall         float64 `json:"quoted_recall"`
	QuotedGold           int     `json:"quoted_gold"`
	ExactMatches         int     `json:"exact_matches"`
	PartialMatches       int     `json:"partial_matches"`
}

// Score matches predictions against the gold attributions of one article
// and adds the result to c.
//
// Definitions (all spans are whitespace-trimmed byte ranges):
//   - exact match: the predicted content pieces equal the gold content
//     pieces (same number, same boundaries); matching is one-to-one.
//   - partial match: the predicted and gold contents share at least one
//     non-space byte; pairs are matched one-to-one, greedily by largest
//     overlap (ties: text order).
//   - precision = matches / predictions, recall = matches / gold
//     attributions, F1 their harmonic mean.
//   - speaker accuracy: over the partially matched pairs whose gold
//     attribution has a source span, the share whose predicted source
//     overlaps the gold source; a missing predicted source counts as wrong.
//     The exact variant requires identical source boundaries.
func Score(c *Counts, text string, gold []Attribution, pred []Prediction) {
	c.Gold += len(gold)
	c.Pred += len(pred)
	gc := make([][]Span, len(gold))
	for i, g := range gold {
		gc[i] = trimAll(text, g.Content)
		if strings.ContainsAny(joined(text, gc[i]), "\"“”‘’«»„") || strings.Contains(joined(text, gc[i]), "''") {
			c.GoldQuoted++
		}
	}
	pc := make([][]Span, len(pred))
	for i, p := range pred {
		pc[i] = trimAll(text, p.Content)
	}
	// Exact.
	used := make([]bool, len(pred))
	for i := range gold {
		for j := range pred {
			if !used[j] && equalSpans(gc[i], pc[j]) {
				used[j] = true
				c.ExactMatch++
				break
			}
		}
	}
	// Partial.
	type pair struct{ g, p, ov int }
	var pairs []pair
	for i := range gold {
		for j := range pred {
			if ov := overlap(gc[i], pc[j]); ov > 0 {
				pairs = append(pairs, pair{i, j, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].ov > pairs[b].ov })
	gUsed := make([]bool, len(gold))
	pUsed := make([]bool, len(pred))
	for _, pr := range pairs {
		if gUsed[pr.g] || pUsed[pr.p] {
			continue
		}
		gUsed[pr.g], pUsed[pr.p] = true, true
		c.PartialMatch++
		if strings.ContainsAny(joined(text, gc[pr.g]), "\"“”‘’«»„") || strings.Contains(joined(text, gc[pr.g]), "''") {
			c.QuotedHits++
		}
		gs := trimAll(text, gold[pr.g].Source)
		if len(gs) == 0 {
			continue
		}
		c.SpeakerGold++
		ps := trimAll(text, pred[pr.p].Source)
		if overlap(gs, ps) > 0 {
			c.SpeakerOverlap++
		}
		if equalSpans(gs, ps) {
			c.SpeakerExact++
		}
	}
}

// Metrics derives precision, recall, F1 and accuracies.
func (c *Counts) Metrics(articles int) Metrics {
	m := Metrics{Articles: articles, Gold: c.Gold, Pred: c.Pred, SpeakerN: c.SpeakerGold,
		QuotedGold: c.GoldQuoted, ExactMatches: c.ExactMatch, PartialMatches: c.PartialMatch}
	m.ExactP, m.ExactR, m.ExactF1 = prf(c.ExactMatch, c.Pred, c.Gold)
	m.PartialP, m.PartialR, m.PartialF1 = prf(c.PartialMatch, c.Pred, c.Gold)
	m.SpeakerAccuracy = ratio(c.SpeakerOverlap, c.SpeakerGold)
	m.SpeakerExactAccuracy = ratio(c.SpeakerExact, c.SpeakerGold)
	m.QuotedRecall = ratio(c.QuotedHits, c.GoldQuoted)
	return m
}

func prf(match, pred, gold int) (p, r, f float64) {
	p, r = ratio(match, pred), ratio(match, gold)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }

// trimAll trims white space from each span and drops empty ones.
func trimAll(text string, spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		for s.Start < s.End {
			r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
			if !isSpace(r) {
				break
			}
			s.Start += n
		}
		for s.End > s.Start {
			r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
			if !isSpace(r) {
				break
			}
			s.End -= n
		}
		if s.Start < s.End {
			out = append(out, s)
		}
	}
	sortSpans(out)
	return out
}

func equalSpans(a, b []Span) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// overlap is the number of bytes shared by two span sets.
func overlap(a, b []Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			if hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

func joined(text string, s []Span) string {
	var b strings.Builder
	for _, x := range s {
		b.WriteString(text[x.Start:x.End])
	}
	return b.String()
}
