// Package extract reads the two article-body extraction gold sets in
// ../shared/eval (the Zyte/Scrapinghub article-extraction-benchmark and the
// trafilatura evaluation set) and scores a body extractor on them with each
// set's own published metric.
//
// Readers never unpack anything to disk: the Zyte pages are read one gzip file
// at a time and the trafilatura pages straight out of pages.tar.gz.
package extract

import "fmt"

// Extractor returns the main text of one HTML page. url is the page's
// address as recorded in the gold set (may be empty).
type Extractor func(page []byte, url string) (string, error)

// Page is one HTML page of a gold set.
type Page struct {
	ID   string // key in the gold file
	URL  string
	HTML []byte
}

// Scores are one system's figures on one set.
type Scores struct {
	Set       string  `json:"set"`
	System    string  `json:"system"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Accuracy  float64 `json:"accuracy"`
	Pages     int     `json:"pages"`
	Errors    int     `json:"errors"` // pages on which the extractor returned an error
}

// String formats s as one line of text.
func (s Scores) String() string {
	return fmt.Sprintf("%-12s %-20s P %.3f  R %.3f  F1 %.3f  acc %.3f  pages %d  errors %d",
		s.Set, s.System, s.Precision, s.Recall, s.F1, s.Accuracy, s.Pages, s.Errors)
}

// f1 is the harmonic mean of p and r (0 when both are 0).
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
