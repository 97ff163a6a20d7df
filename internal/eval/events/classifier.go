package events

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/event"
)

// Coded is one record as the coder sees it: the classifier's features,
// the pattern coder's sentence type ("" for no event) and the gold type.
type Coded struct {
	ID      string
	Feats   []string
	Pattern string
	Gold    string
}

// CodeRecords codes every record with the pattern coder and extracts the
// classifier's features.
func CodeRecords(recs []PloverRecord, sz Sentencer) []Coded {
	c := event.NewCoder()
	out := make([]Coded, len(recs))
	for i, r := range recs {
		d, _ := time.Parse("2006-01-02", r.Date)
		var evs, all []event.Event
		var feats []string
		for _, s := range sz.Sentences(r.Text, d) {
			evs = c.Code(s, evs[:0])
			feats = c.ClassifierFeatures(s, evs, feats)
			all = append(all, evs...)
		}
		out[i] = Coded{ID: r.ID, Feats: feats, Gold: r.Type}
		if e := event.MainEvent(all); e != nil {
			out[i].Pattern = e.SentenceType()
		}
	}
	return out
}

// PetrTrainingRecords turns the PETRARCH-2 validation records with exactly
// one expected event into PLOVER records, the type mapped from the event's
// CAMEO code through the CAMEO→PLOVER table (records whose code has no
// PLOVER type are left out).
func PetrTrainingRecords(recs []PetrRecord) []PloverRecord {
	var out []PloverRecord
	for _, r := range recs {
		if r.NoEvents || len(r.Events) != 1 || strings.TrimSpace(r.Text) == "" {
			continue
		}
		typ, _, _, ok := event.Plover(r.Events[0].Code)
		if !ok || !event.IsPloverType(typ) {
			continue
		}
		d := "2000-01-01"
		if len(r.Date) == 8 {
			d = r.Date[:4] + "-" + r.Date[4:6] + "-" + r.Date[6:]
		}
		out = append(out, PloverRecord{ID: r.ID, Text: r.Text, Date: d, Type: typ})
	}
	return out
}

// Examples are the training examples of cs, keeping only the features
// whose prefix keep accepts (nil: all).
func Examples(cs []Coded, keep func(string) bool) []event.Example {
	out := make([]event.Example, len(cs))
	for i, c := range cs {
		out[i] = event.Example{Feats: filterFeats(c.Feats, keep), Type: c.Gold}
	}
	return out
}

func filterFeats(fs []string, keep func(string) bool) []string {
	if keep == nil {
		return fs
	}
	var out []string
	for _, f := range fs {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

// Combine is the rule that makes the sentence's type of the pattern
// coder's and the classifier's: the classifier where the patterns coded
// nothing, or where its margin is at least override (≤ 0: never).
func Combine(pattern, class string, margin, override float32) string {
	if pattern == "" || override > 0 && margin >= override {
		return class
	}
	return pattern
}

// CVResult is one cross-validated setting.
type CVResult struct {
	Setting  string
	Accuracy float64
}

// CrossValidate scores the classifier and its combinations with the
// pattern coder by folds-fold cross-validation over cs (fold of record i:
// a seeded shuffle), extra examples added to every training fold.
func CrossValidate(cs []Coded, extra []event.Example, folds, epochs int, seed uint64, keep func(string) bool, overrides []float32) []CVResult {
	perm := rand.New(rand.NewPCG(seed, 1)).Perm(len(cs))
	fold := make([]int, len(cs))
	for k, i := range perm {
		fold[i] = k % folds
	}
	type pred struct {
		class  string
		margin float32
	}
	preds := make([]pred, len(cs))
	for f := 0; f < folds; f++ {
		var train []event.Example
		for i, c := range cs {
			if fold[i] != f {
				train = append(train, event.Example{Feats: filterFeats(c.Feats, keep), Type: c.Gold})
			}
		}
		train = append(train, extra...)
		k := event.TrainClassifier(train, epochs, seed)
		for i, c := range cs {
			if fold[i] == f {
				t, m := k.Predict(filterFeats(c.Feats, keep))
				preds[i] = pred{t, m}
			}
		}
	}
	acc := func(pick func(i int) string) float64 {
		ok := 0
		for i, c := range cs {
			if pick(i) == c.Gold {
				ok++
			}
		}
		return ratio(ok, len(cs))
	}
	out := []CVResult{
		{"patterns", acc(func(i int) string { return cs[i].Pattern })},
		{"classifier", acc(func(i int) string { return preds[i].class })},
		{"patterns, classifier where none", acc(func(i int) string { return Combine(cs[i].Pattern, preds[i].class, 0, 0) })},
	}
	for _, o := range overrides {
		out = append(out, CVResult{fmt.Sprintf("… and where margin ≥ %g", o),
			acc(func(i int) string { return Combine(cs[i].Pattern, preds[i].class, preds[i].margin, o) })})
	}
	return out
}

// ScoreOn scores classifier k and its combinations with the pattern coder
// on cs (records k was not trained on).
func ScoreOn(k *event.Classifier, cs []Coded, keep func(string) bool, overrides []float32) []CVResult {
	cls := make([]string, len(cs))
	mar := make([]float32, len(cs))
	for i, c := range cs {
		cls[i], mar[i] = k.Predict(filterFeats(c.Feats, keep))
	}
	acc := func(pick func(i int) string) float64 {
		ok := 0
		for i, c := range cs {
			if pick(i) == c.Gold {
				ok++
			}
		}
		return ratio(ok, len(cs))
	}
	out := []CVResult{
		{"patterns", acc(func(i int) string { return cs[i].Pattern })},
		{"classifier", acc(func(i int) string { return cls[i] })},
		{"patterns, classifier where none", acc(func(i int) string { return Combine(cs[i].Pattern, cls[i], 0, 0) })},
	}
	for _, o := range overrides {
		out = append(out, CVResult{fmt.Sprintf("… and where margin ≥ %g", o),
			acc(func(i int) string { return Combine(cs[i].Pattern, cls[i], mar[i], o) })})
	}
	for _, o := range append([]float32{0}, overrides...) {
		n, ok := 0, 0
		for i, c := range cs {
			if c.Pattern == "" && mar[i] >= o {
				n++
				if cls[i] == c.Gold {
					ok++
				}
			}
		}
		out = append(out, CVResult{fmt.Sprintf("uncoded, margin ≥ %g: %d records, precision", o, n), ratio(ok, n)})
	}
	return out
}
