package geo

import (
	"strings"
	"unicode"
)

// cityWords follow a city's name, never a state's, in news: "New York
// Mayor Eric Adams", "the Mexico City subway", "Washington police" (a
// state has a governor and state troopers).
var cityWords = []string{" Mayor", " mayor", " City Council", " city council", " City Hall", " city hall",
	" subway", " Subway", " Police Department", " police department", " Police Commissioner", " police commissioner"}

// cityAfter reports whether a city's office or service follows byte offset
// end of text ("New York Mayor", "New York subway"; not "mayoral",
// "Subways Inc").
func cityAfter(text string, end int) bool {
	if end < 0 || end > len(text) {
		return false
	}
	rest := text[end:]
	for _, w := range cityWords {
		r, ok := strings.CutPrefix(rest, w)
		if !ok {
			continue
		}
		for _, c := range r {
			return !unicode.IsLetter(c) && !unicode.IsDigit(c)
		}
		return true
	}
	return false
}

// cityBefore reports whether the text before byte offset start ends with
// "city of " ("in the city of New York"; not "the capital city of" nor
// "ethnicity of").
func cityBefore(text string, start int) bool {
	if start < 0 || start > len(text) {
		return false
	}
	head, ok := strings.CutSuffix(text[:start], "ity of ")
	if !ok {
		return false
	}
	return head == "c" || head == "C" || strings.HasSuffix(head, " c") || strings.HasSuffix(head, " C")
}
