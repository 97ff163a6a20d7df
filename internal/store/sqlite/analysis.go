package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/analyse"
)

// rowsPerInsert is how many rows one analysis INSERT takes: a statement a
// row cost the writer as much as all the rest of an article (an article
// of news has a hundred or more rows of sentences, mentions, times,
// quotes and places), most of it the driver's per-statement work.
const rowsPerInsert = 32

// rowBuffer gathers the rows of one analysis table over a batch and
// inserts them rowsPerInsert at a time, in insertion order.
type rowBuffer struct {
	head string // "INSERT INTO table(columns) VALUES "
	cols int
	full string // the statement of rowsPerInsert rows
	args []any
}

func newRowBuffer(table string, cols int) *rowBuffer {
	b := &rowBuffer{head: "INSERT INTO " + table + " VALUES ", cols: cols}
	b.full = b.statement(rowsPerInsert)
	return b
}

// statement is the INSERT of n rows.
func (b *rowBuffer) statement(n int) string {
	row := "(" + placeholders(b.cols) + ")"
	return b.head + strings.TrimSuffix(strings.Repeat(row+",", n), ",")
}

// add buffers a row (its columns in order), inserting the buffer when full.
func (b *rowBuffer) add(ctx context.Context, ts *txStmts, row ...any) error {
	b.args = append(b.args, row...)
	if len(b.args) < rowsPerInsert*b.cols {
		return nil
	}
	_, err := ts.ExecContext(ctx, b.full, b.args...)
	b.args = b.args[:0]
	return err
}

// flush inserts the rows buffered. Their number varies from batch to
// batch, so the statement is not kept prepared.
func (b *rowBuffer) flush(ctx context.Context, ts *txStmts) error {
	n := len(b.args) / b.cols
	if n == 0 {
		return nil
	}
	_, err := ts.tx.ExecContext(ctx, b.statement(n), b.args...)
	b.args = b.args[:0]
	return err
}

// putAnalysis stores the analysis layers of article id (buffered: st.flush
// inserts the rest).
func (st *stmts) putAnalysis(ctx context.Context, id int64, text string, an *analyse.Annotation) error {
	in := func(sp analyse.Span) error {
		if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
			return fmt.Errorf("span [%d,%d) outside text of %d bytes", sp.Start, sp.End, len(text))
		}
		return nil
	}
	for i, s := range an.Sentences {
		if err := st.sentences.add(ctx, st.ts, id, i, s.Start, s.End); err != nil {
			return err
		}
	}
	for _, m := range an.Mentions {
		if err := in(m.Span); err != nil {
			return fmt.Errorf("mention: %w", err)
		}
	}
	if len(an.Mentions) > 0 {
		if err := st.mentions.add(ctx, st.ts, id, packMentions(an.Mentions)); err != nil {
			return err
		}
	}
	for _, t := range an.Times {
		if err := in(t.Span); err != nil {
			return fmt.Errorf("time: %w", err)
		}
		// times.text is left empty: the expression is its span of the
		// article's text, which TimeList cuts from there (the rows
		// written before keep their copy)
		if err := st.times.add(ctx, st.ts, id, t.Sentence, t.Start, t.End, "", t.Type, t.Value, t.Mod, t.Anchored); err != nil {
			return err
		}
	}
	for _, q := range an.Quotes {
		if err := in(q.Span); err != nil {
			return fmt.Errorf("quote: %w", err)
		}
		// parts is left empty for a quote of one part, its span (nine in
		// ten), which Annotation reads back as such
		parts := []byte{}
		if len(q.Parts) != 1 || q.Parts[0] != q.Span {
			parts, _ = json.Marshal(q.Parts)
		}
		// quotes.text is left empty: a quote's words are its span of the
		// article's text, which readers cut from there (quoteText), so the
		// copy was a fifth of the database's analysis rows, unread
		if err := st.quotes.add(ctx, st.ts, id, q.Sentence, q.Start, q.End, string(parts), q.Kind, "",
			q.Cue.Start, q.Cue.End, q.Source.Start, q.Source.End, q.Speaker.Start, q.Speaker.End, q.SpeakerText, q.Resolved, q.Confidence); err != nil {
			return err
		}
	}
	for _, p := range an.Places {
		if err := in(p.Span); err != nil {
			return fmt.Errorf("place: %w", err)
		}
		if err := st.places.add(ctx, st.ts, id, p.Sentence, p.Start, p.End, text[p.Start:p.End], p.GeonamesID, p.Name, p.Lat, p.Lon,
			p.Country, p.Feature, p.Population, p.Focus, p.Confidence); err != nil {
			return err
		}
	}
	return nil
}

