package clean

// This file holds article-body extraction: HTML page in, main text and the
// metadata go-trafilatura found out. Choices (measured with `sitrep eval
// extract` and TestExtractConfigs on the two gold sets in ../shared/eval;
// settings decided on the trafilatura set, then measured on Zyte):
//   - charset: bytes that are valid UTF-8 are read as UTF-8; otherwise the
//     encoding comes from the BOM or <meta charset>/http-equiv, else
//     windows-1252 (golang.org/x/net/html/charset.DetermineEncoding); the
//     text is NFC-normalised and soft hyphens removed. This replaces
//     go-trafilatura's statistical chardet pass over every page (same
//     scores, less CPU);
//   - go-trafilatura (sitrep's patched copy, third_party/go-trafilatura:
//     the same text, less wasted work) with its readability /
//     dom-distiller fallback (+0.009 F1 on the trafilatura set, -0.002 on
//     Zyte), balanced focus, comments
//     excluded, tables kept, publish-date search in Fast mode (the text is
//     unchanged; Extensive mode, the default with fallback, costs CPU, and
//     dates are the date module's job);
//   - the text is rendered from the extracted tree, not from trafilatura's
//     one-line ContentText: block elements become paragraphs separated by a
//     blank line, <br> a single newline, inline elements join without an
//     inserted space;
//   - general clean-ups: a first paragraph repeating the title is dropped
//     (Title carries the headline), bare-URL paragraphs are dropped, and
//     trailing call-to-action sentences (share/follow/subscribe/newsletter/
//     click here …) are cut.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/go-shiori/dom"
	trafilatura "github.com/sitrep/sitrep/third_party/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Extraction is the main content of one HTML page, plus the metadata
// trafilatura found.
type Extraction struct {
	// Text is the main text: paragraphs separated by one blank line
	// ("\n\n"), line breaks inside a paragraph kept as "\n", other runs of
	// whitespace collapsed to one space; no leading or trailing whitespace.
	Text        string
	Title       string
	Authors     []string
	Sitename    string
	Date        time.Time // zero when none found
	Description string

	// langText is what go-trafilatura's language guess reads: its one-line
	// text of the body, or of the comments when those are longer.
	langText string
}

// GuessLanguage is go-trafilatura's language guess for the page (whatlanggo
// over its text of the body, ISO 639-1; "" when it finds none). It is
// computed on request: the clean stage asks only when its own guess has
// nothing to say, and the guess costs about as much CPU as the rest of the
// metadata.
func (ex Extraction) GuessLanguage() string {
	return whatlanggo.DetectLang(ex.langText).Iso6391()
}

// extractLangText picks the text go-trafilatura's languageClassifier reads.
func extractLangText(res *trafilatura.ExtractResult) string {
	if utf8.RuneCountInString(res.CommentsText) > utf8.RuneCountInString(res.ContentText) {
		return res.CommentsText
	}
	return res.ContentText
}

// ErrExtractEmpty is returned when a page has no HTML or no main text.
var ErrExtractEmpty = errors.New("clean: no main text found")

// extractConfig are the go-trafilatura settings sitrep uses; kept in one
// place so evaluations and benchmarks compare exactly what ExtractHTML runs.
type extractConfig struct {
	fallback        bool
	focus           trafilatura.ExtractionFocus
	excludeComments bool
	excludeTables   bool
	ownCharset      bool // decode and parse ourselves instead of trafilatura.Extract's chardet
	ownRender       bool // render Text from ContentNode instead of ContentText
	dateMode        trafilatura.HtmlDateMode
	dropTitle       bool   // drop a first paragraph that repeats the title
	dropURLs        bool   // drop paragraphs that are a bare URL
	dropCTA         bool   // drop trailing call-to-action sentences
	prune           string // CSS selector of nodes removed before extraction
	// fallbackGate, with fallback on: the external extractors (readability,
	// dom-distiller) run only when trafilatura's own text is shorter than
	// this many characters; 0 runs them on every page.
	fallbackGate int
	// run replaces go-trafilatura's ExtractDocument when set: a test runs
	// the unpatched upstream module through it to compare the two page by
	// page.
	run func(*html.Node, trafilatura.Options) (*trafilatura.ExtractResult, error)
}

var extractDefaultConfig = extractConfig{
	fallback:        true,
	focus:           trafilatura.Balanced,
	excludeComments: true,
	excludeTables:   false,
	ownCharset:      true,
	ownRender:       true,
	dateMode:        trafilatura.Fast,
	dropTitle:       true,
	dropURLs:        true,
	dropCTA:         true,
}

