package story

// Page is what a story page shows composed from its articles: the
// cited summary, the timeline and the outlet comparison.
type Page struct {
	Summary    []SummarySentence
	Timeline   []TimelineEntry
	Comparison Comparison
}

// ComposePage returns Summarize(docs, n), Timeline(docs) and
// Compare(docs) at once: the articles are ordered, split into sentences,
// vectorised and grouped into facts once for the three, not three times.
// A non-nil cache carries each article's sentences over from earlier
// calls (a story's members, composed again after every change).
func ComposePage(docs []Doc, n int, cache *SentenceCache) Page {
	docs = orderDocs(docs)
	ss := sentencesOfDocs(docs, cache)
	facts := groupFacts(ss)
	return Page{Summary: summarize(docs, ss, facts, n), Timeline: timeline(docs, ss), Comparison: compare(docs, ss, facts)}
}
