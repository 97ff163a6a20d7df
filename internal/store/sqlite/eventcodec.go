package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"time"

	"github.com/sitrep/sitrep/internal/event"
)

// Coded events as stored from migration 17 on (issue 15: they were a
// quarter of a database, 11 KB an article). A coded event's mentions
// carried their article's URL, outlet, publication time and the whole
// sentence, which the articles table holds already: most of an event's
// bytes, and again in every event of the same sentence. A body now opens
// with eventBodyV2, then the record in a binary form (eventbin.go) that
// keeps, per mention, only which of those fields are the article's (the
// derived* bits), read back from the article when listed; a field that
// differs from the article's is kept as it is. The first report, nearly
// always one of the mentions, is kept as its index. The event's id and
// story are the row's columns. Bodies written before (JSON, or a zstd
// frame of it) read as they did.
const eventBodyV2 = 0x02

// The fields of a mention that may be its article's.
const (
	derivedText      = 1 << iota // the sentence: the article's text over the mention's span
	derivedURL                   // the article's URL
	derivedOutlet                // the article's outlet
	derivedPublished             // the article's publication time
)

// eventArticle is what an article lends its events' mentions.
type eventArticle struct {
	url, outlet, published, text string // published: as stored (RFC 3339), "" when unknown
}

// eventDigest is the identity of a coded event's content: equal records
// of a story have equal digests, whatever their ids. It hashes the binary
// form with every field written out (a JSON encoding cost half of
// ReplaceStoryEvents' time).
func eventDigest(r *event.Record) int64 {
	derived := make([]uint8, len(r.Mentions))
	h := sha256.Sum256(appendEventBinary(make([]byte, 0, 1024), r, derived, 0, 0))
	return int64(binary.BigEndian.Uint64(h[:8]))
}

// encodeEvent returns r's body as stored, given the articles its mentions
// name (a missing one lends nothing).
func encodeEvent(r *event.Record, arts map[int64]*eventArticle) []byte {
	derived := make([]uint8, len(r.Mentions))
	first := 0
	for i, m := range r.Mentions {
		if first == 0 && sameMention(r.FirstReport, m) {
			first = i + 1
		}
		derived[i] = derivable(&m, arts[m.Article])
	}
	var firstDerived uint8
	if first == 0 {
		firstDerived = derivable(&r.FirstReport, arts[r.FirstReport.Article])
	}
	return appendEventBinary(append(make([]byte, 0, 256), eventBodyV2), r, derived, first, firstDerived)
}

// derivable returns the derived* bits of the fields of m that equal
// its article's.
func derivable(m *event.MentionRef, a *eventArticle) uint8 {
	if a == nil {
		return 0
	}
	var d uint8
	if m.Span.Start >= 0 && m.Span.Start <= m.Span.End && m.Span.End <= len(a.text) && a.text[m.Span.Start:m.Span.End] == m.Text {
		d |= derivedText
	}
	if m.URL == a.url {
		d |= derivedURL
	}
	if m.Outlet == a.outlet {
		d |= derivedOutlet
	}
	if p := publishedOf(a); (p == nil) == (m.Published == nil) && (p == nil || sameJSONTime(*p, *m.Published)) {
		d |= derivedPublished
	}
	return d
}

// sameMention: a and b are the same mention, as JSON writes them.
func sameMention(a, b event.MentionRef) bool {
	pa, pb := a.Published, b.Published
	a.Published, b.Published = nil, nil
	return a == b && (pa == nil) == (pb == nil) && (pa == nil || sameJSONTime(*pa, *pb))
}

// publishedOf is an article's publication time as its events' mentions
// carry it.
func publishedOf(a *eventArticle) *time.Time {
	if a.published == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339, a.published)
	if err != nil {
		return nil
	}
	return &t
}

// sameJSONTime: a and b read back alike from JSON.
func sameJSONTime(a, b time.Time) bool {
	return a.Format(time.RFC3339Nano) == b.Format(time.RFC3339Nano)
}