// ExtractHTML extracts the main text and metadata of page, an HTML document
// fetched from pageURL (which may be empty). It returns ErrExtractEmpty (wrapped)
// for empty or non-HTML input and when no main text is found, and an error,
// never a panic, when the extractor fails.
func ExtractHTML(page []byte, pageURL string) (Extraction, error) {
	return extractWith(page, pageURL, extractDefaultConfig)
}

func extractWith(page []byte, pageURL string, cfg extractConfig) (ex Extraction, err error) {
	if !extractLooksLikeHTML(page) {
		return Extraction{}, fmt.Errorf("%w: input is empty or not HTML", ErrExtractEmpty)
	}
	defer func() {
		if r := recover(); r != nil {
			ex, err = Extraction{}, fmt.Errorf("clean: extractor panicked: %v", r)
		}
	}()
	opts := trafilatura.Options{
		EnableFallback:  cfg.fallback,
		Focus:           cfg.focus,
		ExcludeComments: cfg.excludeComments,
		ExcludeTables:   cfg.excludeTables,
		HtmlDateMode:    cfg.dateMode,
		PruneSelector:   cfg.prune,
		SkipLanguage:    true,
		SkipTaxonomy:    true,
	}
	if u, perr := nurl.ParseRequestURI(pageURL); pageURL != "" && perr == nil {
		opts.OriginalURL = u
	}
	var res *trafilatura.ExtractResult
	if cfg.ownCharset {
		doc, perr := html.Parse(extractDecode(page))
		if perr != nil {
			return Extraction{}, fmt.Errorf("clean: parse HTML: %w", perr)
		}
		extractKeepTails(doc)
		res, err = extractDocument(doc, opts, cfg)
	} else {
		// go-trafilatura's own Extract: its parser and charset detection.
		var doc *html.Node
		if doc, err = dom.Parse(bytes.NewReader(page)); err == nil {
			res, err = extractDocument(doc, opts, cfg)
		}
	}
	if err != nil {
		return Extraction{}, fmt.Errorf("clean: extract: %w", err)
	}
	if res == nil {
		return Extraction{}, ErrExtractEmpty
	}
	text := res.ContentText
	if cfg.ownRender && res.ContentNode != nil {
		text = extractRender(res.ContentNode)
	}
	text = extractPostprocess(strings.TrimSpace(text), res.Metadata.Title, cfg)
	if text == "" {
		return Extraction{}, ErrExtractEmpty
	}
	m := res.Metadata
	return Extraction{
		Text:        text,
		Title:       m.Title,
		Authors:     extractSplitAuthors(m.Author),
		Sitename:    m.Sitename,
		Date:        m.Date,
		Description: m.Description,
		langText:    extractLangText(res),
	}, nil
}

// extractDocument runs go-trafilatura on doc (which the patched copy may
// change: sitrep parses every page afresh and reads nothing of it after).
// With cfg.fallbackGate set, a first pass, on a copy, hands it empty fallback candidates, so readability and dom-distiller do
// not run but the rest of the pipeline (the fallback comparison's final
// clean-up included) is exactly the fallback one; when that text is long
// enough it is the result, else a second pass runs the external extractors.
func extractDocument(doc *html.Node, opts trafilatura.Options, cfg extractConfig) (*trafilatura.ExtractResult, error) {
	extractRun := trafilatura.ExtractDocument
	if cfg.run != nil {
		extractRun = cfg.run
	}
	if !cfg.fallback || cfg.fallbackGate <= 0 {
		return extractRun(doc, opts)
	}
	first := opts
	first.FallbackCandidates = &trafilatura.FallbackCandidates{
		Readability: &html.Node{Type: html.ElementNode, Data: "div"},
		Distiller:   &html.Node{Type: html.ElementNode, Data: "div"},
	}
	res, err := extractRun(dom.Clone(doc, true), first)
	if err == nil && res != nil && utf8.RuneCountInString(res.ContentText) >= cfg.fallbackGate {
		return res, nil
	}
	return extractRun(doc, opts)
}

// extractLooksLikeHTML rejects empty input and input that is clearly not
// markup (no '<' in the first 64 KiB, or over 1% NUL bytes there as in
// binaries).
func extractLooksLikeHTML(page []byte) bool {
	head := page
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if len(bytes.TrimSpace(head)) == 0 || bytes.IndexByte(head, '<') < 0 {
		return false
	}
	// UTF-16 pages carry NULs; let the decoder handle them when they have a BOM.
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return true
	}
	// Binary formats are full of NULs; a stray NUL in a real page is not.
	return bytes.Count(head, []byte{0}) <= len(head)/100
}

