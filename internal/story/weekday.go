package story

import "math"

// Weekday evidence for articles without a publication date.
//
// News writes the day of what it reports as a weekday name ("said on
// Tuesday", "announced early Saturday"), and by convention the name points
// into the past week. Reports of one happening name the same day, or the
// next (a report written a day later); reports of two happenings of one
// week name different days. Without publication dates this is the only
// time evidence an article carries, and it separates same-week stories
// that share every name: the Pompeo–Kim meeting reported on a Tuesday and
// North Korea's test moratorium announced on a Friday and Saturday
// (EVALUATION.md, issue 12, branch h/wcl3). Where both sides are dated the
// time gap is used instead.

// weekdays counts the weekday names (Monday..Sunday) an article or an
// event's articles write.
type weekdays [7]float32

var weekdayIndex = map[string]int{"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

// weekdayNeighbour is how much a weekday name counts for the days either
// side of it: a happening late on Monday is "Monday night" in one report
// and "on Tuesday" in the next day's, and time zones shift a day too.
const weekdayNeighbour = 0.5

func (w *weekdays) add(o weekdays) {
	for i := range w {
		w[i] += o[i]
	}
}

func (w *weekdays) empty() bool {
	return *w == weekdays{}
}

// weekdaySim is the cosine of two weekday profiles, each day's count
// spread half onto its neighbours; 1 when either is empty.
func weekdaySim(a, b *weekdays) float64 {
	var d, na, nb float64
	for i := range a {
		x := float64(a[i]) + weekdayNeighbour*float64(a[(i+6)%7]+a[(i+1)%7])
		y := float64(b[i]) + weekdayNeighbour*float64(b[(i+6)%7]+b[(i+1)%7])
		d += x * y
		na += x * x
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 1
	}
	return d / math.Sqrt(na*nb)
}

// weekdayFactor is what a score keeps between two sides whose time gap
// cannot be measured: 1 - WeekdayDamping × (1 - the weekday cosine) when
// both write weekday names, else 1.
func (c *Clusterer) weekdayFactor(a, b *weekdays) float64 {
	if c.cfg.WeekdayDamping <= 0 || a.empty() || b.empty() {
		return 1
	}
	return 1 - c.cfg.WeekdayDamping*(1-weekdaySim(a, b))
}
