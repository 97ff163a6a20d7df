package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zytePages writes the Zyte benchmark's HTML pages, decompressed, into a
// temporary folder once per benchmark.
func zytePages(b *testing.B) (dir string, n int) {
	evalDir, err := sharedEvalDir()
	if err != nil {
		b.Skipf("../shared/eval not found: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(evalDir, "extract-scrapinghub", "html", "*.html.gz"))
	if len(files) == 0 {
		b.Skip("no Zyte pages")
	}
	dir = b.TempDir()
	for _, f := range files {
		in, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(in)
		if err != nil {
			b.Fatal(err)
		}
		out, _ := os.Create(filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".gz")))
		io.Copy(out, zr)
		out.Close()
		in.Close()
	}
	return dir, len(files)
}

// BenchmarkIngestZyte runs `sitrep ingest` (detect → clean → [analyse] →
// store) over the 181 Zyte pages into a fresh database per iteration.
func BenchmarkIngestZyte(b *testing.B) {
	dir, n := zytePages(b)
	for _, analyse := range []bool{false, true} {
		b.Run(fmt.Sprintf("analyse=%v", analyse), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				db := filepath.Join(b.TempDir(), "t.db")
				args := []string{"ingest", "--quiet", "--db", db, dir}
				if !analyse {
					args = append(args, "--no-analyse")
				}
				e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
				if code := runMain(context.Background(), e, args); code != exitOK {
					b.Fatalf("ingest exit %d", code)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(n*b.N), "ms/page")
		})
	}
}
