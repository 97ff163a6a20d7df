package conll

import (
	"reflect"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	tests := []struct {
		file      string
		docs      int
		sents     []int
		firstToks []string
		firstTags []string
	}{
		{"testdata/two_docs.txt", 2, []int{2, 1}, []string{"EU", "rejects", "German", "call"}, []string{"B-ORG", "O", "B-MISC", "O"}},
		{"testdata/wikiann_prefix.txt", 1, []int{2}, []string{"Anders", "Lindström", "("}, []string{"B-PER", "I-PER", "O"}},
	}
	for _, tc := range tests {
		docs, err := Read(tc.file)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if len(docs) != tc.docs {
			t.Fatalf("%s: %d docs, want %d", tc.file, len(docs), tc.docs)
		}
		for i, n := range tc.sents {
			if len(docs[i].Sentences) != n {
				t.Errorf("%s doc %d: %d sentences, want %d", tc.file, i, len(docs[i].Sentences), n)
			}
		}
		s := docs[0].Sentences[0]
		if !reflect.DeepEqual(s.Tokens, tc.firstToks) || !reflect.DeepEqual(s.Tags, tc.firstTags) {
			t.Errorf("%s: first sentence %v %v", tc.file, s.Tokens, s.Tags)
		}
	}
}

func TestParseBadTag(t *testing.T) {
	if _, err := Parse(strings.NewReader("Paris NNP X-LOC\n")); err == nil {
		t.Fatal("want error for bad tag")
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		tags string
		want []Span
	}{
		{"O O", nil},
		{"B-PER I-PER O B-LOC", []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"B-PER B-PER", []Span{{0, 1, "PER"}, {1, 2, "PER"}}},
		{"I-ORG I-ORG", []Span{{0, 2, "ORG"}}},                // IOB1 / stray I-
		{"B-ORG I-LOC", []Span{{0, 1, "ORG"}, {1, 2, "LOC"}}}, // type change
		{"O I-MISC", []Span{{1, 2, "MISC"}}},
	}
	for _, tc := range tests {
		if got := Spans(strings.Fields(tc.tags)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Spans(%q) = %v, want %v", tc.tags, got, tc.want)
		}
	}
}

func TestScorer(t *testing.T) {
	s := NewScorer()
	// gold: PER(0,2) LOC(3,4); pred: PER(0,2) correct, ORG(3,4) wrong type.
	s.Add(strings.Fields("B-PER I-PER O B-LOC"), strings.Fields("B-PER I-PER O B-ORG"))
	// gold: MISC(0,1); pred: MISC(0,2) wrong span.
	s.Add(strings.Fields("B-MISC O"), strings.Fields("B-MISC I-MISC"))
	if s.Total != (Counts{Correct: 1, Gold: 3, Pred: 3}) {
		t.Fatalf("total %+v", s.Total)
	}
	if got := s.Total.F1(); got < 0.3333 || got > 0.3334 {
		t.Errorf("F1 %v", got)
	}
	if c := *s.PerType["PER"]; c != (Counts{1, 1, 1}) || c.F1() != 1 {
		t.Errorf("PER %+v", c)
	}
	if c := *s.PerType["ORG"]; c != (Counts{0, 0, 1}) || c.Recall() != 0 || c.F1() != 0 {
		t.Errorf("ORG %+v", c)
	}
	if got := s.Types(); !reflect.DeepEqual(got, []string{"LOC", "MISC", "ORG", "PER"}) {
		t.Errorf("types %v", got)
	}
}
