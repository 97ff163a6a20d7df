package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the plain-text rules: title, byline, captions, datelines,
// chrome lines (navigation, share and comment prompts), sign-offs and
// trailers. They also run on text extracted from HTML.

// textOutlet is an outlet named by the text itself, kept apart so that
// metadata, site names and URLs take precedence over it.
type textOutlet struct{ name, source, evidence string }

// textRank orders the text rules: a copyright line beats a promotional
// trailer, which beats a dateline's wire credit. Photo credits and agency
// sign-offs are not here: they name who took a picture or whose copy the
// article used, not who published it (they are kept as Credits).
var textRank = map[string]int{"copyright": 6, "trailer": 5, "dateline": 3}

func (t *textOutlet) offer(name, source, evidence string) {
	name = strings.TrimSpace(strings.Trim(name, ".,;: "))
	if name == "" || utf8.RuneCountInString(name) > 60 || textRank[source] == 0 {
		return
	}
	if t.name == "" || textRank[source] > textRank[t.source] {
		*t = textOutlet{name, source, strings.TrimSpace(evidence)}
	}
}

// cleanText cleans a plain-text article; the first line becomes the title
// when it looks like a headline.
func cleanText(s string) Article {
	a, to := cleanBodyOutlet(s, true)
	a.pendingOutlet = to
	return a
}

// cleanBody applies the text rules to s (already known to be the body when
// plain is false: no title is taken from it).
func cleanBody(s string, plain bool) Article {
	a, to := cleanBodyOutlet(s, plain)
	a.pendingOutlet = to
	return a
}

func cleanBodyOutlet(s string, plain bool) (Article, textOutlet) {
	var a Article
	var to textOutlet
	paras := paragraphs(s)

	// Chrome, captions and sign-offs anywhere; collect evidence as we go.
	kept := paras[:0:0]
	// A text of one paragraph is a feed item's headline or summary: the
	// caption, sign-off and trailer rules judge a paragraph by what
	// surrounds it, and would drop a headline that ends in a ticker
	// "(INTC)" or names an app, leaving no text at all.
	alone := len(paras) == 1
	for i, p := range paras {
		last := i >= len(paras)-3 && !alone
		switch {
		case isChrome(p):
			if m := reFollow.FindStringSubmatch(p); m != nil && looksLikeName(m[1]) {
				a.Authors = append(a.Authors, m[1])
			}
			continue
		case !alone && isCaption(p):
			a.Captions = append(a.Captions, p)
			if c := captionCredit(p); c != "" {
				a.Credits = append(a.Credits, Credit{Name: c, Kind: CreditPhoto})
			}
			continue
		case last && signoff(p, &a, &to):
			continue
		case last && trailer(p, &to):
			continue
		}
		kept = append(kept, p)
	}
	paras = kept

	// Title, then the header zone: byline, author location, date line. A
	// text of one paragraph is the body, not a title over nothing: a feed
	// item without a body carries its headline as its text.
	if plain && len(paras) > 1 && looksLikeHeadline(paras[0]) {
		a.Title = paras[0]
		paras = paras[1:]
	}
	kept = paras[:0:0]
	for i, p := range paras {
		if i < 5 {
			if m := reBy.FindStringSubmatch(p); m != nil {
				a.Authors = append(a.Authors, splitNames(m[1])...)
				continue
			}
			if t, ok := dateLine(p); ok && a.Published.IsZero() {
				a.Published, a.PublishedSource, a.PublishedEvidence = t, "text", p
				continue
			}
			if i < 4 && looksLikeName(p) && i+1 < len(paras) {
				a.Authors = append(a.Authors, p)
				if i+1 < len(paras) && reLocation.MatchString(paras[i+1]) {
					paras[i+1] = "" // the author's base, not article text
				}
				continue
			}
		}
		if p != "" {
			kept = append(kept, p)
		}
	}
	paras = kept

	// Dateline and glued date at the start of the first body paragraph.
	for i := 0; i < len(paras) && i < 3; i++ {
		p := paras[i]
		if t, rest, ev, ok := leadingDate(p); ok {
			if a.Published.IsZero() {
				a.Published, a.PublishedSource, a.PublishedEvidence = t, "dateline", ev
			}
			paras[i] = rest
			p = rest
		}
		if m := reDateline.FindStringSubmatchIndex(p); m != nil {
			a.Dateline = strings.TrimSpace(p[m[2]:m[3]])
			if m[4] >= 0 {
				agency := p[m[4]:m[5]]
				a.Credits = append(a.Credits, Credit{Name: agency, Kind: CreditWire})
				to.offer(agency, "dateline", p[:m[1]])
			}
			paras[i] = p[m[1]:]
			break
		}
		if len(p) > 200 {
			break
		}
	}
	a.Text = strings.Join(paras, "\n\n")
	a.Authors = dedupe(a.Authors)
	a.Credits = dedupeCredits(a.Credits)
	return a, to
}

