package timex

import (
	"fmt"
	"strings"
	"time"
)

// The grammar. Each rule is a pattern of token classes (upper case, see
// lexicon.go) and literal words (lower case, alternatives joined by '|');
// '?' marks an optional element, "=name" labels an element, and a label
// starting with '_' marks context that is matched but left out of the
// extent ("on|in=_p"). When several rules match at a token, the longest
// match wins; ties go to the earlier rule.
var grammar []*rule

// grammarGate tells quickly whether any grammar rule can start at a token.
var grammarGate *gate

// The grammar is built in init, after the token classes of lexicon.go are
// registered.
func init() {
	classes["TZ"] = func(toks []Token, i int) int {
		if toks[i].bits()&lexTZ != 0 {
			return 1
		}
		return 0
	}
	grammar = []*rule{
		// Absolute calendar dates.
		compileRule("weekday-month-day-year", "WEEKDAY COMMA?=c1 MONTH DAY COMMA?=c2 YEAR", normMonthDayYear),
		compileRule("month-day-year", "MONTH DAY COMMA? YEAR", normMonthDayYear),
		compileRule("day-month-year", "the? DAY of? MONTH COMMA? YEAR", normMonthDayYear),
		compileRule("weekday-month-day", "WEEKDAY COMMA? MONTH DAY", normMonthDay),
		compileRule("month-day", "MONTH DAY", normMonthDay),
		compileRule("day-month", "the? DAY of? MONTH", normMonthDay),
		compileRule("numeric-mdy", "DAY /=s1 DAY /=s2 YEAR", normNumericDate),
		compileRule("iso-date", "YEAR HYPHEN DAY=m HYPHEN=h2 DAY", normISODate),
		compileRule("month-year", "MONTH of? COMMA? YEAR", normMonthYear),
		compileRule("month-rel-year", "MONTH of? this|last|next=rel year", normMonthRelYear),
		compileRule("month", "MONTH", normMonth),
		compileRule("rel-month", "last|next|this|past=rel MONTH", normMonth),
		compileRule("year", "YEAR", normYear),
		compileRule("fiscal-year", "fiscal HYPHEN? YEAR", normYear),
		compileRule("decade", "the? APOS? DECADE", normDecade),
		compileRule("decade-word", "the nineties|eighties|seventies|sixties|fifties|forties|thirties|twenties=dw", normDecade),
		compileRule("century", "the? DAY=ord century", normCentury),
		compileRule("season-year", "SEASON of? YEAR", normSeason),
		compileRule("rel-season", "last|next|this|past|the=rel SEASON", normSeason),
		compileRule("in-season", "in|during|since|until|by=_p SEASON", normSeason),
		compileRule("holiday", "HOLIDAY YEAR?", normHoliday),
		compileRule("christmas", "christmas day|eve=which", normHoliday),

		// Weekdays and parts of days.
		compileRule("weekday", "WEEKDAY PART?", normWeekday),
		compileRule("rel-weekday", "last|next|this|past|coming=rel WEEKDAY PART?", normWeekday),
		compileRule("deictic-day", "earlier|late|later=el? today|yesterday|tomorrow=d PART?", normDeictic),
		compileRule("day-before", "the day before|after=ba yesterday|tomorrow=d", normDeictic),
		compileRule("tonight", "tonight", normDeictic),
		compileRule("this-part", "this|last=rel PART", normThisPart),

		// Clock times.
		compileRule("clock", "CLOCK AMPM TZ?", normClock),
		compileRule("clock-weekday", "CLOCK AMPM TZ? WEEKDAY", normClock),
		compileRule("oclock", "CLOCK o APOS clock", normClock),
		compileRule("noon", "noon|midnight|midday=nm", normClock),
		compileRule("noon-weekday", "noon|midnight|midday=nm WEEKDAY", normClock),
		compileRule("clock-date", "CLOCK AMPM TZ? MONTH DAY", normClock),

		// Present, past and future references.
		compileRule("present-ref", "now|currently|nowadays|presently=w", normRef),
		compileRule("current", "current", normRef),
		compileRule("at-present", "at=_p present=w", normRef),
		compileRule("these-days", "these days=w", normRef),
		compileRule("past-ref", "recently|lately|formerly=w", normRef),
		compileRule("recent-units", "recent=w UNIT", normRef),
		compileRule("the-past", "the past=w", normRef),
		compileRule("future-ref", "the near? future=w", normRef),
		compileRule("coming-units", "the? coming=w UNIT", normRef),

		// Calendar units relative to the DCT.
		compileRule("rel-unit", "the? last|past|previous|this|next|coming|current|latest|following|prior=rel fiscal? UNIT", normRelUnit),
		compileRule("earlier-this", "earlier|later=el this|last|next=rel UNIT", normRelUnit),
		compileRule("the-weekend", "the weekend", normWeekend),
		compileRule("the-quarter", "the latest? quarter|period=u", normTheQuarter),
		compileRule("year-ago", "the? year HYPHEN? earlier|ago=dir UNIT?=u", normYearAgo),
		compileRule("ago", "NUM HYPHEN? UNIT ago|earlier|later|from=dir now?=now", normAgo),
		compileRule("that-day", "that|the=d same? day|week|month|year=u", normThatDay),
		compileRule("the-day-before", "the day|week|month|year=u before|after=ba", normDayBefore),
		compileRule("quarter", "the? ORD HYPHEN? quarter|half=u of? fiscal? YEAR?", normQuarter),
		compileRule("end-of", "the end|beginning|start|middle=pos of the|this=the UNIT", normEndOf),

		// Durations.
		compileRule("duration", "the? past|last|next|first|coming|previous|following|final|initial=rel? NUM HYPHEN? UNIT", normDuration),
		compileRule("bare-units", "for|in|over|within=_p years|months|weeks|days|decades|hours|minutes=w", normBareUnits),
		compileRule("half-unit", "half a|an? UNIT", normHalf),
		compileRule("unit-long", "NUM? HYPHEN? UNIT HYPHEN=h2 long", normDuration),

		// Sets.
		compileRule("every-unit", "every|each=q other? NUM? UNIT", normSet),
		compileRule("every-weekday", "every|each=q WEEKDAY PART?", normSet),
		compileRule("every-part", "every|each=q PART", normSet),
		compileRule("every-month", "every|each=q MONTH", normSet),
		compileRule("adverb-set", "daily|weekly|monthly|yearly|annually|hourly|nightly=adv", normSet),
		compileRule("plural-weekday", "on=_p WEEKDAY=wds", normSet),
	}
	grammarGate = newGate(grammar)
	buildLexTable()
}

