package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
)

// Prepare implements store.Preparer: the content hashes, worked out on the
// caller's goroutine instead of inside Put.
func (s *DB) Prepare(it *store.Item) {
	it.Digest = &store.Digest{RawHash: sha256.Sum256(it.Raw.Body), TextHash: store.TextHash(it.Article.Title, it.Article.Text)}
}

// Put implements store.Store, with the SQLite store's deduplication:
// identical raw bytes, or the same clean text under the same URL (or with
// no URL), are duplicates; a different text under a stored URL is a new
// version linked to the latest one.
//
// A batch costs a fixed number of round trips, whatever its size: one
// query looks up every item's hashes and URL, ids are drawn from the
// sequences at once, the documents and articles go in as one pgx.Batch
// and the analysis rows by COPY. Puts from all processes take turns (an
// advisory lock), so ids are committed in the order they are drawn.
func (s *DB) Put(ctx context.Context, items []store.Item) ([]store.PutResult, error) {
	results := make([]store.PutResult, len(items))
	if len(items) == 0 {
		return results, nil
	}
	// what is known before the database is asked, and refused early
	type pending struct {
		dupOf  int // index of an earlier new item this one duplicates, -1
		prevOf int // index of an earlier new item this one is a new version of, -1
	}
	ps := make([]pending, len(items))
	docHashes := make([]string, len(items))
	textHashes := make([]string, len(items))
	var urls []string
	for i, it := range items {
		a := it.Article
		ps[i] = pending{dupOf: -1, prevOf: -1}
		d := it.Digested()
		docHashes[i], textHashes[i] = hex.EncodeToString(d.RawHash[:]), hex.EncodeToString(d.TextHash[:])
		if a.URL != "" {
			urls = append(urls, a.URL)
		}
		if it.Analysis != nil {
			if err := checkSpans(a.Text, it.Analysis); err != nil {
				return nil, fmt.Errorf("store: %s: %w", it.Raw.Origin, err)
			}
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, s.fault(err, "")
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, xactLockSQL, lockPut); err != nil {
		return nil, s.fault(err, "")
	}
	type latest struct {
		id       int64
		version  int
		textHash string
	}
	byDoc := map[string]int64{}
	byURL := map[string]latest{}
	byText := map[string]int64{}
	b := &pgx.Batch{}
	b.Queue(`SELECT d.hash, MIN(a.id) FROM documents d JOIN articles a ON a.document_id = d.id WHERE d.hash = ANY($1) GROUP BY d.hash`, docHashes).
		Query(func(rows pgx.Rows) error {
			return eachOf(rows, func() error {
				var h string
				var id int64
				err := rows.Scan(&h, &id)
				byDoc[h] = id
				return err
			})
		})
	b.Queue(`SELECT DISTINCT ON (url) url, id, version, text_hash FROM articles WHERE url = ANY($1) ORDER BY url, version DESC, id DESC`, urls).
		Query(func(rows pgx.Rows) error {
			return eachOf(rows, func() error {
				var u string
				var l latest
				err := rows.Scan(&u, &l.id, &l.version, &l.textHash)
				byURL[u] = l
				return err
			})
		})
	b.Queue(`SELECT text_hash, MIN(id) FROM articles WHERE url = '' AND text_hash = ANY($1) GROUP BY text_hash`, textHashes).
		Query(func(rows pgx.Rows) error {
			return eachOf(rows, func() error {
				var h string
				var id int64
				err := rows.Scan(&h, &id)
				byText[h] = id
				return err
			})
		})
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return nil, s.fault(err, "")
	}
	// Decide each item's outcome in order, as if put one by one: a new
	// item is known to the later ones by its index until ids are drawn.
	newDoc := map[string]int{}
	type urlNew struct {
		idx      int
		textHash string
	}
	newURL := map[string]urlNew{}
	newText := map[string]int{}
	var fresh []int // indexes of the new items
	for i, it := range items {
		p := &ps[i]
		a := it.Article
		if id, ok := byDoc[docHashes[i]]; ok {
			results[i] = store.PutResult{Outcome: store.Duplicate, ID: id}
			continue
		}
		if j, ok := newDoc[docHashes[i]]; ok {
			p.dupOf = j
			continue
		}
		if a.URL != "" {
			if n, ok := newURL[a.URL]; ok {
				if n.textHash == textHashes[i] {
					p.dupOf = n.idx
					continue
				}
				p.prevOf = n.idx
			} else if l, ok := byURL[a.URL]; ok {
				if l.textHash == textHashes[i] {
					results[i] = store.PutResult{Outcome: store.Duplicate, ID: l.id}
					continue
				}
				results[i] = store.PutResult{Outcome: store.NewVersion, PreviousID: l.id}
			}
			newURL[a.URL] = urlNew{i, textHashes[i]}
		} else {
			if id, ok := byText[textHashes[i]]; ok {
				results[i] = store.PutResult{Outcome: store.Duplicate, ID: id}
				continue
			}
			if j, ok := newText[textHashes[i]]; ok {
				p.dupOf = j
				continue
			}
			newText[textHashes[i]] = i
		}
		newDoc[docHashes[i]] = i
		fresh = append(fresh, i)
	}
	if len(fresh) > 0 {
		docIDs, artIDs, err := s.drawIDs(ctx, tx, len(fresh))
		if err != nil {
			return nil, s.fault(err, "")
		}
		docOf := map[int]int64{}
		for k, i := range fresh {
			docOf[i] = docIDs[k]
			r := &results[i]
			r.ID = artIDs[k]
			if r.Outcome == "" {
				r.Outcome = store.Added
			}
		}
		// versions: of a stored article, or of an earlier item of the batch
		version := map[int]int{}
		for _, i := range fresh {
			r := &results[i]
			switch {
			case ps[i].prevOf >= 0:
				r.Outcome, r.PreviousID = store.NewVersion, results[ps[i].prevOf].ID
				version[i] = version[ps[i].prevOf] + 1
			case r.Outcome == store.NewVersion:
				version[i] = byURL[items[i].Article.URL].version + 1
			default:
				version[i] = 1
			}
		}
		if err := s.insert(ctx, tx, items, fresh, docOf, results, version, docHashes, textHashes); err != nil {
			return nil, err
		}
	}
	for i := range items {
		if j := ps[i].dupOf; j >= 0 {
			results[i] = store.PutResult{Outcome: store.Duplicate, ID: results[j].ID}
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, s.fault(err, "commit")
	}
	s.noteWrite()
	return results, nil
}

// drawIDs takes n document ids and n article ids from their sequences.
func (s *DB) drawIDs(ctx context.Context, tx pgx.Tx, n int) (docs, arts []int64, err error) {
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('documents', 'id')), nextval(pg_get_serial_sequence('articles', 'id'))
		FROM generate_series(1, $1) ORDER BY 1`, n)
	if err != nil {
		return nil, nil, err
	}
	err = eachOf(rows, func() error {
		var d, a int64
		err := rows.Scan(&d, &a)
		docs, arts = append(docs, d), append(arts, a)
		return err
	})
	// the pairs come in draw order per sequence: sort article ids too
	sortInt64(arts)
	return docs, arts, err
}

// insert writes the new items' documents, articles and their analysis
// rows, each table's by one COPY: an INSERT a row cost the server a
// statement each (bind, executor start, reply), two an article.
func (s *DB) insert(ctx context.Context, tx pgx.Tx, items []store.Item, fresh []int, docOf map[int]int64, results []store.PutResult,
	version map[int]int, docHashes, textHashes []string) error {
	ts := now()
	docs := make([][]any, 0, len(fresh))
	for _, i := range fresh {
		it := items[i]
		docs = append(docs, []any{docOf[i], docHashes[i], pgText(it.Raw.Origin), pgText(it.Raw.URL), pgText(it.Raw.MediaType), pgText(it.Raw.Encoding),
			int64(len(it.Raw.Body)), it.Raw.Body, timeOrNil(it.Raw.Fetched), ts})
	}
	arts := make([][]any, 0, len(fresh))
	for _, i := range fresh {
		it := items[i]
		a := it.Article
		status, note := "none", ""
		if it.Analysis != nil {
			status, note = it.Analysis.Status, it.Analysis.Note
		}
		var prev any
		if results[i].PreviousID != 0 {
			prev = results[i].PreviousID
		}
		arts = append(arts, []any{results[i].ID, docOf[i], pgText(a.URL), int32(version[i]), prev, textHashes[i], pgText(a.Title), pgText(jsonList(a.Authors)), pgText(a.Outlet),
			pgText(a.OutletSource), pgText(a.OutletEvidence), timeOrNil(a.Published), a.PublishedEstimated, pgText(a.PublishedSource),
			pgText(a.PublishedEvidence), pgText(a.Language), pgText(a.Dateline), pgText(a.Summary), pgText(jsonCredits(a.Credits)),
			pgText(jsonList(a.Captions)), pgText(a.Text), ts, status, pgText(note), TSVector(a.Title + " " + a.Text)})
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"documents", []string{"id", "hash", "origin", "url", "media_type", "encoding", "size", "raw", "fetched_at", "ingested_at"}, docs},
		{"articles", []string{"id", "document_id", "url", "version", "previous_id", "text_hash", "title", "authors", "outlet", "outlet_source", "outlet_evidence",
			"published", "published_estimated", "published_source", "published_evidence", "language", "dateline", "summary", "credits", "captions", "text", "ingested_at",
			"analysis", "analysis_note", "tsv"}, arts},
	} {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return s.fault(err, items[fresh[0]].Raw.Origin)
		}
	}
	var lay, tim, quo, pla, fau [][]any
	for _, i := range fresh {
		an := items[i].Analysis
		if an == nil {
			continue
		}
		id := results[i].ID
		text := pgText(items[i].Article.Text)
		lay = append(lay, layersRow(id, an))
		for _, t := range an.Times {
			tim = append(tim, []any{id, t.Sentence, t.Start, t.End, text[t.Start:t.End], pgText(t.Type), pgText(t.Value), pgText(t.Mod), t.Anchored})
		}
		for _, q := range an.Quotes {
			parts, _ := json.Marshal(q.Parts)
			// no copy of the quote's words (quotes.text ''): readers cut
			// them from the article's text (quoteText)
			quo = append(quo, []any{id, q.Sentence, q.Start, q.End, string(parts), pgText(q.Kind), "",
				q.Cue.Start, q.Cue.End, q.Source.Start, q.Source.End, q.Speaker.Start, q.Speaker.End, pgText(q.SpeakerText), q.Resolved, q.Confidence})
		}
		for _, p := range an.Places {
			pla = append(pla, []any{id, p.Sentence, p.Start, p.End, text[p.Start:p.End], int64(p.GeonamesID), pgText(p.Name), p.Lat, p.Lon,
				pgText(p.Country), pgText(p.Feature), int64(p.Population), p.Focus, p.Confidence})
		}
		for _, f := range an.Faults {
			fau = append(fau, []any{id, pgText(f.Stage), pgText(f.Message), pgText(f.Where), time.Now().UTC().Format(time.RFC3339Nano)})
		}
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"article_layers", layersCols, lay},
		{"times", []string{"article_id", "sentence", "start", "stop", "text", "type", "value", "mod", "anchored"}, tim},
		{"quotes", []string{"article_id", "sentence", "start", "stop", "parts", "kind", "text", "cue_start", "cue_stop", "source_start", "source_stop",
			"speaker_start", "speaker_stop", "speaker_text", "resolved", "confidence"}, quo},
		{"places", []string{"article_id", "sentence", "start", "stop", "text", "geonames_id", "name", "lat", "lon", "country", "feature", "population", "focus", "confidence"}, pla},
		{"faults", []string{"article_id", "stage", "message", "location", "at"}, fau},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return s.fault(err, c.table)
		}
	}
	return nil
}

// layersCols are the columns of article_layers, in layersRow's order.
var layersCols = []string{"article_id", "sentence_starts", "sentence_stops",
	"mention_sentences", "mention_starts", "mention_stops", "mention_types", "mention_confidence", "mention_demonyms"}

// layersRow is an article's sentences and mentions as one row of arrays
// (migration 10), the mentions in the order readers get them: by start,
// ties in the analysis' order.
func layersRow(id int64, an *analyse.Annotation) []any {
	ss, se := make([]int32, len(an.Sentences)), make([]int32, len(an.Sentences))
	for k, sp := range an.Sentences {
		ss[k], se[k] = int32(sp.Start), int32(sp.End)
	}
	ms := an.Mentions
	if !sort.SliceIsSorted(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start }) {
		ms = slices.Clone(ms)
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	}
	n := len(ms)
	sen, st, sp, ty, co, de := make([]int32, n), make([]int32, n), make([]int32, n), make([]string, n), make([]float32, n), make([]bool, n)
	for k, m := range ms {
		sen[k], st[k], sp[k], ty[k], co[k], de[k] = int32(m.Sentence), int32(m.Start), int32(m.End), pgText(m.Type), float32(m.Confidence), m.Demonym
	}
	return []any{id, ss, se, sen, st, sp, ty, co, de}
}

// checkSpans refuses an analysis with a span outside its text.
func checkSpans(text string, an *analyse.Annotation) error {
	in := func(what string, sp analyse.Span) error {
		if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
			return fmt.Errorf("%s: span [%d,%d) outside text of %d bytes", what, sp.Start, sp.End, len(text))
		}
		return nil
	}
	for _, m := range an.Mentions {
		if err := in("mention", m.Span); err != nil {
			return err
		}
	}
	for _, t := range an.Times {
		if err := in("time", t.Span); err != nil {
			return err
		}
	}
	for _, q := range an.Quotes {
		if err := in("quote", q.Span); err != nil {
			return err
		}
	}
	for _, p := range an.Places {
		if err := in("place", p.Span); err != nil {
			return err
		}
	}
	return nil
}

// eachOf calls f for every row of rows (scanning is f's).
func eachOf(rows pgx.Rows, f func() error) error {
	defer rows.Close()
	for rows.Next() {
		if err := f(); err != nil {
			return err
		}
	}
	return rows.Err()
}