// Annotation implements store.Store.
func (s *DB) Annotation(ctx context.Context, id int64) (*analyse.Annotation, error) {
	var an analyse.Annotation
	err := s.db.QueryRowContext(ctx, `SELECT analysis, analysis_note FROM articles WHERE id = ?`, id).Scan(&an.Status, &an.Note)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil // an unknown id has no annotation, as before
	}
	if err == nil {
		err = eachRow(ctx, s.db, `SELECT start, end FROM sentences WHERE article_id = ? ORDER BY idx`, []any{id}, func(r *sql.Rows) error {
			var sp analyse.Span
			err := r.Scan(&sp.Start, &sp.End)
			an.Sentences = append(an.Sentences, sp)
			return err
		})
	}
	if err == nil {
		var packed []byte
		err = s.db.QueryRowContext(ctx, `SELECT packed FROM article_mentions WHERE article_id = ?`, id).Scan(&packed)
		if errors.Is(err, sql.ErrNoRows) {
			err = nil // no mentions
		}
		if err == nil {
			an.Mentions, err = unpackMentions(packed)
		}
	}
	if err == nil {
		err = eachRow(ctx, s.db, `SELECT sentence, start, end, type, value, mod, anchored FROM times WHERE article_id = ? ORDER BY start`, []any{id}, func(r *sql.Rows) error {
			var t analyse.Time
			err := r.Scan(&t.Sentence, &t.Start, &t.End, &t.Type, &t.Value, &t.Mod, &t.Anchored)
			an.Times = append(an.Times, t)
			return err
		})
	}
	if err == nil {
		err = eachRow(ctx, s.db, `SELECT sentence, start, end, parts, kind, cue_start, cue_end, source_start, source_end, speaker_start, speaker_end,
			speaker_text, resolved, confidence FROM quotes WHERE article_id = ? ORDER BY start`, []any{id}, func(r *sql.Rows) error {
			var q analyse.Quote
			var parts string
			err := r.Scan(&q.Sentence, &q.Start, &q.End, &parts, &q.Kind, &q.Cue.Start, &q.Cue.End, &q.Source.Start, &q.Source.End,
				&q.Speaker.Start, &q.Speaker.End, &q.SpeakerText, &q.Resolved, &q.Confidence)
			if err == nil && parts == "" {
				q.Parts = []analyse.Span{q.Span}
			} else if err == nil {
				err = json.Unmarshal([]byte(parts), &q.Parts)
			}
			an.Quotes = append(an.Quotes, q)
			return err
		})
	}
	if err == nil {
		err = eachRow(ctx, s.db, `SELECT sentence, start, end, geonames_id, name, lat, lon, country, feature, population, focus, confidence
			FROM places WHERE article_id = ? ORDER BY start`, []any{id}, func(r *sql.Rows) error {
			var p analyse.Place
			err := r.Scan(&p.Sentence, &p.Start, &p.End, &p.GeonamesID, &p.Name, &p.Lat, &p.Lon, &p.Country, &p.Feature, &p.Population, &p.Focus, &p.Confidence)
			an.Places = append(an.Places, p)
			return err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("store: annotation %d: %w", id, err)
	}
	return &an, nil
}

// eachRow runs query and calls f for every row.
func eachRow(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args []any, f func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
