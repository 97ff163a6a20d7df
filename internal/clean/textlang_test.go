package clean

import "testing"

// TestTextLanguage: the kept answer is Language's, and a changed title or
// text is read again.
func TestTextLanguage(t *testing.T) {
	en := "The minister said on Tuesday that the talks with the union were going well and that a deal was near."
	de := "Der Minister sagte am Dienstag, dass die Gespräche mit der Gewerkschaft gut laufen und dass eine Einigung nahe ist."
	tests := []struct {
		name        string
		title, text string
		then        func(a *Article)
	}{
		{"english", "Talks", en, nil},
		{"german", "Gespräche", de, nil},
		{"too short", "", "Hello", nil},
		{"text replaced", "Talks", en, func(a *Article) { a.Text = de }},
		{"title replaced", "", "Hello there", func(a *Article) { a.Title = en }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Title: tt.title, Text: tt.text}
			if got, want := a.TextLanguage(), Language(a.Title+"\n"+a.Text); got != want {
				t.Fatalf("TextLanguage = %q, Language = %q", got, want)
			}
			if tt.then == nil {
				return
			}
			before := a.TextLanguage()
			tt.then(a)
			got, want := a.TextLanguage(), Language(a.Title+"\n"+a.Text)
			if got != want {
				t.Fatalf("after the change: TextLanguage = %q, Language = %q", got, want)
			}
			if got == before {
				t.Fatalf("the change should change the language (%q): the test's texts are wrong", got)
			}
		})
	}
}
