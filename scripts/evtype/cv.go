package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/sitrep/sitrep/internal/event"
)

func load(path string) ([]Rec, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Rec
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		var r Rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// ruleType is the coder's sentence type ("" none).
func ruleType(r Rec) string {
	if r.Main < 0 {
		return ""
	}
	return r.Events[r.Main].SType
}

type featOpts struct{ words, dict, rules bool }

func words(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '-' || r == '\'')
	}) {
		f = strings.Trim(f, "-'")
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func feats(r Rec, o featOpts) []string {
	fs := []string{"bias"}
	ws := words(r.Text)
	if o.words {
		prev := "<s>"
		for _, w := range ws {
			s := stem(w)
			fs = append(fs, "w:"+s, "b:"+prev+"_"+s)
			prev = s
		}
	}
	if o.dict {
		first := true
		for _, w := range ws {
			c := event.VerbCode(w)
			if c == "" {
				continue
			}
			t, _, _, ok := event.Plover(c)
			if !ok {
				continue
			}
			fs = append(fs, "d:"+t)
			if first {
				fs = append(fs, "d1:"+t)
				first = false
			}
		}
	}
	if o.rules {
		if r.Main < 0 {
			fs = append(fs, "r:none")
		} else {
			e := r.Events[r.Main]
			fs = append(fs, "r:"+e.SType, "rt:"+e.Type, "rc:"+prefix(e.Cameo, 2), "rs:"+e.Status, "rv:"+stem(strings.ToLower(e.Verb)), "rts:"+e.Type+"/"+e.Status)
			if e.Complement != "" {
				fs = append(fs, "rcomp:"+e.Complement)
			}
		}
		for _, e := range r.Events {
			fs = append(fs, "a:"+e.SType)
		}
	}
	return fs
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

// model is an averaged multiclass perceptron over the PLOVER types.
type model struct {
	w map[string][]float64
}

func typeIndex(t string) int {
	for i, x := range event.PloverTypes {
		if x == t {
			return i
		}
	}
	return -1
}

func (m *model) scores(fs []string) []float64 {
	s := make([]float64, len(event.PloverTypes))
	for _, f := range fs {
		if w, ok := m.w[f]; ok {
			for k := range s {
				s[k] += w[k]
			}
		}
	}
	return s
}

type example struct {
	fs []string
	y  int
	wt float64
}

func train(ex []example, epochs int, seed uint64) *model {
	K := len(event.PloverTypes)
	w := map[string][]float64{}
	acc := map[string][]float64{}
	c := 1.0
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := seed*2862933555777941757 + 3037000493
	m := &model{w: w}
	for ep := 0; ep < epochs; ep++ {
		for i := len(order) - 1; i > 0; i-- {
			rng = rng*6364136223846793005 + 1442695040888963407
			j := int((rng >> 33) % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, i := range order {
			e := ex[i]
			s := m.scores(e.fs)
			best := -1
			for k := 0; k < K; k++ {
				if k == e.y {
					continue
				}
				if best < 0 || s[k] > s[best] {
					best = k
				}
			}
			if s[e.y] <= s[best] {
				for _, f := range e.fs {
					if w[f] == nil {
						w[f] = make([]float64, K)
						acc[f] = make([]float64, K)
					}
					w[f][e.y] += e.wt
					w[f][best] -= e.wt
					acc[f][e.y] += c * e.wt
					acc[f][best] -= c * e.wt
				}
			}
			c++
		}
	}
	avg := map[string][]float64{}
	for f, v := range w {
		a := make([]float64, K)
		for k := range v {
			a[k] = v[k] - acc[f][k]/c
		}
		avg[f] = a
	}
	return &model{w: avg}
}

func argmax(s []float64) int {
	b := 0
	for k := range s {
		if s[k] > s[b] {
			b = k
		}
	}
	return b
}

// combine returns the type given rules' type and classifier scores at margin theta
// (theta<0: rules only where coded, classifier where uncoded).
func combine(rt string, s []float64, theta float64, fillEmpty bool) string {
	b := argmax(s)
	if rt == "" {
		if fillEmpty {
			return event.PloverTypes[b]
		}
		return ""
	}
	ri := typeIndex(rt)
	if ri < 0 {
		return rt
	}
	if s[b]-s[ri] >= theta {
		return event.PloverTypes[b]
	}
	return rt
}

func acc(gold, pred []string) float64 {
	ok := 0
	for i := range gold {
		if gold[i] == pred[i] {
			ok++
		}
	}
	return float64(ok) / float64(len(gold))
}

func cv(path string, k int, o featOpts, extra []string, epochs int, extraWt float64) error {
	recs, err := load(path)
	if err != nil {
		return err
	}
	var dev []Rec
	bySet := map[string][]Rec{}
	for _, r := range recs {
		if r.Set == "dev" {
			dev = append(dev, r)
		} else if r.Label != "" {
			bySet[r.Set] = append(bySet[r.Set], r)
		}
	}
	var ext []example
	for _, s := range extra {
		for _, r := range bySet[s] {
			ext = append(ext, example{feats(r, o), typeIndex(r.Label), extraWt})
		}
	}
	thetas := []float64{0, 0.5, 1, 2, 4, 8, 1e9}
	gold := make([]string, len(dev))
	rules := make([]string, len(dev))
	clf := make([]string, len(dev))
	fill := make([]string, len(dev))
	comb := make([][]string, len(thetas))
	for t := range comb {
		comb[t] = make([]string, len(dev))
	}
	for fold := 0; fold < k; fold++ {
		var tr []example
		tr = append(tr, ext...)
		for i, r := range dev {
			if i%k != fold {
				tr = append(tr, example{feats(r, o), typeIndex(r.Label), 1})
			}
		}
		m := train(tr, epochs, uint64(fold+1))
		for i, r := range dev {
			if i%k != fold {
				continue
			}
			s := m.scores(feats(r, o))
			gold[i], rules[i] = r.Label, ruleType(r)
			clf[i] = event.PloverTypes[argmax(s)]
			fill[i] = combine(rules[i], s, 1e18, true)
			for t, th := range thetas {
				comb[t][i] = combine(rules[i], s, th, false)
			}
		}
	}
	fmt.Printf("opts %+v extra %v wt %.2g epochs %d: rules %.3f clf %.3f rules+fill %.3f", o, extra, extraWt, epochs, acc(gold, rules), acc(gold, clf), acc(gold, fill))
	for t, th := range thetas {
		fmt.Printf(" θ%g %.3f", th, acc(gold, comb[t]))
	}
	fmt.Println()
	return nil
}
