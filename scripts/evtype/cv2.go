package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/sitrep/sitrep/internal/event"
)

// cvLine is one line of TestAblateCV's output.
type cvLine struct {
	ID     string
	Outer  int
	Main   int
	Events []Ev
}

func loadCV(path string) (map[int]map[string]cvLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[int]map[string]cvLine{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		var l cvLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, err
		}
		if out[l.Outer] == nil {
			out[l.Outer] = map[string]cvLine{}
		}
		out[l.Outer][l.ID] = l
	}
	return out, sc.Err()
}

func withVotes(r Rec, l cvLine) Rec {
	r.Events, r.Main = l.Events, l.Main
	return r
}

// cv2 cross-validates on dev with held-out rule votes: the held-out fold's
// records carry the events of the coder without the entries only that
// fold supports; the training folds' records the nested votes.
func cv2(path, cvPath string, k int, o featOpts, extra []string, epochs int, extraWt float64, nested bool) error {
	recs, err := load(path)
	if err != nil {
		return err
	}
	votes, err := loadCV(cvPath)
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
	thetas := []float64{0, 0.5, 1, 2, 4, 8, 16, 1e9}
	n := len(dev)
	gold, rules, full, clf, fill := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	comb := make([][]string, len(thetas))
	for t := range comb {
		comb[t] = make([]string, n)
	}
	for fold := 0; fold < k; fold++ {
		tr := append([]example(nil), ext...)
		for i, r := range dev {
			if i%k == fold {
				continue
			}
			if nested {
				r = withVotes(r, votes[fold][r.ID])
			}
			tr = append(tr, example{feats(r, o), typeIndex(r.Label), 1})
		}
		m := train(tr, epochs, uint64(fold+1))
		for i, r := range dev {
			if i%k != fold {
				continue
			}
			full[i] = ruleType(r)
			r = withVotes(r, votes[-1][r.ID])
			s := m.scores(feats(r, o))
			gold[i], rules[i] = r.Label, ruleType(r)
			clf[i] = event.PloverTypes[argmax(s)]
			fill[i] = combine(rules[i], s, 1e18, true)
			for t, th := range thetas {
				comb[t][i] = combine(rules[i], s, th, false)
			}
		}
	}
	fmt.Printf("%v %v wt %.2g nested %v: full %.3f rules-cv %.3f clf %.3f fill %.3f |", o, extra, extraWt, nested, acc(gold, full), acc(gold, rules), acc(gold, clf), acc(gold, fill))
	for t, th := range thetas {
		fmt.Printf(" θ%g %.3f", th, acc(gold, comb[t]))
	}
	fmt.Println()
	return nil
}
