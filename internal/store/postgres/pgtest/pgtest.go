// Package pgtest gives tests a PostgreSQL database of their own: a fresh
// schema in the test database, dropped when the test ends. When no server
// answers, the test is skipped with a message saying so — except in CI
// ($CI set), where the server is part of the machine and the test fails.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultURL is the test database unless $SITREP_TEST_POSTGRES names
// another: the CI and development machines run PostgreSQL there, with
// trust authentication.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// URL returns the test database's URL, or skips the test when the server
// cannot be reached (fails it in CI).
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("SITREP_TEST_POSTGRES")
	if u == "" {
		u = DefaultURL
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		msg := "PostgreSQL unreachable at " + redact(u) + " (set $SITREP_TEST_POSTGRES): " + err.Error()
		if os.Getenv("CI") != "" {
			t.Fatal(msg + "; CI runs these tests against a live server")
		}
		t.Skip(msg + "; skipping")
	}
	conn.Close(ctx)
	return u
}

// Schema creates an empty schema (sitrep_test_<random>) for one test,
// dropped with everything in it when the test ends, and returns the URL
// that opens it (its search_path set to the schema).
func Schema(t testing.TB) string {
	t.Helper()
	base := URL(t)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "sitrep_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	exec := func(q string) error {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, q)
		return err
	}
	if err := exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("dropping test schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func redact(u string) string {
	if p, err := url.Parse(u); err == nil && p.User != nil {
		if _, ok := p.User.Password(); ok {
			p.User = url.UserPassword(p.User.Username(), "xxx")
			return p.String()
		}
	}
	return u
}
