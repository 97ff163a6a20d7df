package story

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

func TestWeekdaySim(t *testing.T) {
	day := func(counts map[int]float32) weekdays {
		var w weekdays
		for i, n := range counts {
			w[i] = n
		}
		return w
	}
	const mon, tue, wed, thu, fri, sat, sun = 0, 1, 2, 3, 4, 5, 6
	tests := []struct {
		name     string
		a, b     weekdays
		lo, hi   float64
		scaleOff bool // the factor stays 1
	}{
		{"same day", day(map[int]float32{tue: 3}), day(map[int]float32{tue: 1}), 1, 1, false},
		{"three days apart", day(map[int]float32{tue: 3}), day(map[int]float32{fri: 2, sat: 1}), 0, 0, false},
		{"the next day", day(map[int]float32{tue: 2}), day(map[int]float32{wed: 2}), 0.5, 0.9, false},
		{"across the week's end", day(map[int]float32{sun: 1}), day(map[int]float32{mon: 1}), 0.5, 0.9, false},
		{"one side names no day", day(map[int]float32{tue: 2}), weekdays{}, 1, 1, true},
		{"mostly the same", day(map[int]float32{fri: 4, thu: 1}), day(map[int]float32{fri: 2, wed: 1}), 0.8, 1, false},
	}
	c := NewClusterer(Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := weekdaySim(&tc.a, &tc.b)
			if s < tc.lo-1e-9 || s > tc.hi+1e-9 {
				t.Errorf("sim %.3f, want %.2f..%.2f", s, tc.lo, tc.hi)
			}
			f := c.weekdayFactor(&tc.a, &tc.b)
			want := 1 - c.cfg.WeekdayDamping*(1-s)
			if tc.scaleOff {
				want = 1
			}
			if f != want {
				t.Errorf("factor %.3f, want %.3f", f, want)
			}
		})
	}
	off := NewClusterer(Config{WeekdayDamping: -1})
	a, b := day(map[int]float32{tue: 1}), day(map[int]float32{fri: 1})
	if f := off.weekdayFactor(&a, &b); f != 1 {
		t.Errorf("disabled: factor %.3f, want 1", f)
	}
}

func TestExtractWeekdays(t *testing.T) {
	tests := []struct {
		name  string
		doc   Doc
		want  weekdays
		empty bool
	}{
		{"article", Doc{Title: "Talks resume on Tuesday", Text: "The ministers met on Tuesday in the capital to resume the talks on the budget. " +
			"A vote is set for Friday, and TUESDAY's session ran late into the night, officials said. The opposition walked out twice and came back, and the speaker called a recess."},
			weekdays{0, 3, 0, 0, 1, 0, 0}, false},
		{"no day named", Doc{Title: "Talks resume", Text: "The ministers met in the capital to resume the talks on the budget. " +
			"A vote is set for the weekend, and the session ran late into the night, officials said. The opposition walked out twice and came back, and the speaker called a recess."}, weekdays{}, true},
		{"a headline alone has none", Doc{Title: "Talks resume on Tuesday", Text: "Talks resume on Tuesday"}, weekdays{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := extract(&tc.doc)
			if f.wd != tc.want || f.wd.empty() != tc.empty {
				t.Errorf("weekdays %v, want %v", f.wd, tc.want)
			}
		})
	}
}

// weekdayStories are two invented undated happenings of one week that share
// their place and people: a minister's visit reported on a Tuesday and a
// strike announced on a Friday.
func weekdayStories(days bool) []Doc {
	visit := []string{
		"Valdoria's foreign minister Anika Brandt visited the port city of Marsden on %s, meeting harbour officials and union leaders about the Marsden dock dispute. Brandt said the Valdoria government wanted calm at the docks.\nShe was greeted by the mayor and toured the container terminal before lunch.",
		"Anika Brandt, Valdoria's foreign minister, made a visit to Marsden on %s. In the port city she met harbour officials and leaders of the dock union. The Valdoria government wants calm, Brandt said.\nThe minister later toured the container terminal with the mayor of the city.",
		"On %s Valdoria's foreign minister Anika Brandt went to Marsden, the port city at the centre of the dock dispute, to meet harbour officials. Brandt told union leaders the government of Valdoria wanted calm.\nHer tour of the container terminal with the mayor ended in the afternoon.",
	}
	strike := []string{
		"Dock workers in the Marsden port announced on %s an indefinite strike, the union said, in the dispute with the Valdoria government. Union leaders said Anika Brandt's talks had failed and ships would sit idle in Marsden harbour.\nShipping firms warned of losses and said cargo would be sent to other ports.",
		"The Marsden dock union called an indefinite strike on %s, union leaders said, blaming the Valdoria government. Ships will sit idle in the harbour of Marsden after talks with Anika Brandt failed, the union said.\nCargo will go to other ports, shipping firms warned, counting their losses.",
		"Union leaders at Marsden port said on %s that dock workers would strike indefinitely. The Valdoria government's talks, led by Anika Brandt, had failed, they said, and the harbour of Marsden would stand idle.\nShipping firms said they would send cargo to other ports and warned of losses.",
	}
	var docs []Doc
	for i := range visit {
		v, s := "Tuesday", "Friday"
		if !days {
			v, s = "the day", "the day"
		}
		docs = append(docs,
			Doc{ID: int64(2*i + 1), Title: "Brandt visits Marsden", Text: fmt.Sprintf(visit[i], v)},
			Doc{ID: int64(2*i + 2), Title: "Marsden dock strike", Text: fmt.Sprintf(strike[i], s)})
	}
	return docs
}

