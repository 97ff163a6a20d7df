// Package clean is the second stage of sitrep's pipeline: it turns an
// ingested Document (HTML or plain text) into an Article — the main text
// without boilerplate, captions and sign-offs, plus title, authors, outlet,
// URL, publication date and language, each metadata field with where it came
// from, so a reader can judge it.
//
// Rules are general patterns of news pages and wire copy (credit lines,
// copyright trailers, photo credits, datelines); nothing here knows any
// particular outlet.
package clean

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/fault"
	"github.com/sitrep/sitrep/internal/ingest"
)

// Article is a cleaned news article.
type Article struct {
	URL     string
	Title   string
	Authors []string

	// Outlet is the publisher's name, or "" when nothing in the input
	// names it (sitrep does not invent one). OutletSource says which rule
	// found it: metadata, site_name, url, trailer, copyright, dateline.
	// OutletEvidence quotes the words it came from. A photo credit or a
	// sign-off listing agencies is never publisher evidence: those go to
	// Credits with their kind.
	Outlet         string
	OutletSource   string
	OutletEvidence string

	// Published is the publication time (UTC), zero when unknown.
	// PublishedSource: metadata, html, dateline, url, text or estimated.
	// When PublishedEstimated is true, Published was inferred from the
	// dates the text mentions and PublishedEvidence quotes them.
	Published          time.Time
	PublishedEstimated bool
	PublishedSource    string
	PublishedEvidence  string

	Language string   // ISO 639-1, "" when unsure
	Dateline string   // place line of a dateline, e.g. "MOSUL, Iraq"
	Summary  string   // standfirst or feed description
	Credits  []Credit // agencies the text credits, each with what for
	Captions []string // photo captions removed from the text
	Text     string   // main text: paragraphs separated by "\n\n"

	pendingOutlet textOutlet // outlet named by the text, used last
	// pendingLang is the HTML extraction, whose language guess (go-trafilatura's
	// whatlanggo) is asked for only when the text's own words say nothing.
	pendingLang *Extraction
	// textLang memoises TextLanguage for the title and text it was
	// computed from.
	textLang textLanguage
}

// Credit kinds: what a credit in the text says about the agency it names.
const (
	// CreditPhoto: a caption credit, "(AP Photo/Jane Roe)" or "(AFP)"
	// after a caption: the agency took the photo, nothing more.
	CreditPhoto = "photo"
	// CreditSources: an end-of-article sign-off, "xy/ab (AFP, Reuters)":
	// the agencies whose copy the article drew on.
	CreditSources = "sources"
	// CreditWire: the agency in a dateline, "PARIS (Reuters) —": the wire
	// service that wrote the story.
	CreditWire = "wire"
)

// Credit is one agency named by a credit in the text.
type Credit struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // CreditPhoto, CreditSources or CreditWire
}

// UnmarshalJSON also reads a bare string, the form stored before credits
// had kinds (its kind stays empty: unknown).
func (c *Credit) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*c = Credit{Name: s}
		return nil
	}
	type plain Credit
	return json.Unmarshal(b, (*plain)(c))
}

// CreditNames lists the credits' names, with the kind in parentheses:
// "AP (photo), AFP (sources)".
func CreditNames(cs []Credit) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		if c.Kind == "" {
			parts = append(parts, c.Name)
			continue
		}
		parts = append(parts, c.Name+" ("+c.Kind+")")
	}
	return strings.Join(parts, ", ")
}

// ErrNoText is returned when a document has no article text at all.
var ErrNoText = errors.New("no article text found")

// FaultHook, when set, is called before each document is cleaned: tests
// use it to inject a fault.
var FaultHook func(doc ingest.Document)

// Clean turns a document into an article. A fault (panic) while cleaning
// one document is returned as that document's error, never raised: there
// is no clean text to store, so the input is reported as a problem and the
// others go on.
func Clean(doc ingest.Document) (a Article, err error) {
	if f := fault.Run("clean", func() {
		if FaultHook != nil {
			FaultHook(doc)
		}
		a, err = clean(doc)
	}); f != nil {
		return Article{}, f
	}
	return a, err
}

