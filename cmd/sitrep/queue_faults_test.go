package main

// The work queue under faults (issue 17, item 6): workers are real
// processes (this test binary run as sitrep, see TestMain), each test has
// its own nats-server (-js, a private port and store folder) so that
// killing or restarting it disturbs no other test, and the database is a
// fresh SQLite file — or, with SITREP_TEST_DB=postgres://…, a fresh
// schema of that PostgreSQL database.

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep/sitrep/internal/view"
)

const natsBinary = "/usr/sbin/nats-server"

// natsServer is a private nats-server with JetStream.
type natsServer struct {
	t    *testing.T
	dir  string
	port int
	cmd  *exec.Cmd
	URL  string
}

// startNATS starts a private nats-server; without the binary it skips the
// test, or fails it in CI.
func startNATS(t *testing.T) *natsServer {
	t.Helper()
	bin := natsBinary
	if _, err := os.Stat(bin); err != nil {
		if p, err := exec.LookPath("nats-server"); err == nil {
			bin = p
		} else if os.Getenv("CI") != "" {
			t.Fatalf("nats-server not found (%s or on PATH): the queue tests need it in CI (.ci/services.sh installs it)", natsBinary)
		} else {
			t.Skipf("nats-server not found (%s or on PATH): skipping the queue tests", natsBinary)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	n := &natsServer{t: t, dir: t.TempDir(), port: port, URL: fmt.Sprintf("nats://127.0.0.1:%d", port)}
	n.start(bin)
	t.Cleanup(n.kill)
	return n
}

func (n *natsServer) start(bin string) {
	n.t.Helper()
	n.cmd = exec.Command(bin, "-js", "-sd", n.dir, "-a", "127.0.0.1", "-p", strconv.Itoa(n.port))
	n.cmd.Stdout, n.cmd.Stderr = nil, nil
	if err := n.cmd.Start(); err != nil {
		n.t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", n.port), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			n.t.Fatalf("nats-server on port %d did not start: %v", n.port, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (n *natsServer) kill() {
	if n.cmd != nil && n.cmd.Process != nil {
		n.cmd.Process.Kill()
		n.cmd.Wait()
	}
}

// restart kills the server (kill -9), waits, and starts it again on the
// same port and store.
func (n *natsServer) restart(down time.Duration) {
	n.kill()
	time.Sleep(down)
	n.start(n.cmd.Path)
}

// queueTestDB returns a fresh database for one test. The fault tests are
// about the scale-out setup, so by default it is a new schema of the
// shared PostgreSQL test database (pgtest: skipped when no server answers,
// failed in CI); SITREP_TEST_DB=sqlite runs them on a SQLite file shared by
// the processes instead, and SITREP_TEST_DB=postgres://… on a schema of
// that database.
func queueTestDB(t *testing.T) string {
	t.Helper()
	base := os.Getenv("SITREP_TEST_DB")
	if base == "sqlite" {
		return initDB(t, filepath.Join(t.TempDir(), "q.db"))
	}
	if base != "" {
		t.Setenv("SITREP_TEST_POSTGRES", base)
	}
	return initDB(t, pgtest.Schema(t))
}

// initDB creates the schema before the workers start, so that they do not
// race to create it.
func initDB(t *testing.T, db string) string {
	t.Helper()
	st, err := openDB(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return db
}

// proc is a sitrep process whose stderr lines the test can wait for.
type proc struct {
	name string
	cmd  *exec.Cmd
	mu   sync.Mutex
	buf  []string
	more chan struct{}
	done chan struct{}
	err  error
}

func startProc(t *testing.T, name string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, cmd: sitrepProcess(t, args...), more: make(chan struct{}, 1), done: make(chan struct{})}
	r, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			p.mu.Lock()
			p.buf = append(p.buf, sc.Text())
			p.mu.Unlock()
			select {
			case p.more <- struct{}{}:
			default:
			}
		}
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.done
		if t.Failed() {
			t.Logf("%s stderr:\n%s", p.name, p.log())
		}
	})
	return p
}