// parsedEvent is a stored body read, its mentions not yet given their
// articles' fields.
type parsedEvent struct {
	rec          event.Record
	derived      []uint8 // per mention, the fields to take from its article
	first        int     // 1 + the mention the first report is, 0 when kept whole
	firstDerived uint8   // when kept whole, the fields to take from its article
}

// parseEvent reads the stored body of row id of story.
func parseEvent(id, story int64, stored []byte) (parsedEvent, error) {
	var p parsedEvent
	var err error
	if len(stored) > 0 && stored[0] == eventBodyV2 {
		p, err = readEventBinary(stored[1:])
	} else {
		var body []byte
		if body, err = unpackJSON(stored); err == nil {
			err = json.Unmarshal(body, &p.rec)
		}
		return p, err
	}
	p.rec.ID, p.rec.Story = id, story
	return p, err
}

// articles adds the articles whose fields the event's mentions take.
func (p *parsedEvent) articles(add func(int64)) {
	for i, d := range p.derived {
		if d != 0 && i < len(p.rec.Mentions) {
			add(p.rec.Mentions[i].Article)
		}
	}
	if p.first == 0 && p.firstDerived != 0 {
		add(p.rec.FirstReport.Article)
	}
}

// record returns the event whole, its mentions given their articles'
// fields (an article missing, which sitrep never deletes, lends none).
func (p *parsedEvent) record(arts map[int64]*eventArticle) event.Record {
	rec := p.rec
	for i, d := range p.derived {
		if i < len(rec.Mentions) {
			derive(&rec.Mentions[i], d, arts)
		}
	}
	if p.first == 0 {
		derive(&rec.FirstReport, p.firstDerived, arts)
	} else if p.first <= len(rec.Mentions) {
		rec.FirstReport = rec.Mentions[p.first-1]
		if t := rec.FirstReport.Published; t != nil {
			c := *t
			rec.FirstReport.Published = &c
		}
	}
	return rec
}

// derive gives m the fields of d from its article.
func derive(m *event.MentionRef, d uint8, arts map[int64]*eventArticle) {
	a := arts[m.Article]
	if d == 0 || a == nil {
		return
	}
	if d&derivedText != 0 && m.Span.Start >= 0 && m.Span.Start <= m.Span.End && m.Span.End <= len(a.text) {
		m.Text = a.text[m.Span.Start:m.Span.End]
	}
	if d&derivedURL != 0 {
		m.URL = a.url
	}
	if d&derivedOutlet != 0 {
		m.Outlet = a.outlet
	}
	if d&derivedPublished != 0 {
		m.Published = publishedOf(a)
	}
}

// eventArticles reads what the given articles lend their events.
func eventArticles(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, ids []int64) (map[int64]*eventArticle, error) {
	out := make(map[int64]*eventArticle, len(ids))
	err := eachKeys(ids, func(args []any) error {
		return eachRow(ctx, db, `SELECT id, url, outlet, COALESCE(published, ''), text FROM articles WHERE id IN (`+placeholders(len(args))+`)`, args,
			func(r *sql.Rows) error {
				var id int64
				a := &eventArticle{}
				if err := r.Scan(&id, &a.url, &a.outlet, &a.published, &a.text); err != nil {
					return err
				}
				out[id] = a
				return nil
			})
	})
	return out, err
}

// maxKeys caps the keys of one "IN (…)" list of eachKeys.
const maxKeys = 256

// eachKeys calls f with the ids a chunk at a time, each chunk padded with
// its last id to a power of two: the statements take one of a few texts,
// each prepared once (the statement caches keep every text they see), and
// a repeated key in an IN list changes nothing.
func eachKeys(ids []int64, f func(args []any) error) error {
	for start := 0; start < len(ids); start += maxKeys {
		chunk := ids[start:min(start+maxKeys, len(ids))]
		n := 1
		for n < len(chunk) {
			n *= 2
		}
		args := make([]any, n)
		for i := range args {
			args[i] = chunk[min(i, len(chunk)-1)]
		}
		if err := f(args); err != nil {
			return err
		}
	}
	return nil
}
