package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyTestdata copies testdata/warc/NAME into a temporary folder (tests
// change or remove it) and returns its path.
func copyTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "warc", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// readRanges reads every range into one collector.
func readRanges(t *testing.T, rs []WARCRange) (*collector, map[string]WARCRange) {
	t.Helper()
	c := &collector{}
	parts := map[string]WARCRange{}
	for _, r := range rs {
		ps, err := ReadWARCRange(context.Background(), r, Options{}, c)
		if err != nil {
			t.Fatalf("%v: %v", r, err)
		}
		for k, v := range ps {
			parts[k] = v
		}
	}
	return c, parts
}

func docKeys(ds []Document) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s %s %s %d", d.Origin, d.URL, d.MediaType, len(d.Body)))
	}
	return out
}

// TestWARCRanges cuts the testdata WARC files into ranges of several
// sizes: the ranges tile the file, and reading them all gives the
// documents (origins included) that reading the whole file gives.
func TestWARCRanges(t *testing.T) {
	for _, name := range []string{"news.warc", "news.warc.gz"} {
		path := copyTestdata(t, name)
		whole := &collector{}
		if err := Walk(context.Background(), []string{path}, Options{}, whole); err != nil || len(whole.problems) > 0 {
			t.Fatalf("%s: %v %v", name, err, whole.problems)
		}
		if len(whole.docs) != 16 {
			t.Fatalf("%s: %d documents in the whole file, want 16", name, len(whole.docs))
		}
		st, _ := os.Stat(path)
		for _, lim := range []struct {
			bytes   int64
			records int
		}{{0, 1}, {0, 7}, {5000, 0}, {0, 0}} {
			rs, err := SplitWARC(path, lim.bytes, lim.records)
			if err != nil {
				t.Fatal(err)
			}
			var at int64
			recs := 0
			for _, r := range rs {
				if r.Offset != at || r.FileSize != st.Size() || r.FirstRecord != recs+1 {
					t.Fatalf("%s %+v: range %+v after %d bytes, %d records", name, lim, r, at, recs)
				}
				at += r.Length
				recs += r.Records
			}
			if at != st.Size() {
				t.Errorf("%s %+v: ranges end at %d of %d", name, lim, at, st.Size())
			}
			if lim.records == 1 && len(rs) != recs {
				t.Errorf("%s: %d ranges of one record for %d records", name, len(rs), recs)
			}
			c, _ := readRanges(t, rs)
			if got, want := strings.Join(docKeys(c.docs), "\n"), strings.Join(docKeys(whole.docs), "\n"); got != want || len(c.problems) > 0 {
				t.Errorf("%s %+v: documents over the ranges\n%s\nwant\n%s\nproblems %v", name, lim, got, want, c.problems)
			}
		}
	}
}

