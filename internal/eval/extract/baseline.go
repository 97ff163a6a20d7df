package extract

import (
	"bytes"
	"errors"
	nurl "net/url"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// TrafilaturaDefault is the reference extractor: go-trafilatura called alone
// with its default options (no fallback, balanced focus, comments kept
// apart, tables kept), returning its ContentText.
func TrafilaturaDefault(page []byte, url string) (string, error) {
	var opts trafilatura.Options
	if u, err := nurl.ParseRequestURI(url); url != "" && err == nil {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(bytes.NewReader(page), opts)
	if err != nil {
		return "", err
	}
	if res == nil {
		return "", errors.New("go-trafilatura returned no result")
	}
	return res.ContentText, nil
}
