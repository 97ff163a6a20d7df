package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

// Raw documents come back byte for byte: compressed when that is smaller,
// as fetched otherwise, whether Put compressed them or Prepare did; and
// the articles of the batch are searchable.
func TestRawCompressed(t *testing.T) {
	for _, prepared := range []bool{false, true} {
		t.Run(map[bool]string{false: "put", true: "prepared"}[prepared], func(t *testing.T) { testRawCompressed(t, prepared) })
	}
}

func testRawCompressed(t *testing.T, prepared bool) {
	ctx := context.Background()
	db, _ := openTemp(t)
	page := []byte("<html><body>" + strings.Repeat("<p>Ferry services resumed in the harbour.</p>", 60) + "</body></html>")
	tiny := []byte("x")
	items := []store.Item{item("page", "https://example.org/a", string(page), "A", "Ferry services resumed."), item("tiny", "", string(tiny), "B", "Harbour.")}
	if prepared {
		for i := range items {
			db.Prepare(&items[i])
		}
	}
	res, err := db.Put(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range []struct {
		raw         []byte
		compression string
	}{{page, "zstd"}, {tiny, ""}} {
		var stored []byte
		var compression string
		var size int
		err := db.db.QueryRowContext(ctx, `SELECT d.raw, d.compression, d.size FROM documents d JOIN articles a ON a.document_id = d.id WHERE a.id = ?`, res[i].ID).Scan(&stored, &compression, &size)
		if err != nil {
			t.Fatal(err)
		}
		if compression != tc.compression || size != len(tc.raw) {
			t.Errorf("document %d: compression %q size %d, want %q %d", i, compression, size, tc.compression, len(tc.raw))
		}
		if compression == "zstd" && len(stored) >= len(tc.raw)/4 {
			t.Errorf("document %d: %d bytes stored for %d", i, len(stored), len(tc.raw))
		}
		back, err := decompressRaw(stored, compression)
		if err != nil || !bytes.Equal(back, tc.raw) {
			t.Errorf("document %d: read back %q (%v)", i, back, err)
		}
	}
	if _, err := decompressRaw([]byte("?"), "brotli"); err == nil || !strings.Contains(err.Error(), "brotli") {
		t.Errorf("an unknown compression: %v", err)
	}
	for _, q := range []string{"ferry", "harbour"} {
		if ids, err := db.Search(ctx, q, 10); err != nil || len(ids) != 1 {
			t.Errorf("search %q: %v %v", q, ids, err)
		}
	}
}

// TestCompressRawConcurrentSameFrames: pages compressed by several
// goroutines at once (the analysis workers) give the frames one goroutine
// gives, and they decompress to the pages.
func TestCompressRawConcurrentSameFrames(t *testing.T) {
	pages := make([][]byte, 64)
	for i := range pages {
		pages[i] = []byte(strings.Repeat(fmt.Sprintf("<p>page %d, paragraph of news text %d</p>\n", i, i*i), 50+i))
	}
	want := make([][]byte, len(pages))
	for i, p := range pages {
		want[i], _ = compressRaw(p)
	}
	got := make([][]byte, len(pages))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(pages); i += 4 {
				got[i], _ = compressRaw(pages[i])
			}
		}(w)
	}
	wg.Wait()
	for i := range pages {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("page %d: concurrent frame differs from the sequential one", i)
		}
		back, err := decompressRaw(got[i], "zstd")
		if err != nil || !bytes.Equal(back, pages[i]) {
			t.Fatalf("page %d: round trip failed: %v", i, err)
		}
	}
}
