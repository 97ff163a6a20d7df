package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/eval/endtoend"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// pipeRecord is one gold document as a user would feed it to ingest: a
// JSON Lines record (see internal/ingest/jsonl).
type pipeRecord struct {
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Text      string    `json:"text"`
	Published time.Time `json:"published,omitzero"`
	Outlet    string    `json:"outlet,omitempty"`
}

// stored is what ingest kept of one record.
type stored struct {
	ID                 int64
	Title, Text        string
	Published          time.Time
	PublishedEstimated bool
	PublishedEvidence  string
	Event, Storyline   int64
	Ann                *analyse.Annotation
	Refs               []storedRef
}

type storedRef struct {
	Actor      int64
	Start, End int
	Kind       string
}

// ingestedRun is the database one ingest of records produced: arts[i] is
// record i (nil when ingest did not keep it, e.g. an exact duplicate).
type ingestedRun struct {
	arts    []*stored
	actors  []endtoend.ActorNames
	seconds float64
	failed  int // inputs ingest rejected
}

// ingestThrough runs the real `sitrep ingest` (runIngest, its defaults)
// on the records, written as one JSON Lines file, into a fresh SQLite
// database in a temporary folder, and reads back what it stored.
func ingestThrough(ctx context.Context, recs []pipeRecord) (*ingestedRun, error) {
	return ingestPolls(ctx, recs, nil, len(recs))
}

// ingestPolls is ingestThrough as a live feed delivers: the records in
// the given order (nil: as they are), poll records per `sitrep ingest`
// run into the same database, as `watch` without a story window stores
// and clusters each poll.
func ingestPolls(ctx context.Context, recs []pipeRecord, order []int, poll int) (*ingestedRun, error) {
	dir, err := os.MkdirTemp("", "sitrep-eval-pipeline-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if keepDir := os.Getenv("SITREP_EVAL_KEEP"); keepDir != "" {
		// development: keep each run's input and database for inspection
		defer os.CopyFS(filepath.Join(keepDir, filepath.Base(dir)), os.DirFS(dir))
	}
	if order == nil {
		order = make([]int, len(recs))
		for i := range order {
			order[i] = i
		}
	}
	poll = max(poll, 1)
	dbPath := filepath.Join(dir, "sitrep.db")
	// origin (file#lineN) -> record
	origins := map[string]int{}
	t0 := time.Now()
	failed := 0
	for lo, n := 0, 0; lo < len(order); lo, n = lo+poll, n+1 {
		in := filepath.Join(dir, fmt.Sprintf("poll%04d.jsonl", n))
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		for k, i := range order[lo:min(lo+poll, len(order))] {
			if err := enc.Encode(recs[i]); err != nil {
				return nil, err
			}
			origins[fmt.Sprintf("%s#line%d", in, k+1)] = i
		}
		if err := os.WriteFile(in, b.Bytes(), 0o600); err != nil {
			return nil, err
		}
		var errBuf bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errBuf}
		// a partial failure (an input ingest rejects, e.g. one with no
		// article text) is what a user gets too: its documents count as
		// missing
		if err := runIngest(ctx, e, []string{"--db", dbPath, "--quiet", in}); err != nil {
			var pe partialError
			if !errors.As(err, &pe) {
				return nil, fmt.Errorf("ingest: %v: %s", err, strings.TrimSpace(errBuf.String()))
			}
			failed += pe.failed
		}
	}
	run := &ingestedRun{arts: make([]*stored, len(recs)), seconds: time.Since(t0).Seconds(), failed: failed}
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT a.id, d.origin, COALESCE(s.event_id, 0), COALESCE(s.storyline_id, 0)
		FROM articles a JOIN documents d ON d.id = a.document_id LEFT JOIN article_story s ON s.article_id = a.id ORDER BY a.id`)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*stored{}
	for rows.Next() {
		var id, ev, sl int64
		var origin string
		if err := rows.Scan(&id, &origin, &ev, &sl); err != nil {
			rows.Close()
			return nil, err
		}
		i, ok := origins[origin]
		if !ok {
			rows.Close()
			return nil, fmt.Errorf("eval pipeline: unexpected origin %q", origin)
		}
		s := &stored{ID: id, Event: ev, Storyline: sl}
		run.arts[i] = s
		byID[id] = s
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, s := range byID {
		a, err := st.Article(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		s.Title, s.Text, s.Published, s.PublishedEstimated = a.Title, a.Text, a.Published, a.PublishedEstimated
		s.PublishedEvidence = a.PublishedEvidence
		if s.Ann, err = st.Annotation(ctx, s.ID); err != nil {
			return nil, err
		}
	}
	// each article's references, by start (ties by actor, then as written)
	rows, err = db.QueryContext(ctx, `SELECT article_id, actor_id, packed FROM actor_ref_lists ORDER BY article_id, actor_id`)
	if err != nil {
		return nil, err
	}
	var art int64
	var actors []int64
	var packed [][]byte
	flush := func() error {
		if s := byID[art]; s != nil && len(actors) > 0 {
			refs, err := sqlite.ArticleRefs(art, actors, packed)
			if err != nil {
				return err
			}
			for _, r := range refs {
				s.Refs = append(s.Refs, storedRef{Actor: r.Actor, Start: r.Start, End: r.End, Kind: r.Kind})
			}
		}
		actors, packed = actors[:0], packed[:0]
		return nil
	}
	for rows.Next() {
		var a, actor int64
		var p []byte
		if err := rows.Scan(&a, &actor, &p); err != nil {
			rows.Close()
			return nil, err
		}
		if a != art {
			if err := flush(); err != nil {
				rows.Close()
				return nil, err
			}
			art = a
		}
		actors, packed = append(actors, actor), append(packed, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	rows, err = db.QueryContext(ctx, `SELECT id, name, type, aliases FROM actors ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a endtoend.ActorNames
		var name, aliases string
		if err := rows.Scan(&a.ID, &name, &a.Type, &aliases); err != nil {
			return nil, err
		}
		var al []string
		_ = json.Unmarshal([]byte(aliases), &al)
		a.Names = append([]string{name}, al...)
		run.actors = append(run.actors, a)
	}
	return run, rows.Err()
}

// sysMentions maps a stored article's actor references onto the gold
// text it came from.
func sysMentions(s *stored, gold string) []endtoend.SysMention {
	al := endtoend.Align(gold, s.Text)
	var out []endtoend.SysMention
	for _, r := range s.Refs {
		gs, ge, ok := al.Span(r.Start, r.End)
		if !ok {
			continue
		}
		out = append(out, endtoend.SysMention{Start: gs, End: ge, Actor: r.Actor, Kind: r.Kind, Text: s.Text[r.Start:r.End]})
	}
	return out
}
