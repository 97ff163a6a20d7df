package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// A Classifier gives a sentence's PLOVER type from its words and what the
// pattern coder found in it: an averaged multi-class perceptron over sparse
// features (ClassifierFeatures). It is the coder's second opinion, used by
// SentenceTypeOf where the patterns code no event or disagree with it by a
// wide margin. The shipped weights (data/classifier.tsv) are trained by
// `sitrep train events` on the PLOVER gold records' dev half and the
// PETRARCH-2 validation records; read-only after loading, safe to share.
type Classifier struct {
	w map[string]*[numTypes]float32
}

const numTypes = 16

// typeIndex maps a PLOVER type to its index in PloverTypes.
var typeIndex = func() map[string]int {
	m := make(map[string]int, len(PloverTypes))
	for i, t := range PloverTypes {
		m[t] = i
	}
	return m
}()

//go:embed data/classifier.tsv
var classifierTSV string

var (
	shippedOnce sync.Once
	shipped     *Classifier
)

// ShippedClassifier returns the embedded classifier (nil if the embedded
// weights are empty).
func ShippedClassifier() *Classifier {
	shippedOnce.Do(func() {
		k, err := ReadClassifier(strings.NewReader(classifierTSV))
		if err != nil {
			panic("event: embedded classifier: " + err.Error())
		}
		if len(k.w) > 0 {
			shipped = k
		}
	})
	return shipped
}

// Scores adds the class scores of feats to sc (indexed as PloverTypes).
func (k *Classifier) Scores(feats []string, sc *[numTypes]float32) {
	for _, f := range feats {
		if w := k.w[f]; w != nil {
			for i := range sc {
				sc[i] += w[i]
			}
		}
	}
}

// Predict returns the best type for feats and its margin over the second.
func (k *Classifier) Predict(feats []string) (string, float32) {
	var sc [numTypes]float32
	k.Scores(feats, &sc)
	best, second := 0, -1
	for i := 1; i < numTypes; i++ {
		switch {
		case sc[i] > sc[best]:
			best, second = i, best
		case second < 0 || sc[i] > sc[second]:
			second = i
		}
	}
	return PloverTypes[best], sc[best] - sc[second]
}

// Example is one training sentence: its features and its gold type.
type Example struct {
	Feats []string
	Type  string
}

// TrainClassifier trains an averaged perceptron over ex for epochs passes,
// shuffled by seed. Examples of an unknown type are skipped.
func TrainClassifier(ex []Example, epochs int, seed uint64) *Classifier {
	w := map[string]*[numTypes]float32{}
	acc := map[string]*[numTypes]float32{} // Σ over steps of the update times its step
	get := func(m map[string]*[numTypes]float32, f string) *[numTypes]float32 {
		v := m[f]
		if v == nil {
			v = new([numTypes]float32)
			m[f] = v
		}
		return v
	}
	k := &Classifier{w: w}
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	step := float32(1)
	for ep := 0; ep < epochs; ep++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			g, ok := typeIndex[ex[i].Type]
			if !ok {
				continue
			}
			var sc [numTypes]float32
			k.Scores(ex[i].Feats, &sc)
			p := 0
			for j := 1; j < numTypes; j++ {
				if sc[j] > sc[p] {
					p = j
				}
			}
			if p != g || sc[p] == 0 {
				for _, f := range ex[i].Feats {
					get(w, f)[g]++
					get(acc, f)[g] += step
					if p != g {
						get(w, f)[p]--
						get(acc, f)[p] -= step
					}
				}
			}
			step++
		}
	}
	// averaged weights: w − acc/step
	out := &Classifier{w: make(map[string]*[numTypes]float32, len(w))}
	for f, v := range w {
		a := acc[f]
		var avg [numTypes]float32
		nz := false
		for i := range v {
			avg[i] = v[i] - a[i]/step
			if avg[i] > -1e-4 && avg[i] < 1e-4 {
				avg[i] = 0
			}
			nz = nz || avg[i] != 0
		}
		if nz {
			out.w[f] = &avg
		}
	}
	return out
}

