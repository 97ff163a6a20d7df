package view

import (
	"strings"
	"unicode"
)

// DateEstimated is the rule by which a time expression's date is marked
// estimated (TimelineEntry.Estimated): its value was computed from the
// article's publication date (anchored: "on Sunday", "last week") and that
// publication date is itself an estimate. An expression naming its month
// ("October 20") borrows at most the year from the estimate, which the
// estimate gets right far more often than a weekday, so it is not marked.
// The story stage applies the same rule (internal/corpus).
func DateEstimated(anchored, publishedEstimated bool, expression string) bool {
	return anchored && publishedEstimated && !namesMonth(expression)
}

func namesMonth(expr string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(expr), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if monthWords[w] {
			return true
		}
	}
	return false
}

var monthWords = map[string]bool{"sept": true}

func init() {
	for _, m := range strings.Fields("january february march april may june july august september october november december") {
		monthWords[m], monthWords[m[:3]] = true, true
	}
}
