package story

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// TimelineEntry is one dated development: the date it speaks of, the
// sentence that says it and every article sentence that says the same on
// the same date.
type TimelineEntry struct {
	Date       string    `json:"date"` // TIMEX3 value as resolved ("2016-10-25", "2016-10", "2016-W43")
	When       time.Time `json:"when"` // start of that period, UTC
	Text       string    `json:"text"`
	Expression string    `json:"expression,omitempty"` // the time expression's words
	Doc        int64     `json:"doc"`
	Outlet     string    `json:"outlet"`
	Sentence   int       `json:"sentence"`
	Span       Span      `json:"span"`
	// Estimated: every article stating it dates it relative to an
	// estimated publication date, so the date may be off.
	Estimated bool       `json:"estimated,omitempty"`
	Citations []Citation `json:"citations"`
}

// parseTimex returns the start of a TIMEX3 date value and its granularity
// rank (0 = minute/hour, 1 = day, 2 = week, 3 = month, 4 = season/quarter,
// 5 = year); ok=false for values that name no calendar period (PRESENT_REF,
// durations, XXXX-...).
func parseTimex(v string) (time.Time, int, bool) {
	if len(v) < 4 {
		return time.Time{}, 0, false
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil || y < 1 {
		return time.Time{}, 0, false
	}
	rest := v[4:]
	if rest == "" {
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), 5, true
	}
	if rest[0] != '-' {
		return time.Time{}, 0, false
	}
	rest = rest[1:]
	switch {
	case strings.HasPrefix(rest, "W") && len(rest) >= 3:
		w, err := strconv.Atoi(rest[1:3])
		if err != nil || w < 1 || w > 53 {
			return time.Time{}, 0, false
		}
		// ISO week 1 contains January 4th
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return mon.AddDate(0, 0, 7*(w-1)), 2, true
	case strings.HasPrefix(rest, "Q") && len(rest) == 2:
		q := int(rest[1] - '0')
		if q < 1 || q > 4 {
			return time.Time{}, 0, false
		}
		return time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC), 4, true
	case len(rest) == 2 && (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI"):
		m := map[string]time.Month{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[rest]
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), 4, true
	}
	if len(rest) < 2 {
		return time.Time{}, 0, false
	}
	mo, err := strconv.Atoi(rest[:2])
	if err != nil || mo < 1 || mo > 12 {
		return time.Time{}, 0, false
	}
	rest = rest[2:]
	if rest == "" {
		return time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), 3, true
	}
	if len(rest) < 3 || rest[0] != '-' {
		return time.Time{}, 0, false
	}
	dd, err := strconv.Atoi(rest[1:3])
	if err != nil || dd < 1 || dd > 31 {
		return time.Time{}, 0, false
	}
	t := time.Date(y, time.Month(mo), dd, 0, 0, 0, 0, time.UTC)
	rest = rest[3:]
	if len(rest) >= 3 && rest[0] == 'T' {
		if h, err := strconv.Atoi(rest[1:3]); err == nil && h < 24 {
			t = t.Add(time.Duration(h) * time.Hour)
			if len(rest) >= 6 && rest[3] == ':' {
				if mi, err := strconv.Atoi(rest[4:6]); err == nil && mi < 60 {
					t = t.Add(time.Duration(mi) * time.Minute)
				}
			}
			return t, 0, true
		}
	}
	return t, 1, true
}

func validTimex(v string) bool {
	_, _, ok := parseTimex(v)
	return ok
}

// Timeline lists the dated developments of docs, sorted by the date they
// speak of (not the publication date): each sentence carrying a resolved
// calendar date (Doc.Dates) gives an entry; sentences of several articles
// that state the same fact for the same date are one entry citing all of
// them. Articles without resolved dates contribute nothing.
func Timeline(docs []Doc) []TimelineEntry {
	docs = orderDocs(docs)
	return timeline(docs, sentencesOfDocs(docs, nil))
}

// timeline is Timeline over docs in orderDocs order and their sentences
// (read only).
func timeline(docs []Doc, ss []sent) []TimelineEntry {
	var dated []int
	for i := range ss {
		if ss[i].date != nil {
			dated = append(dated, i)
		}
	}
	type entry struct {
		TimelineEntry
		rank int
		vec  []tw
	}
	var es []*entry
	byDate := map[string][]*entry{}
	for _, i := range dated {
		s := &ss[i]
		d := &docs[s.doc]
		when, rank, _ := parseTimex(s.date.Value)
		cite := Citation{Doc: d.ID, Outlet: outletOf(d), URL: d.URL, Sentence: s.idx, Span: s.span}
		merged := false
		for _, e := range byDate[s.date.Value] {
			if dot(e.vec, s.vec) >= factSim {
				e.Citations = append(e.Citations, cite)
				e.Estimated = e.Estimated && s.date.Estimated
				merged = true
				break
			}
		}
		if merged {
			continue
		}
		expr := ""
		if sp := s.date.Span; sp.Start >= 0 && sp.End <= len(d.Text) && sp.Start < sp.End {
			expr = d.Text[sp.Start:sp.End]
		}
		e := &entry{TimelineEntry: TimelineEntry{
			Date: s.date.Value, When: when, Text: s.text, Expression: expr, Doc: d.ID, Outlet: cite.Outlet,
			Sentence: s.idx, Span: s.span, Citations: []Citation{cite}, Estimated: s.date.Estimated,
		}, rank: rank, vec: s.vec}
		es = append(es, e)
		byDate[e.Date] = append(byDate[e.Date], e)
	}
	sort.SliceStable(es, func(i, j int) bool {
		if !es[i].When.Equal(es[j].When) {
			return es[i].When.Before(es[j].When)
		}
		return es[i].rank < es[j].rank
	})
	out := make([]TimelineEntry, len(es))
	for i, e := range es {
		out[i] = e.TimelineEntry
	}
	return out
}