// extractDecode returns page as UTF-8, NFC-normalised, without soft hyphens.
// A page that is already all three (most are) is read as it is, without the
// transform chain.
func extractDecode(page []byte) io.Reader {
	var dec transform.Transformer = transform.Nop
	bom16 := bytes.HasPrefix(page, []byte{0xFF, 0xFE}) || bytes.HasPrefix(page, []byte{0xFE, 0xFF})
	valid := utf8.Valid(page)
	if valid && !bom16 && !bytes.Contains(page, extractSoftHyphen) && norm.NFC.IsNormal(page) {
		return bytes.NewReader(page)
	}
	if !valid || bom16 {
		enc, _, _ := charset.DetermineEncoding(page, "")
		dec = enc.NewDecoder()
	}
	t := transform.Chain(dec, norm.NFC, runes.Remove(runes.Predicate(func(r rune) bool { return r == '\u00AD' })))
	return transform.NewReader(bytes.NewReader(page), t)
}

// extractSoftHyphen is U+00AD in UTF-8.
var extractSoftHyphen = []byte{0xC2, 0xAD}

// extractSplitAuthors splits trafilatura's "A; B" author string.
func extractSplitAuthors(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ";") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// extractInline are the elements rendered inside the surrounding paragraph;
// every other element starts and ends a paragraph (unknown tags included,
// so that text from two blocks is never glued together).
var extractInline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "big": true,
	"cite": true, "code": true, "data": true, "del": true, "dfn": true,
	"em": true, "font": true, "i": true, "ins": true, "kbd": true,
	"label": true, "mark": true, "q": true, "s": true, "samp": true,
	"small": true, "span": true, "strike": true, "strong": true, "sub": true,
	"sup": true, "time": true, "tt": true, "u": true, "var": true, "wbr": true,
	"hi": true, "ref": true,
	// Table cells stay on their row's line, separated by a space.
	"td": true, "th": true,
}

// extractEmbedded are the elements trafilatura removes from the page
// (its tagsToClean) that sit inside a paragraph's text: an inline chart
// (<svg>), a player (<iframe>, <video>), a form control. Trafilatura drops
// the text that follows such an element in its parent along with it (the
// rest of the sentence and every later sentence of the paragraph), so they
// are removed here first, which leaves that text in place.
var extractEmbedded = map[string]bool{
	"svg": true, "iframe": true, "embed": true, "object": true, "applet": true, "audio": true, "video": true,
	"canvas": true, "picture": true, "map": true, "math": true, "button": true, "input": true, "select": true,
	"textarea": true, "datalist": true, "output": true, "progress": true,
}

// extractKeepTails removes the embedded elements of the page's body that
// text follows and unwraps such <time> elements (trafilatura would remove
// them, words and following text with them: "met on <time>Monday</time> to
// discuss").
func extractKeepTails(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.Data == "head" {
			c = next
			continue
		}
		extractKeepTails(c)
		// Only where text follows in the same parent: elsewhere trafilatura
		// removes the element with nothing lost (and a <time> alone in its
		// line, a dateline, stays out of the text).
		if c.Type == html.ElementNode && next != nil && next.Type == html.TextNode && strings.TrimSpace(next.Data) != "" {
			switch {
			case extractEmbedded[c.Data]:
				n.RemoveChild(c)
			case c.Data == "time":
				for k := c.FirstChild; k != nil; {
					kn := k.NextSibling
					c.RemoveChild(k)
					n.InsertBefore(k, c)
					k = kn
				}
				n.RemoveChild(c)
			}
		}
		c = next
	}
}

// extractRender turns the extracted tree into text: paragraphs separated by
// "\n\n", <br> as "\n", whitespace runs collapsed to one space.
func extractRender(root *html.Node) string {
	var r extractRenderer
	r.walk(root)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

type extractRenderer struct {
	paras []string
	cur   strings.Builder
	space bool // a space is pending before the next visible character
	nl    bool // cur ends with a line break
}

func (r *extractRenderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		switch n.Data {
		case "script", "style", "noscript", "template", "head":
			return
		case "br":
			r.newline()
			return
		case "td", "th":
			r.space = r.cur.Len() > 0
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && !extractInline[n.Data]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.flush()
	} else if n.Data == "td" || n.Data == "th" {
		r.space = r.cur.Len() > 0
	}
}

func (r *extractRenderer) text(s string) {
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\u200B' {
			if c != '\u200B' && r.cur.Len() > 0 && !r.nl {
				r.space = true
			}
			continue
		}
		if r.space {
			r.cur.WriteByte(' ')
			r.space = false
		}
		r.cur.WriteRune(c)
		r.nl = false
	}
}

