package timex

import (
	"sort"
	"strings"
	"time"
)

// Estimate is a publication date inferred from an article's own text.
type Estimate struct {
	// Date is the estimate: the earliest day the evidence allows.
	Date time.Time
	// Latest is the last day the evidence allows (zero: open-ended; the
	// text gives a lower bound only).
	Latest     time.Time
	Confidence float64
	Evidence   []Expr // the expressions it rests on, in text order
}

// EstimateDCT estimates the publication date of an undated article from the
// text alone; see EstimatePublication. ok is false when the text does not
// support a day.
func EstimateDCT(text string) (t time.Time, confidence float64, evidence []Expr, ok bool) {
	e, ok := EstimatePublication(text)
	return e.Date, e.Confidence, e.Evidence, ok
}

// monthDaySpan is how far after a dated mention (one that carries its own
// year) a month-day without a year may lie and still take that year: the
// text goes on in the same time frame ("Iraqi forces deployed on October
// 17, 2016 … was killed on October 20").
const monthDaySpan = 92 * 24 * time.Hour

// EstimatePublication estimates the publication date of an undated article
// from the time expressions in its own text. It never supplies a year the
// text does not give: when the evidence does not reach a day, ok is false
// and there is no date at all.
//
// Method. The text is scanned without a DCT, so only expressions that carry
// their own calendar position are dated; future-tense mentions ("talks
// will resume on June 5, 2017") are not evidence, since a news article is
// written on or after the events it reports.
//
//  1. Dated days. A month-day without a year ("Oct. 20") takes a year
//     only when an earlier full date in the text ("October 17, 2016")
//     lies up to three months before it: the text stated the year once
//     and then dropped it. Otherwise it is no evidence. News style drops
//     the year for dates in the current year, so the years a text does
//     name are often other years: joining "April 21" with the latest year
//     mentioned ("since 1948") is exactly the guess to avoid; and a full
//     date alone is no estimate either (a past event, a bond's maturity).
//  2. The latest dated day L is a lower bound of the publication date.
//  3. Weekdays. By news convention ("said on Sunday") a bare weekday in a
//     past-tense clause names a day of the week before publication, and
//     news names days by their weekday only within that week, by date
//     when they are older. So an event named by its weekday is taken to
//     be at least as recent as the latest dated one: each such weekday
//     resolves to its first occurrence on or after L, the estimate moves
//     to the latest of them W, and the publication lies in [W, W'+6]
//     where W' is the earliest of them (Latest).
//  4. Confidence: 0.5 for a full date (0.3 for a completed month-day),
//     +0.15 for each further dated mention of the same day or the day
//     before, +0.1 when the estimate rests on weekdays too, +0.1 when the
//     date is in the first three sentences, capped at 0.95.
//
// Without a weekday the estimate is open-ended (Latest zero): the text
// says when it was written at the earliest.
func EstimatePublication(text string) (Estimate, bool) {
	f := defaultFinder
	toks, sents := f.Tokenizer.Tokenize(text)
	c := &context{}
	type mention struct {
		x       Expr
		early   bool
		weekday int // 1..7 for a bare past weekday
		past    bool
		// the date is written with its weekday ("Sunday, April 29,
		// 2018"), and that weekday is the date's, or it is the date of
		// the article's dateline ("GENEVA, Oct. 23, 2016 -")
		withWeekday bool
		sent        int
		// the date names an event ("the Aug. 7, 1998, bombings"): it
		// does not set the year of the month-days after it
		attributive bool
	}
	var ms []mention
	// Years the text reports events in ("in 2017", "since 2016", "March
	// 2017"), and years it speaks of ahead ("will … in 2019"): the
	// publication is in or after the latest of the first, and in or
	// before the earliest of the second.
	var pastYear, futureYear int
	// Days the text puts ahead ("talks will resume on June 5"): the
	// publication is before them.
	var ahead []Expr
	for si, s := range sents {
		st := toks[s[0]:s[1]]
		for _, x := range f.findSentence(text, st, c, nil) {
			if x.Type != "DATE" && x.Type != "TIME" || x.Anchored {
				continue
			}
			ts, te := tokRange(st, x)
			tense := tenseAt(st, ts, te)
			if y, ok := eventYear(st, ts, x); ok {
				switch tense {
				case tensePast:
					pastYear = max(pastYear, y)
				case tenseFuture:
					if futureYear == 0 || y < futureYear {
						futureYear = y
					}
				}
			}
			if tense == tenseFuture {
				if x.Type == "DATE" && len(x.Value) == 10 && x.Rule != "weekday" {
					ahead = append(ahead, x)
				}
				continue
			}
			if len(x.Value) >= 10 && allDigits(x.Value[:4]) && !writesYear(x.Text) {
				// The finder lent the year of an earlier mention
				// ("since 1948 … April 21"): not the text's word.
				x.Value = "XXXX" + x.Value[4:]
			}
			m := mention{x: x, early: si < 3, past: tense == tensePast, sent: si, attributive: ts > 0 && attributive[st[ts-1].Lower]}
			m.withWeekday = namesOwnWeekday(text, x) || datelineDate(text, x)
			if x.Rule == "weekday" && len(x.Value) >= 10 && x.Value[:9] == "XXXX-WXX-" {
				m.weekday = int(x.Value[9] - '0')
			} else if x.Type != "DATE" {
				continue
			}
			ms = append(ms, m)
		}
	}
	type cand struct {
		t      time.Time
		x      Expr
		weight float64
		early  bool
		past   bool
		withWD bool
	}
	// Year-bearing mentions: full dates and months of a stated year, as
	// the days they start on.
	type anchor struct {
		t   time.Time
		pos int
	}
	var anchors []anchor
	var cands []cand
	// weekdayNearby: a past weekday that is the date's own is named in
	// the date's sentence or the one before or after ("a service planned
	// for Saturday was canceled. … was killed on Oct. 23, 1999").
	weekdayNearby := func(ms []mention, sent int, wd time.Weekday) bool {
		for _, m := range ms {
			if m.weekday != 0 && m.past && time.Weekday(m.weekday%7) == wd && m.sent >= sent-1 && m.sent <= sent+1 {
				return true
			}
		}
		return false
	}
	for _, m := range ms {
		v := m.x.Value
		switch {
		case len(v) == 10 && allDigits(v[:4]):
			if d, err := time.Parse("2006-01-02", v); err == nil {
				if !m.attributive {
					anchors = append(anchors, anchor{d, m.x.Start})
				}
				cands = append(cands, cand{d, m.x, 1, m.early, m.past, m.withWeekday || m.past && weekdayNearby(ms, m.sent, d.Weekday())})
			}
		}
	}
	var tied []cand // month-days tied to a year by the text
	for _, m := range ms {
		v := m.x.Value
		if len(v) != 10 || v[:4] != "XXXX" || !allDigits(v[5:7]) || !allDigits(v[8:10]) {
			continue
		}
		best := time.Time{}
		for _, an := range anchors {
			a := an.t
			if an.pos > m.x.Start {
				continue // the year is stated first and then dropped
			}
			for _, y := range []int{a.Year(), a.Year() + 1} {
				d, err := time.Parse("2006-01-02", fmtYear(y)+v[4:])
				if err != nil || d.Before(a) || d.Sub(a) > monthDaySpan {
					continue
				}
				if best.IsZero() || d.Before(best) {
					best = d
				}
			}
		}
		if !best.IsZero() {
			tied = append(tied, cand{best, m.x, 0.6, m.early, m.past, false})
		}
	}
	// A full date alone is no estimate: news style drops the year of
	// dates in the current year, so a stated year is as likely a past
	// (or a bond's maturity) as the present. Only a month-day the text
	// ties to a year says which year the article is written in; full
	// dates then count up to the latest tied month-day.
	// A full date is also tied to the present when it is written with
	// its weekday ("on Sunday, April 29, 2018"): news adds the weekday
	// to a date of the current week; when it is the dateline's; and
	// when a past-tense clause in its sentence or the next one names its
	// weekday (news names a day by its weekday only within the week). A
	// weekday named farther away is no such tie: one full date in seven
	// falls on it by chance ("emails released on July 22, 2016 … the suit
	// filed on Friday").
	var untied []cand
	for _, cd := range cands {
		if cd.withWD {
			tied = append(tied, cd)
		} else {
			untied = append(untied, cd)
		}
	}
	if len(tied) == 0 {
		return Estimate{}, false
	}
	sort.SliceStable(tied, func(i, j int) bool { return tied[i].t.After(tied[j].t) })
	top := tied[0].t
	// The latest reported event bounds the publication from below and
	// the events the text puts ahead bound it from above: a tied date
	// in a year before an event the text reports ("Sept. 11, 2001 … Oct.
	// 27" in a text that reports 2017) is history, not the present.
	if pastYear > top.Year() || futureYear != 0 && futureYear < top.Year() {
		return Estimate{}, false
	}
	kept := tied
	for _, cd := range untied {
		if !cd.t.After(top) {
			kept = append(kept, cd)
		}
	}
	cands = kept
	if len(cands) == 0 {
		return Estimate{}, false
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].t.After(cands[j].t) })
	lower := cands[0].t
	e := Estimate{Date: lower, Confidence: 0.5 * cands[0].weight}
	if cands[0].early {
		e.Confidence += 0.1
	}
	e.Evidence = append(e.Evidence, cands[0].x)
	for _, cd := range cands[1:] {
		if cd.t.Equal(lower) || cd.t.Equal(lower.AddDate(0, 0, -1)) {
			e.Confidence += 0.15 * cd.weight
			e.Evidence = append(e.Evidence, cd.x)
		}
	}
	var first, last time.Time
	for _, m := range ms {
		if m.weekday == 0 {
			continue
		}
		wd := time.Weekday(m.weekday % 7)
		d := weekdayNear(lower, wd, 1)
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
		e.Evidence = append(e.Evidence, m.x)
	}
	if !last.IsZero() {
		e.Date, e.Latest = last, first.AddDate(0, 0, 6)
		e.Confidence += 0.1
	}
	// A day put ahead closes the range: a full date after the estimate,
	// or a month-day in the three months after it (the year dropped).
	for _, x := range ahead {
		v := x.Value
		var d time.Time
		if allDigits(v[:4]) && writesYear(x.Text) {
			d, _ = time.Parse("2006-01-02", v)
		} else if v[:4] == "XXXX" {
			for _, y := range []int{e.Date.Year(), e.Date.Year() + 1} {
				t, err := time.Parse("2006-01-02", fmtYear(y)+v[4:])
				if err == nil && t.After(e.Date) && t.Sub(e.Date) <= monthDaySpan {
					d = t
					break
				}
			}
		}
		if d.IsZero() || !d.After(e.Date) {
			continue // not after the estimate: the tense or the year is in doubt
		}
		if d = d.AddDate(0, 0, -1); e.Latest.IsZero() || d.Before(e.Latest) {
			e.Latest = d
			e.Evidence = append(e.Evidence, x)
		}
	}
	if e.Confidence > 0.95 {
		e.Confidence = 0.95
	}
	sortExprs(e.Evidence)
	return e, true
}

