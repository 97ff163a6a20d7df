package sqlite

// migrations are applied in order, each once, inside a transaction; the
// applied version is kept in schema_migrations. Append, never edit: a
// database in the field may already hold any prefix of this list.
var migrations = []string{
	// 1: raw documents and clean articles, with full-text search.
	`
CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	hash        TEXT NOT NULL UNIQUE,   -- sha256 of the raw bytes, hex
	origin      TEXT NOT NULL,
	url         TEXT NOT NULL DEFAULT '',
	media_type  TEXT NOT NULL,
	encoding    TEXT NOT NULL DEFAULT '',
	size        INTEGER NOT NULL,
	raw         BLOB NOT NULL,
	fetched_at  TEXT,
	ingested_at TEXT NOT NULL
);
CREATE TABLE articles (
	id                  INTEGER PRIMARY KEY,
	document_id         INTEGER NOT NULL REFERENCES documents(id),
	url                 TEXT NOT NULL DEFAULT '',
	version             INTEGER NOT NULL DEFAULT 1,
	previous_id         INTEGER REFERENCES articles(id),
	text_hash           TEXT NOT NULL,  -- sha256 of the clean text, hex
	title               TEXT NOT NULL DEFAULT '',
	authors             TEXT NOT NULL DEFAULT '[]',  -- JSON array
	outlet              TEXT NOT NULL DEFAULT '',
	outlet_source       TEXT NOT NULL DEFAULT '',
	outlet_evidence     TEXT NOT NULL DEFAULT '',
	published           TEXT,          -- RFC 3339 UTC, NULL when unknown
	published_estimated INTEGER NOT NULL DEFAULT 0,
	published_source    TEXT NOT NULL DEFAULT '',
	published_evidence  TEXT NOT NULL DEFAULT '',
	language            TEXT NOT NULL DEFAULT '',
	dateline            TEXT NOT NULL DEFAULT '',
	summary             TEXT NOT NULL DEFAULT '',
	credits             TEXT NOT NULL DEFAULT '[]',
	captions            TEXT NOT NULL DEFAULT '[]',
	text                TEXT NOT NULL,
	ingested_at         TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url, version);
CREATE INDEX articles_document ON articles(document_id);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
`,
	// 2: analysis results — sentences and named-entity mentions, by byte
	// offsets into the article text.
	`
CREATE TABLE sentences (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE mentions (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence    INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	type        TEXT NOT NULL,
	text        TEXT NOT NULL,
	confidence  REAL NOT NULL,
	demonym     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_text ON mentions(text, type);
`,
	// 3: time expressions, quotes and places of each article; actors,
	// stories and the state of the online stages (entity registry, story
	// clusterer), kept as blobs so a later ingest resumes where the last
	// one stopped.
	`
CREATE TABLE times (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence   INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	value      TEXT NOT NULL,
	mod        TEXT NOT NULL DEFAULT '',
	anchored   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX times_article ON times(article_id, start);
CREATE INDEX times_value ON times(value);
CREATE TABLE quotes (
	id            INTEGER PRIMARY KEY,
	article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence      INTEGER NOT NULL,
	start         INTEGER NOT NULL,
	end           INTEGER NOT NULL,
	parts         TEXT NOT NULL DEFAULT '[]',
	kind          TEXT NOT NULL,
	text          TEXT NOT NULL,
	cue_start     INTEGER NOT NULL,
	cue_end       INTEGER NOT NULL,
	source_start  INTEGER NOT NULL,
	source_end    INTEGER NOT NULL,
	speaker_start INTEGER NOT NULL,
	speaker_end   INTEGER NOT NULL,
	speaker_text  TEXT NOT NULL DEFAULT '',
	resolved      INTEGER NOT NULL DEFAULT 0,
	confidence    REAL NOT NULL,
	speaker_actor INTEGER
);
CREATE INDEX quotes_article ON quotes(article_id, start);
CREATE INDEX quotes_actor ON quotes(speaker_actor);
CREATE TABLE places (
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence    INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	text        TEXT NOT NULL,
	geonames_id INTEGER NOT NULL,
	name        TEXT NOT NULL,
	lat         REAL NOT NULL,
	lon         REAL NOT NULL,
	country     TEXT NOT NULL,
	feature     TEXT NOT NULL,
	population  INTEGER NOT NULL,
	focus       INTEGER NOT NULL DEFAULT 0,
	confidence  REAL NOT NULL
);
CREATE INDEX places_article ON places(article_id, start);
CREATE INDEX places_geonames ON places(geonames_id);
CREATE TABLE actors (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	type     TEXT NOT NULL DEFAULT '',
	code     TEXT NOT NULL DEFAULT '',
	country  TEXT NOT NULL DEFAULT '',
	aliases  TEXT NOT NULL DEFAULT '[]',
	roles    TEXT NOT NULL DEFAULT '[]',
	mentions INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE actor_refs (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	actor_id   INTEGER NOT NULL,
	sentence   INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	kind       TEXT NOT NULL DEFAULT 'name'
);
CREATE INDEX actor_refs_actor ON actor_refs(actor_id, article_id);
CREATE INDEX actor_refs_article ON actor_refs(article_id, start);
CREATE TABLE article_story (
	article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	event_id     INTEGER NOT NULL,
	storyline_id INTEGER NOT NULL,
	duplicate_of INTEGER NOT NULL DEFAULT 0,
	similarity   REAL NOT NULL DEFAULT 0
);
CREATE INDEX article_story_event ON article_story(event_id);
CREATE INDEX article_story_storyline ON article_story(storyline_id);
CREATE TABLE events (
	id           INTEGER PRIMARY KEY,
	storyline_id INTEGER NOT NULL,
	headline     TEXT NOT NULL DEFAULT '',
	first_seen   TEXT NOT NULL,
	last_seen    TEXT NOT NULL,
	articles     INTEGER NOT NULL DEFAULT 0,
	outlets      TEXT NOT NULL DEFAULT '[]',
	top_actors   TEXT NOT NULL DEFAULT '[]',
	top_places   TEXT NOT NULL DEFAULT '[]',
	composed     INTEGER NOT NULL DEFAULT 0 -- its page is in story_pages
);
-- Composed story pages (view.Story, JSON) live apart from the events, so
-- listing and sorting events never reads them.
CREATE TABLE story_pages (
	event_id INTEGER PRIMARY KEY,
	page     BLOB NOT NULL
);
CREATE INDEX events_last_seen ON events(last_seen, articles, id);
CREATE INDEX events_size ON events(articles, last_seen, id);
CREATE INDEX events_storyline ON events(storyline_id);
CREATE TABLE state (
	name  TEXT PRIMARY KEY,
	value BLOB NOT NULL
);
`,
	// 4: the columns search filters and facets read (outlet, publication
	// time), one small row per article kept by triggers, so a search joins
	// its full-text matches to this table instead of to the wide article
	// rows.
	`
CREATE TABLE article_facets (
	id        INTEGER PRIMARY KEY, -- articles.id
	outlet    TEXT NOT NULL,
	published TEXT
);
INSERT INTO article_facets(id, outlet, published) SELECT id, outlet, published FROM articles;
CREATE TRIGGER article_facets_insert AFTER INSERT ON articles BEGIN
	INSERT OR REPLACE INTO article_facets(id, outlet, published) VALUES (new.id, new.outlet, new.published);
END;
CREATE TRIGGER article_facets_update AFTER UPDATE OF id, outlet, published ON articles BEGIN
	DELETE FROM article_facets WHERE id = old.id;
	INSERT OR REPLACE INTO article_facets(id, outlet, published) VALUES (new.id, new.outlet, new.published);
END;
CREATE TRIGGER article_facets_delete AFTER DELETE ON articles BEGIN
	DELETE FROM article_facets WHERE id = old.id;
END;
`,
	// 5: events none of whose members is dated were dated by their
	// ingestion; they become undated (''), and their stored pages, which
	// carry those dates, are dropped so they are composed afresh.
	`
UPDATE events SET first_seen = '', last_seen = ''
	WHERE NOT EXISTS (SELECT 1 FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.event_id = events.id AND a.published IS NOT NULL);
DELETE FROM story_pages WHERE event_id IN (SELECT id FROM events WHERE last_seen = '');
UPDATE events SET composed = 0 WHERE last_seen = '';
`,
	// 6: how far each article was analysed ('' complete, 'incomplete',
	// 'not_analysed' for a language the models do not know, 'none' when
	// ingested without analysis) and why; the faults a stage recovered
	// from on an article, so one bad article is reported instead of
	// stopping the corpus.
	`
ALTER TABLE articles ADD COLUMN analysis TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN analysis_note TEXT NOT NULL DEFAULT '';
CREATE TABLE faults (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	stage      TEXT NOT NULL,
	message    TEXT NOT NULL,
	location   TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL
);
CREATE INDEX faults_article ON faults(article_id);
`,
	// 7: coded events (internal/event): one row per happening of a story,
	// the full record as JSON in body and the columns filters read beside
	// it; one row per mention (sentence of an article that reports it).
	`
CREATE TABLE coded_events (
	id             INTEGER PRIMARY KEY,
	story_id       INTEGER NOT NULL,
	type           TEXT NOT NULL,
	cameo          TEXT NOT NULL,
	status         TEXT NOT NULL,
	source_actor   INTEGER NOT NULL DEFAULT 0,
	target_actor   INTEGER NOT NULL DEFAULT 0,
	source_name    TEXT NOT NULL DEFAULT '',
	target_name    TEXT NOT NULL DEFAULT '',
	place_geonames INTEGER NOT NULL DEFAULT 0,
	place_name     TEXT NOT NULL DEFAULT '',
	date           TEXT NOT NULL DEFAULT '',
	mentions       INTEGER NOT NULL DEFAULT 0,
	body           TEXT NOT NULL
);
CREATE INDEX coded_events_story ON coded_events(story_id);
CREATE INDEX coded_events_date ON coded_events(date, id);
CREATE INDEX coded_events_source ON coded_events(source_actor);
CREATE INDEX coded_events_target ON coded_events(target_actor);
CREATE TABLE coded_event_mentions (
	event_id   INTEGER NOT NULL REFERENCES coded_events(id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL,
	sentence   INTEGER NOT NULL,
	outlet     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX coded_event_mentions_event ON coded_event_mentions(event_id);
CREATE INDEX coded_event_mentions_article ON coded_event_mentions(article_id, sentence);
`,
	// 8: leases (store.Leases): the single holder of a named duty among
	// the processes sharing the database — the corpus stage under many
	// workers. expires is Unix nanoseconds by the holder's clock.
	`
CREATE TABLE leases (
	name    TEXT PRIMARY KEY,
	holder  TEXT NOT NULL,
	expires INTEGER NOT NULL
);
`,
	// 9: the corpus state's change log (store.Derived.StateLog): what
	// changed in a named state batch by batch, replayed on its last
	// whole value in id order; writing the whole value empties the log.
	`
CREATE TABLE state_log (
	id    INTEGER PRIMARY KEY AUTOINCREMENT,
	name  TEXT NOT NULL,
	value BLOB NOT NULL
);
CREATE INDEX state_log_name ON state_log(name, id);
`,
	// 10: actor_refs_article also holds the actor, so that the readers of
	// an article's actors (search facets, story pages) read the index
	// alone instead of one table row a reference (issue 17: the actor
	// facet of a common word cost 40 % less).
	`
DROP INDEX actor_refs_article;
CREATE INDEX actor_refs_article ON actor_refs(article_id, start, actor_id);
`,
	// 11: articles enter the full-text index once a Put, in one statement
	// after the batch (Put), not by a trigger once an article: FTS5 writes
	// its pending terms out as a new segment at every statement that
	// changes it, so the trigger made a segment, and merges, per article.
	`
DROP TRIGGER articles_fts_insert;
`,
	// 12: raw documents compressed (compress.go): compression names how
	// raw is stored, '' for as fetched (the documents written before).
	`
ALTER TABLE documents ADD COLUMN compression TEXT NOT NULL DEFAULT '';
`,
	// 13: smaller databases (issue 15; a 10k-article database was about
	// 100 KB an article for 5 KB of text, half of it coded events and
	// story pages):
	//   - coded events' bodies and story pages zstd-compressed (pack.go;
	//     the rows written before are compressed here, and read alike
	//     either way). In sixteenths by id: each statement keeps the
	//     pages it changes in a statement journal, in memory
	//     (temp_store), which for one statement over the whole table was
	//     the size of the table (1 GB of RSS for a 10k-article database);
	//     the last sixteenth also takes any id above the others' reach;
	//   - mentions keep no copy of their text, which no query reads (the
	//     article's text holds it), nor the index on it;
	//   - indexes no query uses go: times by value (TimeList filters
	//     values with GLOB '[0-9]…', which no index serves, and sorts
	//     after joining), coded events by actor (CodedEventList ORs the
	//     actor ids with LIKE on names: a scan whatever the index),
	//     coded event mentions by article (nothing reads them by
	//     article);
	//   - text hashes are looked up only for articles without a URL
	//     (Put), so only those are indexed: an article with a URL no
	//     longer writes a leaf page of a random-keyed index. The index's
	//     condition is "url IS ''", not "url = ''": SQLite re-prepares a
	//     statement at every new value of a parameter compared the same
	//     way as a partial index's condition (Put's "url = ?"), which cost
	//     a tenth of Put's CPU.
	`
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id <= (SELECT MAX(id) FROM coded_events) * 1 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 1 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 2 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 2 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 3 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 3 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 4 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 4 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 5 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 5 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 6 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 6 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 7 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 7 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 8 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 8 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 9 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 9 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 10 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 10 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 11 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 11 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 12 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 12 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 13 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 13 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 14 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 14 / 16 AND id <= (SELECT MAX(id) FROM coded_events) * 15 / 16;
UPDATE coded_events SET body = sitrep_pack_event(body) WHERE id > (SELECT MAX(id) FROM coded_events) * 15 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id <= (SELECT MAX(event_id) FROM story_pages) * 1 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 1 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 2 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 2 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 3 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 3 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 4 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 4 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 5 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 5 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 6 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 6 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 7 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 7 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 8 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 8 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 9 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 9 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 10 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 10 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 11 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 11 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 12 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 12 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 13 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 13 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 14 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 14 / 16 AND event_id <= (SELECT MAX(event_id) FROM story_pages) * 15 / 16;
UPDATE story_pages SET page = sitrep_pack_page(page) WHERE event_id > (SELECT MAX(event_id) FROM story_pages) * 15 / 16;
DROP INDEX mentions_text;
ALTER TABLE mentions DROP COLUMN text;
DROP INDEX times_value;
DROP INDEX coded_events_source;
DROP INDEX coded_events_target;
DROP INDEX coded_event_mentions_article;
DROP INDEX articles_text_hash;
CREATE INDEX articles_text_hash ON articles(text_hash) WHERE url IS '';
`,
	// 14: content hashes (documents.hash, articles.text_hash) stored as
	// their 32 bytes instead of 64 hex digits: their indexes take a random
	// leaf page an article written, and fewer, smaller leaves mean fewer
	// pages written a batch (issue 15, store writes). (A value that is
	// not hex, which sitrep never wrote, is kept as it is.)
	`
UPDATE documents SET hash = COALESCE(unhex(hash), hash) WHERE typeof(hash) = 'text';
UPDATE articles SET text_hash = COALESCE(unhex(text_hash), text_hash) WHERE typeof(text_hash) = 'text';
`,
	// 15: the search facets of a batch's articles go in with one
	// statement after the batch (Put), as its full-text entries do, not
	// by a trigger an article (issue 15, store writes).
	`
DROP TRIGGER article_facets_insert;
`,
	// 16: the number of stories, kept, as the PostgreSQL store keeps it
	// (its migration 7): the story list's unfiltered total reads one row
	// instead of counting events on every request. Triggers keep it in
	// the transaction of whatever statement inserts or deletes events;
	// an upsert that updates (the corpus stage's ON CONFLICT DO UPDATE)
	// fires no INSERT trigger. (INSERT OR REPLACE would miscount: its
	// implicit delete fires no DELETE trigger without recursive_triggers,
	// so nothing may write events that way.) The count is taken in the
	// write transaction that makes the triggers.
	`
CREATE TABLE counters (
	name TEXT PRIMARY KEY,
	n    INTEGER NOT NULL
);
CREATE TRIGGER events_added AFTER INSERT ON events BEGIN
	UPDATE counters SET n = n + 1 WHERE name = 'stories';
END;
CREATE TRIGGER events_removed AFTER DELETE ON events BEGIN
	UPDATE counters SET n = n - 1 WHERE name = 'stories';
END;
INSERT INTO counters(name, n) SELECT 'stories', COUNT(*) FROM events;
`,
	// 17: smaller databases, and coded events written per change (issue
	// 15, at 2,000 articles 49 KB an article):
	//   - coded_event_mentions goes: no query read it, and every fact
	//     of it (the article, sentence and outlet of each mention) is in
	//     the event's body;
	//   - a coded event's digest (eventDigest: its content, whatever its
	//     id), read with the story's ids through coded_events_story, so
	//     that re-deriving a story rewrites only the events that changed
	//     (ReplaceStoryEvents); the rows written before have none, and are
	//     replaced when their story is next coded;
	//   - new bodies leave out what their mentions' articles hold
	//     (eventcodec.go); those written before read as they did;
	//   - the corpus state (state, state_log) is stored compressed
	//     (state.go), the values written before too (the log in
	//     sixteenths by id, as migration 13 did, to bound the statement
	//     journal).
	`
DROP TABLE coded_event_mentions;
ALTER TABLE coded_events ADD COLUMN digest INTEGER;
DROP INDEX coded_events_story;
CREATE INDEX coded_events_story ON coded_events(story_id, digest);
UPDATE state SET value = sitrep_pack_state(value);
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id <= (SELECT MAX(id) FROM state_log) * 1 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 1 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 2 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 2 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 3 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 3 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 4 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 4 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 5 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 5 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 6 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 6 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 7 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 7 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 8 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 8 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 9 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 9 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 10 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 10 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 11 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 11 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 12 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 12 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 13 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 13 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 14 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 14 / 16 AND id <= (SELECT MAX(id) FROM state_log) * 15 / 16;
UPDATE state_log SET value = sitrep_pack_state(value) WHERE id > (SELECT MAX(id) FROM state_log) * 15 / 16;
`,
	// 18: an article's named-entity mentions in one packed value
	// (mentionbin.go) instead of a row each (issue 15: a third of the rows
	// Put wrote, each in the table and its index, and 3 KB an article; they
	// are only read whole, by article). The rows written before are packed
	// in the order Annotation read them (by start, ties by rowid).
	`
CREATE TABLE article_mentions (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	packed     BLOB NOT NULL
);
INSERT INTO article_mentions(article_id, packed)
	SELECT article_id, sitrep_pack_mentions(sentence, start, end, type, confidence, demonym ORDER BY start, id)
	FROM mentions GROUP BY article_id ORDER BY article_id;
DROP TABLE mentions;
`,
	// 19: an article's references to one actor in one packed list
	// (refbin.go) instead of a row each (issue 15: about 69 rows an
	// article, each in the table and two indexes, 4.2 KB an article),
	// keyed by (article, actor) as every reader reaches them, with an
	// index by actor. Each reference keeps its place among its article's
	// (here its rowid), so readers order them as the rows' rowids did.
	`
CREATE TABLE actor_ref_lists (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	actor_id   INTEGER NOT NULL,
	packed     BLOB NOT NULL,
	PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
INSERT INTO actor_ref_lists(article_id, actor_id, packed)
	SELECT article_id, actor_id, sitrep_pack_refs(rowid, sentence, start, end, kind ORDER BY rowid)
	FROM actor_refs GROUP BY article_id, actor_id ORDER BY article_id, actor_id;
DROP TABLE actor_refs;
CREATE INDEX actor_ref_lists_actor ON actor_ref_lists(actor_id, article_id);
`,
}
