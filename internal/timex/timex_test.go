package timex

import (
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestNormalise checks recognition and normalisation of single expressions
// in context against fixed DCTs. DCT 2016-10-24 is a Monday.
func TestNormalise(t *testing.T) {
	mon := d("2016-10-24") // Monday
	cases := []struct {
		name, dct, text, want, typ, value string
	}{
		{"past sunday", "2016-10-24", "The president said on Sunday that talks failed.", "Sunday", "DATE", "2016-10-23"},
		{"future sunday", "2016-10-24", "The leaders will meet on Sunday in Geneva.", "Sunday", "DATE", "2016-10-30"},
		{"modal before a past-looking verb", "2016-10-24", "The two leaders may meet again on Friday.", "Friday", "DATE", "2016-10-28"},
		{"modal before hit", "2016-10-24", "Forecasters said the storm could hit the coast on Friday.", "Friday", "DATE", "2016-10-28"},
		{"past hit", "2016-10-24", "The storm hit the coast on Friday.", "Friday", "DATE", "2016-10-21"},
		// 2016-10-28 is a Friday: "early Saturday" is the next day (a
		// later time zone), a bare "Saturday" the one before.
		{"early next day past", "2016-10-28", "The ministry announced early Saturday that the talks failed.", "Saturday", "DATE", "2016-10-29"},
		{"bare next weekday past", "2016-10-28", "The ministry announced Saturday that the talks failed.", "Saturday", "DATE", "2016-10-22"},
		{"early weekday days before", "2016-10-28", "The ministry announced early Tuesday that the talks failed.", "Tuesday", "DATE", "2016-10-25"},
		{"same weekday past", "2016-10-24", "Officials said Monday the road was closed.", "Monday", "DATE", "2016-10-24"},
		{"tuesday night past", "2016-10-27", "Police arrested him Tuesday night.", "Tuesday night", "TIME", "2016-10-25TNI"},
		{"last week", "2016-10-24", "He resigned last week.", "last week", "DATE", "2016-W42"},
		{"this week", "2016-10-24", "The vote is expected this week.", "this week", "DATE", "2016-W43"},
		{"earlier this month", "2016-10-24", "The deal was signed earlier this month.", "earlier this month", "DATE", "2016-10"},
		{"in july past", "2016-10-24", "The company was sold in July.", "July", "DATE", "2016-07"},
		{"in july future", "2016-10-24", "The plant will open in July.", "July", "DATE", "2017-07"},
		{"next year", "2016-10-24", "Elections will take place next year.", "next year", "DATE", "2017"},
		{"three days ago", "2016-10-24", "The storm hit three days ago.", "three days ago", "DATE", "2016-10-21"},
		{"oct 23", "2016-10-24", "The attack happened on Oct. 23.", "Oct. 23", "DATE", "2016-10-23"},
		{"day month year", "2016-10-24", "It opened on 23 October 2016.", "23 October 2016", "DATE", "2016-10-23"},
		{"month day year", "2016-10-24", "It opened on October 17, 2016, downtown.", "October 17, 2016", "DATE", "2016-10-17"},
		{"the 1990s", "2016-10-24", "Prices fell in the 1990s.", "the 1990s", "DATE", "199"},
		{"the 80s", "2016-10-24", "It was popular in the '80s.", "the '80s", "DATE", "198"},
		{"for two years", "2016-10-24", "She worked there for two years.", "two years", "DURATION", "P2Y"},
		{"every friday", "2016-10-24", "The market opens every Friday.", "every Friday", "SET", "XXXX-WXX-5"},
		{"yesterday", "2016-10-24", "He died yesterday.", "yesterday", "DATE", "2016-10-23"},
		{"recently", "2016-10-24", "The law was recently changed.", "recently", "DATE", "PAST_REF"},
		{"now", "2016-10-24", "The law is now in force.", "now", "DATE", "PRESENT_REF"},
		{"the future", "2016-10-24", "We will see in the future.", "the future", "DATE", "FUTURE_REF"},
		{"month year", "2016-10-24", "Sales fell in March 2015.", "March 2015", "DATE", "2015-03"},
		{"month of last year", "2016-10-24", "The plant closed in March of last year.", "March of last year", "DATE", "2015-03"},
		{"month of next year", "2016-10-24", "The plant will reopen in May of next year.", "May of next year", "DATE", "2017-05"},
		{"month last year", "2016-10-24", "The plant closed in March last year.", "March last year", "DATE", "2015-03"},
		{"bare year", "2016-10-24", "The war ended in 1945.", "1945", "DATE", "1945"},
		{"year boundary past weekday", "2017-01-02", "He said on Friday that he would run.", "Friday", "DATE", "2016-12-30"},
		{"year boundary future weekday", "2016-12-30", "The law will take effect on Monday.", "Monday", "DATE", "2017-01-02"},
		{"year boundary month-day past", "2017-01-03", "The blast on Dec. 28 killed ten.", "Dec. 28", "DATE", "2016-12-28"},
		{"year boundary month-day future", "2016-12-28", "The summit will open on Jan. 4.", "Jan. 4", "DATE", "2017-01-04"},
		{"year boundary last week", "2017-01-04", "He arrived last week.", "last week", "DATE", "2016-W52"},
		{"last month january", "2017-01-15", "Prices rose last month.", "last month", "DATE", "2016-12"},
		{"quarter", "2016-10-24", "Profit rose in the third quarter.", "the third quarter", "DATE", "2016-Q3"},
		{"clock", "2016-10-24", "The meeting starts at 10:30 a.m. today.", "10:30 a.m.", "TIME", "2016-10-24T10:30"},
		{"half an hour", "2016-10-24", "They waited half an hour.", "half an hour", "DURATION", "PT30M"},
		{"tonight", "2016-10-24", "He will speak tonight.", "tonight", "TIME", "2016-10-24TNI"},
		{"daily", "2016-10-24", "The paper is published daily.", "daily", "SET", "P1D"},
		{"decade ago", "2016-10-24", "It was built a decade ago.", "a decade ago", "DATE", "2006"},
		{"late december past", "2017-01-10", "The vote was held in late December.", "late December", "DATE", "2016-12"},
		{"march future", "2016-12-20", "The talks will resume in March.", "March", "DATE", "2017-03"},
		{"the past two weeks", "2016-10-24", "Fighting raged over the past two weeks.", "the past two weeks", "DURATION", "P2W"},
		{"next day reference", "2016-10-24", "He was arrested on Oct. 3, 2014. The next day he was freed.", "The next day", "DATE", "2014-10-04"},
		{"fraction", "2016-10-24", "They lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"},
		{"thousands", "2016-10-24", "The tree is 5,000 years old.", "5,000 years", "DURATION", "P5000Y"},
		{"year-long", "2016-10-24", "A year-long inquiry ended.", "year-long", "DURATION", "P1Y"},
		{"the day before", "2016-10-24", "The vote was on Oct. 9, 2016. Protests began the day before.", "the day before", "DATE", "2016-10-08"},
		{"quarters of", "2016-10-24", "Three-quarters of voters agreed.", "", "", ""},
		{"six-year-old is no timex", "2016-10-24", "A six-year-old boy was hurt.", "", "", ""},
		{"may the modal", "2016-10-24", "Prices may rise.", "", "", ""},
		{"may the month", "2016-10-24", "Prices rose in May.", "May", "DATE", "2016-05"},
	}
	_ = mon
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			xs := Find(c.text, d(c.dct))
			if c.want == "" {
				if len(xs) != 0 {
					t.Fatalf("want no expression, got %+v", xs)
				}
				return
			}
			for _, x := range xs {
				if x.Text == c.want {
					if x.Type != c.typ || x.Value != c.value {
						t.Fatalf("%q: got %s %s, want %s %s", x.Text, x.Type, x.Value, c.typ, c.value)
					}
					if x.Text != c.text[x.Start:x.End] {
						t.Fatalf("offsets %d:%d do not give %q", x.Start, x.End, x.Text)
					}
					return
				}
			}
			t.Fatalf("expression %q not found in %+v", c.want, xs)
		})
	}
}