// WriteTo writes the weights as text: one feature a line, then its
// non-zero weights as TYPE=weight, features sorted.
func (k *Classifier) WriteTo(w io.Writer) (int64, error) {
	fs := make([]string, 0, len(k.w))
	for f := range k.w {
		fs = append(fs, f)
	}
	sort.Strings(fs)
	bw := bufio.NewWriter(w)
	var n int64
	for _, f := range fs {
		m, _ := bw.WriteString(f)
		n += int64(m)
		for i, v := range k.w[f] {
			if v != 0 {
				m, _ = fmt.Fprintf(bw, "\t%s=%s", PloverTypes[i], strconv.FormatFloat(float64(v), 'g', 4, 32))
				n += int64(m)
			}
		}
		bw.WriteByte('\n')
		n++
	}
	return n, bw.Flush()
}

// ReadClassifier reads weights written by WriteTo.
func ReadClassifier(r io.Reader) (*Classifier, error) {
	k := &Classifier{w: map[string]*[numTypes]float32{}}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 2 {
			continue
		}
		var v [numTypes]float32
		for _, p := range parts[1:] {
			t, num, ok := strings.Cut(p, "=")
			i, known := typeIndex[t]
			x, err := strconv.ParseFloat(num, 32)
			if !ok || !known || err != nil {
				return nil, fmt.Errorf("classifier line %d: bad weight %q", line, p)
			}
			v[i] = float32(x)
		}
		k.w[parts[0]] = &v
	}
	return k, sc.Err()
}

// MainEvent returns a sentence's main event among evs, the one a coder of
// one event per sentence keeps: the first event not governed by another
// verb nor told in a subordinate clause, else the first not governed, else
// the first; nil for none.
func MainEvent(evs []Event) *Event {
	for i := range evs {
		if !evs[i].Embedded && !evs[i].Subordinate {
			return &evs[i]
		}
	}
	for i := range evs {
		if !evs[i].Embedded {
			return &evs[i]
		}
	}
	if len(evs) > 0 {
		return &evs[0]
	}
	return nil
}

// ClassifierFeatures appends the classifier's features of sentence s,
// whose coded events are evs, to dst: its words (stemmed; actors and
// places as their kind, not their names), word pairs, and the pattern
// coder's events (main event's sentence type, type, CAMEO root, verb and
// status; every event's sentence type). Call it once per sentence; the
// features of several sentences of one text add up.
func (c *Coder) ClassifierFeatures(s Sentence, evs []Event, dst []string) []string {
	if s.Start < 0 || s.End > len(s.Text) || s.Start >= s.End {
		return dst
	}
	c.toks = tokenize(s.Text, s.Start, s.End, c.toks[:0])
	if len(c.toks) > maxTokens {
		c.toks = c.toks[:maxTokens]
	}
	for i := range c.toks {
		c.toks[i].actor, c.toks[i].place = -1, -1
	}
	c.mark(s)
	prev := "^"
	for i := range c.toks {
		t := &c.toks[i]
		var w string
		switch {
		case t.actor >= 0:
			w = "<A>"
		case t.place >= 0:
			w = "<P>"
		case t.punct:
			if t.low == "," || t.low == ";" || t.low == ":" {
				prev = "^"
			}
			continue
		case t.low[0] >= '0' && t.low[0] <= '9':
			w = "<N>"
		default:
			w = featStem(t.low)
		}
		if w == prev && (w == "<A>" || w == "<P>") {
			continue // one multi-word name
		}
		if w[0] != '<' {
			dst = append(dst, "w:"+w)
		}
		dst = append(dst, "b:"+prev+"_"+w)
		prev = w
	}
	if m := MainEvent(evs); m != nil {
		dst = append(dst, "m:"+m.SentenceType(), "mt:"+m.Type, "mc:"+m.Root(), "mv:"+featStem(lower(m.Verb)), "ms:"+m.Status)
	} else {
		dst = append(dst, "m:-")
	}
	for i := range evs {
		dst = append(dst, "e:"+evs[i].SentenceType())
	}
	return append(dst, "bias")
}

// featStem strips common English inflections, so that "attacked",
// "attacks" and "attacking" share a feature.
func featStem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}