// paragraphs splits text into trimmed, non-empty paragraphs. Lines are
// paragraphs, unless the text is hard-wrapped (blank lines between blocks of
// short lines that do not end sentences), in which case blocks are joined.
func paragraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	lines := strings.Split(s, "\n")
	if hardWrapped(lines) {
		var out []string
		var cur []string
		flush := func() {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, " "))
				cur = cur[:0]
			}
		}
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if l == "" {
				flush()
				continue
			}
			cur = append(cur, l)
		}
		flush()
		return out
	}
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(strings.TrimLeft(l, "•·▪◦")); l != "" {
			out = append(out, collapseSpace(l))
		}
	}
	return out
}

func hardWrapped(lines []string) bool {
	blank, wrapped, n := 0, 0, 0
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			blank++
			continue
		}
		n++
		next := ""
		if i+1 < len(lines) {
			next = strings.TrimSpace(lines[i+1])
		}
		if len(l) >= 40 && len(l) <= 100 && next != "" && !strings.ContainsAny(l[len(l)-1:], ".!?\"”’:") {
			wrapped++
		}
	}
	return blank > 0 && n >= 4 && wrapped*3 >= n
}

// collapseSpace replaces each run of spaces and tabs with one space (the
// regexp `[ \t]+` did it at ≈ 2 % of the ingest's CPU; a line that has no
// tab and no double space, most of them, is returned as it is).
func collapseSpace(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if s[i] == '\t' || s[i] == ' ' && i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		if c := s[i]; c != ' ' && c != '\t' {
			b = append(b, c)
			i++
			continue
		}
		b = append(b, ' ')
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
	}
	return string(b)
}

