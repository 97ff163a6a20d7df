package clean

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/timex"
)

// This file finds publication dates in text: a date line in the header, a
// date glued to the first paragraph, and — failing those — an estimate from
// the absolute dates the article mentions. A fuller time-expression grammar
// lives in the analysis stage; here only unambiguous calendar dates count.

const monthAlt = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

var (
	reMDY = regexp.MustCompile(`\b` + monthAlt + `\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`)
	reDMY = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)? ` + monthAlt + `\.?,? (\d{4})\b`)
	reISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// A date line: optional label, a date, optional time and zone.
	reDateLine = regexp.MustCompile(`(?i)^(?:(?:published|updated|posted|last updated|date)(?: on)?:?\s*)?` +
		`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?` +
		`(?:` + monthAlt + `\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? ` + monthAlt + `\.?,? \d{4}|\d{4}-\d{2}-\d{2})` +
		`(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s*GMT[+-]?\d*)?)?\.?$`)
	reLeadingDate = regexp.MustCompile(`^(?:` + monthAlt + `\.? \d{1,2},? \d{4}|\d{1,2} ` + monthAlt + ` \d{4})`)
)

var monthNum = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

func month(s string) time.Month { return monthNum[strings.ToLower(s[:3])] }

func mkDate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

// firstDate parses the first calendar date with a year in s.
func firstDate(s string) (time.Time, bool) {
	type hit struct {
		at int
		t  time.Time
	}
	var best *hit
	try := func(at int, t time.Time, ok bool) {
		if ok && (best == nil || at < best.at) {
			best = &hit{at, t}
		}
	}
	if m := reMDY.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		t, ok := mkDate(y, int(month(s[m[2]:m[3]])), d)
		try(m[0], t, ok)
	}
	if m := reDMY.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		t, ok := mkDate(y, int(month(s[m[4]:m[5]])), d)
		try(m[0], t, ok)
	}
	if m := reISO.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		t, ok := mkDate(y, mo, d)
		try(m[0], t, ok)
	}
	if best == nil {
		return time.Time{}, false
	}
	return best.t, true
}

// dateLine recognises a header line that is only a date ("Published
// October 25, 2016 10:32 AM").
func dateLine(p string) (time.Time, bool) {
	if len(p) > 80 || !reDateLine.MatchString(p) {
		return time.Time{}, false
	}
	return firstDate(p)
}

// leadingDate splits a date glued to the start of a paragraph, as some
// sites' text exports have it ("October 25, 2016The siege …").
func leadingDate(p string) (t time.Time, rest, evidence string, ok bool) {
	loc := reLeadingDate.FindStringIndex(p)
	if loc == nil {
		return time.Time{}, p, "", false
	}
	t, ok = firstDate(p[:loc[1]])
	if !ok {
		return time.Time{}, p, "", false
	}
	return t, strings.TrimLeft(p[loc[1]:], " ,.-–—|:"), p[:loc[1]], true
}

// estimatePublished sets an estimated publication date from the time
// expressions of the article's own text (timex.EstimatePublication: a
// month-day tied to a year the text states, moved on by the weekdays the
// text names), or nothing when the text does not support a day. Captions
// come first: they usually sit at the top and carry full dates.
func estimatePublished(a *Article) {
	text := a.Title + "\n" + strings.Join(a.Captions, "\n") + "\n" + a.Text
	e, ok := timex.EstimatePublication(text)
	if !ok {
		return
	}
	var ev []string
	for _, x := range e.Evidence {
		if len(ev) < 6 {
			ev = append(ev, x.Text)
		}
	}
	a.Published = e.Date
	a.PublishedEstimated = true
	a.PublishedSource = "estimated"
	rng := "on or after " + e.Date.Format("2006-01-02")
	if !e.Latest.IsZero() {
		rng = "between " + e.Date.Format("2006-01-02") + " and " + e.Latest.Format("2006-01-02")
	}
	a.PublishedEvidence = fmt.Sprintf("%s, from %s", rng, strings.Join(ev, "; "))
}
