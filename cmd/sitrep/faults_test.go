package main

// Durability under faults (issue 14, item 11): a full disk, a read-only
// database, two ingests of the same database at once. Each test compares
// the database with one an undisturbed ingest of the same input made.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	sqlitestore "github.com/sitrep/sitrep/internal/store/sqlite"
)

// faultTopics are invented events; faultCorpus writes articles about them
// from their words, so that the articles of one topic form a story.
var faultTopics = []struct{ place, actor, what string }{
	{"Valparaiso", "Ana Torres", "earthquake rubble rescue aftershock collapsed buildings survivors"},
	{"Oslo", "Jonas Lindqvist", "election coalition ballots parliament turnout votes"},
	{"Amsterdam", "Tiago Ferreira", "transfer midfielder contract medical club fee"},
	{"Nairobi", "Grace Wanjiru", "drought harvest maize rainfall farmers prices"},
	{"Mosul", "Omar Haddad", "offensive troops militants checkpoint civilians bridge"},
	{"Harbin", "Li Wei", "factory fire firefighters smoke workers evacuation"},
	{"Lisbon", "Marta Sousa", "strike rail union talks operator commuters"},
	{"Auckland", "Aroha Ngata", "flood river evacuation rain roads homes"},
}

// faultCorpus writes n articles as one JSON Lines file and returns its path.
func faultCorpus(t testing.TB, dir string, n int) string {
	t.Helper()
	rng := rand.New(rand.NewSource(14))
	var b strings.Builder
	t0 := time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		tp := faultTopics[i%len(faultTopics)]
		words := strings.Fields(tp.what)
		var text strings.Builder
		for s := 0; s < 6; s++ {
			w1, w2 := words[rng.Intn(len(words))], words[rng.Intn(len(words))]
			fmt.Fprintf(&text, "In %s, %s said the %s and the %s were the main concern on day %d. ", tp.place, tp.actor, w1, w2, s+1)
		}
		text.WriteString(`"We are doing what we can," ` + tp.actor + ` said.`)
		rec := map[string]any{
			"url":       fmt.Sprintf("https://news%d.example.org/%s/%d", i%3, strings.ToLower(tp.place), i),
			"title":     fmt.Sprintf("%s: %s %s (%d)", tp.place, words[i%len(words)], words[(i+1)%len(words)], i),
			"text":      text.String(),
			"outlet":    fmt.Sprintf("Outlet %d", i%3),
			"published": t0.Add(time.Duration(i) * 17 * time.Minute).Format(time.RFC3339),
		}
		line, _ := json.Marshal(rec)
		b.Write(line)
		b.WriteByte('\n')
	}
	p := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// dbSnapshot is what a database holds, in terms that do not depend on
// when it was written: articles, their analysis counts, stories.
type dbSnapshot struct {
	Articles   []string // id, url, title and text hash, in id order
	Analysis   []string // per article: sentences, mentions, actor references
	Stories    []string // per event: its articles, storyline, count, headline, dates
	Pages      []string // per event: a hash of its stored page
	LastCorpus string   // the last article the corpus stages took in
}

