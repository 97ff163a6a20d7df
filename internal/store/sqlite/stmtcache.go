package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStmts bounds the statement cache: queries built with a varying
// number of placeholders or filters make many texts, and past this many
// new ones are run unprepared.
const maxCachedStmts = 512

// cachedDB prepares each read query once and reuses it: parsing and
// planning a query costs about as much as running one of the small
// indexed reads the corpus stage and story pages make by the thousand.
type cachedDB struct {
	*sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

func newCachedDB(db *sql.DB) *cachedDB {
	return &cachedDB{DB: db, stmts: map[string]*sql.Stmt{}}
}

// prepared returns the prepared form of q, nil when it cannot be cached.
func (c *cachedDB) prepared(ctx context.Context, q string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[q]; ok {
		return st
	}
	if len(c.stmts) >= maxCachedStmts {
		return nil
	}
	st, err := c.DB.PrepareContext(ctx, q)
	if err != nil {
		return nil // run unprepared, which reports the error
	}
	c.stmts[q] = st
	return st
}

// QueryContext runs a query through its prepared statement.
func (c *cachedDB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := c.prepared(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.DB.QueryContext(ctx, q, args...)
}

// QueryRowContext runs a one-row query through its prepared statement.
func (c *cachedDB) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := c.prepared(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.DB.QueryRowContext(ctx, q, args...)
}

// Close closes the statements, then the database.
func (c *cachedDB) Close() error {
	c.mu.Lock()
	for q, st := range c.stmts {
		st.Close()
		delete(c.stmts, q)
	}
	c.mu.Unlock()
	return c.DB.Close()
}

// txStmts runs the statements of one write transaction through the
// database's prepared statements: a text is parsed once per connection,
// not once per row, which matters for the thousands of inserts one batch
// of the corpus stage makes.
type txStmts struct {
	c  *cachedDB
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

func (c *cachedDB) inTx(tx *sql.Tx) *txStmts {
	return &txStmts{c: c, tx: tx, m: map[string]*sql.Stmt{}}
}

// stmt returns q's prepared statement in the transaction, nil when it
// cannot be prepared.
func (t *txStmts) stmt(ctx context.Context, q string) *sql.Stmt {
	st, ok := t.m[q]
	if !ok {
		if p := t.c.prepared(ctx, q); p != nil {
			st = t.tx.StmtContext(ctx, p)
		}
		t.m[q] = st
	}
	return st
}

// ExecContext runs q in the transaction, prepared when it can be.
func (t *txStmts) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, q, args...)
}

// QueryContext runs query q in the transaction, prepared when it can be.
func (t *txStmts) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, q, args...)
}
