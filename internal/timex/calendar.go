package timex

import (
	"fmt"
	"time"
)

// Calendar arithmetic and TIMEX3 value formatting.

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func fmtDay(t time.Time) string {
	return fmt.Sprintf("%04d-%02d-%02d", t.Year(), int(t.Month()), t.Day())
}
func fmtMonth(t time.Time) string { return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month())) }
func fmtYear(y int) string        { return fmt.Sprintf("%04d", y) }

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

func fmtQuarter(y, q int) string {
	for q < 1 {
		q += 4
		y--
	}
	for q > 4 {
		q -= 4
		y++
	}
	return fmt.Sprintf("%04d-Q%d", y, q)
}

func fmtHalf(y, h int) string { return fmt.Sprintf("%04d-H%d", y, h) }

// nthWeekday returns the n-th given weekday of a month.
func nthWeekday(y, m int, wd time.Weekday, n int) time.Time {
	t := date(y, m, 1)
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, 1)
	}
	return t.AddDate(0, 0, 7*(n-1))
}

// easter computes Western Easter Sunday (anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, month, day)
}

// weekdayNear returns the given weekday relative to anchor: dir<0 the most
// recent one on or before anchor, dir>0 the next one on or after it.
func weekdayNear(anchor time.Time, wd time.Weekday, dir int) time.Time {
	diff := int(wd) - int(anchor.Weekday())
	if dir < 0 {
		if diff > 0 {
			diff -= 7
		}
	} else if diff < 0 {
		diff += 7
	}
	return anchor.AddDate(0, 0, diff)
}

// shift moves t by n units of the duration letter u ("D", "W", "M", "Y",
// "DE", "Q") and formats the result at that granularity.
func shift(t time.Time, u string, n int) (string, bool) {
	switch u {
	case "D":
		return fmtDay(t.AddDate(0, 0, n)), true
	case "W":
		return fmtWeek(t.AddDate(0, 0, 7*n)), true
	case "WE":
		return fmtWeek(t.AddDate(0, 0, 7*n)) + "-WE", true
	case "M":
		f := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		return fmtMonth(f.AddDate(0, n, 0)), true
	case "Y":
		return fmtYear(t.Year() + n), true
	case "DE":
		return fmt.Sprintf("%03d", (t.Year()/10)+n), true
	case "CE":
		return fmt.Sprintf("%02d", t.Year()/100+n), true
	case "Q":
		return fmtQuarter(t.Year(), quarterOf(t)+n), true
	}
	return "", false
}

// durationValue builds a TIMEX3 duration such as P3D, PT2H, P10Y, PXY.
func durationValue(n float64, u string) string {
	num := "X"
	if n > 0 && n != float64(int(n)) && n-float64(int(n)) == 0.5 {
		// "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M
		switch u {
		case "Y":
			return fmt.Sprintf("P%dY6M", int(n))
		case "D":
			return fmt.Sprintf("P%dDT12H", int(n))
		case "H":
			return fmt.Sprintf("PT%dH30M", int(n))
		case "MIN":
			return fmt.Sprintf("PT%dM30S", int(n))
		}
	}
	if n >= 0 {
		if n == float64(int(n)) {
			num = fmt.Sprint(int(n))
		} else {
			num = fmt.Sprint(n)
		}
	}
	switch u {
	case "H", "S":
		return "PT" + num + u
	case "MIN":
		return "PT" + num + "M"
	case "DE":
		if n >= 0 && n == float64(int(n)) {
			return fmt.Sprintf("P%dY", int(n)*10)
		}
		return "P" + num + "DE"
	case "CE":
		if n >= 0 && n == float64(int(n)) {
			return fmt.Sprintf("P%dY", int(n)*100)
		}
		return "P" + num + "CE"
	case "2W":
		if n >= 0 && n == float64(int(n)) {
			return fmt.Sprintf("P%dW", int(n)*2)
		}
		return "PXW"
	case "NI":
		return "P" + num + "D"
	case "WE":
		return "P" + num + "WE"
	}
	return "P" + num + u
}
