package event

import (
	"strconv"
	"strings"
)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100}

var (
	killWords   = set("killed", "dead", "died", "deaths", "killing", "kills", "kill", "slain", "executed", "massacred", "perished", "fatalities")
	woundWords  = set("wounded", "injured", "wounding", "injuring", "hurt", "injuries", "casualties")
	troopWords  = set("troops", "soldiers", "fighters", "personnel", "marines", "paratroopers", "peacekeepers", "servicemen", "militiamen", "policemen", "officers", "forces", "advisers", "advisors")
	moneyWords  = set("dollars", "dollar", "euros", "euro", "pounds", "yuan", "yen", "rubles", "roubles", "rupees", "dinars")
	scaleWords  = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mln": 1e6, "bn": 1e9}
	approxWords = set("at", "least", "more", "than", "about", "some", "nearly", "almost", "around", "over", "up", "to", "roughly", "approximately", "another", "an", "additional", "estimated")
)

// number reads the token at k as a count.
func number(toks []token, k int) (float64, bool) {
	w := toks[k].low
	if n, ok := numberWords[w]; ok {
		return float64(n), true
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	return v, err == nil
}

// quantities reads the numbers a sentence states about killed, wounded,
// troops and money. A count binds to the nearest keyword within three
// words after it ("12 people were killed", "5,000 troops"), or follows a
// verb ("killing at least 12").
func quantities(text string, toks []token) Quantities {
	var q Quantities
	for k := range toks {
		n, ok := number(toks, k)
		if !ok {
			continue
		}
		// money: "$5 million", "5 million dollars"
		val, j := n, k+1
		if j < len(toks) {
			if s, ok := scaleWords[toks[j].low]; ok {
				val *= s
				j++
			}
		}
		if k > 0 && (toks[k-1].low == "$" || toks[k-1].low == "€" || toks[k-1].low == "£") {
			if q.Money == 0 {
				q.Money, q.Currency = val, map[string]string{"$": "USD", "€": "EUR", "£": "GBP"}[toks[k-1].low]
			}
			continue
		}
		if j < len(toks) && moneyWords[toks[j].low] {
			if q.Money == 0 {
				q.Money, q.Currency = val, currency(toks[j].low)
			}
			continue
		}
		if n != float64(int(n)) || n > 1e7 {
			continue
		}
		// a year is no count
		if n >= 1900 && n <= 2100 && !strings.Contains(toks[k].low, ",") {
			continue
		}
		// after a verb: "killing at least 12", "wounded 30"
		bound := false
		for b := k - 1; b >= 0 && b >= k-4; b-- {
			w := toks[b].low
			if killWords[w] {
				if q.Killed == 0 {
					q.Killed = int(n)
				}
				bound = true
				break
			}
			if woundWords[w] {
				if q.Wounded == 0 {
					q.Wounded = int(n)
				}
				bound = true
				break
			}
			if !approxWords[w] {
				break
			}
		}
		if bound {
			continue
		}
		troop := false
		for a := k + 1; a < len(toks) && a <= k+4; a++ {
			w := toks[a].low
			if w == "and" || w == "but" || strings.HasSuffix(w, "ing") {
				break
			}
			if killWords[w] {
				if q.Killed == 0 {
					q.Killed = int(n)
				}
				troop = false
				break
			}
			if woundWords[w] {
				if q.Wounded == 0 {
					q.Wounded = int(n)
				}
				troop = false
				break
			}
			if troopWords[w] && a <= k+2 {
				troop = true
			}
			if toks[a].punct {
				break
			}
		}
		if troop && q.Troops == 0 {
			q.Troops = int(n)
		}
	}
	return q
}

func currency(w string) string {
	switch strings.TrimSuffix(w, "s") {
	case "dollar":
		return "USD"
	case "euro":
		return "EUR"
	case "pound":
		return "GBP"
	case "yuan":
		return "CNY"
	case "yen":
		return "JPY"
	case "ruble", "rouble":
		return "RUB"
	case "rupee":
		return "INR"
	}
	return strings.ToUpper(w)
}
