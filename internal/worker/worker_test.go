package worker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// memQueue is a queue in memory: it hands out its items once each and
// records what became of them.
type memQueue struct {
	mu    sync.Mutex
	items []*memDelivery
	next  int
}

type memDelivery struct {
	q       *memQueue
	item    queue.Item
	attempt int
	fate    string   // "", "ack", "retry", "dead: ERR"
	parts   []string // "ORIGIN: ERR" of each part dead-lettered
	stored  int64    // articles in the store when it was acked
	st      interface {
		Count(context.Context) (int64, int64, error)
	}
}

func (q *memQueue) Publish(ctx context.Context, items ...queue.Item) error {
	return errors.New("not here")
}
func (q *memQueue) Fetch(ctx context.Context, max int, wait time.Duration) ([]queue.Delivery, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	var out []queue.Delivery
	for q.next < len(q.items) && len(out) < max {
		out = append(out, q.items[q.next])
		q.next++
	}
	return out, nil
}
func (q *memQueue) Stats(ctx context.Context) (queue.Stats, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return queue.Stats{Pending: int64(len(q.items) - q.next)}, nil
}
func (q *memQueue) DeadLetters(ctx context.Context, limit int) ([]queue.DeadLetter, error) {
	return nil, nil
}
func (q *memQueue) Close() error { return nil }

func (d *memDelivery) Item() queue.Item  { return d.item }
func (d *memDelivery) Err() error        { return nil }
func (d *memDelivery) Attempt() int      { return d.attempt }
func (d *memDelivery) InProgress() error { return nil }
func (d *memDelivery) Ack() error {
	d.fate = "ack"
	d.stored, _, _ = d.st.Count(context.Background())
	return nil
}
func (d *memDelivery) Retry(time.Duration) error { d.fate = "retry"; return nil }
func (d *memDelivery) Dead(why error) error      { d.fate = "dead: " + why.Error(); return nil }
func (d *memDelivery) DeadPart(part queue.Item, origin string, why error) error {
	if part.Range == nil {
		return errors.New("a part that is not a range")
	}
	d.parts = append(d.parts, origin+": "+why.Error())
	return nil
}

const article = `Harbour Board Approves Night Ferry Trial

The harbour board of Port Ellen on Tuesday approved a six-month trial of night ferry crossings, its chair Ailsa Brodie said. "We have listened to the fishermen and to the hotels," Brodie said. The first crossing is planned for March 3. Fishermen welcomed the decision, and hotel owners said they expected more visitors in the winter months.
`

