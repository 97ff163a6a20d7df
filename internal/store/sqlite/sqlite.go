// Package sqlite is sitrep's embedded store: one SQLite file through the
// pure-Go modernc.org/sqlite driver, in WAL mode, with versioned schema
// migrations and an FTS5 index over article titles and text.
package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
)

// DB is the SQLite store.
type DB struct {
	db *cachedDB
	// wmu serialises this process's write transactions: SQLite has one
	// writer at a time, and a writer waiting on another inside SQLite
	// gives up after the busy timeout, which a long batch on a loaded
	// machine can outlast (the pipeline writes articles and the corpus
	// stage's results at once). Other processes still wait with the
	// busy timeout. The corpus stage's writes go first (writeLock).
	wmu writeLock
	// orphansSwept: coded events of stories gone before this process
	// opened the database have been deleted (ReplaceStoryEvents; under wmu).
	orphansSwept bool
	path         string // as given to Open, for messages
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the database file at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	}
	q := url.Values{}
	for _, p := range openPragmas {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &DB{db: newCachedDB(db), path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, s.fault(err, "")
	}
	return s, nil
}

// openPragmas are the settings of every connection. busy_timeout first:
// switching a new file to WAL takes a lock that another process opening
// it at the same moment may hold. synchronous(NORMAL) in WAL mode: a
// commit is durable once the log is synced (at a checkpoint), and the
// database is never corrupted. temp_store(MEMORY): each statement of a
// write transaction keeps the pages it changes in a statement journal, a
// temporary file otherwise (a write system call a page; a tenth of a
// Put's time). cache_size(-65536): 64 MiB of pages per connection (SQLite's
// default is 2 MB), taken as pages are read: the indexes a batch writes
// into grow with the corpus, and once their interior pages no longer fit
// every insert read them again from the file (a system call a page; the
// reads of a 25k chunk at 150k stored articles were 2.3 times those of the
// first 25k, BENCHMARKS.md "Issue 15, h/grow").
var openPragmas = []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)", "temp_store(MEMORY)", "cache_size(-65536)"}

// SchemaVersion returns the number of applied migrations.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// Migrations is the number of migrations this build knows.
func Migrations() int { return len(migrations) }

// migrate brings the schema up to date. Several processes may open a
// new file at once (workers started together): each migration runs in a
// write transaction (BEGIN IMMEDIATE, waiting out the busy timeout) that
// reads the version again inside it, so whoever comes second waits for the
// first and then finds that migration applied.
func (s *DB) migrate(ctx context.Context) error {
	// the common case, a current schema, takes no write lock: a writer
	// busy for longer than the busy timeout must not stop readers opening
	if have, err := s.SchemaVersion(ctx); err == nil && have == len(migrations) {
		return nil
	}
	for {
		done, err := s.migrateOne(ctx)
		if err != nil {
			if strings.Contains(err.Error(), "file is not a database") {
				return errors.New("not a sitrep database (not SQLite)")
			}
			return err
		}
		if done {
			return nil
		}
	}
}

// migrateOne applies the next migration under the write lock, or reports
// done when there is none.
func (s *DB) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see Open)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return false, err
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return false, err
	}
	if have > len(migrations) {
		return false, fmt.Errorf("database schema version %d is newer than this sitrep (%d): upgrade sitrep", have, len(migrations))
	}
	if have < len(migrations) {
		v := have + 1
		if _, err := tx.ExecContext(ctx, migrations[v-1]); err != nil {
			return false, fmt.Errorf("migration %d: %w", v, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)`, v, now()); err != nil {
			return false, err
		}
	}
	return have == len(migrations), tx.Commit()
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// Prepare implements store.Preparer: the content hashes and the raw
// document compressed, a tenth of a Put's work, which needs no database
// and so can be done on the caller's goroutines instead of in the single
// writer's transaction.
func (s *DB) Prepare(it *store.Item) {
	d := &store.Digest{RawHash: sha256.Sum256(it.Raw.Body), TextHash: store.TextHash(it.Article.Title, it.Article.Text), Packed: true}
	d.Stored, d.Compression = compressRaw(it.Raw.Body)
	it.Digest = d
}

// Put implements store.Store. Deduplication: identical raw bytes, or the
// same clean text under the same URL (or with no URL), are duplicates; a
// different text under a URL already stored is a new version linked to the
// latest one. The content hashes are stored as their 32 bytes
// (documents.hash, articles.text_hash; migration 14), so that the indexes
// deduplication looks them up in, whose random keys dirty a leaf page an
// article, hold more keys a page.
func (s *DB) Put(ctx context.Context, items []store.Item) ([]store.PutResult, error) {
	digests := make([]*store.Digest, len(items))
	for i := range items {
		digests[i] = items[i].Digested()
	}
	s.wmu.lock(false)
	defer s.wmu.unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.fault(err, "")
	}
	defer tx.Rollback()
	results := make([]store.PutResult, len(items))
	// the articles of this batch are those after the last one now: the
	// transaction holds the database's write lock
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&last); err != nil {
		return nil, s.fault(err, "")
	}
	k, err := s.lookUp(ctx, tx, items, digests)
	if err != nil {
		return nil, s.fault(err, "")
	}
	st, err := prepare(ctx, tx, s.db.inTx(tx))
	if err != nil {
		return nil, s.fault(err, "")
	}
	defer st.close()
	ts := now()
	for i, it := range items {
		r, err := st.put(ctx, it, digests[i], k, ts)
		if err != nil {
			// a fault of the database is not the input's: it names the file
			return nil, s.fault(err, it.Raw.Origin)
		}
		results[i] = r
	}
	if err := st.flush(ctx); err != nil {
		return nil, s.fault(err, "")
	}
	// One statement indexes the batch: FTS5 keeps the terms in memory
	// until the statement ends and writes one segment (migration 11); the
	// search facets go in alike (migration 15).
	for _, q := range []string{
		`INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles WHERE id > ?`,
		`INSERT OR REPLACE INTO article_facets(id, outlet, published) SELECT id, outlet, published FROM articles WHERE id > ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, last); err != nil {
			return nil, s.fault(err, "")
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, s.fault(err, "commit")
	}
	return results, nil
}

