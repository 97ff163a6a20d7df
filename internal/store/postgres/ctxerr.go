package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pool is the connection pool whose errors keep the store's contract on
// an ended context: the error Is ctx.Err(). The connections ask the
// server to cancel a query whose context ends (cancelOnServer), and the
// server then answers "canceling statement due to user request" (SQLSTATE
// 57014) where pgx's default would have answered ctx.Err(); callers (the
// API maps a deadline to 503, a request its client left to nothing)
// tell the two by errors.Is. Each error leaving the pool, its rows,
// batches and transactions goes through ctxErr.
type pool struct{ *pgxpool.Pool }

// ctxErr returns err, made to wrap ctx.Err() too when it is the server's
// cancellation of a query whose context has ended.
func ctxErr(ctx context.Context, err error) error {
	if err == nil || ctx.Err() == nil || errors.Is(err, ctx.Err()) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "57014" { // query_canceled
		return fmt.Errorf("%w (%w)", ctx.Err(), err)
	}
	return err
}

func (p pool) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	tag, err := p.Pool.Exec(ctx, sql, args...)
	return tag, ctxErr(ctx, err)
}

func (p pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	rows, err := p.Pool.Query(ctx, sql, args...)
	return ctxRows{rows, ctx}, ctxErr(ctx, err)
}

func (p pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	return ctxRow{p.Pool.QueryRow(ctx, sql, args...), ctx}
}

func (p pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults {
	return ctxBatch{p.Pool.SendBatch(ctx, b), ctx}
}

func (p pool) Begin(ctx context.Context) (pgx.Tx, error) {
	return p.BeginTx(ctx, pgx.TxOptions{})
}

func (p pool) BeginTx(ctx context.Context, opts pgx.TxOptions) (pgx.Tx, error) {
	tx, err := p.Pool.BeginTx(ctx, opts)
	if err != nil {
		return nil, ctxErr(ctx, err)
	}
	return ctxTx{tx}, nil
}

type ctxRows struct {
	pgx.Rows
	ctx context.Context
}

func (r ctxRows) Err() error { return ctxErr(r.ctx, r.Rows.Err()) }

type ctxRow struct {
	pgx.Row
	ctx context.Context
}

func (r ctxRow) Scan(dest ...any) error { return ctxErr(r.ctx, r.Row.Scan(dest...)) }

type ctxBatch struct {
	pgx.BatchResults
	ctx context.Context
}

func (b ctxBatch) Exec() (pgconn.CommandTag, error) {
	tag, err := b.BatchResults.Exec()
	return tag, ctxErr(b.ctx, err)
}

func (b ctxBatch) Query() (pgx.Rows, error) {
	rows, err := b.BatchResults.Query()
	return ctxRows{rows, b.ctx}, ctxErr(b.ctx, err)
}

func (b ctxBatch) QueryRow() pgx.Row { return ctxRow{b.BatchResults.QueryRow(), b.ctx} }

func (b ctxBatch) Close() error { return ctxErr(b.ctx, b.BatchResults.Close()) }

// ctxTx is a transaction of the pool; each statement's own context
// decides.
type ctxTx struct{ pgx.Tx }

func (t ctxTx) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	tag, err := t.Tx.Exec(ctx, sql, args...)
	return tag, ctxErr(ctx, err)
}

func (t ctxTx) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	rows, err := t.Tx.Query(ctx, sql, args...)
	return ctxRows{rows, ctx}, ctxErr(ctx, err)
}

func (t ctxTx) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	return ctxRow{t.Tx.QueryRow(ctx, sql, args...), ctx}
}

func (t ctxTx) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults {
	return ctxBatch{t.Tx.SendBatch(ctx, b), ctx}
}

func (t ctxTx) CopyFrom(ctx context.Context, table pgx.Identifier, cols []string, src pgx.CopyFromSource) (int64, error) {
	n, err := t.Tx.CopyFrom(ctx, table, cols, src)
	return n, ctxErr(ctx, err)
}

func (t ctxTx) Commit(ctx context.Context) error { return ctxErr(ctx, t.Tx.Commit(ctx)) }