// ---- helpers -----------------------------------------------------------

func (c *context) tense(m *Match) int { return tenseAt(m.Toks, m.Start, m.End) }

func monthOf(m *Match) int {
	t, _ := m.Tok("MONTH")
	return months[t.Lower]
}

func dayOf(m *Match, l string) int {
	t, _ := m.Tok(l)
	n, _ := dayNumber(t.Lower)
	return n
}

func yearOf(m *Match) int {
	t, _ := m.Tok("YEAR")
	return atoi(t.Lower)
}

func validDay(y, mo, d int) bool {
	if mo < 1 || mo > 12 || d < 1 {
		return false
	}
	return date(y, mo, d).Month() == time.Month(mo)
}

// pickYear chooses the year of a month (and day, 0 for month precision)
// given without a year. An explicit year a few tokens earlier in the same
// sentence wins ("in July 1997 and again on March 12"). Otherwise each of
// the occurrences in the DCT's year and the years around it costs its
// distance from the DCT, and the tense penalises the wrong side: a
// past-tense clause makes later occurrences cost four times as much, a
// future-tense clause earlier ones; without a tense, later ones cost twice
// as much, since news mostly reports what has happened.
func (c *context) pickYear(mo, d int, dir int) (int, bool) {
	if c.sentYear != 0 && c.curStart-c.sentYearEnd <= 8 {
		return c.sentYear, true
	}
	if !c.hasDCT {
		return 0, false
	}
	c.anchored = true
	y0 := c.dct.Year()
	dm := int(c.dct.Month())
	best, bestCost := y0, 1e18
	for y := y0 - 1; y <= y0+1; y++ {
		var k float64 // distance, positive when after the DCT
		if d == 0 {
			k = float64((y*12 + mo) - (y0*12 + dm))
		} else {
			if !validDay(y, mo, d) {
				continue
			}
			k = date(y, mo, d).Sub(c.dct).Hours() / 24
		}
		cost := k
		if k < 0 {
			cost = -k
		}
		switch {
		case dir == tensePast && k > 0:
			cost *= 4
		case dir == tenseFuture && k < 0:
			cost *= 4
		case dir == tenseUnknown && k > 0:
			cost *= 2
		}
		if cost < bestCost {
			best, bestCost = y, cost
		}
	}
	return best, true
}