// writesYear reports whether an expression's words carry a year: four
// digits ("2016") or a numeric date ("10/30/89").
func writesYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			run++
			if run >= 4 {
				return true
			}
		case s[i] == '/' || s[i] == '\'':
			if i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				return true
			}
			run = 0
		default:
			run = 0
		}
	}
	return false
}

// tokRange finds the token range of x within the sentence tokens.
func tokRange(toks []Token, x Expr) (int, int) {
	s, e := 0, len(toks)
	for i, t := range toks {
		if t.Start == x.Start {
			s = i
		}
		if t.End == x.End {
			e = i + 1
			break
		}
	}
	return s, e
}

// eventYear returns the year of a date expression that states one and
// places an event in it: "in 2017", "since 2016", "March 2017", "July 22,
// 2016". A year used as a name's attribute ("the 2020 re-election bid",
// "Trump's 2016 campaign", "the 1953 armistice") places nothing in time,
// and a year the finder lent from context is not the text's.
func eventYear(st []Token, ts int, x Expr) (int, bool) {
	v := x.Value
	if len(v) < 4 || !allDigits(v[:4]) || !writesYear(x.Text) || x.Mod != "" {
		return 0, false
	}
	if ts > 0 && attributive[st[ts-1].Lower] {
		return 0, false
	}
	y := 0
	for i := 0; i < 4; i++ {
		y = y*10 + int(v[i]-'0')
	}
	return y, y >= 1000
}

