package clean

import (
	"encoding/json"
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/ingest"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		title       string
		outlet      string
		source      string
		authors     []string
		published   string // 2006-01-02, "" for unknown
		estimated   bool
		dateline    string
		notInText   []string
		stillInText []string
		credits     string // clean.CreditNames of the credits, when not ""
	}{
		{
			name:  "wire copy with dateline and agency",
			in:    "Harbour Board Backs Night Ferries\n\nBy Mara Quent\n\nPORT ELLEN, Scotland (Meridian Wire) — The harbour board on Tuesday backed a trial of night ferries.\n\nThe trial starts in March.",
			title: "Harbour Board Backs Night Ferries", outlet: "Meridian Wire", source: "dateline", credits: "Meridian Wire (wire)",
			authors: []string{"Mara Quent"}, dateline: "PORT ELLEN, Scotland",
			notInText: []string{"(Meridian Wire)", "By Mara Quent"}, stillInText: []string{"The harbour board on Tuesday"},
		},
		{
			name:  "chrome, bare byline, author location and photo caption",
			in:    "Skip to main content\n\nThis story is over 5 years old.\n\nCity council votes to close the old market\n\nTraders say the decision came without warning.\nAnna Kowal\nGdansk, PL\nTraders at the old market hall. (AP Photo/Jan Nowak)\n\nThe city council voted on Thursday to close the market hall, which has stood since 1896.\n\nFollow Anna Kowal on Twitter: @akowal",
			title: "City council votes to close the old market", outlet: "", credits: "AP (photo)",
			authors:     []string{"Anna Kowal"},
			notInText:   []string{"Skip to main content", "years old", "AP Photo", "Gdansk, PL", "Follow Anna"},
			stillInText: []string{"Traders say the decision", "The city council voted"},
		},
		{
			name:  "date glued to first paragraph, agency sign-off",
			in:    "Talks resume in Geneva\nMarch 4, 2024Negotiators returned to Geneva on Monday for a fourth round of talks.\nThey said progress was slow.\nab/cd (AFP, Reuters)",
			title: "Talks resume in Geneva", outlet: "", credits: "AFP (sources), Reuters (sources)",
			published: "2024-03-04", notInText: []string{"March 4, 2024", "ab/cd"},
			stillInText: []string{"Negotiators returned"},
		},
		{
			name:  "copyright trailer beats photo credit; estimated date",
			in:    "Floods close mountain pass\n\nRescuers at the pass. (Reuters)\n\nThe pass closed on June 2, 2023 and reopened on June 9, officials said.\n\nCopyright 2023 The Alpine Courier. All rights reserved.",
			title: "Floods close mountain pass", outlet: "The Alpine Courier", source: "copyright", credits: "Reuters (photo)",
			published: "2023-06-09", estimated: true,
			notInText: []string{"Copyright", "(Reuters)"},
		},
		{
			name:  "promotional trailer names the site",
			in:    "Markets slide on rate fears\n\nStocks fell for a third day on Wednesday as traders bet on higher rates.\n\nGet the Ledgerline Markets app for live prices.",
			title: "Markets slide on rate fears", outlet: "Ledgerline Markets", source: "trailer",
			notInText: []string{"app for live prices"},
		},
		{
			name:  "no headline, no outlet, no date: nothing invented",
			in:    "the committee met again and decided nothing, members said.\n\nIt will meet again next month.",
			title: "", outlet: "", published: "",
			stillInText: []string{"the committee met again"},
		},
		{
			name:  "reporting credit gives authors",
			in:    "Port strike ends\n\nDockers returned to work on Friday after a two-day strike.\n\n(Reporting by Lena Ortiz and Sam Bello; Editing by Kit Marr)",
			title: "Port strike ends", authors: []string{"Lena Ortiz", "Sam Bello"},
			notInText: []string{"Reporting by"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Clean(ingest.Document{MediaType: ingest.MediaText, Body: []byte(tt.in)})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if a.Outlet != tt.outlet || (tt.source != "" && a.OutletSource != tt.source) {
				t.Errorf("outlet = %q (%s), want %q (%s)", a.Outlet, a.OutletSource, tt.outlet, tt.source)
			}
			if tt.credits != "" && CreditNames(a.Credits) != tt.credits {
				t.Errorf("credits = %q, want %q", CreditNames(a.Credits), tt.credits)
			}
			if tt.authors != nil && strings.Join(a.Authors, "|") != strings.Join(tt.authors, "|") {
				t.Errorf("authors = %q, want %q", a.Authors, tt.authors)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format("2006-01-02")
			}
			if got != tt.published || a.PublishedEstimated != tt.estimated {
				t.Errorf("published = %q estimated=%v, want %q estimated=%v (%s)", got, a.PublishedEstimated, tt.published, tt.estimated, a.PublishedEvidence)
			}
			if a.PublishedEstimated && a.PublishedEvidence == "" {
				t.Error("estimated date without evidence")
			}
			if tt.dateline != "" && a.Dateline != tt.dateline {
				t.Errorf("dateline = %q, want %q", a.Dateline, tt.dateline)
			}
			for _, s := range tt.notInText {
				if strings.Contains(a.Text, s) {
					t.Errorf("text still contains %q:\n%s", s, a.Text)
				}
			}
			for _, s := range tt.stillInText {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lost %q:\n%s", s, a.Text)
				}
			}
		})
	}
}