// ---- absolute dates ----------------------------------------------------

func normMonthDayYear(m *Match, c *context) (string, string, string, bool) {
	y, mo, d := yearOf(m), monthOf(m), dayOf(m, "DAY")
	if !validDay(y, mo, d) {
		return "", "", "", false
	}
	return "DATE", fmtDay(date(y, mo, d)), "", true
}

func normMonthDay(m *Match, c *context) (string, string, string, bool) {
	mo, d := monthOf(m), dayOf(m, "DAY")
	if i := m.End; i < len(m.Toks) && (m.Toks[i].Lower == "percent" || m.Toks[i].Text == "%") {
		return "", "", "", false
	}
	y, ok := c.pickYear(mo, d, c.tense(m))
	if !validDay(2000, mo, d) {
		return "", "", "", false
	}
	if !ok {
		return "DATE", fmt.Sprintf("XXXX-%02d-%02d", mo, d), "", true
	}
	return "DATE", fmtDay(date(y, mo, d)), "", true
}

func normNumericDate(m *Match, c *context) (string, string, string, bool) {
	if m.Words("s1") != "/" || m.Words("s2") != "/" {
		return "", "", "", false
	}
	mo := dayOf(m, "DAY")
	var d int
	for k, e := range m.rule.elems {
		if e.label == "DAY" && k > 0 {
			n, _ := dayNumber(m.Toks[m.spans[k][0]].Lower)
			d = n
		}
	}
	y := yearOf(m)
	if !validDay(y, mo, d) {
		return "", "", "", false
	}
	return "DATE", fmtDay(date(y, mo, d)), "", true
}

func normISODate(m *Match, c *context) (string, string, string, bool) {
	y := yearOf(m)
	mo := dayOf(m, "m")
	d := dayOf(m, "DAY")
	if !validDay(y, mo, d) {
		return "", "", "", false
	}
	return "DATE", fmtDay(date(y, mo, d)), "", true
}

func normMonthYear(m *Match, c *context) (string, string, string, bool) {
	return "DATE", fmt.Sprintf("%04d-%02d", yearOf(m), monthOf(m)), "", true
}

func normMonth(m *Match, c *context) (string, string, string, bool) {
	mo := monthOf(m)
	rel := m.Words("rel")
	var y int
	if c.hasDCT && rel != "" {
		c.anchored = true
		y = c.dct.Year()
		dm := int(c.dct.Month())
		switch rel {
		case "last", "past":
			if mo >= dm {
				y--
			}
		case "next":
			if mo <= dm {
				y++
			}
		}
	} else {
		var ok bool
		y, ok = c.pickYear(mo, 0, c.tense(m))
		if !ok {
			return "DATE", fmt.Sprintf("XXXX-%02d", mo), "", true
		}
	}
	return "DATE", fmt.Sprintf("%04d-%02d", y, mo), "", true
}

func normYear(m *Match, c *context) (string, string, string, bool) {
	y := yearOf(m)
	// "2000 people": a year is not followed by a plural noun-like word
	if i := m.End; i < len(m.Toks) {
		n := m.Toks[i].Lower
		prev := ""
		if m.Start > 0 {
			prev = m.Toks[m.Start-1].Lower
		}
		if strings.HasSuffix(n, "s") && len(n) > 3 && !strings.HasSuffix(n, "ss") && n != "was" && n != "has" && m.Toks[i].Text[0] >= 'a' && !yearPreps[prev] {
			return "", "", "", false
		}
	}
	return "DATE", fmtYear(y), "", true
}

var decadeWords = map[string]string{"nineties": "9", "eighties": "8", "seventies": "7", "sixties": "6",
	"fifties": "5", "forties": "4", "thirties": "3", "twenties": "2"}

var yearPreps = map[string]bool{"in": true, "since": true, "fiscal": true, "of": true, "during": true, "by": true,
	"until": true, "before": true, "after": true, "from": true, "to": true, "through": true, "the": true, "its": true, "and": true}