// TestRun feeds a worker good documents, one the cleaner rejects and one
// past its attempts: the good ones are stored and acked after the commit,
// the others dead-lettered with their reasons, and the corpus stage places
// every stored article.
func TestRun(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q := &memQueue{}
	cases := []struct {
		name, body string
		media      string
		attempt    int
		want       string
	}{
		{"a.txt", article, ingest.MediaText, 1, "ack"},
		{"b.txt", article + "\nA second edition adds this line about the timetable.", ingest.MediaText, 2, "ack"},
		{"poison.html", "<html><body><script>var a=1;</script></body></html>", ingest.MediaHTML, 1, "dead: clean: extract: text and comments are not long enough: 0 0"},
		{"c.txt", "Another article, delivered too often.", ingest.MediaText, 6, "dead: delivered 5 times and never stored: each worker that took it stopped (crashed, killed) or stalled past the ack wait"},
		{"a-again.txt", article, ingest.MediaText, 1, "ack"}, // a duplicate: acked, nothing added
	}
	for i, c := range cases {
		q.items = append(q.items, &memDelivery{q: q, st: st, attempt: c.attempt, item: queue.Item{Doc: ingest.Document{
			Origin: c.name, URL: fmt.Sprintf("https://example.org/%d", i), MediaType: c.media, Body: []byte(c.body)}}})
	}
	q.items[4].item.Doc.URL = q.items[0].item.Doc.URL
	rep, err := Run(ctx, st, q, Options{Batch: 2, Wait: 10 * time.Millisecond, ExitIdle: time.Millisecond, Corpus: true,
		CorpusOptions: CorpusOptions{Idle: 50 * time.Millisecond, Poll: 20 * time.Millisecond, LeaseTTL: time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		d := q.items[i]
		if d.fate != c.want {
			t.Errorf("%s: %q, want %q", c.name, d.fate, c.want)
		}
		if d.fate == "ack" && d.stored == 0 {
			t.Errorf("%s acked before its article was stored", c.name)
		}
	}
	if rep.Added != 2 || rep.Duplicates != 1 || rep.Dead != 2 || rep.Items != 5 {
		t.Errorf("report %+v", rep)
	}
	last, _ := st.LastDerived(ctx)
	if ids, _ := st.ArticleIDsAfter(ctx, last); len(ids) != 0 || rep.Corpus.Articles != 2 {
		t.Errorf("corpus stage: %d articles placed, %d left", rep.Corpus.Articles, len(ids))
	}
}

// TestCorpusLease runs two corpus holders on one store: one holds the
// lease; when it stops, the other takes over within the ttl.
func TestCorpusLease(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var mu sync.Mutex
	var events []string
	logTo := func(name string) func(string, ...any) {
		return func(f string, a ...any) {
			mu.Lock()
			events = append(events, name+": "+fmt.Sprintf(f, a...))
			mu.Unlock()
		}
	}
	const ttl = 400 * time.Millisecond
	ctx1, stop1 := context.WithCancel(context.Background())
	ctx2, stop2 := context.WithCancel(context.Background())
	defer stop2()
	var wg sync.WaitGroup
	for i, ctx := range []context.Context{ctx1, ctx2} {
		wg.Add(1)
		name := fmt.Sprintf("h%d", i+1)
		go func() {
			defer wg.Done()
			RunCorpus(ctx, st, CorpusOptions{LeaseTTL: ttl, Poll: 20 * time.Millisecond, Holder: name, Log: logTo(name)})
		}()
		time.Sleep(50 * time.Millisecond) // h1 first
	}
	taken := func() []string {
		mu.Lock()
		defer mu.Unlock()
		var out []string
		for _, e := range events {
			if len(e) > 3 && e[4:] == "corpus stage: taken (holder "+e[:2]+")" {
				out = append(out, e[:2])
			}
		}
		return out
	}
	time.Sleep(2 * ttl)
	if got := taken(); len(got) != 1 || got[0] != "h1" {
		t.Fatalf("taken by %v, want h1 alone", got)
	}
	stop1()
	t0 := time.Now()
	for len(taken()) < 2 {
		if time.Since(t0) > 2*ttl {
			t.Fatalf("h2 did not take over within %s: %v", 2*ttl, events)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := taken(); got[1] != "h2" {
		t.Errorf("taken by %v", got)
	}
	stop2()
	wg.Wait()
}

// TestRunRanges hands a worker the ranges of the testdata WARC whose
// sixth article's gzip member is damaged, each range twice (a
// redelivery), and a range whose file then changed: every other article
// is stored once, the damage is one dead-lettered part, the redeliveries
// add nothing, and the changed range is dead-lettered whole.
func TestRunRanges(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "warc", "news-damaged.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "news-damaged.warc.gz")
	os.WriteFile(path, b, 0o644)
	rs, err := ingest.SplitWARC(path, 0, 6)
	if err != nil || len(rs) < 3 {
		t.Fatalf("%d ranges: %v", len(rs), err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q := &memQueue{}
	for round := 0; round < 2; round++ {
		for i := range rs {
			q.items = append(q.items, &memDelivery{q: q, st: st, attempt: 1 + round, item: queue.Item{Range: &rs[i]}})
		}
	}
	opts := Options{Batch: 4, Wait: 10 * time.Millisecond, ExitIdle: time.Millisecond}
	rep, err := Run(ctx, st, q, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n, _, _ := st.Count(ctx); n != 11 || rep.Added != 11 || rep.Duplicates != 11 {
		t.Errorf("%d articles stored, report %+v: want the 11 undamaged ones once, then 11 duplicates", n, rep)
	}
	var parts []string
	for _, d := range q.items {
		if d.fate != "ack" {
			t.Errorf("%v: %q", d.item.Origin(), d.fate)
		}
		parts = append(parts, d.parts...)
	}
	if len(parts) != 2 || parts[0] != parts[1] || !strings.Contains(parts[0], path+"#offset") || !strings.Contains(parts[0], "damaged WARC data") {
		t.Errorf("dead-lettered parts %q: want the damage, once a delivery", parts)
	}
	// the file rewritten: its ranges are refused whole
	os.WriteFile(path, append(b, 0), 0o644)
	q2 := &memQueue{items: []*memDelivery{{st: st, attempt: 1, item: queue.Item{Range: &rs[0]}}}}
	q2.items[0].q = q2
	if _, err := Run(ctx, st, q2, opts); err != nil {
		t.Fatal(err)
	}
	if f := q2.items[0].fate; !strings.HasPrefix(f, "dead: ") || !strings.Contains(f, ingest.ErrRangeChanged.Error()) {
		t.Errorf("changed file: %q", f)
	}
	os.Remove(path)
	q3 := &memQueue{items: []*memDelivery{{st: st, attempt: 1, item: queue.Item{Range: &rs[1]}}}}
	q3.items[0].q = q3
	if _, err := Run(ctx, st, q3, opts); err != nil {
		t.Fatal(err)
	}
	if f := q3.items[0].fate; !strings.Contains(f, ingest.ErrRangeGone.Error()) {
		t.Errorf("file gone: %q", f)
	}
}

// TestProcessHandsOver: a batch stored by the worker that runs the corpus
// stage is handed to it, and the stage takes the articles' analyses from
// the writer instead of reading them back (the single process's path);
// without a stage in hand they are read back. The stories come out the
// same either way.
func TestProcessHandsOver(t *testing.T) {
	ctx := context.Background()
	stories := map[bool]int{}
	for _, hand := range []bool{true, false} {
		st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		sg, err := corpus.Open(ctx, st, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		q := &memQueue{}
		for i, body := range []string{article, "Port Ellen Hotels Expect a Busy Winter\n\nHotel owners in Port Ellen said on Wednesday they expected more visitors this winter after the harbour board approved night ferry crossings. \"The ferry changes everything,\" said Morag Innes, who runs the Harbour Inn."} {
			q.items = append(q.items, &memDelivery{q: q, st: st, attempt: 1, item: queue.Item{Doc: ingest.Document{
				Origin: fmt.Sprintf("%d.txt", i), URL: fmt.Sprintf("https://example.org/%d", i), MediaType: ingest.MediaText, Body: []byte(body)}}})
		}
		ds, _ := q.Fetch(ctx, 10, 0)
		o := Options{}
		o.defaults()
		var given *corpus.Stage
		if hand {
			given = sg
		}
		var rep Report
		if err := process(st, ds, o, given, &rep); err != nil || rep.Added != 2 {
			t.Fatalf("hand-over %v: %+v, %v", hand, rep, err)
		}
		s, err := sg.Run(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if hand {
			want = 2
		}
		if s.Articles != 2 || s.Handed != want {
			t.Errorf("hand-over %v: %d articles placed, %d analyses handed over; want 2 and %d", hand, s.Articles, s.Handed, want)
		}
		stories[hand] = s.NewEvents
	}
	if stories[true] != stories[false] {
		t.Errorf("stories: %d handed over, %d read back", stories[true], stories[false])
	}
}