func TestHintsOverride(t *testing.T) {
	pub := time.Date(2020, 5, 6, 7, 8, 0, 0, time.UTC)
	a, err := Clean(ingest.Document{MediaType: ingest.MediaText, URL: "https://www.example.co.uk/x",
		Body:  []byte("Some headline\n\nBody text that says something on May 1, 2020.\n\nCopyright 2020 Other Name"),
		Hints: ingest.Hints{Outlet: "Feed Title", Published: pub, Authors: []string{"A"}, Language: "en-GB"}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "Feed Title" || a.OutletSource != "metadata" || !a.Published.Equal(pub) || a.PublishedEstimated || a.Language != "en" {
		t.Errorf("hints not applied: %+v", a)
	}
	b, _ := Clean(ingest.Document{MediaType: ingest.MediaText, URL: "https://www.example.co.uk/x", Body: []byte("Some headline\n\nBody text.")})
	if b.Outlet != "example.co.uk" || b.OutletSource != "url" {
		t.Errorf("outlet from URL = %q (%s)", b.Outlet, b.OutletSource)
	}
}

func TestLanguage(t *testing.T) {
	tests := map[string]string{
		"The minister said that the talks would resume in the spring, and that they were not over.":            "en",
		"Der Minister sagte, dass die Gespräche im Frühjahr wieder aufgenommen werden und nicht vorbei sind.":  "de",
		"Le ministre a dit que les négociations reprendraient au printemps et qu'elles ne sont pas terminées.": "fr",
		"El ministro dijo que las conversaciones se reanudarán en la primavera y que no han terminado.":        "es",
		"Министр заявил, что переговоры возобновятся весной и что они не окончены.":                            "ru",
		"قال الوزير إن المحادثات ستستأنف في الربيع وإنها لم تنته بعد":                                          "ar",
		"ok": "",
	}
	for in, want := range tests {
		if got := Language(in); got != want {
			t.Errorf("Language(%.30q) = %q, want %q", in, got, want)
		}
	}
}

func TestCreditJSON(t *testing.T) {
	var cs []Credit
	if err := json.Unmarshal([]byte(`["AFP",{"name":"AP","kind":"photo"}]`), &cs); err != nil {
		t.Fatal(err)
	}
	if got := CreditNames(cs); got != "AFP, AP (photo)" {
		t.Errorf("credits = %q", got)
	}
	b, _ := json.Marshal([]Credit{{Name: "dpa", Kind: CreditSources}})
	if string(b) != `[{"name":"dpa","kind":"sources"}]` {
		t.Errorf("marshal = %s", b)
	}
}

// A feed item without a body carries its headline as its text: the one
// paragraph is kept as the text (not emptied into a title, which left no
// text and rejected the item).
func TestHeadlineOnlyText(t *testing.T) {
	for _, tt := range []struct{ name, body, title string }{
		{"headline as text, title given", "Harbour board backs night ferries for the islands", "Harbour board backs night ferries for the islands"},
		{"headline as text, no title", "Harbour Board Backs Night Ferries", ""},
		// one paragraph is never taken for a caption, a sign-off or a
		// trailer: those rules judge a paragraph among others
		{"headline ending in a ticker", "Harbour Lines Given New $31.00 Price Target (HBRL)", "Harbour Lines Given New $31.00 Price Target (HBRL)"},
		{"headline naming an app", "Taxi drivers in Europe protest car-for-hire app Rydo", "Taxi drivers in Europe protest car-for-hire app Rydo"},
		{"headline in parentheses", "(Harbour board backs night ferries)", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Clean(ingest.Document{MediaType: ingest.MediaText, URL: "https://example.org/ferries",
				Body: []byte(tt.body), Hints: ingest.Hints{Title: tt.title}})
			if err != nil {
				t.Fatalf("headline-only item rejected: %v", err)
			}
			if a.Text != tt.body {
				t.Errorf("text = %q, want the headline %q", a.Text, tt.body)
			}
		})
	}
	// a headline over a body still becomes the title
	a, err := Clean(ingest.Document{MediaType: ingest.MediaText, Body: []byte("Harbour Board Backs Night Ferries\n\nThe harbour board on Tuesday backed a trial.")})
	if err != nil || a.Title != "Harbour Board Backs Night Ferries" || strings.Contains(a.Text, "Backs Night") {
		t.Errorf("title %q text %q err %v", a.Title, a.Text, err)
	}
}

// TestCollapseSpaceMatchesRegexp: collapseSpace is the regexp `[ \t]+`
// replaced with one space, on random strings of spaces, tabs, other white
// space and multi-byte runes.
func TestCollapseSpaceMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`[ \t]+`)
	pieces := []string{"a", "bc", " ", "  ", "\t", " \t ", "\n", "\u00a0", "日本", "\xff", ""}
	rng := rand.New(rand.NewSource(11))
	cases := []string{"", " ", "\t", "a", " a ", "a  b", "a\tb", "a \t b", "a b c"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := rng.Intn(8); j >= 0; j-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := collapseSpace(s), re.ReplaceAllString(s, " "); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestIsCaptionMatchesRegexps: the prefilters in isCaption (first letter of
// a label, closing parenthesis of a credit) let through every paragraph
// the two regexps alone would call a caption.
func TestIsCaptionMatchesRegexps(t *testing.T) {
	full := func(p string) bool {
		if len(p) > 400 {
			return false
		}
		if reCaptionLabel.MatchString(p) {
			return true
		}
		m := reCaptionCredit.FindStringSubmatch(p)
		if m == nil {
			return false
		}
		body := strings.TrimSpace(p[:len(p)-len(m[0])])
		if body == "" {
			return false
		}
		return strings.Contains(m[1], "Photo") || strings.Contains(m[1], "Image") || strings.Contains(m[1], "/") ||
			!strings.ContainsAny(body[len(body)-1:], "\"”")
	}
	pieces := []string{"TOPSHOT - ", "FILE PHOTO: ", "Photo: ", "Caption: ", "IN PICTURES — ", "Pictured credit: ", "Crowds gather", " in Kyiv.", "\"",
		"”", " (AP Photo/Jane Roe)", " (AFP)", " (Getty Images)", " (Photo: Reuters)", " ", "\t", "\n", "\r", "\f", "\v", "\u00a0", ")", "(", "x"}
	rng := rand.New(rand.NewSource(13))
	cases := []string{"", ")", " )", "(AFP)", "Photo: x", "TOPSHOT - x (AFP) \n"}
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		for j := rng.Intn(6); j >= 0; j-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	captions := 0
	for _, p := range cases {
		got, want := isCaption(p), full(p)
		if got != want {
			t.Fatalf("isCaption(%q) = %v, the regexps say %v", p, got, want)
		}
		if want {
			captions++
		}
	}
	if captions < len(cases)/20 {
		t.Fatalf("only %d captions in %d cases", captions, len(cases))
	}
}
