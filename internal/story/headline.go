package story

import "strings"

// Headline mode. The commonest feed item is a headline without a body. A
// headline shares few words with the others of its story, and its words
// are all title words, so the article weighting (title words twice,
// capitalised words more: Title Case headlines capitalise every word)
// means nothing there. An article whose body, beyond its title, is at most
// maxHeadlineWords words is clustered as a headline: its terms are the
// headline's content words, unweighted, and it is held to the headline
// thresholds of Config (set on headline data) instead of the article ones.
// (Pairs of adjacent words as extra terms were tried on the headline dev
// set and did not help.)

// maxHeadlineWords is the most words a body may have, beyond a title it
// repeats, for the article to count as a headline: a line or two (a feed
// item's summary). A text without a title counts as a headline only when
// it reads as one: at most maxBareHeadlineWords words, not ended by a
// full stop (a one-sentence brief, common in wire feeds and in ECB+, is an
// article).
const (
	maxHeadlineWords     = 40
	maxBareHeadlineWords = 20
)

// isHeadline reports whether d is a headline alone.
func isHeadline(d *Doc) bool {
	title, body := strings.TrimSpace(d.Title), strings.TrimSpace(d.Text)
	if title == "" {
		return body != "" && !strings.HasSuffix(body, ".") && words(body) <= maxBareHeadlineWords
	}
	return words(strings.TrimSpace(strings.TrimPrefix(body, title))) <= maxHeadlineWords
}

// words counts the words of s, stopping past maxHeadlineWords.
func words(s string) int {
	n := 0
	for range strings.Fields(s) {
		if n++; n > maxHeadlineWords {
			break
		}
	}
	return n
}

// headlineText is the text of a headline article: its title, and its
// body when that is more than the title repeated.
func headlineText(d *Doc) string {
	t, body := strings.TrimSpace(d.Title), strings.TrimSpace(d.Text)
	switch {
	case t == "":
		return body
	case body == "" || strings.HasPrefix(body, t):
		return t + strings.TrimPrefix(body, t)
	}
	return t + "\n" + body
}

// addHeadline counts the terms of a headline: its content words and
// numbers, each occurrence once, without the article boosts.
func addHeadline(counts map[uint64]float64, s string) {
	for _, t := range tokenize(s) {
		if t.content() || (t.number && len(t.norm) >= 2) {
			counts[hashKey('t', t.norm)]++
		}
	}
}

// headScale is the factor that puts a score involving headlines on the
// article scale, so that one threshold compares both: the article
// threshold over the headline one.
func headScale(article, headline float64) float64 {
	if headline <= 0 {
		return 1
	}
	return article / headline
}
