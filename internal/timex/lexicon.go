package timex

import (
	"strconv"
	"strings"
	"time"
)

// Word tables of the grammar.

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	"mondays": time.Monday, "tuesdays": time.Tuesday, "wednesdays": time.Wednesday,
	"thursdays": time.Thursday, "fridays": time.Friday, "saturdays": time.Saturday, "sundays": time.Sunday,
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "single": 1,
	"dozen": 12, "half": -2,
}

// vagueNumbers are quantities normalised to X ("several years" = PXY).
var vagueNumbers = map[string]bool{
	"several": true, "few": true, "many": true, "some": true, "couple": true, "numerous": true,
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9,
	"10th": 10, "11th": 11, "12th": 12,
}

// units maps a unit word to its TIMEX3 duration letter; hour-scale units
// are written after "T".
var units = map[string]string{
	"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
	"year": "Y", "years": "Y", "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE",
	"hour": "H", "hours": "H", "minute": "MIN", "minutes": "MIN", "second": "S", "seconds": "S",
	"quarter": "Q", "quarters": "Q", "weekend": "WE", "weekends": "WE", "night": "NI", "nights": "NI",
	"yr": "Y", "yrs": "Y", "hrs": "H", "hr": "H", "mins": "MIN", "min": "MIN",
	"fortnight": "2W", "millennium": "ML",
}

// tzWords are the time zones a clock time may carry.
var tzWords = map[string]bool{"est": true, "edt": true, "gmt": true, "pst": true, "pdt": true, "cst": true, "cdt": true, "utc": true, "et": true}

var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
	"mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI",
}

var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

var holidays = map[string]func(year int) time.Time{
	"christmas":    func(y int) time.Time { return date(y, 12, 25) },
	"thanksgiving": func(y int) time.Time { return nthWeekday(y, 11, time.Thursday, 4) },
	"halloween":    func(y int) time.Time { return date(y, 10, 31) },
	"easter":       easter,
}