// readDB reads a snapshot and checks the database's integrity.
func readDB(t testing.TB, path string) dbSnapshot {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("%s: integrity_check: %q %v", path, ok, err)
	}
	rows := func(q string) []string {
		r, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %s: %v", path, q, err)
		}
		defer r.Close()
		var out []string
		for r.Next() {
			var s string
			if err := r.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	if fk := rows(`SELECT "table" || ' ' || rowid FROM pragma_foreign_key_check`); len(fk) > 0 {
		t.Fatalf("%s: foreign key violations: %v", path, fk)
	}
	var s dbSnapshot
	s.Articles = rows(`SELECT a.id || ' ' || a.url || ' ' || a.title || ' ' || a.text_hash || ' ' || d.hash FROM articles a JOIN documents d ON d.id = a.document_id ORDER BY a.id`)
	s.Analysis = rows(`SELECT a.id || ' s' || (SELECT COUNT(*) FROM sentences WHERE article_id = a.id) || ' m' || COALESCE((SELECT length(packed) FROM article_mentions WHERE article_id = a.id), 0)
		|| ' q' || (SELECT COUNT(*) FROM quotes WHERE article_id = a.id) || ' r' || COALESCE((SELECT SUM(json_array_length(sitrep_ref_rows(packed))) FROM actor_ref_lists WHERE article_id = a.id), 0)
		|| ' e' || COALESCE((SELECT event_id FROM article_story WHERE article_id = a.id), '-') FROM articles a ORDER BY a.id`)
	s.Stories = rows(`SELECT e.id || ' line ' || e.storyline_id || ' n ' || e.articles || ' [' || (SELECT group_concat(article_id) FROM (SELECT article_id FROM article_story WHERE event_id = e.id ORDER BY article_id))
		|| '] ' || e.headline || ' ' || e.first_seen || ' ' || e.last_seen FROM events e ORDER BY e.id`)
	for _, p := range rows(`SELECT event_id || ' ' || hex(page) FROM story_pages ORDER BY event_id`) {
		id, page, _ := strings.Cut(p, " ")
		h := sha256.Sum256([]byte(page))
		s.Pages = append(s.Pages, id+" "+hex.EncodeToString(h[:8]))
	}
	s.LastCorpus = strings.Join(rows(`SELECT CAST(value AS TEXT) FROM state WHERE name = 'derived.last_article'`), "")
	return s
}

// sameDB reports how got differs from want, "" when it does not.
func sameDB(got, want dbSnapshot) string {
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"articles", got.Articles, want.Articles},
		{"analysis", got.Analysis, want.Analysis},
		{"stories", got.Stories, want.Stories},
		{"story pages", got.Pages, want.Pages},
		{"corpus position", []string{got.LastCorpus}, []string{want.LastCorpus}},
	} {
		if strings.Join(c.got, "\n") == strings.Join(c.want, "\n") {
			continue
		}
		for i := 0; i < max(len(c.got), len(c.want)); i++ {
			var g, w string
			if i < len(c.got) {
				g = c.got[i]
			}
			if i < len(c.want) {
				w = c.want[i]
			}
			if g != w {
				return fmt.Sprintf("%s differ (%d vs %d rows); first at row %d:\n got %q\nwant %q", c.what, len(c.got), len(c.want), i, g, w)
			}
		}
	}
	return ""
}

// reference ingests corpus into a fresh database on an ordinary disk.
func reference(t *testing.T, corpus string) (string, dbSnapshot) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "ref.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, corpus); code != 0 {
		t.Fatalf("reference ingest: exit %d: %s", code, stderr)
	}
	return db, readDB(t, db)
}

// mountTmpfs mounts a tmpfs of size bytes on a new folder; it skips the
// test where mounting is not permitted (not root, no CAP_SYS_ADMIN).
func mountTmpfs(t *testing.T, size int64) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size)); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (%v): this test needs root or CAP_SYS_ADMIN", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

func remount(t *testing.T, dir, opts string) {
	t.Helper()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT, opts); err != nil {
		t.Fatalf("remount %s %s: %v", dir, opts, err)
	}
}

