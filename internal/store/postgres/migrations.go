package postgres

// migrations are applied in order, each once, inside a transaction; the
// applied version is kept in schema_migrations. Append, never edit: a
// database in the field may already hold any prefix of this list. The
// schema follows the SQLite store's (internal/store/sqlite), with times
// kept as RFC 3339 text as there, so both stores sort and compare them
// alike; "end" is a reserved word here, so spans end in "stop".
var migrations = []string{
	// 1: everything the SQLite store has after its migration 7.
	`
CREATE TABLE documents (
	id          BIGSERIAL PRIMARY KEY,
	hash        TEXT NOT NULL UNIQUE,   -- sha256 of the raw bytes, hex
	origin      TEXT NOT NULL,
	url         TEXT NOT NULL DEFAULT '',
	media_type  TEXT NOT NULL,
	encoding    TEXT NOT NULL DEFAULT '',
	size        BIGINT NOT NULL,
	raw         BYTEA NOT NULL,
	fetched_at  TEXT,
	ingested_at TEXT NOT NULL
);
CREATE TABLE articles (
	id                  BIGSERIAL PRIMARY KEY,
	document_id         BIGINT NOT NULL REFERENCES documents(id),
	url                 TEXT NOT NULL DEFAULT '',
	version             INTEGER NOT NULL DEFAULT 1,
	previous_id         BIGINT REFERENCES articles(id),
	text_hash           TEXT NOT NULL,
	title               TEXT NOT NULL DEFAULT '',
	authors             TEXT NOT NULL DEFAULT '[]',
	outlet              TEXT NOT NULL DEFAULT '',
	outlet_source       TEXT NOT NULL DEFAULT '',
	outlet_evidence     TEXT NOT NULL DEFAULT '',
	published           TEXT,          -- RFC 3339 UTC, NULL when unknown
	published_estimated BOOLEAN NOT NULL DEFAULT false,
	published_source    TEXT NOT NULL DEFAULT '',
	published_evidence  TEXT NOT NULL DEFAULT '',
	language            TEXT NOT NULL DEFAULT '',
	dateline            TEXT NOT NULL DEFAULT '',
	summary             TEXT NOT NULL DEFAULT '',
	credits             TEXT NOT NULL DEFAULT '[]',
	captions            TEXT NOT NULL DEFAULT '[]',
	text                TEXT NOT NULL,
	ingested_at         TEXT NOT NULL,
	analysis            TEXT NOT NULL DEFAULT '',
	analysis_note       TEXT NOT NULL DEFAULT '',
	-- title and text folded as the SQLite index folds them (lower case,
	-- no diacritics, words of letters and digits), see fold.go
	tsv                 TSVECTOR NOT NULL
);
CREATE INDEX articles_url ON articles(url, version);
CREATE INDEX articles_document ON articles(document_id);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(lower(outlet));
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE sentences (
	article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	stop       INTEGER NOT NULL,
	PRIMARY KEY (article_id, idx)
);
CREATE TABLE mentions (
	id          BIGSERIAL PRIMARY KEY,
	article_id  BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence    INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	stop        INTEGER NOT NULL,
	type        TEXT NOT NULL,
	text        TEXT NOT NULL,
	confidence  REAL NOT NULL,
	demonym     BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_text ON mentions(text, type);
CREATE TABLE times (
	article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence   INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	stop       INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	value      TEXT NOT NULL,
	mod        TEXT NOT NULL DEFAULT '',
	anchored   BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX times_article ON times(article_id, start);
CREATE INDEX times_value ON times(value);
CREATE TABLE quotes (
	id            BIGSERIAL PRIMARY KEY,
	article_id    BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence      INTEGER NOT NULL,
	start         INTEGER NOT NULL,
	stop          INTEGER NOT NULL,
	parts         TEXT NOT NULL DEFAULT '[]',
	kind          TEXT NOT NULL,
	text          TEXT NOT NULL,
	cue_start     INTEGER NOT NULL,
	cue_stop      INTEGER NOT NULL,
	source_start  INTEGER NOT NULL,
	source_stop   INTEGER NOT NULL,
	speaker_start INTEGER NOT NULL,
	speaker_stop  INTEGER NOT NULL,
	speaker_text  TEXT NOT NULL DEFAULT '',
	resolved      BOOLEAN NOT NULL DEFAULT false,
	confidence    REAL NOT NULL,
	speaker_actor BIGINT
);
CREATE INDEX quotes_article ON quotes(article_id, start);
CREATE INDEX quotes_actor ON quotes(speaker_actor);
CREATE TABLE places (
	id          BIGSERIAL PRIMARY KEY,
	article_id  BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sentence    INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	stop        INTEGER NOT NULL,
	text        TEXT NOT NULL,
	geonames_id BIGINT NOT NULL,
	name        TEXT NOT NULL,
	lat         DOUBLE PRECISION NOT NULL,
	lon         DOUBLE PRECISION NOT NULL,
	country     TEXT NOT NULL,
	feature     TEXT NOT NULL,
	population  BIGINT NOT NULL,
	focus       BOOLEAN NOT NULL DEFAULT false,
	confidence  DOUBLE PRECISION NOT NULL
);
CREATE INDEX places_article ON places(article_id, start);
CREATE INDEX places_geonames ON places(geonames_id);
CREATE INDEX places_name ON places(lower(name));
CREATE TABLE actors (
	id       BIGINT PRIMARY KEY,
	name     TEXT NOT NULL,
	type     TEXT NOT NULL DEFAULT '',
	code     TEXT NOT NULL DEFAULT '',
	country  TEXT NOT NULL DEFAULT '',
	aliases  TEXT NOT NULL DEFAULT '[]',
	roles    TEXT NOT NULL DEFAULT '[]',
	mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_name ON actors(lower(name));
CREATE TABLE actor_refs (
	id         BIGSERIAL PRIMARY KEY,  -- the order references were stored in
	article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	actor_id   BIGINT NOT NULL,
	sentence   INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	stop       INTEGER NOT NULL,
	kind       TEXT NOT NULL DEFAULT 'name'
);
CREATE INDEX actor_refs_actor ON actor_refs(actor_id, article_id);
CREATE INDEX actor_refs_article ON actor_refs(article_id, start);
CREATE TABLE article_story (
	article_id   BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	event_id     BIGINT NOT NULL,
	storyline_id BIGINT NOT NULL,
	duplicate_of BIGINT NOT NULL DEFAULT 0,
	similarity   DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX article_story_event ON article_story(event_id);
CREATE INDEX article_story_storyline ON article_story(storyline_id);
CREATE TABLE events (
	id           BIGINT PRIMARY KEY,
	storyline_id BIGINT NOT NULL,
	headline     TEXT NOT NULL DEFAULT '',
	first_seen   TEXT NOT NULL,
	last_seen    TEXT NOT NULL,
	articles     INTEGER NOT NULL DEFAULT 0,
	outlets      TEXT NOT NULL DEFAULT '[]',
	top_actors   TEXT NOT NULL DEFAULT '[]',
	top_places   TEXT NOT NULL DEFAULT '[]',
	composed     BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE story_pages (
	event_id BIGINT PRIMARY KEY,
	page     BYTEA NOT NULL
);
CREATE INDEX events_last_seen ON events(last_seen, articles, id);
CREATE INDEX events_size ON events(articles, last_seen, id);
CREATE INDEX events_storyline ON events(storyline_id);
CREATE TABLE state (
	name  TEXT PRIMARY KEY,
	value BYTEA NOT NULL
);
CREATE TABLE faults (
	id         BIGSERIAL PRIMARY KEY,
	article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	stage      TEXT NOT NULL,
	message    TEXT NOT NULL,
	location   TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL
);
CREATE INDEX faults_article ON faults(article_id);
CREATE TABLE coded_events (
	id             BIGSERIAL PRIMARY KEY,
	story_id       BIGINT NOT NULL,
	type           TEXT NOT NULL,
	cameo          TEXT NOT NULL,
	status         TEXT NOT NULL,
	source_actor   BIGINT NOT NULL DEFAULT 0,
	target_actor   BIGINT NOT NULL DEFAULT 0,
	source_name    TEXT NOT NULL DEFAULT '',
	target_name    TEXT NOT NULL DEFAULT '',
	place_geonames BIGINT NOT NULL DEFAULT 0,
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
	event_id   BIGINT NOT NULL REFERENCES coded_events(id) ON DELETE CASCADE,
	article_id BIGINT NOT NULL,
	sentence   INTEGER NOT NULL,
	outlet     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX coded_event_mentions_event ON coded_event_mentions(event_id);
CREATE INDEX coded_event_mentions_article ON coded_event_mentions(article_id, sentence);
-- the words of text between byte offsets start and stop (spans are byte
-- offsets into the UTF-8 text, as everywhere in sitrep)
CREATE FUNCTION byte_substr(t TEXT, start INTEGER, stop INTEGER) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT AS
	$$ SELECT convert_from(substring(convert_to(t, 'UTF8') FROM start + 1 FOR greatest(stop - start, 0)), 'UTF8') $$;
`,
	// 2: leases (store.Leases): the one holder of a duty shared by many
	// processes, until it stops renewing.
	`
CREATE TABLE leases (
	name    TEXT PRIMARY KEY,
	holder  TEXT NOT NULL,
	expires TIMESTAMPTZ NOT NULL
);
`,
	// 3: cheaper compression for what is rewritten often or large. The
	// corpus state is rewritten after every batch (megabytes): stored
	// uncompressed out of line, as SQLite stores it, instead of pglz
	// spending the server's CPU on every rewrite; story pages, raw
	// documents and article texts compressed with lz4 (several times
	// faster than pglz) where the server has it — a server built without
	// lz4 keeps pglz.
	`
ALTER TABLE state ALTER COLUMN value SET STORAGE EXTERNAL;
DO $$
BEGIN
	ALTER TABLE story_pages ALTER COLUMN page SET COMPRESSION lz4;
	ALTER TABLE documents ALTER COLUMN raw SET COMPRESSION lz4;
	ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
	RAISE NOTICE 'lz4 compression not available: keeping pglz';
END
$$;
`,
	// 4: the corpus state's change log (store.Derived.StateLog): what
	// changed in a named state batch by batch, replayed on its last
	// whole value in id order; writing the whole value empties the log.
	// Appended, never rewritten: kept out of line uncompressed, like the
	// state.
	`
CREATE TABLE state_log (
	id    BIGSERIAL PRIMARY KEY,
	name  TEXT NOT NULL,
	value BYTEA NOT NULL
);
ALTER TABLE state_log ALTER COLUMN value SET STORAGE EXTERNAL;
CREATE INDEX state_log_name ON state_log(name, id);
`,
	// 5: cheaper writes of the analysis rows (issue 17: the server's CPU
	// per article). What no query uses goes:
	//   - indexes: no query reads mentions by text; times are listed in
	//     COLLATE "C" order and filtered by a regular expression, places
	//     matched by lower(name) OR lower(text), coded events by actor OR
	//     ILIKE on names — none of which these single-column indexes in
	//     the database's collation serve; nothing reads
	//     coded_event_mentions by article;
	//   - the primary keys of mentions, quotes, places and actor
	//     references: their ids only break ties within an article (ORDER
	//     BY start, id), after the per-article index found the rows;
	//   - the foreign keys of the per-article rows: each row's check was a
	//     lookup of its article (about 15 µs a row, more than the rest of
	//     its COPY), for rows written in the transaction that writes their
	//     article, or by the corpus stage for articles it read; articles
	//     are never deleted, so ON DELETE CASCADE never ran;
	//   - coded_event_mentions' cascade: ReplaceStoryEvents deletes the
	//     mentions with their events, and PutDerived the events of a
	//     story merged away at the merge (done here once for what an
	//     older build left).
	// The story list's two orders get indexes in the collation they sort
	// by (COLLATE "C", as the SQLite store compares): the database's own
	// need not be C, and then the list sorted every story per request.
	`
DELETE FROM coded_events c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = c.story_id);
DROP INDEX mentions_text;
DROP INDEX times_value;
DROP INDEX places_name;
DROP INDEX coded_events_source;
DROP INDEX coded_events_target;
DROP INDEX coded_event_mentions_article;
ALTER TABLE sentences DROP CONSTRAINT sentences_article_id_fkey;
ALTER TABLE mentions DROP CONSTRAINT mentions_article_id_fkey;
ALTER TABLE times DROP CONSTRAINT times_article_id_fkey;
ALTER TABLE quotes DROP CONSTRAINT quotes_article_id_fkey;
ALTER TABLE places DROP CONSTRAINT places_article_id_fkey;
ALTER TABLE actor_refs DROP CONSTRAINT actor_refs_article_id_fkey;
ALTER TABLE coded_event_mentions DROP CONSTRAINT coded_event_mentions_event_id_fkey;
ALTER TABLE mentions DROP CONSTRAINT mentions_pkey;
ALTER TABLE quotes DROP CONSTRAINT quotes_pkey;
ALTER TABLE places DROP CONSTRAINT places_pkey;
ALTER TABLE actor_refs DROP CONSTRAINT actor_refs_pkey;
DROP INDEX events_last_seen;
DROP INDEX events_size;
CREATE INDEX events_last_seen ON events(last_seen COLLATE "C" DESC, articles DESC, id DESC);
CREATE INDEX events_size ON events(articles DESC, last_seen COLLATE "C" DESC, id DESC);
`,
	// 6: mentions keep no copy of their text, which no query reads (the
	// article's text holds it; as SQLite migration 13). Dropping a column
	// is a change of the catalogue only; the space comes back as rows are
	// rewritten or vacuumed.
	`
ALTER TABLE mentions DROP COLUMN text;
`,
	// 7: the number of stories, kept: the story list's unfiltered total
	// was a COUNT(*) of events on every request, which PostgreSQL answers
	// by visiting every row (or every index entry, after a VACUUM): 8–50
	// ms at 88k stories, the most of a list request (issue 17, item 7).
	// Statement triggers with transition tables keep it in the
	// transaction of whatever statement inserts or deletes events (the
	// corpus stage's upserts count only the rows they insert, merges the
	// rows they delete), so it cannot drift from the rows whichever code
	// writes them. The trigger names the table by its own schema, not
	// the session's search_path. The triggers are made before the count
	// is taken: making them locks events against writes until this
	// migration commits, so no story written meanwhile is missed.
	// Writers of events take turns already (PutDerived's advisory lock),
	// so the one row is no point of contention.
	`
CREATE TABLE counters (
	name TEXT PRIMARY KEY,
	n    BIGINT NOT NULL
);
CREATE FUNCTION count_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	d BIGINT;
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT COUNT(*) INTO d FROM added;
	ELSE
		SELECT -COUNT(*) INTO d FROM removed;
	END IF;
	IF d <> 0 THEN
		EXECUTE format('UPDATE %I.counters SET n = n + $1 WHERE name = ''stories''', TG_TABLE_SCHEMA) USING d;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER events_added AFTER INSERT ON events REFERENCING NEW TABLE AS added
	FOR EACH STATEMENT EXECUTE FUNCTION count_events();
CREATE TRIGGER events_removed AFTER DELETE ON events REFERENCING OLD TABLE AS removed
	FOR EACH STATEMENT EXECUTE FUNCTION count_events();
INSERT INTO counters(name, n) SELECT 'stories', COUNT(*) FROM events;
`,
	// 8: no planner statistics for the columns that hold a row's payload
	// and that no query filters, joins or sorts on: ANALYZE read and
	// sorted every sampled value of them (coded events' JSON, raw pages,
	// article texts, story pages, the corpus state) to estimate their
	// widths, the most of its cost, and sitrep analyses its tables as
	// they grow (analyze.go);
	// and the per-article tables' article ids a fixed share of distinct
	// values, one in fifty rows (tens of sentences, mentions, quotes,
	// places, times or actor references an article: the order of
	// magnitude is what the planner needs). An ANALYZE of a young table
	// counted its few articles as a number, which the planner kept as the
	// table grew — a read of one article's rows then looked like a read
	// of a thousandth of the table, and became a hash join over all of
	// it; a share scales with the table, so the first ANALYZE serves.
	`
ALTER TABLE coded_events ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE documents ALTER COLUMN raw SET STATISTICS 0;
ALTER TABLE articles ALTER COLUMN text SET STATISTICS 0;
ALTER TABLE story_pages ALTER COLUMN page SET STATISTICS 0;
ALTER TABLE state ALTER COLUMN value SET STATISTICS 0;
ALTER TABLE state_log ALTER COLUMN value SET STATISTICS 0;
ALTER TABLE sentences ALTER COLUMN article_id SET (n_distinct = -0.02);
ALTER TABLE mentions ALTER COLUMN article_id SET (n_distinct = -0.02);
ALTER TABLE times ALTER COLUMN article_id SET (n_distinct = -0.02);
ALTER TABLE quotes ALTER COLUMN article_id SET (n_distinct = -0.02);
ALTER TABLE places ALTER COLUMN article_id SET (n_distinct = -0.02);
ALTER TABLE actor_refs ALTER COLUMN article_id SET (n_distinct = -0.02);
`,
	// 9: fewer rows written (issue 17, item 7: the server's CPU per
	// article is nearly all row writes). coded_event_mentions goes: no
	// query read it, and every fact it held is in the event's body (as
	// SQLite migration 17) — 44k rows and their index per 2,000
	// articles. Coded events get the digest of their content, so that
	// ReplaceStoryEvents rewrites only the events of a story that
	// changed and the rest keep their rows and ids (a row from before
	// has none and is rewritten once).
	`
DROP TABLE coded_event_mentions;
ALTER TABLE coded_events ADD COLUMN digest BIGINT;
`,
	// 10: an article's sentences and entity mentions as one row of arrays
	// instead of a row each, and its references to one actor as one list
	// (issue 17, item 7: the server's CPU per article is nearly all row
	// writes; these were 170 of an article's ~290 rows, each with its
	// index entries; ~25 lists an article remain of its ~70 references).
	// Mentions are read only whole, per article (Annotation), and
	// sentences whole or one by its index (citations, quotes, the
	// timeline: starts[idx + 1]). The arrays are in the order the rows
	// were read: sentences by index, mentions by start then insertion.
	// actor_refs becomes a view of the lists, a row a reference as before,
	// with ord (its place among its article's references as written: the
	// corpus stage writes an article's references at once) in place of the
	// id; a filter on its actor_id or article_id is one on the lists', so
	// reads by actor or article keep their indexes. Arrays compressed with
	// lz4 where the server has it, like the search index's tsvector, which
	// kept pglz until now.
	`
CREATE TABLE article_layers (
	article_id         BIGINT PRIMARY KEY,
	sentence_starts    INTEGER[] NOT NULL,
	sentence_stops     INTEGER[] NOT NULL,
	mention_sentences  INTEGER[] NOT NULL,
	mention_starts     INTEGER[] NOT NULL,
	mention_stops      INTEGER[] NOT NULL,
	mention_types      TEXT[] NOT NULL,
	mention_confidence REAL[] NOT NULL,
	mention_demonyms   BOOLEAN[] NOT NULL
);
INSERT INTO article_layers
SELECT ids.article_id,
	COALESCE(s.starts, '{}'), COALESCE(s.stops, '{}'),
	COALESCE(m.sentences, '{}'), COALESCE(m.starts, '{}'), COALESCE(m.stops, '{}'),
	COALESCE(m.types, '{}'), COALESCE(m.confidence, '{}'), COALESCE(m.demonyms, '{}')
FROM (SELECT article_id FROM sentences UNION SELECT article_id FROM mentions) ids
LEFT JOIN (SELECT article_id, array_agg(start ORDER BY idx) starts, array_agg(stop ORDER BY idx) stops
	FROM sentences GROUP BY article_id) s ON s.article_id = ids.article_id
LEFT JOIN (SELECT article_id, array_agg(sentence ORDER BY start, id) sentences, array_agg(start ORDER BY start, id) starts,
	array_agg(stop ORDER BY start, id) stops, array_agg(type ORDER BY start, id) types,
	array_agg(confidence ORDER BY start, id) confidence, array_agg(demonym ORDER BY start, id) demonyms
	FROM mentions GROUP BY article_id) m ON m.article_id = ids.article_id;
DROP TABLE sentences;
DROP TABLE mentions;
CREATE TABLE actor_ref_lists (
	article_id BIGINT NOT NULL,
	actor_id   BIGINT NOT NULL,
	ords       INTEGER[] NOT NULL,  -- each reference's place among its article's, as written
	sentences  INTEGER[] NOT NULL,
	starts     INTEGER[] NOT NULL,
	stops      INTEGER[] NOT NULL,
	kinds      TEXT[] NOT NULL
);
INSERT INTO actor_ref_lists
SELECT article_id, actor_id, array_agg(ord ORDER BY id), array_agg(sentence ORDER BY id), array_agg(start ORDER BY id),
	array_agg(stop ORDER BY id), array_agg(kind ORDER BY id)
FROM (SELECT r.*, (row_number() OVER (PARTITION BY article_id ORDER BY id) - 1)::integer AS ord FROM actor_refs r) r
GROUP BY article_id, actor_id ORDER BY MIN(id);
DROP TABLE actor_refs;
CREATE INDEX actor_ref_lists_actor ON actor_ref_lists(actor_id, article_id);
CREATE INDEX actor_ref_lists_article ON actor_ref_lists(article_id);
ALTER TABLE actor_ref_lists ALTER COLUMN article_id SET (n_distinct = -0.05);
CREATE VIEW actor_refs AS
	SELECT l.article_id, l.actor_id, u.sentence, u.start, u.stop, u.kind, u.ord
	FROM actor_ref_lists l, unnest(l.ords, l.sentences, l.starts, l.stops, l.kinds) AS u(ord, sentence, start, stop, kind);
DO $$
BEGIN
	ALTER TABLE articles ALTER COLUMN tsv SET COMPRESSION lz4;
	ALTER TABLE article_layers ALTER COLUMN mention_sentences SET COMPRESSION lz4;
	ALTER TABLE article_layers ALTER COLUMN mention_starts SET COMPRESSION lz4;
	ALTER TABLE article_layers ALTER COLUMN mention_stops SET COMPRESSION lz4;
	ALTER TABLE article_layers ALTER COLUMN mention_types SET COMPRESSION lz4;
	ALTER TABLE article_layers ALTER COLUMN mention_confidence SET COMPRESSION lz4;
	ALTER TABLE article_layers ALTER COLUMN mention_demonyms SET COMPRESSION lz4;
	ALTER TABLE article_layers ALTER COLUMN sentence_starts SET COMPRESSION lz4;
	ALTER TABLE article_layers ALTER COLUMN sentence_stops SET COMPRESSION lz4;
	ALTER TABLE actor_ref_lists ALTER COLUMN ords SET COMPRESSION lz4;
	ALTER TABLE actor_ref_lists ALTER COLUMN sentences SET COMPRESSION lz4;
	ALTER TABLE actor_ref_lists ALTER COLUMN starts SET COMPRESSION lz4;
	ALTER TABLE actor_ref_lists ALTER COLUMN stops SET COMPRESSION lz4;
	ALTER TABLE actor_ref_lists ALTER COLUMN kinds SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
	RAISE NOTICE 'lz4 compression not available: keeping pglz';
END
$$;
`,
}
