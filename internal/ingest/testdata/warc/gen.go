//go:build ignore

// gen writes the WARC files of this folder (go run gen.go): synthetic
// news pages, one response (with its request) per article, among records
// that hold no article (warcinfo, a 404, an image), as a plain WARC, a
// .warc.gz of one gzip member per record, and a .warc.gz whose sixth
// article's member is damaged in the middle of its compressed data.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand"
	"os"
	"strings"
)

var (
	places  = []string{"Port Ellen", "Kirkwall", "Stornoway", "Lerwick", "Oban", "Tobermory"}
	people  = []string{"Ailsa Brodie", "Ewan MacLeod", "Morag Sinclair", "Hamish Reid", "Isla Munro"}
	topics  = []string{"ferry timetable", "harbour dredging", "fish market prices", "school closure", "wind farm", "bridge repairs", "ambulance service"}
	actions = []string{"approved", "delayed", "criticised", "welcomed", "rejected", "reviewed"}
)

func article(rng *rand.Rand, set string, i int) string {
	place, who, topic := places[rng.Intn(len(places))], people[rng.Intn(len(people))], topics[(i+len(set))%len(topics)]
	var b strings.Builder
	title := fmt.Sprintf("%s council %s %s plan (%s %d)", place, actions[i%len(actions)], topic, set, i)
	fmt.Fprintf(&b, "<!doctype html><html><head><title>%s</title></head><body><article><h1>%s</h1>\n", title, title)
	for p := 0; p < 5; p++ {
		b.WriteString("<p>")
		for s := 0; s < 3; s++ {
			fmt.Fprintf(&b, "The %s in %s was %s by the council on day %d of the session, %s said, adding that %d residents had written in about it. ",
				topic, place, actions[rng.Intn(len(actions))], rng.Intn(28)+1, who, rng.Intn(900)+100)
		}
		fmt.Fprintf(&b, "\"We will keep listening to the people of %s,\" %s said.</p>\n", place, who)
	}
	b.WriteString("</article></body></html>\n")
	return b.String()
}

func record(typ, uri, ctype, block string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%x>\r\nWARC-Date: 2026-03-02T08:00:00Z\r\n", typ, len(block)*7919+len(uri))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", ctype, len(block), block)
	return b.Bytes()
}

func records(set string, n int) [][]byte {
	rng := rand.New(rand.NewSource(int64(len(set)*1000 + n)))
	recs := [][]byte{record("warcinfo", "", "application/warc-fields", "software: sitrep testdata gen\r\nformat: WARC File Format 1.0\r\n")}
	for i := 1; i <= n; i++ {
		uri := fmt.Sprintf("https://news.example.org/%s/%d", set, i)
		recs = append(recs, record("request", uri, "application/http; msgtype=request", "GET /"+set+" HTTP/1.1\r\nHost: news.example.org\r\n\r\n"))
		page := article(rng, set, i)
		recs = append(recs, record("response", uri, "application/http; msgtype=response",
			fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(page), page)))
		switch i % 5 {
		case 2:
			recs = append(recs, record("response", uri+"/missing", "application/http; msgtype=response", "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))
		case 4:
			recs = append(recs, record("resource", uri+"/logo.png", "image/png", "\x89PNG\r\n\x1a\nnot really"))
		}
	}
	return recs
}

func gz(p []byte) []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(p)
	zw.Close()
	return b.Bytes()
}

func write(name string, b []byte) {
	if err := os.WriteFile(name, b, 0o644); err != nil {
		panic(err)
	}
}

func main() {
	var plain bytes.Buffer
	for _, r := range records("plain", 16) {
		plain.Write(r)
	}
	write("news.warc", plain.Bytes())

	var members bytes.Buffer
	for _, r := range records("gzip", 16) {
		members.Write(gz(r))
	}
	write("news.warc.gz", members.Bytes())

	var damaged bytes.Buffer
	for _, r := range records("damaged", 12) {
		m := gz(r)
		if bytes.Contains(r, []byte("/damaged/6\r\n")) && bytes.Contains(r, []byte("msgtype=response")) && bytes.Contains(r, []byte("200 OK")) {
			for i := len(m) / 3; i < len(m)/3+24; i++ {
				m[i] ^= 0xa5
			}
		}
		damaged.Write(m)
	}
	write("news-damaged.warc.gz", damaged.Bytes())
}