func TestNoDCT(t *testing.T) {
	xs := Find("He arrived on Friday, Oct. 3.", time.Time{})
	if len(xs) != 1 || xs[0].Value != "XXXX-10-03" {
		t.Fatalf("got %+v", xs)
	}
}

func TestTokenizer(t *testing.T) {
	toks, sents := DefaultTokenizer{}.Tokenize("On Oct. 23 Mr. Smith left. He said at 5 p.m. it was over.\n\nNew para")
	if len(sents) != 3 {
		t.Fatalf("sentences: got %d, want 3: %v", len(sents), sents)
	}
	if toks[1].Text != "Oct" || toks[2].Text != "." {
		t.Fatalf("tokens: %+v", toks[:3])
	}
}

// TestOffsetsAndNoPanic runs edge-case inputs and checks every expression's
// offsets give back its text.
func TestOffsetsAndNoPanic(t *testing.T) {
	inputs := []string{
		"", " ", "May", "'", "5,", "1/2", "a.m.", "p.m", "the", "2016-", "10/", "Oct.",
		"“On Sunday,” he said.", "Élections le 23 octobre 2016. Then on Oct. 23 at 5 p.m.",
		"in the '", "every", "5 1/", "twenty-", "the past", "3,000,000 years ago",
		"He left\r\n\r\non Friday\r\n", "It happened on 31 February 2016 and on February 30.",
	}
	dct := d("2016-10-24")
	for _, in := range inputs {
		for _, x := range Find(in, dct) {
			if x.Start < 0 || x.End > len(in) || x.Start >= x.End || in[x.Start:x.End] != x.Text {
				t.Errorf("%q: bad expression %+v", in, x)
			}
			if x.Type == "" || x.Value == "" {
				t.Errorf("%q: empty type or value %+v", in, x)
			}
		}
	}
	for _, x := range Find("It happened on 31 February 2016.", dct) {
		if x.Value == "2016-02-31" || x.Value == "2016-03-02" {
			t.Errorf("invalid date normalised: %+v", x)
		}
	}
}
