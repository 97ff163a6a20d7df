package html

// Tests of sitrep's copy (see ../README.md): it must build the tree
// x/net/html builds, node for node.

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	xhtml "golang.org/x/net/html"

	evalextract "github.com/sitrep/sitrep/internal/eval/extract"
)

// sameTree reports the first difference between two trees, "" when none.
func sameTree(a, b *Node, path string) string {
	if a == nil || b == nil {
		if a != b {
			return path + ": one side nil"
		}
		return ""
	}
	if a.Type != b.Type || a.DataAtom != b.DataAtom || a.Data != b.Data || a.Namespace != b.Namespace {
		return fmt.Sprintf("%s: node %v %q %q, want %v %q %q", path, a.Type, a.Data, a.Namespace, b.Type, b.Data, b.Namespace)
	}
	if len(a.Attr) != len(b.Attr) {
		return fmt.Sprintf("%s <%s>: %d attributes, want %d", path, a.Data, len(a.Attr), len(b.Attr))
	}
	for i := range a.Attr {
		if a.Attr[i] != b.Attr[i] {
			return fmt.Sprintf("%s <%s>: attribute %+v, want %+v", path, a.Data, a.Attr[i], b.Attr[i])
		}
	}
	ca, cb := a.FirstChild, b.FirstChild
	for i := 0; ca != nil || cb != nil; i++ {
		if d := sameTree(ca, cb, fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
		if ca.Parent != a || cb.Parent != b || (ca.NextSibling == nil) != (ca == a.LastChild) {
			return fmt.Sprintf("%s/%d: links differ", path, i)
		}
		ca, cb = ca.NextSibling, cb.NextSibling
	}
	return ""
}

func checkSame(t *testing.T, name string, page []byte) {
	t.Helper()
	want, werr := xhtml.Parse(bytes.NewReader(page))
	got, gerr := Parse(bytes.NewReader(page))
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%s: errors %v and %v", name, gerr, werr)
	}
	if d := sameTree(got, want, ""); d != "" {
		t.Fatalf("%s: tree differs from x/net/html's: %s", name, d)
	}
}

// TestParseMatchesXNet: every page of the two extraction gold sets (when
// the shared data is there) and thousands of random documents built from
// the markup the parser treats specially give x/net/html's tree.
func TestParseMatchesXNet(t *testing.T) {
	dir := os.Getenv("SITREP_SHARED")
	if dir == "" {
		dir = "../../../shared"
	}
	dir = filepath.Join(dir, "eval")
	if zyte, err := evalextract.LoadZyte(filepath.Join(dir, "extract-scrapinghub")); err == nil {
		for _, p := range evalextract.ZytePages(zyte) {
			checkSame(t, "zyte/"+p.ID, p.HTML)
		}
	} else {
		t.Logf("no Zyte pages (%v): random documents only", err)
	}
	if traf, err := evalextract.LoadTrafilatura(filepath.Join(dir, "extract-trafilatura")); err == nil && !testing.Short() {
		for _, p := range evalextract.TrafPages(traf) {
			checkSame(t, "trafilatura/"+p.ID, p.HTML)
		}
	}
	pieces := []string{
		"<p>", "</p>", "<div class=\"a b\" id=x>", "</div>", "<b>", "</b>", "<i>", "</i>", "<a href='/x?a=1&amp;b=2'>", "</a>",
		"<table>", "<tr>", "<td>", "</td>", "</table>", "<caption>", "<select><option>o", "</select>", "<br>", "</br>",
		"<svg viewBox=\"0 0 1 1\"><path d='M0'/></svg>", "<math><mi>x</mi></math>", "<script>if (a < b) { x = '</p>' }</script>",
		"<style>p{color:red}</style>", "<!-- c -->", "<!-->", "<!doctype html>", "<title>T &amp; U</title>", "<textarea>a<b</textarea>",
		"<noscript><img src=a.jpg></noscript>", "<template><p>t</p></template>", "<frameset>", "<form><input value=\"v\x00w\">",
		"text &copy; &notanentity; &#x41; &#65 ", "\x00", "<p\x00q>", "<img src=x alt=\"a\x00b\" ALT=dup>", "<UL><LI>one<LI>two</UL>",
		"<h1>h</h2>", "<pre>\n\nx</pre>", "<plaintext>", "<xmp>a<b></xmp>", "<iframe src=x>y</iframe>", "\r\n", "<font color=red>",
		"<marquee>m</marquee>", "<applet>", "<object><param name=a></object>", "<body onload=x>", "<html lang=en>", "<head>", "</head>",
		"<nobr>", "<ruby>r<rt>t</ruby>", "<foreignObject>", "<desc>", "<annotation-xml encoding='text/html'>", "</body>", "</html>",
	}
	rng := rand.New(rand.NewSource(15))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := rng.Intn(40); j >= 0; j-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkSame(t, fmt.Sprintf("random %d %q", i, b.String()), []byte(b.String()))
	}
}

func benchPages(b *testing.B) [][]byte {
	dir := os.Getenv("SITREP_SHARED")
	if dir == "" {
		dir = "../../../shared"
	}
	zyte, err := evalextract.LoadZyte(filepath.Join(dir, "eval", "extract-scrapinghub"))
	if err != nil {
		b.Skip("no Zyte pages:", err)
	}
	var pages [][]byte
	for _, p := range evalextract.ZytePages(zyte) {
		pages = append(pages, p.HTML)
	}
	return pages
}

// BenchmarkParse and BenchmarkParseXNet parse the 181 Zyte pages (one op =
// one page) with this copy and with x/net/html.
func BenchmarkParse(b *testing.B) {
	pages := benchPages(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		Parse(bytes.NewReader(pages[i%len(pages)]))
	}
	b.ReportMetric((cpuTime()-cpu0)/float64(b.N), "cpu-ms/page")
}

// cpuTime is the process's user and system CPU in milliseconds: on a
// loaded machine steadier than wall time.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
}

func BenchmarkParseXNet(b *testing.B) {
	pages := benchPages(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		xhtml.Parse(bytes.NewReader(pages[i%len(pages)]))
	}
	b.ReportMetric((cpuTime()-cpu0)/float64(b.N), "cpu-ms/page")
}