// attributive are the words before a year that make it a name's attribute.
var attributive = map[string]bool{
	"the": true, "a": true, "an": true, "'s": true, "’s": true, "'": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "your": true, "my": true, "whose": true, "fiscal": true,
	"this": true, "that": true, "these": true, "those": true,
}

// namesOwnWeekday reports whether a full date is written with a weekday
// that is the date's own ("Sunday, April 29, 2018", "on Tue., Oct. 3,
// 2017"): in its own words or just before them.
func namesOwnWeekday(text string, x Expr) bool {
	if len(x.Value) < 10 || !allDigits(x.Value[:4]) {
		return false
	}
	d, err := time.Parse("2006-01-02", x.Value[:10])
	if err != nil {
		return false
	}
	before := text[max(0, x.Start-16):x.Start]
	s := strings.ToLower(before + " " + x.Text)
	name := strings.ToLower(d.Weekday().String())
	i := strings.Index(s, name[:3])
	if i < 0 {
		return false
	}
	// the weekday must be the last word before the date, or inside it
	if i < len(before) {
		rest := strings.TrimLeft(s[i:len(before)], "abcdefghijklmnopqrstuvwxyz.")
		if strings.Trim(rest, " ,") != "" {
			return false
		}
	}
	return true
}

// datelineDate reports whether a full date opens a paragraph near the
// top as a dateline does: after a place name or nothing, before a dash
// ("GENEVA, Oct. 23, 2016 - Negotiators said …").
func datelineDate(text string, x Expr) bool {
	if x.Start > 400 || len(x.Value) < 10 || !allDigits(x.Value[:4]) || !writesYear(x.Text) {
		return false
	}
	line := text[strings.LastIndexByte(text[:x.Start], '\n')+1 : x.Start]
	if len(line) > 40 || strings.ContainsAny(line, ".!?") && !strings.HasSuffix(strings.TrimRight(line, " ,"), ".") {
		return false
	}
	after := strings.TrimLeft(text[x.End:], " ")
	for _, d := range []string{"-", "–", "—"} {
		if strings.HasPrefix(after, d) {
			return true
		}
	}
	return false
}