// newline handles <br>: a line break inside the paragraph, or, for a
// second <br> in a row, the end of the paragraph.
func (r *extractRenderer) newline() {
	switch {
	case r.nl:
		r.flush()
	case r.cur.Len() > 0:
		r.cur.WriteByte('\n')
		r.nl = true
	}
	r.space = false
}

func (r *extractRenderer) flush() {
	p := strings.TrimSpace(r.cur.String())
	if p != "" {
		r.paras = append(r.paras, p)
	}
	r.cur.Reset()
	r.space, r.nl = false, false
}

// extractPostprocess applies the general clean-ups chosen in cfg to the
// blank-line separated text.
func extractPostprocess(text, title string, cfg extractConfig) string {
	paras := strings.Split(text, "\n\n")
	if cfg.dropURLs {
		kept := paras[:0]
		for _, p := range paras {
			if !extractIsBareURL(p) {
				kept = append(kept, p)
			}
		}
		paras = kept
	}
	if cfg.dropTitle && len(paras) > 1 && extractRepeatsTitle(paras[0], title) {
		paras = paras[1:]
	}
	if cfg.dropCTA {
		paras = extractDropTrailingCTA(paras)
	}
	return strings.Join(paras, "\n\n")
}

// extractIsBareURL reports whether p is a single http(s) address.
func extractIsBareURL(p string) bool {
	p = strings.TrimSpace(p)
	return (strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")) && !strings.ContainsAny(p, " \n")
}

// extractRepeatsTitle reports whether paragraph p is the headline: its word
// tokens (case-folded) equal the title's, or one is a prefix of the other
// (titles often carry a " | Site" or ": kicker" part the heading lacks, or
// the reverse) with at least 4 tokens in common and p no longer than 40.
func extractRepeatsTitle(p, title string) bool {
	pt, tt := extractWords(p), extractWords(title)
	if len(pt) == 0 || len(tt) == 0 || len(pt) > 40 {
		return false
	}
	short, long := pt, tt
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < len(long) && len(short) < 4 {
		return false
	}
	for i := range short {
		if short[i] != long[i] {
			return false
		}
	}
	return true
}

// extractWords returns the lower-cased runs of letters and digits of s.
func extractWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// extractCTA matches sentences that invite the reader to act on the page
// rather than inform: share/follow/subscribe prompts, newsletter and app
// plugs, "click here", in English and German (the commonest languages of
// the evaluation sets; the patterns are generic, not site names).
var extractCTA = regexp.MustCompile(`(?i)(` +
	`\b(share|like) (this|it|the) (story|article|post)|share (it )?with (a|your) friends?|` +
	`\bfollow (us|me|him|her|them)\b.{0,40}\b(on|at)\b|` +
	`\bsubscribe\b|\bsign up\b|\bnewsletters?\b|\bclick here\b|\bdownload (our|the) app|` +
	`\bget (the latest|our) |\bread more\b|\bmore information\b|` +
	`\bfolgen sie uns\b|\bnewsletter abonnieren\b|\bjetzt abonnieren\b|\bteilen sie (diesen|den) artikel\b|\bhier klicken\b|\bmehr zum thema\b` +
	`)`)

// extractSentenceEnd splits a paragraph after ., ! or ? followed by a space.
var extractSentenceEnd = regexp.MustCompile(`[.!?…]["'”’)]*\s+`)

// extractDropTrailingCTA removes call-to-action sentences from the end of
// the text (at most the last 3 paragraphs are examined; a sentence longer
// than 30 words is never removed and stops the scan).
func extractDropTrailingCTA(paras []string) []string {
	for n := 0; n < 3 && len(paras) > 1; n++ {
		last := paras[len(paras)-1]
		sents := extractSplitSentences(last)
		cut := len(sents)
		for cut > 0 {
			s := sents[cut-1]
			if len(strings.Fields(s)) > 30 || !extractCTA.MatchString(s) {
				break
			}
			cut--
		}
		if cut == len(sents) {
			break
		}
		if cut > 0 {
			paras[len(paras)-1] = strings.TrimSpace(strings.Join(sents[:cut], ""))
			break
		}
		paras = paras[:len(paras)-1]
	}
	return paras
}

// extractSplitSentences cuts p into sentences, each keeping its end
// punctuation and following whitespace so that joining restores p.
func extractSplitSentences(p string) []string {
	var out []string
	start := 0
	for _, m := range extractSentenceEnd.FindAllStringIndex(p, -1) {
		out = append(out, p[start:m[1]])
		start = m[1]
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}