func normDecade(m *Match, c *context) (string, string, string, bool) {
	if w := m.Words("dw"); w != "" {
		return "DATE", "19" + decadeWords[w], "", true
	}
	t, _ := m.Tok("DECADE")
	s := t.Lower[:len(t.Lower)-1]
	if len(s) == 2 {
		century := "19"
		if c.hasDCT && c.dct.Year() >= 2030 || s[0] <= '2' {
			if s[0] <= '2' {
				century = "20"
			}
		}
		s = century + s
	}
	return "DATE", s[:3], "", true
}

func normCentury(m *Match, c *context) (string, string, string, bool) {
	t, _ := m.Tok("ord")
	n, ok := dayNumber(t.Lower)
	if !ok || n < 1 || n > 21 || allDigits(t.Lower) {
		return "", "", "", false
	}
	return "DATE", fmt.Sprintf("%02d", n-1), "", true
}

func normSeason(m *Match, c *context) (string, string, string, bool) {
	t, _ := m.Tok("SEASON")
	s := seasons[t.Lower]
	if m.Has("YEAR") {
		return "DATE", fmt.Sprintf("%04d-%s", yearOf(m), s), "", true
	}
	if !c.hasDCT {
		return "DATE", "XXXX-" + s, "", true
	}
	c.anchored = true
	y := c.dct.Year()
	cur := seasonIndex(seasons[seasonOf(c.dct)])
	si := seasonIndex(s)
	dir := 0
	switch m.Words("rel") {
	case "last", "past":
		dir = -1
	case "next":
		dir = 1
	case "this":
		dir = 0
	default:
		dir = c.tense(m)
	}
	if dir < 0 && si >= cur {
		y--
	}
	if dir > 0 && si <= cur && m.Words("rel") == "next" {
		y++
	}
	if dir > 0 && si < cur && m.Words("rel") != "next" {
		y++
	}
	return "DATE", fmt.Sprintf("%04d-%s", y, s), "", true
}

func seasonOf(t time.Time) string {
	switch t.Month() {
	case 3, 4, 5:
		return "spring"
	case 6, 7, 8:
		return "summer"
	case 9, 10, 11:
		return "fall"
	}
	return "winter"
}

func seasonIndex(s string) int {
	return map[string]int{"WI": 0, "SP": 1, "SU": 2, "FA": 3}[s]
}

func normHoliday(m *Match, c *context) (string, string, string, bool) {
	if w := m.Words("which"); w != "" {
		d := 25
		if w == "eve" {
			d = 24
		}
		y, ok := c.pickYear(12, d, c.tense(m))
		if !ok {
			return "DATE", fmt.Sprintf("XXXX-12-%02d", d), "", true
		}
		return "DATE", fmtDay(date(y, 12, d)), "", true
	}
	t, _ := m.Tok("HOLIDAY")
	f := holidays[t.Lower]
	if m.Has("YEAR") {
		return "DATE", fmtDay(f(yearOf(m))), "", true
	}
	if !c.hasDCT {
		return "", "", "", false
	}
	d := f(c.dct.Year())
	y, _ := c.pickYear(int(d.Month()), d.Day(), c.tense(m))
	return "DATE", fmtDay(f(y)), "", true
}

// ---- weekdays and deictic days -----------------------------------------

func weekdayOf(t Token) time.Weekday {
	if wd, ok := weekdays[t.Lower]; ok {
		return wd
	}
	return time.Weekday(abbrevWeekday(t.Lower))
}

func normWeekday(m *Match, c *context) (string, string, string, bool) {
	t, _ := m.Tok("WEEKDAY")
	wd := weekdayOf(t)
	if strings.HasSuffix(t.Lower, "days") {
		return "", "", "", false // plural weekdays are sets
	}
	part := ""
	if p, ok := m.Tok("PART"); ok {
		part = "T" + partsOfDay[p.Lower]
	}
	typ := "DATE"
	if part != "" {
		typ = "TIME"
	}
	if !c.hasDCT {
		return typ, fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd)) + part, "", true
	}
	c.anchored = true
	var d time.Time
	switch m.Words("rel") {
	case "last", "past":
		d = weekdayNear(c.dct.AddDate(0, 0, -1), wd, -1)
	case "next", "coming":
		d = weekdayNear(c.dct.AddDate(0, 0, 1), wd, 1)
	case "this":
		d = weekdayNear(c.dct, wd, 1)
	default:
		dir := c.tense(m)
		if dir == tenseUnknown {
			dir = tensePast
		}
		d = weekdayNear(c.dct, wd, dir)
		// "announced early Saturday" in an article dated Friday: the
		// stated date is the outlet's local day of first publication,
		// and a report "early" on the next day comes from a later time
		// zone or an update after midnight, not from six days before.
		if dir == tensePast && wd == c.dct.AddDate(0, 0, 1).Weekday() && m.Start > 0 && m.Toks[m.Start-1].Lower == "early" {
			d = c.dct.AddDate(0, 0, 1)
		}
	}
	return typ, fmtDay(d) + part, "", true
}

