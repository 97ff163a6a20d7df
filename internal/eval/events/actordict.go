package events

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/event"
)

// actorDict is a PETRARCH actor dictionary in its source format, for the
// validation suite's fictional actors: an entry's words match words of
// the text that start with them ("ARGENTIN" matches "Argentine") unless
// a word ends with "_" (exact).
type actorDict struct {
	entries []actorEntry
}

type actorEntry struct {
	words []string // upper case; a trailing "_" marks an exact word
	code  string
}

func loadActorDict(path string) (*actorDict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	d := &actorDict{}
	sc := bufio.NewScanner(zr)
	var pending []int // entries waiting for a code on a later line
	code := ""
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "<!--") || strings.HasPrefix(line, "-->") {
			continue
		}
		name, c := line, ""
		if i := strings.Index(line, "["); i >= 0 {
			name = strings.TrimSpace(line[:i])
			if j := strings.Index(line[i:], "]"); j > 0 {
				c = strings.Fields(line[i+1:i+j] + " ")[0]
			}
		}
		syn := strings.HasPrefix(name, "+")
		name = strings.TrimPrefix(name, "+")
		if c != "" {
			code = c
			for _, p := range pending {
				d.entries[p].code = c
			}
			pending = nil
		} else if !syn && name != "" {
			code = ""
		}
		if name == "" {
			continue
		}
		words := strings.FieldsFunc(strings.ReplaceAll(name, "_", "_ "), func(r rune) bool { return r == ' ' })
		for i, w := range words {
			words[i] = strings.TrimSpace(w)
		}
		// a name ending in "_" keeps it on its last word only
		if strings.HasSuffix(name, "_") && len(words) > 0 && !strings.HasSuffix(words[len(words)-1], "_") {
			words[len(words)-1] += "_"
		}
		for i := 0; i < len(words)-1; i++ {
			words[i] = strings.TrimSuffix(words[i], "_") + "_"
		}
		d.entries = append(d.entries, actorEntry{words: words, code: code})
		if code == "" {
			pending = append(pending, len(d.entries)-1)
		}
	}
	return d, sc.Err()
}

// find returns the actor mentions of text, longest match first.
func (d *actorDict) find(text string) []event.ActorMention {
	type word struct {
		s          string
		start, end int
	}
	var ws []word
	start := -1
	for i, r := range text + " " {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			ws = append(ws, word{strings.ToUpper(text[start:i]), start, i})
			start = -1
		}
	}
	var out []event.ActorMention
	for i := 0; i < len(ws); {
		best, bestN := -1, 0
		for ei, e := range d.entries {
			if len(e.words) <= bestN || i+len(e.words) > len(ws) || e.code == "" || e.code == "---" {
				continue
			}
			ok := true
			for k, w := range e.words {
				t := ws[i+k].s
				if strings.HasSuffix(w, "_") {
					ok = t == strings.TrimSuffix(w, "_")
				} else {
					ok = strings.HasPrefix(t, w)
				}
				if !ok {
					break
				}
			}
			if ok {
				best, bestN = ei, len(e.words)
			}
		}
		if best < 0 {
			i++
			continue
		}
		e := d.entries[best]
		out = append(out, event.ActorMention{Span: event.Span{Start: ws[i].start, End: ws[i+bestN-1].end}, Name: strings.Join(e.words, " "), Code: e.code})
		i += bestN
	}
	return out
}
