package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
	"time"
)

// phoenixGz is the actor dictionary compiled by scripts/actors from the
// PETRARCH-2 Phoenix dictionaries (MIT licence; attribution in its header).
//
//go:embed data/phoenix.tsv.gz
var phoenixGz []byte

// dictCode is a CAMEO-style code of a dictionary actor, valid from From to
// Until (a zero bound is open) when Dated.
type dictCode struct {
	Code        string
	From, Until time.Time
	Dated       bool
}

// dictEntry is one actor of the dictionary.
type dictEntry struct {
	Key   string // the entry's first name key: its identity
	Kind  byte   // 'P' person, 'O' organisation, '?' unknown
	File  byte   // 'C' countries, 'I' international, 'M' military non-state
	Codes []dictCode
}

// dictionary indexes the entries by normalised name key.
type dictionary struct {
	entries []dictEntry
	byKey   map[string]int32
}

var (
	dictOnce sync.Once
	dictData *dictionary
)

// dict returns the parsed, embedded actor dictionary (empty if it cannot
// be read; a test checks that it can).
func dict() *dictionary {
	dictOnce.Do(func() {
		d, err := parseDict(bytes.NewReader(phoenixGz), true)
		if err != nil {
			d = &dictionary{byKey: map[string]int32{}}
		}
		dictData = d
	})
	return dictData
}

// parseDict reads the compiled dictionary format (see scripts/actors),
// gzip-compressed when gz is true. Malformed lines are skipped.
func parseDict(r io.Reader, gz bool) (*dictionary, error) {
	if gz {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	d := &dictionary{byKey: map[string]int32{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || len(f[0]) != 1 || len(f[1]) != 1 {
			continue
		}
		e := dictEntry{Kind: f[0][0], File: f[1][0]}
		for _, c := range strings.Fields(f[2]) {
			if dc, ok := parseDictCode(c); ok {
				e.Codes = append(e.Codes, dc)
			}
		}
		if len(e.Codes) == 0 {
			continue
		}
		id := int32(len(d.entries))
		for _, n := range strings.Split(f[3], "|") {
			k := Key(n)
			if k == "" {
				continue
			}
			if e.Key == "" {
				e.Key = k
			}
			if _, ok := d.byKey[k]; !ok {
				d.byKey[k] = id
			}
		}
		if e.Key != "" {
			d.entries = append(d.entries, e)
		}
	}
	return d, sc.Err()
}

// parseDictCode reads "USAGOV" or "USAGOV:FROM-UNTIL" (YYYYMMDD, either
// bound may be empty).
func parseDictCode(s string) (dictCode, bool) {
	c, rng, dated := strings.Cut(s, ":")
	dc := dictCode{Code: c, Dated: dated}
	if c == "" {
		return dc, false
	}
	if !dated {
		return dc, true
	}
	a, b, ok := strings.Cut(rng, "-")
	if !ok {
		return dc, false
	}
	var err error
	if a != "" {
		if dc.From, err = time.Parse("20060102", a); err != nil {
			return dc, false
		}
	}
	if b != "" {
		if dc.Until, err = time.Parse("20060102", b); err != nil {
			return dc, false
		}
	}
	return dc, true
}

// lookup returns the entry a name key belongs to, or nil.
func (d *dictionary) lookup(key string) *dictEntry {
	if i, ok := d.byKey[key]; ok {
		return &d.entries[i]
	}
	return nil
}

// contains reports whether date t falls in the code's range.
func (c dictCode) contains(t time.Time) bool {
	return (c.From.IsZero() || !t.Before(c.From)) && (c.Until.IsZero() || !t.After(c.Until))
}

// codeAt returns the code valid at date t and whether a dated range holds
// t. Of the dated codes whose range holds t, the one that started last
// wins; else the first undated code (the dictionary's default). With no
// date, the most recent dated code, else the undated one. It returns ""
// when no code applies (t outside every range and no default).
func (e *dictEntry) codeAt(t time.Time) (code string, inRange bool) {
	var best *dictCode
	undated := ""
	for i := range e.Codes {
		c := &e.Codes[i]
		switch {
		case !c.Dated:
			if undated == "" {
				undated = c.Code
			}
		case t.IsZero():
			if best == nil || later(c.Until, best.Until) {
				best = c
			}
		case c.contains(t) && (best == nil || c.From.After(best.From)):
			best = c
		}
	}
	switch {
	case best != nil:
		return best.Code, !t.IsZero()
	case undated != "":
		return undated, false
	}
	return "", false
}

// later reports whether end a is later than end b (zero is open, the
// latest).
func later(a, b time.Time) bool {
	if a.IsZero() {
		return !b.IsZero()
	}
	return !b.IsZero() && a.After(b)
}

// Warm loads the embedded actor dictionary and knowledge base now, for a
// caller that would rather pay for them on a goroutine of its own than in
// the first resolution (where a second worker waits on the first's load).
func Warm() {
	dict()
	kb()
}