func isoWeekday(wd time.Weekday) int {
	if wd == time.Sunday {
		return 7
	}
	return int(wd)
}

func normDeictic(m *Match, c *context) (string, string, string, bool) {
	if !c.hasDCT {
		return "", "", "", false
	}
	c.anchored = true
	off := 0
	switch m.Words("d") {
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	}
	switch m.Words("ba") {
	case "before":
		off--
	case "after":
		off++
	}
	if m.Words("tonight") != "" {
		return "TIME", fmtDay(c.dct) + "TNI", "", true
	}
	d := fmtDay(c.dct.AddDate(0, 0, off))
	if p, ok := m.Tok("PART"); ok {
		return "TIME", d + "T" + partsOfDay[p.Lower], "", true
	}
	return "DATE", d, "", true
}

func normThisPart(m *Match, c *context) (string, string, string, bool) {
	if !c.hasDCT {
		return "", "", "", false
	}
	p, _ := m.Tok("PART")
	off := 0
	if m.Words("rel") == "last" {
		if p.Lower != "night" {
			return "", "", "", false
		}
		off = -1
	}
	c.anchored = true
	return "TIME", fmtDay(c.dct.AddDate(0, 0, off)) + "T" + partsOfDay[p.Lower], "", true
}

func normClock(m *Match, c *context) (string, string, string, bool) {
	var h, mi int
	switch m.Words("nm") {
	case "noon", "midday":
		h = 12
	case "midnight":
		h = 24
	default:
		t, _ := m.Tok("CLOCK")
		h = atoi(t.Lower)
		for k, e := range m.rule.elems {
			if e.label == "CLOCK" && m.spans[k][1]-m.spans[k][0] == 3 {
				mi = atoi(m.Toks[m.spans[k][0]+2].Lower)
			}
		}
		if h > 24 || mi > 59 {
			return "", "", "", false
		}
		ap := m.Words("AMPM")
		if strings.HasPrefix(ap, "p") && h < 12 {
			h += 12
		}
		if strings.HasPrefix(ap, "a") && h == 12 {
			h = 0
		}
	}
	day := "XXXX-XX-XX"
	if c.hasDCT {
		c.anchored = true
		day = fmtDay(c.dct)
		if c.hasRef {
			day = fmtDay(c.ref) // "at 10 p.m.": on the day the narrative is at
		}
		if m.Has("MONTH") {
			mo, d := monthOf(m), dayOf(m, "DAY")
			y, _ := c.pickYear(mo, d, c.tense(m))
			if !validDay(y, mo, d) {
				return "", "", "", false
			}
			day = fmtDay(date(y, mo, d))
		}
		if t, ok := m.Tok("WEEKDAY"); ok {
			dir := c.tense(m)
			if dir == tenseUnknown {
				dir = tensePast
			}
			day = fmtDay(weekdayNear(c.dct, weekdayOf(t), dir))
		}
	}
	return "TIME", fmt.Sprintf("%sT%02d:%02d", day, h, mi), "", true
}

// ---- PRESENT_REF, PAST_REF, FUTURE_REF ----------------------------------

func normRef(m *Match, c *context) (string, string, string, bool) {
	w := m.Words("w")
	if w == "" {
		w = m.Words("current")
	}
	switch w {
	case "now", "currently", "nowadays", "presently", "present", "these days":
		return "DATE", "PRESENT_REF", "", true
	case "current":
		// "current" only as a time adjective before a noun, not "current account"
		if i := m.End; i < len(m.Toks) {
			if _, unit := units[m.Toks[i].Lower]; unit {
				return "", "", "", false // handled by rel-unit
			}
		}
		return "DATE", "PRESENT_REF", "", true
	case "recently", "recent", "lately", "formerly", "past":
		if w == "recent" && m.Has("UNIT") {
			return "DATE", "PAST_REF", "", true
		}
		return "DATE", "PAST_REF", "", true
	case "future", "near future", "soon", "coming":
		if i := m.End; i < len(m.Toks) && m.Toks[i].Lower == "of" {
			return "", "", "", false // "the future of the country"
		}
		return "DATE", "FUTURE_REF", "", true
	}
	return "", "", "", false
}

