package nats

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/queue"
)

// natsURL starts a private nats-server with JetStream for one test.
func natsURL(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		if _, serr := os.Stat("/usr/sbin/nats-server"); serr == nil {
			bin = "/usr/sbin/nats-server"
		} else if os.Getenv("CI") != "" {
			t.Fatal("nats-server not found: the queue tests need it in CI")
		} else {
			t.Skip("nats-server not found: skipping")
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(bin, "-js", "-sd", t.TempDir(), "-a", "127.0.0.1", "-p", strconv.Itoa(port))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for i := 0; ; i++ {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
			break
		}
		if i > 200 {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Sprintf("nats://127.0.0.1:%d", port)
}

func doc(origin, body string) queue.Item {
	return queue.Item{Doc: ingest.Document{Origin: origin, URL: "https://example.org/" + origin, MediaType: ingest.MediaText, Body: []byte(body),
		Hints: ingest.Hints{Outlet: "Example Post"}, Fetched: time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)}}
}

// TestQueueLifecycle publishes items and follows them through fetch, ack,
// retry and the dead letters, checking the counts at each step.
func TestQueueLifecycle(t *testing.T) {
	url := natsURL(t)
	ctx := context.Background()
	q, err := Open(ctx, url, Options{Consumer: true, AckWait: 2 * time.Second, MaxAttempts: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	big := strings.Repeat("A long article about the harbour. ", 4000) // gzipped on the wire
	items := []queue.Item{doc("a.txt", "The ferry sailed at dawn."), doc("b.txt", big), doc("c.txt", "The council met on Tuesday.")}
	if err := q.Publish(ctx, items...); err != nil {
		t.Fatal(err)
	}
	stats := func(want queue.Stats) {
		t.Helper()
		got, err := q.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("stats %+v, want %+v", got, want)
		}
	}
	stats(queue.Stats{Pending: 3})
	ds, err := q.Fetch(ctx, 10, time.Second)
	if err != nil || len(ds) != 3 {
		t.Fatalf("fetched %d, %v; want 3", len(ds), err)
	}
	for i, d := range ds {
		got := d.Item().Doc
		if d.Err() != nil || got.Origin != items[i].Doc.Origin || string(got.Body) != string(items[i].Doc.Body) ||
			got.Hints.Outlet != "Example Post" || !got.Fetched.Equal(items[i].Doc.Fetched) || d.Attempt() != 1 {
			t.Errorf("item %d came back as %q (%d bytes, attempt %d, err %v)", i, got.Origin, len(got.Body), d.Attempt(), d.Err())
		}
	}
	stats(queue.Stats{InFlight: 3})
	if err := ds[0].Ack(); err != nil {
		t.Fatal(err)
	}
	if err := ds[1].Dead(errors.New("clean: no text")); err != nil {
		t.Fatal(err)
	}
	if err := ds[2].Retry(0); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	// the retried item waits for its redelivery in flight
	stats(queue.Stats{InFlight: 1, Done: 2, Dead: 1})
	// the retried item comes again as attempt 2; left unacked, it is
	// delivered once more after the ack wait (MaxAttempts+1)
	again, err := q.Fetch(ctx, 10, 2*time.Second)
	if err != nil || len(again) != 1 || again[0].Attempt() != 2 || again[0].Item().Doc.Origin != "c.txt" {
		t.Fatalf("redelivery: %d items, %v", len(again), err)
	}
	last, err := q.Fetch(ctx, 10, 5*time.Second)
	if err != nil || len(last) != 1 || last[0].Attempt() != 3 {
		t.Fatalf("delivery after the ack wait: %d items, %v", len(last), err)
	}
	dl, err := q.DeadLetters(ctx, 10)
	if err != nil || len(dl) != 1 {
		t.Fatalf("dead letters: %v, %v", dl, err)
	}
	if d := dl[0]; d.Origin != "b.txt" || d.Error != "clean: no text" || d.Attempts != 1 || d.Item == nil || string(d.Item.Doc.Body) != big {
		t.Errorf("dead letter %+v", d)
	}
	// sent again: queued as a new item, the dead letter gone
	last[0].Ack()
	if n, err := q.Requeue(ctx); err != nil || n != 1 {
		t.Fatalf("requeue: %d, %v", n, err)
	}
	stats(queue.Stats{Pending: 1, Done: 3})
	back, err := q.Fetch(ctx, 10, time.Second)
	if err != nil || len(back) != 1 || back[0].Item().Doc.Origin != "b.txt" || string(back[0].Item().Doc.Body) != big || back[0].Attempt() != 1 {
		t.Fatalf("requeued item: %d items, %v", len(back), err)
	}
}

// TestPublishTooLarge refuses an item over the server's max_payload with
// an input error naming it, and sends none of the batch.
func TestPublishTooLarge(t *testing.T) {
	url := natsURL(t)
	ctx := context.Background()
	q, err := Open(ctx, url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	// random-looking bytes do not gzip below the 1 MiB default
	b := make([]byte, 2<<20)
	x := uint32(1)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = 'a' + byte(x%26)
	}
	err = q.Publish(ctx, doc("ok.txt", "fine"), doc("huge.txt", string(b)))
	var ie *ingest.InputError
	if !errors.As(err, &ie) || ie.Origin != "huge.txt" || !errors.Is(err, queue.ErrTooLarge) {
		t.Fatalf("err %v, want an input error for huge.txt", err)
	}
	if s, _ := q.Stats(ctx); s.Pending != 0 {
		t.Errorf("%d items queued, want none", s.Pending)
	}
}

// TestOpenUnreachable names the URL and the remedy.
func TestOpenUnreachable(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	_, err := Open(context.Background(), fmt.Sprintf("nats://127.0.0.1:%d", port), Options{})
	if err == nil || !strings.Contains(err.Error(), strconv.Itoa(port)) || !strings.Contains(err.Error(), "nats-server") {
		t.Fatalf("err %v", err)
	}
}

// TestQueueRanges sends a WARC range item through the server: it comes
// back as the same range; a part dead-lettered twice (a redelivery) is
// one dead letter, the range item stays in flight until acked, and the
// part, requeued, goes to the workers as a range again.
func TestQueueRanges(t *testing.T) {
	url := natsURL(t)
	ctx := context.Background()
	q, err := Open(ctx, url, Options{Consumer: true, AckWait: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	rg := ingest.WARCRange{Path: "/data/crawl/a.warc.gz", Offset: 4096, Length: 1 << 20, FirstRecord: 17, Records: 40, FileSize: 9 << 20, CRC: 0xdeadbeef, Outlet: "Example Post"}
	if err := q.Publish(ctx, queue.Item{Range: &rg}, doc("a.txt", "The ferry sailed at dawn.")); err != nil {
		t.Fatal(err)
	}
	ds, err := q.Fetch(ctx, 10, time.Second)
	if err != nil || len(ds) != 2 {
		t.Fatalf("fetched %d, %v", len(ds), err)
	}
	if got := ds[0].Item().Range; ds[0].Err() != nil || got == nil || *got != rg {
		t.Fatalf("range came back as %+v (%v)", got, ds[0].Err())
	}
	if ds[1].Item().Range != nil || ds[1].Item().Doc.Origin != "a.txt" {
		t.Errorf("document came back as %+v", ds[1].Item())
	}
	part := rg
	part.Offset, part.Length, part.FirstRecord, part.Records = 8192, 700, 20, 1
	origin := rg.Path + "#record20"
	for range 2 {
		if err := ds[0].DeadPart(queue.Item{Range: &part}, origin, errors.New("clean: no text")); err != nil {
			t.Fatal(err)
		}
	}
	ds[1].Ack()
	if s, _ := q.Stats(ctx); s.Dead != 1 || s.InFlight != 1 {
		t.Errorf("stats %+v: want one dead letter, the range still in flight", s)
	}
	ds[0].Ack()
	dl, err := q.DeadLetters(ctx, 10)
	if err != nil || len(dl) != 1 || dl[0].Origin != origin || dl[0].Item == nil || dl[0].Item.Range == nil || *dl[0].Item.Range != part {
		t.Fatalf("dead letters %+v, %v", dl, err)
	}
	if n, err := q.Requeue(ctx); err != nil || n != 1 {
		t.Fatalf("requeue: %d, %v", n, err)
	}
	back, err := q.Fetch(ctx, 10, time.Second)
	if err != nil || len(back) != 1 || back[0].Item().Range == nil || *back[0].Item().Range != part {
		t.Fatalf("requeued part: %d items, %v", len(back), err)
	}
}
