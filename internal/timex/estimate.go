package timex

import (
	"sort"
	"time"
)

// EstimateDCT estimates the publication date of an undated article from the
// absolute dates in its own text.
//
// Method. The text is scanned without a DCT, so only expressions that carry
// their own year, or a month and day, are dated; expressions whose value
// would depend on the DCT ("Friday", "that day") are not evidence. Past- or
// present-tense mentions only are used: "elections will be held on
// June 5, 2017" does not date the article, while a news article is written
// on or after the events it reports.
//
//  1. The year: the latest year mentioned by any dated expression (a
//     date, month, quarter, season or bare year).
//  2. Candidates: fully specified dates ("23 October 2016", "Oct. 23,
//     2016"), and month-day dates without a year ("Oct. 23") completed with
//     that year.
//  3. The estimate is the latest candidate. Confidence starts at 0.5 for a
//     fully specified date (0.3 for a completed month-day), gains 0.15 for
//     each further mention of the same day or the day before (news says
//     "on Sunday" for yesterday), 0.1 when the date lies in the first three
//     sentences (datelines), and is capped at 0.95; it is halved when a later
//     year than the estimate's is mentioned.
//  4. With no candidate, the estimate is 1 July of the latest year with
//     confidence 0.15 (its evidence: that year's mentions).
//
// ok is false when the text holds no usable date. Future-tense mentions are
// used only when nothing else is found.
func EstimateDCT(text string) (t time.Time, confidence float64, evidence []Expr, ok bool) {
	f := defaultFinder
	toks, sents := f.Tokenizer.Tokenize(text)
	c := &context{}
	type cand struct {
		t      time.Time
		x      Expr
		weight float64
		early  bool
	}
	type mention struct {
		x      Expr
		year   int
		early  bool
		future bool
	}
	var ms []mention
	for si, s := range sents {
		st := toks[s[0]:s[1]]
		for _, x := range f.findSentence(text, st, c, nil) {
			if x.Type != "DATE" || x.Anchored {
				continue
			}
			ts, te := tokRange(st, x)
			y := 0
			if len(x.Value) >= 4 && allDigits(x.Value[:4]) {
				y = atoi(x.Value[:4])
			}
			ms = append(ms, mention{x: x, year: y, early: si < 3, future: tenseAt(st, ts, te) == tenseFuture})
		}
	}
	build := func(useFuture bool) ([]cand, int, []Expr) {
		maxYear := 0
		var yearEv []Expr
		for _, m := range ms {
			if m.future && !useFuture || m.year == 0 {
				continue
			}
			if m.year > maxYear {
				maxYear, yearEv = m.year, nil
			}
			if m.year == maxYear {
				yearEv = append(yearEv, m.x)
			}
		}
		var cs []cand
		for _, m := range ms {
			if m.future && !useFuture {
				continue
			}
			v := m.x.Value
			if len(v) != 10 {
				continue
			}
			w := 1.0
			if v[:4] == "XXXX" {
				if maxYear == 0 {
					continue
				}
				v = fmtYear(maxYear) + v[4:]
				w = 0.6
			}
			if d, err := time.Parse("2006-01-02", v); err == nil {
				cs = append(cs, cand{t: d, x: m.x, weight: w, early: m.early})
			}
		}
		return cs, maxYear, yearEv
	}
	cands, maxYear, yearEv := build(false)
	if len(cands) == 0 && maxYear == 0 {
		cands, maxYear, yearEv = build(true)
	}
	if len(cands) == 0 {
		if maxYear == 0 {
			return time.Time{}, 0, nil, false
		}
		return date(maxYear, 7, 1), 0.15, yearEv, true
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].t.After(cands[j].t) })
	best := cands[0].t
	conf := 0.5 * cands[0].weight
	if cands[0].early {
		conf += 0.1
	}
	evidence = append(evidence, cands[0].x)
	for _, cd := range cands[1:] {
		if cd.t.Equal(best) || cd.t.Equal(best.AddDate(0, 0, -1)) {
			conf += 0.15 * cd.weight
			evidence = append(evidence, cd.x)
		}
	}
	if conf > 0.95 {
		conf = 0.95
	}
	if maxYear > best.Year() {
		conf /= 2
	}
	sortExprs(evidence)
	return best, conf, evidence, true
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
