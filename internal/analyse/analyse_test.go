package analyse

import "testing"

func TestAnnotateOffsets(t *testing.T) {
	s := "U.S. Defense Secretary Ash Carter met Kurdish leader Massoud Barzani in Erbil on Sunday. He then flew to Baghdad."
	ann := New().Annotate(Input{Text: s})
	if len(ann.Sentences) != 2 {
		t.Fatalf("sentences = %d, want 2: %+v", len(ann.Sentences), ann.Sentences)
	}
	found := map[string]string{}
	for _, m := range ann.Mentions {
		if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
			t.Fatalf("bad span %+v", m)
		}
		sent := ann.Sentences[m.Sentence]
		if m.Start < sent.Start || m.End > sent.End {
			t.Errorf("mention %q outside its sentence", s[m.Start:m.End])
		}
		found[s[m.Start:m.End]] = m.Type
	}
	for name, typ := range map[string]string{"Ash Carter": "PER", "Massoud Barzani": "PER", "Erbil": "LOC", "Baghdad": "LOC"} {
		if found[name] != typ {
			t.Errorf("%s: got %q, want %s (all: %v)", name, found[name], typ, found)
		}
	}
}

func TestNamesVessel(t *testing.T) {
	cases := []struct {
		after string
		want  bool
	}{
		{" aircraft carrier late last week", true},
		{" carrier.", true},
		{" Aircraft Carrier", true},
		{" frigate, which", true},
		{" carriers' union", false},
		{" airport", false},
		{" attack", false},
		{", Texas", false},
		{"", false},
	}
	for _, c := range cases {
		if got := namesVessel(c.after); got != c.want {
			t.Errorf("namesVessel(%q) = %v, want %v", c.after, got, c.want)
		}
	}
}