func (p *proc) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.buf, "\n")
}

// waitLine waits for a stderr line containing s; false on timeout or exit.
func (p *proc) waitLine(s string, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for {
		p.mu.Lock()
		for _, l := range p.buf {
			if strings.Contains(l, s) {
				p.mu.Unlock()
				return true
			}
		}
		p.mu.Unlock()
		select {
		case <-p.more:
		case <-p.done:
			p.mu.Lock()
			defer p.mu.Unlock()
			return slices.ContainsFunc(p.buf, func(l string) bool { return strings.Contains(l, s) })
		case <-deadline:
			return false
		}
	}
}

// wait waits for the process to exit on its own.
func (p *proc) wait(t *testing.T, timeout time.Duration) {
	t.Helper()
	select {
	case <-p.done:
		if p.err != nil {
			t.Errorf("%s: %v\n%s", p.name, p.err, p.log())
		}
	case <-time.After(timeout):
		t.Fatalf("%s did not finish within %s:\n%s", p.name, timeout, p.log())
	}
}

func (p *proc) kill9() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// workerArgs are a test worker's flags: small batches, a short ack wait
// and lease, and exit once all is done.
func workerArgs(db, q string, extra ...string) []string {
	return append([]string{"worker", "--db", db, "--queue", q, "--batch", "8", "--ack-wait", "3s",
		"--lease-ttl", "3s", "--corpus-idle", "1s", "--exit-idle", "1500ms", "--corpus-batch", "8"}, extra...)
}

// publish queues the inputs (in this process).
func publish(t *testing.T, q string, inputs ...string) {
	t.Helper()
	args := append([]string{"ingest", "--queue", q}, inputs...)
	if code, _, stderr := run(t, "", args...); code != 0 {
		t.Fatalf("ingest --queue: exit %d: %s", code, stderr)
	}
}

// stored lists what a database holds: each article's URL and text hash,
// and its story.
type storedArticle struct {
	ID        int64
	URL, Hash string
	Story     int64
}