func clean(doc ingest.Document) (Article, error) {
	var a Article
	var err error
	switch doc.MediaType {
	case ingest.MediaHTML:
		a, err = cleanHTML(doc)
	default:
		a = cleanText(string(doc.Body))
	}
	if err != nil {
		return Article{}, err
	}
	if strings.TrimSpace(a.Text) == "" {
		return Article{}, ErrNoText
	}
	if a.URL == "" {
		a.URL = doc.URL
	}
	applyHints(&a, doc.Hints)
	if a.Outlet == "" && a.URL != "" {
		if host := outletFromURL(a.URL); host != "" {
			a.Outlet, a.OutletSource, a.OutletEvidence = host, "url", a.URL
		}
	}
	if a.Outlet == "" && a.pendingOutlet.name != "" {
		a.Outlet, a.OutletSource, a.OutletEvidence = a.pendingOutlet.name, a.pendingOutlet.source, a.pendingOutlet.evidence
	}
	a.pendingOutlet = textOutlet{}
	if a.Published.IsZero() && a.URL != "" {
		if t, ev, ok := urlDate(a.URL, time.Now()); ok {
			a.Published, a.PublishedSource, a.PublishedEvidence = t, "url", ev
		}
	}
	if a.Published.IsZero() {
		estimatePublished(&a)
	}
	// The language: the container's, else the text's own words, else
	// go-trafilatura's guess for an HTML page. The analysis goes by the
	// text's words first as well (analyse.AnnotateArticle), so asking the
	// costlier whatlanggo guess only when they say nothing changes no
	// analysed article's language.
	if a.Language == "" {
		a.Language = a.TextLanguage()
	}
	if a.Language == "" && a.pendingLang != nil {
		a.Language = a.pendingLang.GuessLanguage()
	}
	a.pendingLang = nil
	return a, nil
}

// cleanHTML extracts the body and then applies the plain-text rules to it,
// so captions, credits and trailers inside the extracted text are handled
// the same way.
func cleanHTML(doc ingest.Document) (Article, error) {
	ex, err := ExtractHTML(doc.Body, doc.URL)
	if err != nil {
		return Article{}, err
	}
	a := cleanBody(ex.Text, false)
	a.Title = strings.TrimSpace(ex.Title)
	a.Authors = append(a.Authors, ex.Authors...)
	a.Summary = strings.TrimSpace(ex.Description)
	if s := strings.TrimSpace(ex.Sitename); s != "" && !strings.Contains(s, "://") {
		a.Outlet, a.OutletSource, a.OutletEvidence = s, "site_name", s
	}
	if !ex.Date.IsZero() {
		a.Published, a.PublishedSource, a.PublishedEstimated = ex.Date.UTC(), "html", false
	}
	a.pendingLang = &ex
	return a, nil
}

// applyHints lets metadata from the container (feed, JSON Lines) override
// what the cleaner guessed.
func applyHints(a *Article, h ingest.Hints) {
	if h.Title != "" {
		a.Title = h.Title
	}
	if h.Outlet != "" {
		a.Outlet, a.OutletSource, a.OutletEvidence = h.Outlet, "metadata", h.Outlet
	}
	if len(h.Authors) > 0 {
		a.Authors = h.Authors
	}
	if !h.Published.IsZero() {
		a.Published, a.PublishedSource, a.PublishedEstimated, a.PublishedEvidence = h.Published.UTC(), "metadata", false, ""
	}
	if h.Language != "" {
		a.Language = strings.ToLower(strings.SplitN(h.Language, "-", 2)[0])
	}
	if a.Summary == "" && h.Summary != "" {
		a.Summary = h.Summary
	}
	a.Authors = dedupe(a.Authors)
}

// outletFromURL names the site by its host without "www." — the registrable
// name a reader recognises (bbc.co.uk, reuters.com).
func outletFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "www1.", "www2.", "m.", "amp.", "mobile."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0:0]
	for _, x := range xs {
		x = strings.TrimSpace(x)
		k := strings.ToLower(x)
		if x == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}

// textLanguage is Language's answer for one title and text.
type textLanguage struct {
	title, text, lang string
	ok                bool
}

// TextLanguage returns Language(a.Title + "\n" + a.Text): what the text's
// own words say its language is. Cleaning asks it when the container
// names no language and the analysis asks it of every article
// (analyse.AnnotateArticle); the answer is kept on the article, so the
// text is read once, and read again only if the title or text changed
// since (comparing a string with itself costs no reading).
func (a *Article) TextLanguage() string {
	m := &a.textLang
	if m.ok && m.title == a.Title && m.text == a.Text {
		return m.lang
	}
	l := Language(a.Title + "\n" + a.Text)
	*m = textLanguage{title: a.Title, text: a.Text, lang: l, ok: true}
	return l
}