// latest is the latest version stored under a URL.
type latest struct {
	id       int64
	version  int
	textHash string
}

// known is what deduplication needs to know of a batch's items: the
// articles already stored under their hashes and URLs, and, as the batch
// goes in, its own.
type known struct {
	byDoc  map[[32]byte]int64 // raw hash → first article
	byURL  map[string]latest
	byText map[[32]byte]int64 // text hash → an article without a URL
}

// The lookups of Put's deduplication, a batch at a time: lookupChunk keys
// a statement (each through an index: TestPutLookupsUseIndexes). Short
// chunks are padded with their last key, so that each lookup is one text,
// prepared once per connection.
const lookupChunk = 64

var (
	putByDocHash = `SELECT d.hash, MIN(a.id) FROM documents d JOIN articles a ON a.document_id = d.id WHERE d.hash IN (` + placeholders(lookupChunk) + `) GROUP BY d.hash`
	putByURL     = `SELECT url, id, version, text_hash FROM articles WHERE url IN (` + placeholders(lookupChunk) + `)`
	// url IS '': the condition of the partial index articles_text_hash
	// (migration 13), named because the planner would otherwise look up
	// url = '' in articles_url, every article without a URL
	putByTextHash = `SELECT text_hash, MIN(id) FROM articles INDEXED BY articles_text_hash WHERE text_hash IN (` + placeholders(lookupChunk) + `) AND url IS '' GROUP BY text_hash`
)