func init() {
	classes["WEEKDAY"] = func(toks []Token, i int) int {
		if toks[i].bits()&lexWeekday != 0 && isUpperStart(toks[i].Text) {
			return 1
		}
		// abbreviated weekdays only with a period: "Tues."
		if abbrevWeekday(toks[i].Lower) >= 0 && isUpperStart(toks[i].Text) && i+1 < len(toks) && toks[i+1].Text == "." {
			return 2
		}
		return 0
	}
	classes["MONTH"] = func(toks []Token, i int) int {
		if toks[i].bits()&lexMonth == 0 || !isUpperStart(toks[i].Text) {
			return 0
		}
		mo := months[toks[i].Lower]
		if len(toks[i].Lower) <= 4 && toks[i].Lower != "may" && toks[i].Lower != "june" && toks[i].Lower != "july" {
			if i+1 < len(toks) && toks[i+1].Text == "." && toks[i+1].Start == toks[i].End {
				return 2
			}
			if toks[i].Lower == "mar" || toks[i].Lower == "jan" || toks[i].Lower == "dec" {
				return 0 // too ambiguous without a period
			}
		}
		if mo == 5 || mo == 3 {
			// "May" the modal and "March" the verb: demand date context.
			if !monthContext(toks, i) {
				return 0
			}
		}
		return 1
	}
	classes["DAY"] = func(toks []Token, i int) int {
		if n, ok := dayNumber(toks[i].Lower); ok && n >= 1 && n <= 31 {
			return 1
		}
		return 0
	}
	classes["YEAR"] = func(toks []Token, i int) int {
		t := toks[i].Lower
		if len(t) == 4 && allDigits(t) {
			y, _ := strconv.Atoi(t)
			if y >= 1000 && y <= 2099 {
				if i > 0 && (toks[i-1].Text == "$" || toks[i-1].Text == "#" || toks[i-1].Text == "£" || toks[i-1].Text == "€") {
					return 0
				}
				if i+1 < len(toks) && (toks[i+1].Text == "%" || toks[i+1].Lower == "percent") {
					return 0
				}
				return 1
			}
		}
		return 0
	}
	classes["DECADE"] = func(toks []Token, i int) int { // 1990s, '90s, 90s
		t := toks[i].Lower
		if len(t) == 5 && t[4] == 's' && allDigits(t[:4]) && t[3] == '0' {
			return 1
		}
		if len(t) == 3 && t[2] == 's' && allDigits(t[:2]) && t[1] == '0' && i > 0 && (toks[i-1].Text == "'" || toks[i-1].Text == "’") {
			return 1
		}
		return 0
	}
	classes["NUM"] = numMatcher
	classes["ORD"] = func(toks []Token, i int) int {
		if toks[i].bits()&lexOrdinal != 0 {
			return 1
		}
		return 0
	}
	classes["UNIT"] = func(toks []Token, i int) int {
		if toks[i].bits()&lexUnit != 0 {
			return 1
		}
		return 0
	}
	classes["PART"] = func(toks []Token, i int) int {
		if toks[i].bits()&lexPart != 0 {
			return 1
		}
		return 0
	}
	classes["SEASON"] = func(toks []Token, i int) int {
		if toks[i].bits()&lexSeason != 0 {
			return 1
		}
		return 0
	}
	classes["HOLIDAY"] = func(toks []Token, i int) int {
		if toks[i].bits()&lexHoliday != 0 && isUpperStart(toks[i].Text) {
			if toks[i].Lower == "thanksgiving" && i+1 < len(toks) && toks[i+1].Lower == "day" {
				return 2
			}
			if toks[i].Lower == "christmas" && i+1 < len(toks) && (toks[i+1].Lower == "day" || toks[i+1].Lower == "eve") {
				return 0
			}
			return 1
		}
		return 0
	}
	classes["CLOCK"] = clockMatcher
	classes["AMPM"] = ampmMatcher
	classes["HYPHEN"] = func(toks []Token, i int) int {
		if toks[i].Text == "-" || toks[i].Text == "–" {
			return 1
		}
		return 0
	}
	classes["APOS"] = func(toks []Token, i int) int {
		if toks[i].Text == "'" || toks[i].Text == "’" {
			return 1
		}
		return 0
	}
	classes["DOT"] = func(toks []Token, i int) int {
		if toks[i].Text == "." && i > 0 && toks[i-1].End == toks[i].Start {
			return 1
		}
		return 0
	}
	classes["COMMA"] = func(toks []Token, i int) int {
		if toks[i].Text == "," {
			return 1
		}
		return 0
	}
}

func abbrevWeekday(w string) int {
	switch w {
	case "mon":
		return 1
	case "tue", "tues":
		return 2
	case "wed":
		return 3
	case "thu", "thur", "thurs":
		return 4
	case "fri":
		return 5
	case "sat":
		return 6
	case "sun":
		return 0
	}
	return -1
}

var monthContextWords = map[string]bool{
	"in": true, "of": true, "early": true, "late": true, "mid": true, "since": true, "until": true,
	"by": true, "last": true, "next": true, "this": true, "through": true, "during": true, "from": true,
	"before": true, "after": true, "till": true, "between": true, "and": true, "to": true, "on": true,
}

func monthContext(toks []Token, i int) bool {
	if i+1 < len(toks) {
		n := toks[i+1].Lower
		if _, ok := dayNumber(n); ok {
			return true
		}
	}
	if i > 0 && monthContextWords[toks[i-1].Lower] {
		return true
	}
	return false
}

func isUpperStart(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dayNumber parses "23", "23rd", "1st".
func dayNumber(t string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(t, suf) && len(t) > 2 {
			t = t[:len(t)-2]
			break
		}
	}
	if len(t) == 0 || len(t) > 2 || !allDigits(t) {
		return 0, false
	}
	n, _ := strconv.Atoi(t)
	return n, true
}