// ---- calendar units relative to the DCT ---------------------------------

func normRelUnit(m *Match, c *context) (string, string, string, bool) {
	u := units[m.Words("UNIT")]
	if u == "" || u == "H" || u == "MIN" || u == "S" || u == "NI" {
		return "", "", "", false
	}
	if strings.HasSuffix(m.Words("UNIT"), "s") {
		return "", "", "", false // "the past two years" is a duration; "last years" is not a date
	}
	rel := m.Words("rel")
	if (u == "DE" || u == "CE") && (rel == "past" || rel == "last") {
		return "DURATION", durationValue(1, u), "", true
	}
	anchor := c.dct
	n := 0
	switch rel {
	case "last", "past", "previous", "prior":
		n = -1
		if (rel == "previous" || rel == "prior") && m.Has("the") && c.hasRef {
			anchor = c.ref
		}
	case "next", "coming":
		n = 1
		if m.Has("the") && c.hasRef {
			anchor = c.ref // "the next day": the narrative's reference time
		}
	case "following":
		n = 1
		anchor = c.ref
	case "latest":
		if u != "Q" {
			return "", "", "", false
		}
		n = -1
	}
	if !c.hasDCT {
		return "", "", "", false
	}
	c.anchored = true
	v, ok := shift(anchor, u, n)
	if !ok {
		return "", "", "", false
	}
	return "DATE", v, "", true
}

func normWeekend(m *Match, c *context) (string, string, string, bool) {
	if !c.hasDCT {
		return "", "", "", false
	}
	c.anchored = true
	n := 0
	wd := c.dct.Weekday()
	if c.tense(m) != tenseFuture && wd != time.Saturday && wd != time.Sunday {
		n = -1
	}
	v, _ := shift(c.dct, "WE", n)
	return "DATE", v, "", true
}

func normTheQuarter(m *Match, c *context) (string, string, string, bool) {
	if !c.hasDCT || !c.quarter {
		return "", "", "", false
	}
	if m.Words("u") == "period" && !m.Has("latest") {
		return "", "", "", false
	}
	c.anchored = true
	if c.tense(m) == tenseFuture {
		return "DATE", fmtQuarter(c.dct.Year(), quarterOf(c.dct)), "", true
	}
	y, q := c.reportQuarter()
	return "DATE", fmtQuarter(y, q), "", true
}

func normYearAgo(m *Match, c *context) (string, string, string, bool) {
	if !c.hasDCT {
		return "", "", "", false
	}
	u := m.Words("u")
	if u != "" && u != "quarter" && u != "period" {
		return "", "", "", false
	}
	if !m.Has("HYPHEN") && u == "" && !m.Has("the") {
		return "", "", "", false // "year earlier" without article is caught by "ago" rule
	}
	c.anchored = true
	if c.quarter || u != "" {
		y, q := c.reportQuarter()
		return "DATE", fmtQuarter(y-1, q), "", true
	}
	return "DATE", fmtYear(c.dct.Year() - 1), "", true
}

