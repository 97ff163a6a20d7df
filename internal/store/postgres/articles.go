package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
)

const articleCols = `a.id, a.document_id, d.origin, d.media_type, a.url, a.version, COALESCE(a.previous_id, 0), a.title, a.authors, a.outlet, a.outlet_source, a.outlet_evidence,
	a.published, a.published_estimated, a.published_source, a.published_evidence, a.language, a.dateline, a.summary, a.credits, a.captions, a.text, a.ingested_at,
	a.analysis, a.analysis_note`

func scanArticle(sc interface{ Scan(...any) error }) (*store.Article, error) {
	var a store.Article
	var authors, credits, captions, ingested string
	var published *string
	err := sc.Scan(&a.ID, &a.DocumentID, &a.Origin, &a.MediaType, &a.URL, &a.Version, &a.PreviousID, &a.Title, &authors, &a.Outlet, &a.OutletSource, &a.OutletEvidence,
		&published, &a.PublishedEstimated, &a.PublishedSource, &a.PublishedEvidence, &a.Language, &a.Dateline, &a.Summary, &credits, &captions, &a.Text, &ingested,
		&a.Analysis, &a.AnalysisNote)
	if err != nil {
		return nil, err
	}
	json.Unmarshal([]byte(authors), &a.Authors)
	json.Unmarshal([]byte(credits), &a.Credits)
	json.Unmarshal([]byte(captions), &a.Captions)
	if published != nil {
		a.Published, _ = time.Parse(time.RFC3339, *published)
	}
	a.Ingested, _ = time.Parse(time.RFC3339Nano, ingested)
	return &a, nil
}