// TestWeekdayDampsUndatedScores: an undated report naming another day than
// an undated event's reports loses WeekdayDamping of its score against the
// event and against each report; one naming the same day, or a dated pair,
// loses nothing.
func TestWeekdayDampsUndatedScores(t *testing.T) {
	docs := weekdayStories(true)
	visits := []Doc{docs[0], docs[2], docs[4]}
	for _, tc := range []struct {
		name string
		cfg  Config
		keep float64 // share of the score kept by a report of another day
	}{
		{"default", Config{}, 1 - DefaultConfig().WeekdayDamping},
		{"off", Config{WeekdayDamping: -1}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClusterer(tc.cfg)
			as := c.AddBatch(visits)
			if as[1].Event != as[0].Event || as[2].Event != as[0].Event {
				t.Fatalf("the visit's reports in events %d, %d, %d", as[0].Event, as[1].Event, as[2].Event)
			}
			e := c.evs[as[0].Event-1]
			// the strike's first report as written (Friday), and as if
			// written on the visit's day: weekday names are no terms, so
			// only the weekday evidence differs
			friday := docs[1]
			tuesday := friday
			tuesday.Text = strings.ReplaceAll(friday.Text, "Friday", "Tuesday")
			score := func(d Doc) float64 {
				f := extract(&d)
				wv, n := c.weigh(&f)
				sc, ok := c.score(e, &d, &f, wv, n)
				if !ok {
					t.Fatal("event ruled out")
				}
				return sc
			}
			other, same := score(friday), score(tuesday)
			if same <= 0 || math.Abs(other-tc.keep*same) > 1e-9 {
				t.Errorf("event score %.4f naming another day, %.4f the same day; want the ratio %.2f", other, same, tc.keep)
			}
			pair := func(a, b Doc) float64 {
				fa, fb := extract(&a), extract(&b)
				ua, _ := c.weigh(&fa)
				ub, _ := c.weigh(&fb)
				normalize(ua)
				normalize(ub)
				return c.pairScore(&a, &b, &fa, &fb, ua, ub)
			}
			if p, q := pair(visits[0], friday), pair(visits[0], tuesday); math.Abs(p-tc.keep*q) > 1e-9 {
				t.Errorf("pair score %.4f naming another day, %.4f the same day; want the ratio %.2f", p, q, tc.keep)
			}
			// dated, the time gap decides and weekday names do not count
			t0 := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
			da, df, dt := visits[0], friday, tuesday
			da.Published, df.Published, dt.Published = t0, t0, t0
			if p, q := pair(da, df), pair(da, dt); p != q {
				t.Errorf("dated pair: %.4f naming another day, %.4f the same day", p, q)
			}
		})
	}
}

// TestWeekdaysSurviveState: the events' weekday counts are in the state,
// whole and as changes.
func TestWeekdaysSurviveState(t *testing.T) {
	c := NewClusterer(Config{})
	base, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	log := NewStateLog(c)
	c.AddBatch(weekdayStories(true))
	delta := log.Delta()
	whole, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for name, load := range map[string]func(*Clusterer) error{
		"whole":   func(r *Clusterer) error { return r.UnmarshalBinary(whole) },
		"changes": func(r *Clusterer) error { return r.UnmarshalState(base, [][]byte{delta}) },
	} {
		r := NewClusterer(Config{})
		if err := load(r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n := 0
		for i, e := range r.evs {
			if e.WD != c.evs[i].WD {
				t.Errorf("%s: event %d weekdays %v, want %v", name, e.ID, e.WD, c.evs[i].WD)
			}
			if !e.WD.empty() {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: no event has weekday counts", name)
		}
		again, _ := r.MarshalBinary()
		if !bytes.Equal(again, whole) {
			t.Errorf("%s: state differs after a round trip", name)
		}
	}
}