var (
	reChrome = regexp.MustCompile(`(?i)^(?:skip to (?:main )?content|skip navigation|advertisement|advertising|sponsored(?: content)?|` +
		`this (?:story|article|post) is (?:over|more than) \w+ (?:years?|months?) old\.?|` +
		`share(?: this)?(?: article| story| on \w+)?|tweet|email|print|` +
		`(?:sign up|subscribe)\b.{0,100}|(?:related|recommended|most read|trending)(?: (?:stories|articles|content|topics))?:?|` +
		`(?:read|see) (?:more|also):?|` +
		`(?:click|tap) here\b.{0,100}|\d+ min(?:ute)?s? read|listen to (?:this|the) (?:article|story).{0,40}|` +
		`follow .{2,60} on (?:twitter|x|facebook|instagram|bluesky|threads|linkedin)\b.{0,60}|` +
		`.{0,80}\bcomment(?:s|ing)?\b.{0,60}(?:policy|section|issues|guidelines|below)\b.{0,40}|` +
		`(?:please )?(?:log ?in|sign in|register) to (?:comment|continue).{0,40}|` +
		`we use cookies.{0,200}|accept (?:all )?cookies)$`)
	reFollow   = regexp.MustCompile(`(?i)^follow (.{2,60}?) on \w+`)
	reBy       = regexp.MustCompile(`^(?:[Bb]y|BY)[: ]\s*([A-Z][^\n]{1,100})$`)
	reLocation = regexp.MustCompile(`^[A-Z][\p{L} .'-]{1,30}, [A-Z][\p{L} .'-]{1,30}$`)
	// reDateline: "MOSUL, Iraq (Reuters) — ", "WASHINGTON (AP) -- ", "BEIRUT — ".
	reDateline = regexp.MustCompile(`^((?:\p{Lu}[\p{Lu} .'-]{2,40}|\p{Lu}[\p{L}.'-]{1,20}(?: \p{Lu}[\p{L}.'-]{1,20}){0,2})(?:, \p{Lu}[\p{L} .'-]{1,30})?)\s*(?:\(([^()]{2,30})\))?\s*(?:—|–|--|-)\s+`)
	// Captions: a photo credit in parentheses at the end, or a label such
	// as "TOPSHOT -", "FILE PHOTO:", "Photo:".
	reCaptionCredit = regexp.MustCompile(`\(((?:[\p{L}.&' ]{1,30}(?:Photo|Images|Pictures|Photography|Pool)(?:/[^()]{1,40})?)|(?:Photo|Image|Picture|Credit)s?:? [^()]{1,40}|[A-Z][A-Za-z]{1,10}(?:/[^()]{1,40})?)\)\s*$`)
	reCaptionLabel  = regexp.MustCompile(`^(?:TOPSHOT|FILE PHOTO|FILE|PHOTO|IMAGE|PICTURED|IN PICTURES)\s*[-:–—]\s|^(?:Photo|Image|Picture|Caption|Pictured)(?: credit)?:\s`)
	reSignoff       = regexp.MustCompile(`^(?:[a-z]{1,4}(?:/[a-z]{1,4})+\s*)?\(([^()]{2,120})\)\.?$`)
	reReporting     = regexp.MustCompile(`(?i)^\(?(?:additional )?reporting by ([^;)]+)`)
	reCopyright     = regexp.MustCompile(`(?i)^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(.+?)(?:\.?\s*all rights reserved\.?)?$`)
	reReadMore      = regexp.MustCompile(`(?i)^(?:read more (?:at|on)|(?:this (?:article|story) )?(?:was )?(?:first |originally )?(?:appeared|published) (?:on|in|at)|source:)\s+(.{2,60}?)\.?$`)
	rePromo         = regexp.MustCompile(`(?i)\b(?:terminal|app|newsletter|subscribe|subscription|download|sign up|podcast|premium|follow us|get the)\b`)
	reBrand         = regexp.MustCompile(`\b[A-Z][\p{L}&'.-]*(?:\s+[A-Z][\p{L}&'.-]*)*`)
	reAgencyList    = regexp.MustCompile(`^[\p{L}.&' -]{2,30}(?:\s*(?:,|and|&)\s*[\p{L}.&' -]{2,30})*$`)
)

