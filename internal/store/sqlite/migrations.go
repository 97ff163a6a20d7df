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
}
