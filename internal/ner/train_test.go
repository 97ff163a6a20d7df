package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/eval/conll"
)

const tinyCorpus = `-DOCSTART- -X- -X- O

John NNP B-NP B-PER
Smith NNP I-NP I-PER
visited VBD B-VP O
Paris NNP B-NP B-LOC
. . O O

Acme NNP B-NP B-ORG
Corp NNP I-NP I-ORG
hired VBD B-VP O
Mary NNP B-NP B-PER
. . O O

-DOCSTART- -X- -X- O

Mary NNP B-NP B-PER
flew VBD B-VP O
to TO B-PP O
Paris NNP B-NP B-LOC
with IN B-PP O
French JJ B-NP B-MISC
friends NNS I-NP O
. . O O
`

func TestTrainDeterministic(t *testing.T) {
	docs, err := conll.Parse(strings.NewReader(tinyCorpus))
	if err != nil {
		t.Fatal(err)
	}
	train := func() []byte {
		m, err := Train(TrainOptions{Train: docs, Dev: docs, Gazettes: docs, Bits: 12, Epochs: 5, Folds: 2, Seed: 3, CaseAugment: 2,
			Clusters: LearnClusters([][]string{{"John", "visited", "Paris"}, {"Mary", "visited", "Paris"}}, ClusterOptions{MinCount: 1, Contexts: 10, Depth: 4})})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		// the model fits its training data
		if f := m.Evaluate(docs).Total.F1(); f < 1 {
			t.Errorf("training-set F1 %.3f, want 1", f)
		}
		return b.Bytes()
	}
	if a, b := train(), train(); !bytes.Equal(a, b) {
		t.Error("two trainings with the same seed differ")
	}
}

func TestEncodeBILOU(t *testing.T) {
	got := encodeBILOU(strings.Fields("B-PER I-PER I-PER O B-LOC B-ORG I-ORG I-MISC"), nil)
	var names []string
	for _, g := range got {
		if g == 0 {
			names = append(names, "O")
			continue
		}
		names = append(names, string("BILU"[tagPos(int(g))])+"-"+typeNames[tagType(int(g))])
	}
	want := strings.Fields("B-PER I-PER L-PER O U-LOC B-ORG L-ORG U-MISC")
	if !reflect.DeepEqual(names, want) {
		t.Errorf("got %v want %v", names, want)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"’s": "'s", "“": "\"", "—": "--", "Mosul": "Mosul", "n’t": "n't"} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTrainFixedEpochs checks the no-dev path of the shipped recipe: with
// Dev empty every pass runs exactly its epoch count, and SecondEpochs
// overrides Epochs for the second pass only.
func TestTrainFixedEpochs(t *testing.T) {
	docs, err := conll.Parse(strings.NewReader(tinyCorpus))
	if err != nil {
		t.Fatal(err)
	}
	train := func(epochs, second int) []byte {
		m, err := Train(TrainOptions{Train: docs, Gazettes: docs, Bits: 12, Epochs: epochs, SecondEpochs: second, Folds: 2, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, tc := range []struct {
		name           string
		a1, a2, b1, b2 int
		same           bool
	}{
		{"second defaults to epochs", 3, 0, 3, 3, true},
		{"second epochs honoured", 3, 1, 3, 2, false},
		{"first epochs honoured", 1, 2, 2, 2, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := bytes.Equal(train(tc.a1, tc.a2), train(tc.b1, tc.b2)); got != tc.same {
				t.Errorf("models equal = %v, want %v", got, tc.same)
			}
		})
	}
}

// TestTrainMembersAndLists covers the ensemble, word dropout and extra
// name lists: training stays deterministic, each option changes the model,
// and the model still fits its training data.
func TestTrainMembersAndLists(t *testing.T) {
	docs, err := conll.Parse(strings.NewReader(tinyCorpus))
	if err != nil {
		t.Fatal(err)
	}
	train := func(members int, drop float64, lists [][][]string) []byte {
		m, err := Train(TrainOptions{Train: docs, Gazettes: docs, Bits: 12, Epochs: 6, Folds: 2, Seed: 3,
			Members: members, WordDropout: drop, Lists: lists})
		if err != nil {
			t.Fatal(err)
		}
		if f := m.Evaluate(docs).Total.F1(); f < 1 {
			t.Errorf("members %d drop %.1f: training-set F1 %.3f, want 1", members, drop, f)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	lists := [][][]string{{{"Paris"}}, {{"John", "Smith"}}}
	base := train(1, 0, nil)
	for _, tc := range []struct {
		name    string
		members int
		drop    float64
		lists   [][][]string
	}{
		{"ensemble", 3, 0, nil},
		{"word dropout", 1, 0.3, nil},
		{"name lists", 1, 0, lists},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := train(tc.members, tc.drop, tc.lists), train(tc.members, tc.drop, tc.lists)
			if !bytes.Equal(a, b) {
				t.Error("two trainings with the same options differ")
			}
			if bytes.Equal(a, base) {
				t.Error("option did not change the model")
			}
		})
	}
	if _, err := Train(TrainOptions{Train: docs, Lists: make([][][]string, 5)}); err == nil {
		t.Error("five name lists accepted")
	}
}
