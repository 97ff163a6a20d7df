// Package story groups annotated articles into stories: it marks
// near-duplicates (wire copies, syndicated rewrites, updated versions),
// clusters articles online into events (one development, hours to days) and
// links events into storylines (weeks to months), and it writes what a
// reader needs for one event or storyline: an extractive multi-outlet
// summary whose every sentence cites the articles that carry it, a timeline
// of dated developments, a per-claim outlet comparison and a headline.
//
// The package depends on no other sitrep package: callers convert their
// annotated articles into Doc values. Every field but ID and Text may be
// empty; the clustering then works from the text alone and gets better as
// actors, places and dates are supplied.
package story

import "time"

// Span is a byte range [Start, End) into Doc.Text.
type Span struct{ Start, End int }

// Ref is an actor or place key (a canonical name, a knowledge-base or
// GeoNames id) with the indices (into Doc.Sentences) of the sentences that
// mention it.
type Ref struct {
	Key       string
	Sentences []int
}

// Dated is a resolved time expression: the sentence it occurs in, its
// TIMEX3 value ("2016-10-25", "2016-W43", "2016-10", "2016-10-25T14:00")
// and the byte span of the expression in Doc.Text.
type Dated struct {
	Sentence int
	Value    string
	Span     Span
	// Estimated: the value was computed from a publication date that was
	// itself estimated ("on Sunday" in an undated article).
	Estimated bool
}

// Quoted is a quotation: its text, the speaker's canonical name ("" when
// unknown), the sentence index and the kind ("direct" or "indirect").
type Quoted struct {
	Text     string
	Speaker  string
	Sentence int
	Kind     string
}

// Doc is one article as the story package sees it.
type Doc struct {
	ID        int64
	Outlet    string
	URL       string
	Title     string
	Text      string
	Published time.Time // zero when unknown: the weekday names of Text then stand in for time proximity (weekday.go)
	Sentences []Span    // byte offsets into Text; split here when empty
	Actors    []Ref
	Places    []Ref
	Dates     []Dated
	Quotes    []Quoted
}

// Citation points at one sentence of one article.
type Citation struct {
	Doc      int64  `json:"doc"`
	Outlet   string `json:"outlet,omitempty"`
	URL      string `json:"url,omitempty"`
	Sentence int    `json:"sentence"`
	Span     Span   `json:"span"`
}