// numMatcher matches a cardinal: digits ("3", "1.5"), number words
// ("twenty - five"), "a few", "a couple of", "several", "half an".
func numMatcher(toks []Token, i int) int {
	t := toks[i].Lower
	if allDigits(t) && i >= 2 && toks[i-1].Text == "," && allDigits(toks[i-2].Lower) && toks[i-1].Start == toks[i-2].End && toks[i-1].End == toks[i].Start {
		return 0 // the tail of "5,000"
	}
	if allDigits(t) && len(t) <= 3 && i+2 < len(toks) && toks[i+1].Text == "," && len(toks[i+2].Lower) == 3 && allDigits(toks[i+2].Lower) && toks[i+1].Start == toks[i].End && toks[i+2].Start == toks[i+1].End {
		return 3 // "5,000"
	}
	if allDigits(t) && len(t) <= 3 {
		if i+4 < len(toks) && toks[i+1].Lower == "1" && toks[i+2].Text == "/" && toks[i+3].Lower == "2" && toks[i+2].Start == toks[i+1].End {
			return 4 // "5 1/2"
		}
		if i+2 < len(toks) && toks[i+1].Text == "." && allDigits(toks[i+2].Lower) && toks[i+1].End == toks[i+2].Start {
			return 3
		}
		return 1
	}
	b := toks[i].bits()
	if b&lexVague != 0 {
		if t == "couple" && i+1 < len(toks) && toks[i+1].Lower == "of" {
			return 2
		}
		return 1
	}
	if t == "a" && i+1 < len(toks) && (toks[i+1].Lower == "few" || toks[i+1].Lower == "couple") {
		if toks[i+1].Lower == "couple" && i+2 < len(toks) && toks[i+2].Lower == "of" {
			return 3
		}
		return 2
	}
	if b&lexNumber != 0 {
		n := numberWords[t]
		if n >= 20 && n < 100 && i+2 < len(toks) && toks[i+1].Text == "-" {
			if m, ok := numberWords[toks[i+2].Lower]; ok && m > 0 && m < 10 {
				return 3
			}
		}
		if t == "half" && i+1 < len(toks) && (toks[i+1].Lower == "a" || toks[i+1].Lower == "an") {
			return 2
		}
		if t == "half" {
			return 0
		}
		return 1
	}
	return 0
}

// numValue evaluates the words matched by numMatcher; -1 means vague (X),
// -2 means one half.
func numValue(words string) float64 {
	f := strings.Fields(words)
	if len(f) == 0 {
		return 1
	}
	if vagueNumbers[f[0]] || (f[0] == "a" && len(f) > 1 && vagueNumbers[f[1]]) {
		return -1
	}
	if f[0] == "half" {
		return 0.5
	}
	if len(f) == 3 && f[1] == "," {
		v, _ := strconv.Atoi(f[0] + f[2])
		return float64(v)
	}
	if len(f) == 4 && f[1] == "1" && f[2] == "/" && f[3] == "2" {
		v, _ := strconv.Atoi(f[0])
		return float64(v) + 0.5
	}
	if len(f) == 3 && f[1] == "." {
		v, err := strconv.ParseFloat(f[0]+"."+f[2], 64)
		if err == nil {
			return v
		}
	}
	if allDigits(f[0]) {
		v, _ := strconv.Atoi(f[0])
		return float64(v)
	}
	v := numberWords[f[0]]
	if len(f) == 3 && f[1] == "-" {
		v += numberWords[f[2]]
	}
	return float64(v)
}

// clockMatcher matches "10", "10:30", "10.30" as a clock time (hours 0-24).
func clockMatcher(toks []Token, i int) int {
	t := toks[i].Lower
	if !allDigits(t) || len(t) > 2 {
		return 0
	}
	if i+2 < len(toks) && toks[i+1].Text == ":" && len(toks[i+2].Lower) == 2 && allDigits(toks[i+2].Lower) {
		return 3
	}
	return 1
}

// ampmMatcher matches "a.m.", "am", "p.m.", "pm".
func ampmMatcher(toks []Token, i int) int {
	t := toks[i].Lower
	if t == "am" || t == "pm" {
		return 1
	}
	if (t == "a" || t == "p") && i+2 < len(toks) && toks[i+1].Text == "." && toks[i+2].Lower == "m" {
		if i+3 < len(toks) && toks[i+3].Text == "." && toks[i+3].Start == toks[i+2].End {
			return 4
		}
		return 3
	}
	return 0
}
