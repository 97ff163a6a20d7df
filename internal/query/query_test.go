package query

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

func TestFTS5(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"mosul", `"mosul"`},
		{"mosul raqqa", `"mosul" AND "raqqa"`},
		{`"islamic state" raqqa`, `"islamic state" AND "raqqa"`},
		{"raq*", `"raq"*`},
		{`"islamic st"*`, `"islamic st"*`},
		{"mosul OR raqqa", `"mosul" OR "raqqa"`},
		{"mosul NOT raqqa", `"mosul" NOT "raqqa"`},
		{"mosul AND NOT raqqa", `"mosul" NOT "raqqa"`},
		{"mosul AND raqqa", `"mosul" AND "raqqa"`},
		{"(mosul OR raqqa) offensive", `("mosul" OR "raqqa") AND "offensive"`},
		{"a b OR c", `("a" AND "b") OR "c"`},
		{"a NOT b c", `("a" NOT "b") AND "c"`},
		{"mosul and or not", `"mosul" AND "and" AND "or" AND "not"`}, // lower case: words
		{"title:raqqa", `"title:raqqa"`},                             // no field filters
		{"NEAR(a b)", `"NEAR" AND ("a" AND "b")`},
		{"al-Assadi's", `"al-Assadi's"`},
		{"mosul - raqqa", `"mosul" AND "raqqa"`}, // punctuation alone is dropped
		{`"AND"`, `"AND"`},
		{"Raqqa ^ +", `"Raqqa"`},
		{"()", ""},
	} {
		got, err := FTS5(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("FTS5(%q) = %q, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("FTS5(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestFTS5Errors(t *testing.T) {
	for _, tc := range []struct {
		in   string
		pos  int
		want string // in the message
	}{
		{`"mosul`, 1, "not closed"},
		{`raqqa "islamic state`, 7, "not closed"},
		{"AND OR *", 1, "before it"},
		{"mosul OR", 7, "after it"},
		{"OR mosul", 1, "before it"},
		{"mosul AND", 7, "after it"},
		{"NOT raqqa", 1, "cannot only exclude"},
		{"mosul NOT", 7, "after it"},
		{"mosul NOT NOT raqqa", 7, "after it"},
		{"*", 1, "no word before it"},
		{"ra*qa", 3, "inside a word"},
		{"(mosul", 1, "not closed"},
		{"mosul)", 6, "no opening"},
		{"", 0, "nothing to search"},
		{"- & —", 0, "nothing to search"},
		{strings.Repeat("(", 40) + "a" + strings.Repeat(")", 40), 33, "too deep"},
		{"a\xffb", 0, "UTF-8"},
	} {
		_, err := FTS5(tc.in)
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("FTS5(%q): err %v, want *Error", tc.in, err)
			continue
		}
		if qe.Pos != tc.pos || !strings.Contains(qe.Error(), tc.want) {
			t.Errorf("FTS5(%q): %v at %d; want %q at %d", tc.in, qe, qe.Pos, tc.want, tc.pos)
		}
	}
}

// fts opens an in-memory FTS5 table with one row, for checking that what
// FTS5 returns is accepted by SQLite.
func fts(tb testing.TB) *sql.DB {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	tb.Cleanup(func() { db.Close() })
	for _, q := range []string{`CREATE VIRTUAL TABLE t USING fts5(title, body)`, `INSERT INTO t VALUES ('Raqqa offensive', 'The Islamic State fights in Mosul and Raqqa.')`} {
		if _, err := db.Exec(q); err != nil {
			tb.Fatal(err)
		}
	}
	return db
}

func TestFTS5Matches(t *testing.T) {
	db := fts(t)
	for _, tc := range []struct {
		in   string
		hits int
	}{
		{"raqqa", 1}, {"raq*", 1}, {`"islamic state"`, 1}, {`"state islamic"`, 0}, {"mosul NOT raqqa", 0},
		{"mosul OR aleppo", 1}, {"aleppo", 0}, {"title:raqqa", 0}, {"(aleppo OR mosul) fights", 1},
	} {
		q, err := FTS5(tc.in)
		if err != nil {
			t.Fatalf("FTS5(%q): %v", tc.in, err)
		}
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM t WHERE t MATCH ?`, q).Scan(&n); err != nil || n != tc.hits {
			t.Errorf("%q → %q: %d hits, %v; want %d", tc.in, q, n, err, tc.hits)
		}
	}
}

// FuzzFTS5: whatever a person types is either refused with an *Error or
// turned into a query SQLite's FTS5 accepts.
//
//	go test -fuzz=FuzzFTS5 ./internal/query
func FuzzFTS5(f *testing.F) {
	for _, s := range []string{"mosul", `"islamic state" OR raq*`, "a AND NOT (b OR c)", `"`, "AND OR *", "NEAR(a b, 3)", "title:x ^y +z", "(((a)))"} {
		f.Add(s)
	}
	db := fts(f)
	stmt, err := db.Prepare(`SELECT COUNT(*) FROM t WHERE t MATCH ?`)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := FTS5(s)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) || qe.Msg == "" {
				t.Fatalf("FTS5(%q): %v is not an *Error with a message", s, err)
			}
			return
		}
		var n int
		if err := stmt.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("FTS5(%q) = %q: SQLite: %v", s, q, err)
		}
	})
}