func normAgo(m *Match, c *context) (string, string, string, bool) {
	n := numValue(m.Words("NUM"))
	u := units[m.Words("UNIT")]
	dir := m.Words("dir")
	if m.Has("now") && dir != "from" {
		return "", "", "", false
	}
	if dir == "from" && !m.Has("now") {
		return "", "", "", false
	}
	if n < 0 {
		if dir == "ago" || dir == "earlier" || dir == "before" {
			return "DATE", "PAST_REF", "", true
		}
		return "DATE", "FUTURE_REF", "", true
	}
	if n != float64(int(n)) || !c.hasDCT {
		return "", "", "", false
	}
	anchor := c.dct
	k := int(n)
	switch dir {
	case "ago", "earlier", "before":
		k = -k
		if dir != "ago" && c.hasRef {
			anchor = c.ref
		}
	case "later", "after":
		anchor = c.ref
	}
	c.anchored = true
	if u == "H" || u == "MIN" {
		d := time.Duration(k) * time.Hour
		if u == "MIN" {
			d = time.Duration(k) * time.Minute
		}
		t := anchor.Add(d)
		return "TIME", fmt.Sprintf("%sT%02d:%02d", fmtDay(t), t.Hour(), t.Minute()), "", true
	}
	if u == "Y" && c.quarter && k == -1 {
		y, q := c.reportQuarter()
		return "DATE", fmtQuarter(y-1, q), "", true
	}
	if u == "Q" {
		return "DATE", fmtQuarter(anchor.Year(), quarterOf(anchor)+k), "", true
	}
	if u == "DE" {
		return "DATE", fmtYear(anchor.Year() + 10*k), "", true
	}
	v, ok := shift(anchor, u, k)
	if !ok {
		return "", "", "", false
	}
	return "DATE", v, "", true
}

func normThatDay(m *Match, c *context) (string, string, string, bool) {
	if m.Words("d") == "the" && !m.Has("same") {
		return "", "", "", false
	}
	u := units[m.Words("u")]
	if u == "Y" && c.lastYear != 0 {
		c.anchored = true
		return "DATE", fmtYear(c.lastYear), "", true
	}
	if !c.hasRef {
		return "", "", "", false
	}
	c.anchored = true
	v, ok := shift(c.ref, u, 0)
	return "DATE", v, "", ok
}

func normQuarter(m *Match, c *context) (string, string, string, bool) {
	t, _ := m.Tok("ORD")
	n := ordinals[t.Lower]
	u := m.Words("u")
	if (u == "quarter" && n > 4) || (u == "half" && n > 2) {
		return "", "", "", false
	}
	y := 0
	if m.Has("YEAR") {
		y = yearOf(m)
	} else if c.sentYear != 0 {
		y = c.sentYear
	} else if c.hasDCT {
		c.anchored = true
		y = c.dct.Year()
		if u == "quarter" && n > quarterOf(c.dct) && c.tense(m) != tenseFuture {
			y--
		}
	} else {
		return "", "", "", false
	}
	if m.Has("HYPHEN") {
		m.dropThe = true // "the third-quarter loss": TimeML leaves the article out
	}
	if u == "half" {
		return "DATE", fmtHalf(y, n), "", true
	}
	return "DATE", fmtQuarter(y, n), "", true
}

