package toponyms

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/sitrep/sitrep/internal/analyse"
)

// Namesake is a place mention that landed on a small town: where the
// error of sending a famous non-place or a metonym ("White House",
// "Obama", "Justice") to a namesake town shows.
type Namesake struct {
	DocID, Text, Place, Country, Feature string
	Population                           uint32
}

// NamesakeResult counts, over a set of real articles, the places shown and
// those that look like namesake towns.
type NamesakeResult struct {
	Docs, Places int
	Namesakes    []Namesake
}

// namesakeMaxPop: a town this small, alone in its country in the article,
// is rarely what a news article about national politics means.
const namesakeMaxPop = 100000

// Namesakes annotates the articles of a JSON-lines file (fields id, text)
// and lists the places that landed on a populated place (not a capital) of
// fewer than 100,000 people. It is a screen for the error class, to be
// read by hand: real small towns are listed too.
func Namesakes(an *analyse.Annotator, path string) (NamesakeResult, error) {
	var r NamesakeResult
	f, err := os.Open(path)
	if err != nil {
		return r, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	for sc.Scan() {
		line++
		var d struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return r, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		r.Docs++
		a := an.Annotate(analyse.Input{Text: d.Text})
		for _, p := range a.Places {
			if p.Focus {
				continue
			}
			r.Places++
			if strings.HasPrefix(p.Feature, "PPL") && p.Feature != "PPLC" && p.Population < namesakeMaxPop {
				r.Namesakes = append(r.Namesakes, Namesake{DocID: d.ID, Text: d.Text[p.Start:p.End], Place: p.Name,
					Country: p.Country, Feature: p.Feature, Population: p.Population})
			}
		}
	}
	return r, sc.Err()
}
