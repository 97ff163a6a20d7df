package timex

import "strings"

// Tense of the clause around an expression decides the direction of
// underspecified references. It is read from the nearest tense marker in
// the sentence: modals ("will", "would", "could"), "going to" and an
// infinitive "to" + verb → future; past auxiliaries, common irregular past
// forms and -ed verbs → past. Present-tense verbs carry no direction and
// are passed over (on the development split, reading them as future did
// worse, and as past no better).

const (
	tenseUnknown = 0
	tensePast    = -1
	tenseFuture  = 1
)

var futureMarkers = map[string]bool{
	"will": true, "shall": true, "ll": true, "wo": true, "would": true, "could": true, "might": true, "can": true, "upcoming": true, "scheduled": true,
	"plans": true, "plan": true, "expects": true, "expected": true, "tomorrow": true,
	"next": true, "coming": true, "to": false,
}

var pastMarkers = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true, "went": true,
	"came": true, "took": true, "met": true, "made": true, "got": true, "gave": true, "began": true,
	"saw": true, "left": true, "held": true, "won": true, "lost": true, "fell": true, "rose": true,
	"sold": true, "bought": true, "paid": true, "spoke": true, "wrote": true, "ago": true, "last": true,
	"yesterday": true, "earlier": true, "killed": true, "found": true, "led": true, "ran": true,
	"struck": true, "hit": true, "brought": true, "thought": true, "knew": true, "felt": true,
	"became": true, "fled": true, "shot": true, "sent": true, "kept": true, "broke": true,
}

var notPastEd = map[string]bool{
	"need": true, "speed": true, "indeed": true, "hundred": true, "feed": true, "seed": true,
	"bed": true, "red": true, "shed": true, "fed": true, "wed": true, "led": false, "proceed": true,
	"succeed": true, "exceed": true, "breed": true, "greed": true, "weed": true, "bleed": true,
	"embed": true, "united": true, "limited": true, "based": true, "related": true, "called": true,
	"proposed": true, "scheduled": true, "expected": true, "planned": true, "unexpected": true,
	"detailed": true, "concerned": true, "interested": true, "supposed": true, "used": true,
	"advanced": true, "armed": true, "renewed": true, "ed": true, "ted": true, "fred": true, "ned": true,
}

// determiners after which "to" is a preposition, not an infinitive marker.
var toNotInfinitive = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"this": true, "that": true, "these": true, "those": true, "my": true, "our": true, "your": true,
	"be": false, "date": true, "some": true, "all": true, "more": true, "about": true,
}

var prepTense = map[string]int{"since": tensePast, "until": tenseFuture, "till": tenseFuture, "by": tenseFuture}

func tenseOf(t Token) int {
	w := t.Lower
	if futureMarkers[w] || w == "may" && t.Text[0] == 'm' {
		// lower-case "may" is the modal; "May" may be the month
		return tenseFuture
	}
	if pastMarkers[w] {
		return tensePast
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && !notPastEd[w] && w[0] >= 'a' && w[0] <= 'z' && t.Text[0] >= 'a' {
		return tensePast
	}
	return tenseUnknown
}

// tenseAt returns the tense of the clause around tokens [s, e) of the
// sentence. The governing verb of a time adverbial usually precedes it
// ("said Friday", "will meet on Sunday"), so the clause to the left is
// searched first, nearest marker first, up to a clause boundary; then the
// clause to the right; then the rest of the sentence to the left.
func tenseAt(toks []Token, s, e int) int {
	if s > 0 && toks[s-1].Lower == "since" {
		return tensePast
	}
	if s > 0 && toks[s-1].Lower == "due" {
		return tenseFuture // "debentures due Oct. 15, 1999": a maturity ahead
	}
	for i := s - 1; i >= 0 && s-i <= 10; i-- {
		if clauseBoundary(toks[i]) {
			break
		}
		if toks[i].Lower == "to" && i+1 < s {
			n := toks[i+1]
			if n.Text[0] >= 'a' && n.Text[0] <= 'z' && !toNotInfinitive[n.Lower] && !strings.HasSuffix(n.Lower, "ed") {
				return tenseFuture
			}
		}
		if t := tenseOf(toks[i]); t != tenseUnknown {
			return verbGroup(toks, i, t)
		}
	}
	if s > 0 {
		if t, ok := prepTense[toks[s-1].Lower]; ok {
			return t // "until Friday", "by March": a deadline ahead
		}
	}
	for i := e; i < len(toks) && i-e < 10; i++ {
		if clauseBoundary(toks[i]) {
			break
		}
		if toks[i].Lower == "going" && i+1 < len(toks) && toks[i+1].Lower == "to" {
			return tenseFuture
		}
		if t := tenseOf(toks[i]); t != tenseUnknown {
			return verbGroup(toks, i, t)
		}
	}
	for i := s - 1; i >= 0 && s-i <= 25; i-- {
		if t := tenseOf(toks[i]); t != tenseUnknown {
			return t
		}
	}
	for i := e; i < len(toks) && i-e < 25; i++ {
		if t := tenseOf(toks[i]); t != tenseUnknown {
			return t
		}
	}
	return tenseUnknown
}

func clauseBoundary(t Token) bool {
	switch t.Lower {
	case ",", ";", ":", "\"", "“", "”", "(", ")", "and", "but", "while", "when", "because", "after", "before", "which", "who", "that":
		return true
	}
	return false
}

var modals = map[string]bool{"will": true, "ll": true, "shall": true, "would": true, "to": true, "could": true, "may": true, "might": true, "must": true, "should": true}

// verbGroup corrects the tense read from a participle by its auxiliaries:
// "will be held" and "to be signed" are future, not past.
func verbGroup(toks []Token, i, t int) int {
	if t == tensePast && i >= 1 && toks[i-1].Lower != "to" && modals[toks[i-1].Lower] && toks[i-1].Text[0] >= 'a' && toks[i-1].Text[0] <= 'z' {
		// "they may hit the links on Wednesday": a form that reads as a
		// past ("hit", "met") is a base form after a modal (lower case:
		// "May" is the month)
		return tenseFuture
	}
	if t != tensePast || i < 2 {
		return t
	}
	if toks[i-1].Lower == "be" && modals[toks[i-2].Lower] {
		return tenseFuture
	}
	if i >= 3 && toks[i-1].Lower == "been" && toks[i-2].Lower == "have" && modals[toks[i-3].Lower] {
		return tensePast
	}
	return t
}