func normEndOf(m *Match, c *context) (string, string, string, bool) {
	u := units[m.Words("UNIT")]
	if !c.hasDCT || (u != "Y" && u != "M" && u != "W" && u != "Q" && u != "DE") {
		return "", "", "", false
	}
	c.anchored = true
	v, _ := shift(c.dct, u, 0)
	mod := map[string]string{"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[m.Words("pos")]
	return "DATE", v, mod, true
}

// ---- durations ----------------------------------------------------------

func normDuration(m *Match, c *context) (string, string, string, bool) {
	nw := m.Words("NUM")
	uw := m.Words("UNIT")
	u := units[uw]
	if u == "Q" && nw == "a" {
		return "", "", "", false
	}
	if uw == "second" && (nw == "a" || nw == "one") {
		return "", "", "", false
	}
	if i := m.End; i < len(m.Toks) && m.Toks[i].Lower == "of" && (nw == "a" || nw == "an") {
		return "", "", "", false
	}
	if nw == "a" || nw == "an" {
		if i := m.Start - 1; i >= 0 {
			p := m.Toks[i].Lower
			switch p {
			case "once", "twice", "times", "per", "percent", "million", "billion", "%":
				return "", "", "", false
			}
			if _, isNum := numberWords[p]; allDigits(p) || isNum || strings.HasSuffix(p, "s") && len(p) > 3 && !strings.HasSuffix(p, "ss") && p != "was" && p != "has" && p != "is" && p != "this" && p != "years" {
				return "", "", "", false // "$2 million a year", "700 seats a week": a rate
			}
		}
	}
	if i := m.End; i < len(m.Toks) && m.Toks[i].Lower == "of" && (u == "Q" || uw == "half") {
		return "", "", "", false // "three-quarters of the vote"
	}
	if i := m.End; i+1 < len(m.Toks) && m.Toks[i].Text == "-" && m.Toks[i+1].Lower == "old" {
		return "", "", "", false // "6-year-old" is an age, not annotated
	}
	if m.Has("HYPHEN") || m.Has("h2") {
		m.dropThe = true
	}
	n := numValue(nw)
	if nw == "" && strings.HasSuffix(uw, "s") {
		n = -1 // "decades-long"
	}
	if n == 0.5 {
		switch u {
		case "H":
			return "DURATION", "PT30M", "", true
		case "Y":
			return "DURATION", "P6M", "", true
		case "D":
			return "DURATION", "PT12H", "", true
		}
	}
	return "DURATION", durationValue(n, u), "", true
}

func normBareUnits(m *Match, c *context) (string, string, string, bool) {
	return "DURATION", durationValue(-1, units[m.Words("w")]), "", true
}

func normHalf(m *Match, c *context) (string, string, string, bool) {
	switch units[m.Words("UNIT")] {
	case "H":
		return "DURATION", "PT30M", "", true
	case "Y":
		return "DURATION", "P6M", "", true
	case "D":
		return "DURATION", "PT12H", "", true
	case "M":
		return "DURATION", "P0.5M", "", true
	}
	return "", "", "", false
}

// ---- sets ---------------------------------------------------------------

func normSet(m *Match, c *context) (string, string, string, bool) {
	if adv := m.Words("adv"); adv != "" {
		v := map[string]string{"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
			"annually": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D"}[adv]
		return "SET", v, "", true
	}
	if t, ok := m.Tok("wds"); ok {
		if !strings.HasSuffix(t.Lower, "s") || t.Lower == "tues" || t.Lower == "thurs" {
			return "", "", "", false
		}
		return "SET", fmt.Sprintf("XXXX-WXX-%d", isoWeekday(weekdayOf(t))), "", true
	}
	if t, ok := m.Tok("WEEKDAY"); ok {
		v := fmt.Sprintf("XXXX-WXX-%d", isoWeekday(weekdayOf(t)))
		if p, ok := m.Tok("PART"); ok {
			v += "T" + partsOfDay[p.Lower]
		}
		return "SET", v, "", true
	}
	if m.Has("MONTH") {
		return "SET", fmt.Sprintf("XXXX-%02d", monthOf(m)), "", true
	}
	if p, ok := m.Tok("PART"); ok && !m.Has("UNIT") {
		return "SET", "XXXX-XX-XXT" + partsOfDay[p.Lower], "", true
	}
	u := units[m.Words("UNIT")]
	if u == "" || strings.HasSuffix(m.Words("UNIT"), "s") && !m.Has("NUM") {
		return "", "", "", false
	}
	n := 1.0
	if m.Has("NUM") {
		n = numValue(m.Words("NUM"))
	}
	if m.Has("other") {
		n = 2
	}
	return "SET", durationValue(n, u), "", true
}

// reportQuarter is the quarter a financial report speaks of: the last
// quarter mentioned in the text, else the quarter before the DCT's.
func (c *context) reportQuarter() (int, int) {
	if c.lastQY != 0 {
		return c.lastQY, c.lastQ
	}
	y, q := c.dct.Year(), quarterOf(c.dct)-1
	if q == 0 {
		y, q = y-1, 4
	}
	return y, q
}

func normMonthRelYear(m *Match, c *context) (string, string, string, bool) {
	if !c.hasDCT {
		return "", "", "", false
	}
	c.anchored = true
	y := c.dct.Year()
	switch m.Words("rel") {
	case "last":
		y--
	case "next":
		y++
	}
	return "DATE", fmt.Sprintf("%04d-%02d", y, monthOf(m)), "", true
}

// normDayBefore resolves "the day before" and "the week after" against the
// narrative's reference time, when the phrase ends the clause (not "the
// day before the vote").
func normDayBefore(m *Match, c *context) (string, string, string, bool) {
	if i := m.End; i < len(m.Toks) && isWordRune(rune(m.Toks[i].Text[0])) {
		return "", "", "", false
	}
	if !c.hasDCT && !c.hasRef {
		return "", "", "", false
	}
	anchor := c.dct
	if c.hasRef {
		anchor = c.ref
	}
	n := -1
	if m.Words("ba") == "after" {
		n = 1
	}
	c.anchored = true
	v, ok := shift(anchor, units[m.Words("u")], n)
	return "DATE", v, "", ok
}