func readStored(t *testing.T, db string) []storedArticle {
	t.Helper()
	ctx := context.Background()
	st, err := openDB(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.Articles(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(arts))
	out := make([]storedArticle, len(arts))
	for i, a := range arts {
		h := sha256.Sum256([]byte(a.Text))
		ids[i] = a.ID
		out[i] = storedArticle{ID: a.ID, URL: a.URL, Hash: hex.EncodeToString(h[:8])}
	}
	sums, err := st.Summaries(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for i := range sums {
		out[i].Story = sums[i].Story
	}
	// each article is a member of exactly the one story it is placed in
	members := map[int64]int{}
	listed, total := 0, 0
	for {
		pg, err := st.StoryList(ctx, view.Query{Limit: 100, Offset: listed})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range pg.Items {
			for _, id := range s.Articles {
				members[id]++
			}
		}
		listed, total = listed+len(pg.Items), pg.Total
		if len(pg.Items) == 0 {
			break
		}
	}
	// the list's total (kept by the store, not counted) is every story,
	// after whatever corpus stage was killed and taken over
	if listed != total {
		t.Errorf("story list total %d, %d stories listed", total, listed)
	}
	for _, a := range out {
		if a.Story != 0 && members[a.ID] != 1 {
			t.Errorf("article %d is a member of %d stories", a.ID, members[a.ID])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// articleCount is the number of articles stored so far (0 before the
// database exists).
func articleCount(db string) int64 {
	if !strings.Contains(db, "://") {
		if _, err := os.Stat(db); err != nil {
			return 0
		}
	}
	ctx := context.Background()
	st, err := openDB(ctx, db)
	if err != nil {
		return 0
	}
	defer st.Close()
	n, _, _ := st.Count(ctx)
	return n
}

func waitArticles(t *testing.T, db string, n int64, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for articleCount(db) < n {
		if time.Now().After(deadline) {
			t.Fatalf("fewer than %d articles stored after %s", n, timeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkExactlyOnce checks that the database holds each input article once:
// the count, the URLs and the content hashes of a reference ingest.
func checkExactlyOnce(t *testing.T, got []storedArticle, want []storedArticle) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d articles stored, want %d", len(got), len(want))
	}
	key := func(a storedArticle) string { return a.URL + " " + a.Hash }
	g, w := map[string]int{}, map[string]int{}
	for _, a := range got {
		g[key(a)]++
	}
	for _, a := range want {
		w[key(a)]++
	}
	for k, n := range g {
		if n != 1 {
			t.Errorf("%s stored %d times", k, n)
		}
		if w[k] == 0 {
			t.Errorf("%s stored, not in the input", k)
		}
	}
	for k := range w {
		if g[k] == 0 {
			t.Errorf("%s lost", k)
		}
	}
}

// reference ingests the corpus in process without analysis (the text
// hashes do not depend on it) and lists what it stored.
func queueReference(t *testing.T, corpus string) []storedArticle {
	t.Helper()
	db := filepath.Join(t.TempDir(), "ref.db")
	if code, _, stderr := run(t, "", "ingest", "--no-analyse", "--quiet", "--db", db, corpus); code != 0 {
		t.Fatalf("reference ingest: exit %d: %s", code, stderr)
	}
	return readStored(t, db)
}

// TestQueueWorkerKilled kills -9 one of two workers in the middle of a
// batch: after the other finishes, every article is stored exactly once.
func TestQueueWorkerKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	ns := startNATS(t)
	dir := t.TempDir()
	corpus := faultCorpus(t, dir, 96)
	want := queueReference(t, corpus)
	db := queueTestDB(t)
	publish(t, ns.URL, corpus)
	w1 := startProc(t, "worker 1", workerArgs(db, ns.URL)...)
	w2 := startProc(t, "worker 2", workerArgs(db, ns.URL)...)
	// after the first batches are stored, the workers are in the middle
	// of the next ones
	waitArticles(t, db, 16, 40*time.Second)
	w1.kill9()
	before := articleCount(db)
	w2.wait(t, 50*time.Second)
	got := readStored(t, db)
	checkExactlyOnce(t, got, want)
	if before >= int64(len(want)) {
		t.Logf("note: all %d articles were stored before the kill", before)
	}
	for _, a := range got {
		if a.Story == 0 {
			t.Errorf("article %d in no story", a.ID)
		}
	}
}

// TestQueueNATSRestart kills and restarts nats-server while two workers
// run: they reconnect with backoff and finish, nothing lost or doubled.
func TestQueueNATSRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	ns := startNATS(t)
	dir := t.TempDir()
	corpus := faultCorpus(t, dir, 96)
	want := queueReference(t, corpus)
	db := queueTestDB(t)
	publish(t, ns.URL, corpus)
	w1 := startProc(t, "worker 1", workerArgs(db, ns.URL)...)
	w2 := startProc(t, "worker 2", workerArgs(db, ns.URL)...)
	// the restart is for connected workers: one still retrying the new
	// database's schema (up to 2 s) could otherwise meet the server down
	// at its first connect, which is not retried
	for _, w := range []*proc{w1, w2} {
		if !w.waitLine("pulling from", 40*time.Second) {
			t.Fatalf("%s did not connect", w.name)
		}
	}
	waitArticles(t, db, 8, 40*time.Second)
	ns.restart(time.Second)
	w1.wait(t, 50*time.Second)
	w2.wait(t, 10*time.Second)
	checkExactlyOnce(t, readStored(t, db), want)
}

// TestQueuePoisonDocument queues a document the cleaner rejects among
// good ones: it lands in the dead letters with its error, the others are
// stored.
func TestQueuePoisonDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	ns := startNATS(t)
	dir := t.TempDir()
	corpus := faultCorpus(t, dir, 24)
	// an HTML page with no text in it: read fine, rejected by the cleaner
	// ("clean: extract: text and comments are not long enough")
	poison := filepath.Join(dir, "poison.html")
	os.WriteFile(poison, []byte("<!doctype html><html><head></head><body><script>var a=1;</script></body></html>"), 0o644)
	db := queueTestDB(t)
	publish(t, ns.URL, poison, corpus)
	w := startProc(t, "worker", workerArgs(db, ns.URL)...)
	w.wait(t, 50*time.Second)
	if n := articleCount(db); n != 24 {
		t.Errorf("%d articles stored, want the 24 good ones", n)
	}
	code, out, stderr := run(t, "", "queue", "--queue", ns.URL, "--json")
	if code != 0 {
		t.Fatalf("sitrep queue: exit %d: %s", code, stderr)
	}
	var qs struct {
		Pending, InFlight, Dead int64
		DeadLetters             []struct{ Origin, Error string } `json:"dead_letters"`
	}
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatal(err, out)
	}
	if qs.Dead != 1 || len(qs.DeadLetters) != 1 || qs.Pending != 0 || qs.InFlight != 0 {
		t.Fatalf("queue after the run: %s", out)
	}
	if d := qs.DeadLetters[0]; d.Origin != poison || !strings.Contains(d.Error, "clean") {
		t.Errorf("dead letter %+v, want %s with its error", d, poison)
	}
	// sent again, it waits for a worker; the dead letter is gone
	if code, out, stderr := run(t, "", "queue", "--queue", ns.URL, "--json", "--requeue"); code != 0 || !strings.Contains(out, `"pending": 1`) || !strings.Contains(out, `"dead": 0`) {
		t.Errorf("sitrep queue --requeue: exit %d: %s%s", code, out, stderr)
	}
}

// TestQueueCorpusHolderKilled kills -9 the worker holding the corpus
// stage after its first batch: another takes the stage over within
// seconds and the final stories equal those of an undisturbed run on the
// same stored articles (compared as the partition of the articles'
// content hashes into stories).
func TestQueueCorpusHolderKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	dir := t.TempDir()
	corpus := faultCorpus(t, dir, 96)
	// the same articles under the same ids in two databases: one worker
	// each stores them in queue order, without the corpus stage
	dbs := [2]string{queueTestDB(t), queueTestDB(t)}
	for i, db := range dbs {
		ns := startNATS(t)
		publish(t, ns.URL, corpus)
		startProc(t, fmt.Sprintf("store %d", i), workerArgs(db, ns.URL, "--corpus=false")...).wait(t, 50*time.Second)
		// the corpus stage below runs with an empty queue
		dbs[i] = db + "\x00" + ns.URL
	}
	split := func(s string) (string, string) { a, b, _ := strings.Cut(s, "\x00"); return a, b }
	// undisturbed
	dbA, qA := split(dbs[0])
	startProc(t, "undisturbed", workerArgs(dbA, qA)...).wait(t, 50*time.Second)
	// two workers; the holder is killed after its first batch
	dbB, qB := split(dbs[1])
	w := []*proc{startProc(t, "worker 1", workerArgs(dbB, qB)...), startProc(t, "worker 2", workerArgs(dbB, qB)...)}
	holder := -1
	for i := 0; holder < 0; i = (i + 1) % 2 {
		if w[i].waitLine("corpus stage: taken", 100*time.Millisecond) {
			holder = i
		}
	}
	if !w[holder].waitLine("corpus stage: 8/", 30*time.Second) {
		t.Fatalf("the holder placed no batch:\n%s", w[holder].log())
	}
	w[holder].kill9()
	killed := time.Now()
	other := w[1-holder]
	if !other.waitLine("corpus stage: taken", 10*time.Second) {
		t.Fatalf("no worker took the corpus stage over within 10 s of the kill")
	}
	took := time.Since(killed)
	other.wait(t, 50*time.Second)
	t.Logf("corpus stage taken over %s after the kill (lease ttl 3s)", took.Round(10*time.Millisecond))
	if took > 8*time.Second {
		t.Errorf("takeover took %s, want within the lease ttl and a renewal period", took)
	}
	if !strings.Contains(other.log(), "articles into stories") || strings.Contains(other.log(), "; 0 articles into stories") {
		t.Errorf("the new holder placed no article (the first placed them all before the kill?):\n%s", other.log())
	}
	a, b := readStored(t, dbA), readStored(t, dbB)
	if len(a) != 96 || len(b) != 96 {
		t.Fatalf("%d and %d articles stored, want 96", len(a), len(b))
	}
	if pa, pb := partition(t, a), partition(t, b); pa != pb {
		t.Errorf("stories differ from the undisturbed run's:\n got %s\nwant %s", pb, pa)
	}
}

// partition writes the stories as sets of content hashes, sorted: equal
// for two databases whose articles fall into the same stories, whatever
// the stories' ids.
func partition(t *testing.T, arts []storedArticle) string {
	t.Helper()
	by := map[int64][]string{}
	for _, a := range arts {
		if a.Story == 0 {
			t.Errorf("article %d (%s) in no story", a.ID, a.URL)
			continue
		}
		by[a.Story] = append(by[a.Story], a.Hash)
	}
	var out []string
	for _, hs := range by {
		sort.Strings(hs)
		out = append(out, "{"+strings.Join(hs, " ")+"}")
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestQueuePostgresRestart restarts PostgreSQL (pg_ctl restart -m
// immediate: a crash) while two workers store into it: they retry with
// backoff, keeping their items in flight, and finish with every article
// stored once. It runs on a private PostgreSQL instance (initdb in a
// temporary folder, a free port), so the shared server is not disturbed,
// and only where SITREP_TEST_DB names a postgres:// URL (the PostgreSQL
// store is built in) and initdb and pg_ctl are on the PATH.
func TestQueuePostgresRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	if os.Getenv("SITREP_TEST_DB") == "sqlite" {
		t.Skip("SITREP_TEST_DB=sqlite: no PostgreSQL to restart")
	}
	pg := startPostgres(t)
	ns := startNATS(t)
	dir := t.TempDir()
	corpus := faultCorpus(t, dir, 96)
	want := queueReference(t, corpus)
	db := initDB(t, pg.url)
	publish(t, ns.URL, corpus)
	w1 := startProc(t, "worker 1", workerArgs(db, ns.URL)...)
	w2 := startProc(t, "worker 2", workerArgs(db, ns.URL)...)
	waitArticles(t, db, 8, 40*time.Second)
	pg.ctl("restart", "-m", "immediate", "-w")
	w1.wait(t, 55*time.Second)
	w2.wait(t, 10*time.Second)
	checkExactlyOnce(t, readStored(t, db), want)
}

type postgres struct {
	t         *testing.T
	dir, url  string
	bin       string // the folder of initdb and pg_ctl
	asPostgre bool   // run the tools as the postgres user (the test runs as root)
}

// startPostgres starts a private PostgreSQL instance, or skips.
func startPostgres(t *testing.T) *postgres {
	t.Helper()
	p := &postgres{t: t, bin: postgresBin()}
	if p.bin == "" {
		msg := "initdb and pg_ctl are neither on the PATH nor in /usr/lib/postgresql/*/bin: cannot start a private PostgreSQL"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	dir, err := os.MkdirTemp("", "sitrep-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	p.dir, p.asPostgre = dir, os.Geteuid() == 0
	if p.asPostgre {
		os.Chmod(dir, 0o777) // initdb and the server run as postgres
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	p.tool("initdb", "-A", "trust", "-U", "postgres", "-D", filepath.Join(dir, "data"))
	p.ctl("start", "-w", "-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1", port, dir), "-l", filepath.Join(dir, "log"))
	t.Cleanup(func() { p.ctl("stop", "-m", "immediate") })
	p.url = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	return p
}

// postgresBin finds the folder holding initdb and pg_ctl: the PATH, else
// Debian's versioned folders (newest first); "" when there is none.
func postgresBin() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Sort(sort.Reverse(sort.StringSlice(dirs)))
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d
		}
	}
	return ""
}

func (p *postgres) ctl(args ...string) {
	p.tool("pg_ctl", append([]string{"-D", filepath.Join(p.dir, "data")}, args...)...)
}

func (p *postgres) tool(name string, args ...string) {
	p.t.Helper()
	name = filepath.Join(p.bin, name)
	cmd := exec.Command(name, args...)
	if p.asPostgre {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}
	// Output goes to a file, not a pipe: the server pg_ctl starts inherits
	// the command's descriptors and would hold a pipe open for its life.
	out, err := os.CreateTemp(p.dir, "tool-*.out")
	if err != nil {
		p.t.Fatal(err)
	}
	defer out.Close()
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Run(); err != nil {
		b, _ := os.ReadFile(out.Name())
		p.t.Fatalf("%s %v: %v\n%s", name, args, err, b)
	}
}

// TestQueueWorkerSIGTERM stops a worker with SIGTERM in the middle of the
// work: it stores and acks the batch in hand and exits cleanly, leaving
// nothing in flight; what it acked is stored, the rest still queued.
func TestQueueWorkerSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	ns := startNATS(t)
	corpus := faultCorpus(t, t.TempDir(), 64)
	db := queueTestDB(t)
	publish(t, ns.URL, corpus)
	w := startProc(t, "worker", "worker", "--db", db, "--queue", ns.URL, "--batch", "8", "--corpus=false")
	waitArticles(t, db, 8, 40*time.Second)
	w.cmd.Process.Signal(syscall.SIGTERM)
	w.wait(t, 30*time.Second)
	code, out, stderr := run(t, "", "queue", "--queue", ns.URL, "--json")
	if code != 0 {
		t.Fatalf("sitrep queue: exit %d: %s", code, stderr)
	}
	var qs struct {
		Pending  int64 `json:"pending"`
		InFlight int64 `json:"in_flight"`
		Done     int64 `json:"done"`
	}
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatal(err, out)
	}
	stored := articleCount(db)
	if qs.InFlight != 0 || qs.Done != stored || qs.Pending+qs.Done != 64 {
		t.Errorf("after SIGTERM: %d stored, queue %s", stored, out)
	}
	if qs.Pending == 0 {
		t.Logf("note: the worker had finished everything before the signal")
	}
}

// TestServeTakesCorpusLease runs workers without the corpus stage and a
// server with --corpus-lease: the server takes the lease and places every
// stored article in a story.
func TestServeTakesCorpusLease(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	ns := startNATS(t)
	corpus := faultCorpus(t, t.TempDir(), 24)
	db := queueTestDB(t)
	publish(t, ns.URL, corpus)
	startProc(t, "worker", workerArgs(db, ns.URL, "--corpus=false")...).wait(t, 50*time.Second)
	srv := startProc(t, "serve", "serve", "--db", db, "--addr", "127.0.0.1:0", "--corpus-lease")
	if !srv.waitLine("corpus stage: taken", 20*time.Second) {
		t.Fatal("the server did not take the corpus stage")
	}
	deadline := time.Now().Add(40 * time.Second)
	for {
		placed := 0
		arts := readStored(t, db)
		for _, a := range arts {
			if a.Story != 0 {
				placed++
			}
		}
		if placed == 24 && len(arts) == 24 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d articles in stories after 40 s", placed, len(arts))
		}
		time.Sleep(200 * time.Millisecond)
	}
}