// TestWARCRangeDamaged reads the file whose sixth article's gzip member
// is damaged (its data decompresses to garbage; the member's checksum
// fails after the block): every other article is read, over the ranges
// of any size, and the damage is one problem naming its offset; read
// whole, the file ends at the damage.
func TestWARCRangeDamaged(t *testing.T) {
	path := copyTestdata(t, "news-damaged.warc.gz")
	whole := &collector{}
	Walk(context.Background(), []string{path}, Options{}, whole)
	if len(whole.docs) != 5 || len(whole.problems) != 1 {
		t.Fatalf("whole file: %d documents, problems %v; want the 5 before the damage and one problem", len(whole.docs), whole.problems)
	}
	for _, maxRec := range []int{1, 4, 0} {
		rs, err := SplitWARC(path, 0, maxRec)
		if err != nil {
			t.Fatal(err)
		}
		c, parts := readRanges(t, rs)
		var urls []string
		for _, d := range c.docs {
			urls = append(urls, strings.TrimPrefix(d.URL, "https://news.example.org/damaged/"))
		}
		if got := strings.Join(urls, ","); got != "1,2,3,4,5,7,8,9,10,11,12" {
			t.Errorf("ranges of %d records: articles %s", maxRec, got)
		}
		if len(c.problems) != 1 || !strings.Contains(c.problems[0].Origin, "#offset") || !strings.Contains(c.problems[0].Error(), "damaged WARC data") {
			t.Fatalf("ranges of %d records: problems %v", maxRec, c.problems)
		}
		// the damage's part is a range of its own that fails the same way
		p, ok := parts[c.problems[0].Origin]
		if !ok || p.Records != 0 {
			t.Fatalf("no part for %s: %v", c.problems[0].Origin, parts)
		}
		again := &collector{}
		if _, err := ReadWARCRange(context.Background(), p, Options{}, again); err != nil || len(again.docs) != 0 || len(again.problems) != 1 || again.problems[0].Origin != c.problems[0].Origin {
			t.Errorf("the damaged part read again: %v, %d documents, %v", err, len(again.docs), again.problems)
		}
		// each record's part reads back its own document
		for _, d := range c.docs[:2] {
			one := &collector{}
			if _, err := ReadWARCRange(context.Background(), parts[d.Origin], Options{}, one); err != nil || len(one.docs) != 1 || one.docs[0].Origin != d.Origin {
				t.Errorf("part %s: %v %v", d.Origin, err, docKeys(one.docs))
			}
		}
	}
}

// TestWARCRangeChanged: a range whose file changed or vanished after it
// was cut is refused with a clear error, handing over nothing.
func TestWARCRangeChanged(t *testing.T) {
	path := copyTestdata(t, "news.warc")
	rs, err := SplitWARC(path, 0, 10)
	if err != nil || len(rs) < 3 {
		t.Fatalf("%d ranges, %v", len(rs), err)
	}
	b, _ := os.ReadFile(path)
	// one byte changed in the second range: it is refused, the first reads
	b[rs[1].Offset+rs[1].Length/2] ^= 1
	os.WriteFile(path, b, 0o644)
	c := &collector{}
	if _, err := ReadWARCRange(context.Background(), rs[1], Options{}, c); !errors.Is(err, ErrRangeChanged) || len(c.docs) > 0 || !strings.Contains(err.Error(), path) {
		t.Errorf("changed range: %v, %d documents", err, len(c.docs))
	}
	if _, err := ReadWARCRange(context.Background(), rs[0], Options{}, c); err != nil || len(c.docs) == 0 {
		t.Errorf("unchanged range: %v, %d documents", err, len(c.docs))
	}
	// appended to: the size differs
	os.WriteFile(path, append(b, "WARC/1.0\r\n"...), 0o644)
	if _, err := ReadWARCRange(context.Background(), rs[0], Options{}, &collector{}); !errors.Is(err, ErrRangeChanged) {
		t.Errorf("file appended to: %v", err)
	}
	os.Remove(path)
	if _, err := ReadWARCRange(context.Background(), rs[0], Options{}, &collector{}); !errors.Is(err, ErrRangeGone) || !strings.Contains(err.Error(), path) {
		t.Errorf("file removed: %v", err)
	}
}

// TestSplitWARCWholeGzip: a WARC gzipped as one member cannot be cut.
func TestSplitWARCWholeGzip(t *testing.T) {
	b, _ := os.ReadFile(filepath.Join("testdata", "warc", "news.warc"))
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(b)
	zw.Close()
	p := filepath.Join(t.TempDir(), "whole.warc.gz")
	os.WriteFile(p, z.Bytes(), 0o644)
	if !IsWARC(p) {
		t.Error("IsWARC: false")
	}
	if _, err := SplitWARC(p, 0, 5); !errors.Is(err, ErrNotSplittable) {
		t.Errorf("SplitWARC: %v, want ErrNotSplittable", err)
	}
	if IsWARC(filepath.Join("testdata", "warc", "gen.go")) {
		t.Error("IsWARC(gen.go): true")
	}
}