// Article implements store.Store.
func (s *DB) Article(ctx context.Context, id int64) (*store.Article, error) {
	a, err := scanArticle(s.queryRow(ctx, `SELECT `+articleCols+` FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.id = ?`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	return a, err
}

// Articles implements store.Store: newest publication first, undated last.
func (s *DB) Articles(ctx context.Context, q store.Query) ([]*store.Article, error) {
	query := `SELECT ` + articleCols + ` FROM articles a JOIN documents d ON d.id = a.document_id`
	var args []any
	if q.Outlet != "" {
		query += ` WHERE a.outlet = ?`
		args = append(args, q.Outlet)
	}
	query += ` ORDER BY a.published IS NULL, a.published DESC, a.id`
	if q.Limit > 0 {
		query += ` LIMIT ? OFFSET ?`
		args = append(args, q.Limit, q.Offset)
	}
	var out []*store.Article
	err := eachRow(ctx, s.pool, query, args, func(r pgx.Rows) error {
		a, err := scanArticle(r)
		out = append(out, a)
		return err
	})
	return out, err
}

// Count implements store.Store.
func (s *DB) Count(ctx context.Context) (articles, documents int64, err error) {
	err = s.pool.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM documents)`).Scan(&articles, &documents)
	return
}

// LastArticleID returns the id of the newest article, 0 when there is
// none: one look at the end of the primary key, for pollers that only
// need to see articles arrive (articles are never deleted; Put commits ids
// in the order it draws them).
func (s *DB) LastArticleID(ctx context.Context) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&id)
	return id, err
}

// Annotation implements store.Store.
func (s *DB) Annotation(ctx context.Context, id int64) (*analyse.Annotation, error) {
	var an analyse.Annotation
	// the status and the layers in one round trip
	b := &pgx.Batch{}
	b.Queue(`SELECT analysis, analysis_note FROM articles WHERE id = $1`, id).QueryRow(func(r pgx.Row) error {
		err := r.Scan(&an.Status, &an.Note)
		if errors.Is(err, pgx.ErrNoRows) {
			err = nil // an unknown id has no annotation
		}
		return err
	})
	b.Queue(`SELECT `+strings.Join(layersCols[1:], ", ")+` FROM article_layers WHERE article_id = $1`, id).QueryRow(func(r pgx.Row) error {
		var ss, se, sen, st, sp []int32
		var ty []string
		var co []float32
		var de []bool
		err := r.Scan(&ss, &se, &sen, &st, &sp, &ty, &co, &de)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // not analysed
		}
		if err != nil {
			return err
		}
		if len(se) != len(ss) || len(st) != len(sen) || len(sp) != len(sen) || len(ty) != len(sen) || len(co) != len(sen) || len(de) != len(sen) {
			return fmt.Errorf("article_layers: arrays of different lengths")
		}
		for k := range ss {
			an.Sentences = append(an.Sentences, analyse.Span{Start: int(ss[k]), End: int(se[k])})
		}
		for k := range sen {
			an.Mentions = append(an.Mentions, analyse.Mention{Span: analyse.Span{Start: int(st[k]), End: int(sp[k])}, Sentence: int(sen[k]),
				Type: ty[k], Confidence: co[k], Demonym: de[k]})
		}
		return nil
	})
	b.Queue(`SELECT sentence, start, stop, type, value, mod, anchored FROM times WHERE article_id = $1 ORDER BY start, ctid`, id).Query(func(r pgx.Rows) error {
		return eachOf(r, func() error {
			var t analyse.Time
			err := r.Scan(&t.Sentence, &t.Start, &t.End, &t.Type, &t.Value, &t.Mod, &t.Anchored)
			an.Times = append(an.Times, t)
			return err
		})
	})
	b.Queue(`SELECT sentence, start, stop, parts, kind, cue_start, cue_stop, source_start, source_stop, speaker_start, speaker_stop,
		speaker_text, resolved, confidence FROM quotes WHERE article_id = $1 ORDER BY start, id`, id).Query(func(r pgx.Rows) error {
		return eachOf(r, func() error {
			var q analyse.Quote
			var parts string
			err := r.Scan(&q.Sentence, &q.Start, &q.End, &parts, &q.Kind, &q.Cue.Start, &q.Cue.End, &q.Source.Start, &q.Source.End,
				&q.Speaker.Start, &q.Speaker.End, &q.SpeakerText, &q.Resolved, &q.Confidence)
			if err == nil {
				err = json.Unmarshal([]byte(parts), &q.Parts)
			}
			an.Quotes = append(an.Quotes, q)
			return err
		})
	})
	b.Queue(`SELECT sentence, start, stop, geonames_id, name, lat, lon, country, feature, population, focus, confidence
		FROM places WHERE article_id = $1 ORDER BY start, id`, id).Query(func(r pgx.Rows) error {
		return eachOf(r, func() error {
			var p analyse.Place
			var gid, pop int64
			err := r.Scan(&p.Sentence, &p.Start, &p.End, &gid, &p.Name, &p.Lat, &p.Lon, &p.Country, &p.Feature, &pop, &p.Focus, &p.Confidence)
			p.GeonamesID, p.Population = uint32(gid), uint32(pop)
			an.Places = append(an.Places, p)
			return err
		})
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, fmt.Errorf("store: annotation %d: %w", id, err)
	}
	return &an, nil
}

// Search runs a full-text query (internal/query syntax) over titles and
// text and returns article ids, best match first.
func (s *DB) Search(ctx context.Context, q string, limit int) ([]int64, error) {
	tsq, err := TSQuery(q)
	if err != nil {
		return nil, err
	}
	var ids []int64
	err = eachRow(ctx, s.pool, `SELECT id FROM articles WHERE tsv @@ to_tsquery('simple', ?) ORDER BY ts_rank(tsv, to_tsquery('simple', ?)) DESC, id DESC LIMIT ?`,
		[]any{tsq, tsq, limit}, func(r pgx.Rows) error {
			var id int64
			err := r.Scan(&id)
			ids = append(ids, id)
			return err
		})
	return ids, err
}

func sortInt64(xs []int64) { slices.Sort(xs) }