// dbBytes is the size of a database with its WAL.
func dbBytes(path string) int64 {
	var n int64
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if fi, err := os.Stat(p); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// TestIngestDiskFull runs ingest on a tmpfs too small for the database,
// at several sizes so that the disk fills in different stages: the run
// fails with a clear error, the database stays intact, and after space is
// freed a second run ends with exactly the database of an undisturbed one.
func TestIngestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	corpus := faultCorpus(t, t.TempDir(), 48)
	refPath, want := reference(t, corpus)
	full := dbBytes(refPath)
	if len(want.Stories) < len(faultTopics) || len(want.Articles) != 48 {
		t.Fatalf("reference: %d articles, %d stories", len(want.Articles), len(want.Stories))
	}
	for _, frac := range []float64{0.35, 0.7, 0.95} {
		t.Run(fmt.Sprintf("%.0f%%", frac*100), func(t *testing.T) {
			// The schema is made first, on room enough, and the disk then
			// given frac of what the articles add to it: migrations need
			// room for a while (their WAL) that the stored schema does
			// not, and a compact database left no room for articles at
			// a fraction of the whole.
			dir := mountTmpfs(t, 4*full+(1<<20))
			db := filepath.Join(dir, "t.db")
			if code, _, stderr := run(t, "", "migrate", "--db", db); code != 0 {
				t.Fatalf("migrate: exit %d: %s", code, stderr)
			}
			schema := dbBytes(db)
			remount(t, dir, fmt.Sprintf("size=%d", schema+int64(float64(full-schema)*frac)))
			code, _, stderr := run(t, "", "ingest", "--db", db, corpus)
			if code == 0 {
				// a WAL checkpoint can make room: the tmpfs was large
				// enough after all, which the other sizes cover
				t.Logf("ingest fitted in %.0f%% of the reference size", frac*100)
			} else {
				if !strings.Contains(stderr, "disk is full") || !strings.Contains(stderr, db) {
					t.Errorf("exit %d, want an error naming the full disk and the database: %s", code, stderr)
				}
				if strings.Contains(stderr, "panic") {
					t.Fatalf("panic: %s", stderr)
				}
			}
			part := readDB(t, db)
			for i, a := range part.Articles {
				if a != want.Articles[i] {
					t.Fatalf("article %d stored on the full disk differs:\n got %q\nwant %q", i, a, want.Articles[i])
				}
			}
			t.Logf("%.0f%% (schema %d bytes, whole %d): exit %d, %d of %d articles, %d stories stored before the disk filled", frac*100, schema, full, code, len(part.Articles), len(want.Articles), len(part.Stories))
			remount(t, dir, fmt.Sprintf("size=%d", 4*full+(1<<20)))
			if code, _, stderr := run(t, "", "ingest", "--db", db, corpus); code != 0 {
				t.Fatalf("ingest after space was freed: exit %d: %s", code, stderr)
			}
			if d := sameDB(readDB(t, db), want); d != "" {
				t.Errorf("after resuming: %s", d)
			}
		})
	}
}

// TestIngestReadOnlyDatabase: ingest into a database that cannot be
// written fails at once with a clear error and changes nothing; reading
// it still works.
func TestIngestReadOnlyDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	dir := t.TempDir()
	corpus := faultCorpus(t, dir, 8)
	more := filepath.Join(dir, "more.txt")
	os.WriteFile(more, []byte(goodArticle), 0o644)
	for _, how := range []string{"file mode 0444", "read-only mount"} {
		t.Run(how, func(t *testing.T) {
			var db string
			if how == "file mode 0444" {
				if os.Geteuid() == 0 {
					t.Skip("root writes files whatever their mode; the read-only mount covers root")
				}
				db = filepath.Join(t.TempDir(), "t.db")
			} else {
				db = filepath.Join(mountTmpfs(t, 64<<20), "t.db")
			}
			if code, _, stderr := run(t, "", "ingest", "--db", db, corpus); code != 0 {
				t.Fatalf("ingest: exit %d: %s", code, stderr)
			}
			before := readDB(t, db)
			sum := fileSums(t, filepath.Dir(db))
			if how == "file mode 0444" {
				os.Chmod(db, 0o444)
			} else {
				remount(t, filepath.Dir(db), "ro")
				defer remount(t, filepath.Dir(db), "rw")
			}
			start := time.Now()
			code, _, stderr := run(t, "", "ingest", "--db", db, more)
			if code != exitFailure || !strings.Contains(stderr, "read-only") || !strings.Contains(stderr, db) {
				t.Errorf("exit %d, want %d and an error saying %s is read-only: %s", code, exitFailure, db, stderr)
			}
			if strings.Contains(stderr, "more.txt") {
				t.Errorf("the error blames the input: %s", stderr)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("refusing took %v: the inputs were processed before the store was tried", d)
			}
			if got := fileSums(t, filepath.Dir(db)); got != sum {
				t.Errorf("files changed:\n got %s\nwant %s", got, sum)
			}
			if d := sameDB(readDB(t, db), before); d != "" {
				t.Errorf("%s", d)
			}
			if code, out, stderr := run(t, "", "stories", "--db", db); code != 0 || out == "" {
				t.Errorf("reading the read-only database: exit %d: %s", code, stderr)
			}
		})
	}
}

// fileSums hashes the files of dir (the database and anything beside it).
func fileSums(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(b)
		out = append(out, e.Name()+"="+hex.EncodeToString(h[:6]))
	}
	return strings.Join(out, " ")
}