// lookUp reads what is stored under the items' hashes and URLs, in a few
// statements for the whole batch instead of two or three an item.
func (s *DB) lookUp(ctx context.Context, tx *sql.Tx, items []store.Item, digests []*store.Digest) (*known, error) {
	k := &known{byDoc: map[[32]byte]int64{}, byURL: map[string]latest{}, byText: map[[32]byte]int64{}}
	var docKeys, urlKeys, textKeys []any
	for i, it := range items {
		docKeys = append(docKeys, digests[i].RawHash[:])
		if it.Article.URL != "" {
			urlKeys = append(urlKeys, it.Article.URL)
		} else {
			textKeys = append(textKeys, digests[i].TextHash[:])
		}
	}
	ts := s.db.inTx(tx)
	err := lookupChunks(ctx, ts, putByDocHash, docKeys, func(r *sql.Rows) error {
		var h []byte
		var id int64
		if err := r.Scan(&h, &id); err != nil {
			return err
		}
		if len(h) == 32 {
			k.byDoc[[32]byte(h)] = id
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lookupChunks(ctx, ts, putByURL, urlKeys, func(r *sql.Rows) error {
		var url string
		var l latest
		var h []byte
		if err := r.Scan(&url, &l.id, &l.version, &h); err != nil {
			return err
		}
		l.textHash = string(h)
		// the latest: highest version, then highest id (a chunk padded
		// with a repeated key reads its rows again, which changes nothing)
		if p, ok := k.byURL[url]; !ok || l.version > p.version || l.version == p.version && l.id > p.id {
			k.byURL[url] = l
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lookupChunks(ctx, ts, putByTextHash, textKeys, func(r *sql.Rows) error {
		var h []byte
		var id int64
		if err := r.Scan(&h, &id); err != nil {
			return err
		}
		if len(h) == 32 {
			k.byText[[32]byte(h)] = id
		}
		return nil
	})
	return k, err
}

// lookupChunks runs q (lookupChunk placeholders) over keys, a chunk at a
// time, padding the last chunk with its last key.
func lookupChunks(ctx context.Context, ts *txStmts, q string, keys []any, each func(*sql.Rows) error) error {
	args := make([]any, lookupChunk)
	for len(keys) > 0 {
		n := copy(args, keys)
		for i := n; i < lookupChunk; i++ {
			args[i] = keys[n-1]
		}
		keys = keys[n:]
		rows, err := ts.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := each(rows); err != nil {
				rows.Close()
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// stmts are the statements of one Put, prepared once per batch, and the
// buffers of its analysis rows.
type stmts struct {
	tx                                         *sql.Tx
	ts                                         *txStmts
	insDoc, insArt                             *sql.Stmt
	sentences, mentions, times, quotes, places *rowBuffer
}

func prepare(ctx context.Context, tx *sql.Tx, ts *txStmts) (*stmts, error) {
	st := &stmts{tx: tx, ts: ts,
		sentences: newRowBuffer(`sentences(article_id, idx, start, end)`, 4),
		mentions:  newRowBuffer(`article_mentions(article_id, packed)`, 2),
		times:     newRowBuffer(`times(article_id, sentence, start, end, text, type, value, mod, anchored)`, 9),
		quotes: newRowBuffer(`quotes(article_id, sentence, start, end, parts, kind, text, cue_start, cue_end, source_start, source_end,
		speaker_start, speaker_end, speaker_text, resolved, confidence)`, 16),
		places: newRowBuffer(`places(article_id, sentence, start, end, text, geonames_id, name, lat, lon, country, feature, population, focus, confidence)`, 14),
	}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&st.insDoc, `INSERT INTO documents(hash, origin, url, media_type, encoding, size, raw, compression, fetched_at, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)`},
		{&st.insArt, `INSERT INTO articles(document_id, url, version, previous_id, text_hash, title, authors, outlet, outlet_source, outlet_evidence,
		published, published_estimated, published_source, published_evidence, language, dateline, summary, credits, captions, text, ingested_at,
		analysis, analysis_note)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
	} {
		s, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.dst = s
	}
	return st, nil
}

func (st *stmts) close() {
	for _, s := range []*sql.Stmt{st.insDoc, st.insArt} {
		if s != nil {
			s.Close()
		}
	}
}

// flush inserts the analysis rows still buffered.
func (st *stmts) flush(ctx context.Context) error {
	for _, b := range []*rowBuffer{st.sentences, st.mentions, st.times, st.quotes, st.places} {
		if err := b.flush(ctx, st.ts); err != nil {
			return err
		}
	}
	return nil
}

// put stores one item of the batch, or finds it a duplicate of one stored
// (k, which it keeps up to date with what it stores); ts is the batch's
// ingestion time.
func (st *stmts) put(ctx context.Context, it store.Item, d *store.Digest, k *known, ts string) (store.PutResult, error) {
	if id, ok := k.byDoc[d.RawHash]; ok {
		return store.PutResult{Outcome: store.Duplicate, ID: id}, nil
	}
	a := it.Article
	var prev latest
	if a.URL != "" {
		prev = k.byURL[a.URL]
		if prev.id != 0 && prev.textHash == string(d.TextHash[:]) {
			return store.PutResult{Outcome: store.Duplicate, ID: prev.id}, nil
		}
	} else if id, ok := k.byText[d.TextHash]; ok {
		return store.PutResult{Outcome: store.Duplicate, ID: id}, nil
	}
	raw, compression := d.Stored, d.Compression
	if !d.Packed {
		raw, compression = compressRaw(it.Raw.Body)
	}
	res, err := st.insDoc.ExecContext(ctx, d.RawHash[:], it.Raw.Origin, it.Raw.URL, it.Raw.MediaType, it.Raw.Encoding, len(it.Raw.Body), raw, compression, timeOrNil(it.Raw.Fetched), ts)
	if err != nil {
		return store.PutResult{}, err
	}
	docID, _ := res.LastInsertId()
	status, note := "none", ""
	if it.Analysis != nil {
		status, note = it.Analysis.Status, it.Analysis.Note
	}
	var prevID any
	version := 1
	outcome := store.Added
	if prev.id != 0 {
		prevID, version, outcome = prev.id, prev.version+1, store.NewVersion
	}
	res, err = st.insArt.ExecContext(ctx, docID, a.URL, version, prevID, d.TextHash[:], a.Title, jsonList(a.Authors), a.Outlet, a.OutletSource, a.OutletEvidence,
		timeOrNil(a.Published), a.PublishedEstimated, a.PublishedSource, a.PublishedEvidence, a.Language, a.Dateline, a.Summary,
		jsonCredits(a.Credits), jsonList(a.Captions), a.Text, ts, status, note)
	if err != nil {
		return store.PutResult{}, err
	}
	id, _ := res.LastInsertId()
	// later items of the batch find this one
	k.byDoc[d.RawHash] = id
	if a.URL != "" {
		k.byURL[a.URL] = latest{id: id, version: version, textHash: string(d.TextHash[:])}
	} else if _, ok := k.byText[d.TextHash]; !ok {
		k.byText[d.TextHash] = id
	}
	if it.Analysis != nil {
		if err := st.putAnalysis(ctx, id, a.Text, it.Analysis); err != nil {
			return store.PutResult{}, err
		}
		for _, f := range it.Analysis.Faults {
			if _, err := st.tx.ExecContext(ctx, insFault, id, f.Stage, f.Message, f.Where, ts); err != nil {
				return store.PutResult{}, err
			}
		}
	}
	return store.PutResult{Outcome: outcome, ID: id, PreviousID: prev.id}, nil
}

func timeOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

func jsonList(xs []string) string {
	if len(xs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(xs)
	return string(b)
}

// jsonCredits stores credits as objects with their kind; scanArticle also
// reads the older list of bare names (clean.Credit.UnmarshalJSON).
func jsonCredits(cs []clean.Credit) string {
	if len(cs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(cs)
	return string(b)
}

const articleCols = `a.id, a.document_id, d.origin, d.media_type, a.url, a.version, COALESCE(a.previous_id, 0), a.title, a.authors, a.outlet, a.outlet_source, a.outlet_evidence,
	a.published, a.published_estimated, a.published_source, a.published_evidence, a.language, a.dateline, a.summary, a.credits, a.captions, a.text, a.ingested_at,
	a.analysis, a.analysis_note`

func scanArticle(sc interface{ Scan(...any) error }) (*store.Article, error) {
	var a store.Article
	var authors, credits, captions, ingested string
	var published sql.NullString
	err := sc.Scan(&a.ID, &a.DocumentID, &a.Origin, &a.MediaType, &a.URL, &a.Version, &a.PreviousID, &a.Title, &authors, &a.Outlet, &a.OutletSource, &a.OutletEvidence,
		&published, &a.PublishedEstimated, &a.PublishedSource, &a.PublishedEvidence, &a.Language, &a.Dateline, &a.Summary, &credits, &captions, &a.Text, &ingested,
		&a.Analysis, &a.AnalysisNote)
	if err != nil {
		return nil, err
	}
	json.Unmarshal([]byte(authors), &a.Authors)
	json.Unmarshal([]byte(credits), &a.Credits)
	json.Unmarshal([]byte(captions), &a.Captions)
	if published.Valid {
		a.Published, _ = time.Parse(time.RFC3339, published.String)
	}
	a.Ingested, _ = time.Parse(time.RFC3339Nano, ingested)
	return &a, nil
}

// Article implements store.Store.
func (s *DB) Article(ctx context.Context, id int64) (*store.Article, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
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
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*store.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Count implements store.Store.
func (s *DB) Count(ctx context.Context) (articles, documents int64, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM documents)`).Scan(&articles, &documents)
	return
}

// Search runs an FTS5 query over titles and text and returns article ids,
// best match first.
func (s *DB) Search(ctx context.Context, match string, limit int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`, match, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

func trimSpace(s string) string { return strings.TrimSpace(s) }

// Vacuum rewrites the database file without its free pages: SQLite keeps
// the pages rows and indexes no longer use (after a migration that
// shrinks them, or deletions) for later writes, and the file keeps its
// size until then. It needs free disk space for a second copy while it
// runs (a temporary file: with the connections' temp_store(MEMORY) the
// copy was built in memory, 1 GB of RSS for a 500 MB database), and holds
// the write lock throughout.
func (s *DB) Vacuum(ctx context.Context) error {
	s.wmu.lock(false)
	defer s.wmu.unlock()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.fault(err, "vacuum")
	}
	defer conn.Close()
	for _, q := range []string{`PRAGMA temp_store = FILE`, `VACUUM`} {
		if _, err = conn.ExecContext(ctx, q); err != nil {
			break
		}
	}
	// the connection goes back to the pool as the others are
	if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA temp_store = MEMORY`); err == nil {
		err = rerr
	}
	if err != nil {
		return s.fault(err, "vacuum")
	}
	return nil
}
