package clean

import (
	"testing"

	"github.com/sitrep/sitrep/internal/ingest"
)

// TestCleanHTMLLanguage: an HTML page's language is the container's, else
// the text's own words (Language), else go-trafilatura's whatlanggo guess,
// asked for only then (Extraction.GuessLanguage).
func TestCleanHTMLLanguage(t *testing.T) {
	page := func(title string, paras ...string) []byte {
		b := "<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>"
		for _, p := range paras {
			b += "<p>" + p + "</p>"
		}
		return []byte(b + "</article></body></html>")
	}
	english := page("Dam talks resume after two years",
		"Engineers from both countries met on Monday to discuss the dam on the upper river, officials said. The talks had stalled for two years and the water level has been falling since the spring.",
		"The ministry published a chart of water levels showing a steady fall since 2019. Farmers downstream have complained for months about the shortage, and they say that it is getting worse.",
		"Another round of talks is planned for next month in the capital, the foreign minister said on state television. He was hopeful that an agreement could be reached by the end of the year.")
	// Finnish: Latin script, none of Language's function-word lists.
	finnish := page("Padoneuvottelut jatkuvat kahden vuoden tauon jälkeen",
		"Molempien maiden insinöörit tapasivat maanantaina keskustellakseen joen yläjuoksun padosta, virkamiehet kertoivat. Neuvottelut olivat olleet jumissa kaksi vuotta, ja vedenpinta on laskenut keväästä lähtien.",
		"Ministeriö julkaisi kaavion vedenkorkeuksista, joka osoittaa tasaista laskua vuodesta 2019. Alajuoksun maanviljelijät ovat valittaneet pulasta kuukausia, ja heidän mukaansa tilanne pahenee koko ajan.",
		"Seuraava neuvottelukierros järjestetään ensi kuussa pääkaupungissa, ulkoministeri sanoi valtion televisiossa. Hän toivoi, että sopimukseen päästäisiin vuoden loppuun mennessä.")
	if got := Language(string(finnish)); got != "" {
		t.Fatalf("the Finnish page must be one Language has no words for; it says %q", got)
	}
	for _, tc := range []struct {
		name string
		body []byte
		hint string
		want string
	}{
		{"own guess", english, "", "en"},
		{"whatlanggo when the own guess has nothing", finnish, "", "fi"},
		{"container first", finnish, "sv", "sv"},
	} {
		a, err := Clean(ingest.Document{Origin: "t", URL: "https://news.example.com/a", MediaType: ingest.MediaHTML, Body: tc.body, Hints: ingest.Hints{Language: tc.hint}})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if a.Language != tc.want {
			t.Errorf("%s: Language %q, want %q", tc.name, a.Language, tc.want)
		}
		if a.pendingLang != nil {
			t.Errorf("%s: the extraction is still held by the article", tc.name)
		}
	}
}
