package warc

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

var benchWords = strings.Fields("the minister said on Tuesday that talks with rebels in the north " +
	"had stalled after forces shelled a village near the border killing at least twelve " +
	"civilians according to local officials and aid groups who called for an inquiry")

// benchPage returns an HTML-like page of about n bytes of pseudo-random
// prose, so that it compresses like real text rather than a repeated line.
func benchPage(seed uint32, n int) string {
	var sb strings.Builder
	sb.WriteString("<html><body>\n")
	for sb.Len() < n {
		sb.WriteString("<p>")
		for range 40 {
			seed = seed*1664525 + 1013904223
			sb.WriteString(benchWords[seed>>24%uint32(len(benchWords))])
			fmt.Fprintf(&sb, " %d ", seed>>28)
		}
		sb.WriteString("</p>\n")
	}
	sb.WriteString("</body></html>\n")
	return sb.String()
}

// benchWARC builds a WARC of response records with HTML-like blocks of
// varied sizes (2-42 KB each, about 16 MB uncompressed in all).
func benchWARC(b *testing.B, mode string) ([]byte, int64) {
	var recs []testRecord
	var total int64
	for i := 0; total < 16<<20; i++ {
		page := benchPage(uint32(i), 2000+(i*7919)%40000)
		block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
		recs = append(recs, testRecord{typ: "response", uri: fmt.Sprintf("http://news.example/%d", i),
			date: "2024-05-01T10:00:00Z", ctype: "application/http; msgtype=response", block: block})
		total += int64(len(rawRecord(recs[len(recs)-1])))
	}
	data, _ := buildWARC(b, mode, recs...)
	return data, total
}

// BenchmarkReader reads every record and its whole block. SetBytes is the
// uncompressed WARC size, so MB/s is comparable across modes.
func BenchmarkReader(b *testing.B) {
	for _, mode := range []string{plain, perRecord} {
		b.Run(mode, func(b *testing.B) {
			data, total := benchWARC(b, mode)
			b.SetBytes(total)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				r, err := NewReader(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				for {
					rec, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					if _, err := io.Copy(io.Discard, rec.Body); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkSpans cuts the benchmark WARC into spans of 64 records, as
// `sitrep ingest --queue` does for a large file (it reads the whole
// file, decompressing a .warc.gz, to find the records' starts). SetBytes
// is the uncompressed WARC size.
func BenchmarkSpans(b *testing.B) {
	for _, mode := range []string{plain, perRecord} {
		b.Run(mode, func(b *testing.B) {
			data, total := benchWARC(b, mode)
			b.SetBytes(total)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Spans(bytes.NewReader(data), int64(len(data)), 0, 64); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
