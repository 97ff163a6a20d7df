package clean

import (
	"strings"
	"unicode"
)

// Language guesses the ISO 639-1 language of text: by script for
// non-Latin alphabets, by counting very frequent function words for Latin
// ones. It returns "" when the evidence is thin or mixed. It is a coarse
// guesser for routing and display, not a language identifier for short
// strings; callers treat "" as "analyse as English".
func Language(text string) string {
	if len(text) > 20000 {
		text = text[:20000]
	}
	var latin, arabic, cyrillic, han, kana, hangul, greek, hebrew, devanagari int
	for _, r := range text {
		switch {
		case r < 0x80 && unicode.IsLetter(r), unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		case unicode.Is(unicode.Devanagari, r):
			devanagari++
		}
	}
	total := latin + arabic + cyrillic + han + kana + hangul + greek + hebrew + devanagari
	if total < 20 {
		return ""
	}
	switch {
	case kana*10 > total:
		return "ja"
	case han*2 > total:
		return "zh"
	case hangul*2 > total:
		return "ko"
	case arabic*2 > total:
		return "ar"
	case cyrillic*2 > total:
		return "ru"
	case greek*2 > total:
		return "el"
	case hebrew*2 > total:
		return "he"
	case devanagari*2 > total:
		return "hi"
	case latin*2 <= total:
		return ""
	}
	counts := map[string]int{}
	words := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		for _, l := range stopLangs[w] {
			counts[l]++
		}
	}
	best, bestN, second := "", 0, 0
	for l, n := range counts {
		if n > bestN || (n == bestN && l < best) {
			best, bestN, second = l, n, bestN
		} else if n > second {
			second = n
		}
	}
	// Thin or mixed evidence says nothing: a headline's one "a" or "die"
	// is no Portuguese or German, and a text where English function words
	// are nearly as frequent as the winner's is not surely foreign. An
	// unsure answer costs little (the text is analysed as English); a
	// wrong one costs an English article its analysis.
	if words < 5 || bestN < 3 || bestN*20 < words || bestN < second*3/2 || best != "en" && counts["en"]*2 > bestN {
		return ""
	}
	return best
}

// stopLangs maps very frequent function words to the languages using them.
var stopLangs = func() map[string][]string {
	lists := map[string]string{
		"en": "the of and to in is that for it was on with as by at from are this have has be said were which a an their not but they will",
		"de": "der die und das den von zu ist mit sich des nicht auf für im dem ein eine auch es an werden aus er hat dass sie nach bei",
		"fr": "le la les des et un une du est que en dans pour pas sur au qui par il avec ce sont aux été plus ont cette",
		"es": "el la los las de y que en un una del por con para es se al lo como más pero sus su fue ha este",
		"it": "il di che la per un una del della non sono nel alla gli le è con da ha anche dei questo",
		"pt": "o a os as de que e do da em um uma para com não no na por mais dos das foi ao pelo",
		"nl": "de het een van en in is dat op te zijn voor met die niet aan er ook als bij door naar",
		"pl": "i w na z się że do nie jest to o jak po przez od za oraz być są jego",
		"sv": "och att det som en på är av för med till den har inte om ett var de jag",
		"tr": "ve bir bu da de için ile olarak çok daha gibi olan ama ne kadar",
		"id": "dan yang di ini itu dengan untuk dari dalam tidak akan pada juga ke",
	}
	m := map[string][]string{}
	for lang, ws := range lists {
		for _, w := range strings.Fields(ws) {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// languageNames are the English names of the languages Language returns.
var languageNames = map[string]string{
	"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
	"nl": "Dutch", "pl": "Polish", "sv": "Swedish", "tr": "Turkish", "id": "Indonesian", "ja": "Japanese",
	"zh": "Chinese", "ko": "Korean", "ar": "Arabic", "ru": "Russian", "el": "Greek", "he": "Hebrew", "hi": "Hindi",
}

// LanguageName returns the English name of an ISO 639-1 code ("de" ->
// "German"), the code itself when it is not one Language returns, and
// "unknown language" for "".
func LanguageName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	if code == "" {
		return "unknown language"
	}
	return code
}
