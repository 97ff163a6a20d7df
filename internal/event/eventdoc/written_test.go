package eventdoc

import (
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
)

// TestWrittenName: an event's place is named as the article writes it;
// a demonym keeps the gazetteer's name.
func TestWrittenName(t *testing.T) {
	text := "Troops advanced on Tal Afar while Iraqi jets flew overhead."
	cases := []struct {
		p    analyse.Place
		want string
	}{
		{analyse.Place{Span: analyse.Span{Start: 19, End: 27}, Name: "Tall 'Afar"}, "Tal Afar"},
		{analyse.Place{Span: analyse.Span{Start: 34, End: 39}, Name: "Iraq", Demonym: true}, "Iraq"},
		{analyse.Place{Span: analyse.Span{Start: 50, End: 900}, Name: "Nowhere"}, "Nowhere"},
	}
	for _, c := range cases {
		if got := writtenName(text, c.p); got != c.want {
			t.Errorf("writtenName(%q) = %q, want %q", c.p.Name, got, c.want)
		}
	}
}
