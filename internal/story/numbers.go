package story

import (
	"sort"
	"strings"
)

type numMention struct {
	value string // as written: "5,000", "3.5 million"
	unit  string // stem of the counted noun: "troop"
}

var scaleWords = map[string]bool{"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true}

var numberWords = map[string]string{"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12", "twenty": "20",
	"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100"}

// timeUnits are ages and durations ("18-year-old", "15 years ago"), not counts.
var timeUnits = map[string]bool{"old": true, "ago": true, "year-old": true, "month": true, "day": true,
	"hour": true, "minute": true, "second": true, "decade": true, "century": true, "later": true, "earlier": true}

var monthWords = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true}

// numbersIn finds counted quantities: a figure ("5,000", "3.5 million",
// "five") followed within three words by a lower-case noun, the unit.
// Years, days of the month and percentages are left out.
func numbersIn(s string) []numMention {
	ts := tokenize(s)
	var out []numMention
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		val := ""
		switch {
		case t.number:
			val = s[t.start:t.end]
			if len(val) == 4 && !strings.ContainsAny(val, ",.") && (val[0] == '1' || val[0] == '2') {
				continue // a year
			}
			if i > 0 && monthWords[ts[i-1].lower] {
				continue // a date
			}
		case numberWords[t.lower] != "" && !t.capital:
			val = t.lower
		default:
			continue
		}
		j := i + 1
		if j < len(ts) && scaleWords[ts[j].lower] {
			val += " " + ts[j].lower
			j++
		}
		if j < len(ts) && (ts[j].lower == "percent" || ts[j].lower == "per") {
			continue
		}
		if t.end < len(s) && s[t.end] == '%' {
			continue
		}
		for k := j; k < len(ts) && k < j+3; k++ {
			u := ts[k]
			if u.number || monthWords[u.lower] {
				break
			}
			if u.capital || !u.content() {
				continue
			}
			if timeUnits[u.norm] {
				break
			}
			out = append(out, numMention{val, u.norm})
			break
		}
	}
	return out
}

// numberRows gathers, per counted unit, the figures each outlet gives.
// Only units that at least two outlets count, or that one outlet counts
// with several different figures, are kept.
func numberRows(docs []Doc, ss []sent) []NumberRow {
	rows := map[string]*NumberRow{}
	for i := range ss {
		o := outletOf(&docs[ss[i].doc])
		for _, n := range ss[i].numbers() {
			r := rows[n.unit]
			if r == nil {
				r = &NumberRow{Unit: n.unit, Values: map[string][]string{}}
				rows[n.unit] = r
			}
			dup := false
			for _, v := range r.Values[o] {
				if v == n.value {
					dup = true
				}
			}
			if !dup {
				r.Values[o] = append(r.Values[o], n.value)
			}
		}
	}
	var out []NumberRow
	for _, r := range rows {
		vals := map[string]bool{}
		for _, vs := range r.Values {
			for _, v := range vs {
				vals[v] = true
			}
		}
		digits := false
		for v := range vals {
			if strings.ContainsAny(v, "0123456789") {
				digits = true
			}
		}
		if !digits || (len(r.Values) < 2 && len(vals) < 2) {
			continue
		}
		r.Differ = len(vals) > 1
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Values) != len(out[j].Values) {
			return len(out[i].Values) > len(out[j].Values)
		}
		return out[i].Unit < out[j].Unit
	})
	if len(out) > 20 {
		out = out[:20]
	}
	return out
}