// TestMain lets a test start this binary as the sitrep command, so that
// tests can run real concurrent processes without building one.
func TestMain(m *testing.M) {
	if os.Getenv("SITREP_TEST_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// sitrepProcess starts the sitrep command as a separate process.
func sitrepProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "SITREP_TEST_RUN_MAIN=1")
	return cmd
}

// TestConcurrentIngests runs two ingest processes on one database at
// once, with overlapping inputs: every article is stored once, the corpus
// stages take each in exactly once, and every story is consistent with
// its members.
func TestConcurrentIngests(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	dir := t.TempDir()
	all := faultCorpus(t, dir, 64)
	lines := strings.SplitAfter(strings.TrimSuffix(mustRead(t, all), "\n"), "\n")
	// the first process takes articles 0-43, the second 20-63
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte(strings.Join(lines[:44], "")), 0o644)
	os.WriteFile(b, []byte(strings.Join(lines[20:], "")), 0o644)
	db := filepath.Join(dir, "t.db")
	// the schema first, so that both start on the same database
	st, err := sqlitestore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	var wg sync.WaitGroup
	outs := make([]string, 2)
	errs := make([]error, 2)
	for i, in := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := sitrepProcess(t, "ingest", "--db", db, in).CombinedOutput()
			outs[i], errs[i] = string(out), err
		}()
	}
	wg.Wait()
	for i := range errs {
		if errs[i] != nil {
			t.Errorf("ingest %d: %v: %s", i+1, errs[i], outs[i])
		}
	}
	got := readDB(t, db)
	if len(got.Articles) != 64 {
		t.Errorf("%d articles stored, want 64", len(got.Articles))
	}
	seen := map[string]bool{}
	for _, art := range got.Articles {
		f := strings.Fields(art)
		if seen[f[1]] {
			t.Errorf("article %s stored twice", f[1])
		}
		seen[f[1]] = true
	}
	checkStoriesConsistent(t, db, got)
	// each article's own analysis and actor references are those it gets
	// alone: nothing taken in twice
	_, ref := reference(t, all)
	perURL := func(s dbSnapshot) map[string]string {
		m := map[string]string{}
		for i, art := range s.Articles {
			f := strings.Fields(s.Analysis[i])
			m[strings.Fields(art)[1]] = strings.Join(f[1:len(f)-1], " ") // without the event id
		}
		return m
	}
	want, have := perURL(ref), perURL(got)
	for u, w := range want {
		if have[u] != w {
			t.Errorf("%s: analysis %q, alone %q", u, have[u], w)
		}
	}
}

// checkStoriesConsistent: every article in exactly one story, every story
// counting its members, the corpus position at the last article.
func checkStoriesConsistent(t *testing.T, path string, s dbSnapshot) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []struct{ what, sql string }{
		{"articles in no story", `SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_story)`},
		{"story rows of no article", `SELECT COUNT(*) FROM article_story WHERE article_id NOT IN (SELECT id FROM articles)`},
		{"stories miscounted", `SELECT COUNT(*) FROM events e WHERE articles != (SELECT COUNT(*) FROM article_story WHERE event_id = e.id)`},
		{"empty stories", `SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM article_story WHERE event_id = e.id)`},
		{"assignments to missing stories", `SELECT COUNT(*) FROM article_story WHERE event_id NOT IN (SELECT id FROM events)`},
		{"doubled actor references", `SELECT COUNT(*) FROM (SELECT 1 FROM actor_ref_lists r, json_each(sitrep_ref_rows(r.packed)) j
			GROUP BY r.article_id, json_remove(j.value, '$[0]') HAVING COUNT(*) > 1)`},
	} {
		var n int
		if err := db.QueryRow(q.sql).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: %d", q.what, n)
		}
	}
	if len(s.Articles) > 0 {
		last := strings.Fields(s.Articles[len(s.Articles)-1])[0]
		if s.LastCorpus != last {
			t.Errorf("corpus stages at article %s, last article %s", s.LastCorpus, last)
		}
	}
}

// uriPath escapes a file name for an SQLite "file:" URI.
func uriPath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
