package story

import (
	"strings"
	"time"
	"unicode"
)

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
//
// Within a stream of headlines many stories share their words: the
// market report of every day, one company's several stories of a week. A
// headline carries too few words to tell them apart, so time does: a
// dated headline joins a dated event, groups with another headline, or
// lets its event merge with another, only within Config.HeadlineGap. An
// event whose coverage fell silent that long is over; the next burst is a
// new event, linked into the same storyline by the storyline step.

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
	// strings.Fields would split the whole of a long body first
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			in = true
			if n++; n > maxHeadlineWords {
				break
			}
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

// eventGap is the time gap between t and the span [first, last] of an
// event (or a second article, first = last), and the most it may be: for
// an article EventGap; for a headline HeadlineGap, with the gap the least
// the stamps allow, since a bare date (midnight UTC, as feeds that give
// only the day write it) stands for any time of its day.
func (c *Clusterer) eventGap(t, first, last time.Time, headline bool) (gap, limit time.Duration) {
	switch {
	case t.Before(first):
		gap = first.Sub(t)
		if headline && (bareDate(t) || bareDate(first)) {
			gap -= 24 * time.Hour
		}
	case t.After(last):
		gap = t.Sub(last)
		if headline && (bareDate(t) || bareDate(last)) {
			gap -= 24 * time.Hour
		}
	}
	if !headline {
		return gap, c.cfg.EventGap
	}
	return max(gap, 0), c.cfg.HeadlineGap
}

// bareDate reports whether t is a date without a time of day.
func bareDate(t time.Time) bool {
	t = t.UTC()
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// headlineSpansMeet reports whether the spans of two dated events lie
// within HeadlineGap of each other.
func (c *Clusterer) headlineSpansMeet(a, b *event) bool {
	if !a.First.After(b.Last) && !b.First.After(a.Last) {
		return true
	}
	g1, limit := c.eventGap(a.First, b.First, b.Last, true)
	g2, _ := c.eventGap(a.Last, b.First, b.Last, true)
	return min(g1, g2) <= limit
}

// allHeadlines reports whether the articles g of fs are all headlines.
func allHeadlines(fs []docFeatures, g []int) bool {
	for _, i := range g {
		if !fs[i].headline {
			return false
		}
	}
	return len(g) > 0
}