// dedupeCredits drops repeated credits (same name and kind), keeping the
// first-seen order.
func dedupeCredits(cs []Credit) []Credit {
	var out []Credit
	seen := map[Credit]bool{}
	for _, c := range cs {
		if c.Name != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

func isChrome(p string) bool { return len(p) < 300 && reChrome.MatchString(p) }

func isCaption(p string) bool {
	if len(p) > 400 {
		return false
	}
	// Both patterns are anchored: a label starts with one of these capitals,
	// a credit ends with ")" before trailing white space (\s); most
	// paragraphs are neither, and are let go without running the regexps.
	if p != "" && strings.IndexByte("TFPIC", p[0]) >= 0 && reCaptionLabel.MatchString(p) {
		return true
	}
	if !strings.HasSuffix(strings.TrimRight(p, "\t\n\f\r "), ")") {
		return false
	}
	m := reCaptionCredit.FindStringSubmatch(p)
	if m == nil {
		return false
	}
	// "(AFP)" alone may also close a real sentence; a caption has no
	// sentence end before the credit.
	body := strings.TrimSpace(p[:len(p)-len(m[0])])
	if body == "" {
		return false
	}
	return strings.Contains(m[1], "Photo") || strings.Contains(m[1], "Image") || strings.Contains(m[1], "/") ||
		!strings.ContainsAny(body[len(body)-1:], "\"”")
}

// captionCredit returns the agency named in a photo credit: "AP" from
// "(AP Photo/Cliff Owen)", "AFP" from "(AFP)".
func captionCredit(p string) string {
	m := reCaptionCredit.FindStringSubmatch(p)
	if m == nil {
		return ""
	}
	c := m[1]
	if i := strings.IndexByte(c, '/'); i >= 0 {
		c = c[:i]
	}
	for _, w := range []string{" Photo", " Images", " Pictures", " Photography", " Pool"} {
		c = strings.TrimSuffix(c, w)
	}
	if strings.HasPrefix(c, "Photo") || strings.HasPrefix(c, "Image") || strings.HasPrefix(c, "Credit") || strings.HasPrefix(c, "Picture") {
		return ""
	}
	return strings.TrimSpace(c)
}

// signoff recognises end-of-article credit lines: "aw/rc (AFP, Reuters)",
// "(Reporting by …; Editing by …)", copyright lines and "Read more at X".
func signoff(p string, a *Article, to *textOutlet) bool {
	if m := reReporting.FindStringSubmatch(p); m != nil && len(p) < 300 {
		a.Authors = append(a.Authors, splitNames(m[1])...)
		return true
	}
	if len(p) < 200 {
		if m := reCopyright.FindStringSubmatch(p); m != nil {
			to.offer(strings.TrimSuffix(strings.TrimSpace(m[1]), "."), "copyright", p)
			return true
		}
		if m := reReadMore.FindStringSubmatch(p); m != nil {
			to.offer(m[1], "copyright", p)
			return true
		}
	}
	m := reSignoff.FindStringSubmatch(p)
	if m == nil || !reAgencyList.MatchString(m[1]) {
		return false
	}
	for _, n := range splitNames(m[1]) {
		a.Credits = append(a.Credits, Credit{Name: n, Kind: CreditSources})
	}
	return true
}

// trailer recognises a promotional last line naming the site's own product,
// e.g. "Get the Example Daily app": the brand is its capitalised name,
// without generic product words.
func trailer(p string, to *textOutlet) bool {
	if len(p) > 160 || strings.ContainsAny(p, "“”\"") || !rePromo.MatchString(p) {
		return false
	}
	for _, loc := range reBrand.FindAllStringIndex(p, -1) {
		if loc[0] == 0 {
			continue // sentence-initial capital says nothing
		}
		name := p[loc[0]:loc[1]]
		words := strings.Fields(name)
		for len(words) > 0 && genericProduct[strings.ToLower(strings.Trim(words[len(words)-1], ".,"))] {
			words = words[:len(words)-1]
		}
		if len(words) > 0 {
			to.offer(strings.Join(words, " "), "trailer", p)
			return true
		}
	}
	return false
}

var genericProduct = map[string]bool{"terminal": true, "app": true, "newsletter": true, "website": true, "site": true,
	"podcast": true, "premium": true, "plus": true, "digital": true, "edition": true, "online": true, "network": true, "daily": false}

// looksLikeHeadline: one short line, not ending like a sentence, starting
// with a capital or digit.
func looksLikeHeadline(p string) bool {
	n := utf8.RuneCountInString(p)
	if n < 4 || n > 250 || len(strings.Fields(p)) > 35 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘'", r) {
		return false
	}
	return !strings.HasSuffix(p, ".") || strings.HasSuffix(p, "...")
}

// looksLikeName: a bare byline — two to four capitalised words, allowing
// lower-case particles (al-, bin, de, van).
func looksLikeName(p string) bool {
	words := strings.Fields(p)
	if len(words) < 2 || len(words) > 4 || len(p) > 50 {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
		case nameParticle[strings.ToLower(w)] || strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-"):
		default:
			return false
		}
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune(":;!?,()\"“”", r) }) >= 0 {
			return false
		}
	}
	return caps >= 2
}

var nameParticle = map[string]bool{"al": true, "bin": true, "ibn": true, "de": true, "da": true, "van": true, "von": true, "der": true, "la": true, "le": true, "du": true, "dos": true}

// splitNames splits "A, B and C" / "A; B" into names.
func splitNames(s string) []string {
	s = strings.NewReplacer(" and ", ",", " & ", ",", ";", ",").Replace(s)
	var out []string
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(strings.Trim(part, ".() "))
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}
