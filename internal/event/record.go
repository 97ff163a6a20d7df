package event

import "time"

// MentionRef is one report of a coded event: the sentence of an article
// that tells it.
type MentionRef struct {
	Article   int64      `json:"article"`
	Sentence  int        `json:"sentence"`
	Span      Span       `json:"span"` // the sentence, in the article's text
	Verb      Span       `json:"verb_span"`
	Outlet    string     `json:"outlet"`
	Text      string     `json:"text"`
	Published *time.Time `json:"published,omitempty"`
	URL       string     `json:"url,omitempty"`
	Status    string     `json:"status,omitempty"` // where it differs from the event's
}

// Record is a happening as sitrep stores and serves it.
type Record struct {
	ID           int64        `json:"id"`
	Story        int64        `json:"story"`
	Source       Party        `json:"source"`
	Target       Party        `json:"target"`
	AllSources   []Party      `json:"all_sources,omitempty"`
	AllTargets   []Party      `json:"all_targets,omitempty"`
	Type         string       `json:"type"`
	Mode         string       `json:"mode"`
	Context      string       `json:"context,omitempty"`
	Cameo        string       `json:"cameo"`
	CameoRoot    string       `json:"cameo_root"`
	QuadClass    int          `json:"quad_class"`
	Goldstein    float64      `json:"goldstein"`
	Verb         string       `json:"verb"`
	Place        *Place       `json:"place"`
	Date         string       `json:"date"`
	Precision    string       `json:"precision"`
	Estimated    bool         `json:"estimated"`
	Status       string       `json:"status"`
	Negated      bool         `json:"negated"`
	Hypothetical bool         `json:"hypothetical"`
	Quantities   Quantities   `json:"quantities"`
	Mentions     []MentionRef `json:"mentions"`
	NumMentions  int          `json:"num_mentions"`
	Articles     int          `json:"articles"`
	Sources      int          `json:"sources"`
	FirstReport  MentionRef   `json:"first_report"`
	// Disagreements: field → outlet → value, where outlets differ.
	Disagreements map[string]map[string]string `json:"disagreements,omitempty"`
}

// NewRecord turns a happening of story into its stored form; urls give
// the articles' addresses (may be nil).
func NewRecord(story int64, h *Happening, urls map[int64]string) Record {
	r := Record{Story: story, Source: h.Source, Target: h.Target, AllSources: h.AllSources, AllTargets: h.AllTargets,
		Type: h.Type, Mode: h.Mode, Context: h.Context, Cameo: h.Cameo, CameoRoot: h.Root(), Verb: h.Verb,
		Place: h.Place, Date: h.Date, Precision: h.Precision, Estimated: h.Estimated, Status: h.Status,
		Negated: h.Status == Negated, Hypothetical: h.Status == Hypothetical || h.Status == Future || h.Status == Urged,
		Quantities: h.Quant, NumMentions: len(h.Mentions), Articles: h.Articles, Sources: h.Sources, Disagreements: h.Disagreements}
	r.QuadClass, r.Goldstein = QuadClass(h.Cameo), Goldstein(h.Cameo)
	for i := range h.Mentions {
		r.Mentions = append(r.Mentions, mentionRef(&h.Mentions[i], h.Status, urls))
	}
	r.FirstReport = mentionRef(&h.First, h.Status, urls)
	return r
}

func mentionRef(m *Mention, status string, urls map[int64]string) MentionRef {
	ref := MentionRef{Article: m.Article, Sentence: m.Sentence, Span: m.Span, Verb: m.VerbAt, Outlet: m.Outlet, Text: m.Text, URL: urls[m.Article]}
	if !m.Published.IsZero() {
		t := m.Published
		ref.Published = &t
	}
	if m.Status != status {
		ref.Status = m.Status
	}
	return ref
}
